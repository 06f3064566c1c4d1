// A party as an xstate machine whose states are its postures, compiled from the scenario: one state per posture,
// one guarded WORLD transition per scenario transition (a "*" transition leaves every other posture), in the
// scenario's order, so the first whose condition holds fires. At the start of each round of diplomacy the engine
// shows every party's machine the world (advance.ts); the machine decides, through xstate's pure `transition`.
//
// Most rounds nothing fires, and asking xstate costs about 12 µs a party (measured): so the engine first asks the
// compiled conditions whether any transition out of the current posture could fire, and only then asks the
// machine which one does. The machine stays the one authority on which posture comes next.
import { setup, transition } from 'xstate';
import { holds } from '../model/conditions.js';
import type { Game } from '../model/game.js';
import type { PartyId, World } from '../model/types.js';

export type PostureEvent = { type: 'WORLD'; world: World };

export interface PostureChange {
  to: string;
  /** The scenario's note for the transition that fired, for the log. */
  note: string;
}

export function compilePostureMachine(game: Game, party: PartyId) {
  const { postures } = game.party[party]!;
  const states: Record<string, { on: { WORLD: unknown[] } }> = {};
  for (const id of Object.keys(postures.states)) {
    const WORLD = postures.transitions.flatMap((t, index) =>
      (t.from === id || t.from === '*') && t.to !== id
        ? [{ target: t.to, guard: { type: 'condition', params: { index } }, actions: { type: 'announce', params: { note: t.note } } }]
        : [],
    );
    states[id] = { on: { WORLD } };
  }
  return setup({
    types: { events: {} as PostureEvent },
    guards: {
      /** The scenario transition's condition, read against the world the round opens with. */
      condition: ({ event }, params: { index: number }) => holds(postures.transitions[params.index]!.when, game, event.world, party),
    },
    // The note travels as the action's params, for the log line the engine writes; nothing runs.
    actions: { announce: (_, _params: { note: string }) => {} },
  }).createMachine({
    id: `posture-${party}`,
    initial: postures.initial,
    // The states are built from data, so their exact type is not known statically.
    states: states as never,
  });
}

export type PostureMachine = ReturnType<typeof compilePostureMachine>;

interface Compiled {
  machine: PostureMachine;
  /** Per posture, the conditions of the transitions that leave it (the cheap pre-check). */
  exits: Map<string, Parameters<typeof holds>[0][]>;
}

// Compiling a machine builds its state nodes: once per scenario and party, not once per game.
const compiled = new WeakMap<Game, Map<PartyId, Compiled>>();

export function postureMachineOf(game: Game, party: PartyId): Compiled {
  let machines = compiled.get(game);
  if (!machines) compiled.set(game, (machines = new Map<PartyId, Compiled>()));
  let entry = machines.get(party);
  if (!entry) {
    const { postures } = game.party[party]!;
    const exits = new Map<string, Parameters<typeof holds>[0][]>();
    for (const id of Object.keys(postures.states)) {
      exits.set(
        id,
        postures.transitions.filter((t) => (t.from === id || t.from === '*') && t.to !== id).map((t) => t.when),
      );
    }
    machines.set(party, (entry = { machine: compilePostureMachine(game, party), exits }));
  }
  return entry;
}

/** The posture `party` moves to as this world opens a round, if any (its machine's decision). */
export function postureChange(game: Game, world: World, party: PartyId): PostureChange | undefined {
  const { machine, exits } = postureMachineOf(game, party);
  const current = world.parties[party]!.posture;
  if (!exits.get(current)?.some((when) => holds(when, game, world, party))) return undefined;
  const snapshot = machine.resolveState({ value: current, context: {} });
  const [next, actions] = transition(machine, snapshot, { type: 'WORLD', world });
  if (next.value === current) return undefined;
  const announce = actions.find((a) => a.type === 'announce');
  return { to: next.value, note: (announce?.params as { note?: string } | undefined)?.note ?? '' };
}
