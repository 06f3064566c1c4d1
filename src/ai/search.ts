// Finding the package to put on the table: own utility at least the target, no own red line, no broken own
// commitment, and — among those — the one the others are most likely to accept. "Most likely" is the
// objective Φ = min_j û_j + ¼ · mean_j û_j over the other signatories' estimated utilities (the opponent
// model): lift the most reluctant party first, the others as a tie-breaker.
//
// Greedy hill-climbing over single-issue changes, from a few starting packages:
//   1. repair — while own utility is below the target, take the change that gains us most per unit of Φ lost;
//   2. improve — while some change keeps us at the target and raises Φ, take the one that raises Φ most per
//      unit of own utility given up.
// Ranking moves by these ratios is what makes logrolling happen: we give on issues we weigh little and they
// weigh a lot, and hold (or take) the ones we weigh a lot and they weigh little. The one parameter that
// matters is the iteration cap. The inner loop allocates nothing.
import type { Terms } from '../model/types.js';
import type { OpponentModel } from './opponent-model.js';
import { ownUtility, type Tables } from './tables.js';

const MEAN_WEIGHT = 0.25;
const EPS = 1e-9;
/** Added to denominators so that free moves rank highest without dividing by zero. */
const SLACK = 1e-3;

export interface SearchResult {
  terms: number[];
  /** Own utility of `terms`. */
  utility: number;
  /** Φ of `terms` under the opponent model. */
  objective: number;
  /** Whether `utility` reaches the target (false only when no allowed package does). */
  meetsTarget: boolean;
  /** Which start it came from (index into `starts`). */
  start: number;
}

// Scratch space reused between calls (the AI is synchronous and never re-entered).
let cur = new Int32Array(16);
let best = new Int32Array(16);
let est = new Float64Array(8);

function objective(values: Float64Array, m: number): number {
  if (m === 0) return 0;
  let min = Infinity;
  let sum = 0;
  for (let r = 0; r < m; r++) {
    const v = values[r]!;
    if (v < min) min = v;
    sum += v;
  }
  return min + (MEAN_WEIGHT * sum) / m;
}

/** Φ of a package under the model (for reasons and tests). */
export function objectiveOf(t: Tables, model: OpponentModel, terms: Terms): number {
  const m = model.parties.length;
  const total = t.offset[t.issues]!;
  let min = Infinity;
  let sum = 0;
  for (let r = 0; r < m; r++) {
    let u = 0;
    for (let i = 0; i < t.issues; i++) u += model.contribution[r * total + t.offset[i]! + terms[i]!]!;
    if (u < min) min = u;
    sum += u;
  }
  return m === 0 ? 0 : min + (MEAN_WEIGHT * sum) / m;
}

/**
 * The best package reachable from `starts` (each must have one option index per issue). `allowed` comes from
 * `allowedOptions`. When no start can reach the target, the result is the reachable package with the highest
 * own utility, with `meetsTarget` false.
 */
