// Scripted players for one seat, for `simulate --seat P --strategy S`: how a teacher or an author measures what
// the AI opponents reward. Each reads only its seat's view, as a person at the keyboard would.
//   good play — boulware, conceder, tit-for-tat: the AI's own negotiating machinery (opponent model, package
//     search, acceptance) with a clean strategy: open at the seat's ideal, concede by the policy toward its
//     reservation value, use its levers, never walk out, never bind itself in public, never bluff;
//   nash — table the Nash bargaining package of the scenario (from everyone's true preferences: the analyst's
//     answer) every turn, and take any offer at least as good;
//   tricks — accept-all (say yes to everything), stall (always wait), stall-then-accept (wait for the first two
//     thirds of the talks, then say yes to everything), random (any legal move), ideal (table one's own ideal
//     every turn and accept nothing less).
import type { Preferences } from '../model/game.js';
import { crossesRedLine, sameTerms, utility } from '../model/game.js';
import type { Rng } from '../model/rng.js';
import type { Command, CommandType, PartyId, Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { isOpenToMe } from './acceptance.js';
import type { Decision } from './decide.js';
import { decide } from './decide.js';
import { tablesFor } from './tables.js';

export const SEAT_STRATEGIES = ['nash', 'boulware', 'conceder', 'tit-for-tat', 'accept-all', 'stall', 'stall-then-accept', 'random', 'ideal'] as const;
export type SeatStrategy = (typeof SEAT_STRATEGIES)[number];

/** What a scripted seat may know beyond its view: the commands legal now, and the analyst's Nash package. */
export interface SeatContext {
  view: PlayerView;
  legal: readonly CommandType[];
  rng: Rng;
  /** The Nash bargaining package of the scenario (for `nash`). */
  nash?: Terms;
}

/** A clean negotiating strategy for the good-play scripts: the seat's own reservation value is its floor. */
function cleanStrategy(view: PlayerView, policy: 'boulware' | 'conceder' | 'tit-for-tat'): Strategy {
  return {
    policy,
    ...(policy === 'boulware' ? { beta: 0.25 } : policy === 'conceder' ? { beta: 3 } : {}),
    aspiration: 1,
    floor: view.preferences.reservation,
    statements: false,
    channel: 'direct',
    levers: true,
    notetaker: 1,
    candour: 1,
    briefing: 0.35,
  };
}

const pass = (view: PlayerView, reason: string): Decision => ({ command: { type: 'pass', by: view.self }, reason });

function bestOpenOffer(view: PlayerView, prefs: Preferences, atLeast: number): { id: number; utility: number } | undefined {
  let best: { id: number; utility: number } | undefined;
  for (const p of view.proposals) {
    if (!isOpenToMe(view, p) || crossesRedLine(prefs, p.terms)) continue;
    const u = utility(prefs, p.terms);
    if (u >= atLeast - 1e-9 && (!best || u > best.utility)) best = { id: p.id, utility: u };
  }
  return best;
}

function acceptAnything(view: PlayerView): Decision | undefined {
  const offer = view.proposals.find((p) => isOpenToMe(view, p));
  return offer ? { command: { type: 'accept', by: view.self, proposal: offer.id }, reason: `accepted #${offer.id}` } : undefined;
}

/** Tables `terms` to the whole table unless it is already our standing proposal. */
function table(view: PlayerView, terms: Terms, why: string): Decision | undefined {
  const mine = view.proposals.filter((p) => p.by === view.self && p.status === 'open');
  if (mine.some((p) => sameTerms(p.terms, terms))) return undefined;
  return { command: { type: 'propose', by: view.self, terms: [...terms], channel: 'direct' }, reason: why };
}

export function seatDecision(strategy: SeatStrategy, ctx: SeatContext): Decision {
  const { view, legal, rng } = ctx;
  const self = view.self;
  const prefs = view.preferences;
  if (view.phase === 'signing') {
    const a = view.agreement!;
    const keep =
      strategy === 'accept-all' || strategy === 'stall-then-accept' || strategy === 'random'
        ? true
        : !crossesRedLine(prefs, a.terms) && utility(prefs, a.terms) >= Math.min(prefs.reservation, view.batna) - 1e-9;
    if (strategy === 'random') return { command: { type: rng.next() < 0.5 ? 'sign' : 'refuse', by: self }, reason: 'a coin' };
    return { command: { type: keep ? 'sign' : 'refuse', by: self }, reason: keep ? 'signed' : 'refused' };
  }
  if (legal.includes('return')) return { command: { type: 'return', by: self }, reason: 'back at the table' };
  switch (strategy) {
    case 'boulware':
    case 'conceder':
    case 'tit-for-tat':
      return decide(view, cleanStrategy(view, strategy), rng);
    case 'nash': {
      const nash = ctx.nash ?? tablesFor(prefs).idealTerms;
      const offer = bestOpenOffer(view, prefs, utility(prefs, nash));
      if (offer) return { command: { type: 'accept', by: self, proposal: offer.id }, reason: `accepted #${offer.id}: as good as the Nash package` };
      return table(view, nash, 'tabled the Nash bargaining package') ?? pass(view, 'waiting: the Nash package is on the table');
    }
    case 'accept-all':
      return acceptAnything(view) ?? pass(view, 'waiting for an offer to accept');
    case 'stall':
      return pass(view, 'stalling');
    case 'stall-then-accept':
      if (view.round <= Math.floor((2 * view.game.rounds) / 3)) return pass(view, 'stalling');
      return acceptAnything(view) ?? pass(view, 'waiting for an offer to accept');
    case 'ideal': {
      const ideal = tablesFor(prefs).idealTerms;
      const offer = bestOpenOffer(view, prefs, utility(prefs, ideal));
      if (offer) return { command: { type: 'accept', by: self, proposal: offer.id }, reason: `accepted #${offer.id}: our ideal` };
      return table(view, ideal, 'tabled our ideal package') ?? pass(view, 'waiting: our ideal is on the table');
    }
    case 'random':
      return randomMove(view, legal, rng);
  }
}

/** Any legal move, with random arguments drawn from what the view holds. */
function randomMove(view: PlayerView, legal: readonly CommandType[], rng: Rng): Decision {
  const self = view.self;
  const types = legal.filter((t) => t !== 'walk-out' || rng.next() < 0.2);
  const type = types[rng.int(types.length)] ?? 'pass';
  const anyTerms = () => view.game.issues.map((issue) => rng.int(issue.options.length));
  const others = view.game.parties.map((p) => p.id).filter((id) => id !== self && view.parties[id]?.status === 'active');
  let command: Command;
  switch (type) {
    case 'propose':
      command = { type, by: self, terms: anyTerms(), channel: 'direct' };
      break;
    case 'accept':
    case 'reject': {
      const open = view.proposals.filter((p) => isOpenToMe(view, p));
      command = open.length ? { type, by: self, proposal: open[rng.int(open.length)]!.id } : { type: 'pass', by: self };
      break;
    }
    case 'statement': {
      const issue = rng.int(view.game.issues.length);
      const taken = view.parties[self]?.commitments.some((c) => c.issue === issue && !c.broken);
      command = taken ? { type: 'pass', by: self } : { type, by: self, issue, option: rng.int(view.game.issues[issue]!.options.length) };
      break;
    }
    case 'lever': {
      const levers = view.game.parties.find((p) => p.id === self)?.levers ?? [];
      const lever = levers[rng.int(levers.length)];
      command = lever ? { type, by: self, lever: lever.id, apply: !(view.parties[self]?.levers ?? []).includes(lever.id) } : { type: 'pass', by: self };
      break;
    }
    case 'summit': {
      const partner: PartyId | undefined = others[rng.int(others.length)];
      command = partner ? { type, by: self, with: partner } : { type: 'pass', by: self };
      break;
    }
    case 'walk-out':
      command = { type, by: self };
      break;
    default:
      command = { type: 'pass', by: self };
  }
  return { command, reason: 'a random move' };
}
