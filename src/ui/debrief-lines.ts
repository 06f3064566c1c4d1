// The debrief as styled lines for the screen: outcome, scores, the player's best and worst moves, the moments
// that changed the game, the benchmarks, every party's hidden preferences — now that the game is over — and
// the scenario's notes for teachers and its sources.
import {
  distortionCost,
  distortionTeller,
  distortionTitle,
  informationSummary,
  listenerFate,
  MOVE_RULE,
  moveValueText,
  pct,
  recordSections,
  scoreBasis,
  scoreBasisSentence,
  sourceLine,
  talksLength,
} from '../analysis/debrief/text.js';
import type { Debrief, Distortion, MoveAssessment } from '../analysis/debrief/types.js';
import { beliefSentence } from '../analysis/debrief/beliefs.js';
import { signatureSentence } from '../analysis/debrief/signatures.js';
import { wrapRich, type RichLine } from './components/RichText.js';
import { bar, safeText, util2 } from './format.js';
import { cells, padCells, wrapCells, wrapIndented } from './text.js';
import type { Theme } from './theme.js';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

export function debriefLines(d: Debrief, width: number, theme: Theme, colourOf: (id: string) => string | undefined): RichLine[] {
  const lines: RichLine[] = [];
  const text = (t: string, style: Partial<RichLine[number]> = {}, indent = '') => {
    for (const l of wrapIndented(t, width, indent)) lines.push([{ text: l, ...style }]);
  };
  // A line of styled pieces, wrapped (never cut) with a hanging indent.
  const rich = (line: RichLine, indent = '') => lines.push(...wrapRich(line, width, indent));
  const heading = (t: string) => {
    if (lines.length > 0) lines.push([]);
    lines.push([{ text: t, bold: true, color: theme.accent }]);
  };
  const name = (id: string) => d.parties.find((p) => p.id === id)?.name ?? id;

  heading('Outcome');
  const head = d.outcome.kind === 'deal' ? '✓ Deal' : d.outcome.kind === 'no-deal' ? `✗ No deal (${d.outcome.reason ?? 'talks failed'})` : '… Unfinished';
  rich([{ text: `${head}`, bold: true, color: d.outcome.kind === 'deal' ? theme.good : theme.bad }, { text: ` · ${talksLength(d)}` }], '  ');
  text(d.outcome.summary, {}, '  ');
  for (const l of d.outcome.lines ?? []) text(`${l.issueName}: ${l.optionLabel}`, {}, '  • ');
  for (const n of d.signatures) text(signatureSentence(n), { color: theme.bad, bold: n.human }, '  ⚠ ');

  heading(`Scores against each ${scoreBasis(d)} (−100 … 0 … +100)`);
  const nameW = Math.max(...d.results.map((r) => cells(r.name) + (r.human ? 2 : 0))) + 2;
  for (const r of d.results) {
    const half = 10;
    const pos = Math.max(0, Math.min(1, r.score / 100));
    const neg = Math.max(0, Math.min(1, -r.score / 100));
    const left = ' '.repeat(half - Math.round(neg * half)) + '█'.repeat(Math.round(neg * half));
    const right = '█'.repeat(Math.round(pos * half)) + ' '.repeat(half - Math.round(pos * half));
    const scoreLine: RichLine = [
      { text: padCells(`  ${(r.human ? '★ ' : '') + r.name}`, nameW + 2), bold: true, color: colourOf(r.party) },
      { text: left, color: theme.bad },
      { text: '│' },
      { text: right, color: theme.good },
      { text: ` ${signed(r.score).padStart(6)}`, bold: true },
    ];
    const utilities = `utility ${util2(r.utility)} vs ${util2(r.baseline)}`;
    const tail = `BATNA when the talks ended ${util2(r.endBatna)}${r.walkedOut ? ' · walked out' : ''}`;
    const used = scoreLine.reduce((n, p) => n + cells(p.text), 0);
    // The utilities beside the bar, and the rest after them when it fits, else on the line below: never cut.
    const indent = ' '.repeat(Math.min(nameW + 2, 12));
    if (used + 2 + utilities.length + 3 + tail.length <= width) lines.push([...scoreLine, { text: `  ${utilities} · ${tail}`, color: theme.muted }]);
    else if (used + 2 + utilities.length <= width) {
      lines.push([...scoreLine, { text: `  ${utilities}`, color: theme.muted }]);
      text(`· ${tail}`, { color: theme.muted }, indent);
    } else {
      lines.push(scoreLine);
      text(`${utilities} · ${tail}`, { color: theme.muted }, indent);
    }
  }

  text(scoreBasisSentence(d), { color: theme.muted }, '  ');

  for (const h of d.humans) {
    heading(`${name(h.party)}: your best and worst moves`);
    text(MOVE_RULE, { color: theme.muted }, '  ');
    const move = (m: MoveAssessment, good: boolean) => text(`Round ${m.round}: ${m.text} (${moveValueText(m)})`, { color: good ? theme.good : theme.bad }, good ? '  ▲ ' : '  ▼ ');
    if (h.rated === 0 && h.moves.length > h.waits) {
      text('Your moves were not rated this time.', { color: theme.muted }, '  ');
      continue;
    }
    if (h.best.length === 0) text('No move of yours did better than waiting would have.', { color: theme.muted }, '  ▲ ');
    for (const m of h.best) move(m, true);
    if (h.worst.length === 0) text('No move of yours did worse than waiting would have.', { color: theme.muted }, '  ▼ ');
    for (const m of h.worst) move(m, false);
  }

  heading('The moments that changed the game');
  const key = d.moments.filter((m) =>
    ['walk-out', 'return', 'broken-commitment', 'exposure', 'posture', 'event', 'change-of-mind', 'signing', 'ratification', 'outcome', 'statement', 'summit'].includes(m.kind),
  );
  if (key.length === 0) text('Nothing stood out.', { color: theme.muted }, '  ');
  for (const m of key) {
    const mark = m.kind === 'walk-out' ? '⇥' : m.kind === 'broken-commitment' ? '✗' : m.kind === 'exposure' ? '⚠' : m.kind === 'posture' ? '↻' : '•';
    const bad = m.kind === 'walk-out' || m.kind === 'broken-commitment' || m.kind === 'exposure';
    text(`R${m.round} ${safeText(m.text)}`, { color: bad ? theme.bad : undefined }, `  ${mark} `);
  }

  heading('What was said, and what was heard');
  if (d.saidAndHeard.length === 0) text('Every message arrived as it was said.', { color: theme.muted }, '  ');
  for (const x of d.saidAndHeard) saidAndHeard(x, lines, text, width, theme);

  heading('What was possible');
  const z = d.zopa.start;
  text(
    z.exists
      ? `A zone of possible agreement existed at the start: ${pct(z.size.fraction)} of packages beat every party's BATNA.`
      : "At the start, no package beat every party's BATNA: there was no zone of possible agreement.",
    {},
    '  ',
  );
  if (d.nash) {
    const mine = d.parties
      .filter((p) => p.human)
      .map((p) => `${p.name} ${signed(d.nash!.scores[p.id]!)}`)
      .join(', ');
    text(
      `The Nash bargaining point (the fair, efficient benchmark) would have scored ${mine || d.parties.map((p) => `${p.name} ${signed(d.nash!.scores[p.id]!)}`).join(', ')}.`,
      {},
      '  ',
    );
  }
  text(`Total value: the outcome gave ${util2(d.frontier.welfare.outcome)} of a possible ${util2(d.frontier.welfare.max)}.`, {}, '  ');
  const info = informationSummary(d);
  text(`${info.sent} ${info.distorted}`, {}, '  ');
  if (info.misled) text(info.misled, {}, '  ');

  const record = recordSections(d.record);
  if (record.length > 0) {
    heading('What really happened, and what the game invented');
    for (const s of record) {
      text(s.heading, { bold: true }, '  ');
      for (const item of s.items) text(item, {}, '  • ');
    }
    if (d.record.uncited > 0) text(`${d.record.uncited} more event${d.record.uncited === 1 ? '' : 's'} of this game cite no source.`, { color: theme.muted }, '  ');
  }

  if (d.beliefs.length > 0) {
    heading('What the AIs believed at the end');
    for (const b of d.beliefs) text(beliefSentence(b, name), {}, '  • ');
  }

  heading('Hidden preferences, revealed');
  for (const r of d.revealed) {
    const human = d.parties.find((p) => p.id === r.party)?.human;
    rich(
      [
        { text: `  ${r.name}`, bold: true, color: colourOf(r.party) },
        { text: `${human ? ' (player)' : ''} · reservation ${util2(r.reservation)} · BATNA when the talks ended ${util2(r.endBatna)}`, color: theme.muted },
      ],
      '    ',
    );
    for (const issue of r.issues.slice(0, 5)) {
      const best = issue.options[0];
      const worst = issue.options[issue.options.length - 1];
      rich(
        [
          { text: `    ${bar(issue.weight * 4, 4)} `, color: colourOf(r.party) },
          { text: `${issue.name} ${Math.round(issue.weight * 100)}%: ` },
          { text: `wants "${best?.label ?? '?'}", least "${worst?.label ?? '?'}"`, color: theme.muted },
        ],
        ' '.repeat(9),
      );
    }
    if (r.redLines.length > 0) text(`Red lines: ${r.redLines.map((l) => `${l.issueName}: ${l.optionLabel}`).join('; ')}`, { color: theme.bad }, '    ✗ ');
  }

  if (d.teacherNotes.length > 0) {
    heading('Teacher notes');
    d.teacherNotes.forEach((p, k) => {
      if (k > 0) lines.push([]);
      text(safeText(p), {}, '  ');
    });
  }
  if (d.sources.length > 0) {
    heading('Sources');
    for (const x of d.sources) text(safeText(sourceLine(x)), { color: theme.muted }, '  • ');
  }
  return lines;
}

