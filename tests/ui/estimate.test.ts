// The builder's estimate: what the player's side can know, and why. Built on hand-made views (tests/ai/fixtures)
// so each case states exactly what the player has seen.
import { describe, expect, it } from 'vitest';
import { reactions } from '../../src/ui/estimate.js';
import { commitment, CRIMEA, DONETSK, offer, SANCTIONS, view } from '../ai/fixtures.js';

const of = (party: string, rs: ReturnType<typeof reactions>) => rs.find((r) => r.party === party)!;

describe("the builder's estimate", () => {
  it('is a guess, said as one, before a party has made any offer', () => {
    const r = of('russia', reactions(view(), [0, 0, 0]));
    expect(r.informed).toBe(false);
    expect(r.why).toBe('a guess: nothing heard from it yet');
  });

  it('says "no" when the package breaks a public commitment, naming the issue', () => {
    const v = view({ parties: { russia: { commitments: [commitment(DONETSK, 2)] } }, proposals: [offer({ id: 1, by: 'russia', terms: [2, 2, 2] })] });
    const r = of('russia', reactions(v, [0, 2, 2]));
    expect(r.leaning).toBe('no');
    expect(r.why).toBe('breaks its public line on Donetsk');
  });

  it('says "no" across a red line named in a rejection, and names it', () => {
    const v = view({
      round: 2,
      proposals: [
        offer({ id: 1, by: 'russia', terms: [2, 2, 2] }),
        offer({ id: 2, by: 'ukraine', round: 2, terms: [0, 1, 0], rejected: ['russia'], reasons: { russia: { issue: DONETSK, why: 'red-line' } } }),
      ],
    });
    const r = of('russia', reactions(v, [0, 2, 2]));
    expect(r).toMatchObject({ leaning: 'no', why: 'crosses a red line it named: Donetsk' });
  });

  it('names where a package falls short of the latest ask, and giving a party its ask never makes it less likely', () => {
    const v = view({ round: 3, proposals: [offer({ id: 1, by: 'europe', round: 2, terms: [0, 0, 0] }), offer({ id: 2, by: 'russia', round: 3, terms: [2, 2, 2] })] });
    const short = of('europe', reactions(v, [1, 2, 1]));
    expect(short.why).toMatch(/^short of its ask on (Sanctions|Crimea recognition|Donetsk)/);
    // The play-tester's complaint: giving Europe its own ask on sanctions turned "maybe" into "unlikely".
    for (const terms of [
      [1, 2, 1],
      [2, 2, 2],
      [1, 1, 1],
      [2, 1, 0],
    ]) {
      const before = of('europe', reactions(v, terms)).chance;
      const given = [...terms];
      given[SANCTIONS] = 0;
      expect(of('europe', reactions(v, given)).chance, terms.join()).toBeGreaterThanOrEqual(before);
      given[CRIMEA] = 0;
      expect(of('europe', reactions(v, given)).chance, terms.join()).toBeGreaterThanOrEqual(before);
    }
    expect(of('europe', reactions(v, [0, 0, 0])).why).toBe('gives it all it last asked for');
  });

  it('remembers what a party accepted', () => {
    const v = view({
      round: 4,
      proposals: [offer({ id: 1, by: 'europe', round: 2, terms: [0, 0, 0] }), offer({ id: 2, by: 'ukraine', round: 3, terms: [1, 1, 0], accepted: ['ukraine', 'europe'] })],
    });
    expect(of('europe', reactions(v, [1, 1, 0])).why).toBe('accepted these terms in round 3');
    expect(of('europe', reactions(v, [0, 1, 0])).why).toBe('accepted less in round 3 (#2)');
  });
});
