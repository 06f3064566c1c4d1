import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { Rng } from '../../src/model/rng.js';
import { carrier, offer, strategy, view } from './fixtures.js';

// Russia's record: 0.21 then 0.33 for us. Then, through its envoy, something worth 0.91 — too good to be true.
const earlier = [
  offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 1], status: 'superseded' }),
  offer({ id: 2, by: 'russia', round: 2, terms: [2, 1, 1], status: 'superseded' }),
];
const s = strategy({ policy: 'linear', aspiration: 0.9, floor: 0.5 });

function envoyOffer(over: { round?: number; exposed?: boolean; terms?: number[] } = {}) {
  return offer({ id: 3, by: 'russia', round: over.round ?? 3, terms: over.terms ?? [0, 0, 1], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'], exposed: over.exposed });
}

describe('clarification', () => {
  it('asks for a clarification of a suspiciously good envoy offer instead of accepting it', () => {
    const p = envoyOffer();
    const d = decide(view({ round: 4, proposals: [...earlier, p], messages: [carrier(p, 7)] }), s, new Rng(1));
    expect(d.command).toEqual({ type: 'clarify', by: 'ukraine', message: 7 });
    expect(d.reason).toBe('asked Russia to confirm #3: it sounds far better than anything it offered before');
  });

  it('accepts the same offer when it came on the record', () => {
    const p = { ...envoyOffer(), channel: 'direct' as const, envoy: undefined };
    const d = decide(view({ round: 4, proposals: [...earlier, p], messages: [carrier(p, 7)] }), s, new Rng(1));
    expect(d.command).toEqual({ type: 'accept', by: 'ukraine', proposal: 3 });
  });

  it('does not question an envoy offer in line with the sender’s record', () => {
    const p = envoyOffer({ terms: [2, 0, 1] }); // 0.41: not a jump, and not acceptable either → no clarification
    const d = decide(view({ round: 4, proposals: [...earlier, p], messages: [carrier(p, 7)] }), s, new Rng(1));
    expect(d.command.type).not.toBe('clarify');
  });

  it('does not ask again once the message was checked (or is no longer new)', () => {
    const p = envoyOffer({ round: 3 });
    const checked = { ...carrier(p, 7), clarified: true };
    const d = decide(view({ round: 4, proposals: [...earlier, p], messages: [checked] }), s, new Rng(1));
    expect(d.command).toEqual({ type: 'accept', by: 'ukraine', proposal: 3 });
    // Without the flag: a message from before our last turn counts as already considered.
    const old = envoyOffer({ round: 2 });
    const later = decide(view({ round: 4, proposals: [earlier[0]!, old], messages: [carrier(old, 7)] }), s, new Rng(1));
    expect(later.command.type).toBe('accept');
  });

  it('does not ask about an exposed message', () => {
    const p = envoyOffer({ exposed: true });
    const d = decide(view({ round: 4, proposals: [...earlier, p], messages: [carrier(p, 7)] }), s, new Rng(1));
    expect(d.command.type).not.toBe('clarify');
  });
});
