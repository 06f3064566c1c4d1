// Acceptance: the ANAC family's combined rule (AC_combi), for a table of several parties with a deadline.
// Never across our red line, never across a public commitment that binds us, never below our floor (which
// is never below our walk-away point, aspiration.ts). Above that, accept an offer that
//   • gives us what we ask for now (AC_target), or
//   • is worth at least what we would ask next round, discounted by our patience (AC_next), or
//   • every other signatory has already accepted, and it gives us at least halfway from our floor to our target —
//     in the last third of the talks, anything above the floor (AC_closing: the deal is done but for us), or
//   • comes in the last DEADLINE_ROUNDS rounds (AC_time: anything above the floor beats the war going on).
// Commitments bind while the posture that made them lasts; one made in an earlier posture no longer binds the
// party's choices, though breaking it still costs the credibility the rules charge.
import type { Commitment, RejectReason, Terms } from '../model/types.js';
import { offerStanding, type PlayerView, type ViewProposal } from '../model/view.js';
import type { Targets } from './aspiration.js';
import { gameTablesFor, ownUtility, redCrossed, type Tables } from './tables.js';

/** Rounds at the end in which any offer above the floor is taken. */
export const DEADLINE_ROUNDS = 2;

export type Rule = 'target' | 'next' | 'closing' | 'deadline';

export type Verdict =
  | { ok: true; utility: number; rule: Rule }
  | {
      ok: false;
      utility: number;
      why: 'red-line' | 'commitment' | 'batna' | 'target';
      /** The issue to name in the reason: the red line, the commitment, or where the package hurts most. */
      issue: number;
      /** The offending option on that issue. */
      option: number;
      /** For a red line that is a combination: the other issue in it. */
      with?: number;
    };

/** Rounds a proposal stays open after the one it was made in (the rules' lifetime): older ones are closed. */
export const LIFETIME = 2;

/** Whether a proposal is open to this party and still awaits its answer. */
export function isOpenToMe(view: PlayerView, p: ViewProposal): boolean {
  return offerStanding(view, p) === 'awaiting';
}

/**
 * The proposals to this party that stand as asked (awaiting its answer, by default), newest first. Proposals are
 * in the order they were made, so the scan stops at the first one too old to be open.
 */
export function openOffers(view: PlayerView, standing: 'awaiting' | 'turned-down' = 'awaiting'): ViewProposal[] {
  const out: ViewProposal[] = [];
  const proposals = view.proposals;
  for (let p = proposals.length - 1; p >= 0; p--) {
    const proposal = proposals[p]!;
    if (proposal.round < view.round - LIFETIME) break;
    if (offerStanding(view, proposal) === standing) out.push(proposal);
  }
  return out;
}

/** The proposals to this party that it rejected and that are still on the table (it may accept them after all), newest first. */
export const turnedDown = (view: PlayerView): ViewProposal[] => openOffers(view, 'turned-down');

/** The commitments that bind this party now: the standing ones made since its current posture began. */
export function bindingCommitments(view: PlayerView): Commitment[] {
  const me = view.parties[view.self];
  if (!me) return [];
  return me.commitments.filter((c) => !c.broken && c.round >= me.postureSince);
}

/** The first binding commitment `terms` would break, if any. */
export function brokenBinding(t: Tables, commitments: readonly Commitment[], terms: Terms): Commitment | undefined {
  for (const c of commitments) {
    const base = t.offset[c.issue]!;
    if (t.value[base + terms[c.issue]!]! < t.value[base + c.option]! - 1e-9) return c;
  }
  return undefined;
}

/** The issue where `terms` falls furthest (weighted) below our ideal package. */
export function sorestIssue(t: Tables, terms: Terms): number {
  let issue = 0;
  let worst = -1;
  for (let i = 0; i < t.issues; i++) {
    const base = t.offset[i]!;
    const gap = t.own[base + t.ideal[i]!]! - t.own[base + terms[i]!]!;
    if (gap > worst) {
      worst = gap;
      issue = i;
    }
  }
  return issue;
}

/** Whether every signatory but us has accepted `p`. */
export function onlyUsLeft(view: PlayerView, p: ViewProposal): boolean {
  for (const id of gameTablesFor(view.game).otherSignatories(view.self)) if (!p.accepted.includes(id)) return false;
  return true;
}

