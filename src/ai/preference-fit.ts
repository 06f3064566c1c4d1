// Fitting another party's utility to what it did. Linear additive utility is linear in one number per option —
// θ[k], the option's share of the party's utility (weight × value) — so every signal that says "it prefers A to
// B" is a linear constraint θ·(φ(A) − φ(B)) > 0, φ the package's option indicators. The fit is a ranking SVM:
// minimise the hinge losses of the comparisons plus a pull toward a prior, over θ ≥ 0, by projected subgradient
// descent from the prior (a fixed number of steps: deterministic, and cheap because each comparison touches
// only the options where its two packages differ). Afterwards each issue's worst option is set to 0 and the
// whole scaled so the party's ideal package is worth 1 — the scale of the true preferences.
//
// Comparisons come from beliefs.ts: a counter-offer over the offer it answers, an offer over a package the party
// rejected as falling short, a package it accepted over its next offer, an opening offer's option over every
// other option of its issue, and the issue a rejection names over the others in the same package.

/** One observed preference: the party prefers package `a` to `b`, with a weight. */
export interface Comparison {
  a: readonly number[];
  b: readonly number[];
  weight: number;
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
export function fitPreferences(offset: Int32Array, issues: number, prior: Float64Array, comparisons: readonly Comparison[], out: Float64Array, opts: FitOptions = FIT): void {
  const total = offset[issues]!;
  for (let k = 0; k < total; k++) out[k] = prior[k]!;
  const count = comparisons.length;
  // The comparisons flattened: per comparison, the options that gain (a's) and lose (b's), from start[c].
  let differing = 0;
  for (let c = 0; c < count; c++) {
    const { a, b } = comparisons[c]!;
    for (let i = 0; i < issues; i++) if (a[i] !== b[i]) differing++;
  }
  const plus = new Int32Array(differing);
  const minus = new Int32Array(differing);
  const start = new Int32Array(count + 1);
  let size = 0;
  for (let c = 0; c < count; c++) {
    start[c] = size;
    const { a, b } = comparisons[c]!;
    for (let i = 0; i < issues; i++) {
      if (a[i] === b[i]) continue;
      plus[size] = offset[i]! + a[i]!;
      minus[size] = offset[i]! + b[i]!;
      size++;
    }
  }
  start[count] = size;
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
      const g = rate * comparisons[c]!.weight;
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
