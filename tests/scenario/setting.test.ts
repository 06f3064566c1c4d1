// Talks in peacetime: a scenario that opens under a ceasefire and says what is at stake is a dispute, not a war.
// The front stays put, and nothing the game says — the log, the outcome, the AI's reasons, the briefing — calls
// it a war.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/engine/advance.js';
import { step } from '../../src/model/step.js';
import { currentActor } from '../../src/model/view.js';
import { initialWorld } from '../../src/model/world.js';
import type { Command } from '../../src/model/types.js';
import { compileGame } from '../../src/model/game.js';
import { parseScenario } from '../../src/scenario/load.js';
import { briefingText } from '../../src/cli/plain/text.js';
import { batnaWords } from '../../src/ui/format.js';
import { edit } from './fixture.js';

function gameOf(text: string) {
  const r = parseScenario(text, 'f.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return compileGame(r.scenario);
}

const peace = gameOf(edit('  date: 2025-08-01', '  date: 2025-08-01\n  setting: peace').replace('dynamics:\n', 'dynamics:\n  ceasefire: true\n'));
const war = gameOf(edit('  date: 2025-08-01', '  date: 2025-08-01'));

describe('a scenario in peacetime', () => {
  it('opens under a ceasefire: the front does not move', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { world } = playGame(peace, seed);
      expect(world.ceasefire || world.outcome?.kind === 'deal').toBe(true);
      if (world.outcome?.kind !== 'deal') expect(world.control.east).toBe(peace.scenario.territories[0]!.control);
    }
    expect(playGame(war, 1).world.control.east).not.toBe(war.scenario.territories[0]!.control);
  });

  it('never says "war": not in the log, the outcome, the reasons or the briefing', () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const { lines, entries, world } = playGame(peace, seed);
      for (const l of lines) expect(l.text).not.toMatch(/\bwar\b/);
      for (const e of entries) expect(e.reason ?? '').not.toMatch(/\bwar\b/);
      outcomes.add(world.outcome!.summary);
    }
    // Both ways a game ends are said in the dispute's words.
    expect([...outcomes].some((o) => /the dispute (goes on|is settled on these terms)/.test(o))).toBe(true);
    expect(briefingText(peace, 'red').join('\n')).toContain('Without a deal the dispute goes on');
    expect(batnaWords(peace.prefs.red!, 0.4, peace.public.setting)).toMatch(/^No deal — the dispute going on — is worth about 0\.40/);
    expect(briefingText(war, 'red').join('\n')).toContain('Without a deal the war goes on');
  });

  it('says the dispute goes on when the talks run out', () => {
    // Everyone waits to the last round: no deal, in the dispute's words.
    let w = step(peace, initialWorld(peace, 3), { type: 'begin' });
    for (let guard = 0; guard < 200 && w.phase !== 'ended'; guard++) {
      const who = currentActor(w, peace);
      const command: Command = who === undefined ? { type: 'continue' } : { type: 'pass', by: who };
      w = step(peace, w, command);
    }
    expect(w.outcome?.kind).toBe('no-deal');
    expect(w.outcome?.summary).toBe('The last round passed without a signed agreement: the dispute goes on, and every party is left with its BATNA.');
  });
});
