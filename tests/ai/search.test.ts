import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { learnOpponents } from '../../src/ai/opponent-model.js';
import { searchPackage } from '../../src/ai/search.js';
import { allowedOptions, crossesRed, brokenCommitment, ownUtility, tablesFor } from '../../src/ai/tables.js';
import { Rng } from '../../src/model/rng.js';
import { commitment, CRIMEA, DONETSK, game, offer, prefs, SANCTIONS, strategy, ukrainePrefs, view } from './fixtures.js';

// A two-signatory table so that only Russia's reaction counts.
const bilateral = { ...game, signatories: ['ukraine', 'russia'] };
// We care about Donetsk and Sanctions equally, about Crimea a little.
const even = prefs(
  [0.45, 0.45, 0.1],
  [
    [1, 0.5, 0],
    [1, 0.5, 0],
    [1, 0.5, 0],
  ],
  { reservation: 0.3 },
);
// Russia moves on Donetsk (and Crimea) round after round and never on Sanctions.
const russiaOffers = [
  offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 0], status: 'superseded' }),
  offer({ id: 2, by: 'russia', round: 2, terms: [0, 2, 1], status: 'superseded' }),
  offer({ id: 3, by: 'russia', round: 3, terms: [1, 2, 2] }),
];

function allowedFor(p: typeof even, commitments = [] as ReturnType<typeof commitment>[]) {
  const t = tablesFor(p);
  return allowedOptions(t, commitments, new Uint8Array(t.offset[t.issues]!));
}

describe('package search', () => {
  it('logrolls: keeps the issue they give on, gives the one they hold', () => {
    const t = tablesFor(even);
    const v = view({ game: bilateral, preferences: even, round: 4, proposals: russiaOffers });
    const model = learnOpponents(v, t, ['russia']);
    const found = searchPackage(t, allowedFor(even), model, 0.5, [t.idealTerms]);
    expect(found.meetsTarget).toBe(true);
    expect(found.terms[DONETSK]).toBe(0); // ours
    expect(found.terms[SANCTIONS]).toBe(2); // theirs
    expect(found.utility).toBeGreaterThanOrEqual(0.5);
  });

  it('decide counters with the trade and names it', () => {
    const v = view({ game: bilateral, preferences: even, round: 4, proposals: russiaOffers });
    const d = decide(v, strategy({ policy: 'linear', aspiration: 0.55, floor: 0.5 }), new Rng(3));
    expect(d.command.type).toBe('propose');
    if (d.command.type !== 'propose') return;
    expect(d.command.terms[DONETSK]).toBe(0);
    expect(d.command.terms[SANCTIONS]).toBe(2);
    expect(d.command.replyTo).toBe(3);
    expect(d.reason).toMatch(/^countered #3: trade Sanctions for Donetsk/);
  });

  it('repairs a start below the target up to it', () => {
    const t = tablesFor(even);
    const model = learnOpponents(view({ game: bilateral, preferences: even, round: 4, proposals: russiaOffers }), t, ['russia']);
    const found = searchPackage(t, allowedFor(even), model, 0.7, [[2, 2, 2]]);
    expect(found.meetsTarget).toBe(true);
    expect(found.utility).toBeGreaterThanOrEqual(0.7 - 1e-9);
  });

  it('never proposes across its own red lines or against its commitments', () => {
    const t = tablesFor(ukrainePrefs);
    const commitments = [commitment(DONETSK, 1)];
    const allowed = allowedFor(ukrainePrefs, commitments);
    const v = view({ round: 8, proposals: [offer({ id: 1, by: 'russia', terms: [2, 2, 2] }), offer({ id: 2, by: 'europe', terms: [0, 1, 2] })] });
    const model = learnOpponents(v, t, ['russia', 'europe']);
    for (const target of [0.2, 0.4, 0.6, 0.8]) {
      const found = searchPackage(t, allowed, model, target, [t.idealTerms, [2, 2, 2], [0, 1, 2]]);
      expect(crossesRed(t, found.terms)).toBe(false);
      expect(brokenCommitment(t, commitments, found.terms)).toBeUndefined();
      expect(found.utility).toBeCloseTo(ownUtility(t, found.terms));
      expect(found.utility).toBeGreaterThanOrEqual(target - 1e-9);
    }
  });

  it('returns the best it can when the target is out of reach', () => {
    const t = tablesFor(ukrainePrefs);
    const model = learnOpponents(view(), t, ['russia']);
    const found = searchPackage(t, allowedFor(ukrainePrefs), model, 1.5, [[2, 2, 1]]);
    expect(found.meetsTarget).toBe(false);
    expect(found.terms).toEqual([0, 0, 0]);
  });

  it('without starts, starts from the ideal package', () => {
    const t = tablesFor(ukrainePrefs);
    const found = searchPackage(t, allowedFor(ukrainePrefs), learnOpponents(view(), t, []), 0.99, []);
    expect(found.terms).toEqual([0, 0, 0]);
    expect(found.terms[CRIMEA]).toBe(0);
  });
});
