// A fingerprint of a World: two independent 32-bit FNV-1a hashes over its canonical JSON. Saves carry it so
// that a replay can prove it reproduced the same game.
import type { World } from './types.js';

export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function hashWorld(world: World): string {
  return hashText(JSON.stringify(world));
}

/**
 * The hash a version-1 save recorded for the same world: version 2 added bookkeeping that the version-1 rules
 * did not keep (the round each posture began, the reasons given for rejections) and changed nothing else, so
 * a version-1 game replays to the same world less those fields.
 */
export function hashWorldV1(world: World): string {
  return hashText(
    JSON.stringify(world, function (key, value: unknown) {
      if (key === 'postureSince' && typeof value === 'number') return undefined;
      if (key === 'reasons' && Array.isArray((this as { accepted?: unknown }).accepted)) return undefined;
      return value;
    }),
  );
}
