// The bargaining points over the package space: Nash (the largest product of gains), Kalai–Smorodinsky (gains
// in proportion to each party's best) and egalitarian (the largest equal gain). Each starts from the frontier,
// climbs, and is proved or improved by branch and bound within a node budget (`exact` says which).
import type { Preferences } from '../model/game.js';
import type { Terms } from '../model/types.js';
import { DEFAULT_NODE_BUDGET, DEFAULT_TOLERANCE, frontierOf, GAIN_EPS, localImprovement, nashProduct, type BargainingOptions, type BargainingPoint } from './frontier.js';
import { dominanceIn } from './dominance.js';
import { bestStart, branchAndBound, maxMinMultipliers, polyak, type Objective } from './package-search.js';
import { argmaxLinear, compileSpace, idealUtilities, utilitiesOf, utilityRanges, type Space } from './space.js';

/** Nodes the exact search for a Pareto improvement of a max–min point may visit. */
const POLISH_BUDGET = 200_000;

/**
 * The Nash bargaining point: the package maximising Π(u_p − d_p) among those every party strictly prefers to
 * its disagreement point d_p (its BATNA). Starts from the frontier's points, climbs by one- and two-issue
 * changes, then branch and bound proves the result or finds better (`exact` says whether it finished).
 * Undefined when no package beats every disagreement point (no ZOPA) — certain when the search finished.
 */
export function nashPoint(prefs: readonly Preferences[], disagreement: readonly number[], opts: BargainingOptions = {}): BargainingPoint | undefined {
  return nashSearch(prefs, disagreement, opts).point;
}

export function nashSearch(prefs: readonly Preferences[], disagreement: readonly number[], opts: BargainingOptions): { point: BargainingPoint | undefined; exact: boolean } {
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

function maxMinSearch(space: Space, d: readonly number[], scale: readonly number[], extra: readonly Terms[], budget: number, tolerance: number): BargainingPoint | undefined {
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
  // Changes of one or two issues can miss an improvement that needs more at once: the exact dominance search
  // finds it (each step raises the total, so this ends; the budget bounds it on large tables).
  for (let k = 0; k < 20; k++) {
    const better = dominanceIn(space, terms, POLISH_BUDGET).by;
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
