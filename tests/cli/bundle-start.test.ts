// What the bundle loads to draw the title screen: the terminal UI and the engine, but not the scenario reader
// (the YAML parser, the schema library), which a start whose scenarios are all in the cache does not need —
// about a quarter of the start-up (tests/bench/startup.ts). A static import that pulls it back in fails here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

/** Every chunk a module imports statically, itself included. */
function staticClosure(file: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(file)) return seen;
  const text = readFileSync(file, 'utf8');
  seen.set(file, text);
  for (const m of text.matchAll(/(?:^|\n)import\s*(?:[^;'"]*?from\s*)?"(\.[^"]+)"/g)) staticClosure(resolve(dirname(file), m[1]!), seen);
  return seen;
}

describe('the bundle at start-up', () => {
  it('draws the title without loading the scenario reader', () => {
    const entry = join(root, '.build', 'backchannel.mjs');
    expect(existsSync(entry), 'run npm run build first').toBe(true);
    const play = /import\("(\.\/chunks\/play-[A-Z0-9]+\.mjs)"\)/.exec(readFileSync(entry, 'utf8'))![1]!;
    const closure = staticClosure(entry);
    staticClosure(join(root, '.build', play), closure);
    for (const m of [...closure.values()].join('\n').matchAll(/import\("(\.\/[^"]*run-app-[A-Z0-9]+\.mjs)"\)/g)) {
      for (const [file] of [...closure]) if (existsSync(resolve(dirname(file), m[1]!))) staticClosure(resolve(dirname(file), m[1]!), closure);
    }
    const text = [...closure.values()].join('\n');
    // The UI and the engine are there (the test follows the right imports)…
    expect(text).toContain('node_modules/ink/');
    expect(text).toContain('node_modules/xstate/');
    // …and the reader is not.
    expect(text).not.toContain('node_modules/yaml/');
    expect(text).not.toContain('node_modules/zod/');
  });
});
