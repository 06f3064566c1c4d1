// Turns a SCENARIO argument (a path or a bundled id) into a compiled game. A missing or invalid scenario
// throws the scenario layer's ScenarioNotFound / ScenarioInvalid, which main() prints (located lines, exit 1).
import { compileGame, type Game } from '../model/game.js';
import { loadScenarioOrThrow } from '../scenario/bundled.js';
import { BUILD, lookUp } from './scenario-cache.js';

export { parseSeed } from './seed.js';

export interface LoadedGame {
  game: Game;
  hash: string;
  path: string;
}

export function loadGame(arg: string): LoadedGame {
  const { scenario, hash, path } = loadScenarioOrThrow(arg);
  return { game: compileGame(scenario), hash, path };
}

/** loadGame, through the scenario cache when running from the bundle (scenario-cache.ts). Same result, same errors. */
export function loadGameCached(arg: string, env: NodeJS.ProcessEnv = process.env, build: string | undefined = BUILD): LoadedGame {
  const entry = lookUp(arg, env, build);
  return entry.hit ?? entry.keep(loadGame(arg));
}
