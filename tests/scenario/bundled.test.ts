import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDir, listBundled, loadScenarioOrThrow, packageRoot, resolveScenario, ScenarioInvalid, ScenarioNotFound } from '../../src/scenario/bundled.js';
import { formatProblem, loadScenarioFile } from '../../src/scenario/load.js';

const bundled = listBundled();

describe('bundled scenarios', () => {
  it('are found at the package root, one per scenarios/*.yaml', () => {
    expect(readdirSync(packageRoot())).toContain('package.json');
    const files = readdirSync(bundledDir())
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(bundled.map((b) => `${b.id}.yaml`)).toEqual(files);
    for (const b of bundled) expect(b.path).toBe(join(bundledDir(), `${b.id}.yaml`));
  });

  // One test per bundled file: none yet is no test, and every file there is checked.
  for (const { id, path } of bundled) {
    it(`${id} validates, and its meta.id is its file name`, () => {
      const result = loadScenarioFile(path);
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
      if (result.ok) expect(result.scenario.meta.id).toBe(id);
    });

    it(`${id} carries the yaml-language-server modeline`, async () => {
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(path, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/scenario\.schema\.json$/m);
    });
  }
});

describe('resolveScenario', () => {
  it('takes an existing file as itself', () => {
    const file = join(packageRoot(), 'package.json');
    expect(resolveScenario(file)).toBe(file);
  });

  it('takes a bundled id as its file', () => {
    for (const b of bundled) expect(resolveScenario(b.id)).toBe(b.path);
  });

  it('throws ScenarioNotFound naming the bundled ids', () => {
    const ids = bundled.map((b) => b.id).join(', ') || 'none';
    expect(() => resolveScenario('no-such-scenario')).toThrow(ScenarioNotFound);
    expect(() => resolveScenario('no-such-scenario')).toThrow(`no scenario "no-such-scenario": not a file, and not a bundled id (bundled: ${ids})`);
    // A folder is not a scenario file.
    expect(() => resolveScenario(bundledDir())).toThrow(ScenarioNotFound);
  });
});

describe('loadScenarioOrThrow', () => {
  it('throws ScenarioInvalid carrying every problem', () => {
    const file = join(packageRoot(), 'package.json');
    let error: unknown;
    try {
      loadScenarioOrThrow(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioInvalid);
    const invalid = error as ScenarioInvalid;
    expect(invalid.exitCode).toBe(1);
    expect(invalid.problems.length).toBeGreaterThan(1);
    expect(invalid.message.split('\n')).toEqual(invalid.problems.map(formatProblem));
  });

  it('returns the scenario, its hash and its path', () => {
    for (const b of bundled) {
      const loaded = loadScenarioOrThrow(b.id);
      expect(loaded.path).toBe(b.path);
      expect(loaded.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(loaded.scenario.meta.id).toBe(b.id);
    }
  });
});
