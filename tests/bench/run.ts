// `npm run bench`: the engine's figures, each next to a baseline measured in the same run (NODE_ENV=production, as
// the shipped bundle runs).
//   1. complete flagship games per second through the session machine (xstate) vs the same games as a plain
//      loop over step (the xstate layer bypassed) — the ratio is the actor overhead;
//   2. engine commands per second (the same runs, counted by command);
//   3. `simulate` of 10,000 games: wall time and memory at 1,000 vs 10,000 games (flat memory means equal);
//   4. start-up to the first frame of the title screen vs bare `node -e 0`.
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { playGame } from '../../src/engine/advance.js';
import { playSession } from '../../src/engine/headless.js';
import { runSeed, simulate } from '../../src/engine/simulate.js';
import { compileGame } from '../../src/model/game.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';

const game = compileGame(loadScenarioOrThrow('alaska-2025').scenario);
const line = (s: string) => process.stdout.write(`${s}\n`);

function gamesPerSecond(play: (seed: number) => { world: { moves: number } }, seconds: number) {
  let games = 0;
  let moves = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    moves += play(runSeed(42, games)).world.moves;
    games++;
  }
  const elapsed = (performance.now() - start) / 1000;
  return { games, gps: games / elapsed, cps: moves / elapsed, movesPerGame: moves / games };
}

line(`Backchannel benchmark — node ${process.version}, ${game.scenario.meta.id}`);
// Warm both paths up so the JIT has compiled the hot code before timing.
gamesPerSecond((s) => playGame(game, s), 0.5);
gamesPerSecond((s) => playSession(game, s), 0.5);
const pure = gamesPerSecond((s) => playGame(game, s), 3);
const machine = gamesPerSecond((s) => playSession(game, s), 3);
line('');
line('Complete flagship games on one core (all-AI, ~' + machine.movesPerGame.toFixed(0) + ' commands a game):');
line(`  baseline: pure step loop      ${pure.gps.toFixed(0).padStart(8)} games/s   ${pure.cps.toFixed(0).padStart(9)} commands/s`);
line(`  engine:   xstate session      ${machine.gps.toFixed(0).padStart(8)} games/s   ${machine.cps.toFixed(0).padStart(9)} commands/s`);
line(`  actor overhead: the engine runs at ${(machine.gps / pure.gps).toFixed(2)}× the baseline's speed`);

line('');
// Memory is "flat in N" when what stays alive after a collection does not grow with the number of games:
// sample the heap after a forced collection every 500 games (run with --expose-gc, as npm run bench does).
const memory = (runs: number) => {
  global.gc?.();
  let retained = 0;
  const start = performance.now();
  simulate(game, runs, 7, {
    onProgress: (done) => {
      if (done % 500 === 0 && global.gc) {
        global.gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed);
      }
    },
  });
  return { seconds: (performance.now() - start) / 1000, retainedMiB: retained / 2 ** 20 };
};
const small = memory(1_000);
const large = memory(10_000);
line('simulate (streaming):');
line(`  1,000 games:  ${small.seconds.toFixed(2)} s, heap after GC at most ${small.retainedMiB.toFixed(1)} MiB`);
line(
  `  10,000 games: ${large.seconds.toFixed(2)} s, heap after GC at most ${large.retainedMiB.toFixed(1)} MiB (${(large.retainedMiB / small.retainedMiB).toFixed(2)}× the 1,000-game figure)`,
);

const startupModule = new URL('./startup.ts', import.meta.url);
if (existsSync(startupModule)) {
  const { measureStartup } = (await import(startupModule.href)) as {
    measureStartup: () => Promise<{ nodeMs: number; appMs: number; ratio: number; runs: number }>;
  };
  const s = await measureStartup();
  line('');
  line('Start-up to the first frame of the title screen (median of ' + s.runs + ' runs):');
  line(`  baseline: node -e 0   ${s.nodeMs.toFixed(0).padStart(5)} ms`);
  line(`  backchannel           ${s.appMs.toFixed(0).padStart(5)} ms   (${s.ratio.toFixed(2)}× bare node)`);
}
