// A fact is used only from the date it became true. Each bundled scenario's text that a player can see — the
// briefings, issues and options (from the first day) and each event (from the round it can first fire) — is
// checked against a table of dated facts: a sentence that uses one before its date is an anachronism. Teacher
// notes and source notes look back from after the game and are not checked.
import { describe, expect, it } from 'vitest';
import { reach } from '../../src/analysis/posture-reach.js';
import { compileGame } from '../../src/model/game.js';
import { listBundled, loadScenarioOrThrow } from '../../src/scenario/bundled.js';

/** Facts that became true on a given day (../shared/FACTS.md), and how a scenario's text would use them. */
const DATED: { fact: string; from: string; uses: RegExp }[] = [
  { fact: 'Putin: foreign troops would be "legitimate targets"', from: '2025-09-05', uses: /legitimate targets/i },
  { fact: "India's 50% tariff in force", from: '2025-08-27', uses: /India (now )?faces 50%|India pays 50%/i },
  { fact: 'the Paris reassurance-force pledge', from: '2025-09-04', uses: /26 of (the )?35|pledged in Paris|Paris pledge/i },
  { fact: 'US-led ceasefire monitoring (Paris Declaration)', from: '2026-01-06', uses: /US-led monitoring|US-led ceasefire monitoring/i },
  { fact: 'the envoy says Putin accepted Article-5-like protection', from: '2025-08-17', uses: /Putin (had )?accepted Article-5/i },
  { fact: '1,850 children returned (Kyiv, December)', from: '2025-12-04', uses: /1,850/ },
  { fact: 'the 28-point plan', from: '2025-11-20', uses: /28-point/i },
  { fact: 'US sanctions on Rosneft and Lukoil', from: '2025-10-22', uses: /sanctions Rosneft|sanctioned Rosneft/i },
  { fact: 'the "Anchorage formula"', from: '2026-01-22', uses: /Anchorage formula/i },
  { fact: 'the Alaska summit took place', from: '2025-08-15', uses: /Anchorage: three hours|summit in Anchorage ended/i },
];

function isoDay(start: string, days: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe('dated facts in the bundled scenarios', () => {
  for (const bundled of listBundled()) {
    it(`${bundled.id} uses no fact before the date it became true`, () => {
      const { scenario } = loadScenarioOrThrow(bundled.id);
      const game = compileGame(scenario);
      const start = scenario.meta.date;
      const days = scenario.calendar.roundDays;
      const r = reach(game);
      const seen: { where: string; day: string; text: string }[] = [];
      for (const p of scenario.parties) seen.push({ where: `${p.id}'s briefing`, day: start, text: p.briefing });
      // The calendar's deadlines are listed in every briefing from the first day.
      for (const d of scenario.calendar.deadlines) seen.push({ where: `deadline of round ${d.round}`, day: start, text: d.label });
      for (const issue of scenario.issues) {
        seen.push({ where: `issue ${issue.id}`, day: start, text: issue.description ?? '' });
        for (const o of issue.options) seen.push({ where: `option ${issue.id}/${o.id}`, day: start, text: `${o.label} ${o.description ?? ''}` });
      }
      for (const e of scenario.events) {
        const round = r.events.get(e.id) ?? Infinity;
        if (round === Infinity) continue;
        // A round is a span of days: an event of round r may be dated on any of them, up to the last.
        seen.push({ where: `event ${e.id} (round ${round})`, day: isoDay(start, round * days - 1), text: `${e.title} ${e.text}` });
      }
      const anachronisms = seen.flatMap((s) => DATED.filter((f) => f.uses.test(s.text) && s.day < f.from).map((f) => `${s.where}, ${s.day}: ${f.fact} (true from ${f.from})`));
      expect(anachronisms).toEqual([]);
    });
  }

  it('would catch one: a briefing on 1 August that quotes the 5 September line', () => {
    const fact = DATED[0]!;
    expect(fact.uses.test('European troops would be "legitimate targets".') && '2025-08-01' < fact.from).toBe(true);
  });
});
