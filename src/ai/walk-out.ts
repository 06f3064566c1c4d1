// Walking out and coming back. A posture with `walkOutBelow` leaves the table when no deal it has heard comes
// near what it gets without one: BATNA − best heard offer > walkOutBelow. It comes back after two rounds away
// (the talks end if a signatory stays away three) or sooner when the pressure at home reaches 60.
import type { Rng } from '../model/rng.js';
import type { PlayerView } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { ownUtility, crossesRed, type Tables } from './tables.js';

/** Rounds away before coming back. */
export const RETURN_AFTER = 2;
/** Pressure at which a party stays at (or comes back to) the table whatever it is offered. */
export const RETURN_PRESSURE = 60;
/** How many rounds back "heard" reaches. */
const WINDOW = 2;

/** Our best utility among the offers others made us in the last rounds (a red-line offer counts as 0). */
export function bestHeardOffer(view: PlayerView, t: Tables, window = WINDOW): number | undefined {
  let best: number | undefined;
  const proposals = view.proposals;
  for (let p = proposals.length - 1; p >= 0; p--) {
    const proposal = proposals[p]!;
    if (proposal.round < view.round - window) break;
    if (proposal.by === view.self) continue;
    const u = crossesRed(t, proposal.terms) ? 0 : ownUtility(t, proposal.terms);
    if (best === undefined || u > best) best = u;
  }
  return best;
}

/** Whether to walk out now: only with `walkOutBelow` set, an offer heard, and pressure below the return mark. */
export function shouldWalkOut(view: PlayerView, strategy: Pick<Strategy, 'walkOutBelow'>, best: number | undefined): boolean {
  if (strategy.walkOutBelow === undefined || best === undefined) return false;
  if ((view.parties[view.self]?.pressure ?? 0) >= RETURN_PRESSURE) return false;
  return view.batna - best > strategy.walkOutBelow;
}

/** The round we walked out in, when the view tells (the party state, or the log). */
export function walkedOutAt(view: PlayerView): number | undefined {
  const state = view.parties[view.self] as { walkedOutAt?: number } | undefined;
  if (state?.walkedOutAt !== undefined) return state.walkedOutAt;
  for (let k = view.recent.length - 1; k >= 0; k--) {
    const line = view.recent[k]!;
    if (line.party === view.self && (line.kind as string) === 'walk-out') return line.round;
  }
  return undefined;
}

export type ReturnReason = 'pressure' | 'time' | 'unknown';

/** Whether to come back now, and why; when the view does not say how long we have been away, a coin flip. */
export function shouldReturn(view: PlayerView, rng: Rng): ReturnReason | undefined {
  if ((view.parties[view.self]?.pressure ?? 0) >= RETURN_PRESSURE) return 'pressure';
  const since = walkedOutAt(view);
  if (since === undefined) return rng.next() < 0.5 ? 'unknown' : undefined;
  return view.round - since >= RETURN_AFTER ? 'time' : undefined;
}
