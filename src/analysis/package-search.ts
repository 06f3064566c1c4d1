// Search over the package space for the bargaining points: branch and bound with Lagrangian bounds (the
// separable maximisation of Σ λ_p u_p over a subtree), hill climbing by one- and two-issue changes for good
// starts, and the multipliers that make the bounds tight (max–min by subgradient, Polyak steps).
import type { Terms } from '../model/types.js';
import { dominates, GAIN_EPS, type FrontierPoint } from './frontier.js';
import { admissible, argmaxLinear, clashes, moveDeltas, termsKey, utilitiesOf, type Space } from './space.js';

/** Whether value a is better than b by more than rounding noise (any finite value beats −Infinity). */
export function beats(a: number, b: number, tolerance = 0): boolean {
  if (b === -Infinity) return a > -Infinity;
  return a > b + Math.max(tolerance, GAIN_EPS) * Math.max(1e-300, Math.abs(b)) + GAIN_EPS * GAIN_EPS;
}

/** An objective that never decreases when any party's utility increases. */
export interface Objective {
  /** Value of a complete package from its utilities; −Infinity when the package is not admissible. */
  value(u: readonly number[]): number;
  /**
   * An upper bound on `value` over every package below a search node, from each party's highest reachable
   * utility (`caps`) and, for each multiplier vector λ_j, the highest reachable Σ_p λ_jp u_p (`linear`).
   */
  bound(caps: readonly number[], linear: readonly number[]): number;
}

export interface SearchResult {
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

export function branchAndBound(
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
export function climb(space: Space, start: Terms, value: (u: readonly number[]) => number): FrontierPoint {
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
export function bestStart(space: Space, candidates: readonly Terms[], value: (u: readonly number[]) => number, climbs = 3): FrontierPoint | undefined {
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
export function maxMinMultipliers(space: Space, d: readonly number[], scale: readonly number[]): { mu: number[]; h: number; visited: Terms[] } {
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
export function polyak(space: Space, d: readonly number[], scale: readonly number[], start: readonly number[], target: number): number[] {
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
