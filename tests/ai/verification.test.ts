// Verification and memory: checking relays, and relying less on a party once it was caught distorting.
import { describe, expect, it } from 'vitest';
import { hearsayToVerify } from '../../src/ai/clarify.js';
import { decide } from '../../src/ai/decide.js';
import { believedUtility, learnBeliefs as learnOpponents } from '../../src/ai/beliefs.js';
import { relianceOn, relianceTable } from '../../src/ai/reliance.js';
import { tablesFor } from '../../src/ai/tables.js';
import { Rng } from '../../src/model/rng.js';
import type { ViewMessage } from '../../src/model/view.js';
import { account, carrier, europePrefs, offer, strategy, ukrainePrefs, view } from './fixtures.js';

const SEEDS = Array.from({ length: 50 }, (_, i) => i);

describe('checking relays', () => {
  // Europe's view: Russia's offers to Europe so far, and Ukraine's account of talks Europe was not at (#9).
  const russia = offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 1], status: 'superseded' }); // 0.18 for Europe
  const relayed = (over: Partial<Parameters<typeof account>[0]> = {}) =>
    account({ id: 5, from: 'ukraine', about: 9, terms: [1, 2, 2], round: 2, to: ['europe'], speaker: 'russia', ...over }); // 0.12
  const europeView = (m: ViewMessage) => view({ self: 'europe', round: 2, proposals: [russia], messages: [carrier(russia), m] });
  const t = tablesFor(europePrefs);

  it('asks about a disputed relay', () => {
    const m = relayed({ disputed: true });
    expect(hearsayToVerify(europeView(m), t)).toMatchObject({ message: { id: 5 }, why: 'disputed', chance: 1 });
    for (const seed of SEEDS) {
      const d = decide(europeView(m), strategy(), new Rng(seed));
      expect(d.command).toEqual({ type: 'clarify', by: 'europe', message: 5 });
      expect(d.reason).toBe('asked for confirmation of what Ukraine passed on (m5): another account of the same talks disagrees');
    }
  });

  it('asks about a relay too good to be true, weighting by how little the channel can be trusted', () => {
    const good = relayed({ terms: [1, 0, 1] }); // 0.80 for Europe, far above Russia's 0.18
    expect(hearsayToVerify(europeView(good), t)).toMatchObject({ why: 'too-good', chance: 1 });
    expect(decide(europeView(good), strategy(), new Rng(1)).reason).toBe(
      'asked for confirmation of what Ukraine passed on (m5): it sounds far better than anything offered before',
    );
    // 0.25 is a jump of 0.07: too good for second-hand words (confidence 0.5), not for words trusted fully.
    const better = relayed({ terms: [2, 1, 2] });
    expect(hearsayToVerify(europeView(better), t)?.why).toBe('too-good');
    expect(hearsayToVerify(europeView({ ...better, confidence: 1 }), t)).toBeUndefined();
    expect(hearsayToVerify(europeView(relayed()), t)).toBeUndefined(); // 0.12: in line with what Russia said
  });

  it('weights a disputed report by its confidence: an envoy’s report is checked less often than a relay', () => {
    const envoy: ViewMessage = {
      ...carrier(offer({ id: 3, by: 'russia', round: 2, terms: [2, 2, 1], channel: 'envoy', envoy: 'dmitriev', to: ['europe'], status: 'rejected', rejected: ['europe'] })),
      disputed: true,
    };
    const doubt = hearsayToVerify(europeView(envoy), t)!;
    expect(doubt.why).toBe('disputed');
    expect(doubt.chance).toBeCloseTo(0.6); // 2 × (1 − 0.7)
    expect(hearsayToVerify(europeView(relayed({ disputed: true })), t)!.chance).toBe(1);
  });

  it('does not ask again, nor about what was already exposed', () => {
    expect(hearsayToVerify(europeView(relayed({ disputed: true, clarified: true })), t)).toBeUndefined();
    expect(hearsayToVerify(europeView(relayed({ disputed: true, exposed: true })), t)).toBeUndefined();
  });
});

describe('remembering who lied', () => {
  // Russia's earlier envoy offer (0.50 for Ukraine); now, through its envoy, 0.55 — a jump of 0.05.
  const earlier = (exposed: boolean) =>
    offer({ id: 1, by: 'russia', round: 2, terms: [2, 0, 0], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'], status: 'superseded', exposed });
  const now = offer({ id: 2, by: 'russia', round: 3, terms: [1, 2, 0], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'] });
  const s = strategy({ policy: 'linear', aspiration: 0.5, floor: 0.4 });
  const ukraineView = (caught: boolean) => {
    const first = earlier(caught);
    return view({ round: 4, proposals: [first, now], messages: [carrier(first, 1), carrier(now, 2)] });
  };

  it('relies half as much on a party for each of its distortions exposed to us', () => {
    const v = ukraineView(true);
    const r = relianceTable(v);
    expect(relianceOn(v, r, 'russia')).toBe(0.5);
    expect(relianceOn(v, r, 'europe')).toBe(1);
    expect(relianceOn(ukraineView(false), relianceTable(ukraineView(false)), 'russia')).toBe(1);
  });

  it('blames its own envoy, not the host, for a meeting its envoy misreported', () => {
    const meeting: ViewMessage = { ...carrier(offer({ id: 1, by: 'russia', round: 1, terms: [2, 0, 0], channel: 'envoy', envoy: 'umerov', to: ['ukraine'], exposed: true })) };
    const v = view({ round: 2, messages: [meeting] });
    expect(relianceOn(v, relianceTable(v), 'russia')).toBe(1);
  });

  it('accepts a modest improvement from a party it has no reason to doubt', () => {
    for (const seed of SEEDS) expect(decide(ukraineView(false), s, new Rng(seed)).command).toEqual({ type: 'accept', by: 'ukraine', proposal: 2 });
  });

  it('checks the same improvement first when that party was caught distorting before', () => {
    for (const seed of SEEDS) {
      const d = decide(ukraineView(true), s, new Rng(seed));
      expect(d.command).toEqual({ type: 'clarify', by: 'ukraine', message: 2 });
      expect(d.reason).toBe('asked Russia to confirm #2: it sounds far better than anything it offered before');
    }
  });

  it('learns less from the offers of a party caught distorting: a flatter, less certain model', () => {
    const t = tablesFor(ukrainePrefs);
    const offers = [offer({ id: 3, by: 'russia', round: 3, terms: [2, 2, 1] }), offer({ id: 4, by: 'russia', round: 4, terms: [2, 2, 1] })];
    const lie: ViewMessage = { ...carrier(offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 2], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'] })), exposed: true };
    const plain = learnOpponents(view({ round: 5, proposals: offers }), t, ['russia']);
    const wary = learnOpponents(view({ round: 5, proposals: offers, messages: [lie] }), t, ['russia']);
    // What it asked for stands out less from what it never asked for.
    const gap = (model: typeof plain) => believedUtility(model, t, 0, [2, 2, 1]) - believedUtility(model, t, 0, [0, 0, 0]);
    expect(gap(wary)).toBeLessThan(gap(plain));
    expect(gap(wary)).toBeGreaterThan(0);
  });
});
