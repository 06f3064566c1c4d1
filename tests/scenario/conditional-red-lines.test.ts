// Conditional red lines: "never this option together with that one". Located errors in the file; the rules, the
// AI and the analysis all treat the combination as a red line and the options on their own as fine.
import { describe, expect, it } from 'vitest';
import { dominance } from '../../src/analysis/dominance.js';
import { clearFloors } from '../../src/analysis/floors.js';
import { nashPoint } from '../../src/analysis/bargaining-points.js';
import { judge } from '../../src/ai/acceptance.js';
import { learnBeliefs } from '../../src/ai/beliefs.js';
import { bid } from '../../src/ai/bidding.js';
import { allowedOptions, tablesFor } from '../../src/ai/tables.js';
import { compileGame, crossesRedLine, redLineCrossed } from '../../src/model/game.js';
import { parseScenario } from '../../src/scenario/load.js';
import { describeRedLines } from '../../src/analysis/bargaining.js';
import { targets, view } from '../ai/fixtures.js';
import { edit, GOOD } from './fixture.js';

const CONDITIONAL = edit(
  'redLines: [{ issue: border, option: return }]',
  'redLines: [{ issue: border, option: return }, { issue: border, option: split, with: { issue: trade, option: closed } }]',
);

describe('conditional red lines', () => {
  it('load, and say what is wrong where', () => {
    const ok = parseScenario(CONDITIONAL, 'c.yaml');
    expect(ok.ok).toBe(true);
    const same = parseScenario(edit('with: { issue: trade, option: closed }', 'with: { issue: border, option: keep }', CONDITIONAL), 'c.yaml');
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.problems.map((p) => p.message).join('\n')).toMatch(/names another issue/);
    const typo = parseScenario(edit('with: { issue: trade, option: closed }', 'with: { issue: trade, option: shut }', CONDITIONAL), 'c.yaml');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.problems.some((p) => /shut/.test(p.message) && p.line > 0)).toBe(true);
    expect(parseScenario(GOOD, 'g.yaml').ok).toBe(true);
  });

  const loaded = parseScenario(CONDITIONAL, 'c.yaml');
  if (!loaded.ok) throw new Error('fixture');
  const game = compileGame(loaded.scenario);
  const red = game.prefs.red!;

  it('are crossed by the combination only, and said in words', () => {
    // border: keep 0, split 1, return 2; trade: closed 0, open 1.
    expect(crossesRedLine(red, [1, 0])).toBe(true);
    expect(redLineCrossed(red, [1, 0])).toEqual({ issue: 0, option: 1, with: { issue: 1, option: 0 } });
    expect(crossesRedLine(red, [1, 1])).toBe(false);
    expect(crossesRedLine(red, [0, 0])).toBe(false);
    expect(describeRedLines(game.public, red)).toContain('Border: "Split it" together with Trade: "Closed"');
  });

  it('the AI never accepts or bids the combination', () => {
    const t = tablesFor(red);
    const v = view({ self: 'red', game: game.public, preferences: red, batna: 0 });
    expect(judge(v, t, [1, 0], targets({ now: 0, floor: 0, reserve: 0 }))).toMatchObject({ ok: false, why: 'red-line', issue: 0, with: 1 });
    const b = learnBeliefs(v, t, ['blue']);
    for (const target of [0, 0.3, 0.5, 0.99]) {
      const found = bid(t, allowedOptions(t, [], new Uint8Array(t.offset[t.issues]!)), b, target, 0, [
        [1, 0],
        [0, 0],
        [1, 1],
      ]);
      expect(crossesRedLine(red, found.terms)).toBe(false);
    }
  });

  it('the analysis keeps out of them when red lines are excluded', () => {
    const prefs = game.partyIds.map((id) => game.prefs[id]!);
    const nash = nashPoint(prefs, [0, 0], { excludeRedLines: true })!;
    expect(crossesRedLine(red, nash.terms)).toBe(false);
    const floors = clearFloors(prefs, [0, 0]);
    expect(floors.terms && crossesRedLine(red, floors.terms)).toBe(false);
    const better = dominance(prefs, [0, 0], { excludeRedLines: true }).by;
    if (better) expect(crossesRedLine(red, better)).toBe(false);
  });
});
