// `analyse` on a small scenario, every figure checked against brute force over all its packages.
import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/analysis/scenario-analysis.js';
import { formatAnalysis, pointOf } from '../../src/cli/commands/analyse.js';
import { compileGame, crossesRedLine, utility } from '../../src/model/game.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { fixturePath, mini } from '../helpers/games.js';

const game = mini();
const prefs = game.partyIds.map((id) => game.prefs[id]!);
const sizes = game.scenario.issues.map((i) => i.options.length);
const all: number[][] = [];
(function walk(prefix: number[]) {
  if (prefix.length === sizes.length) return void all.push(prefix);
  for (let o = 0; o < sizes[prefix.length]!; o++) walk([...prefix, o]);
})([]);
const signable = all.filter((t) => !prefs.some((p) => crossesRedLine(p, t)));
const inZone = signable.filter((t) => prefs.every((p) => utility(p, t) > p.reservation));

describe('analyse', () => {
  const a = analyseScenario(game);

  it('counts packages, signable ones and the zone exactly in a small space', () => {
    expect(a.packages).toBe(all.length);
    expect(a.signable).toEqual({ share: signable.length / all.length, exhaustive: true });
    expect(a.zopa.exists).toBe(inZone.length > 0);
    expect(a.zopa.share).toBeCloseTo(inZone.length / all.length, 12);
  });

  it('counts the whole Pareto frontier of signable packages', () => {
    const u = signable.map((t) => prefs.map((p) => utility(p, t)));
    const dominated = (x: number[]) => u.some((y) => y.every((v, k) => v >= x[k]! - 1e-12) && y.some((v, k) => v > x[k]! + 1e-12));
    expect(a.frontier.exact).toBe(u.filter((x) => !dominated(x)).length);
    expect(a.frontier.supported).toBeLessThanOrEqual(a.frontier.exact!);
  });

  it('gives each party the most it can get inside the zone, and at all', () => {
    game.partyIds.forEach((id, k) => {
      const row = a.parties.find((p) => p.party === id)!;
      const best = Math.max(...signable.map((t) => utility(prefs[k]!, t)));
      expect(row.bestSignable).toBeCloseTo(best, 9);
      if (inZone.length > 0) expect(row.bestInZone).toBeCloseTo(Math.max(...inZone.map((t) => utility(prefs[k]!, t))), 3);
      // The worst agreement it could prefer to none: exact, by brute force over the zone.
      expect(row.worstInZone).toBeCloseTo(Math.min(...inZone.map((t) => utility(prefs[k]!, t))), 9);
      expect(row.worstNotProven).toBeUndefined();
    });
  });

  it('says whether each scripted meeting offer is inside the zone, and prints it all for an author', () => {
    for (const m of a.meetings) expect(m.inside).toBe(m.short.length === 0);
    const text = formatAnalysis(a);
    expect(text).toMatch(/^mini: \d+ packages; [\d.]+% cross no party's red line\.$/m);
    expect(text).toMatch(/counted exactly/);
    expect(text).toMatch(/Posture floors: \d+ of \d+ combinations/);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

describe('analyse --round', () => {
  const loaded = loadScenarioFile(fixturePath('mini-change.yaml'));
  if (!loaded.ok) throw new Error('mini-change.yaml does not load');
  const changing = compileGame(loaded.scenario);
  const brute = (ps: typeof prefs, floors: number[]) =>
    all.filter((t) => !ps.some((p) => crossesRedLine(p, t)) && ps.every((p, k) => utility(p, t) > floors[k]!)).length / all.length;

  it('stands at a round of a seeded game: the preferences its events changed, the walk-away points then', () => {
    const before = pointOf(changing, 2, 5);
    const after = pointOf(changing, 3, 5);
    expect(before.round).toBe(2);
    expect(after.round).toBe(3);
    expect(before.events).not.toContain('A new government in Red');
    expect(after.events).toContain('A new government in Red');
    // From round 3 Red will never sign the treaty guarantee: the zone is counted with that red line.
    expect(crossesRedLine(after.prefs.red!, [0, 0, 2])).toBe(true);
    expect(crossesRedLine(before.prefs.red!, [0, 0, 2])).toBe(false);
    for (const id of changing.bargainers) expect(after.walkAway[id]).toBeGreaterThanOrEqual(Math.min(after.prefs[id]!.reservation, after.batna[id]!) - 1e-12);
    for (const point of [before, after]) {
      const a = analyseScenario(changing, point);
      const ps = changing.bargainers.map((id) => point.prefs[id]!);
      const floors = changing.bargainers.map((id) => point.walkAway[id]!);
      expect(a.zopa.share).toBeCloseTo(brute(ps, floors), 12);
      expect(a.reservations).toEqual(point.walkAway);
      expect(a.at).toMatchObject({ round: point.round, seed: 5, events: point.events });
    }
    const text = formatAnalysis(analyseScenario(changing, after));
    expect(text).toMatch(/^mini-change at the start of round 3 of the all-AI game seed 5\.\nEvents fired by then: .*A new government in Red/);
    expect(text).toContain('better off than at its walk-away point then');
    expect(text).toMatch(/party +BATNA +walk-away +worst deal +best deal +best of all/);
  });
});
