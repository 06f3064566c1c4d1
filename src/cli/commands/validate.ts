// `backchannel validate FILE...`: checks scenario files and prints every problem as file:line:col: message.
import { statSync } from 'node:fs';
import { cleanText } from '../../scenario/clean-text.js';
import { listBundled } from '../../scenario/bundled.js';
import { formatProblem, loadScenarioFile } from '../../scenario/load.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';

const help = `Usage: backchannel validate FILE...

Checks scenario files (YAML or JSON): syntax, the format, unknown keys and broken references. Prints every
problem as file:line:col: message, or "FILE: ok" with a summary. A bundled scenario's id works as a FILE too.
Exit code 1 when any file has a problem.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('validate', argv, {});
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
    process.stdout.write(
      `${cleanText(file)}: ok — ${meta.title} (${count(parties.length, 'party', 'parties')}, ${count(issues.length, 'issue', 'issues')}, ${count(calendar.rounds, 'round', 'rounds')})\n`,
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
