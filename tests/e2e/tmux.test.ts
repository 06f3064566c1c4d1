// End to end in a real terminal: the bundled CLI runs in tmux at 100×30 and is played with keystrokes only —
// title screen, scenario, role, briefing, every round at the table, the debrief — while the test reads the
// screen with capture-pane. Keys follow src/ui/keymap.ts: Enter chooses, n passes, q quits, Ctrl+C saves and
// leaves. Skipped with a notice when tmux is missing (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSave } from '../../src/engine/save.js';
import { cliEnv, ensureBuilt, runCli, tempDir } from '../cli/helpers.js';
import { tmuxServer } from './terminal.js';

const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
if (!hasTmux) console.warn('tests/e2e/tmux.test.ts: tmux is not installed, so the end-to-end test is skipped (.ci/run installs it).');

const { start, kill } = tmuxServer('backchannel-e2e');

const state = tempDir('backchannel-e2e-');
const env = { XDG_STATE_HOME: state, XDG_CACHE_HOME: join(state, 'cache') };

describe.skipIf(!hasTmux)('the game in a real terminal (tmux, 100×30)', () => {
  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => {
    kill();
    rmSync(state, { recursive: true, force: true });
  });

  it('plays the flagship scenario from the title screen to the debrief with keystrokes only', async () => {
    const pane = start(['--seed', '5'], env);
    const title = await pane.waitFor(/New game/);
    expect(title).toContain('Diplomacy by cable, envoy and summit');
    expect(title).toMatch(/Enter choose/);

    pane.keys('Enter');
    expect(await pane.waitFor(/Choose a scenario/)).toContain('Alaska, 2025');
    pane.keys('Enter');
    expect(await pane.waitFor(/choose your side/)).toMatch(/▸ \[ \] Ukraine/);
    pane.keys('Enter');
    const briefing = await pane.waitFor(/Briefing for Ukraine/);
    expect(briefing).toContain('CONFIDENTIAL');
    pane.keys('Enter');

    // The table: pass every round (n) until the talks are over. Ukraine moves first in each round, so after a
    // pass the next "Your move" comes with the next round's header.
    let screen = await pane.waitFor(/Round 1\/18 · Diplomacy[\s\S]*Your move, Ukraine/);
    expect(screen).toMatch(/── Front ─/);
    expect(screen).toMatch(/Donetsk ▓+░* \d+%/);
    expect(screen).toMatch(/── Parties ─/);
    let round = 1;
    for (let guard = 0; guard < 40 && !/The talks are over/.test(screen); guard++) {
      if (round === 3) {
        // A lever says whom it presses and what it costs; the full log says which offers left the table, and why.
        pane.keys('l');
        expect(await pane.waitFor(/Pressure: apply or lift a lever/)).toMatch(/costs you pressure \+\d+ · presses Russia: pressure \+\d+/);
        pane.keys('Escape');
        await pane.waitFor(/Your move, Ukraine/);
        pane.keys('h');
        expect(await pane.waitFor(/── Log/)).toMatch(/package #\d+ is withdrawn: its new offer replaces it\./);
        pane.keys('Escape');
        await pane.waitFor(/Your move, Ukraine/);
      }
      pane.keys('n');
      screen = await pane.waitFor(new RegExp(`Round ${round + 1}/18 · Diplomacy[\\s\\S]*Your move, Ukraine|The talks are over`), 30_000);
      round++;
    }
    expect(screen).toContain('The talks are over');
    expect(screen).toMatch(/Round \d+\/18 · Over/);

    pane.keys('Enter');
    // Wait for the whole frame, not just its first line.
    const debrief = await pane.waitFor(/Debrief · Alaska, 2025[\s\S]*Scores against each BATNA[\s\S]*★ Ukraine/);
    expect(debrief).toMatch(/seed 5/);
    expect(debrief).toMatch(/Outcome/);
    expect(debrief).toMatch(/Scores against each BATNA/);
    expect(debrief).toMatch(/★ Ukraine\s.*utility 0\.\d\d vs 0\.\d\d/);

    pane.keys('q');
    const after = await pane.waitFor(/\[exit \d+\]/);
    expect(after).toContain('[exit 0]');
    const saved = /Saved to (\S+)/.exec(after)?.[1];
    expect(saved).toBe(join(state, 'backchannel', 'alaska-2025-seed-5.json'));
    const save = parseSave(readFileSync(saved!, 'utf8'));
    expect(save.humans).toEqual(['ukraine']);
    const replay = await runCli(['replay', saved!], { env: cliEnv(state) });
    expect(replay.stderr).toBe('');
    expect(replay.stdout).toMatch(/^ok: alaska-2025 seed 5, \d+ commands, round 18, no deal \(deadline\), hash [0-9a-f]{16}\n$/);
    expect(replay.code).toBe(0);
  }, 180_000);

  it('Ctrl+C at the table saves the game, restores the terminal and exits 0', async () => {
    const file = join(state, 'ctrl-c.json');
    const pane = start(['play', 'alaska-2025', '--as', 'russia', '--seed', '8', '--save', file], env);
    await pane.waitFor(/Briefing for Russia/);
    pane.keys('Enter');
    await pane.waitFor(/Your move, Russia/, 30_000);
    pane.keys('C-c');
    const after = await pane.waitFor(/\[exit \d+\]/);
    expect(after).toContain('[exit 0]');
    expect(after).toContain(`Saved to ${file}`);
    expect(after).not.toMatch(/Error|at .+:\d+:\d+/);
    // Back on the normal screen: the game's frame is gone.
    expect(after).not.toContain('── Parties ─');
    expect(parseSave(readFileSync(file, 'utf8')).humans).toEqual(['russia']);
    // And the save resumes at the table, where it was left.
    const resumed = start(['play', '--load', file], env);
    await resumed.waitFor(/Your move, Russia/, 30_000);
    resumed.keys('q');
    await resumed.waitFor(/Quit Backchannel\?/);
    resumed.keys('y');
    expect(await resumed.waitFor(/\[exit \d+\]/)).toContain('[exit 0]');
  }, 90_000);

  it('started next to a class folder, offers to join it: the student picks their name and sits at their seat', async () => {
    const room = join(state, 'classroom');
    mkdirSync(room, { recursive: true });
    writeFileSync(join(room, 'names.txt'), 'Ana\nBen, russia\n');
    const made = await runCli(['class', 'new', join(room, 'lesson'), '--scenario', 'moscow-2025-08', '--roster', join(room, 'names.txt'), '--seats-per-table', '2'], {
      env: cliEnv(state),
    });
    expect(made.code, made.stderr).toBe(0);
    const pane = start(['play'], env, { columns: 100, rows: 30 }, room);
    expect(await pane.waitFor(/Join class/)).toMatch(/▸ Join class +Moscow, 6 August 2025 \(lesson\)/);
    pane.keys('Enter');
    expect(await pane.waitFor(/Join the class/)).toMatch(/Ben +table-1 · Russia/);
    pane.keys('Down', 'Enter');
    await pane.waitFor(/Briefing for Russia/);
    pane.keys('q');
    await pane.waitFor(/Quit Backchannel\?/);
    pane.keys('y');
    expect(await pane.waitFor(/\[exit \d+\]/)).toContain('[exit 0]');
    // The game went to the class folder, signed, under Ben's name.
    expect(readdirSync(join(room, 'lesson', 'saves')).filter((f) => f.endsWith('.json'))).toEqual(['table-1-ben.json']);
  }, 60_000);

  it('play SCENARIO alone asks for the side, then opens at its briefing', async () => {
    const pane = start(['play', 'alaska-2025', '--seed', '4', '--save', join(state, 'side.json')], env);
    expect(await pane.waitFor(/Choose your party/)).toMatch(/2\. russia — Russia/);
    pane.keys('2', 'Enter');
    await pane.waitFor(/Briefing for Russia/);
    pane.keys('q');
    await pane.waitFor(/Quit Backchannel\?/);
    pane.keys('y');
    expect(await pane.waitFor(/\[exit \d+\]/)).toContain('[exit 0]');
  }, 60_000);

  it('says how large the terminal must be when it is too small', async () => {
    const pane = start(['--seed', '1'], env, { columns: 60, rows: 20 });
    expect(await pane.waitFor(/needs a terminal of at least 80×24/)).toContain('now 60×20');
    pane.keys('q');
    expect(await pane.waitFor(/\[exit \d+\]/)).toContain('[exit 0]');
    // Nothing was played, so nothing was saved for this seed.
    expect(readdirSync(join(state, 'backchannel')).filter((f) => f.includes('seed-1.'))).toEqual([]);
  }, 60_000);

  it('shows the progress of a long simulate in the terminal, and none when its output is piped or --json', async () => {
    // Long enough to be seen on a fast machine: the bar shows only while the games run (about 5 s here).
    const pane = start(['simulate', 'moscow-2025-08', '--runs', '2000'], env);
    expect(await pane.waitFor(/simulating [█░]+ \d+\/2000/, 30_000)).toMatch(/simulating/);
    const done = await pane.waitFor(/\[exit \d+\]/, 120_000);
    expect(done).toContain('[exit 0]');
    expect(done).not.toContain('simulating');
    const piped = await runCli(['simulate', 'moscow-2025-08', '--runs', '20'], { env: cliEnv(state) });
    expect(piped.stderr).toBe('');
  }, 180_000);
});
