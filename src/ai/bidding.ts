// Finding the package to put on the table. Among the packages that give us at least our target — no own red
// line, no option below a commitment that binds us — the one that maximises our expected surplus:
//
//   (u_self − reserve) × Π_j P_j(accept),
//
// P_j the believed chance that signatory j accepts (beliefs.ts). The product is what makes the bid land near
// the believed Pareto frontier: with our own utility held at the target, the rest goes to whoever it moves
// most; and it keeps the bid honest both ways — against a party that looks easy to please (P near 1 already)
// the own-surplus factor wins and we ask more; against a reluctant one, its acceptance wins and we give it what
// it needs, on the issues we weigh least and it weighs most (logrolling).
//
// Greedy coordinate ascent over single-issue changes in log space, from a few starting packages (our ideal,
// our standing offer, the best offer open to us, the newest account we heard): first repair to the target
// (most own utility per unit of log-objective lost), then improve while the target holds. The one parameter
// that matters is the iteration cap.
import type { Terms } from '../model/types.js';
import { SPREAD, type Beliefs } from './beliefs.js';
import { issueOf, ownUtility, type Tables } from './tables.js';

const EPS = 1e-9;
/**
 * A package across a red line someone named counts as this (in log space): below any package that crosses
 * none, but finite, so the search can still rank such packages when nothing else reaches the target.
 */
const RULED_OUT = -1000;
/**
 * How much our own surplus counts against the others' acceptance (an exponent on it): below 1, because what we
 * believe of the others is uncertain, and the package that looks best for us while they seem to accept it is
 * the one where we overrate what they get (the optimiser's curse).
 */
export const GREED = 0.5;
/** Floor of the own-surplus factor, so a package right at the reserve still ranks by acceptance. */
export const MIN_SURPLUS = 0.005;

export interface Bid {
  terms: number[];
  /** Own utility of `terms`. */
  utility: number;
  /** log of the expected surplus. */
  objective: number;
  /** The same, with what it rules out counted as impossible (comparable with `standingValue`). */
  value: number;
  /** The believed chance that every modelled party accepts. */
  chance: number;
  /** Whether `utility` reaches the target (false only when no allowed package does). */
  meetsTarget: boolean;
}

// log σ(z) from a table (the search evaluates it tens of thousands of times a decision): linear between points
// 1/64 apart over [−16, 16], and its asymptotes outside (−z below, 0 above, within 1e-7).
const STEPS = 64;
const LOG_SIGMOID = Float64Array.from({ length: 32 * STEPS + 1 }, (_, k) => {
  const z = k / STEPS - 16;
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
});

/** log σ(z), without overflow. */
function logSigmoid(z: number): number {
  if (z <= -16) return z;
  if (z >= 16) return 0;
  const x = (z + 16) * STEPS;
  const k = x | 0;
  const f = x - k;
  return LOG_SIGMOID[k]! + f * (LOG_SIGMOID[k + 1]! - LOG_SIGMOID[k]!);
}

class Search {
  readonly n: number;
  readonly total: number;
  readonly m: number;
  readonly cur: Int32Array;
  /** Believed utility of `cur` per modelled party. */
  readonly est: Float64Array;
  /** How many options of `cur` each party ruled out. */
  readonly outs: Int32Array;
  own = 0;

  constructor(
    readonly t: Tables,
    readonly b: Beliefs,
    readonly allowed: Uint8Array,
    readonly reserve: number,
  ) {
    this.n = t.issues;
    this.total = t.offset[t.issues]!;
    this.m = b.parties.length;
    this.cur = new Int32Array(this.n);
    this.est = new Float64Array(this.m);
    this.outs = new Int32Array(this.m);
  }

