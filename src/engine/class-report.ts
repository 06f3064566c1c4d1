// A lesson's report: a row per student (table, seat, how the game ended, the score, and the score the AI got in
// the same seat on the same seed), whether the save is the student's own (signed with the class key), the
// unfinished games apart, and how hard each seat was (students against the AI). One scenario per report.
import type { ClassPlan } from './class-plan.js';
import type { Game } from '../model/game.js';
import { partyResults } from '../model/outcome.js';
import type { PartyId, World } from '../model/types.js';
import { playGame } from './advance.js';
import type { Debrief } from '../analysis/debrief/types.js';
import { paragraphs } from '../analysis/debrief/text.js';
import { concessionCurve } from '../analysis/bargaining.js';
import { nashPoint } from '../analysis/bargaining-points.js';
import { nonDominated, paretoFrontier, type FrontierPoint } from '../analysis/frontier.js';

export interface StudentRow {
  name: string;
  table: string;
  party: PartyId;
  seed: number;
  status: 'not started' | 'playing' | 'finished' | 'unreadable';
  /** Whether the save is signed with the class key (a game played through play --class, unedited). */
  authentic: boolean;
  outcome?: string;
  round?: number;
  score?: number;
  /** The AI's score in the same seat on the same seed (every seat played by the AI). */
  aiScore: number;
  problem?: string;
  /** Finished games, for the charts: the seat's utility, the others' mean utility, and its offers over time. */
  utility?: number;
  othersMean?: number;
  curve?: { round: number; utility: number }[];
  /** The student's move that helped most and the one that hurt most, rated against waiting (score points). */
  best?: { round: number; text: string; value: number };
  worst?: { round: number; text: string; value: number };
  /**
   * What the student heard otherwise than it was said: from whom, on which issues (by name), what it was worth to
   * them as heard and as said, and whether (how, when) they found out.
   */
  misled?: { round: number; from: string; issues: string[]; foundOut?: string; worth: { heard: number; said: number } }[];
  /** Accounts the student answers for that others heard otherwise than it was said. */
  distorted?: number;
  /** Clarifications the student asked for. */
  checks?: number;
  /** Whether the deal reached is Pareto-optimal (deals only): no small change helps someone and hurts no one. */
  paretoOptimal?: boolean;
  /** The moments that mattered in the student's game, for the timeline. */
  moments?: { round: number; kind: string; text: string }[];
}

/** One seat's chart data: the Pareto frontier seen from the seat (its utility against the others' mean), the
 * Nash point, and the AI's games on the class's seeds. */
export interface SeatChart {
  party: PartyId;
  frontier: [number, number][];
  nash?: [number, number];
  /** The reservation value: where a score of 0 lies on the seat's axis. */
  reservation: number;
  ai: { seed: number; utility: number; othersMean: number; curve: { round: number; utility: number }[] }[];
}

export interface ClassReport {
  scenario: string;
  title: string;
  students: StudentRow[];
  /** Per seat: the finished students' mean score, and the AI's on the same seeds. */
  seats: { party: PartyId; name: string; students: number; meanScore: number | null; aiMeanScore: number }[];
  /** Per seat played by a student: what the charts of the HTML report draw. */
  charts: SeatChart[];
  rounds: number;
  /** The scenario's notes for teachers, by paragraph. */
  teacherNotes: string[];
  /** What the record does not settle, per table: the account its game drew (the same seed draws the same). */
  drawn: { table: string; accounts: string[] }[];
}

/** What is known of one student's game: nothing yet, a rebuilt world (and its debrief, when finished), or why it could not be read. */
export type StudentGame = { kind: 'none' } | { kind: 'game'; world: World; authentic: boolean; debrief?: Debrief } | { kind: 'unreadable'; problem: string };