/** Judges a package (as we heard it) against our red lines, binding commitments and targets. */
export function judge(view: PlayerView, t: Tables, terms: Terms, targets: Targets, closing = false): Verdict {
  const u = ownUtility(t, terms);
  const red = redCrossed(t, terms);
  if (red) return { ok: false, utility: u, why: 'red-line', issue: red.issue, option: red.option, ...(red.with !== undefined ? { with: red.with } : {}) };
  const broken = brokenBinding(t, bindingCommitments(view), terms);
  if (broken) return { ok: false, utility: u, why: 'commitment', issue: broken.issue, option: terms[broken.issue]! };
  if (u < targets.floor - 1e-9) {
    const issue = sorestIssue(t, terms);
    return { ok: false, utility: u, why: u < targets.reserve - 1e-9 ? 'batna' : 'target', issue, option: terms[issue]! };
  }
  if (u >= targets.now - 1e-9) return { ok: true, utility: u, rule: 'target' };
  if (u >= view.preferences.discount * targets.next - 1e-9) return { ok: true, utility: u, rule: 'next' };
  if (closing) {
    const late = view.round > (2 * view.game.rounds) / 3;
    if (u >= (late ? targets.floor : targets.floor + (targets.now - targets.floor) / 2) - 1e-9) return { ok: true, utility: u, rule: 'closing' };
  }
  if (view.round > view.game.rounds - DEADLINE_ROUNDS) return { ok: true, utility: u, rule: 'deadline' };
  const issue = sorestIssue(t, terms);
  return { ok: false, utility: u, why: 'target', issue, option: terms[issue]! };
}

/**
 * What to say when we turn `terms` down: the issue the verdict names, and — unless it is a red line — the option
 * there we ask for instead: the least (for us) that would make the package acceptable, or our best allowed one
 * when no single change would.
 */
export function reasonFor(view: PlayerView, t: Tables, terms: Terms, targets: Targets, verdict: Extract<Verdict, { ok: false }>): RejectReason {
  if (verdict.why === 'red-line') return verdict.with === undefined ? { issue: verdict.issue, why: verdict.why } : { issue: verdict.issue, why: verdict.why, with: verdict.with };
  const i = verdict.issue;
  const base = t.offset[i]!;
  const current = t.value[base + terms[i]!]!;
  let enough = -1;
  let best = -1;
  for (let o = 0; o < t.offset[i + 1]! - base; o++) {
    if (t.red[base + o] === 1 || t.value[base + o]! <= current + 1e-9) continue;
    if (best < 0 || t.value[base + o]! > t.value[base + best]!) best = o;
    const changed = Array.from(terms);
    changed[i] = o;
    if (judge(view, t, changed, targets).ok && (enough < 0 || t.value[base + o]! < t.value[base + enough]!)) enough = o;
  }
  const wants = enough >= 0 ? enough : best;
  return wants >= 0 ? { issue: i, why: verdict.why, wants } : { issue: i, why: verdict.why };
}

export interface Acceptable {
  proposal: ViewProposal;
  utility: number;
  rule: Rule;
}

/**
 * The best of `offers` that passes `judge`: the highest expected value — our utility times the chance that the
 * signatories who have not accepted it yet will (`chance`, from what we believe of them; 1 when not given) —
 * then the most acceptances. Accepting what nobody else will take only wastes a turn.
 */
export function bestAcceptable(view: PlayerView, t: Tables, targets: Targets, offers = openOffers(view), chance?: (p: ViewProposal) => number): Acceptable | undefined {
  const acceptable: Acceptable[] = [];
  for (const p of offers) {
    const verdict = judge(view, t, p.terms, targets, onlyUsLeft(view, p));
    if (verdict.ok) acceptable.push({ proposal: p, utility: verdict.utility, rule: verdict.rule });
  }
  // With one offer to take there is nothing to weigh: the chances (the costly part, a fitted opponent model)
  // are asked only to rank two or more.
  if (acceptable.length < 2) return acceptable[0];
  let best: Acceptable | undefined;
  let bestValue = -Infinity;
  for (const a of acceptable) {
    const value = a.utility * (chance ? chance(a.proposal) : 1);
    if (!best || value > bestValue + 1e-9 || (value > bestValue - 1e-9 && a.proposal.accepted.length > best.proposal.accepted.length)) {
      best = a;
      bestValue = value;
    }
  }
  return best;
}

/** The best of `offers` by our own utility, acceptable or not (the one to counter). */
export function bestOpenOffer(view: PlayerView, t: Tables, offers = openOffers(view)): { proposal: ViewProposal; utility: number } | undefined {
  let best: { proposal: ViewProposal; utility: number } | undefined;
  for (const p of offers) {
    const u = ownUtility(t, p.terms);
    if (!best || u > best.utility + 1e-9) best = { proposal: p, utility: u };
  }
  return best;
}
