// The rules: step(game, world, command) → the next world. Pure: the world given is never changed (step/tx.ts
// copies what a command writes), and the only randomness is the generator whose state lives in World. Phases
// follow DESIGN §5:
//   briefing → rounds [events → front → diplomacy (each party in turn) → resolution]
//   → signing (every signatory) → ratification → implementation → ended; or deadline / walk-out / collapse.
// The parts: step/commands.ts (diplomacy), step/information.ts (envoys, exposure, leaks), step/rounds.ts (the
// clock), step/settlement.ts (agreement to implementation), step/effects.ts (what changes a party or the map).
import type { Game } from './game.js';
import { validate } from './rules.js';
import { diplomacy } from './step/commands.js';
import { nameOf } from './step/effects.js';
import { ratify, implement, refuse, sign } from './step/settlement.js';
import { nextTurn, startRound } from './step/rounds.js';
import { FREEZE, freezeWorld, Tx } from './step/tx.js';
import type { Command, World } from './types.js';

export { AMOUNTS } from './step/effects.js';
export { culprit, exposureHow, heardTerms, misled, truthOf } from './step/information.js';

export class IllegalCommand extends Error {}

export function step(game: Game, world: World, command: Command): World {
  const error = validate(game, world, command);
  if (error) throw new IllegalCommand(error);
  const tx = new Tx(game, world);
  tx.w.moves++;
  apply(tx, command);
  let done = tx;
  if (tx.roundPending) {
    // A new round opens. Its events read the world as the round begins: a second transaction over the world the
    // command left, so that what the events change cannot feed back into the conditions of the ones after them.
    done = new Tx(game, tx.w);
    done.lines.push(...tx.lines);
    startRound(done);
  }
  const next = done.finish();
  return FREEZE ? freezeWorld(next) : next;
}

function apply(tx: Tx, c: Command): void {
  switch (c.type) {
    case 'begin':
      tx.log({ kind: 'event', text: `${tx.game.scenario.meta.title}: the talks open.` });
      tx.roundPending = true;
      return;
    case 'continue':
      if (tx.w.phase === 'ratification') ratify(tx);
      else implement(tx);
      return;
    case 'posture': {
      const party = tx.game.party[c.party]!;
      const state = tx.party(c.party);
      state.posture = c.posture;
      state.postureSince = tx.w.round;
      const label = party.postures.states[c.posture]!.label;
      tx.log({ kind: 'posture', party: c.party, text: `${nameOf(tx.game, c.party)}: ${label}${c.note ? ` — ${c.note}` : ''}` });
      return;
    }
    case 'sign':
      return sign(tx, c.by);
    case 'refuse':
      return refuse(tx, c.by);
    default:
      diplomacy(tx, c);
      if (tx.w.phase === 'diplomacy') nextTurn(tx);
  }
}
