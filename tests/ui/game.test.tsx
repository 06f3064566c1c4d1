// The app around a game: hot-seat hand-overs, the help and quit overlays, Ctrl+C, autosave, the size gate,
// NO_COLOR, and the debrief.
import { afterEach, describe, expect, it, vi } from 'vitest';
// Colours on, so that the NO_COLOR test shows colours really are left out (chalk reads this at import).
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});
import type { AppResult } from '../../src/ui/app-options.js';
import { App } from '../../src/ui/app.js';
import { playGame } from '../../src/engine/advance.js';
import { KEYMAP, bindingKeys } from '../../src/ui/keymap.js';
import { KEYS, renderApp, type Terminal } from './render.js';
import { alaskaChoice, miniChoice, startAt, testOptions } from './fixtures.js';

let t: Terminal | undefined;
afterEach(() => t?.unmount());

// eslint-disable-next-line no-control-regex
const COLOUR = /\u001B\[(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

describe('hot-seat', () => {
  it("hides the previous player's briefing and side behind the pass screen, then shows the next player's view", async () => {
    const game = miniChoice().game;
    const { options } = testOptions({ start: startAt(miniChoice(), ['blue', 'red']) });
    t = renderApp(<App options={options} aiDelayMs={0} />, 80, 24);
    await t.waitFor('Pass the keyboard to Blue');
    let screen: string;
    await t.press(KEYS.enter);
    screen = await t.waitFor('Briefing for Blue');
    expect(screen).toContain(game.party.blue!.briefing);
    await t.press(KEYS.enter);
    screen = await t.waitFor('Pass the keyboard to Red');
    // Nothing of Blue's is left on the screen.
    expect(screen).not.toContain(game.party.blue!.briefing);
    expect(screen).not.toContain('North returns to Blue');
    expect(screen).not.toContain('CONFIDENTIAL');
    await t.press(KEYS.enter);
    screen = await t.waitFor('Briefing for Red');
    expect(screen).toContain(game.party.red!.briefing);
    expect(screen).not.toContain(game.party.blue!.briefing);
    await t.press(KEYS.enter);
    // Blue moves first: the keyboard goes back to Blue, whose view the table then shows.
    screen = await t.waitFor('Pass the keyboard to Blue');
    expect(screen).not.toContain('You: Red');
    await t.press(KEYS.enter);
    screen = await t.waitFor('Your move, Blue');
    expect(screen).toContain('You: Blue');
    expect(screen).toContain('★ Blue');
    // Blue passes; Red must act next: the pass screen hides Blue's table.
    await t.press('n');
    screen = await t.waitFor('Pass the keyboard to Red');
    expect(screen).not.toContain('You: Blue');
    await t.press(KEYS.enter);
    screen = await t.waitFor('Your move, Red');
    expect(screen).toContain('You: Red');
  });
});

describe('overlays', () => {
  it('lists every key of the current screen on ?, from the keymap', async () => {
    t = renderApp(<App options={testOptions({ start: startAt(miniChoice(), ['blue']) }).options} aiDelayMs={0} />, 100, 40);
    await t.waitFor('CONFIDENTIAL');
    await t.press(KEYS.enter);
    await t.waitFor('Your move, Blue');
    await t.press('?');
    const screen = await t.waitFor('Help: At the table');
    for (const binding of KEYMAP.table) {
      expect(screen).toContain(bindingKeys(binding));
      expect(screen).toContain(binding.help);
    }
    await t.press(KEYS.escape);
    await t.waitFor('Your move, Blue');
    await t.press('p', '?');
    const builder = await t.waitFor('Help: The proposal builder');
    for (const binding of KEYMAP.builder) expect(builder).toContain(binding.help);
    await t.press(KEYS.escape);
    await t.waitFor('Propose a package');
  });

  it('asks before quitting, saves first, then exits', async () => {
    const onExit = vi.fn<(r: AppResult) => void>();
    const { options, recorded } = testOptions({ start: startAt(miniChoice(), ['blue']) });
    t = renderApp(<App options={options} onExit={onExit} aiDelayMs={0} />, 80, 24);
    await t.waitFor('CONFIDENTIAL');
    await t.press(KEYS.enter);
    await t.waitFor('Your move, Blue');
    await t.press('q');
    await t.waitFor('Quit Backchannel?');
    await t.press('n');
    await t.waitFor('Your move, Blue');
    expect(onExit).not.toHaveBeenCalled();
    const before = recorded.saves.length;
    await t.press('q', 'y');
    expect(recorded.saves.length).toBe(before + 1);
    expect(recorded.saves.at(-1)!.world.phase).toBe('diplomacy');
    expect(onExit).toHaveBeenCalledWith({ ended: false, savedTo: `/tmp/backchannel-test-${before + 1}.json` });
  });

  it('says so when the save fails, and lets the player quit anyway', async () => {
    const onExit = vi.fn<(r: AppResult) => void>();
    const { options } = testOptions({
      start: startAt(miniChoice(), ['blue']),
      save: () => {
        throw new Error('disk full');
      },
    });
    t = renderApp(<App options={options} onExit={onExit} aiDelayMs={0} />, 80, 24);
    await t.waitFor('CONFIDENTIAL');
    await t.press('q', 'y');
    await t.waitFor('Could not save: disk full');
    expect(onExit).not.toHaveBeenCalled();
    await t.press('y');
    expect(onExit).toHaveBeenCalledWith({ ended: false });
  });

  it('saves and exits on Ctrl+C, from anywhere', async () => {
    const onExit = vi.fn<(r: AppResult) => void>();
    const { options, recorded } = testOptions({ start: startAt(miniChoice(), ['blue']) });
    t = renderApp(<App options={options} onExit={onExit} aiDelayMs={0} />, 80, 24);
    await t.waitFor('CONFIDENTIAL');
    await t.press(KEYS.enter, 'p');
    await t.waitFor('Propose a package');
    await t.press(KEYS.ctrlC);
    expect(recorded.saves.length).toBeGreaterThan(0);
    expect(onExit).toHaveBeenCalledOnce();
  });
});

describe('autosave', () => {
  it('saves after every round and after every move a person makes', async () => {
    const { options, recorded } = testOptions({ start: startAt(miniChoice(), ['blue']) });
    t = renderApp(<App options={options} aiDelayMs={0} />, 80, 24);
    await t.waitFor('CONFIDENTIAL');
    await t.press(KEYS.enter);
    await t.waitFor('Your move, Blue');
    await t.press('n');
    await t.waitFor('Round 2/8');
    await t.waitFor('Your move, Blue');
    const rounds = recorded.saves.map((s) => s.world.round);
    expect(rounds).toContain(2);
    // The save after Blue's pass holds it.
    expect(recorded.saves.some((s) => s.log.some((e) => e.command.type === 'pass' && 'by' in e.command && e.command.by === 'blue'))).toBe(true);
  });
});

describe('terminal size and colours', () => {
  it('asks for a larger terminal below 80×24, and redraws the game when it grows', async () => {
    t = renderApp(<App options={testOptions().options} aiDelayMs={0} />, 79, 24);
    let screen = await t.waitFor('Backchannel needs a terminal of at least 80×24 (now 79×24). Enlarge the window.');
    expect(screen).not.toContain('New game');
    t.stdout.resize(80, 24);
    screen = await t.waitFor('New game');
    expect(screen).not.toContain('needs a terminal');
    t.stdout.resize(80, 23);
    await t.waitFor('(now 80×23)');
  });

  it('draws no colour at all with NO_COLOR, and stays readable', async () => {
    const { options } = testOptions({ color: false, start: startAt(alaskaChoice(), ['ukraine']) });
    t = renderApp(<App options={options} aiDelayMs={0} />, 80, 24);
    await t.waitFor('CONFIDENTIAL');
    await t.press(KEYS.enter, 'n');
    const screen = await t.waitFor('≈ hearsay');
    expect(screen).toContain('via Steve Witkoff');
    for (const frame of t.stdout.frames) expect(frame).not.toMatch(COLOUR);
    expect(screen).toContain('★ Ukraine');
    expect(screen).toMatch(/Kherson ▓+░+ \d+%/);
  });

  it('does use colours otherwise', async () => {
    t = renderApp(<App options={testOptions({ start: startAt(miniChoice(), ['blue']) }).options} aiDelayMs={0} />, 80, 24);
    await t.waitFor('CONFIDENTIAL');
    expect(t.stdout.lastFrame()).toMatch(COLOUR);
  });
});

describe('debrief', () => {
  it('shows the outcome, every score, the moments and the hidden preferences; t saves a transcript; q quits', async () => {
    const choice = miniChoice();
    const finished = playGame(choice.game, 5);
    const onExit = vi.fn<(r: AppResult) => void>();
    const { options, recorded } = testOptions({ start: { choice, seed: 5, humans: ['blue'], resume: { world: finished.world, log: finished.entries } } });
    t = renderApp(<App options={options} onExit={onExit} aiDelayMs={0} />, 100, 60);
    await t.waitFor('The talks are over');
    await t.press(KEYS.enter);
    // Blue's moves are rated one by one, with the count on screen, before the debrief appears.
    const frames: string[] = [];
    let screen = await t.waitFor((s) => (frames.push(s), s.includes('Scores against each BATNA')));
    expect(frames.some((f) => /Rating your moves against waiting: \d+ of \d+…/.test(f))).toBe(true);
    expect(screen).toContain('Outcome');
    for (const name of ['★ Blue', 'Red', 'Green']) expect(screen).toMatch(new RegExp(`${name}\\s+[ █]*│[ █]*\\s+[+−]\\d+\\.\\d`));
    expect(screen).toContain('Blue: your best and worst moves');
    expect(screen).toContain('The moments that changed the game');
    // The rest is further down: page through it.
    for (let k = 0; k < 10 && !t.screen().includes('Red · reservation'); k++) await t.press(KEYS.pageDown);
    screen = await t.waitFor('Hidden preferences, revealed');
    // Red's private preferences, now shown: its weights and its reservation value.
    expect(screen).toMatch(/Red · reservation 0\.40/);
    expect(screen).toMatch(/North 50%: wants "North goes to Red"/);
    await t.press('t');
    await t.waitFor('Transcript saved to /tmp/mini-seed-5-transcript.md');
    expect(recorded.transcripts[0]!.markdown).toContain('# Debrief: Mini table');
    expect(recorded.transcripts[0]!.markdown).toContain('## The log');
    await t.press('q');
    expect(onExit).toHaveBeenCalledWith(expect.objectContaining({ ended: true }));
    expect(recorded.saves.length).toBeGreaterThan(0);
  });
});

describe('a class found where the game starts', () => {
  it('is offered first on the title screen; choosing a name ends the app with that student, for the command line to seat', async () => {
    const onExit = vi.fn<(r: AppResult) => void>();
    const { options } = testOptions({
      classOffer: {
        title: 'Moscow, 6 August 2025',
        folder: 'lesson',
        students: [
          { name: 'Ana', table: 'table-1', seat: 'United States' },
          { name: 'Ben', table: 'table-1', seat: 'Russia' },
        ],
      },
    });
    t = renderApp(<App options={options} onExit={onExit} aiDelayMs={0} />, 80, 24);
    let screen = await t.waitFor('Join class');
    expect(screen).toMatch(/▸ Join class +Moscow, 6 August 2025 \(lesson\)/);
    await t.press(KEYS.enter);
    screen = await t.waitFor('Join the class: Moscow, 6 August 2025');
    expect(screen).toMatch(/Ben +table-1 · Russia/);
    await t.press(KEYS.down, KEYS.enter);
    expect(onExit).toHaveBeenCalledWith({ ended: false, student: 'Ben' });
  });

  it('is not offered when there is none: the menu starts with a new game', async () => {
    t = renderApp(<App options={testOptions().options} aiDelayMs={0} />, 80, 24);
    const screen = await t.waitFor('New game');
    expect(screen).toMatch(/▸ New game/);
    expect(screen).not.toContain('Join class');
  });
});
