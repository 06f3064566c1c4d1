import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaOf, concessionTarget, DEFAULT_BETA, floorOf, timeOf } from '../../src/ai/concession.js';
import { targetsFor } from '../../src/ai/target.js';
import { tablesFor } from '../../src/ai/tables.js';
import { strategy, view } from './fixtures.js';

describe('time-dependent concession', () => {
  it('starts at the aspiration and ends at the floor', () => {
    for (const beta of [DEFAULT_BETA.boulware, 1, DEFAULT_BETA.conceder]) {
      expect(concessionTarget(0, 0.9, 0.5, beta)).toBeCloseTo(0.9);
      expect(concessionTarget(1, 0.9, 0.5, beta)).toBeCloseTo(0.5);
    }
  });

  it('is linear for β = 1', () => {
    expect(concessionTarget(0.5, 0.9, 0.5, 1)).toBeCloseTo(0.7);
  });

  it('Boulware concedes less early than linear, and linear less than Conceder', () => {
    for (let k = 1; k < 10; k++) {
      const t = k / 10;
      const boulware = concessionTarget(t, 0.9, 0.5, betaOf({ policy: 'boulware' }));
      const linear = concessionTarget(t, 0.9, 0.5, betaOf({ policy: 'linear' }));
      const conceder = concessionTarget(t, 0.9, 0.5, betaOf({ policy: 'conceder' }));
      expect(boulware).toBeGreaterThan(linear);
      expect(linear).toBeGreaterThan(conceder);
    }
  });

  it('hardline never concedes', () => {
    expect(betaOf({ policy: 'hardline' })).toBe(0);
    expect(concessionTarget(0.99, 0.9, 0.5, 0)).toBe(0.9);
  });

  it('a posture β overrides the policy default', () => {
    expect(betaOf({ policy: 'boulware', beta: 0.45 })).toBe(0.45);
  });

  it('time runs from 0 in round 1 to 1 in the last round', () => {
    expect(timeOf(1, 11)).toBe(0);
    expect(timeOf(6, 11)).toBe(0.5);
    expect(timeOf(11, 11)).toBe(1);
    expect(timeOf(14, 11)).toBe(1);
    expect(timeOf(1, 1)).toBe(1);
  });

  it('never goes below the floor or the BATNA (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        (t, aspiration, floor, batna, beta) => {
          const f = floorOf({ floor }, batna);
          const target = concessionTarget(t, aspiration, f, beta);
          expect(target).toBeGreaterThanOrEqual(batna);
          if (floor !== undefined) expect(target).toBeGreaterThanOrEqual(floor);
          expect(target).toBeLessThanOrEqual(Math.max(aspiration, f));
        },
      ),
    );
  });

  it('targetsFor keeps every policy at or above the BATNA in every round', () => {
    const policies = ['boulware', 'linear', 'conceder', 'tit-for-tat', 'hardline'] as const;
    for (const policy of policies) {
      for (let round = 1; round <= 11; round++) {
        const v = view({ round, batna: 0.62 });
        const targets = targetsFor(v, strategy({ policy, aspiration: 0.9, floor: 0.5 }), tablesFor(v.preferences));
        expect(targets.now).toBeGreaterThanOrEqual(0.62);
        expect(targets.next).toBeGreaterThanOrEqual(0.62);
      }
    }
  });

  it('caps the aspiration at the best package within the red lines', () => {
    const v = view();
    const targets = targetsFor(v, strategy({ aspiration: 1 }), tablesFor(v.preferences));
    expect(targets.aspiration).toBeLessThanOrEqual(tablesFor(v.preferences).idealUtility);
  });
});
