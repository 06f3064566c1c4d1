// Where the good deals are: welfare maximisation, the Pareto frontier, the Nash and Kalai–Smorodinsky points
// and the zone of possible agreement — the vocabulary of negmas' preferences/ops.py (max_welfare_points,
// pareto_frontier, nash_points, kalai_points), over our linear additive Preferences.
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
import { nextRandom } from '../model/rng.js';
import type { Terms } from '../model/types.js';
import { crossesRedLine } from '../model/game.js';
import {
  EPS,
  admissible,
  argmaxLinear,
  clashes,
  compileSpace,
  idealUtilities,
  moveDeltas,
  termsKey,
  utilitiesOf,
  utilityRanges,
  type Space,
  type SpaceOptions,
} from './space.js';

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
const GAIN_EPS = 1e-12;
const DEFAULT_NODE_BUDGET = 200_000;
const DEFAULT_TOLERANCE = 1e-6;

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

function frontierOf(space: Space, opts: FrontierOptions): FrontierPoint[] {
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

function localImprovement(space: Space, terms: Terms): Terms | undefined {
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

// ── branch and bound over the package space ──────────────────────────────────────────────────────────────

/** Whether value a is better than b by more than rounding noise (any finite value beats −Infinity). */
function beats(a: number, b: number, tolerance = 0): boolean {
  if (b === -Infinity) return a > -Infinity;
  return a > b + Math.max(tolerance, GAIN_EPS) * Math.max(1e-300, Math.abs(b)) + GAIN_EPS * GAIN_EPS;
}

/** An objective that never decreases when any party's utility increases. */
interface Objective {
  /** Value of a complete package from its utilities; −Infinity when the package is not admissible. */
  value(u: readonly number[]): number;
  /**
   * An upper bound on `value` over every package below a search node, from each party's highest reachable
   * utility (`caps`) and, for each multiplier vector λ_j, the highest reachable Σ_p λ_jp u_p (`linear`).
   */
  bound(caps: readonly number[], linear: readonly number[]): number;
}

interface SearchResult {
  /** The best admissible package found, if any. */
  terms?: number[];
  value: number;
  /** Whether the search finished: nothing better (and, with no terms, nothing admissible) exists. */
  exact: boolean;
}

/**
 * Removes options another option weakly dominates on the same issue (no worse for anyone). A monotone
 * objective always has an optimum without them. Of identical options the lowest index stays.
 */
function reduceOptions(space: Space): number[][] {
  return space.options.map((opts, i) => {
    const vec = (o: number) => space.gain.map((g) => g[i]![o]!);
    return opts.filter((o) => {
      const mine = vec(o);
      return !opts.some((q) => {
        // An option in a forbidden combination may be unusable where the one it dominates is not: keep both.
        if (q === o || space.clash[i]![q]!.length > 0) return false;
        const other = vec(q);
        if (dominates(other, mine, GAIN_EPS)) return true;
        return q < o && other.every((x, p) => Math.abs(x - mine[p]!) <= GAIN_EPS);
      });
    });
  });
}

function branchAndBound(
  space: Space,
  objective: Objective,
  lambdas: readonly number[][],
  start: FrontierPoint | undefined,
  budget: number,
  tolerance: number,
): SearchResult {
  const n = space.parties;
  const options = reduceOptions(space);
  const spread = (i: number) => Math.max(...space.gain.map((g) => Math.max(...options[i]!.map((o) => g[i]![o]!)) - Math.min(...options[i]!.map((o) => g[i]![o]!))));
  const order = [...options.keys()].sort((a, b) => spread(b) - spread(a) || a - b);
  const steer = lambdas[0] ?? new Array<number>(n).fill(1);
  const score = (i: number, o: number) => space.gain.reduce((s, g, p) => s + steer[p]! * g[i]![o]!, 0);
  const childOptions = order.map((i) => [...options[i]!].sort((a, b) => score(i, b) - score(i, a) || a - b));
  const depth = order.length;
  // capSuffix[p][k]: the most party p can still gain from issues order[k..]; linSuffix[j][k]: same for Σ λ_j·u.
  const capSuffix = space.gain.map((g) => {
    const s = new Array<number>(depth + 1).fill(0);
    for (let k = depth - 1; k >= 0; k--) s[k] = s[k + 1]! + Math.max(...childOptions[k]!.map((o) => g[order[k]!]![o]!));
    return s;
  });
  const linSuffix = lambdas.map((l) => {
    const s = new Array<number>(depth + 1).fill(0);
    for (let k = depth - 1; k >= 0; k--) {
      const i = order[k]!;
      s[k] = s[k + 1]! + Math.max(...childOptions[k]!.map((o) => space.gain.reduce((acc, g, p) => acc + l[p]! * g[i]![o]!, 0)));
    }
    return s;
  });

  const sums: number[] = new Array<number>(n).fill(0);
  const caps: number[] = new Array<number>(n).fill(0);
  const linear: number[] = new Array<number>(lambdas.length).fill(0);
  const current: number[] = new Array<number>(space.issues).fill(-1);
  let bestValue = start ? objective.value(start.utilities) : -Infinity;
  let bestTerms: number[] | undefined = start ? [...start.terms] : undefined;
  let nodes = 0;
  let aborted = false;

  const visit = (k: number): void => {
    if (aborted) return;
    if (++nodes > budget) {
      aborted = true;
      return;
    }
    if (k === depth) {
      const v = objective.value(sums);
      if (beats(v, bestValue)) {
        bestValue = v;
        bestTerms = [...current];
      }
      return;
    }
    for (let p = 0; p < n; p++) caps[p] = sums[p]! + capSuffix[p]![k]!;
    for (let j = 0; j < lambdas.length; j++) {
      const l = lambdas[j]!;
      let acc = linSuffix[j]![k]!;
      for (let p = 0; p < n; p++) acc += l[p]! * sums[p]!;
      linear[j] = acc;
    }
    if (!beats(objective.bound(caps, linear), bestValue, tolerance)) return;
    const i = order[k]!;
    for (const o of childOptions[k]!) {
      if (clashes(space, i, o, (j) => current[j]!)) continue;
      for (let p = 0; p < n; p++) sums[p] = sums[p]! + space.gain[p]![i]![o]!;
      current[i] = o;
      visit(k + 1);
      current[i] = -1;
      for (let p = 0; p < n; p++) sums[p] = sums[p]! - space.gain[p]![i]![o]!;
      if (aborted) return;
    }
  };
  visit(0);
  if (!bestTerms || bestValue === -Infinity) return { value: -Infinity, exact: !aborted };
  return { terms: bestTerms, value: bestValue, exact: !aborted };
}

/** Best-improvement hill climbing over one- and two-issue changes. */
function climb(space: Space, start: Terms, value: (u: readonly number[]) => number): FrontierPoint {
  let terms = [...start];
  let u = utilitiesOf(space, terms);
  let v = value(u);
  for (let iteration = 0; iteration < 200; iteration++) {
    const deltas = moveDeltas(space, terms);
    let best: { changes: [number, number][]; u: number[]; v: number } | undefined;
    const consider = (changes: [number, number][], du: (p: number) => number) => {
      const next = u.map((x, p) => x + du(p));
      const nv = value(next);
      if (beats(nv, best ? best.v : v)) best = { changes, u: next, v: nv };
    };
    for (const row of deltas) for (const m of row) consider([[m.issue, m.option]], (p) => m.delta[p]!);
    for (let i = 0; i < deltas.length; i++) {
      for (let j = i + 1; j < deltas.length; j++) {
        for (const a of deltas[i]!) {
          for (const b of deltas[j]!) {
            if (clashes(space, a.issue, a.option, (x) => (x === b.issue ? b.option : -1))) continue;
            consider(
              [
                [a.issue, a.option],
                [b.issue, b.option],
              ],
              (p) => a.delta[p]! + b.delta[p]!,
            );
          }
        }
      }
    }
    if (!best) break;
    const chosen: { changes: [number, number][]; u: number[]; v: number } = best;
    terms = [...terms];
    for (const [i, o] of chosen.changes) terms[i] = o;
    u = utilitiesOf(space, terms);
    v = value(u);
  }
  return { terms, utilities: u };
}

/** Evaluates candidates, climbs from the best few, returns the best found (or undefined if none admissible). */
function bestStart(space: Space, candidates: readonly Terms[], value: (u: readonly number[]) => number, climbs = 3): FrontierPoint | undefined {
  const scored = new Map<string, { terms: Terms; v: number }>();
  for (const t of candidates) {
    if (!admissible(space, t)) continue;
    const key = termsKey(t);
    if (!scored.has(key)) scored.set(key, { terms: t, v: value(utilitiesOf(space, t)) });
  }
  const ranked = [...scored.values()].filter((c) => c.v > -Infinity).sort((a, b) => b.v - a.v);
  let best: FrontierPoint | undefined;
  let bestV = -Infinity;
  for (const c of ranked.slice(0, climbs)) {
    const point = climb(space, c.terms, value);
    const v = value(point.utilities);
    if (v > bestV) {
      best = point;
      bestV = v;
    }
  }
  return best;
}

/**
 * Multipliers μ (Σ μ = 1) for max–min problems: minimises h(μ) = max over packages of Σ μ_p z_p by
 * multiplicative weights, where z_p = scale_p·(u_p − d_p). By duality min h bounds the max–min from above; the
 * packages visited on the way are good starting points.
 */
function maxMinMultipliers(space: Space, d: readonly number[], scale: readonly number[]): { mu: number[]; h: number; visited: Terms[] } {
  const n = space.parties;
  let mu: number[] = new Array<number>(n).fill(1 / n);
  let best = { mu, h: Infinity };
  const visited: Terms[] = [];
  for (let t = 0; t < 80; t++) {
    const terms = argmaxLinear(
      space,
      mu.map((m, p) => m * scale[p]!),
    );
    visited.push(terms);
    const u = utilitiesOf(space, terms);
    const z = u.map((x, p) => scale[p]! * (x - d[p]!));
    const h = z.reduce((s, x, p) => s + mu[p]! * x, 0);
    if (h < best.h) best = { mu, h };
    const eta = 2 / Math.sqrt(t + 1);
    const next = mu.map((m, p) => Math.max(1e-6, m * Math.exp(-eta * z[p]!)));
    const total = next.reduce((a, b) => a + b, 0);
    mu = next.map((m) => m / total);
  }
  return { mu: best.mu, h: best.h, visited };
}

/** Euclidean projection onto the simplex {μ ≥ 0, Σ μ = 1}. */
function projectSimplex(v: readonly number[]): number[] {
  const u = [...v].sort((x, y) => y - x);
  let sum = 0;
  let theta = 0;
  for (let j = 0; j < u.length; j++) {
    sum += u[j]!;
    const t = (sum - 1) / (j + 1);
    if (u[j]! - t > 0) theta = t;
  }
  return v.map((x) => Math.max(0, x - theta));
}

/**
 * Polyak subgradient descent on h(μ) = max over packages of Σ μ_p z_p, aiming at `target` (the value of a
 * known package, a lower bound on min h). Returns the best μ seen.
 */
function polyak(space: Space, d: readonly number[], scale: readonly number[], start: readonly number[], target: number): number[] {
  let mu = [...start];
  let best = { mu, h: Infinity };
  for (let t = 0; t < 300; t++) {
    const terms = argmaxLinear(
      space,
      mu.map((m, p) => m * scale[p]!),
    );
    const u = utilitiesOf(space, terms);
    const g = u.map((x, p) => scale[p]! * (x - d[p]!));
    const h = g.reduce((s, x, p) => s + mu[p]! * x, 0);
    if (h < best.h) best = { mu, h };
    const gap = h - target;
    const norm = g.reduce((s, x) => s + x * x, 0);
    if (gap <= 1e-12 || norm <= 1e-18) break;
    mu = projectSimplex(mu.map((m, p) => m - (gap / norm) * g[p]!));
  }
  return best.mu;
}

// ── the Nash bargaining point ─────────────────────────────────────────────────────────────────────────────

/**
 * The Nash bargaining point: the package maximising Π(u_p − d_p) among those every party strictly prefers to
 * its disagreement point d_p (its BATNA). Starts from the frontier's points, climbs by one- and two-issue
 * changes, then branch and bound proves the result or finds better (`exact` says whether it finished).
 * Undefined when no package beats every disagreement point (no ZOPA) — certain when the search finished.
 */
export function nashPoint(prefs: readonly Preferences[], disagreement: readonly number[], opts: BargainingOptions = {}): BargainingPoint | undefined {
  return nashSearch(prefs, disagreement, opts).point;
}

function nashSearch(
  prefs: readonly Preferences[],
  disagreement: readonly number[],
  opts: BargainingOptions,
): { point: BargainingPoint | undefined; exact: boolean } {
  const space = compileSpace(prefs, opts);
  if (!space) return { point: undefined, exact: true };
  const n = space.parties;
  const d = disagreement;
  const value = (u: readonly number[]) => nashProduct(u, d);
  const frontier = opts.frontier ?? frontierOf(space, opts);

  // Multipliers: by AM–GM, for any λ > 0 every package with all gains positive has
  // Π(u − d) ≤ (Σ λ(u − d) / n)^n / Π λ ≤ (max Σ λ(u − d) / n)^n / Π λ, and the max is separable. The gradient of
  // log Π(u − d) is 1/(u − d): iterate λ toward it (from the max–min multipliers), keep the λ with the lowest
  // bound, and add the gradient at the best package found. A λ with max Σ λ(u − d) ≤ 0 proves there is no ZOPA.
  const rootBound = (l: readonly number[]) => {
    const t = argmaxLinear(space, l);
    const u = utilitiesOf(space, t);
    const L = l.reduce((s, x, p) => s + x * (u[p]! - d[p]!), 0);
    return { terms: t, bound: L <= 0 ? -Infinity : (L / n) ** n / l.reduce((a, b) => a * b, 1) };
  };
  const ranges = utilityRanges(space);
  const minMax = maxMinMultipliers(
    space,
    d,
    ranges.map((r) => (r > GAIN_EPS ? 1 / r : 1)),
  );
  const candidates: Terms[] = [...frontier.map((f) => f.terms), ...minMax.visited];
  let lambda = minMax.mu.map((m, p) => Math.max(1e-6, m / (ranges[p]! > GAIN_EPS ? ranges[p]! : 1)));
  const lambdas: { l: number[]; bound: number }[] = [];
  for (let t = 0; t < 30; t++) {
    const r = rootBound(lambda);
    if (r.bound === -Infinity) return { point: undefined, exact: true };
    lambdas.push({ l: lambda, bound: r.bound });
    candidates.push(r.terms);
    const gains = utilitiesOf(space, r.terms).map((x, p) => x - d[p]!);
    // Damped fixed point of λ ← 1/(u(x_λ) − d); a party left at or below its disagreement point gets twice the
    // largest weight of the others.
    const inverse = gains.filter((g) => g > 1e-6).map((g) => 1 / g);
    const high = inverse.length > 0 ? 2 * Math.max(...inverse) : 1;
    const target = gains.map((g) => (g > 1e-6 ? 1 / g : high));
    const tSum = target.reduce((a, b) => a + b, 0);
    const lSum = lambda.reduce((a, b) => a + b, 0);
    lambda = lambda.map((x, p) => 0.5 * (x / lSum) + 0.5 * (target[p]! / tSum));
  }
  const start = bestStart(space, candidates, value);
  if (start) {
    const grad = start.utilities.map((x, p) => 1 / (x - d[p]!));
    lambdas.push({ l: grad, bound: rootBound(grad).bound });
  }
  lambdas.sort((a, b) => a.bound - b.bound);
  const chosen = lambdas.slice(0, 2).map((x) => x.l);
  const prodL = chosen.map((l) => l.reduce((a, b) => a * b, 1));
  const dotD = chosen.map((l) => l.reduce((s, x, p) => s + x * d[p]!, 0));
  const objective: Objective = {
    value,
    bound(caps, linear) {
      let b = 1;
      for (let p = 0; p < n; p++) {
        const gain = caps[p]! - d[p]!;
        if (gain <= GAIN_EPS) return -Infinity;
        b *= gain;
      }
      for (let j = 0; j < linear.length; j++) {
        const L = linear[j]! - dotD[j]!;
        if (L <= 0) return -Infinity;
        b = Math.min(b, (L / n) ** n / prodL[j]!);
      }
      return b;
    },
  };
  const result = branchAndBound(space, objective, chosen, start, opts.nodeBudget ?? DEFAULT_NODE_BUDGET, opts.tolerance ?? DEFAULT_TOLERANCE);
  if (!result.terms) return { point: undefined, exact: result.exact };
  const u = utilitiesOf(space, result.terms);
  return { point: { terms: result.terms, utilities: u, value: value(u), exact: result.exact }, exact: result.exact };
}

// ── max–min points: Kalai–Smorodinsky and egalitarian ────────────────────────────────────────────────────

function maxMinSearch(
  space: Space,
  d: readonly number[],
  scale: readonly number[],
  extra: readonly Terms[],
  budget: number,
  tolerance: number,
): BargainingPoint | undefined {
  const n = space.parties;
  const value = (u: readonly number[]) => {
    let m = Infinity;
    for (let p = 0; p < n; p++) m = Math.min(m, scale[p]! * (u[p]! - d[p]!));
    return m > GAIN_EPS ? m : -Infinity;
  };
  const mm = maxMinMultipliers(space, d, scale);
  if (mm.h <= GAIN_EPS) return undefined; // a multiplier certifies that no package raises every z_p above 0
  const start = bestStart(space, [...extra, ...mm.visited], value);
  // Sharpen the multipliers with the incumbent as the target: the closer h(μ) gets to it, the more the branch
  // and bound prunes (multiplicative weights alone leaves a gap that costs many nodes on zero-sum issues).
  const mu = start ? polyak(space, d, scale, mm.mu, value(start.utilities)) : mm.mu;
  const lambdas = [mm.mu, mu].map((m) => m.map((x, p) => x * scale[p]!));
  const dots = lambdas.map((l) => l.reduce((s, x, p) => s + x * d[p]!, 0));
  const objective: Objective = {
    value,
    bound(caps, linear) {
      let b = Infinity;
      for (let j = 0; j < linear.length; j++) b = Math.min(b, linear[j]! - dots[j]!);
      for (let p = 0; p < n; p++) b = Math.min(b, scale[p]! * (caps[p]! - d[p]!));
      return b > GAIN_EPS ? b : -Infinity;
    },
  };
  const result = branchAndBound(space, objective, lambdas, start, budget, tolerance);
  if (!result.terms) return undefined;
  // Many packages share the best minimum; make the one returned Pareto optimal (a Pareto improvement never
  // lowers the minimum).
  let terms: Terms = result.terms;
  for (let k = 0; k < 50; k++) {
    const better = localImprovement(space, terms);
    if (!better) break;
    terms = better;
  }
  const u = utilitiesOf(space, terms);
  return { terms, utilities: u, value: value(u), exact: result.exact };
}

/**
 * The Kalai–Smorodinsky point: the package maximising min_p (u_p − d_p)/(ideal_p − d_p), where ideal_p is the
 * party's best utility over the (allowed) package space — equal proportional gains toward each party's ideal.
 * Undefined when no package gives every party a strict gain (no ZOPA), or when some ideal does not beat d_p.
 */
export function kalaiPoint(prefs: readonly Preferences[], disagreement: readonly number[], opts: BargainingOptions = {}): BargainingPoint | undefined {
  const space = compileSpace(prefs, opts);
  if (!space) return undefined;
  const ideal = idealUtilities(space);
  if (ideal.some((x, p) => x - disagreement[p]! <= GAIN_EPS)) return undefined;
  const scale = ideal.map((x, p) => 1 / (x - disagreement[p]!));
  const frontier = opts.frontier ?? frontierOf(space, opts);
  return maxMinSearch(
    space,
    disagreement,
    scale,
    frontier.map((f) => f.terms),
    opts.nodeBudget ?? DEFAULT_NODE_BUDGET,
    opts.tolerance ?? DEFAULT_TOLERANCE,
  );
}

/**
 * The egalitarian point: the package maximising the smallest gain min_p (u_p − d_p) (negmas calls this the
 * Kalai point). With d = the utilities of a deal, it answers "how much could everyone have gained at once?".
 */
export function egalitarianPoint(prefs: readonly Preferences[], disagreement: readonly number[], opts: BargainingOptions = {}): BargainingPoint | undefined {
  const space = compileSpace(prefs, opts);
  if (!space) return undefined;
  const frontier = opts.frontier ?? frontierOf(space, opts);
  return maxMinSearch(
    space,
    disagreement,
    prefs.map(() => 1),
    frontier.map((f) => f.terms),
    opts.nodeBudget ?? DEFAULT_NODE_BUDGET,
    opts.tolerance ?? DEFAULT_TOLERANCE,
  );
}

// ── the zone of possible agreement ───────────────────────────────────────────────────────────────────────

export interface ZopaOptions extends BargainingOptions {
  /** Packages drawn to estimate the ZOPA's size (the whole space when it is no larger). Default 2000. */
  sampleSize?: number;
  /** Seed of the deterministic sample. Default 1. */
  seed?: number;
}

export interface Zopa {
  /** Whether some package gives every party more than its disagreement point (BATNA). */
  exists: boolean;
  /** Whether `exists` is proven: the search finished, or a package inside was found. */
  certain: boolean;
  /** The best package inside it: the Nash bargaining point. */
  best?: Terms;
  /** Each party's utility for `best`. */
  utilities?: number[];
  /** The size estimate: the share of packages that beat every disagreement point (and cross no red line, if excluded). */
  size: {
    /** Packages examined. */
    sampled: number;
    /** Of those, packages inside the ZOPA. */
    inside: number;
    /** inside / sampled. */
    fraction: number;
    /** True when every package was examined (the fraction is exact). */
    exhaustive: boolean;
  };
}

/**
 * The zone of possible agreement for these disagreement points: whether it exists (exact search), its best
 * package (the Nash point), and its size as the share of packages inside it — over the whole space when it has
 * at most `sampleSize` packages, otherwise over a deterministic uniform sample of that many.
 */
export function zopa(prefs: readonly Preferences[], disagreement: readonly number[], opts: ZopaOptions = {}): Zopa {
  const sampleSize = Math.max(1, Math.floor(opts.sampleSize ?? 2000));
  const full = compileSpace(prefs);
  if (!full) throw new Error('analysis needs at least one party');
  const allowed = (terms: Terms) => !opts.excludeRedLines || !prefs.some((p) => crossesRedLine(p, terms));
  const inside = (terms: Terms) => allowed(terms) && nashProduct(utilitiesOf(full, terms), disagreement) > -Infinity;
  const sizes = full.options.map((o) => o.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  let sampled = 0;
  let count = 0;
  let witness: Terms | undefined;
  const visit = (terms: Terms) => {
    sampled++;
    if (inside(terms)) {
      count++;
      witness ??= [...terms];
    }
  };
  const exhaustive = total <= sampleSize;
  if (exhaustive) {
    const terms: number[] = new Array<number>(sizes.length).fill(0);
    for (let k = 0; k < total; k++) {
      let rest = k;
      for (let i = 0; i < sizes.length; i++) {
        terms[i] = rest % sizes[i]!;
        rest = Math.floor(rest / sizes[i]!);
      }
      visit(terms);
    }
  } else {
    let state = opts.seed ?? 1;
    const terms: number[] = new Array<number>(sizes.length).fill(0);
    for (let k = 0; k < sampleSize; k++) {
      for (let i = 0; i < sizes.length; i++) {
        const [r, next] = nextRandom(state);
        state = next;
        terms[i] = Math.floor(r * sizes[i]!);
      }
      visit(terms);
    }
  }
  const search = nashSearch(prefs, disagreement, opts);
  const point = search.point;
  const exists = point !== undefined || witness !== undefined;
  const size = { sampled, inside: count, fraction: sampled > 0 ? count / sampled : 0, exhaustive };
  if (point) return { exists, certain: true, best: point.terms, utilities: point.utilities, size };
  if (witness) return { exists, certain: true, best: witness, utilities: utilitiesOf(full, witness), size };
  return { exists, certain: search.exact, size };
}
