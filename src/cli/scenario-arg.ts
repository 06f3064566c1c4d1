// Turns a SCENARIO argument (a path or a bundled id) into a compiled game, or into one clear CLI error:
// the validator's located lines, then exit 1.
import { compileGame, type Game } from '../model/game.js';
import { formatProblem } from '../scenario/load.js';
import { loadScenarioOrThrow, ScenarioInvalid, ScenarioNotFound } from '../scenario/bundled.js';
import { CliError } from './errors.js';

export interface LoadedGame {
  game: Game;
  hash: string;
  path: string;
}

export function loadGame(arg: string): LoadedGame {
  try {
    const { scenario, hash, path } = loadScenarioOrThrow(arg);
    return { game: compileGame(scenario), hash, path };
  } catch (error) {
    if (error instanceof ScenarioNotFound) throw new CliError(error.message);
    if (error instanceof ScenarioInvalid) {
      throw new CliError(`invalid scenario:\n${error.problems.map(formatProblem).join('\n')}`);
    }
    throw error;
  }
}

/** Parses a --seed value: a non-negative integer below 2^32. */
export function parseSeed(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new CliError(`--seed takes a whole number from 0 to 4294967295, not "${value}"`, 2);
  return Number(value);
}
