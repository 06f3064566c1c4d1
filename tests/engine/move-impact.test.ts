// The counterfactual rating of a player's moves: each move against a wait in its place, both games played to
// their end by the AI for every party.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/analysis/debrief/build.js';
import { debriefMarkdown } from '../../src/analysis/debrief/markdown.js';
import { play } from '../../src/engine/advance.js';
import { playGame } from '../../src/engine/advance.js';
import { alternativeTo, impactsByParty, moveImpacts } from '../../src/engine/move-impact.js';
import type { LoggedCommand } from '../../src/engine/advance.js';
import type { Game } from '../../src/model/game.js';
import type { Command, PartyId, Terms, World } from '../../src/model/types.js';
import { initialWorld } from '../../src/model/world.js';
import { mini } from '../helpers/games.js';

/** Plays scripted commands the way the session logs them: posture changes follow each new round. */
function record(game: Game, seed: number, commands: readonly Command[]): { world: World; log: LoggedCommand[] } {
  const moved = { world: initialWorld(game, seed), entries: [] as LoggedCommand[], lines: [] };
  for (const command of commands) play(game, moved.world, command, undefined, moved);
  return { world: moved.world, log: moved.entries };
}

const waits = (rounds: number): Command[] => Array.from({ length: rounds }, () => ['blue', 'red', 'green'].map((by): Command => ({ type: 'pass', by }))).flat();

/**
 * Six rounds of waiting; in round 7 Red offers a compromise and Green accepts it; in round 8, the last, Blue
 * (the player) accepts it and the text goes to signing. Waiting instead lets the deadline pass.
 */
function lastChance(terms: Terms, extra: Command[] = []): Command[] {
  return [
    { type: 'begin' },
    ...waits(6),
    { type: 'pass', by: 'blue' },
    { type: 'propose', by: 'red', terms, channel: 'direct' },
    { type: 'accept', by: 'green', proposal: 1 },
    { type: 'accept', by: 'blue', proposal: 1 },
    ...extra,
  ];
}

const COMPROMISE: Terms = [1, 1, 1]; // split, eased, monitors: above every party's reservation value

describe('moveImpacts', () => {
  const game = mini();

  it('rates accepting a good deal in the last round above zero: waiting would have let the deadline pass', () => {
    for (const seed of [1, 2, 3]) {
      const { world, log } = record(game, seed, lastChance(COMPROMISE));
      expect(world.phase).toBe('signing');
      const impacts = moveImpacts(game, seed, log, 'blue');
      const accept = impacts.find((m) => m.command.type === 'accept')!;
      expect(accept.index).toBe(log.findIndex((e) => e.command.type === 'accept' && e.command.by === 'blue'));
      expect(accept.round).toBe(8);
      expect(accept.value).toBeGreaterThan(0);
    }
  });

  it('does not rate waiting itself', () => {
    const { log } = record(game, 1, lastChance(COMPROMISE));
    const impacts = moveImpacts(game, 1, log, 'blue');
    // Blue waited seven times and accepted once: only the acceptance is rated.
    expect(log.filter((e) => e.command.type === 'pass' && e.command.by === 'blue')).toHaveLength(7);
    expect(impacts.map((m) => m.command.type)).toEqual(['accept']);
  });

  it('rates a signature against refusing, and rates only the player’s own moves', () => {
    const { world, log } = record(game, 2, lastChance(COMPROMISE, [{ type: 'sign', by: 'blue' }]));
    expect(world.agreement?.signed).toEqual(['blue']);
    const impacts = moveImpacts(game, 2, log, 'blue');
    expect(impacts.map((m) => m.command.type)).toEqual(['accept', 'sign']);
    expect(impacts[1]!.value).toBeGreaterThan(0);
    // Red made one move that was not a wait: its proposal.
    expect(moveImpacts(game, 2, log, 'red').map((m) => m.command.type)).toEqual(['propose']);
  });

  it('compares with a wait, or during signing with the other of sign and refuse', () => {
    expect(alternativeTo({ type: 'propose', by: 'blue', terms: [0, 0, 0], channel: 'direct' })).toEqual({ type: 'pass', by: 'blue' });
    expect(alternativeTo({ type: 'return', by: 'red' })).toEqual({ type: 'pass', by: 'red' });
    expect(alternativeTo({ type: 'sign', by: 'blue' })).toEqual({ type: 'refuse', by: 'blue' });
    expect(alternativeTo({ type: 'refuse', by: 'blue' })).toEqual({ type: 'sign', by: 'blue' });
    expect(alternativeTo({ type: 'pass', by: 'blue' })).toBeUndefined();
    expect(alternativeTo({ type: 'continue' })).toBeUndefined();
  });

  it('is deterministic, and rates every move of a whole game', () => {
    const { entries: log } = playGame(game, 5);
    const a = moveImpacts(game, 5, log, 'blue');
    expect(moveImpacts(game, 5, log, 'blue')).toEqual(a);
    const mine = log.filter((e) => 'by' in e.command && e.command.by === 'blue' && e.command.type !== 'pass');
    expect(a.map((m) => m.command)).toEqual(mine.map((e) => e.command));
    for (const m of a) expect(Number.isFinite(m.value)).toBe(true);
  });

  it('feeds the debrief: the rated moves, the rule in words, the waits not rated', () => {
    const { world, log } = record(game, 1, lastChance(COMPROMISE));
    const humans: PartyId[] = ['blue'];
    const impacts = impactsByParty(game, 1, log, humans);
    const d = buildDebrief(game, world, log, [], { humans, impacts });
    const h = d.humans[0]!;
    expect(h).toMatchObject({ rated: 1, waits: 7 });
    expect(h.best.map((m) => m.command.type)).toEqual(['accept']);
    expect(h.moves.filter((m) => m.command.type === 'pass').every((m) => m.value === null)).toBe(true);
    const md = debriefMarkdown(d);
    expect(md).toContain('what the game would have been had you waited instead, everything else played by the AI');
    expect(md).toMatch(/- Round 8: accepts package #1: \+\d+\.\d points against waiting\./);
    expect(md).toContain('- Round 1: waits: not rated (waiting is the yardstick).');
  });
});
