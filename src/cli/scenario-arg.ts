// Turns a SCENARIO argument (a path or a bundled id) into a compiled game. A missing or invalid scenario
// throws the scenario layer's ScenarioNotFound / ScenarioInvalid, which main() prints (located lines, exit 1).
import { compileGame, type Game } from '../model/game.js';
import { loadScenarioOrThrow } from '../scenario/bundled.js';
import { CliError } from './errors.js';

export interface LoadedGame {
  game: Game;
  hash: string;
  path: string;
}

export function loadGame(arg: string): LoadedGame {
  const { scenario, hash, path } = loadScenarioOrThrow(arg);
  return { game: compileGame(scenario), hash, path };
}

/** Parses a --seed value: a non-negative integer below 2^32. */
export function parseSeed(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new CliError(`--seed takes a whole number from 0 to 4294967295, not "${value}"`, 2);
  return Number(value);
}
