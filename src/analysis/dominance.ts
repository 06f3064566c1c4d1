// Is a package Pareto-dominated — is there another that is at least as good for every party and better for one?
// Exact, by depth-first branch and bound over the issues: a branch is cut when some party can no longer reach
// its utility in the package (even with its best remaining options), or when the total utility can no longer
// beat the package's. Linear additive utility makes both bounds sums of per-issue maxima. A node budget keeps
// the worst case bounded; the answer says whether the search finished.
import type { Preferences } from '../model/game.js';
import type { Terms } from '../model/types.js';
import { clashes, compileSpace, EPS, reachableFrom, utilitiesOf, type Space, type SpaceOptions } from './space.js';

export interface Dominance {
  /** A package that dominates the one asked about, when one was found. */
  by?: number[];
  /** True when the search finished: no dominating package exists if `by` is undefined. */
  exact: boolean;
}

export interface DominanceOptions extends SpaceOptions {
  /** Nodes the search may visit. Default 2,000,000. */
  nodeBudget?: number;
}

/** A package at least as good for everyone as `terms` and better for someone (by more than rounding), if any. */
export function dominance(prefs: readonly Preferences[], terms: Terms, opts: DominanceOptions = {}): Dominance {
  const space = compileSpace(prefs, opts);
  if (!space) return { exact: true };
  return dominanceIn(space, terms, opts.nodeBudget ?? 2_000_000);
}

/** The same search in a compiled package space, visiting at most `budget` nodes. */
export function dominanceIn(space: Space, terms: Terms, budget: number): Dominance {
  const n = space.parties;
  const issues = space.issues;
  const need = utilitiesOf(space, terms);
  const needSum = need.reduce((a, b) => a + b, 0);
  // Per issue: its allowed options, best total first (the likeliest improvements are tried first).
  const order = space.options.map((opts, i) =>
    [...opts].sort((a, b) => {
      let sa = 0;
      let sb = 0;
      for (let p = 0; p < n; p++) {
        sa += space.gain[p]![i]![a]!;
        sb += space.gain[p]![i]![b]!;
      }
      return sb - sa;
    }),
  );
  // Suffix maxima: from issue i on, each party's best reachable gain, and the best reachable total.
  const capFrom = reachableFrom(space);
  const sumFrom: number[] = new Array<number>(issues + 1).fill(0);
  for (let i = issues - 1; i >= 0; i--) {
    let bestSum = -Infinity;
    for (const o of space.options[i]!) {
      let s = 0;
      for (let p = 0; p < n; p++) s += space.gain[p]![i]![o]!;
      if (s > bestSum) bestSum = s;
    }
    sumFrom[i] = sumFrom[i + 1]! + bestSum;
  }
  let nodes = 0;
  const u = new Array<number>(n).fill(0);
  const pick = new Array<number>(issues).fill(0);
  let found: number[] | undefined;
  let sum = 0;

  const visit = (i: number): boolean => {
    if (++nodes > budget) return true;
    if (sum + sumFrom[i]! <= needSum + EPS) return false;
    for (let p = 0; p < n; p++) if (u[p]! + capFrom[i]![p]! < need[p]! - EPS) return false;
    if (i === issues) {
      found = [...pick];
      return true;
    }
    for (const o of order[i]!) {
      if (clashes(space, i, o, (j) => (j < i ? pick[j]! : -1))) continue;
      pick[i] = o;
      let s = 0;
      for (let p = 0; p < n; p++) {
        const g = space.gain[p]![i]![o]!;
        u[p]! += g;
        s += g;
      }
      sum += s;
      const stop = visit(i + 1);
      for (let p = 0; p < n; p++) u[p]! -= space.gain[p]![i]![o]!;
      sum -= s;
      if (stop) return true;
    }
    return false;
  };
  visit(0);
  return found ? { by: found, exact: true } : { exact: nodes <= budget };
}

/** Whether `terms` is Pareto-dominated (exact within the node budget; undefined when the search ran out). */
export function isDominated(prefs: readonly Preferences[], terms: Terms, opts: DominanceOptions = {}): boolean | undefined {
  const d = dominance(prefs, terms, opts);
  return d.by !== undefined ? true : d.exact ? false : undefined;
}
