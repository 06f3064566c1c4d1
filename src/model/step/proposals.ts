// Closing proposals: agreed, superseded by the proposer's next one, withdrawn by a walk-out, swept away by an
// agreement on another, rejected by everyone, or expired. Every proposal that leaves the table other than by
// agreement gets a line, so no offer disappears from a screen without a word.
import { proposalAudience } from '../visibility.js';
import type { PartyId, Proposal } from '../types.js';
import { nameOf, possessive } from './effects.js';
import type { Tx } from './tx.js';

/** Why a proposal leaves the table (other than agreed): what its line says. */
export type Closing = { why: 'new-offer' } | { why: 'walk-out' } | { why: 'agreement'; on: number } | { why: 'rejected' } | { why: 'expired' };

export function closeProposal(tx: Tx, id: number, status: Proposal['status'], closing?: Closing): void {
  tx.proposal(id).status = status;
  const open = tx.open();
  const at = open.indexOf(id);
  if (at >= 0) open.splice(at, 1);
  if (status === 'agreed' || !closing) return;
  const p = tx.w.proposals[id - 1]!;
  const audience = proposalAudience(tx.game, p);
  tx.log({ kind: 'closed', party: p.by, text: closingText(tx, p, closing), ...(audience ? { visibleTo: audience } : {}), proposal: id });
}

/** Closes every open proposal (optionally only those by one party), for one reason. */
export function closeOpen(tx: Tx, status: Proposal['status'], closing: Closing, by?: PartyId): void {
  for (const id of tx.w.open.slice()) {
    if (by === undefined || tx.w.proposals[id - 1]!.by === by) closeProposal(tx, id, status, closing);
  }
}

function closingText(tx: Tx, p: Proposal, closing: Closing): string {
  const whose = `${possessive(nameOf(tx.game, p.by))} package #${p.id}`;
  switch (closing.why) {
    case 'new-offer':
      return `${whose} is withdrawn: its new offer replaces it.`;
    case 'walk-out':
      return `${whose} is withdrawn: ${nameOf(tx.game, p.by)} has left the table.`;
    case 'agreement':
      return `${whose} falls away: the table agreed on #${closing.on}.`;
    case 'rejected':
      return `${whose} is off the table: everyone it went to rejected it.`;
    case 'expired':
      return `${whose} expires: it stood from round ${p.round} to round ${tx.w.round} without agreement.`;
  }
}