export function classReport(game: Game, plan: ClassPlan, gameOf: (table: string, name: string) => StudentGame): ClassReport {
  const aiWorlds = new Map<number, World>();
  const aiWorld = (seed: number) => {
    let world = aiWorlds.get(seed);
    if (!world) aiWorlds.set(seed, (world = playGame(game, seed, { record: false }).world));
    return world;
  };
  const ai = (seed: number) => partyResults(game, aiWorld(seed));
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const students: StudentRow[] = [];
  const drawn = new Map<string, string[]>();
  for (const table of plan.tables) {
    for (const [party, name] of Object.entries(table.seats)) {
      if (name === null) continue;
      const base = { name, table: table.id, party, seed: table.seed, aiScore: round1(ai(table.seed)[party]!.score) };
      const g = gameOf(table.id, name);
      if (g.kind === 'none') students.push({ ...base, status: 'not started', authentic: false });
      else if (g.kind === 'unreadable') students.push({ ...base, status: 'unreadable', authentic: false, problem: g.problem });
      else {
        const w = g.world;
        const finished = w.outcome !== undefined;
        students.push({
          ...base,
          status: finished ? 'finished' : 'playing',
          authentic: g.authentic,
          ...(w.outcome ? { outcome: `${w.outcome.kind} (${w.outcome.reason})` } : {}),
          round: w.round,
          ...(finished ? seen(game, w, party) : {}),
          ...(g.debrief ? fromDebrief(g.debrief, party) : {}),
        });
        if (g.debrief && !drawn.has(table.id))
          drawn.set(
            table.id,
            g.debrief.contested.map((c) => `${c.title}: "${c.drawn}"`),
          );
      }
    }
  }
  const seats = game.partyIds
    .filter((id) => plan.tables.some((t) => typeof t.seats[id] === 'string'))
    .map((party) => {
      const mine = students.filter((s) => s.party === party && s.score !== undefined && s.authentic);
      const seeds = plan.tables.map((t) => t.seed);
      const aiMean = seeds.reduce((sum, seed) => sum + ai(seed)[party]!.score, 0) / seeds.length;
      return {
        party,
        name: game.party[party]!.name,
        students: mine.length,
        meanScore: mine.length ? round1(mine.reduce((sum, s) => sum + s.score!, 0) / mine.length) : null,
        aiMeanScore: round1(aiMean),
      };
    });
  // The frontier and the Nash point are the scenario's: found once, then seen from each seat.
  const prefs = game.bargainers.map((id) => game.prefs[id]!);
  const search = { excludeRedLines: true };
  const frontier = paretoFrontier(prefs, search);
  const nash = nashPoint(
    prefs,
    game.bargainers.map((id) => game.prefs[id]!.reservation),
    { ...search, frontier },
  );
  const seeds = [...new Set(plan.tables.map((t) => t.seed))];
  const charts = seats.filter(({ party }) => game.bargainers.includes(party)).map(({ party }) => seatChart(game, party, frontier, nash?.utilities, seeds, aiWorld));
  return {
    scenario: game.scenario.meta.id,
    title: game.scenario.meta.title,
    students,
    seats,
    charts,
    rounds: game.scenario.calendar.rounds,
    teacherNotes: paragraphs(game.scenario.meta.teacherNotes),
    drawn: [...drawn].filter(([, accounts]) => accounts.length > 0).map(([table, accounts]) => ({ table, accounts })),
  };
}

/** What a student's debrief says of them: the moves that mattered, and what they heard, told and checked. */
function fromDebrief(d: Debrief, party: PartyId): Pick<StudentRow, 'best' | 'worst' | 'misled' | 'distorted' | 'checks' | 'paretoOptimal' | 'moments'> {
  const moves = d.humans.find((h) => h.party === party);
  const pick = (m: Debrief['humans'][number]['best'][number] | undefined) => m && m.value !== null && { round: m.round, text: m.text, value: Math.round(m.value * 10) / 10 };
  const best = pick(moves?.best[0]);
  const worst = pick(moves?.worst[0]);
  const misled = d.saidAndHeard.flatMap((x) =>
    x.listeners
      .filter((l) => l.party === party)
      .map((l) => ({
        round: x.round,
        from: x.teller.envoy ?? x.teller.name,
        issues: l.differs.map((id) => x.said.find((t) => t.issue === id)?.issueName ?? id),
        worth: l.value,
        ...(l.exposure ? { foundOut: `${l.exposure.how}${l.exposure.round ? `, round ${l.exposure.round}` : ''}` } : {}),
      })),
  );
  return {
    ...(best ? { best } : {}),
    ...(worst ? { worst } : {}),
    misled,
    distorted: d.saidAndHeard.filter((x) => x.answers.party === party).length,
    checks: moves?.moves.filter((m) => m.command.type === 'clarify').length ?? 0,
    ...(d.frontier.paretoOptimal !== undefined ? { paretoOptimal: d.frontier.paretoOptimal } : {}),
    moments: d.moments.map((m) => ({ round: m.round, kind: m.kind, text: m.text })),
  };
}

/** A seat's view of a finished game: its score, its utility, the others' mean, and its offers' utility round by round. */
function seen(game: Game, w: World, party: PartyId): { score: number; utility: number; othersMean: number; curve: { round: number; utility: number }[] } {
  const results = partyResults(game, w);
  const others = game.partyIds.filter((id) => id !== party);
  const prefs = game.prefs[party]!;
  const curve = concessionCurve(
    prefs,
    w.proposals.filter((p) => p.by === party),
  ).map(({ round, utility }) => ({ round, utility }));
  return {
    score: Math.round(results[party]!.score * 10) / 10,
    utility: results[party]!.utility,
    othersMean: others.reduce((sum, id) => sum + results[id]!.utility, 0) / Math.max(1, others.length),
    curve,
  };
}

