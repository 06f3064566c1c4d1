// Plain mode end to end: the real CLI (the bundle, spawned with pipes, so plain mode is automatic as well as
// asked for), scripted or driven line by line; saves, --load, replay and debrief on the files it writes.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSave } from '../../src/engine/save.js';
import { listBundled } from '../../src/scenario/bundled.js';
import { cliEnv, Driver, ensureBuilt, ESCAPES, root, runCli, tempDir } from './helpers.js';

const state = tempDir('backchannel-plain-');
const env = cliEnv(state);
const saveDir = join(state, 'backchannel');
const defaultSave = join(saveDir, 'alaska-2025-seed-5.json');
const game = ['play', 'alaska-2025', '--as', 'ukraine', '--seed', '5', '--plain'];

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => rmSync(state, { recursive: true, force: true }));

/** Where the game said it saved. */
const savedTo = (stdout: string) => /Saved to (.+)$/m.exec(stdout)![1]!;

/** stderr's non-empty lines. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describe('plain mode', () => {
  it('lists every command on help, and quit saves and exits 0', async () => {
    const r = await runCli(game, { input: 'help\nquit\n', env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const command of [
      'show',
      'terms',
      'propose',
      'counter N',
      'preview',
      'envoy ENVOY PARTY',
      'accept N',
      'reject N',
      'statement ISSUE OPTION',
      'clarify mN',
      'lever ID on|off',
      'summit PARTY',
      'walkout',
      'return',
      'pass',
      'sign',
      'refuse',
      'quit',
    ]) {
      expect(r.stdout).toContain(command);
    }
    expect(r.stdout).toContain('Seed 5');
    expect(r.stdout).toContain(`Saved to ${defaultSave}`);
    expect(parseSave(readFileSync(defaultSave, 'utf8')).seed).toBe(5);
  });

  it('never overwrites an earlier game: a new game with the same scenario and seed saves beside it', async () => {
    if (!existsSync(defaultSave)) await runCli(game, { input: 'quit\n', env });
    const before = readFileSync(defaultSave, 'utf8');
    const r = await runCli(game, { input: 'pass\nquit\n', env });
    expect(r.code).toBe(0);
    expect(savedTo(r.stdout)).toMatch(/alaska-2025-seed-5-\d+\.json$/);
    expect(readFileSync(defaultSave, 'utf8')).toBe(before);
  });

  it('shows the briefing, the table, and the issues with their numbers', async () => {
    const r = await runCli(game, { input: 'terms\nquit\n', env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Confidential briefing for Ukraine');
    expect(r.stdout).toMatch(/== Round 1 of 18 · 1 Aug 2025/);
    expect(r.stdout).toMatch(/Occupied share: Donetsk \d+%/);
    expect(r.stdout).toMatch(/Russia\s+posture: \S+/);
    expect(r.stdout).toMatch(/ 1\. donetsk — Donetsk/);
    expect(r.stdout).toMatch(/>1 freeze — Freeze on the contact line \[1\.00\]/);
  });

  it('takes a proposal, answers proposals, and says why a command is refused', async () => {
    const d = new Driver(game, env);
    await d.waitFor(/ukraine> $/m);
    d.send('propose guarantees=article-5-like sanctions=phased-g8');
    const after = await d.waitFor(/ukraine> $/m);
    expect(after).toMatch(/Ukraine proposes package #(\d+) at the table, on the record\./);
    expect(after).toMatch(/your utility 0\.\d\d \(no deal: 0\.\d\d/);
    // Others answer; sooner or later one of them puts a package to us.
    let open = /#(\d+) from (Russia|United States|Europe), round \d+/.exec(after);
    for (let round = 0; !open && round < 8; round++) {
      d.send('pass');
      open = /#(\d+) from (Russia|United States|Europe), round \d+/.exec(await d.waitFor(/ukraine> $/m));
    }
    expect(open, 'some party answers with a package').not.toBeNull();
    d.send('accept 999');
    expect(await d.waitFor(/ukraine> $/m)).toContain('Not now: proposal #999 is not open to Ukraine.');
    d.send('statement nowhere 1');
    expect(await d.waitFor(/ukraine> $/m)).toMatch(/no issue "nowhere"/);
    d.send('frobnicate');
    expect(await d.waitFor(/ukraine> $/m)).toContain('unknown command "frobnicate"');
    d.send(`accept ${open![1]}`);
    expect(await d.waitFor(/ukraine> $/m)).toContain(`Ukraine accepts package #${open![1]}.`);
    d.send('quit');
    expect((await d.exit()).code).toBe(0);
    expect(d.stderr).toBe('');
    const save = parseSave(readFileSync(savedTo(d.stdout), 'utf8'));
    const mine = save.commands.filter((c) => 'by' in c.command && c.command.by === 'ukraine').map((c) => c.command.type);
    expect(mine.filter((type) => type !== 'pass')).toEqual(['propose', 'accept']);
  });

  it('asks before accepting across your own red line, and sends nothing without a yes', async () => {
    const d = new Driver(['play', 'alaska-2025', '--players', 'ukraine,russia', '--seed', '11', '--save', join(state, 'red-line.json')], env);
    // Hand the keyboard over (Enter) until `who` is asked for a command; returns everything seen on the way.
    const until = async (who: string) => {
      let seen = '';
      for (;;) {
        const text = await d.waitFor(/Pass the keyboard to \w+[^\n]*\n|\w+> $/m);
        seen += text;
        if (text.endsWith(`${who}> `)) return seen;
        if (/\w+> $/.test(text)) throw new Error(`expected ${who}'s prompt:\n${seen}`);
        d.send('');
      }
    };
    await until('ukraine');
    d.send('pass');
    await until('russia');
    d.send('propose recognition=de-jure');
    const id = /Russia proposes package #(\d+)/.exec(await until('ukraine'))![1];
    d.send(`accept ${id}`);
    const asked = await d.waitFor(/\(yes\/no\) $/);
    expect(asked).toMatch(/That crosses your red line on [^:]*Recognition of occupied land[^:]*: your side said it would never agree to this, and the debrief will say you did\./);
    expect(asked).toContain(`Accept #${id} anyway? (yes/no) `);
    d.send('no');
    expect(await d.waitFor(/ukraine> $/m)).toContain('Not sent.');
    d.send(`accept ${id}`);
    await d.waitFor(/\(yes\/no\) $/);
    d.send('yes');
    expect(await until('russia')).toContain(`Ukraine accepts package #${id}.`);
    d.send('quit');
    expect((await d.exit()).code).toBe(0);
    const accepts = parseSave(readFileSync(join(state, 'red-line.json'), 'utf8')).commands.filter((c) => c.command.type === 'accept' && c.command.by === 'ukraine');
    expect(accepts).toHaveLength(1);
  }, 60_000);

  it('never writes an escape code, and plays a whole game to the debrief', async () => {
    const stateHere = tempDir('backchannel-full-');
    const r = await runCli(game, { input: 'pass\n'.repeat(60), env: cliEnv(stateHere), timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ESCAPES);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/== The game is over: /);
    expect(r.stdout).toContain('# Debrief: Alaska, 2025');
    expect(r.stdout).toContain('Game over. Saved to');
    const replay = await runCli(['replay', join(stateHere, 'backchannel', 'alaska-2025-seed-5.json')], { env });
    expect(replay.stdout).toMatch(/^ok: alaska-2025 seed 5, \d+ commands, round \d+, (deal|no deal) \(\w[\w-]*\), hash [0-9a-f]{16}\n$/);
    rmSync(stateHere, { recursive: true, force: true });
  }, 150_000);

  it('saves at end of input and exits 0', async () => {
    const file = join(state, 'eof.json');
    const r = await runCli([...game, '--save', file], { input: 'pass\n', env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`End of input. Saved to ${file}`);
    expect(parseSave(readFileSync(file, 'utf8')).commands.some((c) => c.command.type === 'pass')).toBe(true);
  });

  it('saves on Ctrl+C (SIGINT) and exits 130 without a stack trace', async () => {
    const file = join(state, 'interrupted.json');
    const d = new Driver([...game, '--save', file], env);
    await d.waitFor(/ukraine> $/m);
    d.send('pass');
    await d.waitFor(/ukraine> $/m);
    d.child.kill('SIGINT');
    const { code } = await d.exit();
    expect(code).toBe(130);
    expect(d.stdout).toContain(`Interrupted. Saved to ${file}`);
    expect(d.stderr).toBe('');
    expect(parseSave(readFileSync(file, 'utf8')).commands.length).toBeGreaterThan(1);
  });

  it('stops quietly when the reader of its output goes away (… | head)', async () => {
    const d = new Driver([...game, '--save', join(state, 'pipe.json')], env);
    await d.waitFor(/ukraine> $/m);
    d.child.stdout.destroy();
    d.send('pass');
    d.send('show');
    const { code } = await d.exit();
    expect(code).toBe(0);
    expect(d.stderr).toBe('');
  });

  it('comes up in plain mode by itself when stdin and stdout are pipes', async () => {
    const r = await runCli(['play', 'alaska-2025', '--as', 'russia', '--seed', '9', '--save', join(state, 'auto.json')], { input: 'quit\n', env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Confidential briefing for Russia');
    expect(r.stdout).toMatch(/russia> /);
    expect(r.stdout).not.toMatch(ESCAPES);
  });

  it('asks for the scenario and the party when none is given', async () => {
    const r = await runCli(['play', '--seed', '3', '--save', join(state, 'picked.json')], { input: 'alaska-2025\nzz\neurope\nquit\n', env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Scenarios:\n {2}1\. alaska-2025 — Alaska, 2025/);
    expect(r.stdout).toContain('Parties you can play:');
    expect(r.stdout).toContain('No playable party "zz"');
    expect(r.stdout).toContain('Confidential briefing for Europe');
  });

  it('several scenarios on the command line join the bundled ones in the picker', async () => {
    const mini = join(root, 'tests/fixtures/mini.yaml');
    const bundled = listBundled().length;
    const r = await runCli(['play', 'alaska-2025', mini, '--seed', '2', '--save', join(state, 'mini.json')], { input: `99\n${bundled + 1}\nblue\nquit\n`, env });
    expect(r.code).toBe(0);
    // The bundled ones (alaska-2025 once, though it was also given), then the file.
    expect(r.stdout).toMatch(/Scenarios:\n {2}1\. alaska-2025 — Alaska, 2025/);
    expect(r.stdout).toContain(`\n  ${bundled + 1}. mini — Mini table`);
    expect(r.stdout.match(/\. alaska-2025 — /g)).toHaveLength(1);
    expect(r.stdout).toContain('No scenario "99"');
    expect(r.stdout).toContain('Confidential briefing for Blue');
  });

  it('hot-seat: passes the keyboard and shows each player only their own briefing', async () => {
    const r = await runCli(['play', 'alaska-2025', '--players', 'russia,ukraine', '--seed', '11', '--save', join(state, 'hotseat.json')], {
      input: '\n\n\npass\n\npass\nquit\n',
      env,
    });
    expect(r.code).toBe(0);
    // Each stretch between two "pass the keyboard" lines belongs to one player and shows only their side.
    const turns = r.stdout.split('---- Pass the keyboard to ').slice(1);
    expect(turns.map((t) => t.split('.')[0])).toEqual(['Ukraine', 'Russia', 'Ukraine', 'Russia', 'Ukraine']);
    const [me, other] = [
      ['Ukraine', 'Russia'],
      ['Russia', 'Ukraine'],
    ] as const;
    for (const turn of turns) {
      const [self, hidden] = turn.startsWith('Ukraine') ? me : other;
      expect(turn).not.toContain(`Confidential briefing for ${hidden}`);
      expect(turn).not.toContain(`${hidden} (you)`);
      expect(turn).not.toContain(`${hidden.toLowerCase()}> `);
      expect(turn.includes(`Confidential briefing for ${self}`) || turn.includes(`${self} (you)`)).toBe(true);
    }
  });
});

describe('saves: --load, replay and the corrupt-save path', () => {
  const base = join(state, 'base.json');
  let round = 0;
  beforeAll(async () => {
    const r = await runCli([...game, '--save', base], { input: 'pass\npass\npass\nquit\n', env });
    expect(r.code).toBe(0);
    round = Number([...r.stdout.matchAll(/== Round (\d+) of 18/g)].pop()![1]);
  }, 60_000);

  it('resumes exactly where the player left off', async () => {
    const before = parseSave(readFileSync(base, 'utf8'));
    const copy = join(state, 'resume.json');
    writeFileSync(copy, readFileSync(base));
    const r = await runCli(['play', '--load', copy, '--plain'], { input: 'quit\n', env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Resumed at round ${round}, ${before.commands.length} moves in.`);
    expect(r.stdout).toContain(`== Round ${round} of 18`);
    expect(r.stdout).toContain('ukraine> ');
    const after = parseSave(readFileSync(copy, 'utf8'));
    expect(after.commands).toEqual(before.commands);
    expect(after.hash).toBe(before.hash);
  });

  it('replay verifies the hash', async () => {
    const r = await runCli(['replay', base], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const save = parseSave(readFileSync(base, 'utf8'));
    expect(r.stdout).toBe(`ok: alaska-2025 seed 5, ${save.commands.length} commands, round ${round}, in progress (diplomacy), hash ${save.hash}\n`);
  });

  it('replay reports a hash mismatch with both hashes', async () => {
    const save = JSON.parse(readFileSync(base, 'utf8')) as { hash: string };
    const file = join(state, 'mismatch.json');
    const real = save.hash;
    save.hash = '0123456789abcdef';
    writeFileSync(file, JSON.stringify(save));
    const r = await runCli(['replay', file], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`backchannel: ${file}: hash mismatch: the save records 0123456789abcdef, the replay gives ${real}\n`);
  });

  const corruptions: [string, (text: string) => string, RegExp][] = [
    ['truncated JSON', (t) => t.slice(0, Math.floor(t.length / 2)), /not JSON; the file may be truncated or corrupt/],
    ['not a save at all', () => '{"hello": "world"}\n', /not a Backchannel save/],
    ['a changed scenario hash', (t) => t.replace(/"hash":"[0-9a-f]+"/, '"hash":"ffffffffffffffff"'), /has changed since this game was saved/],
    [
      'an illegal command inside',
      (t) => t.replace('"type":"pass","by":"ukraine"', '"type":"accept","by":"ukraine","proposal":4242'),
      /command \d+ \(accept\) is not legal: proposal #4242 is not open/,
    ],
    ['an edited command', (t) => t.replace('"type":"pass","by":"ukraine"', '"type":"walk-out","by":"ukraine"'), /does not reproduce its game|is not legal/],
    ['a save of a scenario that is not bundled', (t) => t.replace('"id":"alaska-2025"', '"id":"elsewhere-1999"'), /scenario "elsewhere-1999", which is not bundled/],
  ];
  for (const [what, corrupt, message] of corruptions) {
    it(`refuses ${what} with one line, exit 1, and leaves the file untouched`, async () => {
      const file = join(state, `corrupt-${what.replace(/\W+/g, '-')}.json`);
      const bytes = corrupt(readFileSync(base, 'utf8'));
      expect(bytes).not.toBe(readFileSync(base, 'utf8'));
      writeFileSync(file, bytes);
      for (const args of [
        ['play', '--load', file, '--plain'],
        ['replay', file],
      ]) {
        const r = await runCli(args, { input: 'pass\nquit\n', env });
        expect(r.code, args.join(' ')).toBe(1);
        expect(lines(r.stderr)).toHaveLength(1);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(readFileSync(file, 'utf8')).toBe(bytes);
      }
    });
  }

  it('tells how to give the file of a scenario that is not bundled, in the form each command takes', async () => {
    const file = join(state, 'elsewhere.json');
    writeFileSync(file, readFileSync(base, 'utf8').replace('"id":"alaska-2025"', '"id":"elsewhere-1999"'));
    const play = await runCli(['play', '--load', file, '--plain'], { input: 'quit\n', env });
    expect(play.stderr).toContain(`(e.g. npx backchannel play SCENARIO.yaml --load ${file})`);
    for (const command of ['replay', 'debrief']) {
      const r = await runCli([command, file], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`(e.g. npx backchannel ${command} ${file} --scenario SCENARIO.yaml)`);
    }
  });

  it('refuses a save of another scenario when that scenario is given', async () => {
    const r = await runCli(['play', join(root, 'tests/fixtures/mini.yaml'), '--load', base, '--plain'], { input: 'quit\n', env });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`backchannel: ${base}: this save is of scenario "alaska-2025", not "mini"`]);
  });

  it('never overwrites a file that is not a save with --save', async () => {
    const file = join(state, 'notes.txt');
    writeFileSync(file, 'my notes\n');
    const r = await runCli([...game, '--save', file], { input: 'quit\n', env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exists and is not a Backchannel save; it is left alone/);
    expect(readFileSync(file, 'utf8')).toBe('my notes\n');
  });

  it('never replaces the save of another game with --save, and leaves it as it was', async () => {
    const before = readFileSync(base, 'utf8');
    const other = await runCli(['play', 'alaska-2025', '--as', 'ukraine', '--seed', '6', '--plain', '--save', base], { input: 'quit\n', env });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`${base} is the save of another game (alaska-2025, seed 5); it is left alone`);
    const moscow = await runCli(['play', 'moscow-2025-08', '--as', 'ukraine', '--seed', '5', '--plain', '--save', base], { input: 'quit\n', env });
    expect(moscow.code).toBe(1);
    expect(readFileSync(base, 'utf8')).toBe(before);
  });

  it('lets one game at a time write a save: a second is refused while the first plays, a stale lock is taken over', async () => {
    const file = join(state, 'shared.json');
    const first = new Driver([...game, '--save', file], env);
    await first.waitFor(/ukraine> $/m);
    first.send('pass');
    await first.waitFor(/ukraine> $/m);
    const second = await runCli(['play', '--load', file, '--plain'], { input: 'pass\nquit\n', env });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/shared\.json is in use by another Backchannel game \(process \d+\); finish that one first/);
    first.send('quit');
    expect((await first.exit()).code).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
    // A lock left by a process that is gone (kill -9) does not block the next game.
    writeFileSync(`${file}.lock`, '999999999');
    const third = await runCli(['play', '--load', file, '--plain'], { input: 'pass\nquit\n', env });
    expect(third.code).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('says so when it cannot save, keeps playing, and exits 1 when it still cannot at the end', async () => {
    const blocker = join(state, 'a-file');
    writeFileSync(blocker, 'x');
    const r = await runCli([...game, '--save', join(blocker, 'game.json')], { input: 'pass\nquit\n', env });
    expect(r.code).toBe(1);
    expect(r.stdout.match(/Warning: could not save to .*\(E[A-Z]+\)/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/Ukraine waits\./);
    expect(r.stdout).toMatch(/Could not save to .*game\.json: E[A-Z]+\. The game is lost\./);
    expect(r.stderr).toBe('');
  });

  it('debrief: one game, and a class of several to a Markdown file', async () => {
    const one = await runCli(['debrief', base], { env });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('# Debrief: Alaska, 2025');
    const other = join(state, 'other.json');
    expect((await runCli(['play', 'alaska-2025', '--as', 'europe', '--seed', '6', '--save', other], { input: 'pass\nquit\n', env })).code).toBe(0);
    const md = join(state, 'class.md');
    const many = await runCli(['debrief', base, other, '--markdown', md], { env });
    expect(many.stderr).toBe('');
    expect(many.code).toBe(0);
    expect(many.stdout).toContain(`written to ${md}`);
    expect(readFileSync(md, 'utf8')).toContain('# Class debrief: 2 games');
  });
});

describe('bad input', () => {
  it('an unknown party is one line, exit 1', async () => {
    const r = await runCli(['play', 'alaska-2025', '--as', 'x', '--plain'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('backchannel: unknown party "x" in alaska-2025 (parties: ukraine, russia, united-states, europe)\n');
  });

  it('a party that is not playable is refused', async () => {
    const dir = tempDir();
    const file = join(dir, 'mini.yaml');
    writeFileSync(
      file,
      readFileSync(join(root, 'tests/fixtures/mini.yaml'), 'utf8').replace('  - id: green\n    name: Green\n', '  - id: green\n    name: Green\n    playable: false\n'),
    );
    const r = await runCli(['play', file, '--as', 'green', '--plain'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('backchannel: party "green" in mini is not playable (playable: blue, red)\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing scenario is one line, exit 1', async () => {
    const r = await runCli(['play', 'no/such/file.yaml', '--as', 'ukraine', '--plain'], { env });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^backchannel: no scenario "no\/such\/file\.yaml"/);
  });

  it('an invalid scenario gives the located problems, exit 1', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, readFileSync(join(root, 'tests/fixtures/mini.yaml'), 'utf8').replace('    name: Green\n', '    name: Green\n    colur: green\n'));
    const r = await runCli(['play', file, '--as', 'blue', '--plain'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: .*colur`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing save is one line, exit 1', async () => {
    const r = await runCli(['play', '--load', join(state, 'nope.json'), '--plain'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`backchannel: cannot read save ${join(state, 'nope.json')}: no such file\n`);
  });

  const usage: [string[], RegExp][] = [
    [['play', '--bogus'], /unknown option --bogus/],
    [['play', 'alaska-2025', '--as'], /--as/],
    [['play', 'alaska-2025', '--seed', 'soon', '--as', 'ukraine'], /--seed takes a whole number/],
    [['play', 'alaska-2025', '--as', 'ukraine', '--players', 'russia,europe'], /not both/],
    [['play', '--as', 'ukraine'], /needs exactly one SCENARIO/],
    [['replay'], /replay takes one SAVE/],
    [['debrief'], /at least one SAVE/],
  ];
  for (const [args, message] of usage) {
    it(`usage error: ${args.join(' ')} → exit 2`, async () => {
      const r = await runCli(args, { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('play --help documents the exit code of Ctrl+C', async () => {
    const r = await runCli(['play', '--help'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: backchannel play');
    expect(r.stdout).toMatch(/Ctrl\+C saves too: in plain mode it exits with code 130/);
  });
});

describe('--version', () => {
  it('prints the version from package.json', async () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version'], { env });
    expect(r.stdout).toBe(`backchannel ${manifest.version}\n`);
    expect(r.code).toBe(0);
  });
});

describe('printed hints', () => {
  it('can be pasted: npx backchannel, and a path with a space or a quote comes back whole from the shell', async () => {
    const dir = join(state, "Ana's saves");
    const save = join(dir, 'first game.json');
    const r = await runCli([...game, '--save', save], { input: 'quit\n', env });
    expect(r.code).toBe(0);
    const hint = /Resume with: (.+)$/m.exec(r.stdout)![1]!;
    expect(hint.startsWith('npx backchannel play --load ')).toBe(true);
    const { execFileSync } = await import('node:child_process');
    const words = execFileSync('sh', ['-c', `printf '%s\\n' ${hint}`], { encoding: 'utf8' })
      .trimEnd()
      .split('\n');
    expect(words).toEqual(['npx', 'backchannel', 'play', '--load', save]);
  });
});

describe('hostile input on the command line and in plain mode', () => {
  it('prints a path with escape sequences without them, from play and simulate', async () => {
    const path = join(state, 'bad\u001b]0;owned\u0007\u001b[31m.yaml');
    writeFileSync(path, 'meta: {}\n');
    for (const args of [
      ['play', path, '--plain'],
      ['simulate', path],
    ]) {
      const r = await runCli(args, { input: 'quit\n', env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/bad.*\.yaml:\d+:\d+: /);
      expect(r.stderr).not.toMatch(ESCAPES);
    }
  });

  it('echoes a huge unknown command back in one short line', async () => {
    const r = await runCli(game, { input: `${'x'.repeat(2_000_000)}\nquit\n`, env, timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const echo = r.stdout.split('\n').find((l) => l.includes('unknown command'))!;
    expect(echo).toMatch(/unknown command "x{39}…" \(type help for the list\)/);
    expect(echo.length).toBeLessThan(200);
  }, 90_000);
});

describe('messages in plain mode', () => {
  it('lists cables as mN, and show mN gives the terms a party was told, how sure it can be, and their worth', async () => {
    const d = new Driver(['play', 'moscow-2025-08', '--as', 'europe', '--seed', '2', '--plain', '--save', join(state, 'cables.json')], env);
    let seen = await d.waitFor(/europe> $/m);
    for (let i = 0; i < 4 && !/^ {2}m\d+ /m.test(seen); i++) {
      d.send('pass');
      seen = await d.waitFor(/europe> $/m);
    }
    const id = /^ {2}m(\d+) /m.exec(seen)![1]!;
    d.send(`show m${id}`);
    const shown = await d.waitFor(/europe> $/m);
    expect(shown).toMatch(new RegExp(`^m${id}, round \\d+: `, 'm'));
    expect(shown).toMatch(/% sure/);
    expect(shown).toMatch(/The terms as you heard them: your utility 0\.\d\d/);
    d.send(`show #${id}9`);
    expect(await d.waitFor(/europe> $/m)).toContain(`No package #${id}9 that you know of.`);
    d.send('quit');
    expect((await d.exit()).code).toBe(0);
  });
});
