// Information at the table and in the debrief: every cable's status (from the cable machine) as a word and a
// symbol, the flag on accounts that disagree, the "What we know" view (for sure vs told, versions side by side),
// at 80×24 and without colour. The worlds are played through the real rules (tests/analysis/info-fixture.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
// Colours on, so that the NO_COLOR test shows colours really are left out (chalk reads this at import).
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});
import { cableStatus } from '../../src/engine/channel-machine.js';
import { playerView } from '../../src/model/view.js';
import { HelpOverlay } from '../../src/ui/components/HelpOverlay.js';
import { CABLE_LOOK } from '../../src/ui/format.js';
import { talksGroups } from '../../src/ui/intel.js';
import { intelLines } from '../../src/ui/intel-lines.js';
import { barItems, KEYMAP } from '../../src/ui/keymap.js';
import { Debrief } from '../../src/ui/screens/Debrief.js';
import { Table } from '../../src/ui/screens/Table.js';
import { startSession, type GameSession } from '../../src/ui/session.js';
import { makeTheme } from '../../src/ui/theme.js';
import { infoGame, MSG, type Played } from '../analysis/info-fixture.js';
import { KEYS, Providers, renderApp, type Terminal } from './render.js';

let t: Terminal | undefined;
let session: GameSession | undefined;
afterEach(() => {
  t?.unmount();
  session?.actor.stop();
  t = undefined;
  session = undefined;
});

