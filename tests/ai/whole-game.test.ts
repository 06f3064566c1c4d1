// Whole games through the session machine: every command the AI issues is legal (step throws IllegalCommand on
// one), every game ends, and the information moves happen. The full 300-seed check with numbers is a scratch
// script; this is the smoke test that keeps it honest.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playSession } from '../../src/engine/headless.js';
import { gameFrom, scenarioPath } from '../helpers/games.js';

const SEEDS = 30;

describe.each(['alaska-2025', 'moscow-2025-08'])('whole games: %s', (id) => {
  it.skipIf(!existsSync(scenarioPath(id)))('plays legal games to the end, relaying, reading out and checking along the way', { timeout: 60_000 }, () => {
    const game = gameFrom(scenarioPath(id));
    const count = { relay: 0, readout: 0, clarified: 0 };
    for (let seed = 0; seed < SEEDS; seed++) {
      const { world } = playSession(game, seed);
      expect(world.phase).toBe('ended');
      for (const m of world.messages) {
        if (m.channel === 'relay') count.relay++;
        if (m.channel === 'readout') count.readout++;
        count.clarified += m.clarified.length;
      }
    }
    expect(count.relay).toBeGreaterThan(0);
    expect(count.readout).toBeGreaterThan(0);
    expect(count.clarified).toBeGreaterThan(0);
  });
});
