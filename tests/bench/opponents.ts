// The opponents' figures (the targets of the opponents issue), measured with the project's own harness on the
// same seeds: all-AI deal rates and deal quality per bundled scenario, then every seat played by every scripted
// strategy next to the AI in that seat. Run: `npm run bench:opponents` (or with RUNS=N for fewer games).
import { performance } from 'node:perf_hooks';
import { SEAT_STRATEGIES, type SeatStrategy } from '../../src/ai/seats.js';
import { seatPlayer } from '../../src/engine/seat-play.js';
import { simulateRuns } from '../../src/engine/simulate.js';
import { compileGame } from '../../src/model/game.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';

const RUNS = Number(process.env.RUNS ?? 500);
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
  ];
  for (const [text, ok] of checks) {
    line(`  ${mark(ok)} ${text}`);
    if (!ok) misses++;
  }
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
