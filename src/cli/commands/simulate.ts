// `backchannel simulate SCENARIO [--runs N] [--seed N] [--json] [--seat PARTY --strategy NAME]`: all-AI games
// (or one seat scripted) and their outcome distribution.
import { SEAT_STRATEGIES, type SeatStrategy } from '../../ai/seats.js';
import { simulate, type SimulationSummary } from '../../engine/simulate.js';
import type { Game } from '../../model/game.js';
import type { TraceSummary } from '../../engine/trace.js';
import { Scenario } from '../../scenario/schema.js';
import { parseCommand, wholeNumber } from '../args.js';
import { usageError } from '../errors.js';
import { loadGame, parseSeed } from '../scenario-arg.js';
import { progress } from '../progress.js';
import { playSweep, sweepThreads } from '../sweep-pool.js';

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('simulate', argv, {
    runs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    seat: { type: 'string' },
    strategy: { type: 'string' },
    trace: { type: 'boolean' },
    vary: { type: 'string' },
    threads: { type: 'string' },
  });
  if (parsed.values.help) {
    process.stdout.write(simulateHelp);
    return 0;
  }
  const [arg, ...extra] = parsed.positionals;
  if (!arg) throw usageError('simulate needs a scenario: backchannel simulate SCENARIO [--runs N] [--seed N] [--json]');
  if (extra.length) throw usageError(`simulate takes one scenario, not ${parsed.positionals.length}`);
  const runs = wholeNumber('runs', parsed.values.runs, 100, 1, 10_000_000);
  const seed = parseSeed(parsed.values.seed, 1);
  const { seat: seatArg, strategy } = parsed.values;
  if ((seatArg === undefined) !== (strategy === undefined)) throw usageError('simulate: --seat and --strategy go together (try: backchannel simulate --help)');
  if (strategy !== undefined && !(SEAT_STRATEGIES as readonly string[]).includes(strategy)) {
    throw usageError(`simulate: no strategy "${strategy}"; choose one of ${SEAT_STRATEGIES.join(', ')}`);
  }
  const { game } = loadGame(arg);
  if (seatArg !== undefined && !game.party[seatArg]) {
    throw usageError(`simulate: no party "${seatArg}" in ${game.scenario.meta.id}; the seats are ${game.partyIds.join(', ')}`);
  }
  const seat = seatArg !== undefined ? { party: seatArg, strategy: strategy as SeatStrategy } : undefined;
  if (parsed.values.vary !== undefined) {
    const sweep = parseVary(parsed.values.vary);
    const bar = progress('sweeping', !parsed.values.json);
    const jobs = sweep.values.map((value) => ({ scenario: withValue(game.scenario, sweep.path, value), value, runs, seed, ...(seat ? { seat } : {}) }));
    const threads = sweepThreads(jobs.length, parsed.values.threads === undefined ? undefined : wholeNumber('threads', parsed.values.threads, 1, 1, 64));
    const rows = await playSweep(jobs, threads, (done, total) => bar.update(done, total));
    bar.done();
    process.stdout.write(
      parsed.values.json ? `${JSON.stringify({ scenario: game.scenario.meta.id, vary: sweep.text, runs, seed, rows })}\n` : formatSweep(game, sweep.text, runs, seed, rows),
    );
    return 0;
  }
  const bar = progress('simulating', !parsed.values.json);
  // The JSON always carries the trace: a script reads who heard what, and when, without a second run.
  const trace = parsed.values.trace === true || parsed.values.json === true;
  const summary = simulate(game, runs, seed, { ...(seat ? { seat } : {}), ...(trace ? { trace: true } : {}), onProgress: (done, total) => bar.update(done, total) });
  bar.done();
  process.stdout.write(parsed.values.json ? `${JSON.stringify(summary)}\n` : formatSummary(game, summary));
  return 0;
}

/** A sweep: a path into the scenario data and the values to give it (FROM:TO[:STEP], numbers). */
interface Sweep {
  text: string;
  path: string[];
  values: number[];
}

