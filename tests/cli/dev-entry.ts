// Runs the CLI from source (through tsx) without the bundle: `npx tsx tests/cli/dev-entry.ts play …`.
// The tests use the bundle (src/cli/bin.js) like a user would; this is for quick runs while developing.
import { cli } from '../../src/cli/main.js';

process.exitCode = await cli(process.argv.slice(2));
