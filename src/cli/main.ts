// The command line: parses the first word, loads only the module that command needs (so headless commands
// never load React), and turns every failure into one clear line and an exit code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from '../scenario/clean-text.js';
import { CliError } from './errors.js';

export interface CommandModule {
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<CommandModule>> = {
  play: () => import('./commands/play.js'),
  simulate: () => import('./commands/simulate.js'),
  validate: () => import('./commands/validate.js'),
  analyse: () => import('./commands/analyse.js'),
  diagram: () => import('./commands/diagram.js'),
  class: () => import('./commands/class.js'),
  handouts: () => import('./commands/handouts.js'),
  schema: () => import('./commands/schema.js'),
  new: () => import('./commands/new.js'),
  replay: () => import('./commands/replay.js'),
  debrief: () => import('./commands/debrief.js'),
  serve: () => import('./commands/serve.js'),
};

export const usage = `Backchannel — a diplomatic-negotiation strategy game for the terminal

Usage:
  backchannel                              title screen
  backchannel play [SCENARIO] [--as PARTY] [--players a,b] [--seed N] [--load SAVE] [--save SAVE] [--plain]
  backchannel play --class DIR --student NAME [--plain]
  backchannel simulate SCENARIO [--runs N] [--seed N] [--json] [--seat PARTY --strategy NAME] [--trace]
                                [--vary PATH=FROM:TO[:STEP] [--threads N]]
  backchannel validate FILE... [--strict]
  backchannel analyse SCENARIO [--round N [--seed S]] [--json]
  backchannel diagram SCENARIO [--format text|mermaid|dot]
  backchannel class new DIR --scenario SCENARIO --roster FILE [--seed N] [--seats-per-table K] [--same-seed]
  backchannel class show DIR
  backchannel handouts SCENARIO|CLASS_DIR [--party P] --out DIR
  backchannel schema [--markdown]
  backchannel new ID [--out FILE] [--template bilateral|multilateral|summit|mediated]
  backchannel replay SAVE [--scenario PATH]
  backchannel debrief SAVE... [--markdown FILE] [--scenario PATH]
  backchannel debrief CLASS_DIR [--markdown FILE] [--html FILE] [--json]
  backchannel serve CLASS_DIR [--port 2222] [--host 0.0.0.0] [--when-away wait|ai] [--max N] [--idle MIN]

SCENARIO is a path to a .yaml file or the id of a bundled scenario (e.g. alaska-2025).
COMMAND --help says more about each command.
Exit codes: 0 success, 1 invalid input, 2 usage error. DEBUG=backchannel shows stack traces.
`;

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    const { packageRoot } = await import('../scenario/bundled.js');
    const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`backchannel ${manifest.version}\n`);
    return 0;
  }
  if (first === undefined || first.startsWith('-')) {
    // No command: the title screen, which is `play` without a scenario.
    const play = await commands.play!();
    return play.run(argv);
  }
  const load = commands[first];
  if (!load) throw new CliError(`unknown command "${first}" (try: backchannel --help)`, 2);
  return (await load()).run(rest);
}

function report(error: unknown): number {
  if (process.env.DEBUG?.split(',').includes('backchannel')) console.error(error);
  // CliError, and the scenario layer's ScenarioNotFound / ScenarioInvalid, carry their own exit code.
  const exitCode = (error as { exitCode?: unknown } | null)?.exitCode;
  if (error instanceof Error && (exitCode === 1 || exitCode === 2)) {
    // Messages quote what the user gave (a path, a file's text): never an escape sequence to the terminal.
    process.stderr.write(
      `${error.message
        .split('\n')
        .map((line) => `backchannel: ${cleanText(line)}`)
        .join('\n')}\n`,
    );
    return exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`backchannel: internal error: ${cleanText(message)} (DEBUG=backchannel shows the stack)\n`);
  return 1;
}

/** Runs the command line and returns the exit code; never throws. */
export async function cli(argv: string[]): Promise<number> {
  // A failure outside the awaited path (an actor's action, a timer) still ends in one line, not a stack.
  process.on('uncaughtException', (error) => {
    if (process.stdout.isTTY) process.stdout.write('\x1b[?1049l\x1b[?25h'); // leave the alternate screen, show the cursor
    process.exit(report(error));
  });
  try {
    return await main(argv);
  } catch (error) {
    return report(error);
  }
}
