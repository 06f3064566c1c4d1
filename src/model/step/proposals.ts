// Closing proposals: agreed, superseded by the proposer's next one, rejected by everyone, or expired.
import type { PartyId, Proposal } from '../types.js';
import type { Tx } from './tx.js';

export function closeProposal(tx: Tx, id: number, status: Proposal['status']): void {
  tx.proposal(id).status = status;
  const open = tx.open();
  const at = open.indexOf(id);
  if (at >= 0) open.splice(at, 1);
}

/** Closes every open proposal (optionally only those by one party). */
export function closeOpen(tx: Tx, status: Proposal['status'], by?: PartyId): void {
  for (const id of tx.w.open.slice()) {
    if (by === undefined || tx.w.proposals[id - 1]!.by === by) closeProposal(tx, id, status);
  }
}
