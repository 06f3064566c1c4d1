// Fitting another party's utility to what it did. Linear additive utility is linear in one number per option —
// θ[k], the option's share of the party's utility (weight × value) — so every signal that says "it prefers A to
// B" is a linear constraint θ·(φ(A) − φ(B)) > 0, φ the package's option indicators. The fit is a ranking SVM:
// minimise the hinge losses of the comparisons plus a pull toward a prior, over θ ≥ 0, by projected subgradient
// descent from the prior (a fixed number of steps: deterministic, and cheap because each comparison touches
// only the options where its two packages differ). Afterwards each issue's worst option is set to 0 and the
// whole scaled so the party's ideal package is worth 1 — the scale of the true preferences.
//
// Comparisons (below) come from beliefs.ts: a counter-offer over the offer it answers, an offer over a package
// the party rejected as falling short, a package it accepted over its next offer, an opening offer's option over every
// other option of its issue, and the issue a rejection names over the others in the same package.
import type { Terms } from '../model/types.js';

/**
 * Observed preferences, each "the party prefers package A to package B" with a weight, kept flat: per
 * comparison only the options where A and B differ (A's in `plus`, B's in `minus`, in issue order), from
 * `start[c]` to `start[c + 1]`. The packages are described as one base package with at most one issue changed
 * on each side, which covers every signal beliefs.ts reads — so no package is ever built to be compared.
 */
export class Comparisons {
  readonly plus: number[] = [];
  readonly minus: number[] = [];
  readonly start: number[] = [0];
  readonly weight: number[] = [];

  constructor(
    private readonly offset: Int32Array,
    private readonly issues: number,
  ) {}

  get length(): number {
    return this.weight.length;
  }

  /** `a` over `b`. */
  packages(a: Terms, b: Terms, weight: number): void {
    for (let i = 0; i < this.issues; i++) if (a[i] !== b[i]) this.pair(i, a[i]!, b[i]!);
    this.close(weight);
  }

  /**
   * `base` with issue `ai` set to `ax`, over `base` with issue `bi` set to `bx` (an issue of −1: that side is
   * `base` itself).
   */
  swapped(base: Terms, ai: number, ax: number, bi: number, bx: number, weight: number): void {
    for (let i = 0; i < this.issues; i++) {
      const a = i === ai ? ax : base[i]!;
      const b = i === bi ? bx : base[i]!;
      if (a !== b) this.pair(i, a, b);
    }
    this.close(weight);
  }

  private pair(issue: number, a: number, b: number): void {
    this.plus.push(this.offset[issue]! + a);
    this.minus.push(this.offset[issue]! + b);
  }

  private close(weight: number): void {
    this.start.push(this.plus.length);
    this.weight.push(weight);
  }
}

export interface FitOptions {
  /** Margin the comparisons should hold by (in utility). */
  margin: number;
  /** Pull toward the prior. */
  prior: number;
  steps: number;
  rate: number;
}

export const FIT: Readonly<FitOptions> = Object.freeze({ margin: 0.003, prior: 1, steps: 20, rate: 0.04 });

/**
 * Fits θ (length offset[issues]) to the comparisons, starting from and pulled toward `prior`; writes it into
 * `out`, normalised (worst option of each issue 0, ideal package 1).
 */
export function fitPreferences(offset: Int32Array, issues: number, prior: Float64Array, comparisons: Comparisons, out: Float64Array, opts: FitOptions = FIT): void {
  const total = offset[issues]!;
  for (let k = 0; k < total; k++) out[k] = prior[k]!;
  const { plus, minus, start, weight } = comparisons;
  const count = comparisons.length;
  const pull = 2 * opts.prior;
  for (let step = 0; step < opts.steps; step++) {
    const rate = opts.rate / (1 + step / 10);
    const keep = 1 - rate * pull;
    for (let k = 0; k < total; k++) out[k] = keep * out[k]! + rate * pull * prior[k]!;
    for (let c = 0; c < count; c++) {
      const from = start[c]!;
      const to = start[c + 1]!;
      let s = 0;
      for (let x = from; x < to; x++) s += out[plus[x]!]! - out[minus[x]!]!;
      if (s >= opts.margin) continue;
      const g = rate * weight[c]!;
      for (let x = from; x < to; x++) {
        out[plus[x]!] = out[plus[x]!]! + g;
        out[minus[x]!] = out[minus[x]!]! - g;
      }
    }
    for (let k = 0; k < total; k++) if (out[k]! < 0) out[k] = 0;
  }
  let ideal = 0;
  for (let i = 0; i < issues; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = offset[i]!; k < offset[i + 1]!; k++) {
      if (out[k]! < lo) lo = out[k]!;
      if (out[k]! > hi) hi = out[k]!;
    }
    for (let k = offset[i]!; k < offset[i + 1]!; k++) out[k] = out[k]! - lo;
    ideal += hi - lo;
  }
  if (ideal > 1e-12) for (let k = 0; k < total; k++) out[k] = out[k]! / ideal;
}