// eslint-disable-next-line no-control-regex
const COLOUR = /\u001B\[(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

function sessionOf(played: Played, viewer: string): GameSession {
  return startSession({
    choice: { game: played.game, hash: 'info', path: 'info.yaml' },
    seed: played.world.seed,
    humans: [viewer],
    resume: { world: played.world, log: played.commands.map((command) => ({ command, round: 1 })) },
  });
}

function table(played: Played, viewer: string, columns = 80, rows = 24, color = true): Terminal {
  session = sessionOf(played, viewer);
  return renderApp(
    <Providers color={color}>
      <Table session={session} viewer={viewer} width={columns} height={rows - 1} onDebrief={() => {}} />
    </Providers>,
    columns,
    rows,
  );
}

/** The line of the screen that contains `text`. */
const lineWith = (screen: string, text: string) => screen.split('\n').find((l) => l.includes(text)) ?? `(no line with ${text})`;

function expectFits(term: Terminal, columns: number, rows: number) {
  for (const frame of term.stdout.frames.slice(-3)) expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
  for (const line of term.screen().split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(columns);
}

describe('the cables', () => {
  it('show every status from the cable machine as a symbol and a word, how reliable, and whose talks an account describes', async () => {
    const played = infoGame();
    t = table(played, 'green', 100, 40);
    const screen = await t.waitFor('── Cables');
    expect(lineWith(screen, 'R2 Blue at the table: package #2')).toMatch(/■ on the record +100% · /);
    expect(lineWith(screen, 'R4 Red via Red Envoy: package #4')).toMatch(/≈ hearsay +70% · /);
    expect(lineWith(screen, "R3 Red passes on Blue's package #2")).toMatch(/✓ confirmed +100% · /);
    expect(lineWith(screen, "R1 Red's readout of its package #1")).toMatch(/≠ disputed +60% ⚠ accounts disagree · /);
    expect(lineWith(screen, 'R2 Red via Red Envoy: package #3')).toMatch(/✗ exposed +0% · /);
    // The words on screen are the machine's: each cable's line carries the look of its cableStatus.
    const view = playerView(played.world, played.game, 'green');
    expect(new Set(view.messages.map((m) => cableStatus(m)))).toEqual(new Set(['on-record', 'hearsay', 'confirmed', 'disputed', 'exposed']));
    for (const m of view.messages) {
      const { symbol, word } = CABLE_LOOK[cableStatus(m)];
      expect(screen.split('\n').some((l) => l.startsWith(`${symbol} ${word}`) && l.includes(`R${m.round} `))).toBe(true);
    }
  });

  it("show a party's own words as sent, never as hearsay, and flag them when someone found out they were garbled", async () => {
    t = table(infoGame(), 'red');
    const screen = await t.waitFor('── Cables');
    const own = lineWith(screen, 'R2 You via Red Envoy');
    expect(own).toMatch(/^· sent /);
    expect(own).toContain('! found out');
    expect(screen).not.toMatch(/hearsay[^\n]*R\d You /);
    expectFits(t, 80, 24);
  });

  it('flag the accounts of the same talks that disagree, and nothing else', async () => {
    t = table(infoGame(), 'blue');
    const screen = await t.waitFor('── Cables');
    expect(lineWith(screen, "R1 Red's readout of its package #1")).toContain('⚠ accounts disagree');
    expect(lineWith(screen, "R1 You pass on Red's package #1")).toContain('⚠ accounts disagree');
    expect(lineWith(screen, 'R2 You at the table: package #2')).not.toContain('⚠');
    expect(screen).toContain('i: what we know');
    expectFits(t, 80, 24);
  });
});

describe('what we know', () => {
  const played = infoGame();
  const view = playerView(played.world, played.game, 'green');
  const groups = talksGroups(view, played.game.scenario.meetings);
  const text = intelLines(groups, view.game, 'green', 78, makeTheme(false))
    .lines.map((l) =>
      l
        .map((p) => p.text)
        .join('')
        .trimEnd(),
    )
    .join('\n');

  it('groups every version of a set of talks, and separates what is known for sure from what was told', () => {
    expect(groups.map((g) => g.root)).toEqual([MSG.redEnvoyAgain, MSG.blueOnRecord, MSG.redEnvoy, MSG.palace]);
    const certainty = (root: number) => groups.find((g) => g.root === root)!.versions.map((v) => `${v.status ?? 'truth'}:${v.certainty}`);
    expect(certainty(MSG.blueOnRecord)).toEqual(['on-record:sure', 'confirmed:sure']);
    expect(certainty(MSG.redEnvoyAgain)).toEqual(['hearsay:told']);
    expect(certainty(MSG.palace)).toEqual(['disputed:told', 'disputed:told']);
    // Exposed: what the envoy told, and what Red really said (learnt by the call).
    expect(certainty(MSG.redEnvoy)).toEqual(['truth:sure', 'exposed:told']);
    expect(text).toMatch(
      /Blue's package #2 to you, Red, R2\n What we know for sure\n +A ■ on the record +Blue at the table .*\n +A ✓ confirmed +Red passed it on .*\n What we were told: nothing second-hand/,
    );
    expect(text).toMatch(
      /Red's package #4 to you, R4\n What we know for sure: nothing — no record, no confirmation, no leak\n What we were told\n +A ≈ hearsay +Red via Red Envoy +R4 +70%/,
    );
  });

  it('shows differing versions side by side, with the issues that differ marked', () => {
    expect(text).toMatch(/Red's package #1 to Blue, R1\n ⚠ accounts disagree · The palace meeting\n/);
    expect(text).toMatch(/What we were told\n +A ≠ disputed +Blue passed it on .*\n +B ≠ disputed +Red's readout /);
    expect(text).toMatch(
      / +Issue +A · told +B · told\n≠ North +North returns to Blue +Split on the line\n≠ Sanctions +Sanctions eased +Sanctions lifted\n +Guarantee +No guarantee +No guarantee\n +≠ 2 issues told differently/,
    );
    expect(text).toMatch(
      /Red's package #3 to you, R2\n ✗ distortion exposed\n What we know for sure\n +A ! found out +what Red really said \(found out\) .*\n What we were told\n +B ✗ exposed +Red via Red Envoy/,
    );
    expect(text).toMatch(/ +Issue +A · for sure +B · told\n≠ North +North goes to Red +North returns to Blue/);
  });

  it('opens with i, fits 80×24 while it scrolls and jumps between talks, and closes with Esc or i', async () => {
    t = table(played, 'green');
    await t.waitFor('── Cables');
    expect(t.screen()).toContain('i intel');
    await t.press('i');
    let screen = await t.waitFor('── What we know');
    expect(screen).toContain('4 sets of talks · 2 told differently');
    expect(screen).toContain('←→ talks');
    expectFits(t, 80, 24);
    // → puts each set of talks at the top of the window in turn.
    await t.press(KEYS.right);
    await t.waitFor((s) => s.split('\n')[3]!.startsWith("Blue's package #2"));
    await t.press(KEYS.right, KEYS.right);
    screen = await t.waitFor((s) => s.includes('≠ 2 issues told differently') && s.includes("Red's package #1 to Blue"));
    expect(screen).toContain("Red's package #1 to Blue, R1\n ⚠ accounts disagree · The palace meeting");
    expect(screen).toMatch(/≠ North +North returns to Blue +Split on the line/);
    expectFits(t, 80, 24);
    await t.press(KEYS.left);
    await t.waitFor((s) => s.split('\n')[3]!.startsWith("Red's package #3"));
    for (let k = 0; k < 6; k++) {
      await t.press(KEYS.pageDown);
      expectFits(t, 80, 24);
    }
    await t.press(KEYS.escape);
    await t.waitFor('── Cables');
    await t.press('i');
    await t.waitFor('── What we know');
    await t.press('i');
    await t.waitFor('── Cables');
  });

  it('is listed in the help and the key bar', () => {
    expect(KEYMAP.table.find((b) => b.action === 'intel')?.keys).toEqual([{ char: 'i' }]);
    expect(KEYMAP.signing.some((b) => b.action === 'intel')).toBe(true);
    expect(barItems('table')).toContainEqual({ keys: 'i', word: 'intel' });
    expect(barItems('intel')).toContainEqual({ keys: '←→', word: 'talks' });
    t = renderApp(
      <Providers>
        <HelpOverlay scope="table" width={80} height={23} onClose={() => {}} />
      </Providers>,
      80,
      24,
    );
    expect(t.screen()).toMatch(/i +what we know: for sure vs what we were told/);
  });
});

describe('without colour (NO_COLOR)', () => {
  it('draws the cables and what we know with symbols and words only', async () => {
    t = table(infoGame(), 'green', 80, 24, false);
    let screen = await t.waitFor('── Cables');
    expect(screen).toMatch(/≈ hearsay +70%/);
    await t.press('i', KEYS.right, KEYS.right);
    screen = await t.waitFor('✗ exposed');
    expect(screen).toContain('! found out');
    expect(screen).toMatch(/≠ North +North goes to Red +North returns to Blue/);
    for (const frame of t.stdout.frames) expect(frame).not.toMatch(COLOUR);
  });

  it('does colour the statuses otherwise', async () => {
    t = table(infoGame(), 'green', 80, 24, true);
    await t.waitFor('── Cables');
    expect(t.stdout.lastFrame()).toMatch(COLOUR);
  });
});

describe('the debrief', () => {
  it('lists each distorted message: what was said next to what was heard, how it came out, what it cost', async () => {
    session = sessionOf(infoGame({ blueClarifies: true }), 'green');
    t = renderApp(
      <Providers>
        <Debrief session={session} width={100} height={119} saveTranscript={() => '/tmp/x.md'} />
      </Providers>,
      100,
      120,
    );
    const screen = await t.waitFor('What was said, and what was heard');
    expect(screen).toContain("✗ Package #3, round 2: Red's words, through Red Envoy");
    expect(screen).toContain('Red sent it through its own envoy, Red Envoy, who delivered it otherwise.');
    expect(screen).toMatch(/Red said +Green heard/);
    expect(screen).toMatch(/≠ North +North goes to Red +North returns to Blue/);
    expect(screen).toContain('found out in round 2: a clarification call with Red.');
    expect(screen).toContain("Cost: Red's credibility −0.10; Green's trust in Red −0.15.");
    expect(screen).toContain("≈ Package #4, round 4: Red's words, through Red Envoy");
    expect(screen).toContain('Cost: none — it never came out.');
    expect(screen).toContain("Package #1 (The palace meeting), round 1: Red's words, passed on by Blue");
  });
});
