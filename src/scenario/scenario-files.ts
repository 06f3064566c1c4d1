// Where scenarios are: the bundled ones (`scenarios/*.yaml` at the package root) and how a SCENARIO argument —
// a path or a bundled id — becomes a file. Kept apart from the loader (bundled.ts, load.ts): finding files needs
// neither YAML nor the schema, and the title screen, which reads its scenarios from the cache, loads neither.
// This code runs from src/ (tsx, vitest) and from the esbuild bundle in .build/, so the package root is found
// by walking up, not by a fixed relative path.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from './did-you-mean.js';
import { bundledDir, packageRoot } from './package-root.js';

export { bundledDir, packageRoot };

/** Scenario files larger than this are refused before parsing. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/**
 * The content hash saves and replays carry to recognise a scenario: the first 16 hex digits (64 bits) of the
 * SHA-256 of the file's text encoded as UTF-8 (a leading byte-order mark is not part of the text).
 */
export function scenarioHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** A SCENARIO argument that is neither a file nor a bundled id. */
export class ScenarioNotFound extends Error {
  /** Exit code for the command line: invalid input. */
  readonly exitCode = 1;
  constructor(
    readonly arg: string,
    readonly bundled: readonly string[],
  ) {
    const suggestion = closest(arg, bundled);
    super(
      `no scenario ${JSON.stringify(arg)}: not a file, and not a bundled id (bundled: ${bundled.length > 0 ? bundled.join(', ') : 'none'})` +
        (suggestion ? ` — did you mean ${JSON.stringify(suggestion)}?` : ''),
    );
    this.name = 'ScenarioNotFound';
  }
}

/** The committed JSON Schema of the scenario format (what `backchannel schema` prints). */
export function bundledSchemaPath(): string {
  return join(bundledDir(), 'scenario.schema.json');
}

/** Every bundled scenario, sorted by id: `scenarios/*.yaml`, id = the file name without ".yaml". */
export function listBundled(): { id: string; path: string }[] {
  const dir = bundledDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ id: name.slice(0, -'.yaml'.length), path: join(dir, name) }));
}

/** A SCENARIO argument as a file path: an existing file is itself, a bundled id its file. Else ScenarioNotFound. */
export function resolveScenario(arg: string): string {
  if (isFile(arg)) return arg;
  const bundled = listBundled();
  const found = bundled.find((b) => b.id === arg);
  if (found) return found.path;
  throw new ScenarioNotFound(
    arg,
    bundled.map((b) => b.id),
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
