// `backchannel handouts SCENARIO|CLASS_DIR [--party P] --out DIR`: printed handouts for a lesson.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from '../../scenario/clean-text.js';
import { parseCommand } from '../args.js';
import { loadClass } from '../class-store.js';
import { CliError, usageError } from '../errors.js';
import { backgroundMarkdown, briefingMarkdown, lessonPlanMarkdown, printablePage } from '../handouts.js';
import { safeName, writeFileAtomic } from '../save-store.js';
import { loadGame } from '../scenario-arg.js';

const help = `Usage: backchannel handouts SCENARIO|CLASS_DIR [--party PARTY] --out DIR

Writes the handouts for a lesson into DIR: background.md (the public background, the issues, the map, the
calendar, a glossary of the debrief's words and the sources, for everyone), lesson-plan.md and .html (for
the teacher: 50 and 90 minutes, which seat suits whom, questions; when the scenario has one), and per seat a confidential
briefing as Markdown and as one print-ready HTML page (A4 or Letter; background included). Given a class
folder, one page per student, named for the student and the table; given a scenario, one per playable party
(or only --party).
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('handouts', argv, { party: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length !== 1 || values.out === undefined) throw usageError('handouts SCENARIO|CLASS_DIR --out DIR (try: backchannel handouts --help)');
  const arg = positionals[0]!;
  const isClass = existsSync(join(arg, 'class.json')) && statSync(arg).isDirectory();
  const plan = isClass ? loadClass(arg) : undefined;
  const { game } = loadGame(plan ? (plan.scenario.path ?? plan.scenario.id) : arg);
  if (values.party !== undefined && !game.party[values.party])
    throw new CliError(`no party "${cleanText(values.party)}" in ${game.scenario.meta.id} (parties: ${game.partyIds.join(', ')})`);
  const out = values.out;
  mkdirSync(out, { recursive: true });
  const background = backgroundMarkdown(game);
  writeFileAtomic(join(out, 'background.md'), background);
  const seats = plan
    ? plan.tables.flatMap((t) => Object.entries(t.seats).flatMap(([party, student]) => (student === null ? [] : [{ party, student, table: t.id }])))
    : game.partyIds
        .filter((id) => game.party[id]!.playable && (values.party === undefined || values.party === id))
        .map((party) => ({ party, student: undefined, table: undefined }));
  let written = 0;
  for (const s of seats) {
    if (values.party !== undefined && s.party !== values.party) continue;
    const name = s.student ? `${safeName(s.table)}-${safeName(s.student.toLowerCase())}` : safeName(s.party);
    const briefing = briefingMarkdown(game, s.party, s.student);
    writeFileAtomic(join(out, `${name}.md`), briefing);
    writeFileAtomic(join(out, `${name}.html`), printablePage(`${game.scenario.meta.title}: ${s.student ?? game.party[s.party]!.name}`, briefing, background));
    written++;
  }
  // The teacher's lesson plan, when the scenario has one.
  const lesson = lessonPlanMarkdown(game);
  if (lesson) {
    writeFileAtomic(join(out, 'lesson-plan.md'), lesson);
    writeFileAtomic(join(out, 'lesson-plan.html'), printablePage(`${game.scenario.meta.title}: a lesson plan`, lesson));
  }
  process.stdout.write(
    `Wrote background.md${lesson ? ', lesson-plan.md (and .html)' : ''} and ${written} handout${written === 1 ? '' : 's'} (Markdown and print-ready HTML) to ${cleanText(out)}\n`,
  );
  return 0;
}
