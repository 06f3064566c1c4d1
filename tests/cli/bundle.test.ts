// The shipped bundle keeps React and Ink out of everything but the interactive screens: the headless commands
// and plain mode load only chunks without them, and `play` reaches the UI chunk through a dynamic import alone;
// and the title screen does without the scenario reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './helpers.js';

const build = join(root, '.build');
const read = (file: string) => readFileSync(join(build, file), 'utf8');

/** The chunk a command's dynamic import names in the entry file. */
function commandChunk(name: string): string {
  const m = new RegExp(`import\\("\\./(chunks/${name}-[A-Z0-9]+\\.mjs)"\\)`).exec(read('backchannel.mjs'));
  if (!m) throw new Error(`no chunk for the ${name} command in .build/backchannel.mjs`);
  return m[1]!;
}

/** Every file a chunk loads before its code runs: its static imports, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const m of read(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g)) staticClosure(dir + m[1]!, seen);
  return seen;
}

const REACT = /react\.transitional\.element|react-reconciler/;

describe('the bundle', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  for (const command of ['play', 'simulate', 'validate', 'schema', 'new', 'replay', 'debrief']) {
    it(`${command} loads no React or Ink before it asks for the screens`, () => {
      const closure = [...staticClosure('backchannel.mjs'), ...staticClosure(commandChunk(command))];
      for (const file of closure) expect(REACT.test(read(file)), `${file} holds React`).toBe(false);
    });
  }

  it('play reaches the UI, with React in it, through a dynamic import', () => {
    const play = read(commandChunk('play'));
    const ui = /import\("\.\/(run-app-[A-Z0-9]+\.mjs)"\)/.exec(play)?.[1];
    expect(ui).toBeDefined();
    const closure = [...staticClosure(`chunks/${ui!}`)];
    expect(closure.some((file) => REACT.test(read(file)))).toBe(true);
  });

  it('play draws the title without loading the scenario reader (YAML, zod), which only a cache miss needs', () => {
    // A start whose scenarios are all in the cache does not need it: about a quarter of the start-up.
    const play = commandChunk('play');
    const ui = /import\("\.\/(run-app-[A-Z0-9]+\.mjs)"\)/.exec(read(play))![1]!;
    const text = [...staticClosure('backchannel.mjs'), ...staticClosure(play), ...staticClosure(`chunks/${ui}`)].map(read).join('\n');
    // The UI and the engine are there (the right imports were followed)…
    expect(text).toContain('node_modules/ink/');
    expect(text).toContain('node_modules/xstate/');
    // …and the reader is not.
    expect(text).not.toContain('node_modules/yaml/');
    expect(text).not.toContain('node_modules/zod/');
  });
});
