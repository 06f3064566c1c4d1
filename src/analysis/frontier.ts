// Where the good deals are: welfare maximisation and the Pareto frontier (here), the Nash, Kalai–Smorodinsky
// and egalitarian points (bargaining-points.ts) and the zone of possible agreement (zopa.ts) — the vocabulary
// of negmas' preferences/ops.py (max_welfare_points, pareto_frontier, nash_points, kalai_points), over our
// linear additive Preferences; the exact search behind the points is package-search.ts.
//
// The package space is the product of every issue's options (4^14 ≈ 2.7e8 packages for a full scenario), so
// nothing here enumerates it. Linear additive utility makes any weighted sum of utilities separable by issue:
// the maximiser of Σ λ_p u_p is exact and costs issues × options × parties. Everything else is built on that:
//   - the frontier is the set of such maximisers over a lattice of weight vectors (the supported Pareto points);
//   - the Nash and Kalai points start from the frontier, climb by one- and two-issue changes, and are then
//     proved (or improved) by branch and bound whose bounds are those same separable maximisations
//     (Lagrangian bounds: for any λ ≥ 0, Σ λ_p u_p over a subtree is at most its issue-by-issue maximum).
// The branch and bound has a node budget; results say whether it finished (`exact`).
import type { Preferences } from '../model/game.js';
import type { Terms } from '../model/types.js';
import { EPS, argmaxLinear, clashes, compileSpace, idealUtilities, moveDeltas, termsKey, utilitiesOf, utilityRanges, type Space, type SpaceOptions } from './space.js';

export type { SpaceOptions } from './space.js';

/** A package with each party's utility for it (parties in the order of the preferences given). */
export interface FrontierPoint {
  terms: Terms;
  utilities: number[];
}

/** A bargaining solution: the package, its utilities, the value it maximises and whether that is proven. */
export interface BargainingPoint extends FrontierPoint {
  /** The maximised value: the Nash product Π(u_p − d_p), or the Kalai minimum of normalised gains. */
  value: number;
  /** True when the branch and bound finished within its node budget: no package does better (by more than the tolerance). */
  exact: boolean;
}

export interface FrontierOptions extends SpaceOptions {
  /**
   * Lattice resolution: weight vectors are all (k_1/K, …, k_n/K) with Σ k = K. Default: the largest K whose
   * lattice has at most `maxWeights` points. Two parties ignore it: their supported points are found exactly.
   */
  resolution?: number;
  /** Cap on the number of weight vectors when `resolution` is not given. Default 500. */
  maxWeights?: number;
}

export interface BargainingOptions extends FrontierOptions {
  /** A frontier already computed with the same space options, to start from (saves recomputing it). */
  frontier?: readonly FrontierPoint[];
  /** Nodes the branch and bound may visit before it settles for the best found. Default 200 000. */
  nodeBudget?: number;
  /**
   * Relative optimality tolerance: the search stops looking below a node that cannot beat the best found by more
   * than this fraction, so `exact` means "within this fraction of the optimum". Default 1e-6; 0 asks for the
   * exact optimum (up to rounding), which on near-zero-sum problems can exhaust the node budget.
   */
  tolerance?: number;
}

/** Utility differences this small are ties. */
export const GAIN_EPS = 1e-12;
export const DEFAULT_NODE_BUDGET = 200_000;
export const DEFAULT_TOLERANCE = 1e-6;

// ── utilities ─────────────────────────────────────────────────────────────────────────────────────────────

/** Each party's utility for a package. */
export function utilities(prefs: readonly Preferences[], terms: Terms): number[] {
  return prefs.map((p) => {
    let u = 0;
    for (let i = 0; i < p.weights.length; i++) u += p.weights[i]! * p.values[i]![terms[i]!]!;
    return u;
  });
}

/** Whether utility vector `a` Pareto-dominates `b`: at least as good for everyone, better for someone. */
export function dominates(a: readonly number[], b: readonly number[], eps = EPS): boolean {
  let better = false;
  for (let p = 0; p < a.length; p++) {
    const d = a[p]! - b[p]!;
    if (d < -eps) return false;
    if (d > eps) better = true;
  }
  return better;
}

