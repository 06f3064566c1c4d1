// The seed's story as it happened: on 7 August the envoy tells the Europeans his version of the Kremlin meeting;
// on 8 August, on the call Rubio set up, what he told them is checked — and when it was not what Putin said,
// they learn on which issue. In the Moscow scenario this is a path the game takes, not a script: what the envoy
// brought back depends on the seed, and so does whether the Europeans check it first themselves.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/engine/advance.js';
import { runSeed, simulate } from '../../src/engine/simulate.js';
import { compileGame } from '../../src/model/game.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';

const game = compileGame(loadScenarioOrThrow('moscow-2025-08').scenario);
const STORY = 'europe: told otherwise in round 2, found out in round 3';

describe('the seed story of moscow-2025-08', () => {
  it('happens in 20–40% of all-AI games: the 7 August version told to Europe, found out on the 8 August call', { timeout: 120_000 }, () => {
    const runs = 200;
    const trace = simulate(game, runs, 1, { trace: true }).trace!;
    const share = (trace.meetings.kremlin!.told[STORY] ?? 0) / runs;
    expect(share).toBeGreaterThanOrEqual(0.2);
    expect(share).toBeLessThanOrEqual(0.4);
    // Each such game: the account Europe heard garbled Kherson and Zaporizhzhia, and the call found it out.
    const told = trace.games.flatMap((g) => g.meetings.filter((m) => m.meeting === 'kremlin').flatMap((m) => m.accounts));
    const story = told.filter((a) => a.party === 'europe' && a.round === 2 && a.heard === 'otherwise' && a.exposed?.round === 3);
    expect(story.length).toBeGreaterThan(0);
    for (const a of story) expect(a).toMatchObject({ from: 'united-states', channel: 'relay', differs: ['south'] });
    expect(new Set(story.map((a) => a.exposed!.how))).toContain('On the call Rubio set up');
  });

  it('reads in the log as it happened, and the call names the issue that was garbled', () => {
    for (let run = 0; run < 40; run++) {
      const { lines } = playGame(game, runSeed(1, run));
      const exposed = lines.find((l) => l.round === 3 && l.kind === 'exposure' && l.text.startsWith('On the call Rubio set up'));
      if (!exposed) continue;
      expect(lines.some((l) => l.round === 2 && l.text === 'Steve Witkoff, for United States, tells Europe what Russia put on the table (package #1), as he remembers it.')).toBe(
        true,
      );
      expect(exposed.text).toMatch(/^On the call Rubio set up: what United States told Europe is not what Russia said\./);
      expect(exposed.text).toMatch(/\(Where it differs: Kherson and Zaporizhzhia — told "[^"]+", said "[^"]+"\.\)$/);
      expect(exposed.visibleTo).toEqual(['europe', 'united-states']);
      return;
    }
    throw new Error('no game in 40 where the call found the account out');
  });
});
