// Printed handouts for a lesson: per seat, the confidential briefing (position, what matters in words, red
// lines, what no deal is worth); for everyone, the public background (the issues and their options, the map,
// the calendar, the sources) and a glossary of the concepts the debrief uses. Markdown, and one print-ready
// HTML page per student (A4 and Letter, page breaks, no scripts, every string escaped).
import { describeRedLines } from '../analysis/bargaining.js';
import type { Game } from '../model/game.js';
import type { PartyId } from '../model/types.js';
import { cleanText, isWebAddress } from '../scenario/clean-text.js';
import { batnaWords, goalLines, MEDIATOR_ROLE, roundDate } from '../ui/format.js';

export const GLOSSARY: [term: string, meaning: string][] = [
  ['BATNA', 'Best Alternative To a Negotiated Agreement: what you get if the talks fail. Here, the war going on. It moves with the war.'],
  ['Reservation value', 'The least you should accept: what no deal was worth when the talks began. Your score is measured against it.'],
  ['ZOPA', 'Zone Of Possible Agreement: the packages every party prefers to no deal. If it is empty, no deal can be made.'],
  ['Pareto-optimal', 'A package nobody can improve without making someone else worse off. A deal that is not leaves value on the table.'],
  ['Nash bargaining point', 'The package with the largest product of everyone’s gains over no deal: efficient, and fair in a precise sense.'],
  ['Logrolling', 'Trading across issues: give on what matters less to you and more to them, take on what matters more to you.'],
  ['Audience costs', 'What it costs to back down from something said in public: credibility at home and at the table.'],
  ['Two-level game', 'Every negotiator also bargains at home: a deal must be ratified by people who were not at the table (a parliament, a referendum).'],
  ['Hearsay', 'Words you were told rather than heard: through an envoy, passed on, or in talks with no notetaker. They may be garbled.'],
  ['Principal–agent problem', 'An envoy (the agent) has aims and limits of his own; the government he speaks for (the principal) cannot always check what he says.'],
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One seat's confidential briefing, as Markdown. */
export function briefingMarkdown(game: Game, party: PartyId, student?: string): string {
  const p = game.party[party]!;
  const prefs = game.prefs[party]!;
  const out = [
    `# Confidential: ${cleanText(p.name)}${student ? ` — ${cleanText(student)}` : ''}`,
    '',
    `*${cleanText(game.scenario.meta.title)}. You are ${cleanText(p.leader)}. Do not show this page to the other players.*`,
    '',
  ];
  for (const para of p.briefing.split(/\n\s*\n/)) out.push(cleanText(para.replace(/\s*\n\s*/g, ' ').trim()), '');
  if (p.role === 'mediator') {
    out.push(
      '## You are the mediator',
      '',
      ...MEDIATOR_ROLE.map((line) => `${line}\n`),
      `Your score is the parties' average gain. ${batnaWords(prefs, prefs.reservation, game.public.setting)}`,
      '',
    );
  } else {
    out.push('## What matters most to you', '', ...goalLines(game.public, prefs).map((g) => `- ${g}`), '');
    const reds = describeRedLines(game.public, prefs);
    out.push('## Your red lines: you never sign these', '', ...(reds.length ? reds.map((r) => `- ${cleanText(r)}`) : ['- None: everything is negotiable, at a price.']), '');
    out.push('## If the talks fail', '', batnaWords(prefs, prefs.reservation, game.public.setting), '');
  }
  if (p.envoys.length) out.push('## Your envoys', '', ...p.envoys.map((e) => `- ${cleanText(e.name)}: carries a package off the record to one party — and may garble it.`), '');
  if (p.levers.length) out.push('## Your levers', '', ...p.levers.map((l) => `- ${cleanText(l.label)} (presses ${cleanText(game.party[l.target]?.name ?? l.target)})`), '');
  if (p.domestic.vetoPlayers.length) out.push('## Who must approve a deal at home', '', ...p.domestic.vetoPlayers.map((v) => `- ${cleanText(v.name)}`), '');
  return `${out.join('\n')}\n`;
}

/** The scenario's lesson plan for the teacher, as Markdown; undefined when the scenario has none. */
export function lessonPlanMarkdown(game: Game): string | undefined {
  const lesson = game.scenario.meta.lesson;
  if (!lesson) return undefined;
  const out = [`# ${cleanText(game.scenario.meta.title)}: a lesson plan`, '', cleanText(game.scenario.meta.summary), ''];
  out.push('## In 50 minutes', '', ...lesson.short.map((step) => `- ${cleanText(step)}`), '');
  out.push('## In 90 minutes', '', ...lesson.long.map((step) => `- ${cleanText(step)}`), '');
  const seats = Object.entries(lesson.seats);
  if (seats.length) out.push('## Which seat suits whom', '', ...seats.map(([id, text]) => `- **${cleanText(game.party[id]?.name ?? id)}**: ${cleanText(text)}`), '');
  if (lesson.questions.length) out.push('## Questions for the debrief', '', ...lesson.questions.map((q, i) => `${i + 1}. ${cleanText(q)}`), '');
  out.push(
    '## Commands',
    '',
    '- `npx backchannel class new lesson --scenario ' + game.scenario.meta.id + ' --roster names.txt --seats-per-table 3 --same-seed`',
    '- `npx backchannel handouts lesson --out handouts`',
    '- `npx backchannel play --class lesson --student NAME` (each student)',
    '- `npx backchannel debrief lesson --html report.html` (to project)',
    '',
  );
  return `${out.join('\n')}\n`;
}

/** The public background everyone gets, as Markdown. */
export function backgroundMarkdown(game: Game): string {
  const s = game.scenario;
  const pub = game.public;
  const out = [`# ${cleanText(s.meta.title)}: the background`, '', cleanText(s.meta.summary), ''];
  out.push(
    `The talks run ${pub.rounds} round${pub.rounds === 1 ? '' : 's'} of ${pub.roundDays === 1 ? 'a day' : `${pub.roundDays} days`}, from ${roundDate(pub, 1)} to ${roundDate(pub, pub.rounds)}. No deal signed by then means no deal.`,
    '',
  );
  out.push('## At the table', '', ...s.parties.map((p) => `- **${cleanText(p.name)}** (${cleanText(p.leader)})`), '');
  if (s.territories.length) {
    out.push('## The map when the talks open', '', '| territory | held by the occupier |', '|---|---:|');
    for (const t of s.territories) out.push(`| ${cleanText(t.name)} | ${Math.round(t.control * 100)}% |`);
    out.push('');
  }
  out.push('## What is on the table', '');
  for (const i of s.issues) {
    out.push(`### ${cleanText(i.name)}`, '', ...(i.description ? [cleanText(i.description), ''] : []));
    for (const o of i.options) out.push(`- **${cleanText(o.label)}**${o.description ? `: ${cleanText(o.description)}` : ''}`);
    out.push('', `Signed by: ${i.signatories.map((id) => cleanText(game.party[id]?.name ?? id)).join(', ')}.`, '');
  }
  if (s.calendar.deadlines.length) out.push('## Deadlines', '', ...s.calendar.deadlines.map((d) => `- Round ${d.round}: ${cleanText(d.label)}`), '');
  out.push('## Words the debrief uses', '', ...GLOSSARY.map(([t, m]) => `- **${t}**: ${m}`), '');
  if (s.meta.sources.length) out.push('## Sources', '', ...s.meta.sources.map((x) => `- ${cleanText(x.title)}${x.url && isWebAddress(x.url) ? ` — ${cleanText(x.url)}` : ''}`), '');
  return `${out.join('\n')}\n`;
}

/** A print-ready HTML page of Markdown made by the functions above (headings, lists, tables, emphasis). */
export function printablePage(title: string, ...markdown: string[]): string {
  const body = markdown.map(markdownToHtml).join('\n<div class="page-break"></div>\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
@page { size: A4; margin: 18mm; }
@media print { .page-break { page-break-after: always; } }
@page letter { size: Letter; }
body { font: 11pt/1.45 Georgia, serif; max-width: 44em; margin: 2em auto; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 1.2em; } h3 { font-size: 11.5pt; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 2px 8px; }
</style></head><body>
${body}
</body></html>
`;
}

/** The small Markdown these handouts use, to HTML: every text escaped first, so no markup comes from data. */
function markdownToHtml(md: string): string {
  const inline = (s: string) =>
    esc(s)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\*(.+?)\*/g, '<em>$1</em>');
  const out: string[] = [];
  let list = false;
  let table = false;
  for (const line of md.split('\n')) {
    if (list && !line.startsWith('- ')) {
      out.push('</ul>');
      list = false;
    }
    if (table && !line.startsWith('|')) {
      out.push('</table>');
      table = false;
    }
    if (line.startsWith('### ')) out.push(`<h3>${inline(line.slice(4))}</h3>`);
    else if (line.startsWith('## ')) out.push(`<h2>${inline(line.slice(3))}</h2>`);
    else if (line.startsWith('# ')) out.push(`<h1>${inline(line.slice(2))}</h1>`);
    else if (line.startsWith('- ')) {
      if (!list) {
        out.push('<ul>');
        list = true;
      }
      out.push(`<li>${inline(line.slice(2))}</li>`);
    } else if (line.startsWith('|')) {
      if (/^\|[-:| ]+\|$/.test(line)) continue;
      if (!table) {
        out.push('<table>');
        table = true;
      }
      out.push(
        `<tr>${line
          .slice(1, -1)
          .split('|')
          .map((c) => `<td>${inline(c.trim())}</td>`)
          .join('')}</tr>`,
      );
    } else if (line.trim()) out.push(`<p>${inline(line)}</p>`);
  }
  if (list) out.push('</ul>');
  if (table) out.push('</table>');
  return out.join('\n');
}
