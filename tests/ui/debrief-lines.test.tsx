// The debrief on screen: the length of the talks apart from implementation, the scores' yardstick, the moves
// rated against waiting, one set of information counts, and the scenario's notes for teachers and sources.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/analysis/debrief/build.js';
import { playGame } from '../../src/engine/advance.js';
import { impactsByParty } from '../../src/engine/move-impact.js';
import { rebuildLog } from '../../src/cli/save-store.js';
import { debriefLines } from '../../src/ui/debrief-lines.js';
import { makeTheme } from '../../src/ui/theme.js';
import { alaska } from '../helpers/games.js';

const WIDTH = 80;

describe('debriefLines', () => {
  const game = alaska();
  // An AI game that ends in a deal (the first seed from 505 that does), with Ukraine's moves rated as if a person had made them.
  let seed = 505;
  while (playGame(game, seed, { record: false }).world.outcome?.kind !== 'deal') seed++;
  const { world, entries: log } = playGame(game, seed);
  const humans = ['ukraine'];
  const d = buildDebrief(game, world, log, rebuildLog(game, seed, log), { humans, impacts: impactsByParty(game, seed, log, humans) });
  const lines = debriefLines(d, WIDTH, makeTheme(false), () => undefined).map((l) => l.map((p) => p.text).join(''));
  const screen = lines.join('\n');
  // The text as one line, for sentences the screen wraps.
  const flat = screen.replace(/\s+/g, ' ');

  it('never draws past the width', () => {
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(WIDTH);
  });

  it('gives the length of the talks apart from implementation, and the scores’ yardstick', () => {
    expect(d.signedIn).toBeDefined();
    expect(screen).toContain(`✓ Deal · signed in round ${d.signedIn} of 18; carried out over ${d.afterSigning} more rounds`);
    expect(screen).toContain('Scores against each BATNA at the start');
    expect(flat).toContain("against each party's BATNA at the start — its reservation value (the scenario's scoring baseline, 'initial-batna')");
  });

  it('shows the moves rated against waiting', () => {
    expect(screen).toContain('Ukraine: your best and worst moves');
    expect(flat).toContain('what the game would have been had you waited instead, everything else played by the AI');
    expect(flat).toMatch(/▲ Round \d+: [^▲▼]* \(\+\d+\.\d points against waiting\)/);
  });

  it('shows the information counts of the one list', () => {
    const info = d.information;
    expect(flat).toContain(`${info.messages} messages were sent (${info.viaEnvoy} through envoys, ${info.public} in public).`);
    if (info.distorted > 1) expect(flat).toContain(`${info.distorted} reached someone otherwise than they were said;`);
    if (info.distorted > 0) expect(flat).toContain(`Parties misled: ${info.misled} (a party counted once per message)`);
  });

  it('ends with the scenario’s notes for teachers and its sources', () => {
    const notes = lines.indexOf('Teacher notes');
    const sources = lines.indexOf('Sources');
    expect(notes).toBeGreaterThan(lines.indexOf('Hidden preferences, revealed'));
    expect(sources).toBeGreaterThan(notes);
    expect(screen).toMatch(/What this scenario teaches\./);
    expect(lines.slice(sources).filter((l) => l.startsWith('  • ')).length).toBe(game.scenario.meta.sources.length);
  });
});
