// `backchannel validate FILE...`: checks scenario files and prints every problem as file:line:col: message.
import { statSync } from 'node:fs';
import { scenarioWarnings } from '../../analysis/warnings.js';
import { compileGame } from '../../model/game.js';
import { cleanText } from '../../scenario/clean-text.js';
import { listBundled } from '../../scenario/bundled.js';
import { formatProblem, loadScenarioFile } from '../../scenario/load.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';

const help = `Usage: backchannel validate FILE... [--strict]

Checks scenario files (YAML or JSON): syntax, the format, unknown keys and broken references. Prints every
problem as file:line:col: message, or "FILE: ok" with a summary. A bundled scenario's id works as a FILE too.
Then warns, as file:line:col: warning: message, about parts of a valid file that can never matter or that
make a deal impossible (posture floors out of reach, postures that cannot agree, postures with no way out).
Exit code 1 when any file has a problem (or, with --strict, a warning).
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('validate', argv, { strict: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length === 0) throw usageError('validate: give at least one scenario file, e.g. backchannel validate my-scenario.yaml');

  let failed = false;
  for (const arg of positionals) {
    const file = fileFor(arg);
    const result = loadScenarioFile(file);
    if (!result.ok) {
      failed = true;
      process.stderr.write(result.problems.map((p) => `${cleanText(formatProblem(p))}\n`).join(''));
      continue;
    }
    const { meta, parties, issues, calendar } = result.scenario;
    const warnings = scenarioWarnings(compileGame(result.scenario));
    for (const w of warnings) {
      // A warning about a part this file takes from the one it extends points into that file.
      const where = result.locate(w.path);
      process.stderr.write(`${cleanText(where.file)}:${where.line}:${where.col}: warning: ${cleanText(w.message)}\n`);
    }
    if (warnings.length > 0 && values.strict) failed = true;
    const noted = warnings.length > 0 ? `, ${count(warnings.length, 'warning', 'warnings')}` : '';
    process.stdout.write(
      `${cleanText(file)}: ok${noted} — ${meta.title} (${count(parties.length, 'party', 'parties')}, ${count(issues.length, 'issue', 'issues')}, ${count(calendar.rounds, 'round', 'rounds')})\n`,
    );
  }
  return failed ? 1 : 0;
}

/** A path as given; a bundled id stands for its file when no such path exists. */
function fileFor(arg: string): string {
  try {
    statSync(arg);
    return arg;
  } catch {
    return listBundled().find((b) => b.id === arg)?.path ?? arg;
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
