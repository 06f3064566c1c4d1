// A static reading of the posture machines and events: the earliest round each condition can hold, each event
// can fire and each posture can be entered. Rounds, scripted events and meetings are exact; anything that moves
// with play (pressure, trust, control, offers, walk-outs) is taken as possible from round 1. So "unreachable"
// here means unreachable by any play, and "reachable from round N" means no earlier.
import type { Game } from '../model/game.js';
import type { PartyId } from '../model/types.js';
import type { Comparison, Condition } from '../scenario/vocabulary.js';

const NEVER = Infinity;

export interface Reach {
  /** Earliest round each event can fire (Infinity: never). */
  events: Map<string, number>;
  /** Per party, the earliest round each posture can be entered (0: the one it starts in; Infinity: never). */
  postures: Map<PartyId, Map<string, number>>;
}

function earliestRound(c: Comparison, rounds: number): number {
  let lo = 1;
  let hi = rounds;
  if (c.gte !== undefined) lo = Math.max(lo, Math.ceil(c.gte));
  if (c.gt !== undefined) lo = Math.max(lo, Math.floor(c.gt) + 1);
  if (c.lte !== undefined) hi = Math.min(hi, Math.floor(c.lte));
  if (c.lt !== undefined) hi = Math.min(hi, Math.ceil(c.lt) - 1);
  if (c.eq !== undefined) {
    if (!Number.isInteger(c.eq)) return NEVER;
    lo = Math.max(lo, c.eq);
    hi = Math.min(hi, c.eq);
  }
  return lo <= hi ? lo : NEVER;
}

/** Reads the scenario once: events and postures to a fixed point (conditions may refer to each other). */
export function reach(game: Game): Reach {
  const { scenario } = game;
  const rounds = scenario.calendar.rounds;
  const events = new Map<string, number>(scenario.events.map((e) => [e.id, NEVER]));
  const postures = new Map<PartyId, Map<string, number>>();
  for (const p of scenario.parties) {
    postures.set(p.id, new Map(Object.keys(p.postures.states).map((id) => [id, id === p.postures.initial ? 0 : NEVER])));
  }

  const r: Reach = { events, postures };
  const earliest = (c: Condition, self: PartyId | undefined) => earliestOf(game, r, c, self);

  for (let pass = 0, changed = true; changed && pass < 64; pass++) {
    changed = false;
    for (const e of scenario.events) {
      const at = earliest(e.when, undefined);
      if (at < events.get(e.id)!) {
        events.set(e.id, at);
        changed = true;
      }
    }
    for (const p of scenario.parties) {
      const mine = postures.get(p.id)!;
      for (const t of p.postures.transitions) {
        const when = earliest(t.when, p.id);
        const sources = t.from === '*' ? [...mine.keys()].filter((id) => id !== t.to) : [t.from];
        for (const from of sources) {
          const at = Math.max(mine.get(from) ?? NEVER, when);
          if (at <= rounds && at < mine.get(t.to)!) {
            mine.set(t.to, at);
            changed = true;
          }
        }
      }
    }
  }
  for (const [id, at] of events) if (at > rounds) events.set(id, NEVER);
  return r;
}

/** The earliest round condition `c` can hold, given what is known of events and postures (`self`: whose it is). */
export function earliestOf(game: Game, r: Reach, c: Condition, self: PartyId | undefined): number {
  const rounds = game.scenario.calendar.rounds;
  if ('round' in c) return earliestRound(c.round, rounds);
  if ('event' in c) return r.events.get(c.event) ?? NEVER;
  if ('meeting' in c) return game.scenario.meetings.find((m) => m.id === c.meeting)?.round ?? NEVER;
  if ('posture' in c) {
    const party = c.posture.party ?? self;
    const at = party === undefined ? undefined : r.postures.get(party)?.get(c.posture.is);
    return at === undefined ? NEVER : Math.max(1, at);
  }
  if ('all' in c) return Math.max(...c.all.map((x) => earliestOf(game, r, x, self)));
  if ('any' in c) return Math.min(...c.any.map((x) => earliestOf(game, r, x, self)));
  // A negation, and everything play moves (pressure, trust, BATNA, control, offers, walk-outs): possible from the start.
  return 1;
}

/** The postures `party` can be in before round `before` (the one it starts in included). */
export function reachablePostures(game: Game, party: PartyId, before: number, r: Reach = reach(game)): Set<string> {
  const out = new Set<string>();
  for (const [id, at] of r.postures.get(party) ?? []) if (at < before) out.add(id);
  return out;
}

/**
 * Postures with no way out: reachable, but no transition leaving them can ever fire (none exists, or each
 * needs a round after the last). A party stuck in one for the rest of the talks is a design choice worth a
 * second look.
 */
export function deadEnds(game: Game, r: Reach = reach(game)): { party: PartyId; posture: string }[] {
  const out: { party: PartyId; posture: string }[] = [];
  for (const p of game.scenario.parties) {
    const at = r.postures.get(p.id)!;
    for (const [posture, entered] of at) {
      if (entered === NEVER) continue;
      const exits = p.postures.transitions.filter((t) => (t.from === posture || t.from === '*') && t.to !== posture);
      const possible = exits.some((t) => earliestOf(game, r, t.when, p.id) <= game.scenario.calendar.rounds);
      if (!possible) out.push({ party: p.id, posture });
    }
  }
  return out;
}
