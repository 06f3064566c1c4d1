// A party as an xstate machine whose states are its postures, compiled from the scenario. At the start of
// each round of diplomacy the session shows every party's machine the world; the first transition (in
// scenario order) whose condition holds fires. The session keeps each machine's snapshot and advances it
// with the machine's own pure `transition`, so a game (and the model-based tests' traversal) never depends on
// the timing of messages between actors.
import { createActor, setup, type ActionExecutor, type AnyActorScope, type SnapshotFrom } from 'xstate';
import { holds } from '../model/conditions.js';
import type { Game } from '../model/game.js';
import type { PartyId, World } from '../model/types.js';

export type PostureEvent = { type: 'WORLD'; world: World };

export function compilePostureMachine(game: Game, party: PartyId) {
  const { postures } = game.party[party]!;
  const states: Record<string, { on: { WORLD: unknown[] } }> = {};
  for (const id of Object.keys(postures.states)) {
    const WORLD = postures.transitions
      .filter((t) => (t.from === id || t.from === '*') && t.to !== id)
      .map((t) => ({
        target: t.to,
        guard: ({ event }: { event: PostureEvent }) => holds(t.when, game, event.world, party),
        // The note travels as the action's params, for the log line the session writes.
        actions: { type: 'announce', params: { note: t.note } },
      }));
    states[id] = { on: { WORLD } };
  }
  return setup({
    types: {} as { events: PostureEvent },
    actions: { announce: (_, _params: { note: string }) => {} },
  }).createMachine({
    id: `posture-${party}`,
    initial: postures.initial,
    // The states are built from data, so their exact type is not known statically.
    states: states as never,
  });
}

export type PostureMachine = ReturnType<typeof compilePostureMachine>;
export type PostureSnapshot = SnapshotFrom<PostureMachine>;

export interface PartyMachine {
  machine: PostureMachine;
  snapshot: PostureSnapshot;
  /** An inert scope for pure transitions: actions are collected, never run. */
  scope: AnyActorScope;
}

/** The actions the last transition chose (the scope's executor collects them; transitions are synchronous). */
let chosen: Parameters<ActionExecutor>[0][] = [];

/**
 * What xstate's `transition()` builds on every call — an actor that is never started, to serve as `self` —
 * built once per machine instead: postures are re-examined every round of every game.
 */
function inertScope(machine: PostureMachine): AnyActorScope {
  const self = createActor(machine);
  return {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => void chosen.push(action),
  };
}

// Compiling a machine builds its state nodes: do it once per scenario and party, not once per game.
const compiled = new WeakMap<Game, Map<PartyId, { machine: PostureMachine; scope: AnyActorScope }>>();

/** The party's machine, resting in `current` (the start of a game, or a loaded save). */
export function partyMachine(game: Game, party: PartyId, current: string): PartyMachine {
  let machines = compiled.get(game);
  if (!machines) compiled.set(game, (machines = new Map()));
  let entry = machines.get(party);
  if (!entry) {
    const machine = compilePostureMachine(game, party);
    machines.set(party, (entry = { machine, scope: inertScope(machine) }));
  }
  return { ...entry, snapshot: entry.machine.resolveState({ value: current, context: {} }) };
}

/** Shows the machine the world; returns its next snapshot and the posture change, if one fired. */
export function advancePosture(pm: PartyMachine, world: World): { snapshot: PostureSnapshot; change?: { to: string; note: string } } {
  chosen = [];
  const snapshot = pm.machine.transition(pm.snapshot, { type: 'WORLD', world }, pm.scope);
  const actions = chosen;
  chosen = [];
  if (snapshot.value === pm.snapshot.value) return { snapshot };
  const announce = actions.find((a) => a.type === 'announce');
  const note = (announce?.params as { note?: string } | undefined)?.note ?? '';
  return { snapshot, change: { to: String(snapshot.value), note } };
}
