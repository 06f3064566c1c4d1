// A lesson from start to finish: a class of nine for moscow-2025-08 (three tables, the AI in one seat of each),
// every student playing their seat in plain mode, then the class report, an edited save caught, the handouts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, ensureBuilt, runCli, tempDir } from './helpers.js';

const state = tempDir('backchannel-class-');
const env = cliEnv(state);
const dir = join(state, 'lesson');
const names = ['Ana', 'Ben', 'Cleo', 'Dan', 'Eva', 'Fin', 'Gus', 'Hal', 'Ida'];

interface Report {
  students: { name: string; table: string; party: string; status: string; authentic: boolean; score?: number; aiScore: number }[];
  seats: { party: string; students: number; meanScore: number | null; aiMeanScore: number }[];
}

beforeAll(() => ensureBuilt(), 120_000);

describe('a class', () => {
  it('is dealt to tables and seats, each table with its seed; a wanted seat is honoured', async () => {
    writeFileSync(join(state, 'roster.csv'), `name,party\n${names.map((n) => (n === 'Ben' ? 'Ben,russia' : n)).join('\n')}\n`);
    const r = await runCli(['class', 'new', dir, '--scenario', 'moscow-2025-08', '--roster', join(state, 'roster.csv'), '--seed', '7', '--seats-per-table', '3'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('9 students at 3 tables');
    expect(r.stdout).toMatch(/table-1 \(seed \d+\)\n {2}united-states +Ana\n {2}russia +Ben\n {2}europe +Cleo\n {2}ukraine +AI/);
    const again = await runCli(['class', 'new', dir, '--scenario', 'moscow-2025-08', '--roster', join(state, 'roster.csv')], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a class');
  });

  it('lets every student play their own seat, saved and signed in the class folder', async () => {
    for (const name of names) {
      const r = await runCli(['play', '--class', dir, '--student', name.toLowerCase(), '--plain'], { input: 'pass\n'.repeat(40), env, timeoutMs: 60_000 });
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^${name}: .+ at table-\\d, seed \\d+\\.`, 'm'));
    }
    expect(readdirSync(join(dir, 'saves')).filter((f) => f.endsWith('.json'))).toHaveLength(9);
    const unknown = await runCli(['play', '--class', dir, '--student', 'Zoe', '--plain'], { input: '', env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"Zoe" is not on the class list');
  }, 240_000);

  it('reports nine named students at their tables and seats, each against the AI in the same seat', async () => {
    const r = await runCli(['debrief', dir, '--json'], { env, timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.students.map((s) => s.name).sort()).toEqual([...names].sort());
    expect(report.students.find((s) => s.name === 'Ben')).toMatchObject({ table: 'table-1', party: 'russia', status: 'finished', authentic: true });
    for (const s of report.students) {
      expect(typeof s.score).toBe('number');
      expect(typeof s.aiScore).toBe('number');
    }
    expect(report.seats.map((s) => s.party)).toEqual(['united-states', 'russia', 'europe']);
    const md = await runCli(['debrief', dir], { env, timeoutMs: 60_000 });
    expect(md.stdout).toContain('# Class report: Moscow, 6 August 2025');
    expect(md.stdout).toContain('## How hard each seat was');
    // Per student: the moves that mattered and what they heard; per table the account drawn; the teacher notes.
    expect(md.stdout).toContain('## Each student: the moves that mattered, and what they heard');
    for (const name of names) expect(md.stdout).toMatch(new RegExp(`- \\*\\*${name}\\*\\* \\(table-\\d, [^)]+\\): .*clarifications? asked\\.`));
    expect(md.stdout).toMatch(/## What the record does not settle\n\nEach table drew .+\n\n- table-1: 6 Aug — the Kremlin.+: "/);
    expect(md.stdout).toContain('## Teacher notes');
    const ben = report.students.find((s) => s.name === 'Ben') as Report['students'][number] & { checks?: number; misled?: unknown[] };
    expect(typeof ben.checks).toBe('number');
    expect(Array.isArray(ben.misled)).toBe(true);
  }, 90_000);

  it('writes the report as one HTML page to project: charts as SVG, every name escaped, no script', async () => {
    const file = join(state, 'report.html');
    const r = await runCli(['debrief', dir, '--html', file], { env, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toMatch(/<\/html>\n$/);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)="https?:/);
    // The scores against the AI, the timeline of moments, and per seat the frontier and the offers: 2 + 3 × 2 charts.
    expect(html.match(/<svg /g)).toHaveLength(8);
    expect(html).toContain('aria-label="The moments that mattered"');
    expect(html).toContain('aria-label="Outcomes against the Pareto frontier"');
    expect(html).toContain('aria-label="Offers over time"');
    for (const name of names) expect(html).toContain(name);
    // The tags balance: every <svg>, <table>, <section> and <figure> is closed.
    for (const tag of ['svg', 'table', 'section', 'figure']) expect(html.split(`<${tag}`).length, tag).toBe(html.split(`</${tag}>`).length);
  }, 90_000);

  it('flags a save edited outside the game as not authentic, and will not resume it', async () => {
    const file = join(dir, 'saves', 'table-2-eva.json');
    const save = JSON.parse(readFileSync(file, 'utf8')) as { player: { name: string } };
    save.player.name = 'Eve';
    writeFileSync(file, JSON.stringify(save));
    const report = JSON.parse((await runCli(['debrief', dir, '--json'], { env, timeoutMs: 60_000 })).stdout) as Report;
    expect(report.students.find((s) => s.name === 'Eva')!.authentic).toBe(false);
    expect(report.seats.find((s) => s.party === 'russia')!.students).toBe(2);
    const resume = await runCli(['play', '--class', dir, '--student', 'Eva', '--plain'], { input: 'quit\n', env });
    expect(resume.code).toBe(1);
    expect(resume.stderr).toContain('was changed outside the game');
  }, 90_000);

  it('writes a handout for each of the nine students, printable, with no scripts', async () => {
    const out = join(state, 'handouts');
    const r = await runCli(['handouts', dir, '--out', out], { env });
    expect(r.code).toBe(0);
    const files = readdirSync(out).filter((f) => /^table-\d-[a-z]+\.html$/.test(f));
    expect(files).toHaveLength(9);
    for (const file of ['table-1-ana', 'table-2-eva', 'table-3-ida']) {
      expect(existsSync(join(out, `${file}.md`))).toBe(true);
      const html = readFileSync(join(out, `${file}.html`), 'utf8');
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('page-break');
    }
    expect(readFileSync(join(out, 'table-1-ben.md'), 'utf8')).toContain('# Confidential: Russia — Ben');
    expect(readFileSync(join(out, 'background.md'), 'utf8')).toContain('**BATNA**');
    // And for the teacher, the scenario's lesson plan: 50 and 90 minutes, the seats, the questions.
    const plan = readFileSync(join(out, 'lesson-plan.md'), 'utf8');
    expect(plan).toMatch(/^# Moscow, 6 August 2025: a lesson plan/);
    for (const heading of ['## In 50 minutes', '## In 90 minutes', '## Which seat suits whom', '## Questions for the debrief']) expect(plan).toContain(heading);
    expect(plan).toMatch(/- \*\*Europe\*\*: A careful reader/);
    expect(readFileSync(join(out, 'lesson-plan.html'), 'utf8')).not.toMatch(/<script/i);
    expect(r.stdout).toContain('lesson-plan.md');
  });
});
