// Telling it our way. A party that does not report faithfully (a relay or a readout, with probability
// 1 − candour) moves one or two issues of what it heard by one notch — to the nearest option that is better
// for the side it favours. The rule for which side:
//   • sell — when the package as heard is one it could live with (no red line of its own, at least its BATNA),
//     it wants the listeners to take it, as a mediator wanting a deal does: it moves the issues toward what the
//     listeners would like, by its opponent model of those it has learnt something about; when it knows nothing
//     of them yet, it makes the speaker sound more generous — away from what the model says the speaker wants
//     ("he would leave Kherson and Zaporizhzhia");
//   • pull — otherwise, toward what it prefers itself: the speaker "offered us more" than it did.
// It moves the issues where the notch gains the favoured side most (by its own weights, or the model's);
// never onto one of its own red lines. Between options the favoured side values alike, the notch is the one
// listed nearest the option heard. When no issue can move, the account is faithful after all.
import type { Rng } from '../model/rng.js';
import type { PartyId, Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import type { Beliefs } from './beliefs.js';
import { crossesRed, ownUtility, type Tables } from './tables.js';

/** Chance that a shaded account moves two issues rather than one. */
export const TWO_ISSUES = 0.5;

export type Slant = 'sell' | 'pull';

export interface Shaded {
  terms: number[];
  slant: Slant;
  /** The issues moved. */
  issues: number[];
}

/** Which side an account of `heard` favours (see the header). */
export function slantOf(view: PlayerView, t: Tables, heard: Terms): Slant {
  return !crossesRed(t, heard) && ownUtility(t, heard) >= view.batna ? 'sell' : 'pull';
}

/**
 * `heard` moved one notch on one or two issues toward the favoured side, or undefined when nothing can move.
 * `listeners` are the parties the account goes to; `model` must model them (others are left out of the mean;
 * with none modelled, the account pulls).
 */
export function shade(view: PlayerView, t: Tables, heard: Terms, listeners: readonly PartyId[], model: Beliefs | undefined, rng: Rng, speaker?: PartyId): Shaded | undefined {
  let slant = slantOf(view, t, heard);
  // The model rows to favour, and the sign: +1 toward what they like, −1 away from what the speaker likes.
  const rows: number[] = [];
  let sign = 1;
  if (slant === 'sell' && model) {
    for (const id of listeners) {
      const j = model.parties.indexOf(id);
      if (j >= 0 && model.informed[j] === 1) rows.push(j);
    }
    const j = speaker === undefined ? -1 : model.parties.indexOf(speaker);
    if (rows.length === 0 && j >= 0 && model.informed[j] === 1) {
      rows.push(j);
      sign = -1;
    }
  }
  if (rows.length === 0) slant = 'pull';
  const total = t.offset[t.issues]!;
  // Per issue: the notch (the nearest better option for the favoured side) and what it gains them.
  const moves: { issue: number; option: number; gain: number }[] = [];
  for (let i = 0; i < t.issues; i++) {
    const base = t.offset[i]!;
    const count = t.offset[i + 1]! - base;
    const current = heard[i]!;
    const valueOf = (o: number): number => {
      if (slant === 'pull') return t.value[base + o]!;
      let v = 0;
      for (const j of rows) v += model!.values[j * total + base + o]!;
      return (sign * v) / rows.length;
    };
    const gainOf = (o: number): number => {
      if (slant === 'pull') return t.own[base + o]! - t.own[base + current]!;
      let g = 0;
      for (const j of rows) g += model!.contribution[j * total + base + o]! - model!.contribution[j * total + base + current]!;
      return (sign * g) / rows.length;
    };
    const now = valueOf(current);
    let notch = -1;
    let notchValue = Infinity;
    for (let o = 0; o < count; o++) {
      if (o === current || t.red[base + o] === 1) continue;
      const v = valueOf(o);
      if (v <= now + 1e-9) continue;
      // The least improvement; between equals, the option listed nearest the current one.
      if (v < notchValue - 1e-9 || (v < notchValue + 1e-9 && Math.abs(o - current) < Math.abs(notch - current))) {
        notch = o;
        notchValue = v;
      }
    }
    if (notch >= 0) moves.push({ issue: i, option: notch, gain: gainOf(notch) });
  }
  if (moves.length === 0) return undefined;
  moves.sort((a, b) => b.gain - a.gain || a.issue - b.issue);
  const n = moves.length > 1 && rng.next() < TWO_ISSUES ? 2 : 1;
  const terms = Array.from(heard);
  const issues: number[] = [];
  for (let k = 0; k < n; k++) {
    terms[moves[k]!.issue] = moves[k]!.option;
    issues.push(moves[k]!.issue);
  }
  return { terms, slant, issues };
}

/** Whether to report faithfully this time: a seeded coin weighted by `candour`. */
export function faithful(candour: number | undefined, rng: Rng): boolean {
  // A strategy written before the field existed is candid, as the scenario format's default is.
  return rng.next() < (candour ?? 1);
}
