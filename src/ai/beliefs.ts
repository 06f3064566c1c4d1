// What a party believes about each other party's preferences, learnt from every signal its view holds. The
// numbers are fitted, not counted: every signal is read as "it prefers this package to that one", and the
// utility that best explains them is found by a ranking fit (preference-fit.ts), pulled toward a prior:
//   • its opening offer: on every issue, the option it opened with over every other (its ideal);
//   • its counter-offers: the package it proposed over the one it answered, and each option it changed there over
//     the one it replaced;
//   • its rejections: what it was asking at the time over what it rejected; the issue a rejection names hurts
//     it more than the others the same package touches ("the Donetsk terms fall short"); and the option it asks
//     for there is worth more to it than the one it was offered;
//   • its acceptances: what it accepted over what it asked next; its offers, each over the next (it concedes);
//   • its public commitment: a party commits on the issue that matters most to it;
//   • accounts of its offers in talks we were not at (relays, readouts, leaks), when it made us no offer itself.
// The prior: weights halfway between equal and our own (belligerents and allies tend to care about the same
// things, if not in the same direction); on an issue where it has shown what it wants, the other options are read from our own
// values (MIRROR) — if what it wants is what we value low, it is likely opposed to us there and an option we like
// less is one it likes more; if we want the same, it likely ranks the rest as we do. On an issue it said nothing
// about, every option is worth the same to it, so the issue does not steer the search either way.
// Red lines are not fitted but remembered: "crosses my red line" rules the option out until the party itself
// puts its name to it (then it was a bluff, and its other claims count for nothing); a public commitment rules
// out the options believed worth less than the one it named.
//
// Besides preferences, the model estimates how much each party asks for now — the threshold its utility (as
// believed) must reach for it to accept: the value of its latest offer less the concession since, lower still
// in the last third of the talks, no more than what it accepted lately, and above what it rejected as short.
// `acceptance` turns the gap into a probability (logistic, SPREAD wide); the bidding search maximises it.
import type { PartyId, Terms } from '../model/types.js';
import type { PlayerView, ViewProposal } from '../model/view.js';
import { speakerOf, wasThere } from './accounts.js';
import { Comparisons, fitPreferences } from './preference-fit.js';
import { relianceTable } from './reliance.js';
import { gameTablesFor, type Tables } from './tables.js';

/** Weight of each kind of comparison in the fit. */
export const WEIGHTS = { opening: 1, counter: 1, changed: 0.5, rejected: 1, named: 0.5, wants: 1, accepted: 0.5, conceded: 0.2, committed: 0.5, account: 0.5 } as const;
/** Spread of the acceptance curve: how far (in believed utility) from its threshold a package is a coin toss. */
export const SPREAD = 0.06;
/** The threshold believed of a party that has shown nothing yet. */
export const PRIOR_THRESHOLD = 0.6;
/** How much a party is believed to concede a round after its latest offer. */
export const DRIFT = 0.02;
/** How much further every party is believed to come down by the last round (from the start of the last third). */
export const LATE_DROP = 0.2;
/** How far the prior value of an option follows the mirror of our own values (the rest is 0.5). */
export const MIRROR = 0.8;
/** How far the prior weight of an issue follows our own weight for it (the rest is equal weights). */
export const OWN_WEIGHT = 0.5;
/** Offers of each party that count (its newest). */
export const MEMORY = 12;
/** A commitment rules out options believed worth less than the one named by more than this. */
const COMMIT_MARGIN = 0.05;

