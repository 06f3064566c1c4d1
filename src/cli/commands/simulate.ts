// `backchannel simulate SCENARIO [--runs N] [--seed N] [--json]`: all-AI games and their outcome distribution.
import { simulate, type SimulationSummary } from '../../engine/simulate.js';
import type { Game } from '../../model/game.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';
import { loadGame, parseSeed } from '../scenario-arg.js';

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('simulate', argv, { runs: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } });
  if (parsed.values.help) {
    process.stdout.write('Usage: backchannel simulate SCENARIO [--runs N] [--seed N] [--json]\n\nPlays N all-AI games (default 100) and prints the outcome distribution; --json prints one JSON object.\nThe same arguments always print the same output.\n');
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
  const { game } = loadGame(arg);
  const summary = simulate(game, Number(runsText), seed);
  process.stdout.write(parsed.values.json ? `${JSON.stringify(summary)}\n` : formatSummary(game, summary));
  return 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatSummary(game: Game, s: SimulationSummary): string {
  const out: string[] = [];
  out.push(`${game.scenario.meta.title} — ${s.runs} all-AI games, seed ${s.seed}`);
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
  out.push('Score: -100..100 against each party\'s BATNA (0 = as good as no deal).');
  return `${out.join('\n')}\n`;
}
