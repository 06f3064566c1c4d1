// Bundles the CLI into .build/ with esbuild: one file for the headless commands, and a separate chunk for
// the terminal UI (React, Ink) that only `play` and the title screen load. Production React, no devtools.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Chunk names carry content hashes: start from an empty folder so old chunks never pile up.
rmSync(new URL('../../.build/', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { backchannel: 'src/cli/main.ts' },
  outdir: '.build',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports react-devtools-core only when DEV is set; keep it (and its weight) out of the bundle. Text is
  // measured through ui/string-width-narrow.ts, which spares the first frame string-width's set-up.
  alias: { 'react-devtools-core': './src/cli/devtools-stub.js', 'string-width': './src/ui/string-width-narrow.ts' },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // ssh2 loads optional native helpers when they were built; from node_modules, as it expects.
  external: ['ssh2'],
  legalComments: 'none',
  logLevel: 'warning',
});
