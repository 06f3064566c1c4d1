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

describe('the class report as HTML', () => {
  it('escapes every name and title from the scenario and the saves, and draws no chart without data', async () => {
    const { classReportHtml } = await import('../../src/engine/class-report-html.js');
    const evil = '<img src=x onerror=alert(1)>';
    const html = classReportHtml({
      scenario: 'x',
      title: `T ${evil}`,
      rounds: 5,
      students: [
        {
          name: evil,
          table: 't<1>',
          party: 'red',
          seed: 1,
          status: 'finished',
          authentic: false,
          outcome: 'deal (agreed)',
          score: 10,
          aiScore: 5,
          utility: 0.6,
          othersMean: 0.5,
          curve: [{ round: 1, utility: 0.9 }],
        },
      ],
      seats: [{ party: 'red', name: `Red "${evil}"`, students: 1, meanScore: 10, aiMeanScore: 5 }],
      charts: [
        {
          party: 'red',
          frontier: [
            [0.2, 0.9],
            [0.9, 0.2],
          ],
          reservation: 0.4,
          ai: [],
        },
      ],
      teacherNotes: [`Notes ${evil}`],
      drawn: [{ table: 't<1>', accounts: [`Meeting: "${evil}"`] }],
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('not authentic');
    expect(html.toLowerCase()).not.toContain('<script');
  });
});
