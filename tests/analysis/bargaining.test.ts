import { describe, expect, it } from 'vitest';
import {
  batnaGaps,
  commandActor,
  concessionCurve,
  concessionSummary,
  describeChanges,
  describeCommand,
  describeTerms,
  issueStakes,
  issueTradeoffs,
  partyName,
} from '../../src/analysis/bargaining.js';
import { utility } from '../../src/model/game.js';
import { prefsOf } from './fixtures.js';
import { testGame } from './game-fixture.js';

const a = prefsOf(
  [0.6, 0.1, 0.3],
  [
    [1, 0.5, 0],
    [1, 0.5, 0],
    [1, 0.5, 0],
  ],
  0.3,
);
const b = prefsOf(
  [0.1, 0.6, 0.3],
  [
    [0, 0.5, 1],
    [0, 0.5, 1],
    [0, 0.5, 1],
  ],
  0.3,
);
/** Cares about issue 2 only, and agrees with a there. */
const c = prefsOf(
  [0, 0, 1],
  [
    [0, 0, 0],
    [0, 0, 0],
    [1, 0.5, 0],
  ],
  0.2,
);

describe('batnaGaps', () => {
  it('is each party’s utility minus its BATNA', () => {
    const gaps = batnaGaps([a, b], [0.3, 0.5], [0, 2, 1]);
    expect(gaps[0]).toBeCloseTo(utility(a, [0, 2, 1]) - 0.3, 12);
    expect(gaps[1]).toBeCloseTo(utility(b, [0, 2, 1]) - 0.5, 12);
  });
});

describe('concessionCurve', () => {
  it('values a party’s offers in its own terms, with steps and total conceded', () => {
    const curve = concessionCurve(a, [
      { round: 1, terms: [0, 0, 0] },
      { round: 2, terms: [0, 1, 0] },
      { round: 4, terms: [0, 2, 1] },
    ]);
    expect(curve.map((x) => x.round)).toEqual([1, 2, 4]);
    expect(curve[0]).toMatchObject({ utility: 1, step: 0, conceded: 0 });
    expect(curve[1]!.utility).toBeCloseTo(0.95, 12);
    expect(curve[1]!.step).toBeCloseTo(-0.05, 12);
    expect(curve[2]!.conceded).toBeCloseTo(1 - utility(a, [0, 2, 1]), 12);
  });

  it('classifies the style by when half the concession was made', () => {
    const offers = (us: number[]) => us.map((u, k) => ({ round: k + 1, utility: u, step: 0, conceded: us[0]! - u }));
    expect(concessionSummary([]).style).toBe('none');
    expect(concessionSummary(offers([0.9, 0.9, 0.89])).style).toBe('hardline');
    expect(concessionSummary(offers([0.9, 0.6, 0.58, 0.57, 0.56])).style).toBe('conceder');
    expect(concessionSummary(offers([0.9, 0.89, 0.88, 0.87, 0.5])).style).toBe('boulware');
    expect(concessionSummary(offers([0.9, 0.8, 0.7, 0.6, 0.5])).style).toBe('linear');
  });
});

describe('issueTradeoffs', () => {
  it('finds the logroll: each side cares much more about a different opposed issue', () => {
    const [ab, ac, bc] = issueTradeoffs([a, b, c]);
    expect(ab).toMatchObject({ a: 0, b: 1, logroll: true });
    // Issue 0 matters six times more to a, issue 1 six times more to b; issue 2 equally (left out).
    expect(ab!.issues.map((t) => [t.issue, t.caresMore])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(ab!.issues[0]!.ratio).toBeCloseTo(6, 12);
    expect(ab!.issues.every((t) => t.opposed)).toBe(true);
    // a and c agree on issue 2, the only one c cares about: nothing to trade.
    expect(ac!.logroll).toBe(false);
    expect(ac!.issues.find((t) => t.issue === 2)?.opposed ?? false).toBe(false);
    // b and c are opposed on issue 2, but c cares about nothing else: no logroll either.
    expect(bc!.logroll).toBe(false);
    expect(bc!.issues.find((t) => t.issue === 2)).toMatchObject({ caresMore: 2, opposed: true });
  });

  it('measures stakes as weight × value range', () => {
    expect(issueStakes(a, 0)).toBeCloseTo(0.6, 12);
    expect(issueStakes(c, 0)).toBe(0);
  });
});

describe('describing packages and commands', () => {
  const game = testGame().public;

  it('names each issue’s option', () => {
    expect(describeTerms(game, [1, 1, 1])).toEqual(['Donetsk: freeze on the contact line', 'Security guarantees: European guarantees', 'Sanctions: eased']);
    expect(describeChanges(game, [0, 1, 1], [1, 1, 2])).toEqual(['Donetsk: Russian withdrawal → freeze on the contact line', 'Sanctions: eased → lifted']);
  });

  it('describes commands in plain words', () => {
    expect(describeCommand(game, { type: 'propose', by: 'ukraine', terms: [0, 0, 0], channel: 'envoy', envoy: 'umerov', to: ['russia'] })).toBe(
      'proposes a package to Russia through the envoy Umerov',
    );
    expect(describeCommand(game, { type: 'statement', by: 'russia', issue: 1, option: 0 })).toBe('declares in public: nothing less than Security guarantees: none');
    expect(describeCommand(game, { type: 'lever', by: 'usa', lever: 'tariffs', apply: true })).toBe('applies pressure: Secondary tariffs on buyers of Russian oil');
    expect(describeCommand(game, { type: 'summit', by: 'usa', with: 'russia' })).toBe('meets Russia at a summit');
    expect(commandActor({ type: 'walk-out', by: 'russia' })).toBe('russia');
    expect(commandActor({ type: 'continue' })).toBeUndefined();
    expect(partyName(game, 'usa')).toBe('United States');
  });

  it('strips control characters from scenario text', () => {
    const dirty = { ...game, issues: [{ ...game.issues[0]!, name: 'Don\u001b[31metsk' }, ...game.issues.slice(1)] };
    expect(describeTerms(dirty, [0, 0, 0])[0]).toBe('Donetsk: Russian withdrawal');
  });
});
