// The scenarios that ship with the game (`scenarios/*.yaml` at the package root), and how a SCENARIO argument
// — a path or a bundled id — becomes a file. This code runs from src/ (tsx, vitest) and from the esbuild
// bundle in .build/, so the package root is found by walking up, not by a fixed relative path.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from './did-you-mean.js';
import { formatProblem, loadScenarioFile, type Problem } from './load.js';
import { bundledDir, packageRoot } from './package-root.js';

export { bundledDir, packageRoot };
import type { Scenario } from './schema.js';

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

/** A scenario file with problems. The message is every problem as "file:line:col: message", one a line. */
export class ScenarioInvalid extends Error {
  /** Exit code for the command line: invalid input. */
  readonly exitCode = 1;
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioInvalid';
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

/** Resolves and loads a scenario; throws ScenarioNotFound or ScenarioInvalid (with every problem). */
export function loadScenarioOrThrow(arg: string): { scenario: Scenario; hash: string; path: string } {
  const path = resolveScenario(arg);
  const result = loadScenarioFile(path);
  if (!result.ok) throw new ScenarioInvalid(result.problems);
  return { scenario: result.scenario, hash: result.hash, path };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
