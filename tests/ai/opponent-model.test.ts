import { describe, expect, it } from 'vitest';
import { estimatedUtility, estimatedWeights, learnOpponents, VETO } from '../../src/ai/opponent-model.js';
import { tablesFor } from '../../src/ai/tables.js';
import { account, carrier, commitment, CRIMEA, DONETSK, offer, SANCTIONS, ukrainePrefs, view } from './fixtures.js';

const t = tablesFor(ukrainePrefs);

// Russia moves on Donetsk every round and never on Sanctions.
const russiaOffers = [
  offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 2] }),
  offer({ id: 2, by: 'russia', round: 2, terms: [1, 2, 2] }),
  offer({ id: 3, by: 'russia', round: 3, terms: [0, 2, 1] }),
  offer({ id: 4, by: 'russia', round: 4, terms: [1, 2, 1] }),
];

describe('opponent model', () => {
  it('weighs the issues a party never moves on more', () => {
    const model = learnOpponents(view({ round: 5, proposals: russiaOffers }), t, ['russia']);
    const [donetsk, sanctions, crimea] = estimatedWeights(model, t, 0);
    expect(sanctions).toBeGreaterThan(crimea!);
    expect(crimea).toBeGreaterThan(donetsk!);
    expect(donetsk! + sanctions! + crimea!).toBeCloseTo(1);
  });

  it('values the options a party keeps offering', () => {
    const model = learnOpponents(view({ round: 5, proposals: russiaOffers }), t, ['russia']);
    const total = t.offset[t.issues]!;
    const value = (issue: number, option: number) => model.values[total * 0 + t.offset[issue]! + option]!;
    expect(value(SANCTIONS, 2)).toBe(1);
    expect(value(SANCTIONS, 2)).toBeGreaterThan(value(SANCTIONS, 0));
    expect(value(DONETSK, 1)).toBeGreaterThan(value(DONETSK, 0)); // offered twice vs once
    expect(value(CRIMEA, 2)).toBeCloseTo(value(CRIMEA, 1)); // twice each
  });

  it('estimates that a party prefers its own offers to ours', () => {
    const model = learnOpponents(view({ round: 5, proposals: russiaOffers }), t, ['russia']);
    expect(estimatedUtility(model, t, 0, [2, 2, 2])).toBeGreaterThan(estimatedUtility(model, t, 0, [0, 0, 0]));
  });

  it('treats options a well-observed party never offered as suspected vetoes', () => {
    const model = learnOpponents(view({ round: 5, proposals: russiaOffers }), t, ['russia']);
    // Sanctions "kept" was never offered by Russia: a package with it scores at least VETO less.
    const withVeto = estimatedUtility(model, t, 0, [1, 0, 1]);
    const without = estimatedUtility(model, t, 0, [1, 2, 1]);
    expect(without - withVeto).toBeGreaterThanOrEqual(VETO);
  });

  it('counts packages a party accepted as evidence of what it likes', () => {
    const mine = offer({ id: 1, by: 'ukraine', terms: [1, 1, 0], accepted: ['ukraine', 'europe'] });
    const model = learnOpponents(view({ round: 2, proposals: [mine] }), t, ['europe']);
    expect(model.informed[0]).toBe(1);
    const total = t.offset[t.issues]!;
    expect(total).toBeGreaterThan(0);
    expect(model.values[t.offset[SANCTIONS]! + 1]).toBe(1);
    expect(model.values[t.offset[SANCTIONS]! + 0]).toBeLessThan(1);
  });

  it('with nothing heard, assumes the other side wants the opposite of what we want', () => {
    const model = learnOpponents(view(), t, ['russia', 'europe']);
    expect(model.informed[0]).toBe(0);
    expect(estimatedUtility(model, t, 0, [2, 2, 1])).toBeGreaterThan(estimatedUtility(model, t, 0, [0, 0, 0]));
  });

  it('a public commitment marks the issue as important to that party', () => {
    const v = view({ parties: { russia: { commitments: [commitment(CRIMEA, 2)] } } });
    const model = learnOpponents(v, t, ['russia']);
    const [donetsk, , crimea] = estimatedWeights(model, t, 0);
    expect(model.informed[0]).toBe(1);
    expect(crimea).toBeGreaterThan(donetsk!);
  });

  it('only remembers the last offers', () => {
    const many = Array.from({ length: 12 }, (_, k) => offer({ id: k + 1, by: 'russia', round: k + 1, terms: [2, 2, 2] }));
    const model = learnOpponents(view({ round: 13, proposals: many }), t, ['russia'], 5);
    expect(model.offers[0]).toBe(5);
  });
});