  load(start: Terms): void {
    const { t, n, m, total, b } = this;
    this.own = 0;
    for (let i = 0; i < n; i++) {
      const base = t.offset[i]!;
      let o = start[i]!;
      if (this.allowed[base + o] !== 1) {
        let pick = -1;
        for (let x = 0; x < t.offset[i + 1]! - base; x++) {
          if (this.allowed[base + x] === 1 && (pick < 0 || t.own[base + x]! > t.own[base + pick]!)) pick = x;
        }
        if (pick >= 0) o = pick;
      }
      this.cur[i] = o;
      this.own += t.own[base + o]!;
    }
    // A start may put together two options we never sign together: give up the one that costs us least.
    for (let i = 0; i < n; i++) {
      if (this.fits(i, this.cur[i]!)) continue;
      const base = t.offset[i]!;
      let pick = -1;
      for (let x = 0; x < t.offset[i + 1]! - base; x++) {
        if (this.allowed[base + x] === 1 && this.fits(i, x) && (pick < 0 || t.own[base + x]! > t.own[base + pick]!)) pick = x;
      }
      if (pick >= 0) {
        this.own += t.own[base + pick]! - t.own[base + this.cur[i]!]!;
        this.cur[i] = pick;
      }
    }
    for (let r = 0; r < m; r++) {
      let u = 0;
      let outs = 0;
      for (let i = 0; i < n; i++) {
        const x = r * total + t.offset[i]! + this.cur[i]!;
        u += b.contribution[x]!;
        outs += b.banned[x]!;
      }
      this.est[r] = u;
      this.outs[r] = outs;
    }
  }

  /** Whether option o of issue i goes with the rest of `cur` without crossing one of our combinations. */
  fits(i: number, o: number): boolean {
    const { t } = this;
    for (const k of t.conflicts[t.offset[i]! + o]!) {
      const j = issueOf(t, k);
      if (j !== i && this.cur[j] === k - t.offset[j]!) return false;
    }
    return true;
  }

  /** How many combinations party row r ruled out `cur` would cross with issue i at option o. */
  pairsOut(r: number, i: number, o: number): number {
    const pairs = this.b.pairs[r];
    if (!pairs || pairs.length === 0) return 0;
    // The innermost loop of the search: no closures, no iterators.
    let n = 0;
    for (let k = 0; k < pairs.length; k++) {
      const q = pairs[k]!;
      if ((q[0] === i ? o : this.cur[q[0]]!) !== q[1]) continue;
      if ((q[2] === i ? o : this.cur[q[2]]!) === q[3]) n++;
    }
    return n;
  }

  /** The log objective if issue i took option o (own utility `own`). */
  valueWith(i: number, o: number, own: number): number {
    const { t, m, total, b } = this;
    const c = this.cur[i]!;
    const base = t.offset[i]!;
    if (!this.fits(i, o)) return -Infinity;
    let v = GREED * Math.log(Math.max(MIN_SURPLUS, own - this.reserve));
    for (let r = 0; r < m; r++) {
      const row = r * total + base;
      const outs = this.outs[r]! - b.banned[row + c]! + b.banned[row + o]! + this.pairsOut(r, i, o);
      if (outs > 0) {
        v += RULED_OUT;
        continue;
      }
      const u = this.est[r]! - b.contribution[row + c]! + b.contribution[row + o]!;
      v += logSigmoid((u - b.threshold[r]!) / SPREAD);
    }
    return v;
  }

  value(): number {
    return this.valueWith(0, this.cur[0]!, this.own);
  }

  apply(i: number, o: number): void {
    const { t, m, total, b } = this;
    const base = t.offset[i]!;
    const c = this.cur[i]!;
    for (let r = 0; r < m; r++) {
      const row = r * total + base;
      this.est[r] = this.est[r]! - b.contribution[row + c]! + b.contribution[row + o]!;
      this.outs[r] = this.outs[r]! - b.banned[row + c]! + b.banned[row + o]!;
    }
    this.own += t.own[base + o]! - t.own[base + c]!;
    this.cur[i] = o;
  }

  /** Climbs from the loaded start: repair to the target, then improve while it holds. */
  climb(target: number, maxIterations: number): void {
    const { t, n } = this;
    let value = this.value();
    let iterations = 0;
    while (this.own < target - EPS && iterations++ < maxIterations) {
      let best = -1;
      let bestO = -1;
      let bestScore = -Infinity;
      let bestValue = value;
      for (let i = 0; i < n; i++) {
        const base = t.offset[i]!;
        const c = this.cur[i]!;
        for (let o = 0; o < t.offset[i + 1]! - base; o++) {
          if (o === c || this.allowed[base + o] !== 1) continue;
          const gain = t.own[base + o]! - t.own[base + c]!;
          if (gain <= EPS) continue;
          const v = this.valueWith(i, o, this.own + gain);
          const score = gain / (Math.max(0, value - v) + 1e-3);
          if (score > bestScore) {
            bestScore = score;
            best = i;
            bestO = o;
            bestValue = v;
          }
        }
      }
      if (best < 0) break;
      this.apply(best, bestO);
      value = bestValue;
    }
    if (this.own < target - EPS) return;
    while (iterations++ < maxIterations) {
      let best = -1;
      let bestO = -1;
      let bestValue = value + EPS;
      for (let i = 0; i < n; i++) {
        const base = t.offset[i]!;
        const c = this.cur[i]!;
        for (let o = 0; o < t.offset[i + 1]! - base; o++) {
          if (o === c || this.allowed[base + o] !== 1) continue;
          const own = this.own + t.own[base + o]! - t.own[base + c]!;
          if (own < target - EPS) continue;
          const v = this.valueWith(i, o, own);
          if (v > bestValue) {
            bestValue = v;
            best = i;
            bestO = o;
          }
        }
      }
      if (best < 0) {
        // A local optimum for single changes: try changing two issues at once (a trade one issue alone cannot
        // make: give on one, take on another), and go on climbing from there.
        if (!this.pairMove(target)) break;
        value = this.value();
        continue;
      }
      this.apply(best, bestO);
      value = bestValue;
    }
  }

