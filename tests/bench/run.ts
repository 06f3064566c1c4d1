// `npm run bench`: the engine's figures, each next to a baseline measured in the same run (NODE_ENV=production, as
// the shipped bundle runs).
//   1. complete flagship games per second through the session machine (xstate) vs the same games as a plain
//      loop over step (the xstate layer bypassed) — the ratio is the actor overhead; beside them the rules
//      alone (the games' commands replayed without the AI) and the same loop run from source;
//   2. engine commands per second (the same runs, counted by command);
//   3. `simulate` of 10,000 games: wall time and memory at 1,000 vs 10,000 games (flat memory means equal);
//   4. start-up to the first frame of the title screen vs bare `node -e 0`.
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as source from './engine.js';

// The engine as it ships: bench/engine.ts bundled as the CLI is (src/cli/bundle.mjs), one file, production
// defines. The same loop run from source through tsx is timed beside it (on this machine the two agree within
// the noise); the bundle's figure is the one that counts, as it is what `simulate` runs.
const outfile = fileURLToPath(new URL('../../.build/bench/engine.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./engine.ts', import.meta.url))],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: ['ssh2', 'react', 'ink'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
const shipped = (await import(outfile)) as typeof source;
const { playGame, playSession, replay, runSeed, simulate, compileGame, loadScenarioOrThrow } = shipped;

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

// Where the time goes: the same games' commands replayed through the rules alone (the AI never asked), and the
// pure loop from source through tsx, as the tests see it.
const logs = Array.from({ length: 200 }, (_, g) => playGame(game, runSeed(42, g)).entries.map((e) => ({ command: e.command })));
const replayed = (() => {
  let games = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    replay(game, runSeed(42, games % logs.length), logs[games % logs.length]!);
    games++;
  }
  return games / ((performance.now() - start) / 1000);
})();
const sourceGame = source.compileGame(source.loadScenarioOrThrow('alaska-2025').scenario);
gamesPerSecond((s) => source.playGame(sourceGame, s), 0.5);
const fromSource = gamesPerSecond((s) => source.playGame(sourceGame, s), 3);
line(`  the rules alone (the same games replayed, no AI): ${replayed.toFixed(0)} games/s — the AI's turns take ${(100 * (1 - pure.gps / replayed)).toFixed(0)}% of a game`);
line(`  the pure loop from source (tsx, as tests run):    ${fromSource.gps.toFixed(0)} games/s (${(fromSource.gps / pure.gps).toFixed(2)}× the bundle)`);

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
