// A game in progress as the UI holds it: the session actor (which owns the World and the rules), the scenario
// it was started from, and what a save needs. No game rules here: commands go to the actor.
import { createActor } from 'xstate';
import { replay, type LoggedCommand } from '../engine/advance.js';
import { sessionMachine, type SessionActor } from '../engine/session-machine.js';
import type { Game } from '../model/game.js';
import type { LogLine, PartyId, World } from '../model/types.js';
import type { GameStart, ScenarioChoice } from './app-options.js';

export interface GameSession {
  choice: ScenarioChoice;
  game: Game;
  seed: number;
  /** The parties people play, in turn order. */
  humans: PartyId[];
  actor: SessionActor;
  /** The log of the moves before a resumed save (the actor's own log starts when it does). */
  priorLines: LogLine[];
}

export function startSession(start: GameStart): GameSession {
  const game = start.choice.game;
  const humans = game.partyIds.filter((id) => start.humans.includes(id));
  const actor = createActor(sessionMachine, {
    input: {
      game,
      seed: start.seed,
      humans,
      ...(start.resume ? { world: start.resume.world, log: start.resume.log } : {}),
    },
  });
  actor.start();
  return { choice: start.choice, game, seed: start.seed, humans, actor, priorLines: linesBefore(game, start.seed, start.resume) };
}

/**
 * One seat's session at a live table (a class served over SSH): the table's own actor, shared with the other
 * players, seen as `party` alone. The table makes the automatic moves and saves; this screen only commands.
 */
export function seatSession(choice: ScenarioChoice, actor: SessionActor, seed: number, party: PartyId, priorLines: LogLine[]): GameSession {
  return { choice, game: choice.game, seed, humans: [party], actor, priorLines };
}

/** The log lines of the moves before a resumed game. */
export function linesBefore(game: Game, seed: number, resume: GameStart['resume']): LogLine[] {
  if (!resume) return [];
  try {
    return replay(game, seed, resume.log).lines;
  } catch {
    // A log that does not replay (it was checked on load, so this should not happen) only costs the history.
    return resume.world.recent;
  }
}

/** What options.save needs, from the actor's current state. */
export function saveState(session: GameSession): { choice: ScenarioChoice; seed: number; humans: PartyId[]; world: World; log: LoggedCommand[] } {
  const { world, log } = session.actor.getSnapshot().context;
  return { choice: session.choice, seed: session.seed, humans: session.humans, world, log };
}

/** Every log line of the game so far. */
export function allLines(session: GameSession): LogLine[] {
  return [...session.priorLines, ...session.actor.getSnapshot().context.lines];
}