  /** The best change of two issues that keeps the target and raises the objective; applies it if there is one. */
  pairMove(target: number): boolean {
    const { t, n } = this;
    const now = this.value();
    let bestValue = now + 1e-6;
    let bi = -1;
    let bo = -1;
    let bj = -1;
    let bp = -1;
    for (let i = 0; i < n; i++) {
      const baseI = t.offset[i]!;
      const ci = this.cur[i]!;
      for (let o = 0; o < t.offset[i + 1]! - baseI; o++) {
        if (o === ci || this.allowed[baseI + o] !== 1) continue;
        this.apply(i, o);
        for (let j = i + 1; j < n; j++) {
          const baseJ = t.offset[j]!;
          const cj = this.cur[j]!;
          for (let p = 0; p < t.offset[j + 1]! - baseJ; p++) {
            if (p === cj || this.allowed[baseJ + p] !== 1) continue;
            const own = this.own + t.own[baseJ + p]! - t.own[baseJ + cj]!;
            if (own < target - EPS) continue;
            const v = this.valueWith(j, p, own);
            if (v > bestValue) {
              bestValue = v;
              bi = i;
              bo = o;
              bj = j;
              bp = p;
            }
          }
        }
        this.apply(i, ci);
      }
    }
    if (bi < 0) return false;
    this.apply(bi, bo);
    this.apply(bj, bp);
    return true;
  }
}

/**
 * The best bid reachable from `starts`. `allowed` comes from `allowedOptions`; `reserve` is our walk-away
 * utility (the surplus is measured above it). When no start reaches the target, the result is the reachable
 * package with the highest own utility, with `meetsTarget` false.
 */
export function bid(t: Tables, allowed: Uint8Array, beliefs: Beliefs, target: number, reserve: number, starts: readonly Terms[], maxIterations = 3 * t.issues + 6): Bid {
  const s = new Search(t, beliefs, allowed, reserve);
  let best: Bid | undefined;
  for (const start of starts.length ? starts : [t.idealTerms]) {
    s.load(start);
    s.climb(target, maxIterations);
    const meets = s.own >= target - EPS;
    const objective = s.value();
    if (!best || (meets && !best.meetsTarget) || (meets === best.meetsTarget && (meets ? objective > best.objective + EPS : s.own > best.utility + EPS))) {
      const terms = Array.from(s.cur);
      best = { terms, utility: ownUtility(t, terms), objective, value: objective, chance: 0, meetsTarget: meets };
    }
  }
  best!.chance = jointAcceptance(t, beliefs, best!.terms);
  best!.value = GREED * Math.log(Math.max(MIN_SURPLUS, best!.utility - reserve)) + Math.log(Math.max(1e-300, best!.chance));
  return best!;
}

/** The believed chance that every modelled party accepts `terms`. */
export function jointAcceptance(t: Tables, b: Beliefs, terms: Terms): number {
  const total = t.offset[t.issues]!;
  let p = 1;
  for (let r = 0; r < b.parties.length; r++) {
    let u = 0;
    for (let i = 0; i < t.issues; i++) {
      const x = r * total + t.offset[i]! + terms[i]!;
      if (b.banned[x] === 1) return 0;
      u += b.contribution[x]!;
    }
    for (const [a, x, c, y] of b.pairs[r] ?? []) if (terms[a] === x && terms[c] === y) return 0;
    p *= 1 / (1 + Math.exp(-(u - b.threshold[r]!) / SPREAD));
  }
  return p;
}