describe('opponent model: accounts of talks we were not at', () => {
  const value = (model: ReturnType<typeof learnOpponents>, issue: number, option: number) => model.values[t.offset[issue]! + option]!;
  const told = [2, 2, 1];

  it('learns from a leak, which speaks with the speaker’s words', () => {
    const leak = account({ id: 4, from: 'russia', about: 1, terms: told, channel: 'leak', to: ['ukraine', 'europe'] });
    const model = learnOpponents(view({ round: 2, messages: [leak] }), t, ['russia']);
    expect(model.informed[0]).toBe(1);
    expect(value(model, DONETSK, 2)).toBe(1);
    expect(value(model, DONETSK, 2)).toBeGreaterThan(value(model, DONETSK, 0));
    expect(model.offers[0]).toBe(0); // an account is not an offer: no weights, no veto evidence
  });

  it('counts an account for less than an offer heard first-hand, and less the lower its confidence', () => {
    const relay = (confidence: number) => account({ id: 4, from: 'europe', about: 1, terms: told, to: ['ukraine'], speaker: 'russia', confidence });
    const byRelay = learnOpponents(view({ round: 2, messages: [relay(0.5)] }), t, ['russia']);
    const byVague = learnOpponents(view({ round: 2, messages: [relay(0.2)] }), t, ['russia']);
    const byOffer = learnOpponents(view({ round: 2, proposals: [offer({ id: 1, by: 'russia', terms: told })] }), t, ['russia']);
    // The option it was not said to want keeps more of the benefit of the doubt.
    expect(value(byRelay, DONETSK, 0)).toBeGreaterThan(value(byOffer, DONETSK, 0));
    expect(value(byVague, DONETSK, 0)).toBeGreaterThan(value(byRelay, DONETSK, 0));
  });

  it('ignores exposed accounts, accounts whose speaker it cannot tell, and accounts of talks it was at', () => {
    const exposed = account({ id: 4, from: 'europe', about: 1, terms: told, to: ['ukraine'], speaker: 'russia', exposed: true, confidence: 0 });
    expect(learnOpponents(view({ round: 2, messages: [exposed] }), t, ['russia']).informed[0]).toBe(0);
    const anonymous = account({ id: 4, from: 'europe', about: 1, terms: told, to: ['ukraine'] });
    expect(learnOpponents(view({ round: 2, messages: [anonymous] }), t, ['russia']).informed[0]).toBe(0);
    // Ukraine was at talks #1 (Russia's offer [0, 2, 2]); Europe's account of them does not override what it heard.
    const own = offer({ id: 1, by: 'russia', terms: [0, 2, 2] });
    const other = account({ id: 4, from: 'europe', about: 1, terms: told, to: ['ukraine'], speaker: 'russia' });
    const model = learnOpponents(view({ round: 2, proposals: [own], messages: [carrier(own), other] }), t, ['russia']);
    expect(value(model, DONETSK, 0)).toBe(1);
    expect(value(model, DONETSK, 2)).toBeLessThan(1);
  });

  it('discounts what a party caught distorting passes on', () => {
    const relay = account({ id: 4, from: 'europe', about: 1, terms: told, to: ['ukraine'], speaker: 'russia' });
    const lie = { ...carrier(offer({ id: 2, by: 'europe', terms: [0, 0, 0], to: ['ukraine'] })), channel: 'relay' as const, exposed: true };
    const trusted = learnOpponents(view({ round: 2, messages: [relay] }), t, ['russia']);
    const wary = learnOpponents(view({ round: 2, messages: [lie, relay] }), t, ['russia']);
    expect(value(wary, DONETSK, 0)).toBeGreaterThan(value(trusted, DONETSK, 0));
  });
});
