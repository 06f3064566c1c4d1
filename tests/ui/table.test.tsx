// The table: what it shows at 80×24 and what its keys do. The table is rendered on its own around a session
// actor the test holds, so the test can look at the world the commands produced.
import { afterEach, describe, expect, it } from 'vitest';
import { percent } from '../../src/ui/format.js';
import { Table } from '../../src/ui/screens/Table.js';
import { startSession, type GameSession } from '../../src/ui/session.js';
import { KEYS, Providers, renderApp, type Terminal } from './render.js';
import { alaskaChoice, miniChoice } from './fixtures.js';
import type { Command, LogLine } from '../../src/model/types.js';
import { HistoryView } from '../../src/ui/components/HistoryView.js';
import { HelpOverlay } from '../../src/ui/components/HelpOverlay.js';
import { Header } from '../../src/ui/components/Header.js';
import { playerView } from '../../src/model/view.js';
import { initialWorld } from '../../src/model/world.js';

let t: Terminal | undefined;
let session: GameSession | undefined;
afterEach(() => {
  t?.unmount();
  session?.actor.stop();
});

function table(s: GameSession, viewer: string, columns = 80, rows = 24): Terminal {
  return renderApp(
    <Providers>
      <Table session={s} viewer={viewer} width={columns} height={rows - 1} onDebrief={() => {}} />
    </Providers>,
    columns,
    rows,
  );
}

const world = () => session!.actor.getSnapshot().context.world;
const command = (c: Command) => session!.actor.send({ type: 'COMMAND', command: c });
/** Plays the automatic moves until a human must act. */
const advance = () => session!.actor.send({ type: 'ADVANCE' });

describe('the table at 80×24', () => {
  it('shows the date, the round, the map with percentages, postures and the cables', async () => {
    session = startSession({ choice: alaskaChoice(), seed: 7, humans: ['ukraine'] });
    command({ type: 'begin' });
    t = table(session, 'ukraine');
    let screen = await t.waitFor('Your move, Ukraine');
    expect(screen).toContain('1 Aug 2025');
    expect(screen).toContain('Round 1/18');
    expect(screen).toContain('⏱ Next: 8 Aug');
    for (const territory of alaska().scenario.territories) {
      expect(screen).toContain(`${territory.name} `);
      expect(screen).toContain(percent(world().control[territory.id]!));
    }
    for (const posture of ['Firm', 'Maximalist', 'Deal-seeker', 'Guarantor']) expect(screen).toContain(posture);
    // The postures of the moment are short enough to leave room for the pressure as a number.
    const pressure = Math.round(world().parties.russia!.pressure);
    expect(screen).toMatch(new RegExp(`Russia +Maximalist +[░█]{5} +[░█]{5} +${pressure}\\b`));
    expect(screen).toContain('No messages yet.');
    // The frame fits: 23 lines of at most 80 cells.
    const lines = t.stdout.lastFrame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of t.screen().split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(80);

    await t.press('n');
    advance();
    screen = await t.waitFor('United States via Steve Witkoff: package #');
    expect(screen).toContain('Round 2/18');
    // The deadline falls on this round: today, not next.
    expect(screen).toContain('⏱ Today: 8 Aug');
    // Each cable: its status (symbol and word), how reliable, then who, through which channel, what.
    expect(screen).toMatch(/≈ hearsay +70% · R1 United States via Steve Witkoff: package #\d/);
    expect(screen).toMatch(/■ on the record 100% · R1 (Russia|Europe) at the table: package #\d/);
    // Every AI's latest move with its reason.
    expect(screen).toMatch(/Russia\s+R1 proposed: our full demands/);
  });
});

describe('the proposal builder', () => {
  it('at 80×24 says how many issues are above and below the ones it shows', async () => {
    session = startSession({ choice: alaskaChoice(), seed: 7, humans: ['ukraine'] });
    command({ type: 'begin' });
    t = table(session, 'ukraine');
    await t.waitFor('Your move, Ukraine');
    await t.press('p');
    let screen = await t.waitFor('Propose a package');
    const more = /▼ (\d+) more below \(↓\)/.exec(screen);
    expect(more, 'the 14 issues do not all fit: a mark says how many are below').not.toBeNull();
    const shown = screen.split('\n').filter((line) => /[●○]{5}/.test(line)).length;
    expect(shown + Number(more![1])).toBe(alaska().scenario.issues.length);
    for (let i = 0; i < 13; i++) await t.press(KEYS.down);
    screen = await t.waitFor('more above');
    expect(screen).not.toContain('more below');
    expect(screen).toContain('▸ Elections in Ukraine');
  });

  it('changes an option with →, updates the utility, and sends the package with Enter', async () => {
    session = startSession({ choice: alaskaChoice(), seed: 7, humans: ['ukraine'] });
    command({ type: 'begin' });
    t = table(session, 'ukraine');
    await t.waitFor('Your move, Ukraine');
    await t.press('p');
    let screen = await t.waitFor('Propose a package');
    const utilityOf = (s: string) => /Your utility (\d\.\d\d)/.exec(s)?.[1];
    const before = utilityOf(screen);
    expect(screen).toContain('▸ Donetsk');
    expect(screen).toContain('◂ Freeze on the contact line');
    expect(screen).toContain('Your estimate');
    await t.press(KEYS.right);
    screen = await t.waitFor((s) => utilityOf(s) !== before);
    expect(Number(utilityOf(screen))).toBeLessThan(Number(before));
    await t.press(KEYS.down, KEYS.down);
    await t.press(KEYS.right, KEYS.right);
    await t.waitFor('✗ crosses your red line on Zaporizhzhia');
    await t.press(KEYS.left, KEYS.left);
    await t.waitFor('✓ keeps your red lines');
    await t.press(KEYS.enter);
    await t.waitFor('── Front');
    const sent = world().proposals.find((p) => p.by === 'ukraine');
    expect(sent).toBeDefined();
    expect(sent!.terms[0]).toBe(1);
    expect(sent!.channel).toBe('direct');
  });

  it('sends a package through an envoy to one party', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['blue'] });
    command({ type: 'begin' });
    t = table(session, 'blue');
    await t.waitFor('Your move, Blue');
    await t.press('e');
    await t.waitFor('Send an envoy: who goes?');
    await t.press(KEYS.enter);
    await t.waitFor('Send the envoy to…');
    await t.press(KEYS.down, KEYS.enter);
    await t.waitFor('to Green through Blue Aide · off the record');
    await t.press(KEYS.enter);
    await t.waitFor('── Front');
    expect(world().proposals[0]).toMatchObject({ by: 'blue', channel: 'envoy', envoy: 'blue-aide', to: ['green'] });
  });
});

