// Where saves live and how they are written and read (a save read back into a game, its scenario loaded and its
// commands replayed, is save-load.ts). A save is written atomically (a temporary file in the
// same folder, flushed to disk, then renamed over the old one), so a crash or `kill -9` leaves either the old
// save or the new one, never half a file. Reading a save never writes to it: a corrupt or foreign save stays
// exactly as it was, byte for byte.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { replay, type LoggedCommand } from '../engine/advance.js';
import { makeSave, parseSave, SaveError, serializeSave, type SaveFile } from '../engine/save.js';
import type { Game } from '../model/game.js';
import type { LogLine, PartyId, World } from '../model/types.js';
import { cleanText } from '../scenario/clean-text.js';
import { CliError } from './errors.js';
import type { LoadedGame } from './scenario-arg.js';
import { commandHint } from './hint.js';

/** The folder for saves: `$XDG_STATE_HOME/backchannel`, else `~/.local/state/backchannel`. */
export function saveDir(env: NodeJS.ProcessEnv = process.env): string {
  const state = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(env.HOME || homedir(), '.local', 'state');
  return join(state, 'backchannel');
}

/** The default save file of a game: `<scenario id>-seed-<seed>.json` in the save folder. */
export function defaultSavePath(scenarioId: string, seed: number, env: NodeJS.ProcessEnv = process.env): string {
  return join(saveDir(env), `${safeName(scenarioId)}-seed-${seed}.json`);
}

/**
 * Where a new game saves when no --save is given: the default path, or — when a file is already there (an
 * earlier game with the same scenario and seed) — the first free `<scenario>-seed-<seed>-2.json`, `-3`, … so
 * that starting a game never overwrites another game's save.
 */
export function newSavePath(scenarioId: string, seed: number, env: NodeJS.ProcessEnv = process.env): string {
  const first = defaultSavePath(scenarioId, seed, env);
  if (!existsSync(first)) return first;
  for (let n = 2; ; n++) {
    const path = first.replace(/\.json$/, `-${n}.json`);
    if (!existsSync(path)) return path;
  }
}

/** A file name made of safe characters only (scenario ids are already ids; this is belt and braces). */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'game';
}

/**
 * Writes `text` to `path` atomically: a temporary file beside it, fsync, rename over `path`, then fsync the
 * folder so the rename itself survives a power cut. Creates the folder if needed.
 */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems do not let a folder be fsynced; the rename is still atomic.
  }
}

/** What a game needs to be saved. */
export interface SaveState {
  game: Game;
  scenarioHash: string;
  seed: number;
  humans: PartyId[];
  log: LoggedCommand[];
  world: World;
  /** In a class: adds who played and the class's signature to each save written. */
  stamp?: (save: SaveFile) => SaveFile;
}

/** Writes the game to `path` (atomically) and returns the path. */
export function writeSave(path: string, state: SaveState): string {
  lockSave(path);
  const made = makeSave(state.game, state.scenarioHash, state.seed, state.humans, state.log, state.world);
  const save = state.stamp ? state.stamp(made) : made;
  writeFileAtomic(path, serializeSave(save));
  return path;
}

/**
 * Checks that a game may write its saves to `path`: a missing file, or a save of the same game (same scenario
 * and seed, which it replaces). Anything else — a save of another game, a file that is not a save, a folder —
 * is refused, so a mistyped `--save` never destroys someone's game or file. `game` is what is known yet of the
 * game to be saved (the scenario may still be chosen in the picker).
 */
export function checkSaveTarget(path: string, game: { scenario?: string; seed?: number } = {}): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  if (!stats.isFile()) throw new CliError(`${cleanText(path)} is not a file; give --save a file path`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${cleanText(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let save: SaveFile;
  try {
    save = parseSave(text);
  } catch {
    throw new CliError(`${cleanText(path)} exists and is not a Backchannel save; it is left alone (choose another file with --save)`);
  }
  if ((game.scenario !== undefined && save.scenario.id !== game.scenario) || (game.seed !== undefined && save.seed !== game.seed)) {
    throw new CliError(
      `${cleanText(path)} is the save of another game (${cleanText(save.scenario.id)}, seed ${save.seed}); it is left alone (resume it with ${cleanText(commandHint('play', '--load', path))}, or choose another file with --save)`,
    );
  }
}

// ── one game per save ─────────────────────────────────────────────────────────────────────────────────────
// Two games writing one save would each overwrite the other's moves. The first to write takes a lock file
// (SAVE.lock, holding its process id) and keeps it until it exits; another game finds it and refuses, unless
// the process that took it is gone (a crash, kill -9), when the lock is stale and is taken over.

const held = new Set<string>();

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLocks(): void {
  for (const path of held) rmSync(`${path}.lock`, { force: true });
  held.clear();
}

/** Takes the lock of the save at `path` for this process (once); refuses when another live game holds it. */
export function lockSave(path: string): void {
  const abs = resolve(path);
  if (held.has(abs)) return;
  const lock = `${abs}.lock`;
  try {
    mkdirSync(dirname(lock), { recursive: true });
  } catch {
    // A folder that cannot be made: the save itself will say what is wrong.
    return;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      if (held.size === 0) process.once('exit', releaseLocks);
      held.add(abs);
      return;
    } catch (error) {
      // A folder where no lock can be made: the save itself will say what is wrong.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return;
    }
    let pid = NaN;
    try {
      pid = Number(readFileSync(lock, 'utf8').trim());
    } catch {
      // Gone in between: try again.
    }
    if (pid === process.pid) {
      held.add(abs);
      return;
    }
    if (alive(pid)) {
      throw new CliError(`${cleanText(path)} is in use by another Backchannel game (process ${pid}); finish that one first, or choose another file with --save`);
    }
    try {
      rmSync(lock, { force: true });
    } catch {
      return;
    }
  }
}

/** A save read from disk and rebuilt: the game, where it stands, and the commands that led there. */
export interface LoadedSave {
  path: string;
  save: SaveFile;
  loaded: LoadedGame;
  world: World;
  /** The commands that led there, as the engine logs them. */
  log: LoggedCommand[];
  hash: string;
}

/** Reads a save file; a missing, unreadable or malformed file becomes one CliError line (exit 1). */
export function readSave(path: string): SaveFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
    throw new CliError(`cannot read save ${cleanText(path)}: ${why}`);
  }
  try {
    return parseSave(text);
  } catch (error) {
    if (error instanceof SaveError) throw new CliError(`${cleanText(path)}: ${cleanText(error.message)}`);
    throw error;
  }
}

/** Writes a transcript (Markdown) to the current folder, or the save folder when that fails; returns the path. */
export function writeTranscript(name: string, markdown: string, env: NodeJS.ProcessEnv = process.env): string {
  const file = `${safeName(name.replace(/\.md$/i, ''))}.md`;
  // Beside the saves, never silently into whatever folder the game was started from (often a checkout).
  const candidates = [join(saveDir(env), 'transcripts', file), join(saveDir(env), file)];
  let lastError: unknown;
  for (const path of candidates) {
    try {
      writeFileAtomic(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
      return path;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** The full text log of a game, rebuilt from its commands (World keeps only the recent lines). */
export function rebuildLog(game: Game, seed: number, commands: readonly LoggedCommand[]): LogLine[] {
  return replay(game, seed, commands).lines;
}