type TextFn = (t: string, style?: Partial<RichLine[number]>, indent?: string) => void;

/** One distorted message: who told it otherwise, what was said next to what each party heard, how it came out, the cost. */
function saidAndHeard(x: Distortion, lines: RichLine[], text: TextFn, width: number, theme: Theme): void {
  const found = x.listeners.some((l) => l.exposure);
  text(distortionTitle(x), { bold: true }, `  ${found ? '✗' : '≈'} `);
  text(distortionTeller(x), { color: theme.muted }, '    ');
  // What was said next to each version heard, on the issues where they differ.
  const columns: { names: string[]; heard: Distortion['listeners'][number]['heard'] }[] = [];
  for (const l of x.listeners) {
    const same = columns.find((c) => c.heard.every((h, i) => h.option === l.heard[i]!.option));
    if (same) same.names.push(l.name);
    else columns.push({ names: [l.name], heard: l.heard });
  }
  const issueW = Math.min(18, Math.max(8, ...x.said.map((l) => cells(l.issueName) + 1)));
  const colW = Math.max(8, Math.floor((width - 6 - issueW) / (columns.length + 1)) - 1);
  // Column heads and the labels of the issues that differ are wrapped inside their columns, never cut.
  const widths = [issueW, ...Array.from({ length: columns.length + 1 }, () => colW)];
  wrapCells(['', `${x.speaker.name} said`, ...columns.map((c) => `${c.names.join(', ')} heard`)], widths).forEach((row) =>
    lines.push([
      { text: `      ${row[0]}` },
      { text: ` ${row[1]}`, bold: true, color: theme.good },
      ...row.slice(2).map((cell) => ({ text: ` ${cell}`, bold: true, color: theme.warn })),
    ]),
  );
  x.said.forEach((line, i) => {
    if (columns.every((c) => c.heard[i]!.option === line.option)) return;
    wrapCells([line.issueName, line.optionLabel, ...columns.map((c) => c.heard[i]!.optionLabel)], widths).forEach((row, k) =>
      lines.push([
        { text: k === 0 ? '    ≠ ' : '      ', bold: true, color: theme.warn },
        { text: row[0]! },
        { text: ` ${row[1]}` },
        ...columns.map((c, j) => ({ text: ` ${row[j + 2]}`, bold: c.heard[i]!.option !== line.option, color: c.heard[i]!.option !== line.option ? theme.warn : undefined })),
      ]),
    );
  });
  for (const l of x.listeners) {
    const answered = l.answered ? `, ${l.answered} it` : '';
    text(`${l.name} heard it worth ${util2(l.value.heard)} (really ${util2(l.value.said)})${answered}; ${listenerFate(l)}.`, { color: l.exposure ? undefined : theme.bad }, '    ');
  }
  text(`Cost: ${distortionCost(x)}`, { color: found ? theme.bad : theme.muted }, '    ');
}
