// The opponent model: a neutral prior, then every signal in the view read as "it prefers this to that" and fitted;
// red lines named in reasons (and public commitments) rule options out; bluffs are caught; thresholds follow
// what a party asks, accepts and rejects.
import { describe, expect, it } from 'vitest';
import { acceptance, believedUtility, learnBeliefs, ruledOut } from '../../src/ai/beliefs.js';
import { tablesFor } from '../../src/ai/tables.js';
import { account, commitment, CRIMEA, DONETSK, offer, SANCTIONS, ukrainePrefs, view } from './fixtures.js';

const t = tablesFor(ukrainePrefs);
const value = (b: ReturnType<typeof learnBeliefs>, j: number, issue: number, option: number) => b.values[j * t.offset[t.issues]! + t.offset[issue]! + option]!;

describe('beliefs', () => {
  it('start neutral: a party that showed nothing values every option the same, on every issue', () => {
    const b = learnBeliefs(view(), t, ['russia']);
    expect(b.informed[0]).toBe(0);
    expect(believedUtility(b, t, 0, [0, 0, 0])).toBeCloseTo(believedUtility(b, t, 0, [2, 2, 2]));
  });

  it('read an opening offer as the party’s ideal, issue by issue', () => {
    const b = learnBeliefs(view({ round: 2, proposals: [offer({ id: 1, by: 'russia', terms: [2, 2, 1] })] }), t, ['russia']);
    expect(b.informed[0]).toBe(1);
    for (const [issue, ideal] of [
      [DONETSK, 2],
      [SANCTIONS, 2],
      [CRIMEA, 1],
    ] as const) {
      for (let o = 0; o < 3; o++) if (o !== ideal) expect(value(b, 0, issue, ideal)).toBeGreaterThan(value(b, 0, issue, o));
    }
    expect(believedUtility(b, t, 0, [2, 2, 1])).toBeCloseTo(1);
  });

  it('learn a red line from one rejection that names it, and rule the option out', () => {
    const mine = offer({ id: 1, by: 'ukraine', terms: [1, 0, 0], rejected: ['russia'], reasons: { russia: { issue: SANCTIONS, why: 'red-line' } } });
    const b = learnBeliefs(view({ round: 2, proposals: [mine] }), t, ['russia']);
    expect(ruledOut(b, t, 0, [1, 0, 0])).toBe(SANCTIONS);
    expect(acceptance(b, t, 0, [0, 0, 0])).toBe(0);
    expect(ruledOut(b, t, 0, [1, 1, 0])).toBe(-1);
  });

  it('forget a red line the party itself later put its name to, and stop believing its claims', () => {
    const mine = offer({ id: 1, by: 'ukraine', round: 1, terms: [1, 0, 0], rejected: ['russia'], reasons: { russia: { issue: SANCTIONS, why: 'red-line' } } });
    const theirs = offer({ id: 2, by: 'russia', round: 2, terms: [2, 0, 1] });
    const b = learnBeliefs(view({ round: 3, proposals: [mine, theirs] }), t, ['russia']);
    expect(ruledOut(b, t, 0, [1, 0, 0])).toBe(-1);
    expect(b.bluffed[0]).toBe(1);
  });

  it('read what a rejection asks for as worth more to the party than what it was offered', () => {
    const mine = offer({ id: 1, by: 'ukraine', round: 1, terms: [0, 0, 0], rejected: ['russia'], reasons: { russia: { issue: DONETSK, why: 'target', wants: 1 } } });
    const b = learnBeliefs(view({ round: 2, proposals: [mine] }), t, ['russia']);
    expect(value(b, 0, DONETSK, 1)).toBeGreaterThan(value(b, 0, DONETSK, 0));
  });

  it('read a counter-offer: each option it changed is worth more to it than the one it replaced', () => {
    const mine = offer({ id: 1, by: 'ukraine', round: 1, terms: [0, 0, 0] });
    const theirs = offer({ id: 2, by: 'russia', round: 1, terms: [0, 2, 0], replyTo: 1 });
    const b = learnBeliefs(view({ round: 2, proposals: [mine, theirs] }), t, ['russia']);
    expect(value(b, 0, SANCTIONS, 2)).toBeGreaterThan(value(b, 0, SANCTIONS, 0));
  });

  it('take a public commitment as ruling out what the party values less', () => {
    const opening = offer({ id: 1, by: 'russia', terms: [2, 2, 2] });
    const b = learnBeliefs(view({ round: 2, proposals: [opening], parties: { russia: { commitments: [commitment(SANCTIONS, 1)] } } }), t, ['russia']);
    expect(ruledOut(b, t, 0, [2, 0, 2])).toBe(SANCTIONS);
    expect(ruledOut(b, t, 0, [2, 1, 2])).toBe(-1);
  });

  it('put a party’s threshold no higher than the least it accepted lately', () => {
    const opening = offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 2] });
    const accepted = offer({ id: 2, by: 'ukraine', round: 3, terms: [1, 1, 1], accepted: ['ukraine', 'russia'] });
    const b = learnBeliefs(view({ round: 3, proposals: [opening, accepted] }), t, ['russia']);
    expect(b.threshold[0]).toBeLessThanOrEqual(believedUtility(b, t, 0, [1, 1, 1]) + 1e-9);
    expect(acceptance(b, t, 0, [1, 1, 1])).toBeGreaterThanOrEqual(0.5);
  });

  it('count an account of a party’s offer in talks we were not at, and not an exposed one', () => {
    const told = account({ id: 5, from: 'europe', about: 3, terms: [2, 2, 1], speaker: 'russia' });
    expect(learnBeliefs(view({ round: 2, messages: [told] }), t, ['russia']).informed[0]).toBe(1);
    expect(learnBeliefs(view({ round: 2, messages: [{ ...told, exposed: true }] }), t, ['russia']).informed[0]).toBe(0);
  });
});
