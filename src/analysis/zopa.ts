// The zone of possible agreement: whether some package beats every party's disagreement value, how many do
// (estimated), and the Nash point within it.
import { crossesRedLine, type Preferences } from '../model/game.js';
import { nextRandom } from '../model/rng.js';
import type { Terms } from '../model/types.js';
import { nashSearch } from './bargaining-points.js';
import { nashProduct, type BargainingOptions } from './frontier.js';
import { compileSpace, utilitiesOf } from './space.js';

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
