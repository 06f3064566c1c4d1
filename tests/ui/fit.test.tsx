// Nothing is cut that matters: the table, the proposal builder, the open offers, "What we know" and the log
// at 80×24 and 100×30, with the flagship scenario in the middle of the talks and with moscow-2025-08's long
// posture labels ("Ambiguous maximalist"). Every line fits the terminal; no warning ends in "…"; a label too
// long for its column ends in "…" a space before the next one; the pressure number never runs into the offers.
import { afterEach, describe, expect, it } from 'vitest';
import { Table } from '../../src/ui/screens/Table.js';
import type { GameSession } from '../../src/ui/session.js';
import type { Command } from '../../src/model/types.js';
import { startSession } from '../../src/ui/session.js';
import { Debrief } from '../../src/ui/screens/Debrief.js';
import { alaskaChoice, midGame, playToEnd } from './fixtures.js';
import { KEYS, Providers, renderApp, type Terminal } from './render.js';

let t: Terminal | undefined;
let session: GameSession | undefined;
afterEach(() => {
  t?.unmount();
  session?.actor.stop();
  t = undefined;
  session = undefined;
});

/**
 * The warnings on a line that end in "…": the text from each ⚠ or ✗ to the next " · " (or the end of the
 * line) is one warning, and must be whole.
 */
export function cutWarnings(line: string): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/[⚠✗]/g)) {
    const warning = line.slice(match.index).split(' · ')[0]!.trimEnd();
    if (warning.endsWith('…')) out.push(warning);
  }
  return out;
}

/** What is wrong with a screen: lines wider than the terminal, warnings cut, a label running into a bar or a number into the next column. */
function problems(screen: string, columns: number): string[] {
  const out: string[] = [];
  for (const line of screen.split('\n')) {
    if (Array.from(line).length > columns) out.push(`too wide (${Array.from(line).length}): ${line}`);
    for (const w of cutWarnings(line)) out.push(`warning cut: ${w}`);
    if (/[\p{L}\p{P}][█░]/u.test(line)) out.push(`a label runs into a bar: ${line}`);
    // The pressure number after its bar (not a map's percentage) needs two spaces before whatever follows.
    if (/[█░] +\d{1,3}(?![\d%])(?:\S| \S)/.test(line)) out.push(`a number runs into the next column: ${line}`);
  }
  return out;
}

async function expectClean(term: Terminal, columns: number, rows: number, what: string) {
  for (const frame of term.stdout.frames.slice(-2)) expect(frame.split('\n').length, what).toBeLessThanOrEqual(rows - 1);
  expect(problems(term.screen(), columns), `${what}\n${term.screen()}`).toEqual([]);
}

function table(s: GameSession, viewer: string, columns: number, rows: number): Terminal {
  return renderApp(
    <Providers>
      <Table session={s} viewer={viewer} width={columns} height={rows - 1} onDebrief={() => {}} />
    </Providers>,
    columns,
    rows,
  );
}

/** Goes through every view the brief names and checks each frame; returns the screens seen. */
async function tour(term: Terminal, columns: number, rows: number): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  const settle = async (name: string, until: string | ((s: string) => boolean)) => {
    seen[name] = await term.waitFor(until);
    await expectClean(term, columns, rows, name);
  };
  await settle('table', 'Your move');
  await term.press('p');
  await settle('builder', 'Propose a package');
  await term.press('d');
  await settle('builder in full', (s) => s.includes('d details') && s !== seen.builder);
  await term.press(KEYS.escape);
  await settle('table again', '── Cables');
  await term.press('a');
  await settle('offers', (s) => s.includes('Open proposals to you') || s.includes('Nothing is open'));
  if (seen.offers!.includes('Open proposals to you')) {
    await term.press(KEYS.escape);
    await term.waitFor('── Cables');
  }
  await term.press('i');
  await settle('what we know', '── What we know');
  for (let k = 0; k < 8; k++) {
    await term.press(KEYS.pageDown);
    await expectClean(term, columns, rows, `what we know, page ${k + 2}`);
  }
  await term.press(KEYS.escape);
  await term.waitFor('── Cables');
  await term.press('h');
  await settle('log', '── Log');
  for (let k = 0; k < 4; k++) {
    await term.press(KEYS.up, KEYS.up, KEYS.up, KEYS.up, KEYS.up);
    await expectClean(term, columns, rows, `log, ${k + 1} pages up`);
  }
  await term.press(KEYS.escape);
  await term.waitFor('── Cables');
  return seen;
}

describe.each([
  [80, 24],
  [100, 30],
])('at %i×%i', (columns, rows) => {
  it('the flagship, mid-game: table, builder, offers, what we know and the log fit, and no warning is cut', async () => {
    session = midGame('alaska-2025', 'ukraine', 7, 8);
    t = table(session, 'ukraine', columns, rows);
    const seen = await tour(t, columns, rows);
    // The builder says what the option under the cursor means, on one line at least.
    expect(seen.builder).toContain('The front stops where it is');
    expect(seen['builder in full']!.split('\n').filter((l) => l.startsWith('  ') && !/[●○]/.test(l)).length).toBeGreaterThan(1);
  });

  it('moscow-2025-08 at the start: "Ambiguous maximalist" ends in "…" before the trust bar, or shows whole', async () => {
    session = midGame('moscow-2025-08', 'united-states', 4, 0);
    t = table(session, 'united-states', columns, rows);
    const screen = await t.waitFor('Your move');
    await expectClean(t, columns, rows, 'table');
    const russia = screen.split('\n').find((l) => l.startsWith('Russia '))!;
    expect(russia).toMatch(columns >= 100 ? /Ambiguous maximalist +[█░]/ : /Ambiguous m[a-z]*… +[█░]/);
  });

  it('moscow-2025-08 mid-game, as the play-tester played it', async () => {
    session = midGame('moscow-2025-08', 'united-states', 4, 5);
    t = table(session, 'united-states', columns, rows);
    const seen = await tour(t, columns, rows);
    expect(seen.table).toContain(columns >= 100 ? 'pressure' : 'press');
    // Every key of the table is in the help; the key bar says so when some do not fit.
    if (columns === 80) expect(seen.table).toContain('? more keys');
  });
});

