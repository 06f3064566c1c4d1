// The proposals on the table, as a party weighs them before it moves: how likely one is to become the deal,
// which of its own is gathering support and what that is worth, which package it alone turned down and can
// take now, and whether a party still to answer moves before it this round.
import type { PartyId } from '../model/types.js';
import type { PlayerView, ViewProposal } from '../model/view.js';
import { sameTerms } from '../model/game.js';
import { judge, LIFETIME } from './acceptance.js';
import type { Targets } from './aspiration.js';
import { acceptance, type Beliefs } from './beliefs.js';
import { GREED, MIN_SURPLUS } from './bidding.js';
import { gameTablesFor, ownUtility, type Tables } from './tables.js';

/** The believed chance that the signatories who have not accepted `p` yet will. */
export function dealChance(b: Beliefs, t: Tables, p: ViewProposal): number {
  let chance = 1;
  for (let j = 0; j < b.parties.length; j++) if (!p.accepted.includes(b.parties[j]!)) chance *= acceptance(b, t, j, p.terms);
  return chance;
}

/**
 * A recent package we alone turned down — every other signatory accepted it — that we would accept now, as time
 * has moved our target (the best for us, if several). A rejection is final for that proposal, so the only way to
 * take it is to table its terms anew; the others have already said yes to them once.
 */
export function reconsidered(view: PlayerView, t: Tables, targets: Targets, others: readonly PartyId[]): ViewProposal | undefined {
  let best: { p: ViewProposal; u: number } | undefined;
  for (let k = view.proposals.length - 1; k >= 0; k--) {
    const p = view.proposals[k]!;
    if (p.round < view.round - LIFETIME) break;
    if (p.by === view.self || !p.rejected.includes(view.self)) continue;
    if (!others.every((id) => p.accepted.includes(id) || view.parties[id]?.status !== 'active')) continue;
    if (view.proposals.some((q) => q.by === view.self && q.id > p.id && sameTerms(q.terms, p.terms))) continue;
    const verdict = judge(view, t, p.terms, targets, true);
    if (verdict.ok && (!best || verdict.utility > best.u)) best = { p, u: verdict.utility };
  }
  return best?.p;
}

/** Our open proposal to the whole table that someone else accepted (the most accepted one), if any. */
export function supportedProposal(view: PlayerView, others: readonly PartyId[]): ViewProposal | undefined {
  let best: ViewProposal | undefined;
  for (let k = view.proposals.length - 1; k >= 0; k--) {
    const p = view.proposals[k]!;
    if (p.by !== view.self || p.status !== 'open') continue;
    if (!others.every((id) => p.to.includes(id) || view.parties[id]?.status !== 'active')) continue;
    if (p.accepted.some((id) => id !== view.self) && (!best || p.accepted.length > best.accepted.length)) best = p;
  }
  return best;
}

/** The expected surplus of a proposal on the table, as the bid search counts it (who accepted counts as certain). */
export function standingValue(view: PlayerView, t: Tables, b: Beliefs, p: ViewProposal, reserve: number): number {
  const surplus = Math.max(MIN_SURPLUS, ownUtility(t, p.terms) - reserve);
  return GREED * Math.log(surplus) + Math.log(Math.max(1e-300, dealChance(b, t, p)));
}

/** Whether `party` moves before us in a round. */
export function movesBefore(view: PlayerView, party: PartyId): boolean {
  const { index } = gameTablesFor(view.game);
  return (index.get(party) ?? 0) < (index.get(view.self) ?? 0);
}

export function latestOwn(view: PlayerView): ViewProposal | undefined {
  for (let p = view.proposals.length - 1; p >= 0; p--) if (view.proposals[p]!.by === view.self) return view.proposals[p];
  return undefined;
}
