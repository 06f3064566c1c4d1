// Where the package is installed: this code runs from src/ (tsx, vitest) and from the esbuild bundle in .build/,
// so the package root is found by walking up to the package.json named "backchannel", not by a fixed path.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding the package.json named "backchannel", found by walking up from this module. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'backchannel') {
          root = dir;
          return dir;
        }
      } catch {
        // Not ours (or unreadable): keep walking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the backchannel package folder (with its package.json) above this module');
    dir = parent;
  }
}

/** The folder of bundled scenarios. */
export function bundledDir(): string {
  return join(packageRoot(), 'scenarios');
}
