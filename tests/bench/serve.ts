// `npm run bench:serve`: how many students one `backchannel serve` process holds. The server runs as the
// shipped bundle in its own process; scripted ssh2 clients (in this one) log in, ask for a terminal, read the
// briefing and sit at their tables in pairs, then press keys: steadily (a key every two seconds each, at random
// moments) and all at once. For each class size it reports the time from a key to the first bytes of the frame
// it causes, the same for a real move (a student's pass at the table, the rules and the other screens
// included), and the server's memory per table and per connection (resident set, from /proc). The baseline is
// the smallest class, measured in the same run.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ssh2 from 'ssh2';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'src/cli/bin.js');
const line = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SIZES = (process.env.SIZES ?? '10,20,40,80').split(',').map(Number);

interface Student {
  client: ssh2.Client;
  stream: ssh2.ClientChannel;
  /** Bytes arrived since the mark. */
  seen: string;
  last: number;
}

function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function connect(port: number, user: string, code: string): Promise<Student> {
  const client = new ssh2.Client();
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('error', reject);
    client.connect({ host: '127.0.0.1', port, username: user, password: code, readyTimeout: 60_000 });
  });
  const stream = await new Promise<ssh2.ClientChannel>((resolve, reject) =>
    client.shell({ term: 'xterm-256color', cols: 100, rows: 30 }, (error, s) => (error ? reject(error) : resolve(s))),
  );
  const student: Student = { client, stream, seen: '', last: 0 };
  stream.on('data', (d: Buffer) => {
    student.seen += d.toString('utf8');
    student.last = performance.now();
    if (student.seen.length > 200_000) student.seen = student.seen.slice(-100_000);
  });
  return student;
}

async function until(s: Student, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!pattern.test(s.seen)) {
    if (performance.now() > deadline) throw new Error(`never saw ${pattern}`);
    await sleep(5);
  }
}

/** Time from writing `key` to the first bytes that answer it. */
async function answer(s: Student, key: string): Promise<number> {
  s.seen = '';
  const t0 = performance.now();
  s.stream.write(key);
  while (s.seen === '') {
    if (performance.now() - t0 > 30_000) throw new Error('no answer');
    await sleep(1);
  }
  return s.last - t0;
}

async function measure(size: number): Promise<{ burst: number[]; keys: number[]; moves: number[]; perTable: number; perConnection: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-bench-serve-'));
  const names = Array.from({ length: size }, (_, i) => `s${i + 1}`);
  writeFileSync(join(dir, 'roster.txt'), names.map((n, i) => `${n}, ${i % 2 === 0 ? 'ukraine' : 'russia'}`).join('\n'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: dir };
  delete env.CI;
  const made = execFileSync(
    process.execPath,
    [bin, 'class', 'new', join(dir, 'lesson'), '--scenario', 'alaska-2025', '--roster', join(dir, 'roster.txt'), '--seed', '1', '--seats-per-table', '2'],
    {
      env,
      encoding: 'utf8',
    },
  );
  const code = /class code (\S+);/.exec(made)![1]!;
  // SERVE_NODE_ARGS (e.g. --cpu-prof) go to the server's node alone.
  const nodeArgs = process.env.SERVE_NODE_ARGS ? process.env.SERVE_NODE_ARGS.split(' ') : [];
  const server = spawn(process.execPath, [...nodeArgs, bin, 'serve', join(dir, 'lesson'), '--port', '0', '--host', '127.0.0.1', '--delay', '50', '--max', '1000'], { env });
  let out = '';
  server.stdout.on('data', (d: Buffer) => (out += d.toString()));
  while (!/on port (\d+)\./.test(out)) await sleep(20);
  const port = Number(/on port (\d+)\./.exec(out)![1]);
  await sleep(300);
  const idle = rss(server.pid!);
  const students: Student[] = [];
  // Log in a few at a time, as a class does.
  for (let i = 0; i < names.length; i += 10) students.push(...(await Promise.all(names.slice(i, i + 10).map((n) => connect(port, n, code)))));
  await Promise.all(students.map((s) => until(s, /Briefing for/)));
  for (const s of students) s.stream.write('\r');
  await Promise.all(students.map((s, i) => until(s, i % 2 === 0 ? /Your move, Ukraine/ : /Waiting for Ukraine/)));
  await sleep(500);
  const seated = rss(server.pid!);

  // Burst: every student opens the help at the same instant, the worst a class can do.
  const burst = await Promise.all(students.map((s) => answer(s, '?')));
  await sleep(300);
  await Promise.all(students.map((s) => answer(s, '\u001b')));
  await sleep(300);
  // Steady: each student presses a key every two seconds on average, at random moments (a seeded sequence),
  // opening and closing the help, for ten seconds.
  let seed = 12345 + size;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const keys: number[] = [];
  const until10s = performance.now() + 10_000;
  await Promise.all(
    students.map(async (s) => {
      let open = false;
      while (performance.now() < until10s) {
        await sleep(-Math.log(1 - random()) * 2000);
        keys.push(await answer(s, open ? '\u001b' : '?'));
        open = !open;
      }
      if (open) await answer(s, '\u001b');
    }),
  );
  // Moves: every Ukraine passes at once; the time until its own screen answers.
  const moves = await Promise.all(students.filter((_, i) => i % 2 === 0).map((s) => answer(s, 'n')));
  for (const s of students) s.client.end();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  const tables = Math.ceil(size / 2);
  return { burst, keys, moves, perTable: (seated - idle) / tables, perConnection: (seated - idle) / size };
}

line(`Backchannel class server — node ${process.version}, alaska-2025, two students a table, 100×30 terminals`);
line('Steady: each student presses a key every 2 s on average (opening or closing the help), for 10 s.');
line('Burst: every student presses at the same instant. Move: every Ukraine passes at once, at the table.');
line('Times run from the key to the first bytes of the frame it causes.');
line('');
line('students  steady p50  steady p99  burst p50  burst max  move max  memory/table  memory/connection');
const results: { size: number; p99: number }[] = [];
for (const size of SIZES) {
  const r = await measure(size);
  const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
  const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1).padStart(8)} MB`;
  results.push({ size, p99: percentile(r.keys, 99) });
  line(
    `${String(size).padStart(8)}   ${ms(percentile(r.keys, 50))}   ${ms(percentile(r.keys, 99))}  ${ms(percentile(r.burst, 50))}  ${ms(Math.max(...r.burst))} ${ms(Math.max(...r.moves))}  ${mb(r.perTable)}     ${mb(r.perConnection)}`,
  );
}
const base = results[0]!;
line('');
for (const r of results.slice(1)) line(`steady p99 at ${r.size} students: ${(r.p99 / base.p99).toFixed(2)}× the ${base.size}-student baseline`);
const held = results.filter((r) => r.p99 < 100).map((r) => r.size);
line(`Largest class measured with keys answered under 100 ms at p99 (steady): ${held.length ? Math.max(...held) : 'none'}`);
