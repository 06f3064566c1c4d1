// What a player's moves were worth, by counterfactual: for each move a person made (not a wait), the game is
// played on to its end twice from that point — once from just after the move, once with the move replaced by
// waiting (during signing: the other of sign and refuse) — with every party, the player included, played by
// the AI. The move's value is the player's score in the first game minus its score in the second. Pure: the
// worlds are rebuilt by replaying the command log from the game's first world.
import type { Game } from '../model/game.js';
import { partyResults } from '../model/outcome.js';
import { step } from '../model/step.js';
import type { Command, PartyId, World } from '../model/types.js';
import { initialWorld } from '../model/world.js';
import { advance, play, type LoggedCommand } from './advance.js';

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

/** One move to rate: `rate()` plays the game out both ways (the slow part) and returns the move's impact. */
export interface ImpactTask {
  party: PartyId;
  rate(): MoveImpact;
}

/**
 * The ratings to make, one task per move any of `humans` made (their waits are not rated), in the order made.
 * `commands` is the whole command log of the game played from `seed`, posture changes included. A screen runs
 * them a few at a time to show its progress; impactsByParty runs them all.
 */
export function impactTasks(game: Game, seed: number, commands: readonly LoggedCommand[], humans: readonly PartyId[]): ImpactTask[] {
  const tasks: ImpactTask[] = [];
  let world = initialWorld(game, seed);
  // From a move on, everyone is the AI: the game plays itself out.
  const score = (w: World, human: PartyId) => partyResults(game, advance(game, w, { record: false }).world)[human]!.score;
  commands.forEach((entry, index) => {
    const c = entry.command;
    const human = 'by' in c && humans.includes(c.by) ? c.by : undefined;
    const alternative = human === undefined ? undefined : alternativeTo(c);
    if (human !== undefined && alternative) {
      const before = world;
      tasks.push({
        party: human,
        rate: () => ({ index, round: entry.round, command: c, value: score(play(game, before, c).world, human) - score(play(game, before, alternative).world, human) }),
      });
    }
    world = step(game, world, c);
  });
  return tasks;
}

/** The value of each move `human` made (its waits are not rated), in the order made. */
export function moveImpacts(game: Game, seed: number, commands: readonly LoggedCommand[], human: PartyId): MoveImpact[] {
  return impactTasks(game, seed, commands, [human]).map((t) => t.rate());
}

/** The impacts of every human's moves, by party. */
export function impactsByParty(game: Game, seed: number, commands: readonly LoggedCommand[], humans: readonly PartyId[]): Record<PartyId, MoveImpact[]> {
  const out: Record<PartyId, MoveImpact[]> = {};
  for (const h of humans) out[h] = [];
  for (const task of impactTasks(game, seed, commands, humans)) out[task.party]!.push(task.rate());
  return out;
}