export function searchPackage(
  t: Tables,
  allowed: Uint8Array,
  model: OpponentModel,
  target: number,
  starts: readonly Terms[],
  maxIterations = 2 * t.issues + 4,
): SearchResult {
  if (starts.length === 0) starts = [t.idealTerms];
  const n = t.issues;
  const total = t.offset[n]!;
  const m = model.parties.length;
  const C = model.contribution;
  if (cur.length < n) {
    cur = new Int32Array(n * 2);
    best = new Int32Array(n * 2);
  }
  if (est.length < m) est = new Float64Array(m * 2);
  let bestMeets = false;
  let bestPhi = -Infinity;
  let bestOwn = -Infinity;
  let bestStart = -1;

  for (let s = 0; s < starts.length; s++) {
    const start = starts[s]!;
    // Load the start, replacing options we may not put our name to by our best allowed one.
    let own = 0;
    for (let i = 0; i < n; i++) {
      const base = t.offset[i]!;
      let o = start[i]!;
      if (allowed[base + o] !== 1) {
        let pick = -1;
        for (let x = 0; x < t.offset[i + 1]! - base; x++) {
          if (allowed[base + x] === 1 && (pick < 0 || t.own[base + x]! > t.own[base + pick]!)) pick = x;
        }
        if (pick >= 0) o = pick;
      }
      cur[i] = o;
      own += t.own[base + o]!;
    }
    for (let r = 0; r < m; r++) {
      let u = 0;
      const row = r * total;
      for (let i = 0; i < n; i++) u += C[row + t.offset[i]! + cur[i]!]!;
      est[r] = u;
    }
    let phi = objective(est, m);

    // 1. Repair: climb to the target, losing as little Φ as possible per unit of own utility gained.
    let iterations = 0;
    while (own < target - EPS && iterations < maxIterations) {
      iterations++;
      let moveIssue = -1;
      let moveOption = -1;
      let moveScore = -Infinity;
      let movePhi = phi;
      for (let i = 0; i < n; i++) {
        const base = t.offset[i]!;
        const c = cur[i]!;
        const ownC = t.own[base + c]!;
        const count = t.offset[i + 1]! - base;
        for (let o = 0; o < count; o++) {
          if (o === c || allowed[base + o] !== 1) continue;
          const gain = t.own[base + o]! - ownC;
          if (gain <= EPS) continue;
          let min = Infinity;
          let sum = 0;
          for (let r = 0; r < m; r++) {
            const row = r * total + base;
            const v = est[r]! - C[row + c]! + C[row + o]!;
            if (v < min) min = v;
            sum += v;
          }
          const newPhi = m === 0 ? 0 : min + (MEAN_WEIGHT * sum) / m;
          const loss = phi - newPhi;
          const score = gain / ((loss > 0 ? loss : 0) + SLACK);
          if (score > moveScore) {
            moveScore = score;
            moveIssue = i;
            moveOption = o;
            movePhi = newPhi;
          }
        }
      }
      if (moveIssue < 0) break;
      own = applyMove(t, C, m, total, moveIssue, moveOption, own);
      phi = movePhi;
    }

    // 2. Improve: raise Φ while staying at or above the target.
    if (own >= target - EPS) {
      while (iterations < maxIterations) {
        iterations++;
        let moveIssue = -1;
        let moveOption = -1;
        let moveScore = -Infinity;
        let movePhi = phi;
        for (let i = 0; i < n; i++) {
          const base = t.offset[i]!;
          const c = cur[i]!;
          const ownC = t.own[base + c]!;
          const count = t.offset[i + 1]! - base;
          for (let o = 0; o < count; o++) {
            if (o === c || allowed[base + o] !== 1) continue;
            const delta = t.own[base + o]! - ownC;
            if (own + delta < target - EPS) continue;
            let min = Infinity;
            let sum = 0;
            for (let r = 0; r < m; r++) {
              const row = r * total + base;
              const v = est[r]! - C[row + c]! + C[row + o]!;
              if (v < min) min = v;
              sum += v;
            }
            const newPhi = m === 0 ? 0 : min + (MEAN_WEIGHT * sum) / m;
            const gain = newPhi - phi;
            if (gain <= EPS) continue;
            const score = gain / ((delta < 0 ? -delta : 0) + SLACK);
            if (score > moveScore) {
              moveScore = score;
              moveIssue = i;
              moveOption = o;
              movePhi = newPhi;
            }
          }
        }
        if (moveIssue < 0) break;
        own = applyMove(t, C, m, total, moveIssue, moveOption, own);
        phi = movePhi;
      }
    }

    const meets = own >= target - EPS;
    const better = bestStart < 0 || (meets && !bestMeets) || (meets === bestMeets && (meets ? phi > bestPhi + EPS || (phi > bestPhi - EPS && own > bestOwn + EPS) : own > bestOwn + EPS));
    if (better) {
      bestStart = s;
      bestMeets = meets;
      bestPhi = phi;
      bestOwn = own;
      for (let i = 0; i < n; i++) best[i] = cur[i]!;
    }
  }

  const terms = new Array<number>(n);
  for (let i = 0; i < n; i++) terms[i] = best[i]!;
  return {
    terms,
    utility: bestStart < 0 ? 0 : ownUtility(t, terms),
    objective: bestStart < 0 ? 0 : bestPhi,
    meetsTarget: bestMeets,
    start: bestStart,
  };
}

function applyMove(t: Tables, C: Float64Array, m: number, total: number, issue: number, option: number, own: number): number {
  const base = t.offset[issue]!;
  const c = cur[issue]!;
  for (let r = 0; r < m; r++) {
    const row = r * total + base;
    est[r] = est[r]! - C[row + c]! + C[row + option]!;
  }
  cur[issue] = option;
  return own - t.own[base + c]! + t.own[base + option]!;
}