export interface Beliefs {
  /** The modelled parties, in row order. */
  parties: readonly PartyId[];
  /** Believed issue weights, `weights[j * issues + i]`, each row summing to 1. */
  weights: Float64Array;
  /** Believed option values, `values[j * options + offset[i] + o]`, in [0, 1]. */
  values: Float64Array;
  /** `contribution = weight × value`: summed over issues, the believed utility of a package. */
  contribution: Float64Array;
  /** 1 where a party has ruled an option out (a red line it named, or below its public commitment). */
  banned: Uint8Array;
  /** Believed acceptance threshold per party, in believed utility. */
  threshold: Float64Array;
  /** Whether anything is known about each party; if not, the neutral prior stands. */
  informed: Uint8Array;
  /** Whether a party was caught contradicting a red line it named (its claims are then ignored). */
  bluffed: Uint8Array;
  /** Per party row, the combinations it named as red lines: [issue, option, other issue, its option]. */
  pairs: (readonly [number, number, number, number])[][];
}

export function emptyBeliefs(): Beliefs {
  return {
    parties: [],
    weights: new Float64Array(0),
    values: new Float64Array(0),
    contribution: new Float64Array(0),
    banned: new Uint8Array(0),
    threshold: new Float64Array(0),
    informed: new Uint8Array(0),
    bluffed: new Uint8Array(0),
    pairs: [],
  };
}

function grow(b: Beliefs, k: number, n: number, total: number): void {
  if (b.weights.length < k * n) b.weights = new Float64Array(k * n);
  if (b.values.length < k * total) {
    b.values = new Float64Array(k * total);
    b.contribution = new Float64Array(k * total);
    b.banned = new Uint8Array(k * total);
  }
  if (b.threshold.length < k) {
    b.threshold = new Float64Array(k);
    b.informed = new Uint8Array(k);
    b.bluffed = new Uint8Array(k);
  }
}

/** What one party's record shows: its offers (oldest first), the comparisons read from it, its red-line claims. */
interface PartyRecord {
  offers: ViewProposal[];
  comparisons: Comparisons;
  /** Round of each red-line claim per option (−1: none). */
  claims: Int32Array;
  /** Combinations it named as red lines, with the round named. */
  pairClaims: { pair: readonly [number, number, number, number]; round: number }[];
  /** What it opened with, or what we were told it offered when it made us no offer itself. */
  wanted?: Terms;
}

/** Every single-issue change of `terms`, each preferred less than `terms` itself. */
function overEveryChange(t: Tables, terms: Terms, weight: number, into: Comparisons): void {
  for (let i = 0; i < t.issues; i++) {
    for (let o = 0; o < t.offset[i + 1]! - t.offset[i]!; o++) if (o !== terms[i]) into.swapped(terms, -1, 0, i, o, weight);
  }
}

