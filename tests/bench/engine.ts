// What `npm run bench` times, gathered in one module so that it can be bundled the way the CLI is (esbuild,
// NODE_ENV=production): the figures are those of the engine as it ships, not of the source run through tsx.
export { playGame, replay } from '../../src/engine/advance.js';
export { playSession } from '../../src/engine/headless.js';
export { runSeed, simulate } from '../../src/engine/simulate.js';
export { compileGame } from '../../src/model/game.js';
export { loadScenarioOrThrow } from '../../src/scenario/bundled.js';
