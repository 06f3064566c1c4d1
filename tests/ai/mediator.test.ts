// The mediator (role: mediator): no preferences of its own — it values a package by the parties' average — it
// signs and accepts nothing, and it runs one text: tabled to every party once each has said what it wants, left
// standing while the answers come in, amended after an objection. It makes deals likelier on the mini table.
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { playGame } from '../../src/engine/advance.js';
import { compileGame, utility } from '../../src/model/game.js';
import { legalCommandTypes } from '../../src/model/rules.js';
import { playerView } from '../../src/model/view.js';
import { initialWorld } from '../../src/model/world.js';
import { step, IllegalCommand } from '../../src/model/step.js';
import { analyseScenario } from '../../src/analysis/scenario-analysis.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { fixturePath, mini } from '../helpers/games.js';

function mediated() {
  const r = loadScenarioFile(fixturePath('mini-mediated.yaml'));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return compileGame(r.scenario);
}

describe('a mediator', () => {
  const game = mediated();

  it('values a package by the parties’ average, and signs nothing', () => {
    const parties = ['blue', 'red', 'green'];
    for (const terms of [
      [0, 0, 0],
      [1, 1, 1],
      [2, 1, 0],
      [1, 2, 2],
    ]) {
      const mean = parties.reduce((a, id) => a + utility(game.prefs[id]!, terms), 0) / parties.length;
      expect(utility(game.prefs.grey!, terms)).toBeCloseTo(mean, 9);
    }
    expect(game.public.signatories).not.toContain('grey');
    expect(game.bargainers).toEqual(['blue', 'red', 'green']);
    expect(analyseScenario(game).parties.map((p) => p.party)).toEqual(['blue', 'red', 'green']);
  });

  it('tables one text to every party, waits for the answers, and amends it after an objection', () => {
    const res = playGame(game, 3);
    const moves = res.entries.filter((e) => 'by' in e.command && e.command.by === 'grey');
    const texts = moves.filter((e) => e.command.type === 'propose');
    expect(texts.length).toBeGreaterThan(0);
    // To every party still at the table: never to itself.
    for (const e of texts) {
      const to = e.command.type === 'propose' ? (e.command.to ?? []) : [];
      expect(to.length).toBeGreaterThanOrEqual(2);
      expect(to).not.toContain('grey');
    }
    expect(texts[0]!.reason).toBe('tabled a single negotiating text for every party to answer');
    expect(moves.some((e) => e.command.type === 'pass' && /waiting: .*text #\d+/.test(e.reason ?? ''))).toBe(true);
    // Somewhere in a few games a party objects, and the text is amended for it.
    const amended = [1, 2, 3, 4, 5, 6, 7, 8].some((seed) =>
      playGame(game, seed).entries.some((e) => 'by' in e.command && e.command.by === 'grey' && /^amended the text after .+ objected: changes on /.test(e.reason ?? '')),
    );
    expect(amended).toBe(true);
    expect(moves.every((e) => e.command.type !== 'accept' && e.command.type !== 'sign')).toBe(true);
  });

  it('may not accept an offer', () => {
    let world = initialWorld(game, 1);
    world = step(game, world, { type: 'begin' });
    world = step(game, world, { type: 'propose', by: 'blue', terms: [0, 1, 2], channel: 'direct' });
    while (game.partyIds[world.turn] !== 'grey') world = step(game, world, { type: 'pass', by: game.partyIds[world.turn]! });
    expect(legalCommandTypes(game, world, 'grey')).not.toContain('accept');
    expect(() => step(game, world, { type: 'accept', by: 'grey', proposal: 1 })).toThrow(IllegalCommand);
    expect(() => step(game, world, { type: 'accept', by: 'grey', proposal: 1 })).toThrow(/mediator/);
    // Its own turn decides a text or a wait, never an acceptance.
    const d = decide(playerView(world, game, 'grey'), game.party.grey!.postures.states.mediating!.strategy, { next: () => 0.5, int: () => 0 } as never);
    expect(['propose', 'pass']).toContain(d.command.type);
  });

  it('makes deals likelier on the mini table than the parties alone', () => {
    const plain = mini();
    const seeds = Array.from({ length: 40 }, (_, k) => k + 1);
    const deals = (g: typeof game) => seeds.filter((s) => playGame(g, s, { record: false }).world.outcome?.kind === 'deal').length;
    expect(deals(game)).toBeGreaterThan(deals(plain));
  }, 60_000);
});

describe('a mediator at the keyboard', () => {
  it('is told why it cannot accept, and what to do instead', async () => {
    const { whyNot } = await import('../../src/ui/hooks/use-table-actions.js');
    const game = mediated();
    let world = initialWorld(game, 1);
    world = step(game, world, { type: 'begin' });
    while (game.partyIds[world.turn] !== 'grey') world = step(game, world, { type: 'pass', by: game.partyIds[world.turn]! });
    expect(whyNot(playerView(world, game, 'grey'), 'accept')).toBe('A mediator signs nothing, so it accepts nothing: table a text everyone can accept (p).');
  });
});

describe('a mediator’s briefing', () => {
  it('says what the seat does instead of listing goals and red lines, on paper and in plain mode', async () => {
    const { briefingMarkdown } = await import('../../src/cli/handouts.js');
    const { briefingText } = await import('../../src/cli/plain/text.js');
    const game = mediated();
    const paper = briefingMarkdown(game, 'grey');
    expect(paper).toContain('## You are the mediator');
    expect(paper).not.toContain('What matters most to you');
    expect(paper).not.toContain('red lines');
    const plain = briefingText(game, 'grey').join('\n');
    expect(plain).toContain('You are the mediator.');
    expect(plain).not.toContain('What matters most to you');
  });
});
