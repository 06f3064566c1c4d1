// A meeting the record does not settle: each game draws one of the accounts the sources support as what was
// really said, by weight and from its seed; the debrief says so.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/analysis/debrief/build.js';
import { debriefMarkdown } from '../../src/analysis/debrief/markdown.js';
import { advance, playGame } from '../../src/engine/advance.js';
import { initialWorld } from '../../src/model/world.js';
import { runSeed } from '../../src/engine/simulate.js';
import { compileGame } from '../../src/model/game.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';
import { parseScenario } from '../../src/scenario/load.js';
import { readFileSync } from 'node:fs';

const moscow = loadScenarioOrThrow('moscow-2025-08');
const game = compileGame(moscow.scenario);
const south = game.scenario.issues.findIndex((i) => i.id === 'south');
const withdrawal = game.scenario.issues[south]!.options.findIndex((o) => o.id === 'russian-withdrawal');

describe('a contested meeting', () => {
  it('draws each account about as often as its weight says, and puts the drawn terms on the table', () => {
    let seventh = 0;
    const runs = 150;
    for (let r = 0; r < runs; r++) {
      const w = advance(game, initialWorld(game, runSeed(3, r)), { record: false, max: 40 }).world;
      const kremlin = w.proposals.find((p) => p.meeting === 'kremlin')!;
      expect(kremlin.version === 0 || kremlin.version === 1).toBe(true);
      expect(kremlin.terms[south] === withdrawal).toBe(kremlin.version === 1);
      if (kremlin.version === 1) seventh++;
    }
    // Weight 1 of 3.
    expect(seventh / runs).toBeGreaterThan(0.2);
    expect(seventh / runs).toBeLessThan(0.47);
  });

  it('is the same account for the same seed', () => {
    const a = advance(game, initialWorld(game, 77), { record: false, max: 40 }).world.proposals.find((p) => p.meeting === 'kremlin')!;
    const b = advance(game, initialWorld(game, 77), { record: false, max: 40 }).world.proposals.find((p) => p.meeting === 'kremlin')!;
    expect(a.version).toBe(b.version);
  });

  it('has the debrief say the record does not settle it, with the account drawn and the sources', () => {
    const played = playGame(game, 5);
    const d = buildDebrief(game, played.world, played.entries, played.lines);
    expect(d.contested).toHaveLength(1);
    const md = debriefMarkdown(d);
    expect(md).toContain('## What really happened, and what the game invented');
    expect(md).toMatch(
      /### Contested: the record does not settle it\n\n- 6 Aug — the Kremlin.*: the record does not settle what was offered\. This game took ".+" for the truth; the accounts the sources support are "no withdrawal, only no push for Western recognition of the south" \(67 %; \[reuters-misreport\] Reuters/,
    );
  });

  it('sorts what the game rests on into the record, the contested and the invented, citing sources by id', () => {
    const played = playGame(game, 5);
    const md = debriefMarkdown(buildDebrief(game, played.world, played.entries, played.lines));
    const section = (heading: string) => md.split(`### ${heading}`)[1]?.split('\n###')[0]?.split('\n## ')[0] ?? '';
    // An event that fired, with its public source.
    expect(section('On the record')).toContain('- 7 Aug — the envoy briefs European leaders on the Kremlin meeting — [reuters-misreport] Reuters');
    // Russia's flexibility in the south rests on a contested reading: its position is contested.
    expect(section('Contested: the record does not settle it')).toMatch(
      /- Russia's position: its briefing, what it wants and its red lines\. — \[memorandum\] .+; \[south-flexibility\] /,
    );
    expect(section('Contested: the record does not settle it')).toContain('[anchorage-formula]');
    // The envoys' fidelity is the author's judgement.
    expect(section("Invented by the scenario, or the author's judgement")).toContain('[envoy-judgement]');
    // The source list says the same.
    expect(md).toMatch(/- \[south-flexibility\] Putin's flexibility in the south: .+ \(contested\): ⚠/);
    expect(md).toMatch(/- \[envoy-judgement\] Envoy fidelity and bias: the author's judgement \(the author's judgement\)/);
  });

  it('validates its accounts: unknown issues, options and sources are located errors', () => {
    const text = readFileSync(moscow.path, 'utf8')
      .replace('terms: { south: russian-withdrawal }', 'terms: { sout: russian-withdrawal }')
      .replace('        source: reuters-misreport\n  - id: anchorage', '        source: reuter\n  - id: anchorage');
    const result = parseScenario(text, 'm.yaml');
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((p) => p.message);
    expect(messages).toContain('unknown issue "sout" — did you mean "south"?');
    expect(messages.some((m) => m.startsWith('unknown source "reuter"'))).toBe(true);
  });
});
