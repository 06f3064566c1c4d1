// Signing files this game writes (cache entries, a class's saves) so that an edit shows: HMAC-SHA256 in hex,
// checked in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

/** Whether two hex signatures are the same (false for an empty or malformed one). */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
