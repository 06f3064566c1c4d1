// Loading a scenario named by a SCENARIO argument (a path or a bundled id), with every problem located. Where the
// files are is scenario-files.ts (re-exported here); this is the part that needs the YAML parser and the schema.
import { formatProblem, loadScenarioFile, type Problem } from './load.js';
import type { Scenario } from './schema.js';
import { resolveScenario } from './scenario-files.js';

export { bundledDir, bundledSchemaPath, listBundled, packageRoot, resolveScenario, ScenarioNotFound } from './scenario-files.js';

/** A scenario file with problems. The message is every problem as "file:line:col: message", one a line. */
export class ScenarioInvalid extends Error {
  /** Exit code for the command line: invalid input. */
  readonly exitCode = 1;
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioInvalid';
  }
}

/** Resolves and loads a scenario; throws ScenarioNotFound or ScenarioInvalid (with every problem). */
export function loadScenarioOrThrow(arg: string): { scenario: Scenario; hash: string; path: string } {
  const path = resolveScenario(arg);
  const result = loadScenarioFile(path);
  if (!result.ok) throw new ScenarioInvalid(result.problems);
  return { scenario: result.scenario, hash: result.hash, path };
}
