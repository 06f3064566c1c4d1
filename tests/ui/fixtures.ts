// Options for the app in tests: the fixture scenarios as choices, and save functions that record their calls;
// games played to the middle of the talks.
import { legalCommandTypes } from '../../src/model/rules.js';
import type { Command } from '../../src/model/types.js';
import { currentActor } from '../../src/model/view.js';
import type { AppOptions, GameStart, ScenarioChoice } from '../../src/ui/app-options.js';
import { startSession, type GameSession } from '../../src/ui/session.js';
import { alaska, fixturePath, gameFrom, mini, scenarioPath } from '../helpers/games.js';

export const miniChoice = (): ScenarioChoice => ({ game: mini(), hash: 'mini-hash', path: fixturePath('mini.yaml') });
export const alaskaChoice = (): ScenarioChoice => ({ game: alaska(), hash: 'alaska-hash', path: scenarioPath('alaska-2025') });

export interface Recorded {
  saves: Parameters<AppOptions['save']>[0][];
  transcripts: { name: string; markdown: string }[];
}

export function testOptions(overrides: Partial<AppOptions> = {}): { options: AppOptions; recorded: Recorded } {
  const recorded: Recorded = { saves: [], transcripts: [] };
  const options: AppOptions = {
    scenarios: [alaskaChoice(), miniChoice()],
    seed: 7,
    color: true,
    save: (game) => {
      recorded.saves.push(game);
      return `/tmp/backchannel-test-${recorded.saves.length}.json`;
    },
    saveTranscript: (name, markdown) => {
      recorded.transcripts.push({ name, markdown });
      return `/tmp/${name}.md`;
    },
    ...overrides,
  };
  return { options, recorded };
}

export function startAt(choice: ScenarioChoice, humans: string[], seed = 7): GameStart {
  return { choice, seed, humans };
}

/**
 * A bundled scenario played to the middle of the talks through the real rules: the automatic moves play, and
 * the human makes a public statement (its best option on the first issue) in its first round, proposes in its
 * second (so that its own open proposal and a broken public line can show) and passes after that.
 */
export function midGame(id: string, human: string, seed: number, rounds: number): GameSession {
  const game = gameFrom(scenarioPath(id));
  const session = startSession({ choice: { game, hash: id, path: scenarioPath(id) }, seed, humans: [human] });
  const send = (command: Command) => session.actor.send({ type: 'COMMAND', command });
  send({ type: 'begin' });
  for (let r = 0; r < rounds; r++) {
    session.actor.send({ type: 'ADVANCE' });
    const world = session.actor.getSnapshot().context.world;
    if (world.phase !== 'diplomacy') break;
    const legal = legalCommandTypes(game, world, human);
    const prefs = game.prefs[human]!;
    if (r === 0 && legal.includes('statement')) {
      const row = prefs.values[0]!;
      send({ type: 'statement', by: human, issue: 0, option: row.indexOf(Math.max(...row)) });
    } else if (r === 1 && legal.includes('propose')) {
      send({ type: 'propose', by: human, terms: prefs.values.map((row) => row.indexOf(Math.max(...row))), channel: 'direct' });
    } else send({ type: 'pass', by: human });
  }
  session.actor.send({ type: 'ADVANCE' });
  return session;
}

/** A bundled scenario played to the end: the human as in `midGame`, then passing (or signing) every turn. */
export function playToEnd(id: string, human: string, seed: number): GameSession {
  const session = midGame(id, human, seed, 2);
  const game = session.game;
  for (let k = 0; k < 500; k++) {
    const world = session.actor.getSnapshot().context.world;
    if (world.phase === 'ended') break;
    const legal = legalCommandTypes(game, world, human);
    if (currentActor(world, game) === human) session.actor.send({ type: 'COMMAND', command: legal.includes('sign') ? { type: 'sign', by: human } : { type: 'pass', by: human } });
    session.actor.send({ type: 'ADVANCE' });
  }
  return session;
}
