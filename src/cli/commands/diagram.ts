// `backchannel diagram SCENARIO [--format text|mermaid|dot]`: the posture machines, issues and events drawn.
import { diagram, type DiagramFormat } from '../../analysis/diagram.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';
import { loadGame } from '../scenario-arg.js';

const help = `Usage: backchannel diagram SCENARIO [--format text|mermaid|dot]

Draws each party's posture machine with the conditions on its transitions, the issues and who must sign
them, the events with what triggers them, and the scripted meetings. text (the default) reads in the
terminal; mermaid pastes into GitHub or an editor; dot goes to Graphviz (dot -Tsvg).
`;

const FORMATS: DiagramFormat[] = ['text', 'mermaid', 'dot'];

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('diagram', argv, { format: { type: 'string' } });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length !== 1) throw usageError('diagram takes one scenario, e.g. backchannel diagram my-scenario.yaml');
  const format = (values.format ?? 'text') as DiagramFormat;
  if (!FORMATS.includes(format)) throw usageError(`diagram: --format is one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const { game } = loadGame(positionals[0]!);
  process.stdout.write(diagram(game.scenario, format));
  return 0;
}
