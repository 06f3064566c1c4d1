// Start-up time: from process start to the first frame of the title screen, against bare `node -e 0` measured
// the same way in the same run. Both run under a pseudo-terminal (`script`, from util-linux) sized 100×30, so
// the game sees a real terminal and draws its screen; the clock runs from the spawn to the moment the title
// text shows in the terminal's output (for the game) or to the process's exit (for bare node).
//
//   import { measureStartup } from './startup.js';
//   const { nodeMs, appMs, ratio, runs } = await measureStartup({ runs: 15 });
//
// `ratio` compares the two as measured (the pseudo-terminal's cost is in both); `netRatio` takes that cost —
// timed as the harness running `true` — out of both, which is the stricter figure.
//
// Needs the bundle (`npm run build`) and `script`; runs the two commands alternately so that drift in the
// machine's load affects both alike, after one unmeasured warm-up of each (the disk cache, and the game's
// scenario cache in a fresh XDG_CACHE_HOME: the measured runs are what a player sees from the second start on).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface StartupOptions {
  /** Measured runs of each command (after one warm-up each). Default 11. */
  runs?: number;
  /** What marks the first frame of the title screen. Default: the title menu's first item. */
  title?: RegExp;
  /** Give up on one run after this long. Default 15 s. */
  timeoutMs?: number;
  /**
   * 'warm' (default): the game's scenario cache is filled by the warm-up, as on every start after the first;
   * 'cold': every run starts with an empty cache, as the very first start after installing or upgrading.
   */
  cache?: 'warm' | 'cold';
}

export interface StartupResult {
  /** Median milliseconds from spawn to exit of `node -e 0` under the pseudo-terminal. */
  nodeMs: number;
  /** Median milliseconds from spawn to the title screen's first frame. */
  appMs: number;
  /** appMs / nodeMs: both measured the same way, harness included. */
  ratio: number;
  /** Median milliseconds of the harness alone (the pseudo-terminal running `true`). */
  harnessMs: number;
  /** (appMs − harnessMs) / (nodeMs − harnessMs): the ratio with the harness's own cost taken out of both. */
  netRatio: number;
  /** Measured runs of each. */
  runs: number;
  /** Every measurement, in order, for whoever wants more than the median. */
  samples: { node: number[]; app: number[]; harness: number[] };
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'src/cli/bin.js');

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `command` under a 100×30 pseudo-terminal; resolves with the milliseconds until `until` matches its output
 * (or, without `until`, until it exits). The process group is killed once the mark is seen.
 */
function timeUnderPty(command: string, env: NodeJS.ProcessEnv, until: RegExp | undefined, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${command}`, '/dev/null'], {
      env,
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      const elapsed = performance.now() - start;
      clearTimeout(timer);
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      if (error) reject(error);
      else resolve(elapsed);
    };
    const timer = setTimeout(() => finish(new Error(`start-up benchmark: no ${until ?? 'exit'} within ${timeoutMs} ms; output so far:\n${output.slice(-2000)}`)), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      if (until && until.test(output)) finish();
    });
    child.on('error', (e) => finish(e));
    child.on('exit', () => {
      if (!until) finish();
      else if (!done) setTimeout(() => finish(new Error(`start-up benchmark: the game exited before its title screen:\n${output.slice(-2000)}`)), 50);
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Times bare `node -e 0` and the bundled CLI to its title screen, alternately, and returns the medians and their ratio. */
export async function measureStartup(options: StartupOptions = {}): Promise<StartupResult> {
  const runs = Math.max(1, options.runs ?? 11);
  const title = options.title ?? /New game/;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const state = mkdtempSync(join(tmpdir(), 'backchannel-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_STATE_HOME: state, XDG_CACHE_HOME: join(state, 'cache'), TERM: 'xterm-256color' };
  delete env.NO_COLOR;
  delete env.CI; // some terminal libraries draw differently (or not at all) under CI
  const node = quote(process.execPath);
  const nodeCommand = `${node} -e 0`;
  const appCommand = `${node} ${quote(bin)}`;
  try {
    await timeUnderPty(nodeCommand, env, undefined, timeoutMs);
    await timeUnderPty(appCommand, env, title, timeoutMs);
    const samples = { node: [] as number[], app: [] as number[], harness: [] as number[] };
    for (let i = 0; i < runs; i++) {
      samples.harness.push(await timeUnderPty('true', env, undefined, timeoutMs));
      samples.node.push(await timeUnderPty(nodeCommand, env, undefined, timeoutMs));
      const appEnv = options.cache === 'cold' ? { ...env, XDG_CACHE_HOME: join(state, `cold-${i}`) } : env;
      samples.app.push(await timeUnderPty(appCommand, appEnv, title, timeoutMs));
    }
    const nodeMs = median(samples.node);
    const appMs = median(samples.app);
    const harnessMs = median(samples.harness);
    const netRatio = nodeMs > harnessMs ? (appMs - harnessMs) / (nodeMs - harnessMs) : appMs / nodeMs;
    return { nodeMs, appMs, ratio: appMs / nodeMs, harnessMs, netRatio, runs, samples };
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/startup.ts` prints the figures on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const cache of ['warm', 'cold'] as const) {
    const r = await measureStartup({ cache });
    process.stdout.write(
      `${cache} start: node -e 0 ${r.nodeMs.toFixed(1)} ms · backchannel to the title screen ${r.appMs.toFixed(1)} ms · ${r.ratio.toFixed(2)}× ` +
        `(median of ${r.runs}; without the pseudo-terminal's own ${r.harnessMs.toFixed(1)} ms: ${r.netRatio.toFixed(2)}×)\n`,
    );
  }
}
