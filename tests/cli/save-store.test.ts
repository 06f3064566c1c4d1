// The save store in process: where saves go, atomic writes, and loading that checks everything and never
// writes to the file it reads.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { playGame } from '../../src/engine/advance.js';
import { hashWorld } from '../../src/model/hash.js';
import { parseSave } from '../../src/engine/save.js';
import { CliError } from '../../src/cli/errors.js';
import { loadSave } from '../../src/cli/save-load.js';
import { checkSaveTarget, defaultSavePath, rebuildLog, saveDir, writeFileAtomic, writeSave } from '../../src/cli/save-store.js';
import { loadGameCached } from '../../src/cli/scenario-arg.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';
import { compileGame } from '../../src/model/game.js';
import { tempDir } from './helpers.js';

const dir = tempDir('backchannel-store-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { scenario, hash } = loadScenarioOrThrow('alaska-2025');
const game = compileGame(scenario);

describe('save folder', () => {
  it('is $XDG_STATE_HOME/backchannel, else ~/.local/state/backchannel', () => {
    expect(saveDir({ XDG_STATE_HOME: '/x/state', HOME: '/home/a' })).toBe('/x/state/backchannel');
    expect(saveDir({ HOME: '/home/a' })).toBe('/home/a/.local/state/backchannel');
    // A relative XDG_STATE_HOME is invalid by the spec and ignored.
    expect(saveDir({ XDG_STATE_HOME: 'rel', HOME: '/home/a' })).toBe('/home/a/.local/state/backchannel');
    expect(defaultSavePath('alaska-2025', 1234, { XDG_STATE_HOME: '/s' })).toBe('/s/backchannel/alaska-2025-seed-1234.json');
  });
});

describe('atomic writes', () => {
  it('creates the folder, replaces the file whole, and leaves no temporary file', () => {
    const file = join(dir, 'deep', 'er', 'a.json');
    writeFileAtomic(file, 'one\n');
    writeFileAtomic(file, 'two\n');
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['a.json']);
  });
});

describe('save and load', () => {
  const { world, entries: log } = playGame(game, 17);
  const file = join(dir, 'game.json');
  writeSave(file, { game, scenarioHash: hash, seed: 17, humans: ['europe'], log, world });

  it('round-trips a whole game, and rebuilds its full log', () => {
    const loaded = loadSave(file);
    expect(loaded.world).toEqual(world);
    expect(loaded.save.humans).toEqual(['europe']);
    expect(parseSave(readFileSync(file, 'utf8')).commands).toHaveLength(log.length);
    const lines = rebuildLog(game, 17, log);
    expect(lines.length).toBe(world.logCount);
    expect(lines[lines.length - 1]!.kind).toBe('outcome');
  });

  it('refuses a corrupt save with a CliError and does not touch it', () => {
    const bad = join(dir, 'bad.json');
    const text = readFileSync(file, 'utf8').replace('"seed":17', '"seed":18');
    writeFileSync(bad, text);
    expect(() => loadSave(bad)).toThrow(CliError);
    expect(readFileSync(bad, 'utf8')).toBe(text);
  });

  it('lets a new game replace an old save, but never a file that is not a save', () => {
    expect(() => checkSaveTarget(file)).not.toThrow();
    expect(() => checkSaveTarget(join(dir, 'missing.json'))).not.toThrow();
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# mine\n');
    expect(() => checkSaveTarget(notes)).toThrow(/not a Backchannel save; it is left alone/);
    mkdirSync(join(dir, 'folder'));
    expect(() => checkSaveTarget(join(dir, 'folder'))).toThrow(/is not a file/);
  });
});

