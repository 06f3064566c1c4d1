// Keys that arrive together: Ink 6 gives a burst of ordinary characters ("pjjl" from `tmux send-keys` or a
// paste) as one piece, and a burst like "p ↓ ↓ →" as events faster than the screen redraws. The single input
// owner splits the pieces into keypresses and handles them one at a time, each after the frame the one before
// it produced — so the keys reach whatever the earlier keys opened.
import { afterEach, describe, expect, it } from 'vitest';
import { blankKey, keypresses, parseKeypress, splitKeypresses } from '../../src/ui/keypress.js';
import { Table } from '../../src/ui/screens/Table.js';
import { startSession, type GameSession } from '../../src/ui/session.js';
import { alaskaChoice, miniChoice } from './fixtures.js';
import { Providers, renderApp, type Terminal } from './render.js';

let t: Terminal | undefined;
let session: GameSession | undefined;
afterEach(() => {
  t?.unmount();
  session?.actor.stop();
  t = undefined;
  session = undefined;
});

describe('splitting a burst of input into keypresses', () => {
  it('splits printable characters one by one, and keeps escape sequences, Enter, Esc, Tab and Backspace whole', () => {
    expect(splitKeypresses('pjjl')).toEqual(['p', 'j', 'j', 'l']);
    expect(splitKeypresses('p\u001B[B\u001B[B\u001B[C')).toEqual(['p', '\u001B[B', '\u001B[B', '\u001B[C']);
    expect(splitKeypresses('\u001B[5~x\r\t\u007F\b\u001B')).toEqual(['\u001B[5~', 'x', '\r', '\t', '\u007F', '\b', '\u001B']);
    expect(splitKeypresses('\u001B[H\u001B[F\u001BOB\u001B[1;5A\u001B[6~')).toEqual(['\u001B[H', '\u001B[F', '\u001BOB', '\u001B[1;5A', '\u001B[6~']);
    expect(splitKeypresses('😀a\r\n')).toEqual(['😀', 'a', '\r\n']);
  });

  it('reads each piece as Ink reads a single key', () => {
    expect(parseKeypress('j')).toEqual({ input: 'j', key: blankKey() });
    expect(parseKeypress('\u001B[B').key.downArrow).toBe(true);
    expect(parseKeypress('\u001BOC').key.rightArrow).toBe(true);
    expect(parseKeypress('\u001B[5~').key.pageUp).toBe(true);
    expect(parseKeypress('\u001B[6~').key.pageDown).toBe(true);
    expect(parseKeypress('\u001B[H').key.home).toBe(true);
    expect(parseKeypress('\u001B[4~').key.end).toBe(true);
    expect(parseKeypress('\r').key.return).toBe(true);
    expect(parseKeypress('\t').key.tab).toBe(true);
    expect(parseKeypress('\u001B').key.escape).toBe(true);
    expect(parseKeypress('\b').key.backspace).toBe(true);
    expect(parseKeypress('\u0003')).toMatchObject({ input: 'c', key: { ctrl: true } });
    expect(parseKeypress('\u001B[1;5A').key).toMatchObject({ upArrow: true, ctrl: true });
    expect(parseKeypress('P')).toMatchObject({ input: 'P', key: { shift: true } });
  });

  it('passes a single key through as Ink read it, and splits a run', () => {
    const down = blankKey({ downArrow: true });
    expect(keypresses('', down)).toEqual([{ input: '', key: down }]);
    expect(keypresses('j', blankKey())).toEqual([{ input: 'j', key: blankKey() }]);
    expect(keypresses('pj\r', blankKey()).map((k) => k.input || (k.key.return ? 'Enter' : '?'))).toEqual(['p', 'j', 'Enter']);
  });
});

describe('a burst written to the terminal at once', () => {
  function ukraine(): Terminal {
    session = startSession({ choice: alaskaChoice(), seed: 7, humans: ['ukraine'] });
    session.actor.send({ type: 'COMMAND', command: { type: 'begin' } });
    return renderApp(
      <Providers>
        <Table session={session} viewer="ukraine" width={80} height={23} onDebrief={() => {}} />
      </Providers>,
      80,
      24,
    );
  }
  const world = () => session!.actor.getSnapshot().context.world;
  const mine = () => world().proposals.find((p) => p.by === 'ukraine');
  /** Waits for the world, not the screen: the table shows "── Front" before a burst is handled as after. */
  const until = (ok: () => boolean) => t!.waitFor(() => ok());
  const third = (screen: string) => screen.split('\n').find((l) => l.includes('Zaporizhzhia  '))!;

  it.each([
    ['pjjl', 'letters'],
    ['p\u001B[B\u001B[B\u001B[C', 'p, then the arrows'],
  ])('%j (%s) opens the builder, moves down two issues and changes the option', async (burst) => {
    t = ukraine();
    await t.waitFor('Your move, Ukraine');
    t.stdin.write(burst);
    // The builder is open, the cursor two issues down, and the option there is no longer the one it opened on.
    await t.waitFor((s) => s.includes('Propose a package') && third(s)?.startsWith('▸ Zaporizhzhia') && !third(s).includes('Russian withdrawal'));
    // One more burst: back to the option it started from, and Enter sends the package.
    const ideal = alaskaChoice().game.prefs.ukraine!.values[2]!;
    t.stdin.write('h\r');
    await until(() => mine() !== undefined);
    expect(mine()!.terms[2]).toBe(ideal.indexOf(Math.max(...ideal)));
  });

  it('sends exactly what the same keys typed one by one would', async () => {
    t = ukraine();
    await t.waitFor('Your move, Ukraine');
    t.stdin.write('pjjl\r');
    await until(() => mine() !== undefined);
    const burst = mine()!.terms;
    t.unmount();
    session!.actor.stop();
    t = ukraine();
    await t.waitFor('Your move, Ukraine');
    await t.press('p');
    await t.waitFor('Propose a package');
    await t.press('j', 'j', 'l', '\r');
    await until(() => mine() !== undefined);
    expect(mine()!.terms).toEqual(burst);
  });

  it('Esc then a key, sent together ("\\x1bh", as `send-keys Escape h`), is Esc and then the key — not Alt+h', async () => {
    expect(splitKeypresses('\u001Bh')).toEqual(['\u001B', 'h']);
    expect(splitKeypresses('\u001B?')).toEqual(['\u001B', '?']);
    expect(splitKeypresses('\u001B\u001B[A')).toEqual(['\u001B', '\u001B[A']);
    t = ukraine();
    await t.waitFor('Your move, Ukraine');
    await t.press('i');
    await t.waitFor('── What we know');
    t.stdin.write('\u001Bh');
    await t.waitFor('── Log');
  });

  it('"aa": the second a answers in the list the first one opened', async () => {
    session = startSession({ choice: miniChoice(), seed: 7, humans: ['red'] });
    session.actor.send({ type: 'COMMAND', command: { type: 'begin' } });
    session.actor.send({ type: 'ADVANCE' });
    t = renderApp(
      <Providers>
        <Table session={session} viewer="red" width={80} height={23} onDebrief={() => {}} />
      </Providers>,
      80,
      24,
    );
    await t.waitFor('Your move, Red');
    t.stdin.write('aa');
    await until(() => world().proposals[0]!.accepted.includes('red'));
  });
});
