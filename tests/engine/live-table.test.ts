// A table played live by several people: it opens when everyone has read their briefing, waits for the person
// whose turn it is (and says so to the others), plays the AI seats itself, lets the AI take over a seat, pauses,
// and shows each person only their own refused commands. The same commands give the same game as ever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveTable } from '../../src/engine/live-table.js';
import { replay } from '../../src/engine/advance.js';
import { hashWorld } from '../../src/model/hash.js';
import { currentActor } from '../../src/model/view.js';
import { alaska } from '../helpers/games.js';

const game = alaska();
const seats = { ukraine: 'Ana', russia: 'Ben', 'united-states': null, europe: null };

afterEach(() => vi.useRealTimers());

/** Runs the table's timers until nothing more is due. */
const settle = () => vi.runOnlyPendingTimersAsync().then(() => vi.runOnlyPendingTimersAsync());

describe('a live table', () => {
  it('opens the talks only when every person at it has read the briefing, and says whom it waits for', async () => {
    vi.useFakeTimers();
    const table = new LiveTable({ id: 't1', game, seed: 4, seats, whenAway: 'wait', delayMs: 10 });
    table.join('ukraine');
    table.join('russia');
    table.readBriefing('ukraine');
    await settle();
    expect(table.world.phase).toBe('briefing');
    expect(table.status('ukraine').waiting).toBe('Waiting for Russia (Ben) to read their briefing');
    table.readBriefing('russia');
    await settle();
    expect(table.world.phase).toBe('diplomacy');
    expect(currentActor(table.world, game)).toBe('ukraine');
    expect(table.status('russia').waiting).toBe('Waiting for Ukraine (Ana)');
    expect(table.status('ukraine').waiting).toBeUndefined();
    table.stop();
  });

  it('plays the AI seats itself and stops at each person; a dropped student is waited for', async () => {
    vi.useFakeTimers();
    const changes: number[] = [];
    const table = new LiveTable({ id: 't1', game, seed: 4, seats, whenAway: 'wait', delayMs: 10, onChange: (t) => changes.push(t.log.length) });
    for (const p of ['ukraine', 'russia'] as const) {
      table.join(p);
      table.readBriefing(p);
    }
    await settle();
    table.actor.send({ type: 'COMMAND', command: { type: 'pass', by: 'ukraine' } });
    expect(currentActor(table.world, game)).toBe('russia');
    table.leave('russia');
    await settle();
    // Russia's student is away and the table waits: nobody moves for them.
    expect(currentActor(table.world, game)).toBe('russia');
    expect(table.status('ukraine').waiting).toBe('Waiting for Russia (Ben, not connected)');
    table.join('russia');
    table.actor.send({ type: 'COMMAND', command: { type: 'pass', by: 'russia' } });
    await settle();
    await settle();
    // The United States and Europe (AI) moved on their own, and the next round waits for Ukraine again.
    expect(table.world.round).toBe(2);
    expect(currentActor(table.world, game)).toBe('ukraine');
    expect(changes.length).toBeGreaterThanOrEqual(4);
    // The same commands replay to the same world: the live table plays by the ordinary rules.
    expect(hashWorld(replay(game, 4, table.log).world)).toBe(hashWorld(table.world));
    table.stop();
  });

  it('lets the AI play an absent student when the table does not wait, and when the teacher says so', async () => {
    vi.useFakeTimers();
    const table = new LiveTable({ id: 't1', game, seed: 4, seats, whenAway: 'ai', delayMs: 10 });
    table.join('ukraine');
    table.readBriefing('ukraine');
    await settle();
    expect(table.humans()).toEqual(['ukraine']);
    expect(table.world.phase).toBe('diplomacy');
    table.setAi('ukraine', true);
    expect(table.status('ukraine').aiPlays).toBe(true);
    for (let i = 0; i < 6; i++) await settle();
    expect(table.world.round).toBeGreaterThan(1);
    expect(table.log.some((e) => 'by' in e.command && e.command.by === 'ukraine')).toBe(true);
    table.stop();
  });

  it('makes no move while paused, and shows a refused command only to its sender', async () => {
    vi.useFakeTimers();
    const table = new LiveTable({ id: 't1', game, seed: 4, seats, whenAway: 'wait', delayMs: 10 });
    table.join('ukraine');
    table.join('russia');
    table.readBriefing('ukraine');
    table.setPaused(true);
    table.readBriefing('russia');
    await settle();
    expect(table.world.phase).toBe('briefing');
    expect(table.status('ukraine').paused).toBe(true);
    table.setPaused(false);
    await settle();
    expect(table.world.phase).toBe('diplomacy');
    table.actor.send({ type: 'COMMAND', command: { type: 'pass', by: 'russia' } });
    const context = table.actor.getSnapshot().context;
    expect(context.error).toMatch(/turn/i);
    expect(context.errorBy).toBe('russia');
    table.stop();
  });
});
