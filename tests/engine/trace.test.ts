// simulate --trace and --vary, for authors: what happened inside the games, and a number swept across values.
import { describe, expect, it } from 'vitest';
import { withValue } from '../../src/cli/commands/simulate.js';
import { simulate } from '../../src/engine/simulate.js';
import { compileGame } from '../../src/model/game.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';
import { mini } from '../helpers/games.js';

describe('simulate --trace', () => {
  const game = mini();
  const s = simulate(game, 40, 3, { trace: true });
  const t = s.trace!;

  it('counts every deal in the round it was agreed, and keeps a line per game', () => {
    expect(Object.values(t.dealRounds).reduce((a, b) => a + b, 0)).toBe(s.deals);
    expect(t.games).toHaveLength(40);
    expect(t.games.filter((g) => g.dealRound !== undefined)).toHaveLength(s.deals);
    for (const g of t.games) for (const e of g.events) expect(e.round).toBeGreaterThanOrEqual(1);
  });

  it('agrees with the games line by line: events, postures, meetings', () => {
    for (const [id, e] of Object.entries(t.events)) expect(e.games).toBe(t.games.filter((g) => g.events.some((x) => x.id === id)).length);
    for (const [party, postures] of Object.entries(t.postures)) {
      for (const [posture, e] of Object.entries(postures)) expect(e.games).toBe(t.games.filter((g) => g.postures.some((p) => p.party === party && p.posture === posture)).length);
    }
    expect(t.rejections.every((r, k) => k === 0 || t.rejections[k - 1]!.count >= r.count)).toBe(true);
  });

  it('is the same for the same arguments, and absent without --trace', () => {
    expect(simulate(game, 40, 3, { trace: true }).trace).toEqual(t);
    expect(simulate(game, 5, 3).trace).toBeUndefined();
  });
});

describe('simulate --vary', () => {
  const moscow = loadScenarioOrThrow('moscow-2025-08').scenario;

  it('sets one number in the scenario, naming list items by id, and checks the result against the schema', () => {
    const path = 'parties.russia.postures.states.ambiguous-maximalist.strategy.floor'.split('.');
    const varied = withValue(moscow, path, 0.61);
    expect(varied.parties.find((p) => p.id === 'russia')!.postures.states['ambiguous-maximalist']!.strategy.floor).toBe(0.61);
    expect(moscow.parties.find((p) => p.id === 'russia')!.postures.states['ambiguous-maximalist']!.strategy.floor).toBe(0.68);
    expect(() => compileGame(varied)).not.toThrow();
  });

  it('refuses a path to nothing, to something that is not a number, and a value the schema refuses', () => {
    expect(() => withValue(moscow, ['parties', 'rusia', 'preferences', 'reservation'], 0.5)).toThrow(/nothing called "rusia" at parties\.rusia/);
    expect(() => withValue(moscow, ['meta', 'title'], 0.5)).toThrow(/meta\.title is not a number/);
    expect(() => withValue(moscow, ['parties', 'russia', 'preferences', 'reservation'], 7)).toThrow(/is not allowed there/);
  });
});
