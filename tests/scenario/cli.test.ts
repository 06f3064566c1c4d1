import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/errors.js';
import { run as runNew, schemaReference, starterScenario, TEMPLATE_NAMES } from '../../src/cli/commands/new.js';
import { simulate } from '../../src/engine/simulate.js';
import { compileGame } from '../../src/model/game.js';
import { scenarioWarnings } from '../../src/analysis/warnings.js';
import { run as runSchema } from '../../src/cli/commands/schema.js';
import { run as runValidate } from '../../src/cli/commands/validate.js';
import { bundledSchemaPath, listBundled, packageRoot } from '../../src/scenario/bundled.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load.js';
import { edit, GOOD } from './fixture.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'backchannel-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CliError a command throws (usage errors are exit code 2). */
async function thrown(promise: Promise<number>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('backchannel validate', () => {
  const good = join(dir, 'good.yaml');
  const bad = join(dir, 'bad.yaml');
  writeFileSync(good, GOOD);
  writeFileSync(bad, edit('occupier: red', 'occupier: rde', edit('      weights: { border: 0.7', '      weigths: { border: 0.7')));

  it('says ok with a summary for a valid file', async () => {
    expect(await runValidate([good])).toBe(0);
    expect(out).toBe(`${good}: ok — Fixture (2 parties, 2 issues, 8 rounds)\n`);
    expect(err).toBe('');
  });

  it('prints every problem as file:line:col: message on stderr and exits 1', async () => {
    expect(await runValidate([good, bad, join(dir, 'missing.yaml')])).toBe(1);
    expect(out).toBe(`${good}: ok — Fixture (2 parties, 2 issues, 8 rounds)\n`);
    expect(err).toBe(
      [
        `${bad}:15:15: unknown party "rde" — did you mean "red"?`,
        `${bad}:47:7: unknown key "weigths" — did you mean "weights"?`,
        `${join(dir, 'missing.yaml')}:1:1: cannot read the file: no such file`,
        '',
      ].join('\n'),
    );
  });

  it('never prints control characters from a file', async () => {
    const nasty = join(dir, 'nasty.yaml');
    writeFileSync(nasty, edit('title: Fixture', 'title: "Fix\\e[2J\\e]0;x\\ature"', edit('  rounds: 8', '  rounds: 8\n  "\\e[31mcolour": red')));
    expect(await runValidate([nasty])).toBe(1);
    expect(err).toBe(`${nasty}:8:3: unknown key "colour" (allowed here: roundDays, rounds, implementationRounds, deadlines)\n`);
    writeFileSync(nasty, edit('title: Fixture', 'title: "Fix\\e[2J\\e]0;x\\ature"'));
    expect(await runValidate([nasty])).toBe(0);
    expect(out).toBe(`${nasty}: ok — Fixture (2 parties, 2 issues, 8 rounds)\n`);
  });

  it('accepts a bundled id', async () => {
    for (const b of listBundled()) {
      out = '';
      expect(await runValidate([b.id])).toBe(0);
      expect(out).toMatch(new RegExp(`^${b.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ok — `));
    }
  });

  it('is a usage error (exit 2) without a file or with an unknown option', async () => {
    const none = await thrown(runValidate([]));
    expect(none.exitCode).toBe(2);
    expect(none.message).toBe('validate: give at least one scenario file, e.g. backchannel validate my-scenario.yaml');
    const flag = await thrown(runValidate(['--fix', good]));
    expect(flag.exitCode).toBe(2);
    expect(flag.message).toBe('validate: unknown option --fix (try: backchannel validate --help)');
  });

  it('warns as file:line:col: warning: about a valid file that cannot deal, and --strict makes that an error', async () => {
    const floored = join(dir, 'floored.yaml');
    // Red's hard floor 0.9 is above the most Red can get in a package Blue could sign once Blue will not let it keep the border.
    writeFileSync(
      floored,
      edit(
        '        hard: { label: Hard, strategy: { policy: boulware } }',
        '        hard: { label: Hard, strategy: { policy: boulware, floor: 0.9 } }',
        edit('      reservation: 0.3\n', '      reservation: 0.3\n      redLines: [{ issue: border, option: keep }]\n'),
      ),
    );
    const line = GOOD.split('\n').findIndex((l) => l.startsWith('        hard: {')) + 1;
    const warning = `${floored}:${line}:67: warning: Red's floor in "Hard" (0.90) is above the most it can get in any package the others could sign (0.65): in this posture it never makes a deal\n`;
    expect(await runValidate([floored])).toBe(0);
    expect(out).toBe(`${floored}: ok, 1 warning — Fixture (2 parties, 2 issues, 8 rounds)\n`);
    expect(err).toBe(warning);
    out = '';
    err = '';
    expect(await runValidate(['--strict', floored])).toBe(1);
    expect(err).toBe(warning);
  });
});

describe('backchannel schema', () => {
  it('prints the JSON Schema, the same as the committed file', async () => {
    expect(await runSchema([])).toBe(0);
    expect(JSON.parse(out)).toEqual(scenarioJsonSchema());
    expect(out).toBe(readFileSync(bundledSchemaPath(), 'utf8'));
  });

  it('takes no arguments', async () => {
    expect((await thrown(runSchema(['extra']))).exitCode).toBe(2);
    expect((await thrown(runSchema(['--json']))).message).toBe('schema: unknown option --json (try: backchannel schema --help)');
  });
});

describe('backchannel new', () => {
  it('writes a commented starter that validates, with the modeline pointing at the bundled schema', async () => {
    const file = join(dir, 'border-talks.yaml');
    expect(await runNew(['border-talks', '--out', file])).toBe(0);
    expect(out).toBe(`wrote ${file} — edit it, then check it with: npx backchannel validate ${file}\n`);
    const text = readFileSync(file, 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text.split('\n')[0]!);
    // Outside the package the modeline is absolute; inside it, relative (see below).
    expect(modeline?.[1]).toBe(bundledSchemaPath());
    expect(existsSync(modeline![1]!)).toBe(true);

    const result = loadScenarioFile(file);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.meta.id).toBe('border-talks');
    expect(s.parties).toHaveLength(2);
    expect(s.issues.length).toBeGreaterThanOrEqual(2);
    expect(s.issues.length).toBeLessThanOrEqual(3);
    expect(s.territories).toHaveLength(1);
    expect(s.events).toHaveLength(1);
    expect(s.parties.some((p) => p.postures.transitions.length > 0)).toBe(true);
    expect(text.split('\n').filter((line) => /^\s*#/.test(line)).length).toBeGreaterThan(5);
  });

  it('points the modeline at the bundled schema relative to a file inside the package', () => {
    expect(schemaReference(join(packageRoot(), 'scenarios', 'x.yaml'))).toBe('./scenario.schema.json');
    expect(schemaReference(join(packageRoot(), 'x.yaml'))).toBe('./scenarios/scenario.schema.json');
    expect(schemaReference(join(packageRoot(), 'a', 'b', 'x.yaml'))).toBe('../../scenarios/scenario.schema.json');
  });

  it('writes ID.yaml in the current folder by default', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await runNew(['plain-id'])).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(loadScenarioFile(join(dir, 'plain-id.yaml')).ok).toBe(true);
  });

  it('starts from a scenario that validates for any id', () => {
    for (const id of ['a', 'x1', 'long-scenario-name-2026']) {
      expect(parseScenario(starterScenario(id, './scenario.schema.json'), `${id}.yaml`).ok).toBe(true);
    }
  });

  it('offers templates that validate without a warning and reach deals in simulate', { timeout: 60_000 }, async () => {
    for (const template of TEMPLATE_NAMES) {
      const file = join(dir, `t-${template}.yaml`);
      expect(await runNew([`t-${template}`, '--template', template, '--out', file])).toBe(0);
      const loaded = loadScenarioFile(file);
      expect(loaded.ok, template).toBe(true);
      if (!loaded.ok) continue;
      const game = compileGame(loaded.scenario);
      expect(scenarioWarnings(game), template).toEqual([]);
      expect(simulate(game, 40, 1).dealRate, template).toBeGreaterThan(0.5);
    }
    expect((await thrown(runNew(['x', '--template', 'mediator']))).message).toBe('new: no template "mediator"; choose one of bilateral, multilateral, summit, mediated');
  });

  it('refuses to overwrite an existing file (exit 1)', async () => {
    const file = join(dir, 'taken.yaml');
    writeFileSync(file, 'mine\n');
    const error = await thrown(runNew(['taken', '--out', file]));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(`new: ${file} already exists; not overwriting it (choose another name with --out)`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('is a usage error (exit 2) for an invalid or missing id', async () => {
    const invalid = await thrown(runNew(['Border Talks']));
    expect(invalid.exitCode).toBe(2);
    expect(invalid.message).toBe('new: invalid id "Border Talks": use lower-case letters, digits and dashes, starting with a letter (e.g. border-talks)');
    expect((await thrown(runNew([]))).exitCode).toBe(2);
    expect((await thrown(runNew(['a', 'b']))).exitCode).toBe(2);
    expect((await thrown(runNew(['a', '--force']))).message).toBe('new: unknown option --force (try: backchannel new --help)');
    expect((await thrown(runNew(['a', '--out']))).message).toBe('new: option --out needs a value (try: backchannel new --help)');
  });
});

describe('backchannel analyse', () => {
  it('prints what a scenario allows, or one JSON object, and is a usage error without a scenario', async () => {
    const { run: runAnalyse } = await import('../../src/cli/commands/analyse.js');
    expect(await runAnalyse(['moscow-2025-08'])).toBe(0);
    expect(out).toMatch(/^moscow-2025-08: 162 packages; /);
    expect(out).toContain('Nash point');
    out = '';
    expect(await runAnalyse(['moscow-2025-08', '--json'])).toBe(0);
    expect((JSON.parse(out) as { packages: number }).packages).toBe(162);
    expect((await thrown(runAnalyse([]))).exitCode).toBe(2);
    out = '';
    expect(await runAnalyse(['moscow-2025-08', '--round', '4', '--seed', '2'])).toBe(0);
    expect(out).toMatch(/^moscow-2025-08 at the start of round 4 of the all-AI game seed 2\.\nEvents fired by then: /);
    expect((await thrown(runAnalyse(['moscow-2025-08', '--round', '11']))).message).toBe('--round takes a whole number from 1 to 10, not "11"');
    expect((await thrown(runAnalyse(['moscow-2025-08', '--seed', '2']))).exitCode).toBe(2);
  });
});