describe('talks off the record', () => {
  it('proposes without a notetaker (Tab), then publishes a readout of those talks', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['blue'] });
    command({ type: 'begin' });
    t = table(session, 'blue');
    await t.waitFor('Your move, Blue');
    await t.press('p', KEYS.tab);
    await t.waitFor('direct talks, no notetaker');
    await t.press(KEYS.enter);
    await t.waitFor('── Front');
    expect(world().messages[0]).toMatchObject({ from: 'blue', channel: 'direct', record: false });
    advance();
    await t.waitFor('Round 2/8');
    await t.press('o');
    await t.waitFor('Readout: of which talks?');
    await t.press(KEYS.enter);
    await t.waitFor('Your readout of package #1 (m1)');
    await t.press(KEYS.enter);
    await t.waitFor('── Front');
    expect(world().messages.some((m) => m.from === 'blue' && m.channel === 'readout')).toBe(true);
  });

  it('passes an offer on, bent, and warns that it differs from what was heard', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['red'] });
    command({ type: 'begin' });
    advance();
    t = table(session, 'red');
    await t.waitFor('Your move, Red');
    await t.press('f');
    await t.waitFor('Pass on: which offer?');
    await t.press(KEYS.enter);
    await t.waitFor('Pass on package #1 (m1) to…');
    await t.press(KEYS.enter);
    await t.waitFor('✓ as you heard it');
    await t.press(KEYS.right);
    await t.waitFor('⚠ 1 issue differs from what you heard');
    await t.press(KEYS.enter);
    await t.waitFor('── Front');
    const relay = world().messages.find((m) => m.channel === 'relay');
    expect(relay).toMatchObject({ from: 'red', to: ['green'] });
  });
});