describe('the debrief at 80×24', () => {
  it.each([
    ['alaska-2025', 'ukraine', 7],
    ['moscow-2025-08', 'united-states', 4],
  ])(
    '%s: every line of it fits — hidden preferences and what was said and heard wrapped, not cut',
    async (id, human, seed) => {
      session = playToEnd(id, human, seed);
      expect(session.actor.getSnapshot().context.world.phase).toBe('ended');
      t = renderApp(
        <Providers>
          <Debrief session={session} width={80} height={23} saveTranscript={() => '/tmp/x.md'} />
        </Providers>,
        80,
        24,
      );
      let screen = await t.waitFor('Outcome');
      const seen = new Set<string>();
      for (let k = 0; k < 60; k++) {
        for (const line of screen.split('\n')) seen.add(line);
        await expectClean(t, 80, 24, `debrief, page ${k + 1}`);
        // The debrief wraps everything it says: nothing on it ends in "…".
        expect(screen.split('\n').filter((l) => l.trimEnd().endsWith('…'))).toEqual([]);
        if (!screen.includes('more line')) break;
        await t.press(KEYS.pageDown);
        screen = t.screen();
      }
      expect([...seen].some((l) => l.includes('Hidden preferences, revealed'))).toBe(true);
      expect([...seen].some((l) => /wants "/.test(l))).toBe(true);
      // Playing a whole game and paging the debrief takes seconds on a loaded machine.
    },
    30_000,
  );
});

describe('warnings, whole', () => {
  /** Ukraine commits itself in public on three issues; Russia then tables Ukraine's worst package. */
  function brokenLines(): GameSession {
    const choice = alaskaChoice();
    const prefs = choice.game.prefs.ukraine!;
    const s = startSession({ choice, seed: 7, humans: ['ukraine'] });
    const send = (command: Command) => s.actor.send({ type: 'COMMAND', command });
    const best = (i: number) => prefs.values[i]!.indexOf(Math.max(...prefs.values[i]!));
    const worst = (i: number) => prefs.values[i]!.indexOf(Math.min(...prefs.values[i]!));
    send({ type: 'begin' });
    for (const issue of [0, 2, 6]) {
      send({ type: 'statement', by: 'ukraine', issue, option: best(issue) });
      for (const by of ['russia', 'united-states', 'europe']) send({ type: 'pass', by });
    }
    send({ type: 'pass', by: 'ukraine' });
    send({ type: 'propose', by: 'russia', terms: prefs.values.map((_, i) => worst(i)), channel: 'direct' });
    for (const by of ['united-states', 'europe']) send({ type: 'pass', by });
    return s;
  }
  const joined = (screen: string) => screen.replace(/\n */g, ' ');

  it.each([
    [80, 24],
    [100, 30],
  ])('at %i×%i: accepting that breaks your public line, and a counter-proposal that crosses your red lines', async (columns, rows) => {
    session = brokenLines();
    expect(session.actor.getSnapshot().context.world.parties.ukraine!.commitments).toHaveLength(3);
    t = table(session, 'ukraine', columns, rows);
    await t.waitFor('Your move, Ukraine');
    await t.press('a');
    let screen = await t.waitFor('Open proposals to you');
    await expectClean(t, columns, rows, 'offers');
    expect(joined(screen)).toContain('⚠ accepting breaks your public line on Donetsk, Zaporizhzhia, Recognition of occupied land: you lose credibility');
    expect(joined(screen)).toContain('✗ crosses a red line: you could not sign it');
    // p counters (it proposes, as at the table), from these terms: the builder warns, in full.
    await t.press('p');
    screen = await t.waitFor('Counter to #');
    await expectClean(t, columns, rows, 'counter');
    expect(joined(screen)).toMatch(
      /✗ crosses your red line on [^·]+ · .*⚠ breaks your public line on Donetsk · ⚠ breaks your public line on Zaporizhzhia · ⚠ breaks your public line on Recognition of occupied land/,
    );
  });
});

describe('the check itself', () => {
  it('finds a warning cut short, and lets a whole one through', () => {
    expect(cutWarnings('Your utility 0.61 · ⚠ accepting breaks your public line on Zapor…')).toEqual(['⚠ accepting breaks your public line on Zapor…']);
    expect(cutWarnings("⚠ accounts disagree · R1 Red's readout of its package #1, a very long line that is cut…")).toEqual([]);
    expect(problems('Russia   Ambiguous maxima█░░░░', 80)).toHaveLength(1);
    expect(problems('United States  ██░░░  100#26 Russia', 80)).toHaveLength(1);
    expect(problems('United States  ██░░░  100  #26 Russia', 80)).toEqual([]);
  });
});
