// Small hand-built preferences and brute force over every package, to check the structured searches against.
import fc from 'fast-check';
import type { Preferences } from '../../src/model/game.js';
import type { Terms } from '../../src/model/types.js';
import { utilities } from '../../src/analysis/frontier.js';

/** Preferences from raw weights (normalised here), option values and a reservation value. */
export function prefsOf(weights: number[], values: number[][], reservation = 0, redLines: [number, number][] = [], redPairs: Preferences['redPairs'] = []): Preferences {
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => (sum > 0 ? x / sum : 1 / weights.length));
  let min = 0;
  let max = 0;
  w.forEach((x, i) => {
    min += x * Math.min(...values[i]!);
    max += x * Math.max(...values[i]!);
  });
  const redLine = values.map((row, i) => row.map((_, o) => redLines.some(([ri, ro]) => ri === i && ro === o)));
  return { weights: w, values, min, max, reservation, redLine, redPairs, discount: 1 };
}

/** Every package of a space with these option counts. */
export function allPackages(sizes: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of sizes) out = out.flatMap((t) => Array.from({ length: n }, (_, o) => [...t, o]));
  return out;
}

export function crossesAny(prefs: readonly Preferences[], terms: Terms): boolean {
  return prefs.some((p) => terms.some((o, i) => p.redLine[i]![o] === true));
}

/** Every package (red-line-free ones only, if asked) with its utilities. */
export function enumerate(prefs: readonly Preferences[], excludeRedLines = false): { terms: number[]; u: number[] }[] {
  const sizes = prefs[0]!.values.map((row) => row.length);
  return allPackages(sizes)
    .filter((t) => !excludeRedLines || !crossesAny(prefs, t))
    .map((terms) => ({ terms, u: utilities(prefs, terms) }));
}

export interface SmallProblem {
  prefs: Preferences[];
  excludeRedLines: boolean;
}

/**
 * Random small problems: 2–3 parties, 2–4 issues with 2–4 options, values on a coarse grid (so ties happen),
 * reservations in [0, 0.8], sometimes a red line or two.
 */
export const smallProblem: fc.Arbitrary<SmallProblem> = fc
  .record({
    parties: fc.integer({ min: 2, max: 3 }),
    sizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 4 }),
    excludeRedLines: fc.boolean(),
    seedValues: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3 * 4 * 4, maxLength: 3 * 4 * 4 }),
    seedWeights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 12, maxLength: 12 }),
    reservations: fc.array(fc.integer({ min: 0, max: 16 }), { minLength: 3, maxLength: 3 }),
    redLines: fc.array(fc.tuple(fc.nat(2), fc.nat(3), fc.nat(3)), { maxLength: 2 }),
  })
  .map(({ parties, sizes, excludeRedLines, seedValues, seedWeights, reservations, redLines }) => {
    const prefs = Array.from({ length: parties }, (_, p) => {
      const weights = sizes.map((_, i) => seedWeights[(p * 4 + i) % seedWeights.length]!);
      const values = sizes.map((n, i) => Array.from({ length: n }, (_, o) => seedValues[p * 16 + i * 4 + o]! / 8));
      const lines = redLines.filter(([rp, ri, ro]) => rp === p && ri < sizes.length && ro < sizes[ri]!).map(([, ri, ro]) => [ri, ro] as [number, number]);
      return prefsOf(weights, values, reservations[p]! / 20, lines);
    });
    return { prefs, excludeRedLines };
  });

/** A four-party, fourteen-issue, four-option problem like a full scenario, from a deterministic generator. */
export function bigProblem(seed: number, parties = 4, issues = 14, options = 4): Preferences[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: deterministic test data, no Math.random.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  return Array.from({ length: parties }, () =>
    prefsOf(
      Array.from({ length: issues }, () => next() + 0.05),
      Array.from({ length: issues }, () => Array.from({ length: options }, () => next())),
      0.45,
    ),
  );
}