describe('answering and other actions', () => {
  function redToAnswer() {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['red'] });
    command({ type: 'begin' });
    advance();
    return table(session, 'red');
  }

  it('lists the open proposals with the terms as heard, and accepts one', async () => {
    t = redToAnswer();
    let screen = await t.waitFor('Your move, Red');
    expect(screen).toMatch(/#1 Blue/);
    await t.press('a');
    screen = await t.waitFor('Open proposals to you');
    expect(screen).toContain('#1 from Blue');
    expect(screen).toContain('#1 as you heard it');
    expect(screen).toMatch(/Your utility \d\.\d\d vs your BATNA/);
    await t.press('a');
    await t.waitFor('── Front');
    expect(world().proposals[0]!.accepted).toContain('red');
  });

  it('asks before accepting across your own red line, and accepts only on yes', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['blue'] });
    command({ type: 'begin' });
    command({ type: 'pass', by: 'blue' });
    advance();
    t = table(session, 'blue');
    await t.waitFor('Your move, Blue');
    const crossing = world().proposals.find((p) => p.by === 'red' && p.terms[0] === 2 && p.to.includes('blue'));
    expect(crossing, "Red opens with North going to Red, across Blue's red line").toBeDefined();
    await t.press('a');
    await t.waitFor('Open proposals to you');
    for (let i = 0; i < 5 && !t.screen().includes(`▸ #${crossing!.id}`); i++) await t.press(KEYS.down);
    await t.press('a');
    const screen = await t.waitFor(`Accept #${crossing!.id} across your own red line?`);
    expect(screen).toContain('It crosses your red line on North.');
    await t.press('n');
    await t.waitFor('── Front');
    expect(world().proposals.find((p) => p.id === crossing!.id)!.accepted).not.toContain('blue');
    await t.press('a');
    await t.waitFor('Open proposals to you');
    for (let i = 0; i < 5 && !t.screen().includes(`▸ #${crossing!.id}`); i++) await t.press(KEYS.down);
    await t.press('a');
    await t.waitFor('across your own red line?');
    await t.press('y');
    await t.waitFor('── Front');
    expect(world().proposals.find((p) => p.id === crossing!.id)!.accepted).toContain('blue');
  });

  it('rejects a proposal', async () => {
    t = redToAnswer();
    await t.waitFor('Your move, Red');
    await t.press('r');
    await t.waitFor('Open proposals to you');
    await t.press('r');
    await t.waitFor('── Front');
    expect(world().proposals[0]!.rejected).toContain('red');
  });

  it('offers a proposal you rejected again while it is on the table, and accepts it after all', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['red'] });
    command({ type: 'begin' });
    command({ type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    command({ type: 'reject', by: 'red', proposal: 1 });
    command({ type: 'pass', by: 'green' });
    command({ type: 'pass', by: 'blue' });
    t = table(session, 'red');
    await t.waitFor('Your move, Red');
    await t.press('a');
    const screen = await t.waitFor('Open proposals to you');
    expect(screen).toMatch(/#1 from Blue .* you said no/);
    expect(screen).toContain('You rejected #1, but it is still on the table: a accepts it after all.');
    await t.press('r');
    await t.waitFor('You have already rejected #1.');
    expect(world().proposals[0]!.rejected).toEqual(['red']);
    await t.press('a');
    await t.waitFor('── Front');
    expect(world().proposals[0]!.accepted).toContain('red');
    expect(world().proposals[0]!.rejected).toEqual([]);
  });

  it('makes a public statement: issue, then option', async () => {
    t = redToAnswer();
    await t.waitFor('Your move, Red');
    await t.press('s');
    await t.waitFor('Public statement: on which issue?');
    await t.press(KEYS.enter);
    await t.waitFor('Public statement on North: nothing less than…');
    await t.press(KEYS.down, KEYS.down, KEYS.enter);
    await t.waitFor('── Front');
    expect(world().parties.red!.commitments).toMatchObject([{ issue: 0, option: 2 }]);
  });

  it('shows why a command was refused, and why a key does nothing now', async () => {
    t = redToAnswer();
    await t.waitFor('Your move, Red');
    command({ type: 'accept', by: 'red', proposal: 99 });
    await t.waitFor('✗ Refused: proposal #99 is not open to Red');
    await t.press('c');
    await t.waitFor('Nothing you heard second-hand is left to clarify.');
    await t.press('n');
    await t.press('p');
    await t.waitFor("Not now: it is Green's turn.");
  });

  it('opens the full log with h and closes it with Esc', async () => {
    t = redToAnswer();
    await t.waitFor('Your move, Red');
    await t.press('h');
    const screen = await t.waitFor('── Log');
    expect(screen).toContain('the talks open');
    await t.press(KEYS.escape);
    await t.waitFor('── Front');
  });

  it('asks before walking out', async () => {
    t = redToAnswer();
    await t.waitFor('Your move, Red');
    await t.press('w');
    await t.waitFor('Walk out of the talks?');
    await t.press('n');
    await t.waitFor('── Front');
    await t.press('w', 'y');
    await t.waitFor('✗ walked out');
    expect(world().parties.red!.status).toBe('walked-out');
    // Out of the talks, w brings you back: the key bar says so.
    for (let k = 0; k < 5 && world().turn !== 1; k++) advance();
    const screen = await t.waitFor('you have walked out');
    expect(screen).toContain('w come back');
    expect(screen).not.toContain('w walk out');
    await t.press('w');
    await t.waitFor(() => world().parties.red!.status === 'active');
  });

  it('says what each choice is in the pickers: the envoys as seen, the summit, the levers', async () => {
    session = startSession({ choice: alaskaChoice(), seed: 7, humans: ['ukraine'] });
    command({ type: 'begin' });
    t = table(session, 'ukraine');
    await t.waitFor('Your move, Ukraine');
    await t.press('m');
    let screen = await t.waitFor('Call a summit with');
    expect(screen.replace(/\n/g, ' ')).toContain("raises both sides' trust a little, and both sides' pressure");
    expect(screen).toContain('trust ▲ both ways · pressure ▲ on both');
    await t.press(KEYS.escape);
    await t.press('l');
    screen = await t.waitFor('Pressure: apply or lift a lever');
    // Whom it presses and whom it costs, in the lever's own numbers.
    expect(screen).toMatch(
      /Apply: Long-range drone strikes on Russian refineries\s+costs you pressure \+2 · presses Russia: pressure \+6, its no-deal value\s+−0.01, its trust in you falls/,
    );
    await t.press(KEYS.escape);
    await t.press('e');
    screen = await t.waitFor('Send an envoy: who goes?');
    expect(screen).toContain('nothing seen of this envoy yet');
  });
});

