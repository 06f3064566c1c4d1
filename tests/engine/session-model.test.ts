// Model-based tests of the session machine (xstate/graph): walk the machine's states through the events a
// player and the clock can send, take the shortest path to each state, and replay each path on a real actor.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { sessionMachine, type SessionEvent } from '../../src/engine/session-machine.js';
import { openProposalsFor, validate } from '../../src/model/rules.js';
import type { Command } from '../../src/model/types.js';
import { mini } from '../helpers/games.js';

const game = mini();
const input = { game, seed: 5, humans: ['blue'] };
type Snapshot = ReturnType<typeof sessionMachine.transition>;

function events(snapshot: Snapshot): SessionEvent[] {
  if (snapshot.status === 'done') return [];
  const { world } = snapshot.context;
  const candidates: Command[] = [
    { type: 'begin' },
    { type: 'pass', by: 'blue' },
    { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' },
    { type: 'sign', by: 'blue' },
    { type: 'refuse', by: 'blue' },
  ];
  const open = openProposalsFor(world, 'blue')[0];
  if (open) candidates.push({ type: 'accept', by: 'blue', proposal: open.id });
  return [
    { type: 'ADVANCE' },
    { type: 'ADVANCE', max: 1 },
    ...candidates.filter((c) => validate(game, world, c) === null).map((command) => ({ type: 'COMMAND' as const, command })),
  ];
}

// States are told apart by the machine's state and a few facts of the world, not by the whole world:
// that keeps the graph small while still separating "a deal on the table" from "none".
const serializeState = (s: Snapshot) => {
  const w = s.context.world;
  const mine = w.open.some((id) => w.proposals[id - 1]!.by === 'blue');
  return JSON.stringify([s.value, w.round, w.turn, w.agreement ? w.agreement.signed.length : -1, w.outcome?.reason ?? '', w.open.length, mine]);
};

describe('session machine (model-based)', () => {
  const paths = getShortestPaths(sessionMachine, { events, serializeState, input, limit: 20_000 });
  const reached = new Set(paths.map((p) => String(p.state.value)));
  const named = paths.map((p) => [`${String(p.state.value)} in ${p.steps.length} events (${serializeState(p.state)})`, p] as const);

  it('reaches every phase of the table from the briefing', () => {
    for (const state of ['briefing', 'diplomacy', 'signing', 'ratification', 'implementation', 'ended']) {
      expect(reached, `state ${state}`).toContain(state);
    }
  });

  it.each(named)('replays on a real actor: %s', (_name, path) => {
    const actor = createActor(sessionMachine, { input });
    actor.start();
    for (const step of path.steps) {
      actor.send(step.event);
      const snapshot = actor.getSnapshot();
      expect(snapshot.value).toEqual(step.state.value);
      // The model is an abstraction of the world: the real actor must land in the same abstract state.
      expect(serializeState(snapshot)).toBe(serializeState(step.state));
      // The machine's state always names the world's phase.
      expect(snapshot.value).toBe(snapshot.context.world.phase);
    }
    actor.stop();
  });

  it('refuses an illegal command with a reason and leaves the world unchanged', () => {
    const actor = createActor(sessionMachine, { input });
    actor.start();
    const before = actor.getSnapshot().context.world;
    actor.send({ type: 'COMMAND', command: { type: 'pass', by: 'red' } });
    expect(actor.getSnapshot().context.error).toBe('no party acts during briefing');
    expect(actor.getSnapshot().context.world).toBe(before);
    actor.stop();
  });

  it('ADVANCE plays the automatic moves and stops at a human turn', () => {
    const actor = createActor(sessionMachine, { input });
    actor.start();
    actor.send({ type: 'COMMAND', command: { type: 'begin' } });
    expect(actor.getSnapshot().context.world.turn).toBe(0); // blue acts first
    actor.send({ type: 'ADVANCE' });
    expect(actor.getSnapshot().context.world.moves).toBe(1); // nothing automatic while blue must act
    actor.send({ type: 'COMMAND', command: { type: 'pass', by: 'blue' } });
    actor.send({ type: 'ADVANCE' });
    const w = actor.getSnapshot().context.world;
    expect(w.round).toBe(2);
    expect(w.turn).toBe(0);
    expect(
      actor
        .getSnapshot()
        .context.log.map((e) => e.command.type)
        .slice(0, 2),
    ).toEqual(['begin', 'pass']);
    // Each AI move carries its one-line reason.
    expect(
      actor
        .getSnapshot()
        .context.log.slice(2)
        .every((e) => typeof e.reason === 'string' && e.reason.length > 0),
    ).toBe(true);
    actor.stop();
  });
});
