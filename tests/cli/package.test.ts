// The clone stays as it was after `npm install`: npm rewrites the lockfile's root entry from package.json, so the
// two must already agree (a stale "bin" once left every fresh clone modified).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

describe('package.json and its lockfile', () => {
  it('agree on everything npm install would rewrite', () => {
    const manifest = read('package.json');
    const lock = read('package-lock.json') as { name: string; version: string; packages: Record<string, Record<string, unknown>> };
    const entry = lock.packages['']!;
    expect(lock.name).toBe(manifest.name);
    expect(lock.version).toBe(manifest.version);
    for (const key of ['name', 'version', 'bin', 'dependencies', 'devDependencies', 'engines']) expect(entry[key], key).toEqual(manifest[key]);
  });

  it('allows the one install script the build needs (esbuild) and declines the optional native helpers of ssh2, so npm does not warn', () => {
    // ssh2 runs on Node's own crypto; its native helpers (built with a compiler at install) are optional.
    expect(read('package.json').allowScripts).toEqual({ esbuild: true, ssh2: false, 'cpu-features': false });
  });
});
