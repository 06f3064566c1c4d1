import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { egalitarianPoint, kalaiPoint, nashPoint } from '../../src/analysis/bargaining-points.js';
import { dominates, idealPoint, isParetoOptimal, maxWelfare, nashProduct, paretoFrontier, paretoImprovement, simplexLattice, utilities } from '../../src/analysis/frontier.js';
import { zopa } from '../../src/analysis/zopa.js';
import { utility, type Preferences } from '../../src/model/game.js';
import { bigProblem, enumerate, prefsOf, smallProblem } from './fixtures.js';

const RUNS = { numRuns: 200 };

/** Two parties with opposed values on three issues; A cares most about issue 0, B about issue 1. */
const logroll = [
  prefsOf(
    [0.6, 0.1, 0.3],
    [
      [1, 0.5, 0],
      [1, 0.5, 0],
      [1, 0.5, 0],
    ],
    0.3,
  ),
  prefsOf(
    [0.1, 0.6, 0.3],
    [
      [0, 0.5, 1],
      [0, 0.5, 1],
      [0, 0.5, 1],
    ],
    0.3,
  ),
];

describe('utilities and dominance', () => {
  it('agrees with the model utility', () => {
    expect(utilities(logroll, [0, 2, 1])).toEqual([utility(logroll[0]!, [0, 2, 1]), utility(logroll[1]!, [0, 2, 1])]);
  });

  it('dominates means weakly better for all and strictly for one', () => {
    expect(dominates([0.5, 0.5], [0.5, 0.4])).toBe(true);
    expect(dominates([0.5, 0.5], [0.5, 0.5])).toBe(false);
    expect(dominates([0.6, 0.3], [0.5, 0.4])).toBe(false);
  });

  it('the lattice covers the simplex', () => {
    const l = simplexLattice(3, 4);
    expect(l).toHaveLength(15);
    for (const w of l) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('maxWelfare', () => {
  it('equals brute force for random weights', () => {
    fc.assert(
      fc.property(smallProblem, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), ({ prefs, excludeRedLines }, raw) => {
        const lambdas = prefs.map((_, p) => raw[p]!);
        const all = enumerate(prefs, excludeRedLines);
        const terms = maxWelfare(prefs, lambdas, { excludeRedLines });
        if (all.length === 0) {
          expect(terms).toBeUndefined();
          return;
        }
        const value = (u: number[]) => u.reduce((s, x, p) => s + lambdas[p]! * x, 0);
        const best = Math.max(...all.map((x) => value(x.u)));
        expect(value(utilities(prefs, terms!))).toBeCloseTo(best, 9);
      }),
      RUNS,
    );
  });

  it('defaults to the utilitarian sum and is Pareto optimal even with a zero weight', () => {
    const terms = maxWelfare(logroll, [1, 0]);
    expect(terms).toEqual([0, 0, 0]);
    expect(maxWelfare(logroll)).toEqual([0, 2, 0]);
  });

  it('excludes red lines when asked, and says when an issue has no option left', () => {
    const a = prefsOf(
      [1, 1],
      [
        [1, 0],
        [1, 0],
      ],
      0,
      [[0, 0]],
    );
    const b = prefsOf(
      [1, 1],
      [
        [1, 0],
        [1, 0],
      ],
      0,
      [[0, 1]],
    );
    expect(maxWelfare([a, b])).toEqual([0, 0]);
    expect(maxWelfare([a, b], undefined, { excludeRedLines: true })).toBeUndefined();
    expect(maxWelfare([a], undefined, { excludeRedLines: true })).toEqual([1, 0]);
  });
});

describe('paretoFrontier', () => {
  it('returns only packages no package dominates, each passing the local check', () => {
    fc.assert(
      fc.property(smallProblem, ({ prefs, excludeRedLines }) => {
        const all = enumerate(prefs, excludeRedLines);
        const frontier = paretoFrontier(prefs, { excludeRedLines });
        if (all.length === 0) expect(frontier).toEqual([]);
        else expect(frontier.length).toBeGreaterThan(0);
        const keys = new Set(frontier.map((f) => f.terms.join(',')));
        expect(keys.size).toBe(frontier.length);
        for (const point of frontier) {
          expect(point.utilities).toEqual(utilities(prefs, point.terms));
          expect(all.some((x) => dominates(x.u, point.utilities))).toBe(false);
          expect(isParetoOptimal(prefs, point.terms, { excludeRedLines })).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('for two parties holds a maximiser of every weighted sum (all supported points)', () => {
    const twoParties = smallProblem.filter((s) => s.prefs.length === 2);
    fc.assert(
      fc.property(twoParties, fc.double({ min: 0, max: 1, noNaN: true }), ({ prefs, excludeRedLines }, t) => {
        const all = enumerate(prefs, excludeRedLines);
        fc.pre(all.length > 0);
        const value = (u: readonly number[]) => (1 - t) * u[0]! + t * u[1]!;
        const frontier = paretoFrontier(prefs, { excludeRedLines });
        expect(Math.max(...frontier.map((f) => value(f.utilities)))).toBeCloseTo(Math.max(...all.map((x) => value(x.u))), 9);
      }),
      RUNS,
    );
  });

  it('finds both ends and the logroll in between', () => {
    const frontier = paretoFrontier(logroll);
    const keys = frontier.map((f) => f.terms.join(','));
    expect(keys).toContain('0,0,0'); // A's ideal
    expect(keys).toContain('2,2,2'); // B's ideal
    expect(keys).toContain('0,2,0'); // the logroll: A wins issue 0, B issue 1
    expect(frontier[0]!.utilities[0]).toBeCloseTo(1, 12); // sorted by the first party, best first
  });
});

describe('isParetoOptimal and paretoImprovement', () => {
  it('finds a two-issue trade that helps both', () => {
    // Splitting both issues down the middle: trading issue 0 to A and issue 1 to B helps both.
    expect(isParetoOptimal(logroll, [1, 1, 1])).toBe(false);
    const better = paretoImprovement(logroll, [1, 1, 1])!;
    expect(dominates(utilities(logroll, better), utilities(logroll, [1, 1, 1]))).toBe(true);
    expect(isParetoOptimal(logroll, [0, 2, 1])).toBe(true);
  });
});

describe('nashPoint', () => {
  it('equals the brute-force maximum of the Nash product', () => {
    fc.assert(
      fc.property(smallProblem, ({ prefs, excludeRedLines }) => {
        const d = prefs.map((p) => p.reservation);
        const best = Math.max(-Infinity, ...enumerate(prefs, excludeRedLines).map((x) => nashProduct(x.u, d)));
        const nash = nashPoint(prefs, d, { excludeRedLines, tolerance: 0 });
        if (best === -Infinity) {
          expect(nash).toBeUndefined();
          return;
        }
        expect(nash).toBeDefined();
        expect(nash!.exact).toBe(true);
        expect(nash!.value).toBeCloseTo(best, 12);
        expect(nash!.utilities.every((u, p) => u > d[p]!)).toBe(true);
      }),
      RUNS,
    );
  });

  it('with the default tolerance is within a millionth of the optimum', () => {
    fc.assert(
      fc.property(smallProblem, ({ prefs, excludeRedLines }) => {
        const d = prefs.map((p) => p.reservation);
        const best = Math.max(-Infinity, ...enumerate(prefs, excludeRedLines).map((x) => nashProduct(x.u, d)));
        const nash = nashPoint(prefs, d, { excludeRedLines });
        if (best === -Infinity) expect(nash).toBeUndefined();
        else expect(nash!.value).toBeGreaterThanOrEqual(best * (1 - 1e-6));
      }),
      RUNS,
    );
  });

  it('picks the logroll', () => {
    const nash = nashPoint(logroll, [0.3, 0.3])!;
    expect(nash.terms.slice(0, 2)).toEqual([0, 2]);
    expect(nash.exact).toBe(true);
  });

  it('is undefined when no package beats every disagreement point (no ZOPA)', () => {
    expect(nashPoint(logroll, [0.8, 0.8])).toBeUndefined();
  });

  it('with a tiny node budget still returns an admissible package, flagged inexact or proven', () => {
    fc.assert(
      fc.property(smallProblem, ({ prefs, excludeRedLines }) => {
        const d = prefs.map((p) => p.reservation);
        const nash = nashPoint(prefs, d, { excludeRedLines, nodeBudget: 3 });
        const exact = nashPoint(prefs, d, { excludeRedLines, tolerance: 0 });
        if (nash) {
          expect(nashProduct(nash.utilities, d)).toBeGreaterThan(0);
          expect(nash.value).toBeLessThanOrEqual(exact!.value + 1e-12);
          if (nash.exact) expect(nash.value).toBeGreaterThanOrEqual(exact!.value * (1 - 1e-6));
        }
      }),
      RUNS,
    );
  });

  it('handles a full-size scenario (14 issues × 4 options × 4 parties) and proves its answer', () => {
    for (const seed of [1, 2, 3]) {
      const prefs = bigProblem(seed);
      const d = prefs.map((p) => p.reservation);
      const frontier = paretoFrontier(prefs);
      const nash = nashPoint(prefs, d, { frontier })!;
      expect(nash.exact).toBe(true);
      expect(nash.value).toBeGreaterThanOrEqual(Math.max(...frontier.map((f) => nashProduct(f.utilities, d))));
      expect(isParetoOptimal(prefs, nash.terms)).toBe(true);
    }
  });
});

const noRed = (sizes: number[]) => sizes.map((k) => new Array<boolean>(k).fill(false));
const KALAI_DOMINATED: Preferences[] = [
  {
    weights: [0.45454545454545453, 0.045454545454545456, 0.09090909090909091, 0.4090909090909091],
    values: [
      [0.375, 0.875],
      [0, 0, 0.375, 0.875],
      [0.75, 0],
      [0, 0.25, 0.875],
    ],
    min: 0.17045454545454544,
    max: 0.8636363636363635,
    reservation: 0.05,
    redLine: noRed([2, 4, 2, 3]),
    redPairs: [],
    discount: 1,
  },
  {
    weights: [0.043478260869565216, 0.30434782608695654, 0.30434782608695654, 0.34782608695652173],
    values: [
      [0.5, 0.125],
      [0, 0, 0.375, 0],
      [1, 0],
      [0, 1, 0.625],
    ],
    min: 0.005434782608695652,
    max: 0.7880434782608696,
    reservation: 0.4,
    redLine: noRed([2, 4, 2, 3]),
    redPairs: [],
    discount: 1,
  },
];

describe('kalaiPoint and egalitarianPoint', () => {
  it('kalai equals the brute-force maximum of the smallest normalised gain, and is not dominated', () => {
    fc.assert(
      fc.property(smallProblem, ({ prefs, excludeRedLines }) => {
        const d = prefs.map((p) => p.reservation);
        const all = enumerate(prefs, excludeRedLines);
        const ideal = idealPoint(prefs, { excludeRedLines });
        const k = kalaiPoint(prefs, d, { excludeRedLines, tolerance: 0 });
        const feasible = ideal !== undefined && ideal.every((x, p) => x - d[p]! > 1e-12);
        const value = (u: number[]) => Math.min(...u.map((x, p) => (x - d[p]!) / (ideal![p]! - d[p]!)));
        const best = feasible ? Math.max(...all.map((x) => value(x.u))) : -Infinity;
        if (best <= 1e-12) {
          expect(k).toBeUndefined();
          return;
        }
        expect(k!.value).toBeCloseTo(best, 12);
        expect(all.some((x) => dominates(x.u, k!.utilities))).toBe(false);
      }),
      // A case once found: the best minimum's package was dominated through three issues at once.
      { ...RUNS, examples: [[{ prefs: KALAI_DOMINATED, excludeRedLines: false }]] },
    );
  });

  it('egalitarian equals the brute-force maximum of the smallest gain', () => {
    fc.assert(
      fc.property(smallProblem, ({ prefs, excludeRedLines }) => {
        const d = prefs.map((p) => p.reservation);
        const best = Math.max(-Infinity, ...enumerate(prefs, excludeRedLines).map((x) => Math.min(...x.u.map((u, p) => u - d[p]!))));
        const e = egalitarianPoint(prefs, d, { excludeRedLines, tolerance: 0 });
        if (best <= 1e-12) expect(e).toBeUndefined();
        else expect(e!.value).toBeCloseTo(best, 12);
      }),
      RUNS,
    );
  });

  it('kalai splits the logroll evenly toward each ideal', () => {
    const k = kalaiPoint(logroll, [0.3, 0.3])!;
    expect(k.terms.slice(0, 2)).toEqual([0, 2]);
  });
});

describe('zopa', () => {
  it('exists when some package beats every reservation, with the Nash point as its best', () => {
    const z = zopa(logroll, [0.3, 0.3]);
    expect(z.exists).toBe(true);
    expect(z.certain).toBe(true);
    expect(z.best).toEqual(nashPoint(logroll, [0.3, 0.3])!.terms);
    expect(z.size.exhaustive).toBe(true);
    expect(z.size.sampled).toBe(27);
    const inside = enumerate(logroll).filter((x) => x.u.every((u) => u > 0.3)).length;
    expect(z.size.inside).toBe(inside);
    expect(z.size.fraction).toBeCloseTo(inside / 27, 12);
  });

  it('does not exist when the reservations are too high', () => {
    const z = zopa(logroll, [0.8, 0.8]);
    expect(z).toMatchObject({ exists: false, certain: true, size: { inside: 0, fraction: 0 } });
    expect(z.best).toBeUndefined();
  });

  it('agrees with brute force on existence and, for small spaces, on the size', () => {
    fc.assert(
      fc.property(smallProblem, ({ prefs, excludeRedLines }) => {
        const d = prefs.map((p) => p.reservation);
        const inside = enumerate(prefs, excludeRedLines).filter((x) => x.u.every((u, p) => u - d[p]! > 1e-12)).length;
        const z = zopa(prefs, d, { excludeRedLines });
        expect(z.exists).toBe(inside > 0);
        expect(z.size.exhaustive).toBe(true);
        expect(z.size.inside).toBe(inside);
      }),
      RUNS,
    );
  });

  it('samples large spaces deterministically and says how many it drew', () => {
    const prefs = bigProblem(7);
    const d = prefs.map(() => 0.4);
    const a = zopa(prefs, d, { sampleSize: 500 });
    const b = zopa(prefs, d, { sampleSize: 500 });
    expect(a.size).toEqual(b.size);
    expect(a.size).toMatchObject({ sampled: 500, exhaustive: false });
    expect(a.exists).toBe(true);
  });
});
