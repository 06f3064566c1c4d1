// Who sees a move: one rule (model/visibility.ts), written on the move's log line by the step and on the logged
// command by the engine, so every screen agrees.
import { describe, expect, it } from 'vitest';
import { play } from '../../src/engine/advance.js';
import { step } from '../../src/model/step.js';
import type { Command } from '../../src/model/types.js';
import { audienceOf, inAudience } from '../../src/model/visibility.js';
import { initialWorld } from '../../src/model/world.js';
import { mini } from '../helpers/games.js';

const game = mini();

describe('who sees a move', () => {
  it('envoy traffic between other parties is out of sight; waiting is not', () => {
    const world = step(game, initialWorld(game, 1), { type: 'begin' });
    const envoy: Command = { type: 'propose', by: 'red', terms: [1, 1, 1], channel: 'envoy', envoy: 'red-envoy', to: ['green'] };
    expect(inAudience(audienceOf(game, world, envoy), 'blue')).toBe(false);
    expect(inAudience(audienceOf(game, world, envoy), 'green')).toBe(true);
    expect(audienceOf(game, world, { type: 'pass', by: 'red' })).toBeUndefined();
  });

  it('talks with part of the table, and the answers to them, are seen only by those in them', () => {
    let world = step(game, initialWorld(game, 1), { type: 'begin' });
    const oneToOne: Command = { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct', to: ['red'] };
    expect(audienceOf(game, world, oneToOne)).toEqual(['blue', 'red']);
    world = step(game, world, oneToOne);
    const answer: Command = { type: 'reject', by: 'red', proposal: world.proposals.at(-1)!.id };
    expect(audienceOf(game, world, answer)).toEqual(['red', 'blue']);
    world = step(game, world, answer);
    const toAll: Command = { type: 'propose', by: 'green', terms: [0, 0, 0], channel: 'direct' };
    expect(audienceOf(game, world, toAll)).toBeUndefined();
  });

  it('the step writes the same audience on the move’s log line as the engine writes on the logged command', () => {
    const begun = play(game, initialWorld(game, 1), { type: 'begin' }).world;
    const moved = play(game, begun, { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct', to: ['red'] });
    const line = moved.lines.find((l) => l.kind === 'action')!;
    expect(moved.entries[0]!.audience).toEqual(['blue', 'red']);
    expect(line.visibleTo).toEqual(moved.entries[0]!.audience);
  });
});