/** Learns beliefs about each of `parties` from this view (a fresh model each call; `into` is reused). */
export function learnBeliefs(view: PlayerView, t: Tables, parties: readonly PartyId[], into: Beliefs = emptyBeliefs()): Beliefs {
  const n = t.issues;
  const total = t.offset[n]!;
  const k = parties.length;
  grow(into, k, n, total);
  into.parties = parties;
  const b = into;
  b.informed.fill(0, 0, k);
  b.bluffed.fill(0, 0, k);
  b.banned.fill(0, 0, k * total);
  const reliance = relianceTable(view);
  const { index } = gameTablesFor(view.game);
  const rowOf = (id: PartyId) => parties.indexOf(id);
  const trustIn = (id: PartyId) => reliance[index.get(id) ?? 0] ?? 1;
  const byId = new Map<number, ViewProposal>();
  for (const p of view.proposals) byId.set(p.id, p);
  const records: PartyRecord[] = parties.map(() => ({ offers: [], comparisons: new Comparisons(t.offset, n), claims: new Int32Array(total).fill(-1), pairClaims: [] }));

  for (const p of view.proposals) {
    const j = rowOf(p.by);
    if (j >= 0) records[j]!.offers.push(p);
  }

  // Offers: the opening over every single change of it; each offer over the next; a counter over what it answers.
  for (let j = 0; j < k; j++) {
    const r = records[j]!;
    if (r.offers.length === 0) continue;
    b.informed[j] = 1;
    const trust = trustIn(parties[j]!);
    r.wanted = r.offers[0]!.terms;
    overEveryChange(t, r.wanted, WEIGHTS.opening * trust, r.comparisons);
    const from = Math.max(0, r.offers.length - MEMORY);
    for (let at = from; at < r.offers.length; at++) {
      const p = r.offers[at]!;
      const next = r.offers[at + 1];
      if (next) r.comparisons.packages(p.terms, next.terms, WEIGHTS.conceded * trust);
      const answered = p.replyTo !== undefined ? byId.get(p.replyTo) : undefined;
      if (answered && answered.by !== p.by) {
        r.comparisons.packages(p.terms, answered.terms, WEIGHTS.counter * trust);
        for (let i = 0; i < n; i++) {
          if (p.terms[i] !== answered.terms[i]) r.comparisons.swapped(answered.terms, i, p.terms[i]!, -1, 0, WEIGHTS.changed * trust);
        }
      }
    }
  }

  // Answers: what each party accepted, and what it rejected and why.
  for (const p of view.proposals) {
    for (const id of p.accepted) {
      const j = id === p.by ? -1 : rowOf(id);
      if (j < 0) continue;
      b.informed[j] = 1;
      const next = records[j]!.offers.find((q) => q.round > p.round || (q.round === p.round && q.id > p.id));
      if (next) records[j]!.comparisons.packages(p.terms, next.terms, WEIGHTS.accepted);
    }
    for (const id of p.rejected) {
      const j = rowOf(id);
      const reason = p.reasons?.[id];
      if (j < 0 || !reason || reason.issue >= n) continue;
      b.informed[j] = 1;
      const r = records[j]!;
      const at = t.offset[reason.issue]! + p.terms[reason.issue]!;
      if (reason.why === 'red-line') {
        if (reason.with !== undefined && reason.with < n) r.pairClaims.push({ pair: [reason.issue, p.terms[reason.issue]!, reason.with, p.terms[reason.with]!], round: p.round });
        else r.claims[at] = Math.max(r.claims[at]!, p.round);
        continue;
      }
      if (reason.wants !== undefined && reason.wants !== p.terms[reason.issue]) {
        r.comparisons.swapped(p.terms, reason.issue, reason.wants, -1, 0, WEIGHTS.wants);
      }
      let asked: ViewProposal | undefined;
      for (const q of r.offers) if (q.round <= p.round) asked = q;
      if (asked) r.comparisons.packages(asked.terms, p.terms, WEIGHTS.rejected);
      const ideal = r.wanted;
      if (ideal) {
        // Giving way on any other issue it was asked to would have hurt it less than on the one it named.
        for (let i = 0; i < n; i++) {
          if (i === reason.issue || p.terms[i] === ideal[i]) continue;
          r.comparisons.swapped(ideal, i, p.terms[i]!, reason.issue, p.terms[reason.issue]!, WEIGHTS.named);
        }
      }
    }
  }

  // A red line a party named and later put its own name to was a bluff.
  for (const p of view.proposals) {
    for (const id of p.accepted) {
      const j = rowOf(id);
      if (j < 0) continue;
      const claims = records[j]!.claims;
      const pairClaims = records[j]!.pairClaims;
      for (let q = pairClaims.length - 1; q >= 0; q--) {
        const {
          pair: [a, x, c, y],
          round,
        } = pairClaims[q]!;
        if (p.terms[a] === x && p.terms[c] === y && p.round >= round) {
          pairClaims.splice(q, 1);
          b.bluffed[j] = 1;
        }
      }
      for (let i = 0; i < n; i++) {
        const at = t.offset[i]! + p.terms[i]!;
        if (claims[at]! >= 0 && p.round >= claims[at]!) {
          claims[at] = -1;
          b.bluffed[j] = 1;
        }
      }
    }
  }

  // Accounts of talks we were not at: what the speaker offered there stands in for an opening, for less.
  for (const m of view.messages) {
    if (m.body.kind !== 'account' || m.exposed || m.from === view.self || !(m.confidence > 0) || wasThere(view, m)) continue;
    const speaker = speakerOf(view, m);
    const j = speaker === undefined ? -1 : rowOf(speaker);
    if (j < 0) continue;
    b.informed[j] = 1;
    const r = records[j]!;
    if (r.offers.length > 0) continue;
    r.wanted ??= m.body.terms;
    overEveryChange(t, m.body.terms, WEIGHTS.account * m.confidence * trustIn(m.from), r.comparisons);
  }

  // Public commitments: the issue a party commits on is the one it cares about most.
  for (let j = 0; j < k; j++) {
    const r = records[j]!;
    for (const c of view.parties[parties[j]!]?.commitments ?? []) {
      if (c.broken || c.issue >= n) continue;
      b.informed[j] = 1;
      const ideal = r.wanted;
      if (!ideal) continue;
      const hurt = worstFor(t, c.issue, ideal[c.issue]!);
      for (let i = 0; i < n; i++) if (i !== c.issue) r.comparisons.swapped(ideal, i, worstFor(t, i, ideal[i]!), c.issue, hurt, WEIGHTS.committed);
    }
  }

  for (let j = 0; j < k; j++) settle(b, records[j]!, t, view, parties[j]!, j);
  return b;
}