function parseVary(text: string): Sweep {
  const m = /^([^=\s]+)=(-?[\d.]+):(-?[\d.]+)(?::([\d.]+))?$/.exec(text);
  if (!m) throw usageError(`simulate: --vary takes PATH=FROM:TO[:STEP], e.g. --vary parties.russia.postures.states.maximalist.strategy.floor=0.55:0.65:0.02 (not "${text}")`);
  const [from, to] = [Number(m[2]), Number(m[3])];
  const step = m[4] !== undefined ? Number(m[4]) : (to - from) / 4;
  if (!(step > 0) || !(to >= from) || (to - from) / step > 200) throw usageError('simulate: --vary needs FROM ≤ TO and a positive STEP giving at most 200 values');
  const values: number[] = [];
  for (let k = 0; from + k * step <= to + 1e-9; k++) values.push(Math.round((from + k * step) * 1e6) / 1e6);
  return { text, path: m[1]!.split('.'), values };
}

/**
 * The scenario with the number at `path` set to `value`. A path step into a list of things with ids (parties,
 * issues, options, events…) names the id: parties.russia.postures.states.maximalist.strategy.floor. The changed
 * scenario is checked against the schema again, so a sweep never plays a scenario the loader would refuse.
 */
export function withValue(scenario: Scenario, path: readonly string[], value: number): Scenario {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  let node: unknown = copy;
  for (let k = 0; k < path.length - 1; k++) node = step(node, path[k]!, path.slice(0, k + 1).join('.'));
  const last = path[path.length - 1]!;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw usageError(`simulate: --vary: ${path.join('.')} does not lead to a number`);
  const holder = node as Record<string, unknown>;
  if (holder[last] !== undefined && typeof holder[last] !== 'number') throw usageError(`simulate: --vary: ${path.join('.')} is not a number`);
  holder[last] = value;
  const parsed = Scenario.safeParse(copy);
  if (!parsed.success) throw usageError(`simulate: --vary: ${path.join('.')}=${value} is not allowed there (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

function step(node: unknown, key: string, where: string): unknown {
  if (Array.isArray(node)) {
    const list = node as unknown[];
    const byId: unknown = list.find((item) => item !== null && typeof item === 'object' && (item as { id?: unknown }).id === key);
    if (byId !== undefined) return byId;
    if (/^\d+$/.test(key) && Number(key) < list.length) return list[Number(key)];
    throw usageError(`simulate: --vary: nothing called "${key}" at ${where}`);
  }
  if (node !== null && typeof node === 'object' && key in node) return (node as Record<string, unknown>)[key];
  throw usageError(`simulate: --vary: nothing called "${key}" at ${where}`);
}

function formatSweep(game: Game, text: string, runs: number, seed: number, rows: { value: number; dealRate: number; meanScores: Record<string, number> }[]): string {
  const out = [`${game.scenario.meta.title} — ${text}, ${runs} games per value, seed ${seed}`, ''];
  const names = game.scenario.parties.map((p) => p.name);
  const w = names.map((n) => Math.max(8, n.length + 1));
  out.push(`${'value'.padStart(10)}  ${'deals'.padStart(7)}  ${names.map((n, k) => n.padStart(w[k]!)).join(' ')}`);
  for (const r of rows) {
    out.push(`${String(r.value).padStart(10)}  ${pct(r.dealRate).padStart(7)}  ${game.scenario.parties.map((p, k) => r.meanScores[p.id]!.toFixed(1).padStart(w[k]!)).join(' ')}`);
  }
  out.push('', 'Mean scores: -100..100 against each BATNA. A jump in the deal rate between two values is a cliff worth a look.');
  return `${out.join('\n')}\n`;
}

const simulateHelp = `Usage: backchannel simulate SCENARIO [--runs N] [--seed N] [--json] [--seat PARTY --strategy NAME]
                            [--trace] [--vary PATH=FROM:TO[:STEP] [--threads N]]

Plays N all-AI games (default 100) and prints the outcome distribution and how good the deals were (deals
off the Pareto frontier, deals below a party's reservation value, the Nash product against the best possible,
no-deal games that left a better-for-everyone package on the table). --json prints one JSON object, with
the trace below in it.

--seat PARTY --strategy NAME plays that seat with a scripted strategy instead of its AI, and the same seeds
once more with the AI in the seat, and compares the two. Strategies:
  nash               table the scenario's Nash bargaining package every turn; take anything as good
  boulware           concede late, from the seat's ideal toward its reservation value (the AI's own machinery)
  conceder           concede early, the same way
  tit-for-tat        concede as much as the others do
  accept-all         accept every offer
  stall              always wait
  stall-then-accept  wait for two thirds of the talks, then accept every offer
  random             any legal move
  ideal              table the seat's own ideal every turn, accept nothing less
--trace adds what happened inside the games: deals by round, when each event fired and each posture was
entered, the reasons given for rejections, and who heard each scripted meeting otherwise than it was said —
directly or in an account passed on — in which round, and when and how they found out (with --json, also a
line per game for the first 1,000 games, each account with the issues it garbled).

--vary PATH=FROM:TO[:STEP] plays the runs once per value of one number in the scenario and prints the deal
rate and mean scores for each, to find cliffs in one command. PATH steps through the data, naming list items
by id: parties.russia.postures.states.maximalist.strategy.floor=0.55:0.70:0.05, or
parties.ukraine.preferences.reservation=0.40:0.56:0.04. --threads N plays N values at a time, side by side,
which is quicker on a machine with idle cores; the rows are the same however many threads play them.
The same arguments always print the same output.
`;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatSummary(game: Game, s: SimulationSummary): string {
  const out: string[] = [];
  out.push(`${game.scenario.meta.title} — ${s.runs} ${s.seat ? `games with ${game.party[s.seat.party]!.name} played by "${s.seat.strategy}"` : 'all-AI games'}, seed ${s.seed}`);
  out.push('');
  out.push(`Deals: ${s.deals} of ${s.runs} (${pct(s.dealRate)})   talks last ${s.meanTalkRounds.toFixed(1)} of ${game.scenario.calendar.rounds} rounds on average`);
  const failures = Object.entries(s.failures).sort((a, b) => b[1] - a[1]);
  if (failures.length) out.push(`No deal: ${failures.map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
  out.push('');
  out.push('Party                 mean score   mean utility   walk-outs');
  for (const p of game.scenario.parties) {
    const r = s.parties[p.id]!;
    out.push(`${p.name.padEnd(22)}${r.meanScore.toFixed(1).padStart(10)}${r.meanUtility.toFixed(3).padStart(15)}${String(r.walkOuts).padStart(12)}`);
  }
  if (s.topDeals.length) {
    out.push('');
    out.push('Most frequent deal:');
    const top = s.topDeals[0]!;
    out.push(`  (${top.count} games)`);
    for (const issue of game.scenario.issues) {
      const option = issue.options.find((o) => o.id === top.terms[issue.id]);
      out.push(`  ${issue.name}: ${option?.label ?? top.terms[issue.id]}`);
    }
  }
  const q = s.quality;
  out.push('');
  out.push('Quality of the deals:');
  out.push(`  off the Pareto frontier: ${pct(q.dominatedShare)}   Nash product against the best possible: ${q.nashProductRatio.toFixed(2)}`);
  const byParty = (shares: Record<string, number>) =>
    game.scenario.parties
      .filter((p) => shares[p.id] !== undefined)
      .map((p) => `${p.name} ${pct(shares[p.id]!)}`)
      .join(', ');
  out.push(`  below a party's reservation value (where it stood when the talks opened): ${byParty(q.belowReservation)}`);
  out.push(`  signed below its BATNA at the time (it would have done better without the deal): ${byParty(q.belowBatna)}`);
  out.push(`  games without a deal that left a package better than no deal for everyone on the table late: ${pct(q.batnaBeatingPackageMissed)}`);
  if (s.seat) {
    const seat = s.seat;
    const name = game.party[seat.party]!.name;
    const delta = seat.meanScore - seat.baselineMeanScore;
    out.push('');
    out.push(`${name} played by "${seat.strategy}": mean score ${seat.meanScore.toFixed(1)}, deals ${pct(seat.dealRate)}`);
    out.push(`${name} played by its AI, same seeds: mean score ${seat.baselineMeanScore.toFixed(1)}, deals ${pct(seat.baselineDealRate)}`);
    out.push(`  the strategy scores ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} points against the AI in that seat`);
  }
  const info = s.information;
  out.push('');
  out.push('Information (per game):');
  out.push(
    `  messages: ${Object.entries(info.perRun.messages)
      .filter(([, n]) => n > 0)
      .map(([channel, n]) => `${channel} ${n.toFixed(1)}`)
      .join(', ')}`,
  );
  out.push(`  distorted: ${info.perRun.distorted.toFixed(2)}   exposed: ${info.perRun.exposed.toFixed(2)}`);
  const rate = (b: { runs: number; dealRate: number }) => (b.runs ? `${pct(b.dealRate)} of ${b.runs} games` : 'no games');
  out.push(`  deal rate with every two-party talk on the record: ${rate(info.withNotetaker)}; with some off the record: ${rate(info.withoutNotetaker)}`);
  if (s.trace) out.push('', ...traceLines(game, s.trace));
  out.push('');
  out.push("Score: -100..100 against each party's BATNA (0 = as good as no deal).");
  return `${out.join('\n')}\n`;
}

function traceLines(game: Game, t: TraceSummary): string[] {
  const out = ['Trace:'];
  const rounds = Object.entries(t.dealRounds).map(([r, n]) => [Number(r), n] as const);
  if (rounds.length) {
    const most = Math.max(...rounds.map(([, n]) => n));
    out.push('  deals by round:');
    for (const [r, n] of rounds.sort((a, b) => a[0] - b[0])) out.push(`    ${String(r).padStart(3)} ${'█'.repeat(Math.max(1, Math.round((n / most) * 30)))} ${n}`);
  }
  const events = Object.entries(t.events).sort((a, b) => a[1].meanRound - b[1].meanRound);
  if (events.length) out.push('  events (games fired, mean round):', ...events.map(([id, e]) => `    ${id}: ${e.games}, round ${e.meanRound}`));
  for (const p of game.scenario.parties) {
    const ps = Object.entries(t.postures[p.id] ?? {});
    if (ps.length) out.push(`  ${p.name} entered (games, mean first round): ${ps.map(([posture, e]) => `${posture} ${e.games}, round ${e.meanRound}`).join('; ')}`);
  }
  if (t.rejections.length) out.push('  rejections, most given first:', ...t.rejections.slice(0, 8).map((r) => `    ${r.reason}: ${r.count}`));
  for (const [meeting, m] of Object.entries(t.meetings)) {
    const versions = Object.entries(m.versions)
      .map(([v, n]) => `account ${Number(v) + 1} ${n}`)
      .join(', ');
    const otherwise = Object.entries(m.heardOtherwise)
      .map(([id, n]) => `${game.party[id]?.name ?? id} ${n}`)
      .join(', ');
    out.push(`  meeting ${meeting}: ${versions ? `drawn ${versions}; ` : ''}heard otherwise than said: ${otherwise || 'never'}; exposed in ${m.exposed} games`);
    // Who was told it otherwise, when, and when they found out: the story of the talks, game by game.
    const told = Object.entries(m.told).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (told.length) out.push('    accounts told otherwise (games):', ...told.slice(0, 6).map(([key, n]) => `      ${key}: ${n}`));
  }
  return out;
}
