// The moves nobody at the keyboard makes: opening the talks in an all-AI game, letting time run through
// ratification and implementation, and every AI party's turn. Pure, so the session machine and the
// headless baseline make exactly the same moves.
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

export function aiDecision(game: Game, world: World, party: PartyId): Decision {
  const posture = world.parties[party]!.posture;
  const strategy = game.party[party]!.postures.states[posture]!.strategy;
  // Each decision gets its own stream from (seed, party, move number): no AI state outside World.
  const rng = new Rng(deriveSeed(world.seed, 'ai', party, world.moves));
  return decide(playerView(world, game, party), strategy, rng);
}

/** Whether `next` is the first moment of a new round of diplomacy, when postures are re-examined. */
export function roundStarted(previous: World, next: World): boolean {
  return next.phase === 'diplomacy' && (previous.round !== next.round || previous.phase !== 'diplomacy') && next.turn === 0;
}
