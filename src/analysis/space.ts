// The package space compiled for search: per party, per issue, per option the weighted value w·v, and per
// issue the options a search may use. Linear additive utility makes most questions separable by issue; the
// helpers here are the shared arithmetic of frontier.ts (internal to src/analysis).
import type { Preferences } from '../model/game.js';
import type { Terms } from '../model/types.js';

/** Options every search over the package space accepts. */
export interface SpaceOptions {
  /**
   * Leave out every option that is any party's red line, so only packages every party could sign are
   * considered. Default false: the whole package space.
   */
  excludeRedLines?: boolean;
}

/** Tolerance for comparing utilities (sums of a few dozen products of numbers in [0, 1]). */
export const EPS = 1e-9;

export interface Space {
  parties: number;
  issues: number;
  /** Allowed option indices per issue, ascending. */
  options: number[][];
  /** gain[p][i][o] = weight of issue i for party p × value of option o: utility is the sum over issues. */
  gain: number[][][];
}

/**
 * Compiles preferences into a search space. Returns undefined when red lines are excluded and some issue has
 * no option left (no package can be signed). Throws when the parties disagree on the shape of the space.
 */
export function compileSpace(prefs: readonly Preferences[], opts: SpaceOptions = {}): Space | undefined {
  const first = prefs[0];
  if (!first) throw new Error('analysis needs at least one party');
  const issues = first.weights.length;
  const sizes = first.values.map((row) => row.length);
  for (const p of prefs) {
    if (p.weights.length !== issues || p.values.length !== issues) throw new Error('parties disagree on the number of issues');
    p.values.forEach((row, i) => {
      if (row.length !== sizes[i]) throw new Error(`parties disagree on the options of issue ${i}`);
    });
  }
  const gain = prefs.map((p) => p.values.map((row, i) => row.map((v) => p.weights[i]! * v)));
  const options: number[][] = [];
  for (let i = 0; i < issues; i++) {
    const allowed: number[] = [];
    for (let o = 0; o < sizes[i]!; o++) {
      if (opts.excludeRedLines && prefs.some((p) => p.redLine[i]?.[o] === true)) continue;
      allowed.push(o);
    }
    if (allowed.length === 0) return undefined;
    options.push(allowed);
  }
  return { parties: prefs.length, issues, options, gain };
}

export function utilitiesOf(space: Space, terms: Terms): number[] {
  const u: number[] = new Array<number>(space.parties).fill(0);
  for (let p = 0; p < space.parties; p++) {
    const g = space.gain[p]!;
    let sum = 0;
    for (let i = 0; i < space.issues; i++) sum += g[i]![terms[i]!]!;
    u[p] = sum;
  }
  return u;
}

/** Each party's best utility over the allowed space (its ideal, or utopia, value). */
export function idealUtilities(space: Space): number[] {
  return space.gain.map((g) => {
    let sum = 0;
    for (let i = 0; i < space.issues; i++) {
      let best = -Infinity;
      for (const o of space.options[i]!) best = Math.max(best, g[i]![o]!);
      sum += best;
    }
    return sum;
  });
}

/** Each party's utility range (ideal minus worst) over the allowed space. */
export function utilityRanges(space: Space): number[] {
  return space.gain.map((g) => {
    let sum = 0;
    for (let i = 0; i < space.issues; i++) {
      let hi = -Infinity;
      let lo = Infinity;
      for (const o of space.options[i]!) {
        hi = Math.max(hi, g[i]![o]!);
        lo = Math.min(lo, g[i]![o]!);
      }
      sum += hi - lo;
    }
    return sum;
  });
}

/**
 * The package maximising Σ coef_p·u_p, found issue by issue (exact, because utility is additive). Ties on an
 * issue go to the option with the larger plain sum of gains, then to the lower index: with that rule the result
 * is Pareto optimal for any non-negative coefficients, zeros included.
 */
export function argmaxLinear(space: Space, coef: readonly number[]): number[] {
  const terms: number[] = new Array<number>(space.issues).fill(0);
  for (let i = 0; i < space.issues; i++) {
    let best = -1;
    let bestScore = -Infinity;
    let bestTie = -Infinity;
    for (const o of space.options[i]!) {
      let score = 0;
      let tie = 0;
      for (let p = 0; p < space.parties; p++) {
        const g = space.gain[p]![i]![o]!;
        score += coef[p]! * g;
        tie += g;
      }
      if (score > bestScore + 1e-12 || (score > bestScore - 1e-12 && tie > bestTie + 1e-12)) {
        best = o;
        bestScore = Math.max(score, bestScore);
        bestTie = tie;
      }
    }
    terms[i] = best;
  }
  return terms;
}

export function termsKey(terms: Terms): string {
  return terms.join(',');
}

/** For each issue and allowed option, each party's utility change from switching `terms` to that option. */
export function moveDeltas(space: Space, terms: Terms): { issue: number; option: number; delta: number[] }[][] {
  const out: { issue: number; option: number; delta: number[] }[][] = [];
  for (let i = 0; i < space.issues; i++) {
    const row: { issue: number; option: number; delta: number[] }[] = [];
    const current = terms[i]!;
    for (const o of space.options[i]!) {
      if (o === current) continue;
      row.push({ issue: i, option: o, delta: space.gain.map((g) => g[i]![o]! - g[i]![current]!) });
    }
    out.push(row);
  }
  return out;
}
