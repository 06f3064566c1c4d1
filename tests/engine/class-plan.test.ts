// Dealing a roster to tables and seats: deterministic, wanted seats honoured when free, the AI in the rest.
import { describe, expect, it } from 'vitest';
import { dealSeats, parseRoster, seatOf } from '../../src/engine/class-plan.js';
import { compileGame } from '../../src/model/game.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';

const game = compileGame(loadScenarioOrThrow('moscow-2025-08').scenario);

describe('the class plan', () => {
  it('reads a roster: plain names, "name, party", a CSV header, comments and blank lines', () => {
    expect(parseRoster('name,party\nAna\nBen, russia\n\n# absent: Zed\nCleo;europe\n', game)).toEqual([
      { name: 'Ana' },
      { name: 'Ben', wants: 'russia' },
      { name: 'Cleo', wants: 'europe' },
    ]);
    expect(() => parseRoster('Ana\nana\n', game)).toThrow(/line 2: "ana" is on the roster twice/);
    expect(() => parseRoster('Ana, rusia\n', game)).toThrow(/line 1: no party "rusia"/);
  });

  it('deals students table by table, honours a wanted seat when it is free, and leaves the rest to the AI', () => {
    const roster = parseRoster('Ana\nBen, russia\nCleo\nDan, russia\nEva, russia\n', game);
    const plan = dealSeats(game, 'h', roster, { seed: 5, seatsPerTable: 3 });
    expect(plan.tables).toHaveLength(2);
    expect(plan.tables[0]!.seats).toEqual({ 'united-states': 'Ana', russia: 'Ben', europe: 'Cleo', ukraine: null });
    expect(plan.tables[1]!.seats).toEqual({ 'united-states': 'Eva', russia: 'Dan', europe: null, ukraine: null });
    expect(plan.tables[0]!.seed).not.toBe(plan.tables[1]!.seed);
    expect(dealSeats(game, 'h', roster, { seed: 5, seatsPerTable: 3 })).toEqual(plan);
    expect(new Set(dealSeats(game, 'h', roster, { seed: 5, seatsPerTable: 3, sameSeed: true }).tables.map((t) => t.seed))).toEqual(new Set([5]));
    expect(seatOf(plan, ' dan ')).toMatchObject({ party: 'russia', student: 'Dan', table: { id: 'table-2' } });
    expect(seatOf(plan, 'Zoe')).toBeUndefined();
  });
});
