// ── the scenario cache: fast start ───────────────────────────────────────────────────────────────────────────
// Reading a scenario (YAML with source positions, the schema, the cross-references) takes a good part of the
// game's start-up, and loading the reader itself (the YAML parser, zod) another. A scenario that passed once is
// kept as JSON in $XDG_CACHE_HOME/backchannel (or ~/.cache/backchannel), keyed by the file's content hash and by
// the build of the game that checked it, so an edited file or a new version of the game always goes through the
// loader again. This module reads and writes entries and needs neither the parser nor the schema: a start whose
// scenarios are all cached never loads them (scenario-arg.ts's loadGameCached is the way in that does).
// Only the bundle uses it; any trouble with the cache falls back to the loader, which also reports every problem
// of an invalid file.
// An entry is data anyone could edit (a reservation value set to 0, a title carrying escape codes): each is
// signed with a key kept apart from the cache, in the state folder, and an entry whose signature does not hold
// is ignored (and rewritten by the loader).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileGame } from '../model/game.js';
import { deepFreeze } from '../scenario/freeze.js';
import { MAX_SCENARIO_BYTES, resolveScenario, scenarioHash } from '../scenario/scenario-files.js';
import type { Scenario } from '../scenario/schema.js';
import { hmacHex, sameSignature } from './hmac.js';
import { saveDir, writeFileAtomic } from './save-store.js';
import type { LoadedGame } from './scenario-arg.js';

const CACHE_FORMAT = 'backchannel-scenario-cache';

/**
 * The build that checked a cached scenario: a hash of the sources and the lockfile, set by the bundler
 * (src/cli/bundle.mjs). Run from source there is none, and nothing is cached.
 */
export const BUILD: string | undefined = process.env.BACKCHANNEL_BUILD;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(cache, 'backchannel');
}

/** A scenario file's text and content hash, when it can be read and is not too large to be a scenario. */
function fileOf(arg: string): { path: string; hash: string } | undefined {
  try {
    const path = resolveScenario(arg);
    if (statSync(path).size > MAX_SCENARIO_BYTES) return undefined;
    return { path, hash: scenarioHash(readFileSync(path, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** What the cache has for a SCENARIO argument: its game when this build has it, and how to keep the loader's otherwise. */
export interface CacheEntry {
  hit?: LoadedGame;
  /** Keeps a game the loader read for the same argument (when its file can be cached); returns it. */
  keep: (loaded: LoadedGame) => LoadedGame;
}

/** Looks a SCENARIO argument up in the cache: the file is read and hashed once, for the look-up and the keeping. */
export function lookUp(arg: string, env: NodeJS.ProcessEnv = process.env, build: string | undefined = BUILD): CacheEntry {
  const file = build === undefined ? undefined : fileOf(arg);
  if (build === undefined || !file) return { keep: (loaded) => loaded };
  const path = join(cacheDir(env), `scenario-${file.hash}.json`);
  const keep = (loaded: LoadedGame): LoadedGame => {
    const key = cacheKey(env, true);
    // A scenario that extends another has a hash over both files, never the file's own: it is not cached, so a
    // changed base can never be served from a stale entry.
    if (loaded.hash !== file.hash || key === undefined) return loaded;
    try {
      const scenario = loaded.game.scenario;
      writeFileAtomic(path, JSON.stringify({ format: CACHE_FORMAT, build, hash: file.hash, scenario, mac: cacheMac(key, build, file.hash, scenario) }));
    } catch {
      // A cache that cannot be written only costs time.
    }
    return loaded;
  };
  try {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; build?: unknown; hash?: unknown; scenario?: unknown; mac?: unknown };
    const key = cacheKey(env);
    const signed = key !== undefined && typeof cached.mac === 'string' && sameSignature(cached.mac, cacheMac(key, build, file.hash, cached.scenario));
    // A signed entry is what this machine's loader wrote (the key never leaves the state folder): the schema
    // need not run again, which is the point of the cache. An unsigned or edited one never gets this far.
    const scenario = signed && cached.format === CACHE_FORMAT && cached.build === build && cached.hash === file.hash ? frozenScenario(cached.scenario) : undefined;
    if (scenario) return { hit: { game: compileGame(scenario), hash: file.hash, path: file.path }, keep };
  } catch {
    // No cache yet, or an unreadable one.
  }
  return { keep };
}

/** The key that signs cache entries, kept in the state folder (created, readable by the user alone, on first write). */
function cacheKey(env: NodeJS.ProcessEnv, create = false): Buffer | undefined {
  const file = join(saveDir(env), 'cache.key');
  try {
    const key = readFileSync(file);
    if (key.length >= 32) return key;
  } catch {
    // None yet.
  }
  if (!create) return undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    // Another process made it first, or the folder cannot be written: read what is there, or do without a cache.
    try {
      const key = readFileSync(file);
      return key.length >= 32 ? key : undefined;
    } catch {
      return undefined;
    }
  }
}

function cacheMac(key: Buffer, build: string, hash: string, scenario: unknown): string {
  return hmacHex(key, `${CACHE_FORMAT}\n${build}\n${hash}\n${JSON.stringify(scenario)}`);
}

/** The cached scenario, frozen as the loader leaves it; undefined when it is not even an object. */
function frozenScenario(data: unknown): Scenario | undefined {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? deepFreeze(data as Scenario) : undefined;
}
