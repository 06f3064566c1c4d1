// The moves nobody at the keyboard makes: opening the talks in an all-AI game, letting time run through
// ratification and implementation, and every AI party's turn. Pure, so every way of playing a game makes
// exactly the same moves.
import { decide, type Decision } from '../ai/decide.js';
import { deriveSeed, Rng } from '../model/rng.js';
import type { Game } from '../model/game.js';
import { currentActor, playerView } from '../model/view.js';
import type { PartyId, World } from '../model/types.js';

/** The next command that is not a human's to make, or undefined when a human must act (or the game is over). */
export function autoMove(game: Game, world: World, humans: readonly PartyId[]): Decision | undefined {
  switch (world.phase) {
    case 'ended':
      return undefined;
    case 'briefing':
      return humans.length === 0 ? { command: { type: 'begin' }, reason: 'the talks open' } : undefined;
    case 'ratification':
    case 'implementation':
      return { command: { type: 'continue' }, reason: 'time passes' };
    default: {
      const actor = currentActor(world, game)!;
      if (humans.includes(actor)) return undefined;
      return aiDecision(game, world, actor);
    }
  }
}

/**
 * Whether autoMove would make a move, without making it: the question every state of the session asks before
 * each move, and the answer must not cost an AI decision (it would be made twice).
 */
export function autoMoveDue(game: Game, world: World, humans: readonly PartyId[]): boolean {
  switch (world.phase) {
    case 'ended':
      return false;
    case 'briefing':
      return humans.length === 0;
    case 'ratification':
    case 'implementation':
      return true;
    default:
      return !humans.includes(currentActor(world, game)!);
  }
}

/** The posture AI's decision for `party` (its own seeded stream per move: no AI state outside World). */
export function aiDecision(game: Game, world: World, party: PartyId): Decision {
  const posture = world.parties[party]!.posture;
  const strategy = game.party[party]!.postures.states[posture]!.strategy;
  const rng = new Rng(deriveSeed(world.seed, 'ai', party, world.moves));
  return decide(playerView(world, game, party), strategy, rng);
}
