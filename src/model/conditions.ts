// The condition evaluator: the closed vocabulary of DESIGN §4, read against a World. Conditions are data;
// this is the only place they mean anything, and the engine's posture machines use it for their guards.
import type { Comparison, Condition } from '../scenario/vocabulary.js';
import { crossesRedLine, prefsOf, utility, type Game } from './game.js';
import type { PartyId, World } from './types.js';

export function compare(value: number, c: Comparison): boolean {
  if (c.gte !== undefined && !(value >= c.gte)) return false;
  if (c.lte !== undefined && !(value <= c.lte)) return false;
  if (c.gt !== undefined && !(value > c.gt)) return false;
  if (c.lt !== undefined && !(value < c.lt)) return false;
  if (c.eq !== undefined && !(Math.abs(value - c.eq) < 1e-9)) return false;
  return true;
}

/** The best utility, for `party`, of an open proposal it heard (optionally only from `from`); 0 if none. */
export function bestHeardOffer(game: Game, world: World, party: PartyId, from?: PartyId): number {
  const prefs = prefsOf(game, world, party);
  let best = 0;
  for (const id of world.open) {
    const p = world.proposals[id - 1]!;
    if (p.by === party || !p.to.includes(party)) continue;
    if (from !== undefined && p.by !== from) continue;
    // What the party believes: what it heard, until a distortion was exposed to it.
    const exposed = world.messages[p.message - 1]!.exposedTo.includes(party);
    const terms = exposed ? p.terms : (p.heard[party] ?? p.terms);
    if (crossesRedLine(prefs, terms)) continue;
    const u = utility(prefs, terms);
    if (u > best) best = u;
  }
  return best;
}

/**
 * Evaluates a condition. `self` is the party whose transitions are being checked: a condition that leaves
 * out `party` means that party. The loader rejects a missing party where there is no `self`.
 */
export function holds(cond: Condition, game: Game, world: World, self?: PartyId): boolean {
  if ('round' in cond) return compare(world.round, cond.round);
  if ('control' in cond) return compare(world.control[cond.control.territory] ?? 0, cond.control);
  if ('pressure' in cond) return compare(world.parties[who(cond.pressure.party, self)]!.pressure, cond.pressure);
  if ('batna' in cond) return compare(world.parties[who(cond.batna.party, self)]!.batna, cond.batna);
  if ('credibility' in cond) return compare(world.parties[who(cond.credibility.party, self)]!.credibility, cond.credibility);
  if ('trust' in cond) {
    const trust = world.parties[who(cond.trust.party, self)]!.trust[cond.trust.toward] ?? 0;
    return compare(trust, cond.trust);
  }
  if ('offer' in cond) return compare(bestHeardOffer(game, world, who(cond.offer.party, self), cond.offer.from), cond.offer);
  if ('posture' in cond) return world.parties[who(cond.posture.party, self)]!.posture === cond.posture.is;
  if ('walkedOut' in cond) return world.parties[cond.walkedOut]!.status === 'walked-out';
  if ('ceasefire' in cond) return world.ceasefire === cond.ceasefire;
  if ('event' in cond) return world.firedEvents.includes(cond.event);
  if ('meeting' in cond) return world.meetingsHeld.includes(cond.meeting);
  if ('all' in cond) {
    for (const c of cond.all) if (!holds(c, game, world, self)) return false;
    return true;
  }
  if ('any' in cond) {
    for (const c of cond.any) if (holds(c, game, world, self)) return true;
    return false;
  }
  return !holds(cond.not, game, world, self);
}

/** The party a condition is about: the one it names, else the party whose transitions are checked. */
function who(party: string | undefined, self: PartyId | undefined): PartyId {
  const id = party ?? self;
  if (id === undefined) throw new Error('condition names no party and has no party to default to');
  return id;
}
