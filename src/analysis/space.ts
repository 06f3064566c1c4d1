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
  /**
   * Combinations some party never signs (its conditional red lines), when red lines are excluded:
   * `clash[i][o]` lists the [issue, option] pairs option o of issue i must not go with.
   */
  clash: [number, number][][][];
  /** Whether any combination is forbidden (so searches can skip the checks when none is). */
  hasClashes: boolean;
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
  const clash: [number, number][][][] = sizes.map((n) => Array.from({ length: n }, () => []));
  let hasClashes = false;
  if (opts.excludeRedLines) {
    for (const p of prefs) {
      for (const r of p.redPairs) {
        clash[r.issue]![r.option]!.push([r.with, r.withOption]);
        clash[r.with]![r.withOption]!.push([r.issue, r.option]);
        hasClashes = true;
      }
    }
  }
  return { parties: prefs.length, issues, options, gain, clash, hasClashes };
}

/** Whether a package crosses none of the space's forbidden combinations. */
export function admissible(space: Space, terms: Terms): boolean {
  if (!space.hasClashes) return true;
  for (let i = 0; i < space.issues; i++) {
    for (const [j, p] of space.clash[i]![terms[i]!]!) if (terms[j] === p) return false;
  }
  return true;
}

/**
 * Whether option o of issue i clashes with an option already chosen: `chosen(j)` gives issue j's option, or −1
 * while it is open.
 */
export function clashes(space: Space, i: number, o: number, chosen: (j: number) => number): boolean {
  if (!space.hasClashes) return false;
  for (const [j, p] of space.clash[i]![o]!) if (chosen(j) === p) return true;
  return false;
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

/**
 * From issue i on, each party's highest reachable gain (`pick` Math.min: its lowest), clashes aside:
 * `reach[i][p]`, with `reach[issues]` all 0 — the bound a branch and bound over the issues cuts on.
 */
export function reachableFrom(space: Space, pick: (a: number, b: number) => number = Math.max): number[][] {
  const reach: number[][] = Array.from({ length: space.issues + 1 }, () => new Array<number>(space.parties).fill(0));
  for (let i = space.issues - 1; i >= 0; i--) {
    for (let p = 0; p < space.parties; p++) {
      const g = space.gain[p]![i]!;
      const opts = space.options[i]!; // never empty in a compiled space
      let best = g[opts[0]!]!;
      for (const o of opts) best = pick(best, g[o]!);
      reach[i]![p] = reach[i + 1]![p]! + best;
    }
  }
  return reach;
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
  return space.hasClashes ? repairClashes(space, terms, coef) : terms;
}

/**
 * Makes a package admissible: while it crosses a forbidden combination, change one of the two options to the
 * best admissible alternative of its issue (by the same weighted score), whichever costs less.
 */
function repairClashes(space: Space, terms: number[], coef: readonly number[]): number[] {
  const score = (i: number, o: number) => space.gain.reduce((s, g, p) => s + coef[p]! * g[i]![o]!, 0);
  for (let guard = 0; guard < 4 * space.issues && !admissible(space, terms); guard++) {
    let bestIssue = -1;
    let bestOption = -1;
    let bestLoss = Infinity;
    for (let i = 0; i < space.issues; i++) {
      const crossing = space.clash[i]![terms[i]!]!.some(([j, p]) => terms[j] === p);
      if (!crossing) continue;
      for (const o of space.options[i]!) {
        if (o === terms[i] || clashes(space, i, o, (j) => (j === i ? -1 : terms[j]!))) continue;
        const loss = score(i, terms[i]!) - score(i, o);
        if (loss < bestLoss) {
          bestLoss = loss;
          bestIssue = i;
          bestOption = o;
        }
      }
    }
    if (bestIssue < 0) break;
    terms[bestIssue] = bestOption;
  }
  return terms;
}

export function termsKey(terms: Terms): string {
  return terms.join(',');
}

/**
 * For each issue and allowed option, each party's utility change from switching `terms` to that option (options
 * that would clash with the rest of `terms` are left out).
 */
export function moveDeltas(space: Space, terms: Terms): { issue: number; option: number; delta: number[] }[][] {
  const out: { issue: number; option: number; delta: number[] }[][] = [];
  for (let i = 0; i < space.issues; i++) {
    const row: { issue: number; option: number; delta: number[] }[] = [];
    const current = terms[i]!;
    for (const o of space.options[i]!) {
      if (o === current || clashes(space, i, o, (j) => (j === i ? -1 : terms[j]!))) continue;
      row.push({ issue: i, option: o, delta: space.gain.map((g) => g[i]![o]! - g[i]![current]!) });
    }
    out.push(row);
  }
  return out;
}
