// A party as an xstate machine whose states are its postures, compiled from the scenario. At the start of
// each round of diplomacy the session sends it the world; the first transition (in scenario order) whose
// condition holds fires, and the machine tells the session, which records the change as a `posture` command.
import { sendParent, setup } from 'xstate';
import { holds } from '../model/conditions.js';
import type { Game } from '../model/game.js';
import type { PartyId, World } from '../model/types.js';

export type PostureEvent = { type: 'WORLD'; world: World };
export type PostureChanged = { type: 'POSTURE'; party: PartyId; posture: string; note: string };

export function compilePostureMachine(game: Game, party: PartyId, current: string) {
  const { postures } = game.party[party]!;
  const states: Record<string, { on: { WORLD: unknown[] } }> = {};
  for (const id of Object.keys(postures.states)) {
    const WORLD = postures.transitions
      .filter((t) => (t.from === id || t.from === '*') && t.to !== id)
      .map((t) => ({
        target: t.to,
        guard: ({ event }: { event: PostureEvent }) => holds(t.when, game, event.world, party),
        actions: sendParent({ type: 'POSTURE', party, posture: t.to, note: t.note } satisfies PostureChanged),
      }));
    states[id] = { on: { WORLD } };
  }
  return setup({ types: {} as { events: PostureEvent } }).createMachine({
    id: `posture-${party}`,
    initial: current,
    // The states are built from data, so their exact type is not known statically.
    states: states as never,
  });
}
