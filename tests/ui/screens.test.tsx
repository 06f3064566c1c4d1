// The screens before the table: title, scenario picker, role picker, briefing — what they show and their keys.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppResult } from '../../src/ui/app-options.js';
import { App } from '../../src/ui/app.js';
import { KEYS, Providers, renderApp, type Terminal } from './render.js';
import { RolePicker } from '../../src/ui/screens/RolePicker.js';
import { alaskaChoice, startAt, testOptions } from './fixtures.js';
import { gameFrom, scenarioPath } from '../helpers/games.js';

let t: Terminal | undefined;
afterEach(() => t?.unmount());

describe('title screen', () => {
  it('shows the name, the tagline and the menu', async () => {
    t = renderApp(<App options={testOptions().options} aiDelayMs={0} />, 80, 24);
    const screen = await t.waitFor('New game');
    expect(screen).toContain('█▀▀▄ ▄▀▀▄');
    expect(screen).toContain('Diplomacy by cable, envoy and summit');
    expect(screen).toMatch(/▸ New game[\s\S]*Help[\s\S]*Quit/);
  });
  it('moves through the menu with the arrows and opens the help', async () => {
    t = renderApp(<App options={testOptions().options} aiDelayMs={0} />, 80, 24);
    await t.waitFor('New game');
    await t.press(KEYS.down);
    expect(t.screen()).toContain('▸ Help');
    await t.press(KEYS.enter);
    const help = await t.waitFor('Help: At the table');
    expect(help).toContain('propose a package');
    await t.press(KEYS.escape);
    await t.waitFor('▸ Help');
  });
  it('does not wrap from "New game" round to "Quit": ↑ at the top stays, and Enter starts a game', async () => {
    const onExit = vi.fn<(r: AppResult) => void>();
    t = renderApp(<App options={testOptions().options} onExit={onExit} aiDelayMs={0} />, 80, 24);
    await t.waitFor('New game');
    await t.press(KEYS.up);
    expect(t.screen()).toContain('▸ New game');
    await t.press(KEYS.down, KEYS.down, KEYS.down);
    expect(t.screen()).toContain('▸ Quit');
    await t.press(KEYS.up, KEYS.up, KEYS.up, KEYS.enter);
    await t.waitFor('Choose a scenario');
    expect(onExit).not.toHaveBeenCalled();
  });
  it('quits from the menu and with q, without saving (no game yet)', async () => {
    const onExit = vi.fn<(r: AppResult) => void>();
    const { options, recorded } = testOptions();
    t = renderApp(<App options={options} onExit={onExit} aiDelayMs={0} />, 80, 24);
    await t.waitFor('New game');
    await t.press('q');
    expect(onExit).toHaveBeenCalledWith({ ended: false });
    expect(recorded.saves).toHaveLength(0);
  });
});

describe('scenario and role pickers', () => {
  it('lists each scenario with its date and summary, and goes back with Esc', async () => {
    t = renderApp(<App options={testOptions().options} aiDelayMs={0} />, 80, 24);
    await t.waitFor('New game');
    await t.press(KEYS.enter);
    let screen = await t.waitFor('Choose a scenario');
    expect(screen).toContain('▸ Alaska, 2025  ·  1 Aug 2025');
    expect(screen).toContain('Mini table  ·  1 Aug 2025');
    expect(screen).toContain('an envoy comes back from the Kremlin');
    await t.press(KEYS.down);
    screen = await t.waitFor('Three parties, three issues');
    expect(screen).toContain('▸ Mini table');
    await t.press(KEYS.escape);
    await t.waitFor('New game');
  });
  it('offers the playable parties, toggles several for hot-seat, and starts with the briefing', async () => {
    t = renderApp(<App options={testOptions().options} aiDelayMs={0} />, 80, 24);
    await t.waitFor('New game');
    await t.press(KEYS.enter, KEYS.enter);
    let screen = await t.waitFor('choose your side');
    for (const name of ['Ukraine', 'Russia', 'United States', 'Europe']) expect(screen).toContain(name);
    expect(screen).toContain('You will play Ukraine');
    await t.press(KEYS.space, KEYS.down, KEYS.space);
    screen = await t.waitFor('Hot-seat: Ukraine, Russia');
    expect(screen).toMatch(/\[x\] Ukraine[\s\S]*\[x\] Russia/);
    await t.press(KEYS.space);
    await t.waitFor('You will play Ukraine.');
    await t.press(KEYS.enter);
    screen = await t.waitFor('CONFIDENTIAL');
    expect(screen).toContain('Briefing for Ukraine');
  });
  it('says what a mediator’s seat is, instead of counting the issues it signs (none)', async () => {
    const game = gameFrom(scenarioPath('camp-david-1978')).public;
    t = renderApp(
      <Providers>
        <RolePicker game={game} width={80} height={24} onStart={() => {}} onBack={() => {}} />
      </Providers>,
      80,
      24,
    );
    const screen = await t.waitFor('choose your side');
    expect(screen).toMatch(/Egypt +Anwar Sadat\n +signs 7 of 7 issues/);
    expect(screen).toMatch(/United States +Jimmy Carter\n +the mediator: signs nothing, scored on what the parties gain/);
    expect(screen).not.toContain('signs 0 of');
  });
});

describe('briefing', () => {
  it("shows the party's briefing, goals, red lines, BATNA and deadlines in plain words", async () => {
    t = renderApp(<App options={testOptions({ start: startAt(alaskaChoice(), ['ukraine']) }).options} aiDelayMs={0} />, 80, 24);
    const first = await t.waitFor('CONFIDENTIAL');
    expect(first).toContain('You are Volodymyr Zelensky');
    expect(first).toContain('Press Enter to go to the table.');
    expect(first).toMatch(/▼ \d+ more lines/);
    // Page through the whole briefing, keeping everything it showed.
    let seen = first;
    for (let i = 0; i < 10 && !t.screen().includes('more above'); i++) {
      await t.press(KEYS.pageDown);
      seen += t.screen();
    }
    expect(seen).toContain('Security guarantees (16%): best is "NATO membership"');
    expect(seen).toContain('Recognition of occupied land: never "De jure"');
    expect(seen).toContain('If the talks fail (your BATNA)');
    expect(seen).toContain('worth about 0.52 to you');
    expect(seen).toContain('Verkhovna Rada');
    expect(seen).toContain('27 Nov — the last week of the talks');
    expect(seen).toContain('The talks run 18 rounds of 7 days');
    // Only Ukraine's own briefing: nothing from another party's.
    expect(seen).not.toContain('You are Vladimir Putin');
    await t.press(KEYS.enter);
    await t.waitFor('Your move, Ukraine');
  });

  it('says a round of one day in words', async () => {
    const moscow = { game: gameFrom(scenarioPath('moscow-2025-08')), hash: 'moscow-hash', path: scenarioPath('moscow-2025-08') };
    t = renderApp(<App options={testOptions({ start: startAt(moscow, ['ukraine']) }).options} aiDelayMs={0} />, 100, 40);
    let seen = await t.waitFor('CONFIDENTIAL');
    for (let i = 0; i < 10 && !seen.includes('more above'); i++) {
      await t.press(KEYS.pageDown);
      seen += t.screen();
    }
    expect(seen).toContain('The talks run 10 rounds of a day');
  });
});
