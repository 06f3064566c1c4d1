// A lesson over SSH, end to end: `backchannel serve` runs on a free port with a fresh class folder, two students
// and the teacher connect with the system `ssh` client, each in their own tmux terminal. The students play the
// same table live and see each other's moves; the teacher's dashboard shows them; a dropped student reconnects
// to the same game; a wrong code is refused; the class report reads the games. Skipped with a notice when tmux
// or ssh is missing (.ci/run installs both).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSave } from '../../src/engine/save.js';
import { cliEnv, ensureBuilt, runCli, tempDir } from '../cli/helpers.js';
import { quote, tmuxServer, type Pane } from './terminal.js';

const has = (program: string, flag: string) => spawnSync(program, [flag], { stdio: 'ignore' }).status === 0;
const ready = has('tmux', '-V') && has('ssh', '-V');
if (!ready) console.warn('tests/e2e/serve.test.ts: tmux or ssh is not installed, so the SSH end-to-end test is skipped (.ci/run installs both).');

const { run, start, kill } = tmuxServer('backchannel-serve');
const state = tempDir('backchannel-serve-');
const env = { XDG_STATE_HOME: state, XDG_CACHE_HOME: join(state, 'cache') };
const dir = join(state, 'lesson');

/** `ssh` to the class server as `user`, trusting only a host key it learns now, asking for the code once. */
function connect(user: string, port: number, extra: string[] = []): Pane {
  // ssh keeps the first value it is given for an option: the extra ones go first.
  const options = [
    ...extra,
    '-p',
    String(port),
    '-o',
    'StrictHostKeyChecking=accept-new',
    '-o',
    `UserKnownHostsFile=${join(state, 'known_hosts')}`,
    '-o',
    'PubkeyAuthentication=no',
    '-o',
    'PreferredAuthentications=keyboard-interactive,password',
    '-o',
    'NumberOfPasswordPrompts=1',
  ];
  return run(`env -u CI TERM=xterm-256color ssh ${options.map(quote).join(' ')} ${quote(`${user}@127.0.0.1`)}`);
}

/** Logs in with `code` at the code prompt. */
async function login(pane: Pane, code: string): Promise<void> {
  await pane.waitFor(/Class code:|password:/i);
  pane.keys(code, 'Enter');
}

describe.skipIf(!ready)('a class over SSH (serve, two students and the teacher in real terminals)', () => {
  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => {
    kill();
    rmSync(state, { recursive: true, force: true });
  });

  it('plays one table live on two screens, shows it on the dashboard, survives a dropped connection and refuses a wrong code', { timeout: 180_000 }, async () => {
    writeFileSync(join(state, 'roster.txt'), 'Ana, ukraine\nBen, russia\n');
    const made = await runCli(['class', 'new', dir, '--scenario', 'alaska-2025', '--roster', join(state, 'roster.txt'), '--seed', '3'], { env: cliEnv(state) });
    expect(made.code, made.stderr).toBe(0);
    const codes = /class code (\S+); the teacher logs in as "teacher" with (\S+)\./.exec(made.stdout);
    expect(codes).not.toBeNull();
    const [, studentCode, teacherCode] = codes!;

    const server = start(['serve', dir, '--port', '0', '--host', '127.0.0.1', '--delay', '100'], env, { columns: 160, rows: 20 });
    const port = Number(/on port (\d+)\./.exec(await server.waitFor(/on port \d+\./, 30_000))![1]);

    const ana = connect('ana', port);
    await login(ana, studentCode!);
    expect(await ana.waitFor(/Briefing for Ukraine/)).toContain('CONFIDENTIAL · Ukraine');
    const ben = connect('ben', port);
    await login(ben, studentCode!);
    await ben.waitFor(/Briefing for Russia/);
    const teacher = connect('teacher', port);
    await login(teacher, teacherCode!);
    expect(await teacher.waitFor(/2 of 2 students connected/)).toMatch(/table-1 · Round 1\/18 · Briefing/);

    // The talks open when both have read their briefings; the table waits for the student whose turn it is.
    ana.keys('Enter');
    expect(await ana.waitFor(/Waiting for Russia \(Ben\) to read their briefing/)).toContain('You: Ukraine');
    ben.keys('Enter');
    await ben.waitFor(/Waiting for Ukraine \(Ana\)…/);
    await ana.waitFor(/Your move, Ukraine/);

    // Ana proposes: Ben sees it on his screen, the teacher on the dashboard.
    ana.keys('p');
    await ana.waitFor(/Enter send/);
    ana.keys('Enter');
    await ben.waitFor(/Your move, Russia/);
    expect(ben.screen()).toMatch(/#1 Ukraine/);
    expect(await teacher.waitFor(/On the table: #1 Ukraine/)).toMatch(/to move: Russia \(Ben\)/);

    // Ben counters: Ana sees his package.
    ben.keys('p');
    await ben.waitFor(/Enter send/);
    ben.keys('Enter');
    expect(await ana.waitFor(/#2 Russia/, 30_000)).toContain('You: Ukraine');

    // Ben's connection drops: the dashboard shows him gone, the save has every move, and he comes back to it.
    ben.close();
    await teacher.waitFor(/1 of 2 students connected/);
    const save = parseSave(readFileSync(join(dir, 'saves', 'table-1-ben.json'), 'utf8'));
    expect(save.commands.map((c) => c.command.type)).toEqual(expect.arrayContaining(['begin', 'propose']));
    expect(save.commands.filter((c) => c.command.type === 'propose').length).toBeGreaterThanOrEqual(2);
    const back = connect('ben', port);
    await login(back, studentCode!);
    const again = await back.waitFor(/You: Russia/);
    expect(again).not.toContain('Briefing for Russia');
    await teacher.waitFor(/2 of 2 students connected/);

    // The teacher speaks to the class.
    teacher.keys('b');
    await teacher.waitFor(/Say to the class:/);
    teacher.keys('Five minutes left', 'Enter');
    await ana.waitFor(/Teacher: Five minutes left/);
    await back.waitFor(/Teacher: Five minutes left/);

    // A wrong code is refused.
    const intruder = connect('ana', port, ['-o', 'PreferredAuthentications=password']);
    await login(intruder, 'not-the-code');
    expect(await intruder.waitFor(/Permission denied/, 30_000)).not.toContain('BACKCHANNEL');

    // The class report reads the live games.
    const report = await runCli(['debrief', dir, '--json'], { env: cliEnv(state) });
    expect(report.code, report.stderr).toBe(0);
    const students = (JSON.parse(report.stdout) as { students: { name: string; authentic: boolean }[] }).students;
    expect(students.map((s) => [s.name, s.authentic])).toEqual([
      ['Ana', true],
      ['Ben', true],
    ]);

    // Ctrl+C stops the server; every screen is told.
    server.keys('C-c');
    await server.waitFor(/\[exit 0\]/);
    await ana.waitFor(/class server is closing/);
  });
});
