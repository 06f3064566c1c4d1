// `backchannel analyse FILE [--round N [--seed S]] [--json]`: what a scenario allows before anyone plays it, or
// at a round of one seeded game — for authors balancing one.
import { reserveOf } from '../../ai/aspiration.js';
import { analyseScenario, type AnalysisPoint, type ScenarioAnalysis } from '../../analysis/scenario-analysis.js';
import { advance } from '../../engine/advance.js';
import { prefsOf, type Game } from '../../model/game.js';
import { playerView } from '../../model/view.js';
import { initialWorld } from '../../model/world.js';
import { cleanText } from '../../scenario/clean-text.js';
import { parseCommand, wholeNumber } from '../args.js';
import { usageError } from '../errors.js';
import { loadGame } from '../scenario-arg.js';
import { parseSeed } from '../seed.js';
import { padCells } from '../../ui/text.js';

const help = `Usage: backchannel analyse SCENARIO [--round N [--seed S]] [--json]

What the scenario allows before anyone plays it: how many packages there are and how many cross no red line,
the zone of possible agreement against the reservation values, the Pareto frontier, the Nash and
Kalai–Smorodinsky points, the least and the most each party gets inside the zone (its worst and best deal,
exact where the search finishes) and in any package no red line rules out, which combinations of posture floors
the parties can reach before the last third of the talks leave a deal possible, and whether each scripted
meeting's offer lies inside the zone. --json prints one JSON object.

--round N gives the same figures at the start of round N of the all-AI game seed S plays (default 1): with the
preferences and red lines the events that fired by then had changed, and the zone measured against what each
party would walk away below then — its reservation value or its BATNA, whichever is better (lower under
pressure), as its AI judges. It names the events that fired; if the talks ended before round N, it says so
and stands where they ended.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('analyse', argv, { json: { type: 'boolean' }, round: { type: 'string' }, seed: { type: 'string' } });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length !== 1) throw usageError('analyse takes one scenario, e.g. backchannel analyse my-scenario.yaml');
  if (values.seed !== undefined && values.round === undefined) throw usageError('--seed goes with --round: the seed of the game to analyse a round of');
  const { game } = loadGame(positionals[0]!);
  const round = values.round === undefined ? undefined : wholeNumber('round', values.round, 1, 1, game.scenario.calendar.rounds);
  const a = analyseScenario(game, round === undefined ? undefined : pointOf(game, round, parseSeed(values.seed, 1)));
  process.stdout.write(values.json ? `${JSON.stringify(a)}\n` : formatAnalysis(a));
  return 0;
}

/** Where the all-AI game `seed` plays stands at the start of `round` (or where it ended, if it ended first). */
export function pointOf(game: Game, round: number, seed: number): AnalysisPoint {
  let world = initialWorld(game, seed);
  while (world.phase !== 'ended' && world.round < round) world = advance(game, world, { max: 1, record: false }).world;
  const ids = game.bargainers;
  const titles = new Map(game.scenario.events.map((e) => [e.id, cleanText(e.title)]));
  const outcome = world.outcome;
  return {
    round: world.round,
    seed,
    ...(world.phase === 'ended' && world.round < round && outcome ? { ended: outcome.kind === 'deal' ? `a deal (${outcome.reason})` : `no deal (${outcome.reason})` } : {}),
    events: world.firedEvents.map((id) => titles.get(id) ?? id),
    prefs: Object.fromEntries(ids.map((id) => [id, prefsOf(game, world, id)])),
    batna: Object.fromEntries(ids.map((id) => [id, world.parties[id]!.batna])),
    walkAway: Object.fromEntries(ids.map((id) => [id, reserveOf(playerView(world, game, id)).reserve])),
  };
}

const pct = (x: number) => (x === 0 ? '0%' : x < 0.01 ? `${(x * 100).toPrecision(2)}%` : `${(x * 100).toFixed(1)}%`);
const f2 = (x: number) => x.toFixed(2);

export function formatAnalysis(a: ScenarioAnalysis): string {
  const out: string[] = [];
  const names = Object.fromEntries(a.parties.map((p) => [p.party, p.name]));
  const w = Math.max(...a.parties.map((p) => p.name.length)) + 2;
  const at = a.at;
  if (at) {
    out.push(
      at.ended
        ? `${a.scenario} where the all-AI game seed ${at.seed} ended, in round ${at.round} (before the round asked for), with ${at.ended}.`
        : `${a.scenario} at the start of round ${at.round} of the all-AI game seed ${at.seed}.`,
      `Events fired by then: ${at.events.length ? at.events.join('; ') : 'none'}.`,
      '',
    );
  }
  const against = at ? 'its walk-away point then' : 'its reservation value';
  out.push(`${a.scenario}: ${a.packages.toLocaleString('en-US')} packages; ${pct(a.signable.share)} cross no party's red line${a.signable.exhaustive ? '' : ' (sampled)'}.`);
  out.push(
    a.zopa.exists
      ? `Zone of possible agreement (every party better off than at ${against}): ${
          a.zopa.exhaustive
            ? `${pct(a.zopa.share)} of packages`
            : a.zopa.inside === 0
              ? `none of ${a.zopa.sampled.toLocaleString('en-US')} sampled packages — a small zone, which the Nash point below proves is not empty`
              : `about ${pct(a.zopa.share)} of packages (${a.zopa.inside} of ${a.zopa.sampled.toLocaleString('en-US')} sampled)`
        }.`
      : `No zone of possible agreement: no package gives every party ${against}${a.zopa.certain ? '' : ' (the search did not finish: not proven)'}.`,
  );
  out.push(
    a.frontier.exact !== undefined
      ? `Pareto frontier: ${a.frontier.exact} packages no other signable package betters for everyone (counted exactly); ${a.frontier.supported} of them are supported (a weighted sum of utilities picks them out).`
      : `Pareto frontier: ${a.frontier.supported} supported packages found (those a weighted sum of utilities picks out); the space is too large to count the frontier exactly, and it can hold more points between them.`,
    '',
  );
  // Each party's reservation value (at a round: its BATNA and walk-away point), and its worst and best deals.
  const opt = (x: number | undefined) => (x === undefined ? '—' : f2(x));
  const deals = (p: ScenarioAnalysis['parties'][number]) =>
    `  ${`${p.worstNotProven ? '≤' : ''}${opt(p.worstInZone)}`.padStart(10)}  ${opt(p.bestInZone).padStart(9)}  ${f2(p.bestSignable).padStart(11)}`;
  out.push(`${padCells('party', w)}${at ? '      BATNA  walk-away' : 'reservation'}  worst deal  best deal  best of all`);
  for (const p of a.parties)
    out.push(`${padCells(p.name, w)}${at ? `${f2(at.batna[p.party]!).padStart(11)}  ${f2(p.reservation).padStart(9)}` : f2(p.reservation).padStart(11)}${deals(p)}`);
  out.push(
    'Worst and best deal: the least and the most it gets in a package inside the zone (≤: the search for the worst',
    'ran out of time; a deal this bad exists, a worse one may). Best of all: in any package no red line rules out.',
  );
  for (const [label, point] of [
    [`Nash point (the largest product of gains over ${at ? 'the walk-away points' : 'the reservation values'})`, a.nash],
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
