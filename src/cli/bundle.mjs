// Bundles the CLI into .build/ with esbuild: one file for the headless commands, and a separate chunk for
// the terminal UI (React, Ink) that only `play` and the title screen load. Production React, no devtools.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// What this build is: a hash of every source file and the lockfile. The scenario cache keys its entries by it
// (cli/scenario-cache.ts), so a changed schema or loader never trusts what an older build checked.
const buildHash = createHash('sha256');
// Node 20 before 20.12 names an entry's folder `path`, later ones `parentPath`.
const folderOf = (entry) => entry.parentPath ?? entry.path;
const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(folderOf(entry), entry.name))
  .sort();
for (const file of sources) buildHash.update(`${file.slice(root.length)}\n`).update(readFileSync(file));
try {
  buildHash.update(readFileSync(join(root, 'package-lock.json')));
} catch {
  // Installed without a lockfile: the sources alone name the build.
}
const buildId = buildHash.digest('hex').slice(0, 16);
// Chunk names carry content hashes: start from an empty folder so old chunks never pile up.
rmSync(new URL('../../.build/', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // The sweep worker is an entry of its own: simulate --vary starts it in worker threads (cli/sweep-pool.ts).
  entryPoints: { backchannel: 'src/cli/main.ts', 'sweep-worker': 'src/cli/sweep-worker.ts' },
  outdir: '.build',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.BACKCHANNEL_BUILD': JSON.stringify(buildId) },
  // Ink imports react-devtools-core only when DEV is set; keep it (and its weight) out of the bundle. Text is
  // measured through ui/string-width-narrow.ts, which spares the first frame string-width's set-up.
  alias: { 'react-devtools-core': './src/cli/devtools-stub.js', 'string-width': './src/ui/string-width-narrow.ts' },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // ssh2 loads optional native helpers when they were built; from node_modules, as it expects.
  external: ['ssh2'],
  legalComments: 'none',
  logLevel: 'warning',
});
