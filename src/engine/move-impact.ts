// What a player's moves were worth, by counterfactual: for each move a person made (not a wait), the game is
// played on to its end twice from that point — once from just after the move, once with the move replaced by
// waiting (during signing: the other of sign and refuse) — with every party, the player included, played by
// the AI. The move's value is the player's score in the first game minus its score in the second. Pure: the
// worlds are rebuilt by folding step over the command log from the game's first world.
import type { Game } from '../model/game.js';
import { partyResults } from '../model/outcome.js';
import { nextPosture, step } from '../model/step.js';
import type { Command, PartyId, World } from '../model/types.js';
import { initialWorld } from '../model/world.js';
import { autoMove, roundStarted } from './auto.js';
import type { LoggedCommand } from './session-machine.js';

/** One rated move: its index in the command log, its round, the command, and its value in score points. */
export interface MoveImpact {
  index: number;
  round: number;
  command: Command;
  /** The player's score had the game gone on from this move, minus had it waited instead (both played out by the AI). */
  value: number;
}

/** What the player would have done instead of `command`: wait; during signing, the other of sign and refuse. */
export function alternativeTo(command: Command): Command | undefined {
  if (!('by' in command)) return undefined;
  switch (command.type) {
    case 'pass':
      return undefined;
    case 'sign':
      return { type: 'refuse', by: command.by };
    case 'refuse':
      return { type: 'sign', by: command.by };
    default:
      return { type: 'pass', by: command.by };
  }
}

/** One step, and — when it opens a round of diplomacy — the posture changes the session would make then. */
function advance(game: Game, world: World, command: Command): World {
  const next = step(game, world, command);
  if (!roundStarted(world, next)) return next;
  let w = next;
  for (const party of game.partyIds) {
    const change = nextPosture(game, w, party);
    if (change) w = step(game, w, { type: 'posture', party, posture: change.to, note: change.note });
  }
  return w;
}

/** Plays the game to its end with every party played by the AI. */
function playOut(game: Game, world: World): World {
  let w = world;
  for (let guard = 0; w.phase !== 'ended'; guard++) {
    if (guard > 100_000) throw new Error('the game did not end');
    w = advance(game, w, autoMove(game, w, [])!.command);
  }
  return w;
}

/**
 * The value of each move `human` made (its waits are not rated), in the order made. `commands` is the whole
 * command log of the game played from `seed`, posture changes included.
 */
export function moveImpacts(game: Game, seed: number, commands: readonly LoggedCommand[], human: PartyId): MoveImpact[] {
  const candidates: { index: number; before: World; command: Command; alternative: Command; round: number }[] = [];
  let world = initialWorld(game, seed);
  commands.forEach((entry, index) => {
    const c = entry.command;
    const alternative = 'by' in c && c.by === human ? alternativeTo(c) : undefined;
    if (alternative) candidates.push({ index, before: world, command: c, alternative, round: entry.round });
    world = step(game, world, c);
  });
  const score = (w: World) => partyResults(game, playOut(game, w))[human]!.score;
  return candidates.map((c) => ({
    index: c.index,
    round: c.round,
    command: c.command,
    value: score(advance(game, c.before, c.command)) - score(advance(game, c.before, c.alternative)),
  }));
}

/** The impacts of every human's moves, by party. */
export function impactsByParty(game: Game, seed: number, commands: readonly LoggedCommand[], humans: readonly PartyId[]): Record<PartyId, MoveImpact[]> {
  const out: Record<PartyId, MoveImpact[]> = {};
  for (const h of humans) out[h] = moveImpacts(game, seed, commands, h);
  return out;
}