describe('the open proposals: p counters, c clarifies — as at the table', () => {
  function redHearsEnvoy() {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['red'] });
    command({ type: 'begin' });
    command({ type: 'propose', by: 'blue', terms: [0, 1, 2], channel: 'envoy', envoy: 'blue-aide', to: ['red'] });
    return table(session, 'red');
  }

  it('c asks Blue to confirm what its envoy said', async () => {
    t = redHearsEnvoy();
    await t.waitFor('Your move, Red');
    await t.press('a');
    const screen = await t.waitFor('Open proposals to you');
    expect(screen).toMatch(/#1 as you heard it .*≈ hearsay · c asks to confirm/);
    expect(screen).toContain('p counter');
    expect(screen).toContain('c clarify');
    await t.press('c');
    await t.waitFor(() => world().messages[0]!.clarified.includes('red'));
  });

  it('p opens the builder with these terms, as a counter-proposal', async () => {
    t = redHearsEnvoy();
    await t.waitFor('Your move, Red');
    await t.press('a');
    await t.waitFor('Open proposals to you');
    await t.press('p');
    await t.waitFor('Counter to #1');
  });

  it('t sends the counter to the whole table instead of the proposer alone', async () => {
    t = redHearsEnvoy();
    await t.waitFor('Your move, Red');
    await t.press('a');
    await t.waitFor('Open proposals to you');
    await t.press('p');
    let screen = await t.waitFor('Counter to #1');
    expect(screen).toMatch(/to Blue · direct talks/);
    await t.press('t');
    screen = await t.waitFor('to everyone at the table');
    expect(screen).toContain('t to');
    await t.press(KEYS.enter);
    await t.waitFor(() => world().proposals.length === 2);
    expect(world().proposals[1]).toMatchObject({ by: 'red', replyTo: 1, to: ['blue', 'green'] });
  });

  it('i opens what we know at the talks of the chosen package', async () => {
    t = redHearsEnvoy();
    await t.waitFor('Your move, Red');
    await t.press('a');
    await t.waitFor('Open proposals to you');
    await t.press('i');
    const screen = await t.waitFor('What we know');
    expect(screen).toContain("Blue's package #1 to you");
  });

  it('the help says so, with the legend of the symbols', () => {
    t = renderApp(
      <Providers>
        <HelpOverlay scope="offers" width={80} height={60} onClose={() => {}} />
      </Providers>,
      80,
      61,
    );
    const screen = t.screen();
    expect(screen).toMatch(/p +counter: propose a package of your own, starting from these terms/);
    expect(screen).toMatch(/c +ask the sender to confirm what you heard/);
    expect(screen).toMatch(/●●●●○ +what an option is worth to you/);
  });
});

