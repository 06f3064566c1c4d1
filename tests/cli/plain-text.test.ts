// Plain mode's picture of the table, as text: an offer you rejected that is still open is named, with how to take it.
import { describe, expect, it } from 'vitest';
import { stateText } from '../../src/cli/plain/text.js';
import { step } from '../../src/model/step.js';
import type { Command, World } from '../../src/model/types.js';
import { playerView } from '../../src/model/view.js';
import { initialWorld } from '../../src/model/world.js';
import { mini } from '../helpers/games.js';

const game = mini();
const run = (world: World, ...commands: Command[]) => commands.reduce((w, c) => step(game, w, c), world);

describe('plain mode’s state text', () => {
  it('names an offer you rejected while it is still on the table, and says accept N takes it after all', () => {
    const rejected = run(
      initialWorld(game, 7),
      { type: 'begin' },
      { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' },
      { type: 'reject', by: 'red', proposal: 1 },
    );
    const text = () => stateText(playerView(w, game, 'red'), w, game).join('\n');
    let w = rejected;
    expect(text()).toMatch(/Still on the table though you rejected it \(accept N takes it after all\): #1 from Blue: /);
    expect(text()).not.toContain('Open proposals to you');
    w = run(rejected, { type: 'pass', by: 'green' }, { type: 'pass', by: 'blue' }, { type: 'accept', by: 'red', proposal: 1 });
    expect(text()).not.toContain('Still on the table');
  });
});
