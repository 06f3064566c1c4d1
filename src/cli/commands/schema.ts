// `backchannel schema`: the JSON Schema (draft-07) of the scenario format, for editors and tools.
import { formatReference } from '../../scenario/format-reference.js';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';

const help = `Usage: backchannel schema [--markdown]

Prints the JSON Schema (draft-07) of the scenario format, or with --markdown the format reference for authors
(the bundled copy is scenarios/FORMAT.md). Scenario files point an editor at it with a first line
  # yaml-language-server: $schema=<path to scenario.schema.json>
(the bundled copy is scenarios/scenario.schema.json).
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('schema', argv, { markdown: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length > 0) throw usageError(`schema: takes no arguments (unexpected ${JSON.stringify(positionals[0])})`);
  process.stdout.write(values.markdown ? formatReference() : `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
