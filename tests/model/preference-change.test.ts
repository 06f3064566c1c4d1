// An event that changes what a party wants (the `preferences` effect): from that round on the party's own view,
// its AI, the rules (red lines, ratification, commitments) and its score use the new preferences; nobody else
// sees them; a world no event touched is the same as before (and hashes the same).
import { describe, expect, it } from 'vitest';
import { advance, playGame, replay } from '../../src/engine/advance.js';
import { initialWorld } from '../../src/model/world.js';
import { compileGame, prefsOf, utility } from '../../src/model/game.js';
import { hashWorld } from '../../src/model/hash.js';
import { playerView } from '../../src/model/view.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load.js';
import { fixturePath, mini } from '../helpers/games.js';
import { readFileSync } from 'node:fs';

function changed() {
  const r = loadScenarioFile(fixturePath('mini-change.yaml'));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return compileGame(r.scenario);
}

describe('an event that changes a party’s preferences', () => {
  const game = changed();
  const at = (round: number) => {
    const { world } = playGame(game, 5, { record: false });
    return world.round >= round ? world : undefined;
  };

  it('changes the party’s own preferences from that round, and no one else’s', () => {
    let before = initialWorld(game, 5);
    while (before.round < 3 && before.phase !== 'ended') {
      expect(before.preferences).toBeUndefined();
      before = advance(game, before, { max: 1 }).world;
    }
    const world = at(3)!;
    expect(world.preferences?.red).toBeDefined();
    const red = prefsOf(game, world, 'red');
    // Weights renormalised: north 1, sanctions 8, guarantee 1 (kept) over 10.
    expect(red.weights.map((w) => Math.round(w * 10) / 10)).toEqual([0.1, 0.8, 0.1]);
    expect(red.values[2]![1]).toBe(0.2);
    expect(red.redLine[2]![2]).toBe(true);
    expect(playerView(world, game, 'red').preferences).toBe(red);
    expect(playerView(world, game, 'blue').preferences).toBe(game.prefs.blue);
    // The score is measured with the preferences at the end.
    if (world.outcome?.kind === 'deal') expect(utility(red, world.outcome.terms!)).toBeGreaterThanOrEqual(0);
  });

  it('replays to the same world, and leaves games without it as they were', () => {
    const played = playGame(game, 7);
    expect(hashWorld(replay(game, 7, played.entries).world)).toBe(hashWorld(played.world));
    const plain = mini();
    expect(playGame(plain, 7, { record: false }).world.preferences).toBeUndefined();
  });

  it('is checked against the scenario: known party, issues, options; never a mediator', () => {
    const text = readFileSync(fixturePath('mini-change.yaml'), 'utf8').replace('sanctions: 8', 'sanction: 8').replace('monitors: 0.2', 'monitor: 0.2');
    const r = parseScenario(text.replace('extends: mini.yaml', `extends: ${fixturePath('mini.yaml')}`), fixturePath('x.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/unknown issue "sanction"/), expect.stringMatching(/unknown option "monitor"/)]);
    const mediated = `${readFileSync(fixturePath('mini-mediated.yaml'), 'utf8')}events:\n  - { id: e, title: E, when: { round: { gte: 2 } }, fiction: true, effects: [{ preferences: { party: grey, weights: { sanctions: 2 } } }] }\n`;
    const m = parseScenario(mediated, fixturePath('y.yaml'));
    expect(!m.ok && m.problems.map((p) => p.message)).toEqual([`"grey" is a mediator: its preferences are the parties' average, so change a party's instead`]);
  });
});