/** The frontier and the Nash point (utilities by party) seen from `party`, and the AI's games on `seeds`. */
function seatChart(
  game: Game,
  party: PartyId,
  points: readonly FrontierPoint[],
  nash: readonly number[] | undefined,
  seeds: readonly number[],
  aiWorld: (seed: number) => World,
): SeatChart {
  const k = game.bargainers.indexOf(party);
  const view = (u: readonly number[]): [number, number] => [u[k]!, u.reduce((sum, x, i) => (i === k ? sum : sum + x), 0) / Math.max(1, u.length - 1)];
  const frontier = nonDominated(points.map((p) => ({ utilities: view(p.utilities) })))
    .map((p) => p.utilities)
    .sort((a, b) => a[0] - b[0]);
  return {
    party,
    frontier,
    ...(nash ? { nash: view(nash) } : {}),
    reservation: game.prefs[party]!.reservation,
    ai: seeds.map((seed) => ({ seed, ...seen(game, aiWorld(seed), party) })),
  };
}

export function classReportMarkdown(r: ClassReport): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  const signed = (x: number | undefined) => (x === undefined ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}`);
  const out = [
    `# Class report: ${cell(r.title)}`,
    '',
    `Scenario \`${r.scenario}\`. Scores run from −100 to +100 against each party's BATNA at the start; "AI" is the AI's score in the same seat on the same seed.`,
    '',
  ];
  const finished = r.students.filter((s) => s.status === 'finished');
  const rest = r.students.filter((s) => s.status !== 'finished');
  out.push('## Finished games', '', '| student | table | seat | outcome | score | AI | difference | |', '|---|---|---|---|---:|---:|---:|---|');
  for (const s of finished) {
    out.push(
      `| ${cell(s.name)} | ${s.table} | ${s.party} | ${s.outcome ?? ''} | ${signed(s.score)} | ${signed(s.aiScore)} | ${signed(s.score! - s.aiScore)} | ${s.authentic ? '' : '**not authentic: edited outside the game**'} |`,
    );
  }
  if (rest.length) {
    out.push('', '## Not finished', '', '| student | table | seat | where it stands |', '|---|---|---|---|');
    for (const s of rest)
      out.push(
        `| ${cell(s.name)} | ${s.table} | ${s.party} | ${s.status === 'playing' ? `round ${s.round}` : s.status === 'unreadable' ? `unreadable: ${cell(s.problem ?? '')}` : 'not started'}${s.status !== 'not started' && !s.authentic ? ' — **not authentic**' : ''} |`,
      );
  }
  out.push('', '## How hard each seat was', '', '| seat | students finished | their mean score | the AI on the same seeds |', '|---|---:|---:|---:|');
  for (const seat of r.seats) out.push(`| ${cell(seat.name)} | ${seat.students} | ${seat.meanScore === null ? '—' : signed(seat.meanScore)} | ${signed(seat.aiMeanScore)} |`);
  const detailed = finished.filter((s) => s.misled !== undefined);
  if (detailed.length) {
    out.push('', '## Each student: the moves that mattered, and what they heard', '');
    for (const s of detailed) out.push(`- **${cell(s.name)}** (${s.table}, ${cell(seatName(r, s.party))}): ${studentLines(s).join('; ')}.`);
  }
  if (r.drawn.length) {
    out.push('', '## What the record does not settle', '', 'Each table drew one of the accounts the sources support as what was really said:', '');
    for (const d of r.drawn) out.push(`- ${d.table}: ${d.accounts.map(cell).join('; ')}`);
  }
  if (r.teacherNotes.length) out.push('', '## Teacher notes', '', ...r.teacherNotes.flatMap((p) => [cell(p), '']));
  return `${out.join('\n').trimEnd()}\n`;
}

/** A seat's party name, as the report names it. */
export const seatName = (r: ClassReport, party: string) => r.seats.find((s) => s.party === party)?.name ?? party;

/** A student's row in words: best and worst move, what they heard otherwise, what they told, what they checked. */
export function studentLines(s: StudentRow): string[] {
  const value = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
  const out: string[] = [];
  out.push(s.best ? `best move R${s.best.round} ${s.best.text} (${value(s.best.value)})` : 'no move did better than waiting');
  if (s.worst) out.push(`worst R${s.worst.round} ${s.worst.text} (${value(s.worst.value)})`);
  if (s.paretoOptimal !== undefined) out.push(s.paretoOptimal ? 'the deal is Pareto-optimal' : 'a deal better for someone and worse for no one was within reach');
  const misled = s.misled ?? [];
  if (misled.length === 0) out.push('heard everything as it was said');
  for (const m of misled)
    out.push(
      `told otherwise by ${m.from} in R${m.round} on ${m.issues.join(', ')} (worth ${m.worth.heard.toFixed(2)} to them as heard, ${m.worth.said.toFixed(2)} as said) — ${m.foundOut ? `found out (${m.foundOut})` : 'never found out'}`,
    );
  if (s.distorted) out.push(`answers for ${s.distorted} account${s.distorted === 1 ? '' : 's'} others heard otherwise`);
  out.push(`${s.checks ?? 0} clarification${s.checks === 1 ? '' : 's'} asked`);
  return out;
}