/** The Nash product Π(u_p − d_p), or −Infinity unless every party gains strictly. */
export function nashProduct(u: readonly number[], disagreement: readonly number[]): number {
  let product = 1;
  for (let p = 0; p < u.length; p++) {
    const gain = u[p]! - disagreement[p]!;
    if (gain <= GAIN_EPS) return -Infinity;
    product *= gain;
  }
  return product;
}

/** Each party's best utility over the package space (its ideal point), red lines excluded if asked. */
export function idealPoint(prefs: readonly Preferences[], opts: SpaceOptions = {}): number[] | undefined {
  const space = compileSpace(prefs, opts);
  return space ? idealUtilities(space) : undefined;
}

// ── welfare ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The package maximising Σ λ_p u_p (default: every λ_p = 1, the utilitarian welfare), exact, issue by issue.
 * Ties go to the larger plain welfare, then to the lower option index, so the result is Pareto optimal.
 * With `excludeRedLines`, returns undefined when some issue has every option red-lined by someone.
 */
export function maxWelfare(prefs: readonly Preferences[], lambdas?: readonly number[]): Terms;
export function maxWelfare(prefs: readonly Preferences[], lambdas: readonly number[] | undefined, opts: SpaceOptions): Terms | undefined;
export function maxWelfare(prefs: readonly Preferences[], lambdas?: readonly number[], opts: SpaceOptions = {}): Terms | undefined {
  const space = compileSpace(prefs, opts);
  if (!space) return undefined;
  return argmaxLinear(space, lambdas ?? prefs.map(() => 1));
}

// ── the Pareto frontier ──────────────────────────────────────────────────────────────────────────────────

/** Weight vectors with Σ = 1 on a lattice of resolution k: every composition of k into n parts, divided by k. */
export function simplexLattice(n: number, k: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = new Array<number>(n).fill(0);
  const rec = (index: number, left: number): void => {
    if (index === n - 1) {
      cur[index] = left;
      out.push(cur.map((c) => c / k));
      return;
    }
    for (let c = left; c >= 0; c--) {
      cur[index] = c;
      rec(index + 1, left - c);
    }
  };
  if (n > 0) rec(0, k);
  return out;
}

function latticeSize(n: number, k: number): number {
  // C(k + n − 1, n − 1)
  let c = 1;
  for (let j = 1; j < n; j++) c = (c * (k + j)) / j;
  return Math.round(c);
}

function defaultResolution(n: number, maxWeights: number): number {
  let k = 1;
  while (k < 1000 && latticeSize(n, k + 1) <= maxWeights) k++;
  return k;
}

/** Weights λ = (1 − t, t) at which some issue's best option changes, for two parties (exact breakpoints). */
function twoPartyWeights(space: Space): number[][] {
  const ts = new Set<number>([0, 1]);
  for (let i = 0; i < space.issues; i++) {
    const opts = space.options[i]!;
    for (let a = 0; a < opts.length; a++) {
      for (let b = a + 1; b < opts.length; b++) {
        const da = space.gain[0]![i]![opts[a]!]! - space.gain[0]![i]![opts[b]!]!;
        const db = space.gain[1]![i]![opts[a]!]! - space.gain[1]![i]![opts[b]!]!;
        // (1 − t)·da + t·db = 0 has a root in (0, 1) only when da and db have opposite signs.
        if ((da > GAIN_EPS && db < -GAIN_EPS) || (da < -GAIN_EPS && db > GAIN_EPS)) ts.add(da / (da - db));
      }
    }
  }
  const sorted = [...ts].sort((x, y) => x - y);
  const out: number[] = [];
  for (let j = 0; j < sorted.length; j++) {
    out.push(sorted[j]!);
    if (j + 1 < sorted.length) out.push((sorted[j]! + sorted[j + 1]!) / 2);
  }
  return out.map((t) => [1 - t, t]);
}

/** Keeps the points no other point dominates (first of equal utility vectors kept). */
export function nonDominated<T extends { utilities: readonly number[] }>(points: readonly T[]): T[] {
  return points.filter((a, index) => !points.some((b, j) => j !== index && dominates(b.utilities, a.utilities)));
}

