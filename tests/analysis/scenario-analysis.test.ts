// `analyse` on a small scenario, every figure checked against brute force over all its packages.
import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/analysis/scenario-analysis.js';
import { formatAnalysis } from '../../src/cli/commands/analyse.js';
import { crossesRedLine, utility } from '../../src/model/game.js';
import { mini } from '../helpers/games.js';

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
