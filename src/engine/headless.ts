// Whole games without a screen: through the session machine (what `simulate` runs), and the same game with
// the xstate layer bypassed (a plain loop over step), which the benchmark uses as its baseline and the tests
// use to prove the machine adds nothing but orchestration.
import { createActor } from 'xstate';
import type { Game } from '../model/game.js';
import { step, nextPosture } from '../model/step.js';
import type { PartyId, World } from '../model/types.js';
import { initialWorld } from '../model/world.js';
import { autoMove, roundStarted } from './auto.js';
import { sessionMachine, type LoggedCommand, type SessionInput } from './session-machine.js';

export interface GameResult {
  world: World;
  /** Every accepted command (empty unless `record`). */
  log: LoggedCommand[];
}

/** Plays an all-AI game (or continues one) through the session machine until it ends. */
export function playSession(game: Game, seed: number, options: Omit<SessionInput, 'game' | 'seed'> = {}): GameResult {
  const actor = createActor(sessionMachine, { input: { game, seed, record: false, ...options } });
  actor.start();
  // Each ADVANCE runs at most to the start of the next round; a game has a bounded number of rounds.
  for (let guard = 0; actor.getSnapshot().status === 'active'; guard++) {
    if (guard > 10_000) throw new Error('the game did not end');
    const before = actor.getSnapshot().context.world.moves;
    actor.send({ type: 'ADVANCE' });
    if (actor.getSnapshot().status === 'active' && actor.getSnapshot().context.world.moves === before) {
      throw new Error('a human must act: playSession only plays AI turns');
    }
  }
  const { world, log } = actor.getSnapshot().context;
  actor.stop();
  return { world, log };
}

/** The same game as playSession, as a plain loop over the pure rules: no actors, no machine. */
export function playPure(game: Game, seed: number, humans: readonly PartyId[] = []): GameResult {
  let world = initialWorld(game, seed);
  for (let guard = 0; world.phase !== 'ended'; guard++) {
    if (guard > 100_000) throw new Error('the game did not end');
    const move = autoMove(game, world, humans);
    if (!move) throw new Error('a human must act: playPure only plays AI turns');
    const next = step(game, world, move.command);
    if (roundStarted(world, next)) {
      world = next;
      for (const party of game.partyIds) {
        const change = nextPosture(game, world, party);
        if (change) world = step(game, world, { type: 'posture', party, posture: change.to, note: change.note });
      }
    } else {
      world = next;
    }
  }
  return { world, log: [] };
}
