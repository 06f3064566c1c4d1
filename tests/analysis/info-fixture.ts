// A game about information, played through the real rules on the mini fixture: a palace meeting with no
// notetaker where Blue's aide garbles Red's offer, a relay, a readout that contradicts it, talks on the record,
// Red's envoy garbling offers to Green, clarification calls that expose one distortion and confirm an account.
// Green ends up holding a cable in every status; Blue holds a disputed report it then exposes.
import { compileGame, type Game } from '../../src/model/game.js';
import { step } from '../../src/model/step.js';
import type { Command, LogLine, World } from '../../src/model/types.js';
import { initialWorld } from '../../src/model/world.js';
import { linesAdded } from '../../src/engine/advance.js';
import { mini } from '../helpers/games.js';

/** Mini with the palace meeting (Red hosts Blue's aide, no notetaker) and envoys of fixed fidelity. */
export function palaceGame(opts: { leakChance?: number; notetaker?: boolean; signatories?: string[] } = {}): Game {
  const scenario = structuredClone<ReturnType<typeof mini>['scenario']>(mini().scenario);
  const envoy = (party: string) => scenario.parties.find((p) => p.id === party)!.envoys[0]!;
  // Fidelity 0 always garbles (when an issue has a notch to move), 1 never does.
  envoy('blue').fidelity = 0;
  envoy('red').fidelity = 0;
  envoy('green').fidelity = 1;
  scenario.meetings.push({
    id: 'palace',
    title: 'The palace meeting',
    round: 1,
    host: 'red',
    guest: 'blue',
    envoy: 'blue-aide',
    notetaker: opts.notetaker ?? false,
    terms: { 'north-status': 'split', sanctions: 'lifted', guarantee: 'none' },
  });
  scenario.information.leakChance = opts.leakChance ?? 0;
  // Only these parties need to sign (so that one party's acceptance can take a package to signing).
  if (opts.signatories) for (const issue of scenario.issues) issue.signatories = [...opts.signatories];
  return compileGame(scenario);
}

export interface Played {
  game: Game;
  world: World;
  commands: Command[];
  log: LogLine[];
}

/** Plays commands through step, keeping the full log the way the session does. */
export function play(game: Game, commands: readonly Command[], seed = 3): Played {
  let world = initialWorld(game, seed);
  const log: LogLine[] = [];
  for (const command of commands) {
    const next = step(game, world, command);
    log.push(...linesAdded(world, next));
    world = next;
  }
  return { game, world, commands: [...commands], log };
}

/** The messages, by id, that the information game below produces. */
export const MSG = { palace: 1, blueRelay: 2, redReadout: 3, blueOnRecord: 4, redEnvoy: 5, redRelay: 6, redEnvoyAgain: 7 } as const;

/** The commands of the information game; `blueClarifies` adds Blue's call that exposes the palace report. */
export function infoCommands(opts: { blueClarifies?: boolean } = {}): Command[] {
  return [
    { type: 'begin' },
    // Round 1: the palace meeting (#1, garbled for Blue); Blue passes on what it heard, Red publishes the truth.
    { type: 'relay', by: 'blue', message: MSG.palace, to: ['green'] },
    { type: 'readout', by: 'red', message: MSG.palace },
    { type: 'pass', by: 'green' },
    // Round 2: Blue proposes on the record; Red's envoy garbles an offer to Green; Green calls Red and finds out.
    { type: 'propose', by: 'blue', terms: [0, 1, 2], channel: 'direct' },
    { type: 'propose', by: 'red', terms: [2, 2, 0], channel: 'envoy', envoy: 'red-envoy', to: ['green'] },
    { type: 'clarify', by: 'green', message: MSG.redEnvoy },
    // Round 3: Red passes Blue's offer on faithfully; Green checks it: confirmed.
    { type: 'pass', by: 'blue' },
    { type: 'relay', by: 'red', message: MSG.blueOnRecord, to: ['green'] },
    { type: 'clarify', by: 'green', message: MSG.redRelay },
    // Round 4: Red's envoy again, not checked: hearsay. Blue may call about the palace report.
    opts.blueClarifies ? { type: 'clarify', by: 'blue', message: MSG.palace } : { type: 'pass', by: 'blue' },
    { type: 'propose', by: 'red', terms: [2, 1, 0], channel: 'envoy', envoy: 'red-envoy', to: ['green'] },
    { type: 'pass', by: 'green' },
  ];
}

export function infoGame(opts: { blueClarifies?: boolean } = {}): Played {
  return play(palaceGame(), infoCommands(opts));
}