/** The option on issue `i` we value most that is not `wanted`: what it would have to give there to please us. */
function worstFor(t: Tables, i: number, wanted: number): number {
  const base = t.offset[i]!;
  let pick = wanted;
  for (let o = 0; o < t.offset[i + 1]! - base; o++) if (o !== wanted && (pick === wanted || t.value[base + o]! > t.value[base + pick]!)) pick = o;
  return pick;
}

/** Fits one party's record into weights, values, bans and a threshold. */
function settle(b: Beliefs, r: PartyRecord, t: Tables, view: PlayerView, party: PartyId, j: number): void {
  const n = t.issues;
  const total = t.offset[n]!;
  const row = j * total;
  // The prior: weights between equal and ours; values mirrored from ours where we know what it wants.
  const prior = new Float64Array(total);
  for (let i = 0; i < n; i++) {
    const base = t.offset[i]!;
    const want = r.wanted ? r.wanted[i]! : -1;
    const ours = want >= 0 ? t.value[base + want]! : 0.5;
    for (let o = 0; o < t.offset[i + 1]! - base; o++) {
      let v = 0.5;
      if (want >= 0) {
        const mine = t.value[base + o]!;
        const mirrored = o === want ? 1 : ours <= 0.5 ? (1 - mine) / Math.max(1e-9, 1 - ours) : mine / Math.max(1e-9, ours);
        v = (1 - MIRROR) * 0.5 + MIRROR * Math.min(1, Math.max(0, mirrored));
      }
      prior[base + o] = v * ((1 - OWN_WEIGHT) / n + OWN_WEIGHT * t.weight[i]!);
    }
  }
  const theta = b.contribution.subarray(row, row + total);
  fitPreferences(t.offset, n, prior, r.comparisons, theta);
  for (let i = 0; i < n; i++) {
    let w = 0;
    for (let x = t.offset[i]!; x < t.offset[i + 1]!; x++) if (theta[x]! > w) w = theta[x]!;
    b.weights[j * n + i] = w;
    for (let x = t.offset[i]!; x < t.offset[i + 1]!; x++) b.values[row + x] = w > 1e-12 ? theta[x]! / w : 0.5;
  }
  if (b.bluffed[j] === 0) for (let x = 0; x < total; x++) if (r.claims[x]! >= 0) b.banned[row + x] = 1;
  b.pairs[j] = b.bluffed[j] === 0 ? r.pairClaims.map((c) => c.pair) : [];
  // A standing commitment rules out the options it is believed to value less than the one it named.
  for (const c of view.parties[party]?.commitments ?? []) {
    if (c.broken || c.issue >= n) continue;
    const base = row + t.offset[c.issue]!;
    const named = b.values[base + c.option]!;
    for (let x = base; x < row + t.offset[c.issue + 1]!; x++) if (b.values[x]! < named - COMMIT_MARGIN) b.banned[x] = 1;
  }
  b.threshold[j] = thresholdOf(b, t, view, party, j);
}

