// Per-party lookup tables for the AI's hot loop, built once per Preferences object and cached by identity.
// Everything is flattened into typed arrays indexed by `offset[issue] + option`, so the search adds numbers
// instead of chasing nested arrays.
import type { Preferences, PublicGame } from '../model/game.js';
import type { Commitment, PartyId, Terms } from '../model/types.js';

export interface Tables {
  /** Number of issues. */
  issues: number;
  /** Index of issue i's first option in the flat arrays; `offset[issues]` is the total number of options. */
  offset: Int32Array;
  /** Weight of each issue (summing to 1). */
  weight: Float64Array;
  /** `own[offset[i] + o]` = weight of issue i × value of option o: the option's share of own utility. */
  own: Float64Array;
  /** `value[offset[i] + o]`: the raw value (0–1) of option o on issue i. */
  value: Float64Array;
  /** `red[offset[i] + o]` = 1 when the option is one of this party's red lines. */
  red: Uint8Array;
  /** Per issue, the best option that is not a red line (the best overall when every option is one). */
  ideal: Int32Array;
  /** `ideal` as a package (shared: never mutate). */
  idealTerms: readonly number[];
  /** Own utility of `ideal`: the most this party can ask for. */
  idealUtility: number;
  /** Whether some package avoids every red line. */
  feasible: boolean;
  /**
   * The combinations we never sign, per option: `conflicts[offset[i] + o]` lists the options (flat indices) of
   * other issues that option o of issue i must not go with.
   */
  conflicts: readonly (readonly number[])[];
  /** Issue indices, most important first: weight × the spread of its option values. */
  importance: Int32Array;
}

const tablesCache = new WeakMap<Preferences, Tables>();

export function tablesFor(prefs: Preferences): Tables {
  const cached = tablesCache.get(prefs);
  if (cached) return cached;
  const issues = prefs.weights.length;
  const offset = new Int32Array(issues + 1);
  for (let i = 0; i < issues; i++) offset[i + 1] = offset[i]! + prefs.values[i]!.length;
  const total = offset[issues]!;
  const own = new Float64Array(total);
  const value = new Float64Array(total);
  const red = new Uint8Array(total);
  const ideal = new Int32Array(issues);
  const weight = Float64Array.from(prefs.weights);
  const swing = new Float64Array(issues);
  let idealUtility = 0;
  let feasible = true;
  for (let i = 0; i < issues; i++) {
    const w = prefs.weights[i]!;
    const row = prefs.values[i]!;
    let best = -1;
    let bestAny = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let o = 0; o < row.length; o++) {
      const k = offset[i]! + o;
      const v = row[o]!;
      value[k] = v;
      own[k] = w * v;
      const isRed = prefs.redLine[i]?.[o] === true;
      red[k] = isRed ? 1 : 0;
      if (!isRed && (best < 0 || v > row[best]!)) best = o;
      if (v > row[bestAny]!) bestAny = o;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (best < 0) {
      feasible = false;
      best = bestAny;
    }
    ideal[i] = best;
    idealUtility += w * row[best]!;
    swing[i] = w * (hi - lo);
  }
  const order = Array.from({ length: issues }, (_, i) => i).sort((a, b) => swing[b]! - swing[a]! || a - b);
  const conflicts: number[][] = Array.from({ length: total }, () => []);
  for (const r of prefs.redPairs) {
    conflicts[offset[r.issue]! + r.option]!.push(offset[r.with]! + r.withOption);
    conflicts[offset[r.with]! + r.withOption]!.push(offset[r.issue]! + r.option);
  }
  const tables: Tables = { issues, offset, weight, own, value, red, ideal, idealTerms: Array.from(ideal), idealUtility, feasible, conflicts, importance: Int32Array.from(order) };
  tablesCache.set(prefs, tables);
  return tables;
}

/** Own utility of a package: the same number as `utility(prefs, terms)`. */
export function ownUtility(t: Tables, terms: Terms): number {
  let u = 0;
  for (let i = 0; i < t.issues; i++) u += t.own[t.offset[i]! + terms[i]!]!;
  return u;
}

export function crossesRed(t: Tables, terms: Terms): boolean {
  return redCrossed(t, terms) !== undefined;
}

/** The first red line of ours `terms` crosses: an option (`with` absent) or a combination with another issue. */
export function redCrossed(t: Tables, terms: Terms): { issue: number; option: number; with?: number } | undefined {
  for (let i = 0; i < t.issues; i++) if (t.red[t.offset[i]! + terms[i]!] === 1) return { issue: i, option: terms[i]! };
  for (let i = 0; i < t.issues; i++) {
    for (const k of t.conflicts[t.offset[i]! + terms[i]!]!) {
      const j = issueOf(t, k);
      if (terms[j] === k - t.offset[j]!) return { issue: i, option: terms[i]!, with: j };
    }
  }
  return undefined;
}

/** The issue a flat option index belongs to. */
export function issueOf(t: Tables, k: number): number {
  let i = 0;
  while (t.offset[i + 1]! <= k) i++;
  return i;
}

/** The first of the party's standing (unbroken) commitments this package would break, if any. */
export function brokenCommitment(t: Tables, commitments: readonly Commitment[], terms: Terms): Commitment | undefined {
  for (const c of commitments) {
    if (c.broken) continue;
    const base = t.offset[c.issue]!;
    if (t.value[base + terms[c.issue]!]! < t.value[base + c.option]! - 1e-9) return c;
  }
  return undefined;
}

/**
 * Fills `out` (length ≥ total options) with 1 for every option the party may put its name to: not a red line,
 * and not below a standing commitment on its issue. Returns `out`.
 */
export function allowedOptions(t: Tables, commitments: readonly Commitment[], out: Uint8Array): Uint8Array {
  const total = t.offset[t.issues]!;
  for (let k = 0; k < total; k++) out[k] = t.red[k] === 1 ? 0 : 1;
  for (const c of commitments) {
    if (c.broken) continue;
    const base = t.offset[c.issue]!;
    const floor = t.value[base + c.option]! - 1e-9;
    for (let k = base; k < t.offset[c.issue + 1]!; k++) if (t.value[k]! < floor) out[k] = 0;
  }
  return out;
}

// ── the public structure: party indices and signatories, cached per PublicGame ─────────────────────────────

export interface GameTables {
  /** Turn-order index of each party. */
  index: Map<PartyId, number>;
  signatories: ReadonlySet<PartyId>;
  /** The signatories other than `self`, in turn order (cached: never mutate). */
  otherSignatories(self: PartyId): readonly PartyId[];
}

const gameCache = new WeakMap<PublicGame, GameTables>();

export function gameTablesFor(game: PublicGame): GameTables {
  const cached = gameCache.get(game);
  if (cached) return cached;
  const index = new Map<PartyId, number>();
  game.parties.forEach((p, i) => index.set(p.id, i));
  const others = new Map<PartyId, readonly PartyId[]>();
  const tables: GameTables = {
    index,
    signatories: new Set(game.signatories),
    otherSignatories(self) {
      let list = others.get(self);
      if (!list) {
        list = game.signatories.filter((id) => id !== self);
        others.set(self, list);
      }
      return list;
    },
  };
  gameCache.set(game, tables);
  return tables;
}
