// `backchannel replay SAVE [--scenario PATH]`: rebuilds a saved game from its commands (the AI is never asked
// again) and checks that the rebuilt world's hash is the one the save recorded.
import { replaySave, SaveError } from '../../engine/save.js';
import type { World } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import { parseCommand } from '../args.js';
import { CliError, usageError } from '../errors.js';
import { exitOnBrokenPipe } from '../tty.js';
import { scenarioForSave } from '../save-load.js';
import { readSave } from '../save-store.js';

const usage = 'usage: backchannel replay SAVE [--scenario PATH]';

export async function run(argv: string[]): Promise<number> {
  exitOnBrokenPipe();
  const { values, positionals } = parseCommand('replay', argv, { scenario: { type: 'string' } });
  if (values.help) {
    process.stdout.write(
      `${usage}\n\nRebuilds the game in SAVE from its seed and commands and checks the final state's hash.\n` +
        'The scenario is the bundled one the save names, or the file given with --scenario.\n' +
        'Exit 0 when the hash matches; 1 when it does not, or the save is corrupt or of another scenario.\n',
    );
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`replay takes one SAVE file\n${usage}`);
  const path = positionals[0]!;
  const save = readSave(path);
  const { game, hash: scenarioHash } = scenarioForSave(path, save, values.scenario, 'replay');
  let replay;
  try {
    replay = replaySave(game, scenarioHash, save);
  } catch (error) {
    if (error instanceof SaveError) throw new CliError(`${cleanText(path)}: ${cleanText(error.message)}`);
    throw new CliError(`${cleanText(path)}: corrupt save: ${error instanceof Error ? cleanText(error.message) : String(error)}`);
  }
  if (!replay.matches) {
    throw new CliError(`${cleanText(path)}: hash mismatch: the save records ${cleanText(save.hash)}, the replay gives ${replay.hash}`);
  }
  process.stdout.write(
    `ok: ${save.scenario.id} seed ${save.seed}, ${save.commands.length} commands, round ${replay.world.round}, ${outcomeText(replay.world)}, hash ${replay.hash}\n`,
  );
  return 0;
}

/** "deal (implemented)", "no deal (deadline)", or "in progress (diplomacy)". */
export function outcomeText(world: World): string {
  const o = world.outcome;
  if (!o) return `in progress (${world.phase})`;
  return `${o.kind === 'deal' ? 'deal' : 'no deal'} (${o.reason})`;
}
