#!/usr/bin/env node
// The `backchannel` command: runs the bundle that `npm install` (prepare) or `npm run build` writes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../../.build/backchannel.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('backchannel: the game is not built yet; run `npm run build` (npm install does it too).\n');
  process.exit(1);
}
const { cli } = await import(bundle);
process.exitCode = await cli(process.argv.slice(2));
