// `extends:` — a scenario written as another with changes. Mappings merge, lists of items with ids merge by id
// (new ids are added, `remove: true` drops one), other values replace; the result is checked as one scenario,
// and each problem points into the file its value came from. The content hash covers the base, so a changed
// base is a changed scenario (saves, classes and the start-up cache all see it).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeScenario } from '../../src/scenario/extends.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { tempDir } from '../cli/helpers.js';
import { fixturePath } from '../helpers/games.js';

function folder(files: Record<string, string>): string {
  const dir = tempDir('backchannel-extends-');
  copyFileSync(fixturePath('mini.yaml'), join(dir, 'mini.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('merging', () => {
  it('merges mappings, merges lists of items by id, and replaces everything else', () => {
    const base = { a: { x: 1, y: 2 }, list: [{ id: 'p', v: 1, w: 1 }, { id: 'q' }], plain: [1, 2, 3] };
    const child = { a: { y: 3 }, list: [{ id: 'q', remove: true }, { id: 'p', v: 2 }, { id: 'r' }], plain: [9] };
    expect(mergeScenario(base, child)).toEqual({ a: { x: 1, y: 3 }, list: [{ id: 'p', v: 2, w: 1 }, { id: 'r' }], plain: [9] });
  });
});

describe('a scenario that extends another', () => {
  it('is the base with its changes, under its own id, with a hash that covers the base', () => {
    const dir = folder({
      'tense.yaml': 'extends: mini.yaml\nmeta:\n  id: mini-tense\n  title: Mini table, tense\nparties:\n  - id: blue\n    pressure: 90\n',
    });
    const result = loadScenarioFile(join(dir, 'tense.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.meta.id).toBe('mini-tense');
    expect(result.scenario.meta.summary).toBe('Three parties, three issues, one territory.');
    const blue = result.scenario.parties.find((p) => p.id === 'blue')!;
    expect(blue.pressure).toBe(90);
    expect(blue.briefing).toBe('Keep the north; get a guarantee.');
    expect(result.scenario.parties.map((p) => p.id)).toEqual(['blue', 'red', 'green']);
    // Change the base: the extending scenario is a different scenario now.
    const before = result.hash;
    writeFileSync(join(dir, 'mini.yaml'), `${readFileSync(join(dir, 'mini.yaml'), 'utf8')}\n# edited\n`);
    const again = loadScenarioFile(join(dir, 'tense.yaml'));
    expect(again.ok && again.hash).not.toBe(before);
  });

  it('extends a bundled scenario by its id', () => {
    const dir = folder({ 'notetaker.yaml': 'extends: moscow-2025-08\nmeta: { id: moscow-notetaker }\nmeetings:\n  - id: kremlin\n    notetaker: true\n' });
    const result = loadScenarioFile(join(dir, 'notetaker.yaml'));
    expect(result.ok && result.scenario.meetings.find((m) => m.id === 'kremlin')?.notetaker).toBe(true);
  });

  it('takes the mediator out of Camp David as its teacher notes say', () => {
    const notes = loadScenarioFile(join(fixturePath('..'), '..', 'scenarios', 'camp-david-1978.yaml'));
    expect(notes.ok).toBe(true);
    if (!notes.ok) return;
    // The variation is quoted in the notes: the same file, as a teacher would copy it.
    const quoted = /\n {2}extends: camp-david-1978\n[\s\S]*?\n\n/.exec(notes.scenario.meta.teacherNotes)![0].replace(/^\n/, '').replace(/^ {2}/gm, '');
    const dir = folder({ 'alone.yaml': quoted });
    const alone = loadScenarioFile(join(dir, 'alone.yaml'));
    expect(alone.ok && alone.scenario.parties.map((p) => p.id)).toEqual(['egypt', 'israel']);
  });

  it('points each problem into the file its value came from', () => {
    const dir = folder({
      'broken.yaml': 'extends: mini.yaml\nmeta: { id: mini-broken }\nparties:\n  - id: red\n    pressure: 300\n',
    });
    const result = loadScenarioFile(join(dir, 'broken.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: join(dir, 'broken.yaml'), line: 5 });
    expect(result.problems[0]!.message).toMatch(/pressure/);
    // A problem in a part the file takes from its base is reported in the base, at its line.
    const mini = readFileSync(fixturePath('mini.yaml'), 'utf8');
    const line = mini.split('\n').indexOf('    pressure: 40') + 1;
    const other = folder({ 'base.yaml': mini.replace('    pressure: 40', '    pressure: 400'), 'child.yaml': 'extends: base.yaml\nmeta: { id: c }\n' });
    const both = loadScenarioFile(join(other, 'child.yaml'));
    expect(both.ok).toBe(false);
    if (both.ok) return;
    expect(both.problems.map((p) => `${p.file}:${p.line}`)).toEqual([`${join(other, 'base.yaml')}:${line}`]);
  });

  it('refuses a missing base, a cycle and a base that is not a name', () => {
    const dir = folder({
      'a.yaml': 'extends: b.yaml\nmeta: { id: a }\n',
      'b.yaml': 'extends: a.yaml\nmeta: { id: b }\n',
      'lost.yaml': 'extends: nowhere.yaml\n',
      'list.yaml': 'extends: [mini.yaml]\n',
    });
    const message = (file: string) => {
      const r = loadScenarioFile(join(dir, file));
      return r.ok ? '' : r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n');
    };
    expect(message('a.yaml')).toMatch(/leads back to this file/);
    expect(message('lost.yaml')).toBe('1:10: extends: no scenario "nowhere.yaml" (not a file next to this one, and not a bundled id)');
    expect(message('list.yaml')).toMatch(/^1:10: extends takes the path of another scenario file/);
  });
});
