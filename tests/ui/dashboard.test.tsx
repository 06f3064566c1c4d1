// The teacher's dashboard, drawn as the class server draws it (into a remote terminal, keys fed in): it shows
// every table and carries each key to the room — pause, a message typed and sent in one piece, the AI in a seat,
// a student moved, the lesson ended and its report read.
import { describe, expect, it, vi } from 'vitest';
import type { ClassRoom, RoomSnapshot } from '../../src/ui/screens/Dashboard.js';
import { runRemoteDashboard } from '../../src/ui/run-remote.js';

// eslint-disable-next-line no-control-regex -- removing the terminal's escape codes is the point
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
const tick = () => new Promise((r) => setTimeout(r, 60));

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
  it('shows every table and carries the teacher’s keys to the room', async () => {
    const room = fakeRoom();
    let out = '';
    const app = runRemoteDashboard({ room }, false, { columns: 100, rows: 30, write: (d) => (out += String(d)) });
    await tick();
    expect(plain(out)).toContain('Alaska, 2025 — 2 of 3 students connected · tables running');
    expect(plain(out)).toContain('table-1 · Round 2/18 · Diplomacy · 17 rounds left · to move: Russia (Ben)');
    expect(plain(out)).toContain('Ukraine: Ana ● · Russia: Ben ○');
    expect(plain(out)).toContain('On the table: #1 Ukraine (R1)');
    expect(plain(out)).toContain('Deal signed in round 9.');

    app.input('p');
    await tick();
    expect(room.setPaused).toHaveBeenCalledWith(true);
    expect(plain(out)).toContain('PAUSED');

    // A message typed fast arrives with its Enter in one piece.
    app.input('b');
    await tick();
    app.input('Five minutes left\r');
    await tick();
    expect(room.broadcast).toHaveBeenCalledWith('Five minutes left');

    // Down and Enter in one read: the second key sees the first.
    app.input('a');
    await tick();
    app.input('\u001b[B\r');
    await tick();
    expect(room.setAi).toHaveBeenCalledWith('table-1', 'russia', true);

    app.input('m');
    await tick();
    app.input('\r');
    await tick();
    expect(plain(out)).toContain('Move Ana to which seat?');
    app.input('\u001b[B\r');
    await tick();
    expect(room.move).toHaveBeenCalledWith('Ana', 'table-1', 'russia');

    app.input('e');
    await tick();
    expect(plain(out)).toContain('End the lesson?');
    app.input('y');
    await tick();
    expect(room.endLesson).toHaveBeenCalled();
    expect(plain(out)).toContain('# Class report: Alaska, 2025');

    app.input('q');
    await expect(app.done).resolves.toEqual({ ended: false });
  });
});
