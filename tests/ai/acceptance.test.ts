import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAcceptable, judge } from '../../src/ai/acceptance.js';
import { decide } from '../../src/ai/decide.js';
import { tablesFor } from '../../src/ai/tables.js';
import { crossesRedLine, utility } from '../../src/model/game.js';
import { Rng } from '../../src/model/rng.js';
import { commitment, CRIMEA, DONETSK, offer, strategy, ukrainePrefs, view } from './fixtures.js';

const t = tablesFor(ukrainePrefs);

describe('acceptance', () => {
  it('accepts at or above the target and not below it', () => {
    const v = view();
    expect(judge(v, t, [1, 0, 0], 0.7, 0.7)).toMatchObject({ ok: true, rule: 'target' }); // 0.75
    expect(judge(v, t, [1, 1, 1], 0.7, 0.7)).toMatchObject({ ok: false, why: 'target' }); // 0.58
  });

  it('AC_next: accepts what beats the next offer it would make', () => {
    const v = view();
    expect(judge(v, t, [1, 1, 1], 0.7, 0.55)).toMatchObject({ ok: true, rule: 'next' });
  });

  it('never accepts a red line, whatever it is worth', () => {
    const v = view();
    const verdict = judge(v, t, [0, 0, 2], 0.1, 0.1); // worth 0.7
    expect(verdict).toMatchObject({ ok: false, why: 'red-line', issue: CRIMEA });
  });

  it('never accepts below the BATNA', () => {
    const v = view({ batna: 0.7 });
    expect(judge(v, t, [1, 1, 0], 0.2, 0.2)).toMatchObject({ ok: false, why: 'batna' }); // 0.67
  });

  it('never accepts against its own public commitment', () => {
    const v = view({ parties: { ukraine: { commitments: [commitment(DONETSK, 0)] } } });
    expect(judge(v, t, [1, 0, 0], 0.2, 0.2)).toMatchObject({ ok: false, why: 'commitment', issue: DONETSK });
  });

  it('picks the best open offer addressed to it', () => {
    const v = view({
      proposals: [
        offer({ id: 1, by: 'russia', terms: [1, 0, 0] }), // 0.75
        offer({ id: 2, by: 'europe', terms: [0, 1, 0] }), // 0.92
        offer({ id: 3, by: 'europe', terms: [0, 0, 0], to: ['russia'] }), // not to us
        offer({ id: 4, by: 'russia', terms: [0, 0, 0], status: 'expired' }),
        offer({ id: 5, by: 'russia', terms: [0, 0, 0], rejected: ['ukraine'] }), // already answered
      ],
    });
    expect(bestAcceptable(v, t, 0.7, 0.7)?.proposal.id).toBe(2);
  });

  it('decide accepts a good offer with a reason that says why', () => {
    const v = view({ proposals: [offer({ id: 1, by: 'russia', terms: [0, 0, 0] })] });
    const d = decide(v, strategy({ aspiration: 0.9 }), new Rng(1));
    expect(d.command).toEqual({ type: 'accept', by: 'ukraine', proposal: 1 });
    expect(d.reason).toBe('accepted #1: it gives us what we came for');
  });

  it('decide does not accept an offer below its target early on', () => {
    const v = view({ proposals: [offer({ id: 1, by: 'russia', terms: [1, 1, 1] })] });
    const d = decide(v, strategy({ aspiration: 0.9, floor: 0.5 }), new Rng(1));
    expect(d.command.type).not.toBe('accept');
  });

  it('never accepts a red line or below the BATNA (property)', () => {
    const termsArb = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }));
    fc.assert(
      fc.property(
        fc.array(termsArb, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom('boulware', 'linear', 'conceder', 'tit-for-tat', 'hardline' as const),
        fc.integer(),
        (offers, batna, aspiration, round, policy, seed) => {
          const proposals = offers.map((terms, k) => offer({ id: k + 1, by: k % 2 ? 'europe' : 'russia', terms, round }));
          const v = view({ batna, round, proposals });
          const d = decide(v, strategy({ policy, aspiration, floor: 0 }), new Rng(seed));
          if (d.command.type === 'accept') {
            const id = d.command.proposal;
            const p = proposals.find((x) => x.id === id)!;
            expect(crossesRedLine(ukrainePrefs, p.terms)).toBe(false);
            expect(utility(ukrainePrefs, p.terms)).toBeGreaterThanOrEqual(batna - 1e-9);
          }
        },
      ),
    );
  });
});
