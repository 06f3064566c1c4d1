// The debrief as styled lines for the screen: outcome, scores, the player's best and worst moves, the moments
// that changed the game, the benchmarks, and every party's hidden preferences — now that the game is over.
import { distortionCost, distortionTeller, distortionTitle, listenerFate, type Debrief, type Distortion, type MoveAssessment } from '../analysis/debrief.js';
import type { RichLine } from './components/RichText.js';
import { bar, fit, safeText, util2, wrap } from './format.js';
import type { Theme } from './theme.js';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

export function debriefLines(d: Debrief, width: number, theme: Theme, colourOf: (id: string) => string | undefined): RichLine[] {
  const lines: RichLine[] = [];
  const text = (t: string, style: Partial<RichLine[number]> = {}, indent = '') => {
    for (const [i, l] of wrap(t, width - indent.length).entries()) lines.push([{ text: `${i === 0 ? indent : ' '.repeat(indent.length)}${l}`, ...style }]);
  };
  const heading = (t: string) => {
    if (lines.length > 0) lines.push([]);
    lines.push([{ text: t, bold: true, color: theme.accent }]);
  };
  const name = (id: string) => d.parties.find((p) => p.id === id)?.name ?? id;

  heading('Outcome');
  const head = d.outcome.kind === 'deal' ? '✓ Deal' : d.outcome.kind === 'no-deal' ? `✗ No deal (${d.outcome.reason ?? 'talks failed'})` : '… Unfinished';
  lines.push([{ text: `${head}`, bold: true, color: d.outcome.kind === 'deal' ? theme.good : theme.bad }, { text: ` · round ${d.outcome.round}${d.outcome.round <= d.maxRounds ? ` of ${d.maxRounds}` : ''}` }]);
  text(d.outcome.summary, {}, '  ');
  for (const l of d.outcome.lines ?? []) text(`${l.issueName}: ${l.optionLabel}`, {}, '  • ');

  heading('Scores against each BATNA (−100 … 0 = no deal … +100)');
  const nameW = Math.max(...d.results.map((r) => r.name.length + (r.human ? 2 : 0))) + 2;
  for (const r of d.results) {
    const half = 10;
    const pos = Math.max(0, Math.min(1, r.score / 100));
    const neg = Math.max(0, Math.min(1, -r.score / 100));
    const left = ' '.repeat(half - Math.round(neg * half)) + '█'.repeat(Math.round(neg * half));
    const right = '█'.repeat(Math.round(pos * half)) + ' '.repeat(half - Math.round(pos * half));
    lines.push([
      { text: `  ${(r.human ? '★ ' : '') + r.name}`.padEnd(nameW + 2), bold: true, color: colourOf(r.party) },
      { text: left, color: theme.bad },
      { text: '│' },
      { text: right, color: theme.good },
      { text: ` ${signed(r.score).padStart(6)}`, bold: true },
      { text: `  utility ${util2(r.utility)} vs ${util2(r.baseline)}${r.walkedOut ? ' · walked out' : ''}`, color: theme.muted },
    ]);
  }

  for (const h of d.humans) {
    heading(`${name(h.party)}: your best and worst moves`);
    const move = (m: MoveAssessment, good: boolean) =>
      text(`Round ${m.round}: ${m.text} — your position ${util2(m.before)} → ${util2(m.after)} (${signed(m.scoreDelta)} points)`, { color: good ? theme.good : theme.bad }, good ? '  ▲ ' : '  ▼ ');
    if (h.best.length === 0) text('No move of yours improved your position.', { color: theme.muted }, '  ▲ ');
    for (const m of h.best) move(m, true);
    if (h.worst.length === 0) text('No move of yours worsened your position.', { color: theme.muted }, '  ▼ ');
    for (const m of h.worst) move(m, false);
  }

  heading('The moments that changed the game');
  const key = d.moments.filter((m) => ['walk-out', 'return', 'broken-commitment', 'exposure', 'posture', 'event', 'signing', 'ratification', 'outcome', 'statement', 'summit'].includes(m.kind));
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
  text(z.exists ? `A zone of possible agreement existed at the start: ${(z.size.fraction * 100).toFixed(1)}% of packages beat every party's BATNA.` : 'At the start, no package beat every party\'s BATNA: there was no zone of possible agreement.', {}, '  ');
  if (d.nash) {
    const mine = d.parties.filter((p) => p.human).map((p) => `${p.name} ${signed(d.nash!.scores[p.id]!)}`).join(', ');
    text(`The Nash bargaining point (the fair, efficient benchmark) would have scored ${mine || d.parties.map((p) => `${p.name} ${signed(d.nash!.scores[p.id]!)}`).join(', ')}.`, {}, '  ');
  }
  text(`Total value: the outcome gave ${util2(d.frontier.welfare.outcome)} of a possible ${util2(d.frontier.welfare.max)}.`, {}, '  ');
  const info = d.information;
  text(`${info.messages} messages, ${info.viaEnvoy} through envoys; ${info.distorted} arrived distorted and ${info.exposed} of those were found out.`, {}, '  ');

  heading('Hidden preferences, revealed');
  for (const r of d.revealed) {
    const human = d.parties.find((p) => p.id === r.party)?.human;
    lines.push([
      { text: `  ${r.name}`, bold: true, color: colourOf(r.party) },
      { text: `${human ? ' (player)' : ''} · reservation ${util2(r.reservation)} · BATNA at the end ${util2(r.finalBatna)}`, color: theme.muted },
    ]);
    for (const issue of r.issues.slice(0, 5)) {
      const best = issue.options[0];
      const worst = issue.options[issue.options.length - 1];
      lines.push([
        { text: `    ${bar(issue.weight * 4, 4)} `, color: colourOf(r.party) },
        { text: `${issue.name} ${Math.round(issue.weight * 100)}%: ` },
        { text: `wants "${best?.label ?? '?'}", least "${worst?.label ?? '?'}"`, color: theme.muted },
      ]);
    }
    if (r.redLines.length > 0) text(`Red lines: ${r.redLines.map((l) => `${l.issueName}: ${l.optionLabel}`).join('; ')}`, { color: theme.bad }, '    ✗ ');
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
  const issueW = Math.min(18, Math.max(8, ...x.said.map((l) => Array.from(l.issueName).length + 1)));
  const colW = Math.max(8, Math.floor((width - 6 - issueW) / (columns.length + 1)) - 1);
  lines.push([
    { text: `      ${fit('', issueW)}` },
    { text: ` ${fit(`${x.speaker.name} said`, colW)}`, bold: true, color: theme.good },
    ...columns.map((c) => ({ text: ` ${fit(`${c.names.join(', ')} heard`, colW)}`, bold: true, color: theme.warn })),
  ]);
  x.said.forEach((line, i) => {
    if (columns.every((c) => c.heard[i]!.option === line.option)) return;
    lines.push([
      { text: '    ≠ ', bold: true, color: theme.warn },
      { text: fit(line.issueName, issueW) },
      { text: ` ${fit(line.optionLabel, colW)}` },
      ...columns.map((c) => ({ text: ` ${fit(c.heard[i]!.optionLabel, colW)}`, bold: c.heard[i]!.option !== line.option, color: c.heard[i]!.option !== line.option ? theme.warn : undefined })),
    ]);
  });
  for (const l of x.listeners) {
    const answered = l.answered ? `, ${l.answered} it` : '';
    text(`${l.name} heard it worth ${util2(l.value.heard)} (really ${util2(l.value.said)})${answered}; ${listenerFate(l)}.`, { color: l.exposure ? undefined : theme.bad }, '    ');
  }
  text(`Cost: ${distortionCost(x)}`, { color: found ? theme.bad : theme.muted }, '    ');
}
