// Acceptance (AC_combi for a table with a deadline): target, next, closing and deadline rules; never a red line,
// a binding commitment or below the floor.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAcceptable, bindingCommitments, judge, reasonFor } from '../../src/ai/acceptance.js';
import { targetsFor } from '../../src/ai/aspiration.js';
import { decide } from '../../src/ai/decide.js';
import { tablesFor } from '../../src/ai/tables.js';
import { crossesRedLine, utility } from '../../src/model/game.js';
import { Rng } from '../../src/model/rng.js';
import { commitment, CRIMEA, DONETSK, offer, SANCTIONS, strategy, targets, ukrainePrefs, view } from './fixtures.js';

const t = tablesFor(ukrainePrefs);
// Our utilities: [1,0,0] = 0.75, [1,1,1] = 0.58, [0,1,0] = 0.92, [1,1,0] = 0.67, [0,0,2] = 0.7 (a red line).

describe('acceptance', () => {
  it('accepts at or above the target and not below it', () => {
    const v = view();
    expect(judge(v, t, [1, 0, 0], targets({ now: 0.7 }))).toMatchObject({ ok: true, rule: 'target' });
    expect(judge(v, t, [1, 1, 1], targets({ now: 0.7 }))).toMatchObject({ ok: false, why: 'target' });
  });

  it('AC_next: accepts what is worth at least what it would ask next round', () => {
    expect(judge(view(), t, [1, 1, 1], targets({ now: 0.7, next: 0.55 }))).toMatchObject({ ok: true, rule: 'next' });
  });

  it('AC_closing: when everyone else has accepted, halfway between floor and target will do (the floor, late on)', () => {
    const early = view({ round: 2 });
    expect(judge(early, t, [1, 1, 1], targets({ now: 0.7, floor: 0.4 }), true)).toMatchObject({ ok: true, rule: 'closing' }); // 0.58 ≥ 0.55
    expect(judge(early, t, [1, 1, 2], targets({ now: 0.7, floor: 0.4 }), true)).toMatchObject({ ok: false, why: 'red-line' });
    expect(judge(early, t, [2, 1, 1], targets({ now: 0.8, floor: 0.3 }), true)).toMatchObject({ ok: false, why: 'target' }); // 0.33 < 0.55
    const late = view({ round: 9 });
    expect(judge(late, t, [2, 1, 1], targets({ now: 0.8, floor: 0.3 }), true)).toMatchObject({ ok: true, rule: 'closing' });
  });

  it('AC_time: in the last two rounds anything above the floor beats the war going on', () => {
    expect(judge(view({ round: 9 }), t, [1, 1, 1], targets({ now: 0.7, floor: 0.5 }))).toMatchObject({ ok: false, why: 'target' });
    expect(judge(view({ round: 10 }), t, [1, 1, 1], targets({ now: 0.7, floor: 0.5 }))).toMatchObject({ ok: true, rule: 'deadline' });
    expect(judge(view({ round: 11 }), t, [1, 1, 1], targets({ now: 0.7, floor: 0.6 }))).toMatchObject({ ok: false });
  });

  it('never accepts a red line, whatever it is worth', () => {
    expect(judge(view({ round: 11 }), t, [0, 0, 2], targets({ now: 0.1, floor: 0 }))).toMatchObject({ ok: false, why: 'red-line', issue: CRIMEA });
  });

  it('never goes below its floor, and says "worse than no deal" below its walk-away point', () => {
    expect(judge(view(), t, [1, 1, 0], targets({ now: 0.2, floor: 0.7, reserve: 0.7 }))).toMatchObject({ ok: false, why: 'batna' });
    expect(judge(view(), t, [1, 1, 0], targets({ now: 0.2, floor: 0.7, reserve: 0.5 }))).toMatchObject({ ok: false, why: 'target' });
  });

  it('a commitment binds while the posture that made it lasts; one from an earlier posture no longer does', () => {
    const bound = view({ parties: { ukraine: { commitments: [commitment(DONETSK, 0, { round: 3 })], postureSince: 2 } } });
    expect(judge(bound, t, [1, 0, 0], targets({ now: 0.2, floor: 0 }))).toMatchObject({ ok: false, why: 'commitment', issue: DONETSK });
    const lapsed = view({ parties: { ukraine: { commitments: [commitment(DONETSK, 0, { round: 3 })], postureSince: 5 } } });
    expect(bindingCommitments(lapsed)).toEqual([]);
    expect(judge(lapsed, t, [1, 0, 0], targets({ now: 0.2, floor: 0 }))).toMatchObject({ ok: true });
  });

  it('takes the offer likeliest to become the deal for what it gives us, not merely the best for us', () => {
    const v = view({
      proposals: [
        offer({ id: 1, by: 'russia', terms: [1, 0, 0] }), // 0.75
        offer({ id: 2, by: 'europe', terms: [0, 1, 0] }), // 0.92
        offer({ id: 3, by: 'europe', terms: [0, 0, 0], to: ['russia'] }), // not to us
        offer({ id: 4, by: 'russia', terms: [0, 0, 0], status: 'expired' }),
        offer({ id: 5, by: 'russia', terms: [0, 0, 0], rejected: ['ukraine'] }), // already answered
      ],
    });
    expect(bestAcceptable(v, t, targets({ now: 0.7 }))?.proposal.id).toBe(2);
    // Russia will not take #2 (we believe), and Europe will take #1: #1 is the one worth accepting.
    expect(bestAcceptable(v, t, targets({ now: 0.7 }), undefined, (p) => (p.id === 1 ? 0.9 : 0.1))?.proposal.id).toBe(1);
  });

  it('takes the one acceptable offer without weighing chances: the opponent model is fitted only to rank two', () => {
    const v = view({ proposals: [offer({ id: 1, by: 'russia', terms: [1, 0, 0] }), offer({ id: 2, by: 'europe', terms: [1, 1, 1] })] });
    const asked: number[] = [];
    const chance = (p: { id: number }) => (asked.push(p.id), 0.5);
    expect(bestAcceptable(v, t, targets({ now: 0.7 }), undefined, chance)?.proposal.id).toBe(1); // #2 (0.58) falls short
    expect(asked).toEqual([]);
  });

  it('says what it asks for when it turns a package down: the least that would do on the issue it names', () => {
    const v = view();
    const tight = targets({ now: 0.7, next: 0.7, floor: 0.6 });
    const verdict = judge(v, t, [1, 2, 0], tight); // 0.45 for us
    expect(verdict).toMatchObject({ ok: false, issue: DONETSK });
    if (verdict.ok) return;
    // Donetsk "Stays Ukrainian" makes it 0.7: enough.
    expect(reasonFor(v, t, [1, 2, 0], tight, verdict)).toEqual({ issue: DONETSK, why: 'target', wants: 0 });
    const red = judge(v, t, [0, 0, 2], tight);
    if (!red.ok) expect(reasonFor(v, t, [0, 0, 2], tight, red)).toEqual({ issue: CRIMEA, why: 'red-line' });
    void SANCTIONS;
  });

  it('decide accepts a good offer with a reason that says why', () => {
    const v = view({ proposals: [offer({ id: 1, by: 'russia', terms: [0, 0, 0] })] });
    const d = decide(v, strategy({ aspiration: 0.9 }), new Rng(1));
    expect(d.command).toEqual({ type: 'accept', by: 'ukraine', proposal: 1 });
    expect(d.reason).toBe('accepted #1: it gives us what we came for');
  });

  it('in the last rounds takes an offer it turned down that is still open, and not before them', () => {
    const turnedDown = (round: number) =>
      view({ round, proposals: [offer({ id: 1, round: round - 1, by: 'russia', terms: [1, 1, 1], accepted: ['russia', 'europe'], rejected: ['ukraine'] })] });
    const late = decide(turnedDown(10), strategy({ aspiration: 0.9, floor: 0.5 }), new Rng(1));
    expect(late.command).toEqual({ type: 'accept', by: 'ukraine', proposal: 1 });
    expect(late.reason).toMatch(/^accepted #1 after all: /);
    const early = decide(turnedDown(5), strategy({ aspiration: 0.9, floor: 0.5 }), new Rng(1));
    expect(early.command.type).not.toBe('accept');
  });

  it('decide does not accept an offer below its target early on', () => {
    const v = view({ proposals: [offer({ id: 1, by: 'russia', terms: [1, 1, 1] })] });
    const d = decide(v, strategy({ aspiration: 0.9, floor: 0.5 }), new Rng(1));
    expect(d.command.type).not.toBe('accept');
  });

  it('never accepts a red line, nor below its floor unless the deadline rule or pressure says so (property)', () => {
    const termsArb = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }));
    fc.assert(
      fc.property(
        fc.array(termsArb, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom('boulware', 'linear', 'conceder', 'tit-for-tat', 'hardline' as const),
        fc.integer({ min: 0, max: 100 }),
        fc.integer(),
        (offers, batna, aspiration, round, policy, pressure, seed) => {
          const proposals = offers.map((terms, k) => offer({ id: k + 1, by: k % 2 ? 'europe' : 'russia', terms, round }));
          const v = view({ batna, round, proposals, parties: { ukraine: { pressure } } });
          const s = strategy({ policy, aspiration, floor: 0 });
          const d = decide(v, s, new Rng(seed));
          if (d.command.type !== 'accept') return;
          const id = d.command.proposal;
          const p = proposals.find((x) => x.id === id)!;
          expect(crossesRedLine(ukrainePrefs, p.terms)).toBe(false);
          const u = utility(ukrainePrefs, p.terms);
          // Never below the BATNA; below the reservation value only under pressure or in the last round.
          expect(u).toBeGreaterThanOrEqual(batna - 1e-9);
          if (u < ukrainePrefs.reservation - 1e-9) expect(pressure > 70 || round === 11).toBe(true);
          expect(u).toBeGreaterThanOrEqual(targetsFor(v, s, tablesFor(ukrainePrefs)).reserve - 1e-9);
        },
      ),
    );
  });
});
