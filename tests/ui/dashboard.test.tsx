// The teacher's dashboard, drawn as the class server draws it (into a remote terminal, keys fed in): it shows
// every table and carries each key to the room — pause, a message typed and sent in one piece, the AI in a seat,
// a student moved, the lesson ended and its report read.
import { describe, expect, it, vi } from 'vitest';
import type { ClassRoom, RoomSnapshot } from '../../src/ui/screens/Dashboard.js';
import { runRemoteDashboard } from '../../src/ui/run-remote.js';

// As `backchannel serve` does before it loads Ink: the screen goes to a terminal at the far end, so this machine's
// CI setting must not make Ink hold every frame back until the end (CI sets CI=true, and then nothing is drawn).
vi.hoisted(() => {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
});

// eslint-disable-next-line no-control-regex -- removing the terminal's escape codes is the point
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
const until = (check: () => void) => vi.waitFor(check, { timeout: 4000, interval: 20 });

function fakeRoom(): ClassRoom & { snap: RoomSnapshot } {
  const listeners = new Set<() => void>();
  const snap: RoomSnapshot = {
    title: 'Alaska, 2025',
    students: 3,
    connected: 2,
    paused: false,
    ended: false,
    tables: [
      {
        id: 'table-1',
        state: 'Round 2/18 · Diplomacy · 17 rounds left',
        toMove: 'Russia (Ben)',
        roundsLeft: 17,
        seats: [
          { party: 'ukraine', name: 'Ukraine', student: 'Ana', connected: true, ai: false },
          { party: 'russia', name: 'Russia', student: 'Ben', connected: false, ai: false },
        ],
        offers: ['#1 Ukraine (R1)'],
      },
      {
        id: 'table-2',
        state: 'Ended',
        toMove: '',
        roundsLeft: 0,
        seats: [{ party: 'ukraine', name: 'Ukraine', student: 'Cleo', connected: true, ai: false }],
        offers: [],
        outcome: 'Deal signed in round 9.',
      },
    ],
  };
  const changed = () => listeners.forEach((l) => l());
  return {
    snap,
    snapshot: () => snap,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    setPaused: vi.fn((p: boolean) => {
      snap.paused = p;
      changed();
      return p ? 'Every table is paused.' : 'The tables play on.';
    }),
    broadcast: vi.fn((m: string) => `Said to 2 connected students: ${m}`),
    setAi: vi.fn(() => 'The AI plays Russia at table-1 until you give the seat back.'),
    move: vi.fn(() => 'Ana now plays Russia at table-1.'),
    endLesson: vi.fn(() => {
      snap.ended = true;
      snap.report = ['# Class report: Alaska, 2025', '', '| Ana | table-1 | +12.0 |'];
      changed();
      return 'The lesson has ended.';
    }),
  };
}

describe('the teacher’s dashboard', () => {
  it('shows every table and carries the teacher’s keys to the room', { timeout: 30_000 }, async () => {
    const room = fakeRoom();
    let out = '';
    const shows = (text: string) => until(() => expect(plain(out)).toContain(text));
    const app = runRemoteDashboard({ room }, false, { columns: 100, rows: 30, write: (d) => (out += String(d)) });
    // Each step waits for what the teacher would see next, never for a fixed time: a loaded machine may be slow.
    await shows('Alaska, 2025 — 2 of 3 students connected · tables running');
    expect(plain(out)).toContain('table-1 · Round 2/18 · Diplomacy · 17 rounds left · to move: Russia (Ben)');
    expect(plain(out)).toContain('Ukraine: Ana ● · Russia: Ben ○');
    expect(plain(out)).toContain('On the table: #1 Ukraine (R1)');
    expect(plain(out)).toContain('Deal signed in round 9.');

    app.input('p');
    await shows('PAUSED');
    expect(room.setPaused).toHaveBeenCalledWith(true);

    // A message typed fast arrives with its Enter in one piece.
    app.input('b');
    await shows('Say to the class:');
    app.input('Five minutes left\r');
    await until(() => expect(room.broadcast).toHaveBeenCalledWith('Five minutes left'));

    // Down and Enter in one read: the second key sees the first.
    app.input('a');
    await shows('Let the AI take over a seat at table-1');
    app.input('\u001b[B\r');
    await until(() => expect(room.setAi).toHaveBeenCalledWith('table-1', 'russia', true));

    app.input('m');
    await shows('Move which student?');
    app.input('\r');
    await shows('Move Ana to which seat?');
    app.input('\u001b[B\r');
    await until(() => expect(room.move).toHaveBeenCalledWith('Ana', 'table-1', 'russia'));

    app.input('e');
    await shows('End the lesson?');
    app.input('y');
    await shows('Class report: Alaska, 2025');
    expect(plain(out)).not.toContain('# Class report');
    expect(room.endLesson).toHaveBeenCalled();

    app.input('q');
    await expect(app.done).resolves.toEqual({ ended: false });
  });
});