export function frontierOf(space: Space, opts: FrontierOptions): FrontierPoint[] {
  const n = space.parties;
  let weights: number[][];
  if (n === 1) weights = [[1]];
  else if (n === 2) weights = twoPartyWeights(space);
  else {
    const k = opts.resolution ?? defaultResolution(n, opts.maxWeights ?? 500);
    // Weights act on utilities normalised to each party's range, so the points spread evenly along the frontier.
    const ranges = utilityRanges(space);
    weights = simplexLattice(n, Math.max(1, Math.floor(k))).map((l) => l.map((x, p) => (ranges[p]! > GAIN_EPS ? x / ranges[p]! : x)));
  }
  const seen = new Map<string, FrontierPoint>();
  for (const coef of weights) {
    const terms = argmaxLinear(space, coef);
    const key = termsKey(terms);
    if (!seen.has(key)) seen.set(key, { terms, utilities: utilitiesOf(space, terms) });
  }
  const points = nonDominated([...seen.values()]);
  return points.sort((a, b) => {
    for (let p = 0; p < n; p++) {
      const d = b.utilities[p]! - a.utilities[p]!;
      if (Math.abs(d) > GAIN_EPS) return d;
    }
    return termsKey(a.terms) < termsKey(b.terms) ? -1 : 1;
  });
}

/**
 * The supported Pareto frontier: for each weight vector λ on a deterministic lattice over the simplex, the
 * package maximising Σ λ_p u_p (exact, issue by issue), deduplicated and filtered for dominance. Every point
 * returned is Pareto optimal; Pareto-optimal packages that no weighted sum selects (those in the frontier's
 * "dents") are not listed. For two parties every supported point is found (exact breakpoints of λ). Sorted by
 * the first party's utility, best first.
 */
export function paretoFrontier(prefs: readonly Preferences[], opts: FrontierOptions = {}): FrontierPoint[] {
  const space = compileSpace(prefs, opts);
  return space ? frontierOf(space, opts) : [];
}

/**
 * A package that Pareto-improves `terms` by changing one or two issues (the one giving the largest total gain),
 * or undefined when none does. With `excludeRedLines`, only red-line-free options are tried.
 */
export function paretoImprovement(prefs: readonly Preferences[], terms: Terms, opts: SpaceOptions = {}): Terms | undefined {
  const space = compileSpace(prefs, opts);
  if (!space) return undefined;
  return localImprovement(space, terms);
}

export function localImprovement(space: Space, terms: Terms): Terms | undefined {
  const deltas = moveDeltas(space, terms);
  let best: { changes: [number, number][]; total: number } | undefined;
  const consider = (delta: readonly number[], changes: [number, number][]) => {
    let total = 0;
    let better = false;
    for (const d of delta) {
      if (d < -EPS) return;
      if (d > EPS) better = true;
      total += d;
    }
    if (better && (!best || total > best.total + GAIN_EPS)) best = { changes, total };
  };
  for (const row of deltas) for (const m of row) consider(m.delta, [[m.issue, m.option]]);
  const sum: number[] = new Array<number>(space.parties).fill(0);
  for (let i = 0; i < deltas.length; i++) {
    for (let j = i + 1; j < deltas.length; j++) {
      for (const a of deltas[i]!) {
        for (const b of deltas[j]!) {
          if (clashes(space, a.issue, a.option, (x) => (x === b.issue ? b.option : -1))) continue;
          for (let p = 0; p < space.parties; p++) sum[p] = a.delta[p]! + b.delta[p]!;
          consider(sum, [
            [a.issue, a.option],
            [b.issue, b.option],
          ]);
        }
      }
    }
  }
  if (!best) return undefined;
  const out = [...terms];
  for (const [i, o] of best.changes) out[i] = o;
  return out;
}

/**
 * Whether no change of one or two issues makes some party better off and nobody worse off. This is a local
 * check: a package can pass it and still be dominated by one that changes three or more issues at once (the
 * exact question is a multi-objective integer programme). Every frontier point passes it.
 */
export function isParetoOptimal(prefs: readonly Preferences[], terms: Terms, opts: SpaceOptions = {}): boolean {
  return paretoImprovement(prefs, terms, opts) === undefined;
}
