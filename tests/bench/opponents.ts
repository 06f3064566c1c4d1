// The opponents' figures (the targets of the opponents issue), measured with the project's own harness on the
// same seeds: all-AI deal rates and deal quality per bundled scenario, then every seat played by every scripted
// strategy next to the AI in that seat; and how long one AI decision takes (p50, p99, max over every decision of
// DECISION_GAMES games per scenario). Run: `npm run bench:opponents` (or with RUNS=N for fewer games).
import { performance } from 'node:perf_hooks';
import { SEAT_STRATEGIES, type SeatStrategy } from '../../src/ai/seats.js';
import { playGame, type Player } from '../../src/engine/advance.js';
import { aiDecision } from '../../src/engine/auto.js';
import { runSeed } from '../../src/engine/simulate.js';
import { seatPlayer } from '../../src/engine/seat-play.js';
import { simulateRuns } from '../../src/engine/simulate.js';
import { compileGame } from '../../src/model/game.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';

const RUNS = Number(process.env.RUNS ?? 500);
const DECISION_GAMES = Number(process.env.DECISION_GAMES ?? 100);
const SEED = Number(process.env.SEED ?? 1);
const only = process.env.SCENARIO;
const line = (s: string) => process.stdout.write(`${s}\n`);
const TRICKS: SeatStrategy[] = ['accept-all', 'stall', 'stall-then-accept', 'random', 'ideal'];
const GOOD: SeatStrategy[] = ['boulware', 'tit-for-tat'];
const dealTargets: Record<string, [number, number]> = { 'alaska-2025': [0.15, 0.7], 'moscow-2025-08': [0.35, 0.85] };
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? 'ok ' : 'MISS');
let misses = 0;

for (const id of ['alaska-2025', 'moscow-2025-08']) {
  if (only && only !== id) continue;
  const game = compileGame(loadScenarioOrThrow(id).scenario);
  const t0 = performance.now();
  const base = simulateRuns(game, RUNS, SEED, undefined);
  const q = base.quality;
  const [lo, hi] = dealTargets[id]!;
  line(`\n${id} — ${RUNS} all-AI games, seed ${SEED} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const checks: [string, boolean][] = [
    [`deal rate ${pct(base.dealRate)} (target ${pct(lo)}–${pct(hi)})`, base.dealRate >= lo && base.dealRate <= hi],
    [`dominatedShare ${pct(q.dominatedShare)} (< 10%)`, q.dominatedShare < 0.1],
    [`batnaBeatingPackageMissed ${pct(q.batnaBeatingPackageMissed)} (< 10%)`, q.batnaBeatingPackageMissed < 0.1],
    ...game.partyIds.map((p): [string, boolean] => [`belowReservation ${p} ${pct(q.belowReservation[p]!)} (< 10%)`, q.belowReservation[p]! < 0.1]),
    // Below where it started is what a long war does to a side; below its BATNA when it signed is a mistake.
    ...game.partyIds.map((p): [string, boolean] => [`belowBatna at signing ${p} ${pct(q.belowBatna[p]!)} (< 10%)`, q.belowBatna[p]! < 0.1]),
  ];
  for (const [text, ok] of checks) {
    line(`  ${mark(ok)} ${text}`);
    if (!ok) misses++;
  }
  // Every AI decision of DECISION_GAMES games, timed one by one (the first games warm the JIT up, untimed).
  const times: number[] = [];
  const timed: Player = (g, world, party) => {
    const start = performance.now();
    const decision = aiDecision(g, world, party);
    times.push(performance.now() - start);
    return decision;
  };
  const players = Object.fromEntries(game.partyIds.map((p) => [p, timed]));
  for (let r = 0; r < 10; r++) playGame(game, runSeed(SEED + 1, r), { players, record: false });
  times.length = 0;
  for (let r = 0; r < DECISION_GAMES; r++) playGame(game, runSeed(SEED, r), { players, record: false });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const p99 = at(0.99);
  line(`  ${mark(p99 < 20)} AI decision p99 ${p99.toFixed(1)} ms (< 20 ms); p50 ${at(0.5).toFixed(2)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${times.length} decisions`);
  if (p99 >= 20) misses++;
  line(`       nashProductRatio ${q.nashProductRatio.toFixed(2)}; scores ${game.partyIds.map((p) => `${p} ${base.parties[p]!.meanScore.toFixed(1)}`).join(', ')}`);
  line('');
  line(`  seat            AI    ${SEAT_STRATEGIES.map((s) => s.padStart(10).slice(-10)).join(' ')}`);
  for (const party of game.partyIds) {
    const ai = base.parties[party]!.meanScore;
    const cells: string[] = [];
    const flags: string[] = [];
    let bestGood = -Infinity;
    for (const strategy of SEAT_STRATEGIES) {
      const run = simulateRuns(game, RUNS, SEED, { [party]: seatPlayer(strategy) });
      const score = run.parties[party]!.meanScore;
      cells.push(score.toFixed(1).padStart(10));
      if (TRICKS.includes(strategy) && score > ai + 5) flags.push(`${strategy} beats the AI by ${(score - ai).toFixed(1)}`);
      if (GOOD.includes(strategy)) bestGood = Math.max(bestGood, score);
    }
    if (bestGood < ai + 5) flags.push(`good play gains only ${(bestGood - ai).toFixed(1)}`);
    misses += flags.length;
    line(`  ${party.padEnd(14)}${ai.toFixed(1).padStart(6)}  ${cells.join(' ')}`);
    for (const f of flags) line(`     MISS ${f}`);
  }
}
line(`\n${misses} target${misses === 1 ? '' : 's'} missed.`);
