// Reading a save back into a game: the scenario it belongs to, loaded (the YAML parser and the schema come with
// it), and the save's commands replayed and checked. Apart from save-store.ts, which writes and finds saves
// without ever reading a scenario — so the title screen and autosave do not load the scenario reader.
import { replaySave, SaveError, type SaveFile } from '../engine/save.js';
import { ScenarioNotFound } from '../scenario/scenario-files.js';
import { cleanText } from '../scenario/clean-text.js';
import { CliError } from './errors.js';
import { commandHint } from './hint.js';
import { readSave, type LoadedSave } from './save-store.js';
import { loadGame, type LoadedGame } from './scenario-arg.js';

/**
 * The scenario a save belongs to: the SCENARIO argument when one is given, else the bundled scenario with the
 * save's id. A save of a scenario that is not bundled needs its file.
 */
export function scenarioForSave(path: string, save: SaveFile, scenarioArg: string | undefined, command: 'play' | 'replay' | 'debrief' = 'play'): LoadedGame {
  if (scenarioArg !== undefined) return loadGame(scenarioArg);
  try {
    return loadGame(save.scenario.id);
  } catch (error) {
    if (error instanceof ScenarioNotFound) {
      throw new CliError(
        `${cleanText(path)}: a save of scenario "${cleanText(save.scenario.id)}", which is not bundled; give its file too (e.g. ${cleanText(command === 'play' ? commandHint('play', 'SCENARIO.yaml', '--load', path) : commandHint(command, path, '--scenario', 'SCENARIO.yaml'))})`,
      );
    }
    throw error;
  }
}

/**
 * Reads, checks and rebuilds a save: its scenario (same id, same content hash), every command legal, and the
 * rebuilt world's hash equal to the one recorded. Any failure is one CliError line; the file is not touched.
 */
export function loadSave(path: string, scenarioArg?: string, command: 'play' | 'debrief' = 'play'): LoadedSave {
  const save = readSave(path);
  const loaded = scenarioForSave(path, save, scenarioArg, command);
  let replay;
  try {
    replay = replaySave(loaded.game, loaded.hash, save);
  } catch (error) {
    if (error instanceof SaveError) throw new CliError(`${cleanText(path)}: ${cleanText(error.message)}`);
    throw new CliError(`${cleanText(path)}: corrupt save: ${error instanceof Error ? cleanText(error.message) : String(error)}`);
  }
  if (!replay.matches) {
    throw new CliError(
      `${cleanText(path)}: the save does not reproduce its game (recorded hash ${cleanText(save.hash)}, replay gives ${replay.hash}); it was edited or is corrupt`,
    );
  }
  return { path, save, loaded, world: replay.world, log: replay.log, hash: replay.hash };
}
