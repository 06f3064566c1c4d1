// The class report as one HTML file a teacher can project: the students' table, how hard each seat was, and per
// seat two charts drawn as inline SVG — every student's outcome against the Pareto frontier seen from that seat
// (its utility against the others' mean, with the Nash point and the AI's games on the same seeds), and every
// student's offers over time against the AI's. No script, no external request; every string from a scenario or a
// save is escaped.
import { seatName, studentLines, type ClassReport, type SeatChart, type StudentRow } from './class-report.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const signed = (x: number | undefined) => (x === undefined ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`);
const n = (x: number) => (Math.round(x * 10) / 10).toString();
/** Colours for students, told apart in print too (by the order of the list under each chart). */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

export function classReportHtml(r: ClassReport): string {
  const finished = r.students.filter((s) => s.status === 'finished');
  const rest = r.students.filter((s) => s.status !== 'finished');
  const body: string[] = [];
  body.push(`<h1>Class report: ${esc(r.title)}</h1>`);
  body.push(
    `<p class="muted">Scenario <code>${esc(r.scenario)}</code>. Scores run from −100 to +100 against each party's BATNA at the start; "AI" is the AI's score in the same seat on the same seed.</p>`,
  );
  body.push('<h2>Finished games</h2>');
  body.push('<table><tr><th>student</th><th>table</th><th>seat</th><th>outcome</th><th>score</th><th>AI</th><th>difference</th><th></th></tr>');
  for (const s of finished) {
    body.push(
      `<tr><td>${esc(s.name)}</td><td>${esc(s.table)}</td><td>${esc(seatName(r, s.party))}</td><td>${esc(s.outcome ?? '')}</td><td class="num">${signed(s.score)}</td><td class="num">${signed(s.aiScore)}</td><td class="num">${signed(s.score! - s.aiScore)}</td><td>${s.authentic ? '' : '<strong class="bad">not authentic: edited outside the game</strong>'}</td></tr>`,
    );
  }
  body.push('</table>');
  if (finished.length > 0) body.push(scoreBars(finished, r));
  if (rest.length > 0) {
    body.push('<h2>Not finished</h2><table><tr><th>student</th><th>table</th><th>seat</th><th>where it stands</th></tr>');
    for (const s of rest) {
      const where = s.status === 'playing' ? `round ${s.round ?? '?'}` : s.status === 'unreadable' ? `unreadable: ${s.problem ?? ''}` : 'not started';
      body.push(
        `<tr><td>${esc(s.name)}</td><td>${esc(s.table)}</td><td>${esc(seatName(r, s.party))}</td><td>${esc(where)}${s.status !== 'not started' && !s.authentic ? ' — <strong class="bad">not authentic</strong>' : ''}</td></tr>`,
      );
    }
    body.push('</table>');
  }
  body.push('<h2>How hard each seat was</h2><table><tr><th>seat</th><th>students finished</th><th>their mean score</th><th>the AI on the same seeds</th></tr>');
  for (const seat of r.seats) {
    body.push(
      `<tr><td>${esc(seat.name)}</td><td class="num">${seat.students}</td><td class="num">${seat.meanScore === null ? '—' : signed(seat.meanScore)}</td><td class="num">${signed(seat.aiMeanScore)}</td></tr>`,
    );
  }
  body.push('</table>');
  const detailed = finished.filter((s) => s.misled !== undefined);
  if (detailed.length) {
    body.push('<h2>Each student: the moves that mattered, and what they heard</h2><ul>');
    for (const s of detailed) body.push(`<li><strong>${esc(s.name)}</strong> (${esc(s.table)}, ${esc(seatName(r, s.party))}): ${studentLines(s).map(esc).join('; ')}.</li>`);
    body.push('</ul>');
  }
  if (detailed.some((s) => (s.moments ?? []).length > 0)) body.push(timeline(detailed, r));
  for (const chart of r.charts) {
    const students = finished.filter((s) => s.party === chart.party && s.utility !== undefined);
    body.push(`<section class="seat"><h2>${esc(seatName(r, chart.party))}</h2><div class="charts">`);
    body.push(frontierChart(chart, students), offersChart(chart, students, r.rounds), '</div>');
    body.push(
      `<p class="legend">${students.map((s, i) => `<span style="color:${PALETTE[i % PALETTE.length]}">●</span> ${esc(s.name)} (${esc(s.table)})`).join(' · ') || 'No student finished in this seat yet.'} · <span class="ai">○</span> the AI on the same seeds · ◆ Nash point</p></section>`,
    );
  }
  if (r.drawn.length) {
    body.push('<h2>What the record does not settle</h2><p>Each table drew one of the accounts the sources support as what was really said:</p><ul>');
    for (const d of r.drawn) body.push(`<li>${esc(d.table)}: ${d.accounts.map(esc).join('; ')}</li>`);
    body.push('</ul>');
  }
  if (r.teacherNotes.length) body.push('<h2>Teacher notes</h2>', ...r.teacherNotes.map((p) => `<p>${esc(p)}</p>`));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class report: ${esc(r.title)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #111; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted, .legend { color: #555; }
.bad { color: #b00; }
.ai { color: #777; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5em; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
section.seat { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/** Each finished student's score against the AI's in the same seat and seed: a bar and a tick, −100 to +100. */
function scoreBars(students: StudentRow[], r: ClassReport): string {
  const w = 560;
  const label = 200;
  const row = 22;
  const h = students.length * row + 30;
  const x = (score: number) => label + ((score + 100) / 200) * (w - label - 10);
  const out = [`<svg role="img" aria-label="Students' scores against the AI" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`];
  out.push(`<line x1="${x(0)}" y1="0" x2="${x(0)}" y2="${h - 20}" stroke="#999"/>`);
  for (const [v, text] of [
    [-100, '−100'],
    [0, '0'],
    [100, '+100'],
  ] as const)
    out.push(`<text x="${x(v)}" y="${h - 6}" text-anchor="middle">${text}</text>`);
  students.forEach((s, i) => {
    const y = i * row + 4;
    const score = s.score ?? 0;
    out.push(`<text x="0" y="${y + 13}">${esc(`${s.name} · ${seatName(r, s.party)}`)}</text>`);
    out.push(
      `<rect x="${Math.min(x(0), x(score))}" y="${y + 2}" width="${Math.abs(x(score) - x(0))}" height="${row - 8}" fill="${score >= s.aiScore ? '#2ca02c' : '#d62728'}" opacity="0.75"/>`,
    );
    out.push(`<line x1="${x(s.aiScore)}" y1="${y}" x2="${x(s.aiScore)}" y2="${y + row - 4}" stroke="#000" stroke-width="2"><title>the AI: ${signed(s.aiScore)}</title></line>`);
  });
  out.push('</svg>');
  return `<figure>${out.join('')}<figcaption class="muted">Bars: each student's score (green when at least the AI's); black tick: the AI in the same seat on the same seed.</figcaption></figure>`;
}

/** The outcome plane seen from one seat: its utility (x) against the others' mean (y), 0 to 1. */
function frontierChart(chart: SeatChart, students: StudentRow[]): string {
  const size = 300;
  const pad = 34;
  const px = (u: number) => pad + u * (size - pad - 8);
  const py = (u: number) => size - pad - u * (size - pad - 8);
  const out = [`<svg role="img" aria-label="Outcomes against the Pareto frontier" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`];
  out.push(`<rect x="${px(0)}" y="${py(1)}" width="${px(1) - px(0)}" height="${py(0) - py(1)}" fill="none" stroke="#ccc"/>`);
  out.push(
    `<line x1="${px(chart.reservation)}" y1="${py(0)}" x2="${px(chart.reservation)}" y2="${py(1)}" stroke="#999" stroke-dasharray="4 3"><title>reservation value ${n(chart.reservation)}</title></line>`,
  );
  if (chart.frontier.length > 0)
    out.push(`<polyline fill="none" stroke="#444" stroke-width="1.5" points="${chart.frontier.map(([a, b]) => `${px(a).toFixed(1)},${py(b).toFixed(1)}`).join(' ')}"/>`);
  if (chart.nash) {
    const [a, b] = chart.nash;
    out.push(`<path d="M${px(a)} ${py(b) - 6} l6 6 l-6 6 l-6 -6 z" fill="#444"><title>Nash point</title></path>`);
  }
  for (const g of chart.ai)
    out.push(
      `<circle cx="${px(g.utility).toFixed(1)}" cy="${py(g.othersMean).toFixed(1)}" r="5" fill="none" stroke="#777" stroke-width="1.5"><title>the AI, seed ${g.seed}</title></circle>`,
    );
  students.forEach((s, i) =>
    out.push(`<circle cx="${px(s.utility!).toFixed(1)}" cy="${py(s.othersMean!).toFixed(1)}" r="5" fill="${PALETTE[i % PALETTE.length]}"><title>${esc(s.name)}</title></circle>`),
  );
  out.push(`<text x="${size / 2}" y="${size - 6}" text-anchor="middle">this seat's utility →</text>`);
  out.push(`<text x="10" y="${size / 2}" transform="rotate(-90 10 ${size / 2})" text-anchor="middle">the others' mean utility →</text>`);
  out.push('</svg>');
  return `<figure>${out.join('')}<figcaption class="muted">Outcomes against the Pareto frontier (line); dashed: the reservation value.</figcaption></figure>`;
}

/** The seat's offers over the rounds, in its own utility: how each student conceded, against the AI. */
function offersChart(chart: SeatChart, students: StudentRow[], rounds: number): string {
  const w = 360;
  const h = 300;
  const pad = 34;
  const px = (round: number) => pad + ((round - 1) / Math.max(1, rounds - 1)) * (w - pad - 10);
  const py = (u: number) => h - pad - u * (h - pad - 8);
  const line = (curve: { round: number; utility: number }[]) => curve.map((p) => `${px(p.round).toFixed(1)},${py(p.utility).toFixed(1)}`).join(' ');
  const out = [`<svg role="img" aria-label="Offers over time" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`];
  out.push(`<rect x="${px(1)}" y="${py(1)}" width="${px(rounds) - px(1)}" height="${py(0) - py(1)}" fill="none" stroke="#ccc"/>`);
  out.push(`<line x1="${px(1)}" y1="${py(chart.reservation)}" x2="${px(rounds)}" y2="${py(chart.reservation)}" stroke="#999" stroke-dasharray="4 3"/>`);
  for (const g of chart.ai) if (g.curve.length > 1) out.push(`<polyline fill="none" stroke="#999" stroke-dasharray="3 3" points="${line(g.curve)}"/>`);
  students.forEach((s, i) => {
    const curve = s.curve ?? [];
    const colour = PALETTE[i % PALETTE.length]!;
    if (curve.length > 1) out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${line(curve)}"/>`);
    for (const p of curve) out.push(`<circle cx="${px(p.round).toFixed(1)}" cy="${py(p.utility).toFixed(1)}" r="2.5" fill="${colour}"/>`);
  });
  out.push(`<text x="${px(1)}" y="${h - 14}" text-anchor="middle">1</text><text x="${px(rounds)}" y="${h - 14}" text-anchor="middle">${rounds}</text>`);
  out.push(`<text x="${w / 2}" y="${h - 2}" text-anchor="middle">round →</text>`);
  out.push(`<text x="10" y="${h / 2}" transform="rotate(-90 10 ${h / 2})" text-anchor="middle">its offers, in its own utility →</text>`);
  out.push('</svg>');
  return `<figure>${out.join('')}<figcaption class="muted">Each offer the seat made, by round (grey dashes: the AI); dashed line: the reservation value.</figcaption></figure>`;
}

/** What each moment looks like on the timeline: deals and signatures green, trouble red, the rest grey. */
const MARK: Record<string, { colour: string; shape: 'circle' | 'square' | 'diamond' }> = {
  signing: { colour: '#2ca02c', shape: 'diamond' },
  ratification: { colour: '#2ca02c', shape: 'diamond' },
  outcome: { colour: '#2ca02c', shape: 'diamond' },
  exposure: { colour: '#d62728', shape: 'square' },
  'walk-out': { colour: '#d62728', shape: 'square' },
  'broken-commitment': { colour: '#d62728', shape: 'square' },
  implementation: { colour: '#d62728', shape: 'square' },
};

/** A row per student: the rounds of their game, and a mark at each moment that mattered (its text on hover). */
function timeline(students: StudentRow[], r: ClassReport): string {
  const label = 170;
  const w = 620;
  const row = 24;
  const h = students.length * row + 28;
  const px = (round: number) => label + ((round - 1) / Math.max(1, r.rounds)) * (w - label - 12);
  const out = [`<svg role="img" aria-label="The moments that mattered" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`];
  students.forEach((s, i) => {
    const y = i * row + 14;
    out.push(`<text x="0" y="${y + 4}">${esc(s.name)}</text>`);
    out.push(`<line x1="${px(1)}" y1="${y}" x2="${px(r.rounds + 1)}" y2="${y}" stroke="#ccc"/>`);
    for (const m of s.moments ?? []) {
      const mark = MARK[m.kind] ?? { colour: '#777', shape: 'circle' as const };
      const x = px(Math.min(m.round, r.rounds + 1)).toFixed(1);
      const title = `<title>${esc(`R${m.round} ${m.text}`)}</title>`;
      if (mark.shape === 'circle') out.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="${mark.colour}">${title}</circle>`);
      else if (mark.shape === 'square') out.push(`<rect x="${Number(x) - 4}" y="${y - 4}" width="8" height="8" fill="${mark.colour}">${title}</rect>`);
      else out.push(`<path d="M${x} ${y - 6} l6 6 l-6 6 l-6 -6 z" fill="${mark.colour}">${title}</path>`);
    }
  });
  for (const round of [1, Math.ceil(r.rounds / 2), r.rounds]) out.push(`<text x="${px(round)}" y="${h - 4}" text-anchor="middle">R${round}</text>`);
  out.push('</svg>');
  return `<h2>The moments that mattered</h2><figure>${out.join('')}<figcaption class="muted">Each student's game, round by round: ◆ agreement and signatures, ■ trouble (a distortion found out, a walk-out, a broken public word), ● the rest. Hover a mark for what happened.</figcaption></figure>`;
}
