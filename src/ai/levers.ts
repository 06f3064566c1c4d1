// Pressure: apply a lever on a party that rejected our latest proposal — while it does not feel much pressure
// yet (below PRESS_UNTIL): squeezing a party that is already desperate buys nothing but its resentment; lift it
// once that party accepts something of ours. Only postures with `levers: true` use them.
import type { PartyId } from '../model/types.js';
import type { PlayerView } from '../model/view.js';

export interface LeverMove {
  lever: { id: string; label: string; target: PartyId };
  apply: boolean;
  /** The proposal that prompted it: rejected (apply) or accepted (lift). */
  proposal: number;
}

/** How many rounds back an acceptance of ours still earns relief. */
const LIFT_WINDOW = 2;
/** A lever is applied only on a party whose pressure is below this. */
export const PRESS_UNTIL = 60;

export function leverMove(view: PlayerView): LeverMove | undefined {
  const own = view.game.parties.find((p) => p.id === view.self)?.levers ?? [];
  if (own.length === 0) return undefined;
  const applied = view.parties[view.self]?.levers ?? [];
  let latest: (typeof view.proposals)[number] | undefined;
  for (let p = view.proposals.length - 1; p >= 0; p--) {
    if (view.proposals[p]!.by === view.self) {
      latest = view.proposals[p];
      break;
    }
  }
  if (!latest) return undefined;
  for (const rejector of latest.rejected) {
    if ((view.parties[rejector]?.pressure ?? 0) >= PRESS_UNTIL) continue;
    const lever = own.find((l) => l.target === rejector && !applied.includes(l.id));
    if (lever) return { lever, apply: true, proposal: latest.id };
  }
  for (const lever of own) {
    if (!applied.includes(lever.id)) continue;
    for (let p = view.proposals.length - 1; p >= 0; p--) {
      const proposal = view.proposals[p]!;
      if (proposal.round < view.round - LIFT_WINDOW) break;
      if (proposal.by === view.self && proposal.accepted.includes(lever.target)) return { lever, apply: false, proposal: proposal.id };
    }
  }
  return undefined;
}
