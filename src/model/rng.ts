// The seeded generator. Its whole state is one 32-bit integer kept in World, so a step stays a pure function
// and a saved game carries its randomness with it. Algorithm: mulberry32 (small, fast, good enough for games).

/** Returns a float in [0, 1) and the next state. */
export function nextRandom(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Mixes a seed with a label (a party id, a purpose) into an independent stream's starting state. */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const label of labels) {
    const s = String(label);
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h | 0;
}

/** A mutable generator for code that owns its stream (AI decisions, simulation seeds); never stored in World. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    const [value, state] = nextRandom(this.state);
    this.state = state;
    return value;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** A normally distributed draw (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}
