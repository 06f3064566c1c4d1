// A frequency opponent model (the HardHeaded / "frequency" family in the negotiation literature): what another
// party wants is read off the offers it made that we heard.
//   • Issue weights: an issue it never moves on between consecutive offers matters to it; one it keeps
//     changing does not. weight_i ∝ 1 + (times unchanged between consecutive offers) [+ a public commitment].
//   • Option values: options it keeps putting on the table are the ones it likes.
//     value_i(o) = (count_i(o) + ½) / (max_o' count_i(o') + ½).
//   • A party we know nothing about yet gets the adversarial prior: equal weights, and it wants the opposite of
//     what we want (value = 1 − our value), so our first offers give ground where it costs us least.
//   • Suspected vetoes: once a party has shown us two packages (offers, or packages it accepted), an option
//     it never put its name to may be one of its red lines; the model score of a package drops by VETO for
//     each such option, whatever the issue's weight, so the search steers around them where it can.
//   • Accounts (relays, readouts, leaks) of talks we were not at are weaker evidence of what the speaker wants:
//     each adds ACCOUNT_WEIGHT × its confidence to the option counts of the speaker (when we can tell who spoke,
//     accounts.ts), not to its issue weights nor to the veto evidence. Exposed accounts count for nothing.
//   • A party caught distorting (reliance.ts) is believed less: its offers, and the accounts it passes on,
//     count its reliance (½ per exposure, down to ¼) instead of 1 — a flatter, less certain estimate.
// The one parameter that matters is the memory: only its last `maxOffers` offers (and accounts) count.
// It reads only the PlayerView: offers as we heard them (an envoy may have bent them), accounts as told, and
// public commitments.
import type { PartyId, Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import { speakerOf, wasThere } from './accounts.js';
import { relianceTable } from './reliance.js';
import { gameTablesFor, type Tables } from './tables.js';

export const DEFAULT_MEMORY = 8;
/** Extra weight an issue gets when the party publicly committed itself on it. */
const COMMITMENT_WEIGHT = 2;
const SMOOTHING = 0.5;
/** Score lost per option a well-observed party never put its name to. */
export const VETO = 0.25;
/** Packages seen from a party before its unseen options count as suspected vetoes. */
const VETO_EVIDENCE = 2;
/** What an account (relay, readout, leak) counts for, against an offer heard first-hand, before its confidence. */
export const ACCOUNT_WEIGHT = 0.5;

export interface OpponentModel {
  /** The modelled parties, in the order their rows appear below. */
  parties: readonly PartyId[];
  /** Offers heard from each party (capped at the memory). */
  offers: Int32Array;
  /** Whether anything is known about each party (an offer or a public commitment); if not, the prior is used. */
  informed: Uint8Array;
  /** Estimated issue weights, `weights[j * issues + i]`, each row summing to 1. */
  weights: Float64Array;
  /** Estimated option values, `values[j * totalOptions + offset[i] + o]`, in [0, 1]. */
  values: Float64Array;
  /**
   * The model score per option, `contribution[j * totalOptions + offset[i] + o]` = weight × value, less VETO
   * for a suspected veto; summed over issues it is the score the search maximises (estimated utility less
   * the veto penalties).
   */
  contribution: Float64Array;
}

/** Learns a model of each party in `parties` from what this view heard (a fresh model each call). */
export function learnOpponents(view: PlayerView, t: Tables, parties: readonly PartyId[], maxOffers = DEFAULT_MEMORY): OpponentModel {
  return learnOpponentsInto(emptyModel(), view, t, parties, maxOffers);
}

/** A model whose arrays `learnOpponentsInto` grows and reuses. */
export function emptyModel(): OpponentModel {
  return {
    parties: [],
    offers: new Int32Array(4),
    informed: new Uint8Array(4),
    weights: new Float64Array(64),
    values: new Float64Array(256),
    contribution: new Float64Array(256),
  };
}

const previous: (Terms | undefined)[] = [];
let accepted = new Int32Array(4);
let accounts = new Int32Array(4);
let trusted = new Float64Array(4);

/**
 * `learnOpponents` into an existing model, reusing its arrays (growing them when too small): the hot path
 * allocates nothing. The model's previous contents are overwritten.
 */
export function learnOpponentsInto(
  model: OpponentModel,
  view: PlayerView,
  t: Tables,
  parties: readonly PartyId[],
  maxOffers = DEFAULT_MEMORY,
): OpponentModel {
  const n = t.issues;
  const total = t.offset[n]!;
  const k = parties.length;
  if (model.offers.length < k) {
    model.offers = new Int32Array(k);
    model.informed = new Uint8Array(k);
  }
  if (model.weights.length < k * n) model.weights = new Float64Array(k * n);
  if (model.values.length < k * total) {
    model.values = new Float64Array(k * total);
    model.contribution = new Float64Array(k * total);
  }
  if (accepted.length < k) {
    accepted = new Int32Array(k);
    accounts = new Int32Array(k);
    trusted = new Float64Array(k);
  }
  model.parties = parties;
  const { offers, informed, weights, values, contribution } = model;
  offers.fill(0, 0, k);
  informed.fill(0, 0, k);
  accepted.fill(0, 0, k);
  accounts.fill(0, 0, k);
  weights.fill(0, 0, k * n);
  values.fill(0, 0, k * total);
  previous.length = 0;
  for (let j = 0; j < k; j++) previous.push(undefined);
  const reliance = relianceTable(view);
  const { index } = gameTablesFor(view.game);
  for (let j = 0; j < k; j++) {
    const at = index.get(parties[j]!);
    trusted[j] = at === undefined ? 1 : reliance[at]!;
  }
  // `weights` first holds the "unchanged" counts and `values` the option counts; both are normalised below.
  // One pass, newest first, until every party's memory of offers is full.
  const proposals = view.proposals;
  let full = 0;
  for (let p = proposals.length - 1; p >= 0 && full < k; p--) {
    const proposal = proposals[p]!;
    const terms = proposal.terms;
    if (proposal.by !== view.self) {
      const j = parties.indexOf(proposal.by);
      if (j >= 0 && offers[j]! < maxOffers) {
        if (++offers[j]! === maxOffers) full++;
        const last = previous[j];
        const rowW = j * n;
        const rowV = j * total;
        const r = trusted[j]!;
        for (let i = 0; i < n; i++) {
          values[rowV + t.offset[i]! + terms[i]!]! += r;
          if (last !== undefined && last[i] === terms[i]) weights[rowW + i]! += r;
        }
        previous[j] = terms;
      }
    }
    // Packages a party accepted (other than its own) are evidence of what it can live with.
    const yes = proposal.accepted;
    for (let a = 0; a < yes.length; a++) {
      const id = yes[a]!;
      if (id === proposal.by) continue;
      const j = parties.indexOf(id);
      if (j < 0 || accepted[j]! >= maxOffers) continue;
      accepted[j]!++;
      const rowV = j * total;
      for (let i = 0; i < n; i++) values[rowV + t.offset[i]! + terms[i]!]! += 1;
    }
  }
  // Accounts of talks we were not at, newest first, up to the memory per speaker.
  const messages = view.messages;
  for (let q = messages.length - 1; q >= 0; q--) {
    const m = messages[q]!;
    const body = m.body;
    if (body.kind !== 'account' || m.exposed || m.from === view.self || !(m.confidence > 0)) continue;
    if (wasThere(view, m)) continue; // our own version of those talks is already counted
    const speaker = speakerOf(view, m);
    const j = speaker === undefined ? -1 : parties.indexOf(speaker);
    if (j < 0 || accounts[j]! >= maxOffers) continue;
    const teller = index.get(m.from);
    const w = ACCOUNT_WEIGHT * m.confidence * (teller === undefined ? 1 : reliance[teller]!);
    accounts[j]!++;
    const rowV = j * total;
    const terms = body.terms;
    for (let i = 0; i < n; i++) values[rowV + t.offset[i]! + terms[i]!]! += w;
  }
  for (let j = 0; j < k; j++) {
    const rowW = j * n;
    const rowV = j * total;
    if (offers[j]! > 0 || accepted[j]! > 0 || accounts[j]! > 0) informed[j] = 1;
    const vetoes = offers[j]! + accepted[j]! >= VETO_EVIDENCE;
    const state = view.parties[parties[j]!];
    if (state) {
      for (const c of state.commitments) {
        if (c.broken || c.issue >= n) continue;
        informed[j] = 1;
        weights[rowW + c.issue]! += COMMITMENT_WEIGHT;
        values[rowV + t.offset[c.issue]! + c.option]! += 1;
      }
    }
    if (informed[j] === 0) {
      for (let i = 0; i < n; i++) {
        weights[rowW + i] = 1 / n;
        for (let x = t.offset[i]!; x < t.offset[i + 1]!; x++) {
          values[rowV + x] = 1 - t.value[x]!;
          contribution[rowV + x] = (1 - t.value[x]!) / n;
        }
      }
      continue;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const w = 1 + weights[rowW + i]!;
      weights[rowW + i] = w;
      sum += w;
    }
    for (let i = 0; i < n; i++) {
      const w = weights[rowW + i]! / sum;
      weights[rowW + i] = w;
      const from = rowV + t.offset[i]!;
      const to = rowV + t.offset[i + 1]!;
      let max = 0;
      for (let x = from; x < to; x++) if (values[x]! > max) max = values[x]!;
      for (let x = from; x < to; x++) {
        const unseen = values[x] === 0;
        const v = (values[x]! + SMOOTHING) / (max + SMOOTHING);
        values[x] = v;
        contribution[x] = w * v - (vetoes && unseen ? VETO : 0);
      }
    }
  }
  return model;
}

/** The model's estimate of party row `j`'s utility for a package, in [0, 1]. */
export function estimatedUtility(model: OpponentModel, t: Tables, j: number, terms: Terms): number {
  const row = j * t.offset[t.issues]!;
  let u = 0;
  for (let i = 0; i < t.issues; i++) u += model.contribution[row + t.offset[i]! + terms[i]!]!;
  return u;
}

/** The estimated issue weights of party row `j`, in issue order. */
export function estimatedWeights(model: OpponentModel, t: Tables, j: number): number[] {
  return Array.from(model.weights.subarray(j * t.issues, (j + 1) * t.issues));
}
