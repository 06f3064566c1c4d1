// Acceptance: take an offer when it is at least what we ask for now (the aspiration curve), or at least what
// we would ask for next round, discounted by our patience (AC_next) — and never below the BATNA, across a red
// line, or against our own public commitment. Of the offers open to us, the best one is the one to take.
import type { Terms } from '../model/types.js';
import type { PlayerView, ViewProposal } from '../model/view.js';
import { brokenCommitment, ownUtility, type Tables } from './tables.js';

export type Verdict =
  | { ok: true; utility: number; rule: 'target' | 'next' }
  | {
      ok: false;
      utility: number;
      why: 'red-line' | 'commitment' | 'batna' | 'target';
      /** The issue to name in the reason: the red line, the commitment, or where the package hurts most. */
      issue: number;
      /** The offending option on that issue. */
      option: number;
    };

/** Rounds a proposal stays open after the one it was made in (the rules' lifetime): older ones are closed. */
export const LIFETIME = 2;

/** Whether a proposal is open to this party and still awaits its answer. */
export function isOpenToMe(view: PlayerView, p: ViewProposal): boolean {
  return p.status === 'open' && p.by !== view.self && p.to.includes(view.self) && !p.accepted.includes(view.self) && !p.rejected.includes(view.self);
}

/**
 * The proposals open to this party and awaiting its answer, newest first. Proposals are in the order they
 * were made, so the scan stops at the first one too old to be open.
 */
export function openOffers(view: PlayerView): ViewProposal[] {
  const out: ViewProposal[] = [];
  const proposals = view.proposals;
  for (let p = proposals.length - 1; p >= 0; p--) {
    const proposal = proposals[p]!;
    if (proposal.round < view.round - LIFETIME) break;
    if (isOpenToMe(view, proposal)) out.push(proposal);
  }
  return out;
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

/**
 * Judges a package. `target` is what we ask for now; `nextValue` what our next offer is worth to us today
 * (our next-round target × discount).
 */
export function judge(view: PlayerView, t: Tables, terms: Terms, target: number, nextValue: number): Verdict {
  const u = ownUtility(t, terms);
  for (let i = 0; i < t.issues; i++) {
    if (t.red[t.offset[i]! + terms[i]!] === 1) return { ok: false, utility: u, why: 'red-line', issue: i, option: terms[i]! };
  }
  const commitments = view.parties[view.self]?.commitments ?? [];
  const broken = brokenCommitment(t, commitments, terms);
  if (broken) return { ok: false, utility: u, why: 'commitment', issue: broken.issue, option: terms[broken.issue]! };
  if (u < view.batna) {
    const issue = sorestIssue(t, terms);
    return { ok: false, utility: u, why: 'batna', issue, option: terms[issue]! };
  }
  if (u >= target - 1e-9) return { ok: true, utility: u, rule: 'target' };
  if (u >= nextValue - 1e-9) return { ok: true, utility: u, rule: 'next' };
  const issue = sorestIssue(t, terms);
  return { ok: false, utility: u, why: 'target', issue, option: terms[issue]! };
}

export interface Acceptable {
  proposal: ViewProposal;
  utility: number;
  rule: 'target' | 'next';
}

/** The best of `offers` (from `openOffers`) that passes `judge`: highest utility, then the most acceptances. */
export function bestAcceptable(view: PlayerView, t: Tables, target: number, nextValue: number, offers = openOffers(view)): Acceptable | undefined {
  let best: Acceptable | undefined;
  for (const p of offers) {
    const verdict = judge(view, t, p.terms, target, nextValue);
    if (!verdict.ok) continue;
    if (
      !best ||
      verdict.utility > best.utility + 1e-9 ||
      (verdict.utility > best.utility - 1e-9 && p.accepted.length > best.proposal.accepted.length)
    ) {
      best = { proposal: p, utility: verdict.utility, rule: verdict.rule };
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
