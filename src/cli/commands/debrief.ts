// `backchannel debrief SAVE... [--markdown FILE]`: the teacher's report. One save: that game's debrief (the
// outcome, scores against BATNAs, the bargaining benchmarks, the moments that mattered, hidden preferences).
// Several: the class report comparing them. Every save is replayed and its hash checked first.
import { aggregateDebriefs, aggregateMarkdown } from '../../analysis/debrief/aggregate.js';
import { buildDebrief } from '../../analysis/debrief/build.js';
import { debriefMarkdown } from '../../analysis/debrief/markdown.js';
import type { Debrief } from '../../analysis/debrief/types.js';
import { impactsByParty } from '../../engine/move-impact.js';
import { cleanText } from '../../scenario/clean-text.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';
import { exitOnBrokenPipe } from '../tty.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classReportMarkdown } from '../../engine/class-report.js';
import { classReportHtml } from '../../engine/class-report-html.js';
import { classReportOf } from '../class-results.js';
import { loadSave } from '../save-load.js';
import { rebuildLog, writeFileAtomic } from '../save-store.js';

const usage = 'usage: backchannel debrief SAVE... [--markdown FILE] [--scenario PATH]\n       backchannel debrief CLASS_DIR [--markdown FILE] [--html FILE] [--json]';

export async function run(argv: string[]): Promise<number> {
  exitOnBrokenPipe();
  const { values, positionals } = parseCommand('debrief', argv, {
    markdown: { type: 'string' },
    html: { type: 'string' },
    scenario: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(
      `${usage}\n\nThe teacher's report of one saved game, or a class report comparing several.\n` +
        'Prints Markdown to stdout, or writes it to FILE with --markdown. --scenario gives the scenario file\n' +
        'for saves of a scenario that is not bundled.\n' +
        'A class folder (backchannel class new) gives the class report: a row per student with the score\n' +
        'against the AI in the same seat on the same seed, unfinished games apart, edited saves flagged, and\n' +
        'how hard each seat was; --json prints it as one JSON object, --html FILE writes it as one page to\n' +
        'project or print, with charts (outcomes against the Pareto frontier, offers over time), no scripts.\n',
    );
    return 0;
  }
  if (positionals.length === 0) throw usageError(`debrief needs at least one SAVE file\n${usage}`);
  if (positionals.length === 1 && isClassDir(positionals[0]!)) return classDebrief(positionals[0]!, values.markdown, values.json === true, values.html);
  if (values.json) throw usageError('debrief: --json is for a class folder');
  if (values.html !== undefined) throw usageError('debrief: --html is for a class folder');
  const debriefs: Debrief[] = positionals.map((path) => {
    const { loaded, save, world } = loadSave(path, values.scenario, 'debrief');
    const log = rebuildLog(loaded.game, save.seed, save.commands);
    // Each player's moves, rated against waiting (a few hundred milliseconds for a whole flagship game).
    const impacts = impactsByParty(loaded.game, save.seed, save.commands, save.humans);
    return buildDebrief(loaded.game, world, save.commands, log, { humans: save.humans, impacts });
  });
  const markdown = debriefs.length === 1 ? debriefMarkdown(debriefs[0]!) : aggregateMarkdown(aggregateDebriefs(debriefs));
  const text = cleanText(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  if (values.markdown !== undefined) {
    writeFileAtomic(values.markdown, text);
    process.stdout.write(`Debrief of ${debriefs.length} game${debriefs.length === 1 ? '' : 's'} written to ${cleanText(values.markdown)}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

function isClassDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, 'class.json'));
  } catch {
    return false;
  }
}

function classDebrief(dir: string, markdownFile: string | undefined, json: boolean, htmlFile?: string): number {
  const report = classReportOf(dir);
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  if (htmlFile !== undefined) {
    writeFileAtomic(htmlFile, classReportHtml(report));
    process.stdout.write(`Class report of ${report.students.length} students written to ${cleanText(htmlFile)}\n`);
    if (markdownFile === undefined) return 0;
  }
  const text = cleanText(classReportMarkdown(report));
  if (markdownFile !== undefined) {
    writeFileAtomic(markdownFile, text);
    process.stdout.write(`Class report of ${report.students.length} students written to ${cleanText(markdownFile)}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
