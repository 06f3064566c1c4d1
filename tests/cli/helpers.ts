// Running the real command line in tests: the esbuild bundle (built once, when missing or older than src/),
// spawned as `node src/cli/bin.js …` with its own state folder, scripted or driven line by line.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(root, 'src/cli/bin.js');
const bundle = join(root, '.build/backchannel.mjs');
/** BACKCHANNEL_TEST_DEV=1 runs the CLI from source through tsx instead of the bundle (quicker while editing). */
const dev = process.env.BACKCHANNEL_TEST_DEV === '1';
/** The node arguments that start the CLI. */
export const entry = dev ? ['--import', 'tsx', join(root, 'tests/cli/dev-entry.ts')] : [bin];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the bundle when it is missing or older than any file in src/. Test files run in parallel workers,
 * so the build holds a lock (a folder, created atomically) and the others wait for it.
 */
export function ensureBuilt(): void {
  if (dev) return;
  const stale = () => !existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(join(root, 'src'));
  if (!stale()) return;
  const lock = join(tmpdir(), `backchannel-build-${Buffer.from(root).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than a minute was left by a crashed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // It went away meanwhile.
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another test to build the bundle');
      sleep(100);
    }
  }
  try {
    if (stale()) execFileSync(process.execPath, [join(root, 'src/cli/bundle.mjs')], { cwd: root, stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A fresh temporary folder, removed by the caller (or left in the OS temp folder). */
export const tempDir = (prefix = 'backchannel-test-') => mkdtempSync(join(tmpdir(), prefix));

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment of a spawned CLI: its own state and cache folders, no colour settings from the outside. */
export function cliEnv(stateHome: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_STATE_HOME: stateHome, XDG_CACHE_HOME: join(stateHome, 'cache'), ...extra };
  delete env.DEBUG;
  delete env.FORCE_COLOR;
  return env;
}

/** Runs the CLI with `input` on stdin (then end of input) and collects everything. */
export function runCli(args: string[], opts: { input?: string; env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], { env: opts.env, cwd: opts.cwd ?? root, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`backchannel ${args.join(' ')} did not finish in time\n${stdout.slice(-2000)}\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // the CLI may exit before reading everything
    child.stdin.end(opts.input ?? '');
  });
}

/** A CLI driven line by line: wait for text to appear, then answer it. */
export class Driver {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  /** Where the next waitFor starts looking. */
  private mark = 0;
  private readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [...entry, ...args], { env, cwd: root, stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.child.stdin.on('error', () => undefined);
    this.done = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** Waits until stdout (after the last match) matches `pattern`; returns the text up to and including it. */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const rest = this.stdout.slice(this.mark);
      const m = pattern.exec(rest);
      if (m) {
        const end = m.index + m[0].length;
        this.mark += end;
        return rest.slice(0, end);
      }
      if (this.child.exitCode !== null || Date.now() - start > timeoutMs) {
        throw new Error(`never saw ${pattern} (exit ${this.child.exitCode})\n--- stdout tail ---\n${rest.slice(-3000)}\n--- stderr ---\n${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  end(): void {
    this.child.stdin.end();
  }

  exit(timeoutMs = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    return this.done.finally(() => clearTimeout(timer));
  }
}

/** Control sequences of any kind: ESC, CSI (8-bit), and the other C1 controls. */
// eslint-disable-next-line no-control-regex -- finding escape codes is the point
export const ESCAPES = /[\x1b\x9b]/;
