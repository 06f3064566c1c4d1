// The bid: among packages at our target, the best expected surplus on what we believe of the others — which trades
// the issues we weigh less for those they weigh more, and steers around the red lines they named.
import { describe, expect, it } from 'vitest';
import { learnBeliefs } from '../../src/ai/beliefs.js';
import { bid } from '../../src/ai/bidding.js';
import { decide } from '../../src/ai/decide.js';
import { allowedOptions, crossesRed, ownUtility, tablesFor } from '../../src/ai/tables.js';
import { Rng } from '../../src/model/rng.js';
import { commitment, DONETSK, game, offer, prefs, SANCTIONS, strategy, ukrainePrefs, view } from './fixtures.js';

// A two-signatory table so that only Russia's reaction counts.
const bilateral = { ...game, signatories: ['ukraine', 'russia'] };
// We care about Donetsk a lot and Sanctions little.
const ours = prefs(
  [0.6, 0.3, 0.1],
  [
    [1, 0.5, 0],
    [1, 0.5, 0],
    [1, 0.5, 0],
  ],
  { reservation: 0.3 },
);
// Russia asks for Sanctions lifted every time and keeps changing its mind on Donetsk, and turned our offer down
// because of Sanctions.
const russiaOffers = [
  offer({ id: 1, by: 'ukraine', round: 1, terms: [0, 0, 0], rejected: ['russia'], reasons: { russia: { issue: SANCTIONS, why: 'target', wants: 2 } } }),
  offer({ id: 2, by: 'russia', round: 1, terms: [2, 2, 0], status: 'superseded' }),
  offer({ id: 3, by: 'russia', round: 2, terms: [1, 2, 1], replyTo: 1 }),
];

const allowed = (p: typeof ours, commitments = [] as ReturnType<typeof commitment>[]) => {
  const t = tablesFor(p);
  return allowedOptions(t, commitments, new Uint8Array(t.offset[t.issues]!));
};

describe('bidding', () => {
  it('logrolls: keeps what we weigh most, gives what they press for', () => {
    const t = tablesFor(ours);
    const b = learnBeliefs(view({ game: bilateral, preferences: ours, round: 3, proposals: russiaOffers }), t, ['russia']);
    const found = bid(t, allowed(ours), b, 0.6, 0.3, [t.idealTerms]);
    expect(found.meetsTarget).toBe(true);
    expect(found.terms[DONETSK]).toBe(0);
    expect(found.terms[SANCTIONS]).toBe(2);
    expect(found.utility).toBeGreaterThanOrEqual(0.6);
  });

  it('never bids across our own red line or a binding commitment, even when nothing else reaches the target', () => {
    const t = tablesFor(ukrainePrefs);
    const b = learnBeliefs(view(), t, ['russia']);
    const bound = allowed(ukrainePrefs, [commitment(SANCTIONS, 1)]);
    for (const target of [0.3, 0.6, 0.99]) {
      const found = bid(t, bound, b, target, 0.4, [t.idealTerms, [2, 2, 2]]);
      expect(crossesRed(t, found.terms)).toBe(false);
      expect(found.terms[SANCTIONS]).not.toBe(2);
      if (!found.meetsTarget) expect(found.utility).toBeCloseTo(ownUtility(t, t.idealTerms));
    }
  });

  it('steers around a red line the other side named', () => {
    const t = tablesFor(ours);
    const named = offer({ id: 1, by: 'ukraine', round: 1, terms: [0, 0, 0], rejected: ['russia'], reasons: { russia: { issue: DONETSK, why: 'red-line' } } });
    const b = learnBeliefs(view({ game: bilateral, preferences: ours, round: 2, proposals: [named] }), t, ['russia']);
    const found = bid(t, allowed(ours), b, 0.5, 0.3, [t.idealTerms]);
    expect(found.terms[DONETSK]).not.toBe(0);
  });

  it('decide counters with the trade, says so, and says why the offer it answers falls short', () => {
    const v = view({ game: bilateral, preferences: ours, round: 3, proposals: [...russiaOffers] });
    const d = decide(v, strategy({ policy: 'linear', aspiration: 0.7, floor: 0.6 }), new Rng(3));
    expect(d.command.type).toBe('propose');
    if (d.command.type !== 'propose') return;
    expect(d.command.terms[DONETSK]).toBe(0);
    expect(d.command.replyTo).toBe(3);
    expect(d.command.reason).toMatchObject({ issue: DONETSK });
    expect(d.reason).toMatch(/^countered #3/);
  });
});