describe('the scenario cache', () => {
  const cacheEnv = { XDG_CACHE_HOME: join(dir, 'cache'), HOME: dir };
  const build = 'test-build.mjs';

  it('gives the same game as the loader, from the second load on', () => {
    const first = loadGameCached('alaska-2025', cacheEnv, build);
    const files = readdirSync(join(dir, 'cache', 'backchannel'));
    expect(files).toEqual([`scenario-${hash}.json`]);
    const second = loadGameCached('alaska-2025', cacheEnv, build);
    expect(second.hash).toBe(hash);
    expect(second.path).toBe(first.path);
    expect(JSON.stringify(second.game.scenario)).toBe(JSON.stringify(game.scenario));
    expect(Object.isFrozen(second.game.scenario.parties[0]!.preferences)).toBe(true);
    // The same games come out of it.
    for (const seed of [1, 2, 3]) expect(hashWorld(playGame(second.game, seed).world)).toBe(hashWorld(playGame(game, seed).world));
  });

  it('is ignored for another build, a changed file or a broken cache file', () => {
    const file = join(dir, 'cache', 'backchannel', `scenario-${hash}.json`);
    writeFileSync(file, '{"format":"backchannel-scenario-cache","build":"test-build.mjs","hash":"' + hash + '","scenario":{"meta":{}}}');
    // Another build: the loader runs and the entry is rewritten for that build.
    expect(loadGameCached('alaska-2025', cacheEnv, 'other-build.mjs').game.scenario.meta.id).toBe('alaska-2025');
    expect((JSON.parse(readFileSync(file, 'utf8')) as { build: string }).build).toBe('other-build.mjs');
    writeFileSync(file, '{ not json');
    expect(loadGameCached('alaska-2025', cacheEnv, build).game.scenario.meta.id).toBe('alaska-2025');
    // An edited scenario has another content hash, so another entry; an invalid one still gets its located errors.
    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, readFileSync(loadScenarioOrThrow('alaska-2025').path, 'utf8').replace('title: "Alaska, 2025"', 'title: "Alaska, again"'));
    expect(loadGameCached(edited, cacheEnv, build).game.scenario.meta.title).toBe('Alaska, again');
    writeFileSync(edited, 'meta: {}\n');
    expect(() => loadGameCached(edited, cacheEnv, build)).toThrow(/edited\.yaml:\d+:\d+: /);
  });

  it('never serves a scenario that extends another from a stale entry: its hash covers the base', () => {
    const base = join(dir, 'base.yaml');
    const variation = join(dir, 'variation.yaml');
    writeFileSync(base, readFileSync(loadScenarioOrThrow('alaska-2025').path, 'utf8'));
    writeFileSync(variation, 'extends: base.yaml\nmeta: { id: alaska-variation }\n');
    const first = loadGameCached(variation, cacheEnv, build);
    writeFileSync(base, readFileSync(base, 'utf8').replace('title: "Alaska, 2025"', 'title: "Alaska, changed"'));
    const second = loadGameCached(variation, cacheEnv, build);
    expect(second.game.scenario.meta.title).toBe('Alaska, changed');
    expect(second.hash).not.toBe(first.hash);
  });

  it('ignores and rewrites an edited entry: changed rules, escape codes, a damaged scenario', () => {
    loadGameCached('alaska-2025', cacheEnv, build);
    const file = join(dir, 'cache', 'backchannel', `scenario-${hash}.json`);
    const entry = () =>
      JSON.parse(readFileSync(file, 'utf8')) as {
        scenario: { meta: { title: string }; parties: { preferences: { reservation: number; redLines: unknown[] } }[]; issues: unknown[] };
      };
    const edits: [string, (e: ReturnType<typeof entry>) => void][] = [
      ['a reservation of 0 and no red lines', (e) => e.scenario.parties.forEach((p) => ((p.preferences.reservation = 0), (p.preferences.redLines = [])))],
      ['an OSC 52 clipboard write and a window title in the title', (e) => (e.scenario.meta.title = 'Alaska\u001b]52;c;ZXZpbA==\u0007\u001b]0;owned\u0007')],
      ['issues without their options', (e) => (e.scenario.issues = e.scenario.issues.map(() => ({})))],
    ];
    for (const [what, change] of edits) {
      const e = entry();
      change(e);
      writeFileSync(file, JSON.stringify(e));
      const loaded = loadGameCached('alaska-2025', cacheEnv, build);
      expect(JSON.stringify(loaded.game.scenario), what).toBe(JSON.stringify(game.scenario));
      // The entry was rewritten by the loader, signed again.
      expect(JSON.stringify(entry().scenario), what).toBe(JSON.stringify(game.scenario));
    }
  });
});
