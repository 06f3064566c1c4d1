// Invariants over random seeds and random legal command sequences (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utility, type Game } from '../../src/model/game.js';
import { hashWorld } from '../../src/model/hash.js';
import { validate } from '../../src/model/rules.js';
import { Rng } from '../../src/model/rng.js';
import { step } from '../../src/model/step.js';
import { initialWorld } from '../../src/model/world.js';
import type { Command, World } from '../../src/model/types.js';
import { alaska, gameFrom, mini, randomLegalCommand, scenarioPath } from '../helpers/games.js';

function randomGame(game: Game, seed: number, choices: number): { world: World; commands: Command[] } {
  const rng = new Rng(choices);
  let world = initialWorld(game, seed);
  const commands: Command[] = [];
  for (let i = 0; i < 5000 && world.phase !== 'ended'; i++) {
    const command = randomLegalCommand(game, world, rng);
    expect(validate(game, world, command)).toBeNull();
    const before = world;
    const snapshot = i % 7 === 0 ? JSON.stringify(before) : undefined;
    world = step(game, world, command);
    // A step never changes the world it was given (it is frozen in tests, and this says so in data too).
    expect(Object.isFrozen(before) && Object.isFrozen(before.parties) && Object.isFrozen(before.messages)).toBe(true);
    if (snapshot !== undefined) expect(JSON.stringify(before)).toBe(snapshot);
    commands.push(command);
    for (const share of Object.values(world.control)) expect(share >= 0 && share <= 1).toBe(true);
    for (const p of Object.values(world.parties)) {
      expect(p.pressure >= 0 && p.pressure <= 100).toBe(true);
      expect(p.batna >= 0 && p.batna <= 1).toBe(true);
      expect(p.credibility >= 0 && p.credibility <= 1).toBe(true);
      for (const t of Object.values(p.trust)) expect(t >= 0 && t <= 1).toBe(true);
    }
  }
  return { world, commands };
}

const games: [string, () => Game][] = [
  ['mini', mini],
  ['alaska-2025', alaska],
  ['moscow-2025-08', () => gameFrom(scenarioPath('moscow-2025-08'))],
];

describe.each(games)('%s under random legal play', (_name, load) => {
  it('keeps every share, pressure, BATNA and trust in range, and every game ends', () => {
    const game = load();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed, choices) => {
        const { world } = randomGame(game, seed, choices);
        expect(world.phase).toBe('ended');
        expect(world.outcome).toBeDefined();
      }),
      { numRuns: 25 },
    );
  });

  it('replaying the commands reproduces the hash', () => {
    const game = load();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed, choices) => {
        const { world, commands } = randomGame(game, seed, choices);
        // Through JSON, as a save stores them.
        const saved = JSON.parse(JSON.stringify(commands)) as Command[];
        const replayed = saved.reduce((w, c) => step(game, w, c), initialWorld(game, seed));
        expect(hashWorld(replayed)).toBe(hashWorld(world));
      }),
      { numRuns: 15 },
    );
  });

  it('utilities of any package stay in [0, 1] for every party', () => {
    const game = load();
    const arbitraryTerms = fc.tuple(...game.scenario.issues.map((issue) => fc.integer({ min: 0, max: issue.options.length - 1 })));
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        for (const id of game.partyIds) {
          const u = utility(game.prefs[id]!, terms);
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});
