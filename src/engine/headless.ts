// A whole all-AI game through the session actor, without a screen: the interactive path, for the tests that
// prove the actor adds nothing to advance.ts but orchestration (same seeds, same final worlds).
import { createActor } from 'xstate';
import type { Game } from '../model/game.js';
import type { Moved } from './advance.js';
import { sessionMachine } from './session-machine.js';

/** Plays an all-AI game through the session machine until it ends. */
export function playSession(game: Game, seed: number): Moved {
  const actor = createActor(sessionMachine, { input: { game, seed } });
  actor.start();
  actor.send({ type: 'ADVANCE' });
  const snapshot = actor.getSnapshot();
  actor.stop();
  if (snapshot.status !== 'done') throw new Error('the game stopped before its end');
  return { world: snapshot.context.world, entries: snapshot.context.log, lines: snapshot.context.lines };
}
