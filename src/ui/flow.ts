// Which screen comes next: title → scenario → role → (pass →) briefing → table → debrief, with the hot-seat
// "pass the keyboard" screen wherever the person at the keyboard must change. Pure functions of the session.
import type { Game } from '../model/game.js';
import type { PartyId, World } from '../model/types.js';
import { currentActor } from '../model/view.js';

export type Screen =
  | { name: 'title' }
  | { name: 'class' }
  | { name: 'scenarios' }
  | { name: 'roles'; scenario: number }
  | { name: 'briefing'; party: PartyId }
  | { name: 'pass'; party: PartyId; next: 'briefing' | 'table' }
  | { name: 'table'; viewer: PartyId }
  | { name: 'debrief'; viewer: PartyId };

interface FlowGame {
  game: Game;
  humans: readonly PartyId[];
}

const hotSeat = (s: FlowGame) => s.humans.length > 1;

/** The human whose turn it is, if a human must act now. */
export function humanToAct(s: FlowGame, world: World): PartyId | undefined {
  const actor = currentActor(world, s.game);
  return actor !== undefined && s.humans.includes(actor) ? actor : undefined;
}

/** The first screen of a game that was just started or loaded. */
export function firstScreen(s: FlowGame, world: World): Screen {
  const first = s.humans[0]!;
  if (world.phase === 'briefing') return hotSeat(s) ? { name: 'pass', party: first, next: 'briefing' } : { name: 'briefing', party: first };
  const viewer = humanToAct(s, world) ?? first;
  if (world.phase === 'ended') return { name: 'table', viewer };
  return hotSeat(s) ? { name: 'pass', party: viewer, next: 'table' } : { name: 'table', viewer };
}

/** After `party` read its briefing: the next player's briefing, or the table (the talks then open). */
export function afterBriefing(s: FlowGame, party: PartyId): { screen: Screen; open: boolean } {
  const next = s.humans[s.humans.indexOf(party) + 1];
  if (next !== undefined) return { screen: { name: 'pass', party: next, next: 'briefing' }, open: false };
  return { screen: { name: 'table', viewer: party }, open: true };
}

/** When another human must act than the one whose view is on screen: the pass screen for them. */
export function handover(s: FlowGame, screen: Screen, world: World): Screen | undefined {
  if (!hotSeat(s) || screen.name !== 'table' || world.phase === 'ended') return undefined;
  const next = humanToAct(s, world);
  return next !== undefined && next !== screen.viewer ? { name: 'pass', party: next, next: 'table' } : undefined;
}