/** Believed utility of a package for party row `j`. */
export function believedUtility(b: Beliefs, t: Tables, j: number, terms: Terms): number {
  const row = j * t.offset[t.issues]!;
  let u = 0;
  for (let i = 0; i < t.issues; i++) u += b.contribution[row + t.offset[i]! + terms[i]!]!;
  return u;
}

/** The first issue on which a package holds an option (or a combination) party row `j` has ruled out, or −1. */
export function ruledOut(b: Beliefs, t: Tables, j: number, terms: Terms): number {
  const row = j * t.offset[t.issues]!;
  for (let i = 0; i < t.issues; i++) if (b.banned[row + t.offset[i]! + terms[i]!] === 1) return i;
  for (const [a, x, c, y] of b.pairs[j] ?? []) if (terms[a] === x && terms[c] === y) return a;
  return -1;
}

/**
 * Believed utility of a package for party row `j`, or −Infinity when it holds an option or a combination `j`
 * ruled out: ruledOut and believedUtility in one pass (the same sum, in the same order).
 */
export function believedStanding(b: Beliefs, t: Tables, j: number, terms: Terms): number {
  const row = j * t.offset[t.issues]!;
  let u = 0;
  for (let i = 0; i < t.issues; i++) {
    const x = row + t.offset[i]! + terms[i]!;
    if (b.banned[x] === 1) return -Infinity;
    u += b.contribution[x]!;
  }
  for (const [a, x, c, y] of b.pairs[j] ?? []) if (terms[a] === x && terms[c] === y) return -Infinity;
  return u;
}

/** The believed chance that party row `j` accepts a package it values at `u` (believed): logistic in the gap. */
export function acceptanceAt(b: Beliefs, j: number, u: number): number {
  return u === -Infinity ? 0 : 1 / (1 + Math.exp(-(u - b.threshold[j]!) / SPREAD));
}

/** The believed chance that party row `j` accepts a package: 0 across what it ruled out, else logistic in the gap. */
export function acceptance(b: Beliefs, t: Tables, j: number, terms: Terms): number {
  return acceptanceAt(b, j, believedStanding(b, t, j, terms));
}

/**
 * How much party row `j` asks for now, in believed utility: its latest offer less DRIFT a round since, less up to
 * LATE_DROP in the last third of the talks; no more than the least it accepted in the last two rounds; more than
 * what it rejected as short in them.
 */
function thresholdOf(b: Beliefs, t: Tables, view: PlayerView, party: PartyId, j: number): number {
  let threshold = PRIOR_THRESHOLD;
  let latest: ViewProposal | undefined;
  for (let p = view.proposals.length - 1; p >= 0; p--) {
    if (view.proposals[p]!.by === party) {
      latest = view.proposals[p];
      break;
    }
  }
  if (latest) threshold = believedUtility(b, t, j, latest.terms) - DRIFT * Math.max(0, view.round - latest.round);
  const rounds = view.game.rounds;
  const late = rounds > 1 ? ((view.round - 1) / (rounds - 1) - 2 / 3) * 3 : 0;
  if (late > 0) threshold -= LATE_DROP * Math.min(1, late);
  let floor = -Infinity;
  let ceiling = Infinity;
  for (let p = view.proposals.length - 1; p >= 0; p--) {
    const q = view.proposals[p]!;
    if (q.round < view.round - 2) break;
    if (q.by === party) continue;
    const u = believedUtility(b, t, j, q.terms);
    if (q.accepted.includes(party)) ceiling = Math.min(ceiling, u);
    const reason = q.reasons?.[party];
    if (q.rejected.includes(party) && reason && reason.why !== 'red-line') floor = Math.max(floor, u + 0.01);
  }
  if (floor > threshold) threshold = floor;
  if (ceiling < threshold) threshold = ceiling;
  return threshold;
}