describe('your own proposal at the table', () => {
  it('says who accepted it and how many have yet to answer, in words, not cut', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['blue'] });
    command({ type: 'begin' });
    command({ type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    command({ type: 'accept', by: 'red', proposal: 1 });
    command({ type: 'pass', by: 'green' });
    t = table(session, 'blue');
    const screen = await t.waitFor('Your move, Blue');
    expect(screen).toContain('Your #1: ✓ Red · 1 to answer');
    for (const line of screen.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(80);
  });
});

describe('a proposal that leaves the table', () => {
  function supersededForRed() {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['red'] });
    command({ type: 'begin' });
    command({ type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    command({ type: 'pass', by: 'red' });
    command({ type: 'pass', by: 'green' });
    command({ type: 'propose', by: 'blue', terms: [0, 1, 1], channel: 'direct' });
    return table(session, 'red');
  }

  it('is listed under the open offers as withdrawn, and the full log says why', async () => {
    t = supersededForRed();
    let screen = await t.waitFor('Your move, Red');
    expect(screen).toMatch(/#2 Blue/);
    expect(screen).toContain('#1 Blue: withdrawn (R2)');
    await t.press('h');
    screen = await t.waitFor('Log');
    expect(screen).toContain("R2 Blue's package #1 is withdrawn: its new offer replaces it.");
  });

  it('in what we know, typing a package number jumps to its talks; a number with none says so', async () => {
    t = supersededForRed();
    await t.waitFor('Your move, Red');
    await t.press('i');
    let screen = await t.waitFor('What we know');
    // The newest talks come first: #2 at the top, #1 below.
    expect(screen.split('\n')[5]).toContain("Blue's package #2");
    expect(screen).not.toContain('more above');
    await t.press('1');
    screen = await t.waitFor('more above');
    expect(screen).toContain("Blue's package #1");
    await t.press('9');
    screen = await t.waitFor('no talks about #19 that you know of');
    expect(screen).toContain('0–9 package');
  });
});

describe('the header after the talks', () => {
  it('never shows "Round 20/18": implementation runs after the talks', () => {
    const game = alaska();
    const view = { ...playerView(initialWorld(game, 7), game, 'ukraine'), round: 20, phase: 'implementation' as const };
    t = renderApp(
      <Providers>
        <Header view={view} width={80} />
      </Providers>,
      80,
      24,
    );
    expect(t.screen()).toContain('Implementation, round 20');
    expect(t.screen()).not.toContain('20/18');
  });
});

describe('the full log', () => {
  it('wraps long lines under a hanging indent: every word is there, no line is wider than the screen', () => {
    const text =
      'Russia strikes the energy grid again — Moscow says power plants that feed the arms industry are legitimate targets, and that it will go on until Kyiv accepts the terms it set out in Istanbul.';
    const lines: LogLine[] = [1, 2, 3].map((round) => ({ round, kind: 'event', text }));
    for (const columns of [80, 100]) {
      t = renderApp(
        <Providers>
          <HistoryView lines={lines} width={columns} rows={22} onClose={() => {}} />
        </Providers>,
        columns,
        24,
      );
      const screen = t.screen();
      for (const line of screen.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(columns);
      const body = screen
        .split('\n')
        .slice(1)
        .map((l) => l.trim())
        .join(' ');
      expect(body).toContain(`R3 ${text}`);
      expect(body).toContain('legitimate targets');
      t.unmount();
    }
    t = undefined;
  });
});

describe('signing', () => {
  it('shows the agreement as written with your utility, and signs it', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['blue', 'red', 'green'] });
    command({ type: 'begin' });
    command({ type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    command({ type: 'accept', by: 'red', proposal: 1 });
    command({ type: 'accept', by: 'green', proposal: 1 });
    expect(world().phase).toBe('signing');
    t = table(session, 'blue');
    const screen = await t.waitFor('Signing: package #1, as written');
    expect(screen).toContain('Split on the line');
    expect(screen).toMatch(/Your utility \d\.\d\d vs your BATNA/);
    expect(screen).toContain('s sign');
    await t.press('s');
    await t.waitFor((s) => !s.includes('Signing: package'));
    expect(world().agreement!.signed).toEqual(['blue']);
  });
});

function alaska() {
  return alaskaChoice().game;
}
