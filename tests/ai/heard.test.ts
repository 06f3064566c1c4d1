// The AI acts on what it heard — its PlayerView — until it learns otherwise; and it never looks anywhere else.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { utility } from '../../src/model/game.js';
import { Rng } from '../../src/model/rng.js';
import { step } from '../../src/model/step.js';
import type { Command, World } from '../../src/model/types.js';
import { playerView } from '../../src/model/view.js';
import { initialWorld } from '../../src/model/world.js';
import type { Strategy } from '../../src/scenario/schema.js';
import { mini } from '../helpers/games.js';
import { offer, strategy, view } from './fixtures.js';

describe('acting on what was heard', () => {
  it('judges a proposal by the terms it heard, and by the true terms once the distortion is exposed to it', () => {
    const heard = offer({ id: 1, by: 'russia', round: 1, terms: [0, 0, 1] }); // 0.91 for Ukraine, as heard
    const s = strategy({ policy: 'hardline', aspiration: 0.85 });
    expect(decide(view({ proposals: [heard] }), s, new Rng(1)).command).toEqual({ type: 'accept', by: 'ukraine', proposal: 1 });
    // Exposed: the view now holds what Russia really said (0.33), and that is what it judges.
    const truth = { ...heard, terms: [2, 1, 1], exposed: true };
    expect(decide(view({ proposals: [truth] }), s, new Rng(1)).command.type).not.toBe('accept');
  });

  it('in a real game, acts on an envoy’s flattering distortion until a clarification exposes it', () => {
    const game = mini();
    const run = (w: World, ...commands: Command[]) => commands.reduce((x, c) => step(game, x, c), w);
    const blue = game.prefs.blue!;
    for (let seed = 1; seed < 600; seed++) {
      let w = run(initialWorld(game, seed), { type: 'begin' }, { type: 'pass', by: 'blue' });
      w = run(w, { type: 'propose', by: 'red', terms: [1, 2, 0], channel: 'envoy', envoy: 'red-envoy', to: ['blue'] });
      const p = w.proposals.at(-1)!;
      const heard = p.heard.blue;
      if (!heard || utility(blue, heard) <= utility(blue, p.terms) + 0.05) continue;
      w = run(w, { type: 'pass', by: 'green' });
      // A posture that takes anything between the truth and what it heard.
      const aspiration = (utility(blue, heard) + utility(blue, p.terms)) / 2;
      const s: Strategy = { policy: 'hardline', aspiration, statements: false, channel: 'direct', levers: false, notetaker: 1, candour: 1, briefing: 0.35 };
      const before = playerView(w, game, 'blue');
      const d = decide(before, s, new Rng(seed));
      // It wants what it heard: it takes it, or first checks an offer that looks too good to be true.
      expect(['accept', 'clarify']).toContain(d.command.type);
      if (d.command.type === 'clarify') expect(d.reason).toMatch(/far better than anything/);
      const exposed = run(w, { type: 'clarify', by: 'blue', message: p.message });
      expect(decide(playerView(exposed, game, 'blue'), s, new Rng(seed)).command.type).not.toBe('accept');
      return;
    }
    throw new Error('no seed produced a flattering distortion');
  });

  it('reads nothing but its view: no AI module touches the world, the rules or the step', () => {
    const dir = fileURLToPath(new URL('../../src/ai/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(dir + file, 'utf8');
      expect(text, file).not.toMatch(/from '\.\.\/model\/(step|world|rules|conditions)\.js'/);
      expect(text, file).not.toMatch(/\bWorld\b.*from '\.\.\/model\/types\.js'/);
      expect(text, file).not.toMatch(/\.heard\b|truthOf|heardTerms/);
    }
  });
});
