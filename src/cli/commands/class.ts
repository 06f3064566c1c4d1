// `backchannel class new DIR --scenario ID --roster FILE [--seed N] [--seats-per-table K] [--same-seed]` and
// `backchannel class show DIR`: a lesson's plan — students dealt to tables and seats, a seed per table — and
// how far each table has got.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dealSeats, parseRoster, type ClassPlan } from '../../engine/class-plan.js';
import { listBundled } from '../../scenario/bundled.js';
import { cleanText } from '../../scenario/clean-text.js';
import { padCells } from '../../ui/text.js';
import { parseCommand, wholeNumber } from '../args.js';
import { authentic, classCodes, createClass, loadClass, studentSavePath } from '../class-store.js';
import { CliError, usageError } from '../errors.js';
import { commandHint } from '../hint.js';
import { loadSave } from '../save-load.js';
import { loadGame, parseSeed } from '../scenario-arg.js';
import { clockSeed } from '../tty.js';

const help = `Usage: backchannel class new DIR --scenario SCENARIO --roster FILE [--seed N] [--seats-per-table K] [--same-seed]
       backchannel class show DIR

new   deals the students of the roster (one name a line, or "name, party" to ask for a seat; a CSV with a
      "name,party" header works too) to tables of K students (default: every playable seat), the AI playing
      the empty seats, and gives each table a seed (the same for all with --same-seed, so tables are
      comparable). Writes DIR/class.json, the key that signs the students' saves (DIR/class.key), and
      DIR/saves/. Each student then plays with: backchannel play --class DIR --student NAME
show  prints the plan again, with how far each student's game has got.

Both print the codes for backchannel serve DIR, which serves the class over SSH: students connect with
ssh -p 2222 NAME@HOST and the class code, the teacher as "teacher" with the teacher's code.
`;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    process.stdout.write(help);
    return 0;
  }
  if (sub === undefined) throw usageError('class: new or show (try: backchannel class --help)');
  if (sub === 'new') return newClass(rest);
  if (sub === 'show') return showClass(rest);
  throw usageError(`class: no subcommand "${cleanText(sub)}" (new or show; try: backchannel class --help)`);
}

function newClass(argv: string[]): number {
  const { values, positionals } = parseCommand('class new', argv, {
    scenario: { type: 'string' },
    roster: { type: 'string' },
    seed: { type: 'string' },
    'seats-per-table': { type: 'string' },
    'same-seed': { type: 'boolean' },
  });
  if (positionals.length !== 1 || values.scenario === undefined || values.roster === undefined) {
    throw usageError('class new DIR --scenario SCENARIO --roster FILE (try: backchannel class --help)');
  }
  const dir = positionals[0]!;
  const loaded = loadGame(values.scenario);
  let text: string;
  try {
    text = readFileSync(values.roster, 'utf8');
  } catch {
    throw new CliError(`cannot read the roster ${cleanText(values.roster)}`);
  }
  let roster;
  try {
    roster = parseRoster(text, loaded.game);
  } catch (error) {
    throw new CliError(`${cleanText(values.roster)}: ${cleanText((error as Error).message)}`);
  }
  if (roster.length === 0) throw new CliError(`${cleanText(values.roster)}: no students on the roster`);
  const perText = values['seats-per-table'];
  const perTable = perText === undefined ? undefined : wholeNumber('seats-per-table', perText, 0, 1, 1000);
  const seed = parseSeed(values.seed, clockSeed());
  const bundled = listBundled().some((b) => resolve(b.path) === resolve(loaded.path));
  const plan = dealSeats(loaded.game, loaded.hash, roster, { seed, ...(perTable !== undefined ? { seatsPerTable: perTable } : {}), sameSeed: values['same-seed'] === true });
  if (!bundled) plan.scenario.path = resolve(loaded.path);
  createClass(dir, plan);
  process.stdout.write(
    `${planText(plan, loaded.game.scenario.meta.title)}\nWrote ${cleanText(dir)}. Each student plays with: ${commandHint('play', '--class', dir, '--student', 'NAME')}\n` +
      `Or serve the class over SSH (${commandHint('serve', dir)}): ${codesText(dir)}\n`,
  );
  return 0;
}

function showClass(argv: string[]): number {
  const { positionals } = parseCommand('class show', argv, {});
  if (positionals.length !== 1) throw usageError('class show DIR');
  const dir = positionals[0]!;
  const plan = loadClass(dir);
  const progress = (table: string, name: string): string => {
    const path = studentSavePath(dir, table, name);
    if (!existsSync(path)) return 'not started';
    try {
      const { save, world } = loadSave(path, plan.scenario.path ?? plan.scenario.id);
      const mark = authentic(dir, save) ? '' : ' — NOT AUTHENTIC (edited outside the game)';
      return `${world.outcome ? `${world.outcome.kind} (${world.outcome.reason})` : `round ${world.round}`}${mark}`;
    } catch (error) {
      return `unreadable: ${cleanText((error as Error).message)}`;
    }
  };
  process.stdout.write(`${planText(plan, plan.scenario.id, progress)}\n\nOver SSH (${commandHint('serve', dir)}): ${codesText(dir)}\n`);
  return 0;
}

/** The codes that let students and the teacher in when the class is served over SSH. */
function codesText(dir: string): string {
  const codes = classCodes(dir);
  return `students type the class code ${codes.student}; the teacher logs in as "teacher" with ${codes.teacher}.`;
}

/** The plan as a table: a line per seat, the student or "AI", and (for show) how far the game has got. */
function planText(plan: ClassPlan, title: string, progress?: (table: string, name: string) => string): string {
  const students = plan.tables.flatMap((t) => Object.values(t.seats).filter((s) => s !== null)).length;
  const out = [`${cleanText(title)}: ${students} students at ${plan.tables.length} tables${plan.sameSeed ? `, all on seed ${plan.tables[0]?.seed}` : ''}.`, ''];
  const seatW = Math.max(...plan.tables.flatMap((t) => Object.keys(t.seats).map((s) => s.length))) + 2;
  for (const t of plan.tables) {
    out.push(`${t.id} (seed ${t.seed})`);
    for (const [party, student] of Object.entries(t.seats)) {
      out.push(`  ${padCells(party, seatW)}${student === null ? 'AI' : cleanText(student)}${student !== null && progress ? ` — ${progress(t.id, student)}` : ''}`);
    }
  }
  return out.join('\n');
}
