// Saves: the scenario's id and content hash, the seed, who played which party, and every accepted command.
// A game is rebuilt by folding step over the commands — the AI is never asked again — and the final world's
// hash proves the rebuild is the same game.
import type { Game } from '../model/game.js';
import { hashWorld, hashWorldAs } from '../model/hash.js';
import type { PartyId, World } from '../model/types.js';
import { replay, ReplayError, type LoggedCommand } from './advance.js';

export const SAVE_FORMAT = 'backchannel-save';
export const SAVE_VERSION = 3;
/** Versions this game reads: an older save is checked against the world less what later versions added (model/hash.ts). */
const READS = [1, 2, 3];

export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: 1 | 2 | typeof SAVE_VERSION;
  scenario: { id: string; hash: string };
  seed: number;
  humans: PartyId[];
  commands: LoggedCommand[];
  /** Hash of the world after the last command. */
  hash: string;
  /** In a class: the student who played, and at which table. */
  player?: { name: string; table: string };
  /** In a class: HMAC-SHA256 of the save (without this field) with the class's key, so an edited file shows. */
  signature?: string;
}

export class SaveError extends Error {}

/** What a JSON value is, in words, for a message. */
const kindOf = (v: unknown): string => (v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/**
 * The save's fields checked one by one and copied (unknown fields are dropped). Commands are checked against the
 * rules during replay, which says more than a shape could; here only that each is an object with a type. Written
 * out rather than with the schema library: the title screen, which reads no save, need not load it.
 */
function saveShape(data: Record<string, unknown>, version: SaveFile['version']): SaveFile {
  const fail = (path: string, what: string): never => {
    throw new SaveError(`corrupt save: ${path}: ${what}`);
  };
  const object = (v: unknown, path: string): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(path, `expected an object, not ${kindOf(v)}`);
  const text = (v: unknown, path: string): string => (typeof v === 'string' ? v : fail(path, `expected text, not ${kindOf(v)}`));
  const number = (v: unknown, path: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail(path, `expected a number, not ${kindOf(v)}`));
  const list = (v: unknown, path: string): unknown[] => (Array.isArray(v) ? v : fail(path, `expected a list, not ${kindOf(v)}`));
  // In the order of the fields, so the first thing wrong is the one named.
  const scenario = object(data.scenario, 'scenario');
  const scenarioId = text(scenario.id, 'scenario.id');
  const scenarioHash = text(scenario.hash, 'scenario.hash');
  const seed = number(data.seed, 'seed');
  if (!Number.isInteger(seed)) fail('seed', 'expected a whole number');
  const humans = list(data.humans, 'humans').map((h, i) => text(h, `humans.${i}`));
  const commands = list(data.commands, 'commands').map((c, i) => {
    const entry = object(c, `commands.${i}`);
    const { type, ...rest } = object(entry.command, `commands.${i}.command`);
    // The type first, then the command's other fields as they were.
    const command = { type: text(type, `commands.${i}.command.type`), ...rest } as unknown as LoggedCommand['command'];
    const logged: LoggedCommand = { command, round: number(entry.round, `commands.${i}.round`) };
    if (entry.reason !== undefined) logged.reason = text(entry.reason, `commands.${i}.reason`);
    return logged;
  });
  const save: SaveFile = { format: SAVE_FORMAT, version, scenario: { id: scenarioId, hash: scenarioHash }, seed, humans, commands, hash: text(data.hash, 'hash') };
  if (data.player !== undefined) {
    const player = object(data.player, 'player');
    save.player = { name: text(player.name, 'player.name'), table: text(player.table, 'player.table') };
  }
  if (data.signature !== undefined) save.signature = text(data.signature, 'signature');
  return save;
}

export function makeSave(game: Game, scenarioHash: string, seed: number, humans: PartyId[], commands: readonly LoggedCommand[], world: World): SaveFile {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    scenario: { id: game.scenario.meta.id, hash: scenarioHash },
    seed,
    humans,
    // Who saw each move is rebuilt on load (the rules say it); a save keeps what cannot be rebuilt.
    commands: commands.map(({ command, round, reason }) => (reason === undefined ? { command, round } : { command, round, reason })),
    hash: hashWorld(world),
  };
}

/** Parses a save's text; every way it can be wrong becomes a SaveError with a plain message. */
export function parseSave(text: string): SaveFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SaveError('not a Backchannel save (it is not JSON; the file may be truncated or corrupt)');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== SAVE_FORMAT) {
    throw new SaveError('not a Backchannel save (no "backchannel-save" format marker)');
  }
  const version = (data as { version?: unknown }).version;
  if (!READS.includes(version as number)) {
    throw new SaveError(`a save of format version ${String(version)}; this game reads versions ${READS.slice(0, -1).join(', ')} and ${READS.at(-1)}`);
  }
  return saveShape(data as Record<string, unknown>, version as SaveFile['version']);
}

export function serializeSave(save: SaveFile): string {
  return `${JSON.stringify(save)}\n`;
}

export interface Replay {
  world: World;
  /** The commands as the engine logs them (with who saw each). */
  log: LoggedCommand[];
  hash: string;
  /** Whether the rebuilt world matches the hash the save recorded. */
  matches: boolean;
}

/** Rebuilds the game a save describes. Throws SaveError if the save belongs to another scenario or a command is illegal. */
export function replaySave(game: Game, scenarioHash: string, save: SaveFile): Replay {
  if (save.scenario.id !== game.scenario.meta.id) {
    throw new SaveError(`this save is of scenario "${save.scenario.id}", not "${game.scenario.meta.id}"`);
  }
  if (save.scenario.hash !== scenarioHash) {
    throw new SaveError(`the scenario "${save.scenario.id}" has changed since this game was saved (content hash differs)`);
  }
  for (const h of save.humans) if (!game.party[h]) throw new SaveError(`corrupt save: no party "${h}" in the scenario`);
  let world: World;
  let log: LoggedCommand[];
  try {
    ({ world, entries: log } = replay(game, save.seed, save.commands));
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    const type = (error.command as { type?: unknown } | null)?.type;
    throw new SaveError(`corrupt save: command ${error.index + 1} (${String(type)}) is not legal: ${error.message}`);
  }
  const hash = hashWorldAs(save.version, world);
  return { world, log, hash, matches: hash === save.hash };
}
