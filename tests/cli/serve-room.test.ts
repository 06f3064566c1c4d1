// The class served live, below the SSH layer: students sit at their table by name, every move is saved signed
// in the class folder (so the class report reads it during the lesson), a restarted server resumes each
// table, and the teacher's actions — a message, a pause, the AI in a seat, a student moved, the lesson ended —
// reach the students' screens and the class folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { classCodes, authentic, createClass, signatureOf, studentSavePath } from '../../src/cli/class-store.js';
import { classReportOf } from '../../src/cli/class-results.js';
import { readSave, writeSave } from '../../src/cli/save-store.js';
import { loadGameCached } from '../../src/cli/scenario-arg.js';
import { replay } from '../../src/engine/advance.js';
import { LiveClass, userKey } from '../../src/cli/serve/class-room.js';
import { dealSeats } from '../../src/engine/class-plan.js';
import { currentActor } from '../../src/model/view.js';
import { tempDir } from './helpers.js';

const state = tempDir('backchannel-serve-room-');
const dir = join(state, 'lesson');
const saved = process.env.XDG_CACHE_HOME;

beforeAll(() => {
  process.env.XDG_CACHE_HOME = join(state, 'cache');
  const loaded = loadGameCached('alaska-2025');
  createClass(
    dir,
    dealSeats(
      loaded.game,
      loaded.hash,
      [
        { name: 'Ana Lima', wants: 'ukraine' },
        { name: 'Ben', wants: 'russia' },
        { name: 'Cleo', wants: 'ukraine' },
      ],
      { seed: 11, seatsPerTable: 2 },
    ),
  );
});
afterAll(() => {
  if (saved === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved;
});
afterEach(() => vi.useRealTimers());

const settle = async () => {
  for (let i = 0; i < 4; i++) await vi.runOnlyPendingTimersAsync();
};

describe('a class served live', () => {
  it('gives different codes to students and teacher, the same every time', () => {
    const codes = classCodes(dir);
    expect(codes.student).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(codes.teacher).not.toBe(codes.student);
    expect(classCodes(dir)).toEqual(codes);
  });

  it('seats students by the name they log in with, and saves every move signed in the class folder', async () => {
    vi.useFakeTimers();
    const room = new LiveClass({ dir, whenAway: 'wait', delayMs: 5 });
    expect(room.student('ana.lima')).toBe('Ana Lima');
    expect(room.student('ANA_LIMA')).toBe('Ana Lima');
    expect(room.student('teacher')).toBeUndefined();
    expect(userKey('')).toBe('');
    const screens = { reseat: vi.fn(), kick: vi.fn() };
    room.attach('Ana Lima', screens);
    room.attach('Ben', { reseat: vi.fn(), kick: vi.fn() });
    const ana = room.liveSeat('Ana Lima');
    const ben = room.liveSeat('Ben');
    // Both screens share one game.
    expect(ana.session.actor).toBe(ben.session.actor);
    // Before the talks open the dashboard says who is still reading, and nobody is to move.
    expect(room.snapshot().tables[0]).toMatchObject({ state: 'Round 1/18 · Briefing · 18 rounds left · still reading: Ukraine (Ana Lima), Russia (Ben)', toMove: '' });
    ana.readBriefing();
    expect(room.snapshot().tables[0]!.state).toBe('Round 1/18 · Briefing · 18 rounds left · still reading: Russia (Ben)');
    ben.readBriefing();
    await settle();
    expect(room.snapshot().tables[0]).toMatchObject({ toMove: 'Ukraine (Ana Lima)' });
    expect(ben.status().waiting).toBe('Waiting for Ukraine (Ana Lima)');
    ana.session.actor.send({ type: 'COMMAND', command: { type: 'pass', by: 'ukraine' } });
    await settle();
    const path = studentSavePath(dir, 'table-1', 'Ana Lima');
    const save = readSave(path);
    expect(save.player).toEqual({ name: 'Ana Lima', table: 'table-1' });
    expect(authentic(dir, save)).toBe(true);
    expect(save.humans).toEqual(['ukraine', 'russia']);
    expect(authentic(dir, readSave(studentSavePath(dir, 'table-1', 'Ben')))).toBe(true);
    // The class report reads the live games as they stand.
    const report = classReportOf(dir);
    expect(report.students.find((s) => s.name === 'Ana Lima')?.status).toBe('playing');

    // A second screen for the same student closes the first.
    room.attach('Ana Lima', { reseat: vi.fn(), kick: vi.fn() });
    expect(screens.kick).toHaveBeenCalledWith(expect.stringMatching(/another terminal/));

    const snap = room.snapshot();
    expect(snap.connected).toBe(2);
    expect(snap.tables[0]!.toMove).toBe('Russia (Ben)');
    expect(snap.tables[0]!.seats.map((s) => `${s.name}:${s.student ?? 'AI'}`)).toEqual(['Ukraine:Ana Lima', 'Russia:Ben', 'United States:AI', 'Europe:AI']);
    room.close();
  });

  it('resumes each table from its saves when the server starts again', async () => {
    vi.useFakeTimers();
    const before = readSave(studentSavePath(dir, 'table-1', 'Ben'));
    const room = new LiveClass({ dir, whenAway: 'wait', delayMs: 5 });
    const table = room.tables.get('table-1')!;
    expect(table.log).toHaveLength(before.commands.length);
    expect(currentActor(table.world, table.game)).toBe('russia');
    room.close();
  });

  it('resumes the furthest game when students at a table played apart, and keeps the other beside it', async () => {
    vi.useFakeTimers();
    const ben = studentSavePath(dir, 'table-1', 'Ben');
    const full = readSave(ben);
    // Ben's save holds a shorter game of its own, signed as play --class would sign it.
    const loaded = loadGameCached('alaska-2025');
    expect(full.commands.length).toBeGreaterThan(1);
    const prefix = full.commands.slice(0, 1);
    writeSave(ben, {
      game: loaded.game,
      scenarioHash: loaded.hash,
      seed: full.seed,
      humans: ['russia'],
      log: prefix,
      world: replay(loaded.game, full.seed, prefix).world,
      stamp: (save) => {
        const withPlayer = { ...save, player: { name: 'Ben', table: 'table-1' } };
        return { ...withPlayer, signature: signatureOf(dir, withPlayer) };
      },
    });
    const said: string[] = [];
    const room = new LiveClass({ dir, whenAway: 'wait', delayMs: 5, log: (l) => said.push(l) });
    expect(said).toEqual(['table-1: table-1-ben.json was a different game; kept in saves/before-serve/']);
    expect(room.tables.get('table-1')!.log).toHaveLength(full.commands.length);
    expect(readSave(join(dir, 'saves', 'before-serve', 'table-1-ben.json')).commands).toHaveLength(1);
    room.close();
  });

  it('carries the teacher’s message, pause, AI seat and moves to the students and the class folder', async () => {
    vi.useFakeTimers();
    const room = new LiveClass({ dir, whenAway: 'wait', delayMs: 5, messageMs: 1000 });
    const reseat = vi.fn();
    room.attach('Ben', { reseat, kick: vi.fn() });
    const ben = room.liveSeat('Ben');
    expect(room.broadcast('Ten minutes left\u001b[2J')).toMatch(/Said to 1 connected student: Ten minutes left/);
    expect(ben.status().message).toBe('Ten minutes left');
    await vi.advanceTimersByTimeAsync(1500);
    expect(ben.status().message).toBeUndefined();

    room.setPaused(true);
    expect(ben.status().paused).toBe(true);
    expect(room.snapshot().paused).toBe(true);
    room.setPaused(false);

    expect(room.setAi('table-1', 'russia', true)).toMatch(/The AI plays Russia at table-1/);
    expect(ben.status().aiPlays).toBe(true);
    await settle();
    expect(currentActor(room.tables.get('table-1')!.world, room.choice.game)).toBe('ukraine');
    room.setAi('table-1', 'russia', false);

    // Ben moves to Cleo's table as Russia (the AI's seat there).
    expect(room.move('Ben', 'table-2', 'russia')).toBe('Ben now plays Russia at table-2.');
    expect(reseat).toHaveBeenCalled();
    expect(room.liveSeat('Ben').party).toBe('russia');
    expect(room.liveSeat('Ben').session.actor).toBe(room.tables.get('table-2')!.actor);
    const plan = JSON.parse(readFileSync(join(dir, 'class.json'), 'utf8')) as { tables: { seats: Record<string, string | null> }[] };
    expect(plan.tables[0]!.seats.russia).toBeNull();
    expect(plan.tables[1]!.seats.russia).toBe('Ben');

    expect(room.endLesson()).toMatch(/The lesson has ended/);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('# Class report');
    expect(ben.status().ended).toBe(true);
    expect(room.snapshot().report?.[0]).toMatch(/Class report/);
    room.close();
  });
});
