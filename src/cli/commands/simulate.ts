// `backchannel simulate SCENARIO [--runs N] [--seed N] [--json] [--seat PARTY --strategy NAME]`: all-AI games
// (or one seat scripted) and their outcome distribution.
import { SEAT_STRATEGIES, type SeatStrategy } from '../../ai/seats.js';
import { simulate, type SimulationSummary } from '../../engine/simulate.js';
import type { Game } from '../../model/game.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';
import { loadGame, parseSeed } from '../scenario-arg.js';
import { progress } from '../progress.js';

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('simulate', argv, {
    runs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    seat: { type: 'string' },
    strategy: { type: 'string' },
  });
  if (parsed.values.help) {
    process.stdout.write(simulateHelp);
    return 0;
  }
  const [arg, ...extra] = parsed.positionals;
  if (!arg) throw usageError('simulate needs a scenario: backchannel simulate SCENARIO [--runs N] [--seed N] [--json]');
  if (extra.length) throw usageError(`simulate takes one scenario, not ${parsed.positionals.length}`);
  const runsText = parsed.values.runs ?? '100';
  if (!/^\d+$/.test(runsText) || Number(runsText) < 1 || Number(runsText) > 10_000_000) {
    throw usageError(`--runs takes a whole number from 1 to 10000000, not "${runsText}"`);
  }
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
  const bar = progress('simulating', !parsed.values.json);
  const summary = simulate(game, Number(runsText), seed, { ...(seat ? { seat } : {}), onProgress: (done, total) => bar.update(done, total) });
  bar.done();
  process.stdout.write(parsed.values.json ? `${JSON.stringify(summary)}\n` : formatSummary(game, summary));
  return 0;
}

const simulateHelp = `Usage: backchannel simulate SCENARIO [--runs N] [--seed N] [--json] [--seat PARTY --strategy NAME]

Plays N all-AI games (default 100) and prints the outcome distribution and how good the deals were (deals
off the Pareto frontier, deals below a party's reservation value, the Nash product against the best possible,
no-deal games that left a better-for-everyone package on the table). --json prints one JSON object.

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
  out.push(`  below a party's reservation value: ${game.scenario.parties.map((p) => `${p.name} ${pct(q.belowReservation[p.id] ?? 0)}`).join(', ')}`);
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
  out.push('');
  out.push("Score: -100..100 against each party's BATNA (0 = as good as no deal).");
  return `${out.join('\n')}\n`;
}
