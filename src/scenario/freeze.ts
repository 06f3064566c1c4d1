// A loaded scenario is cleaned (no control characters in any text; names on one line) and deeply frozen.
import { cleanText } from './clean-text.js';

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Fields shown on one line (a name in a log line, a label in a list): a newline there could forge a line. */
const ONE_LINE = new Set(['id', 'name', 'leader', 'label', 'title', 'host', 'guest', 'envoy', 'party', 'toward', 'territory', 'issue', 'option']);

/** A copy with every string (keys included) passed through cleanText, and one-line fields kept to one line. */
export function cleanDeep(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    const clean = cleanText(value);
    return key !== undefined && ONE_LINE.has(key) ? clean.replace(/\s*\n\s*/g, ' ') : clean;
  }
  if (Array.isArray(value)) return value.map((item) => cleanDeep(item, key));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanDeep(v, k);
    return out;
  }
  return value;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
