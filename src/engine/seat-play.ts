// A seat played by a scripted strategy (ai/seats.ts) instead of its posture's AI: the Player the engine asks
// on that seat's turns. The strategy sees the seat's view only; a move the rules would refuse becomes a wait.
import { nashPoint } from '../analysis/bargaining-points.js';
import { seatDecision, type SeatStrategy } from '../ai/seats.js';
import type { Game } from '../model/game.js';
import { deriveSeed, Rng } from '../model/rng.js';
import { legalCommandTypes, validate } from '../model/rules.js';
import type { PartyId, Terms } from '../model/types.js';
import { playerView } from '../model/view.js';
import type { Player } from './advance.js';

const nashCache = new WeakMap<Game, Terms | null>();

/** The scenario's Nash bargaining package (red lines excluded, reservation values as disagreement). */
export function nashPackage(game: Game): Terms | undefined {
  let cached = nashCache.get(game);
  if (cached === undefined) {
    const prefs = game.bargainers.map((id) => game.prefs[id]!);
    cached =
      nashPoint(
        prefs,
        prefs.map((p) => p.reservation),
        { excludeRedLines: true },
      )?.terms ?? null;
    nashCache.set(game, cached);
  }
  return cached ?? undefined;
}

export function seatPlayer(strategy: SeatStrategy): Player {
  return (game: Game, world, party: PartyId) => {
    const view = playerView(world, game, party);
    const legal = legalCommandTypes(game, world, party);
    const rng = new Rng(deriveSeed(world.seed, 'seat', party, world.moves));
    const nash = strategy === 'nash' ? nashPackage(game) : undefined;
    const decision = seatDecision(strategy, { view, legal, rng, ...(nash ? { nash } : {}) });
    if (validate(game, world, decision.command) === null) return decision;
    return { command: world.phase === 'signing' ? { type: 'refuse', by: party } : { type: 'pass', by: party }, reason: 'waiting' };
  };
}
