// The one way a game moves on. `play` applies a command and what follows from it by rule — when the command
// opens a round of diplomacy, every party's posture machine sees the world, and the changes it makes are moves
// too. `advance` makes the moves nobody at the keyboard makes (AI turns, opening an all-AI game, time during
// ratification and implementation) until a person must act. `replay` rebuilds a game from its logged commands
// (posture changes included) by folding the rules' step over them, and never asks the AI. The session actor,
// simulate, saves, the debrief's move ratings, plain mode, the UI and the tests all go through here.
import type { Decision } from '../ai/decide.js';
import type { Game } from '../model/game.js';
import { IllegalCommand, step } from '../model/step.js';
import type { Command, LogLine, PartyId, World } from '../model/types.js';
import { audienceOf } from '../model/visibility.js';
import { initialWorld } from '../model/world.js';
import { autoMove, autoMoveDue } from './auto.js';
import { postureChange } from './posture-machine.js';

/** One accepted command, with the AI's one-line reason when an AI made it. */
export interface LoggedCommand {
  command: Command;
  /** The round it was made in. */
  round: number;
  reason?: string;
  /** Who saw it happen (undefined: everyone), by the model's one visibility rule (model/visibility.ts). */
  audience?: PartyId[];
}

/** What moving on produced: the world, the commands accepted on the way, and the log lines they wrote. */
export interface Moved {
  world: World;
  entries: LoggedCommand[];
  lines: LogLine[];
}

/** Who plays a seat other than its posture's AI: a scripted strategy, a bench of policies. */
export type Player = (game: Game, world: World, party: PartyId) => Decision;

export interface AdvanceOptions {
  /** Parties played by people: advance stops when one of them must act. */
  humans?: readonly PartyId[];
  /** Seats played by something other than the posture's AI (and not by a person). */
  players?: Partial<Record<PartyId, Player>>;
  /** Make at most this many moves (the table plays one at a time, so the player sees each). */
  max?: number;
  /** Keep entries and lines (default true); a simulation that only needs the end turns it off. */
  record?: boolean;
  /** Called after every accepted move, with the lines it wrote (autosave, streaming, counting). */
  onMove?: (entry: LoggedCommand, world: World, lines: readonly LogLine[]) => void;
}

/** Whether `next` is the first moment of a new round of diplomacy, when postures are re-examined. */
export function roundStarted(previous: World, next: World): boolean {
  return next.phase === 'diplomacy' && (previous.round !== next.round || previous.phase !== 'diplomacy') && next.turn === 0;
}

/** The lines a step added to the world's log. */
export function linesAdded(previous: World, next: World): LogLine[] {
  return next.logCount > previous.logCount ? next.recent : [];
}

function entryOf(game: Game, world: World, command: Command, reason: string | undefined): LoggedCommand {
  const entry: LoggedCommand = { command, round: world.round };
  if (reason !== undefined) entry.reason = reason;
  const audience = audienceOf(game, world, command);
  if (audience) entry.audience = audience;
  return entry;
}

/**
 * Applies `command` (throws IllegalCommand when the rules refuse it) and, when it opens a round, the posture
 * changes every party's machine makes then.
 */
export function play(game: Game, world: World, command: Command, reason?: string, into?: Moved, onMove?: AdvanceOptions['onMove']): Moved {
  const out: Moved = into ?? { world, entries: [], lines: [] };
  const record = (before: World, c: Command, why: string | undefined): World => {
    const next = step(game, before, c);
    const entry = entryOf(game, before, c, why);
    const lines = linesAdded(before, next);
    out.entries.push(entry);
    for (const line of lines) out.lines.push(line);
    onMove?.(entry, next, lines);
    return next;
  };
  let w = record(world, command, reason);
  if (roundStarted(world, w)) {
    const opened = w;
    for (const party of game.partyIds) {
      // Every machine sees the world as the round opened, after the events and the front.
      const change = postureChange(game, opened, party);
      if (change) w = record(w, { type: 'posture', party, posture: change.to, note: change.note }, undefined);
    }
  }
  out.world = w;
  return out;
}

/** The next automatic move: a scripted player's, the posture AI's, or time's; undefined when a person must act. */
export function nextMove(game: Game, world: World, options: Pick<AdvanceOptions, 'humans' | 'players'> = {}): Decision | undefined {
  const humans = options.humans ?? [];
  const players = options.players;
  if (players && (world.phase === 'diplomacy' || world.phase === 'signing')) {
    const actor = game.partyIds[world.turn]!;
    const player = players[actor];
    if (player && !humans.includes(actor)) return player(game, world, actor);
  }
  return autoMove(game, world, humans);
}

/** Whether nextMove would make a move (a scripted player's, the AI's or time's), without computing it. */
export function moveDue(game: Game, world: World, options: Pick<AdvanceOptions, 'humans' | 'players'> = {}): boolean {
  const humans = options.humans ?? [];
  if (options.players && (world.phase === 'diplomacy' || world.phase === 'signing')) {
    const actor = game.partyIds[world.turn]!;
    if (options.players[actor] && !humans.includes(actor)) return true;
  }
  return autoMoveDue(game, world, humans);
}

/** Makes automatic moves until a person must act, the game ends, or `max` moves were made. */
export function advance(game: Game, world: World, options: AdvanceOptions = {}): Moved {
  const keep = options.record !== false;
  const out: Moved = { world, entries: [], lines: [] };
  const max = options.max ?? Infinity;
  let moves = 0;
  let w = world;
  for (let guard = 0; moves < max && w.phase !== 'ended'; guard++) {
    if (guard > 100_000) throw new Error('the game did not end');
    const move = nextMove(game, w, options);
    if (!move) break;
    const step1 = play(game, w, move.command, move.reason, keep ? out : { world: w, entries: [], lines: [] }, options.onMove);
    w = step1.world;
    moves++;
  }
  out.world = w;
  return out;
}

/** Plays a whole game from its seed with automatic moves only (every seat an AI or a scripted player). */
export function playGame(game: Game, seed: number, options: Omit<AdvanceOptions, 'humans' | 'max'> = {}): Moved {
  const moved = advance(game, initialWorld(game, seed), { ...options, humans: [] });
  if (moved.world.phase !== 'ended') throw new Error('the game stopped before its end');
  return moved;
}

/** A logged command the rules refuse when a game is rebuilt: which one, and why. */
export class ReplayError extends Error {
  constructor(
    /** Its index in the log (0-based). */
    readonly index: number,
    readonly command: unknown,
    why: string,
  ) {
    super(why);
  }
}

/**
 * A game rebuilt from its logged commands (a save): the AI is never asked, and the posture changes are the ones
 * logged. Throws ReplayError at the first command the rules refuse (or that is not a command at all).
 */
export function replay(game: Game, seed: number, logged: readonly Pick<LoggedCommand, 'command' | 'reason'>[]): Moved {
  const out: Moved = { world: initialWorld(game, seed), entries: [], lines: [] };
  for (const { command, reason } of logged) {
    const before = out.world;
    try {
      out.world = step(game, before, command);
    } catch (error) {
      if (error instanceof IllegalCommand) throw new ReplayError(out.entries.length, command, error.message);
      // A command of the wrong shape (a hand-edited save) can trip a rule before validation says why.
      throw new ReplayError(out.entries.length, command, 'malformed command');
    }
    out.entries.push(entryOf(game, before, command, reason));
    for (const line of linesAdded(before, out.world)) out.lines.push(line);
  }
  return out;
}
