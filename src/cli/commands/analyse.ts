// `backchannel analyse FILE [--json]`: what a scenario allows before anyone plays it — for authors balancing one.
import { analyseScenario, type ScenarioAnalysis } from '../../analysis/scenario-analysis.js';
import { parseCommand } from '../args.js';
import { usageError } from '../errors.js';
import { loadGame } from '../scenario-arg.js';
import { padCells } from '../../ui/text.js';

const help = `Usage: backchannel analyse SCENARIO [--json]

What the scenario allows before anyone plays it: how many packages there are and how many cross no red line,
the zone of possible agreement against the reservation values, the Pareto frontier, the Nash and
Kalai–Smorodinsky points, the most each party can get inside the zone, which combinations of posture floors
the parties can reach before the last third of the talks leave a deal possible, and whether each scripted
meeting's offer lies inside the zone. --json prints one JSON object.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('analyse', argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length !== 1) throw usageError('analyse takes one scenario, e.g. backchannel analyse my-scenario.yaml');
  const { game } = loadGame(positionals[0]!);
  const a = analyseScenario(game);
  process.stdout.write(values.json ? `${JSON.stringify(a)}\n` : formatAnalysis(a));
  return 0;
}

const pct = (x: number) => (x === 0 ? '0%' : x < 0.01 ? `${(x * 100).toPrecision(2)}%` : `${(x * 100).toFixed(1)}%`);
const f2 = (x: number) => x.toFixed(2);

export function formatAnalysis(a: ScenarioAnalysis): string {
  const out: string[] = [];
  const names = Object.fromEntries(a.parties.map((p) => [p.party, p.name]));
  const w = Math.max(...a.parties.map((p) => p.name.length)) + 2;
  out.push(`${a.scenario}: ${a.packages.toLocaleString('en-US')} packages; ${pct(a.signable.share)} cross no party's red line${a.signable.exhaustive ? '' : ' (sampled)'}.`);
  out.push(
    a.zopa.exists
      ? `Zone of possible agreement (every party better off than at its reservation value): ${
          a.zopa.exhaustive
            ? `${pct(a.zopa.share)} of packages`
            : a.zopa.inside === 0
              ? `none of ${a.zopa.sampled.toLocaleString('en-US')} sampled packages — a small zone, which the Nash point below proves is not empty`
              : `about ${pct(a.zopa.share)} of packages (${a.zopa.inside} of ${a.zopa.sampled.toLocaleString('en-US')} sampled)`
        }.`
      : `No zone of possible agreement: no package gives every party its reservation value${a.zopa.certain ? '' : ' (the search did not finish: not proven)'}.`,
  );
  out.push(
    a.frontier.exact !== undefined
      ? `Pareto frontier: ${a.frontier.exact} packages no other signable package betters for everyone (counted exactly); ${a.frontier.supported} of them are supported (a weighted sum of utilities picks them out).`
      : `Pareto frontier: ${a.frontier.supported} supported packages found (those a weighted sum of utilities picks out); the space is too large to count the frontier exactly, and it can hold more points between them.`,
    '',
  );
  out.push(`${padCells('party', w)}reservation  best inside the zone  best it can get at all`);
  for (const p of a.parties)
    out.push(`${padCells(p.name, w)}${f2(p.reservation).padStart(11)}  ${(p.bestInZone === undefined ? '—' : f2(p.bestInZone)).padStart(19)}  ${f2(p.bestSignable).padStart(22)}`);
  for (const [label, point] of [
    ['Nash point (the largest product of gains over the reservation values)', a.nash],
    ['Kalai–Smorodinsky point (gains in proportion to each party’s best)', a.kalai],
  ] as const) {
    if (!point) continue;
    out.push(
      '',
      `${label}${point.exact ? '' : ' — not proven optimal'}: ${Object.entries(point.utilities)
        .map(([id, u]) => `${names[id]} ${f2(u)}`)
        .join(', ')}`,
      ...point.terms.map((t) => `  ${t}`),
    );
  }
  out.push('', `Posture floors: ${a.postures.withDeal} of ${a.postures.combinations} combinations the parties can reach before the last third leave a package above every floor.`);
  for (const b of a.postures.blocked.slice(0, 5))
    out.push(
      `  blocked: ${Object.entries(b)
        .map(([id, posture]) => `${names[id]} ${posture}`)
        .join(', ')}`,
    );
  if (a.postures.blocked.length > 5) out.push(`  … and ${a.postures.blocked.length - 5} more`);
  if (a.meetings.length) {
    out.push('', 'Scripted meetings:');
    for (const m of a.meetings) {
      const where = m.inside ? 'inside the zone' : `outside the zone (short for ${m.short.map((id) => names[id]).join(', ')})`;
      out.push(
        `  ${m.meeting}${m.account ? ` — "${m.account}"` : ''}: ${where}; ${Object.entries(m.utilities)
          .map(([id, u]) => `${names[id]} ${f2(u)}`)
          .join(', ')}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
