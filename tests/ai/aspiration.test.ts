// What a party asks for and the least it takes: time-dependent concession that reacts to the others, the walk-away
// point (reservation value, BATNA, pressure, the last round) and floors that relax toward it near the deadline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaOf, concessionTarget, DEFAULT_BETA, floorAt, reserveOf, targetsFor, timeOf } from '../../src/ai/aspiration.js';
import { tablesFor } from '../../src/ai/tables.js';
import { offer, strategy, ukrainePrefs, view } from './fixtures.js';

const t = tablesFor(ukrainePrefs);

describe('time-dependent concession', () => {
  it('starts at the aspiration and ends at the floor', () => {
    for (const beta of [DEFAULT_BETA.boulware, 1, DEFAULT_BETA.conceder]) {
      expect(concessionTarget(0, 0.9, 0.5, beta)).toBeCloseTo(0.9);
      expect(concessionTarget(1, 0.9, 0.5, beta)).toBeCloseTo(0.5);
    }
  });

  it('Boulware concedes less early than linear, and linear less than Conceder', () => {
    for (let k = 1; k < 10; k++) {
      const at = k / 10;
      const boulware = concessionTarget(at, 0.9, 0.5, betaOf({ policy: 'boulware' }));
      const linear = concessionTarget(at, 0.9, 0.5, betaOf({ policy: 'linear' }));
      const conceder = concessionTarget(at, 0.9, 0.5, betaOf({ policy: 'conceder' }));
      expect(boulware).toBeGreaterThan(linear);
      expect(linear).toBeGreaterThan(conceder);
    }
  });

  it('time runs from round 1 to the round before the last (a package tabled in the last round may come too late)', () => {
    expect(timeOf(1, 11)).toBe(0);
    expect(timeOf(6, 11)).toBeCloseTo(5 / 9);
    expect(timeOf(10, 11)).toBe(1);
    expect(timeOf(11, 11)).toBe(1);
    expect(timeOf(1, 1)).toBe(1);
  });
});

describe('the walk-away point', () => {
  it('is the reservation value, or the BATNA when the war has made no deal better', () => {
    expect(reserveOf(view({ batna: 0.3 })).reserve).toBe(0.4);
    expect(reserveOf(view({ batna: 0.5 })).reserve).toBe(0.5);
  });

  it('slides toward the BATNA only under heavy pressure, or in the last round under pressure', () => {
    expect(reserveOf(view({ batna: 0.2, parties: { ukraine: { pressure: 80 } } }))).toEqual({ reserve: 0.4, pressed: false });
    expect(reserveOf(view({ batna: 0.2, parties: { ukraine: { pressure: 95 } } })).reserve).toBeCloseTo(0.3);
    expect(reserveOf(view({ batna: 0.2, parties: { ukraine: { pressure: 100 } } })).reserve).toBeCloseTo(0.2);
    expect(reserveOf(view({ batna: 0.2, round: 11, parties: { ukraine: { pressure: 75 } } }))).toEqual({ reserve: 0.2, pressed: true });
    expect(reserveOf(view({ batna: 0.2, round: 11, parties: { ukraine: { pressure: 40 } } })).reserve).toBe(0.4);
  });

  it('a posture floor below it means nothing; above it, the floor relaxes toward it in the last third', () => {
    expect(floorAt(0.3, 0.4, 0.1)).toBe(0.4);
    expect(floorAt(0.7, 0.4, 0.5)).toBe(0.7);
    expect(floorAt(0.7, 0.4, 1)).toBe(0.4);
    expect(floorAt(0.7, 0.4, 5 / 6)).toBeCloseTo(0.55);
  });
});

describe('targets', () => {
  it('hardline holds its aspiration for two thirds of the talks, then comes down to its floor', () => {
    const s = strategy({ policy: 'hardline', aspiration: 0.9, floor: 0.6 });
    expect(targetsFor(view({ round: 2 }), s, t).now).toBe(0.9);
    expect(targetsFor(view({ round: 7 }), s, t).now).toBe(0.9);
    expect(targetsFor(view({ round: 10 }), s, t).now).toBeCloseTo(0.4);
  });

  it('concedes faster when the others moved toward us, and hardens when they moved away', () => {
    const s = strategy({ policy: 'linear', aspiration: 0.9, floor: 0.4 });
    const mine = offer({ id: 2, by: 'ukraine', round: 2, terms: [0, 0, 1] });
    const still = targetsFor(view({ round: 4 }), s, t).now;
    const softer = view({ round: 4, proposals: [offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 1] }), mine, offer({ id: 3, by: 'russia', round: 3, terms: [1, 2, 1] })] });
    const harder = view({ round: 4, proposals: [offer({ id: 1, by: 'russia', round: 1, terms: [1, 2, 1] }), mine, offer({ id: 3, by: 'russia', round: 3, terms: [2, 2, 1] })] });
    expect(targetsFor(softer, s, t).now).toBeLessThan(still);
    expect(targetsFor(harder, s, t).now).toBeGreaterThan(still);
  });

  it('never asks below its floor nor above what it can get (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('boulware', 'linear', 'conceder', 'tit-for-tat', 'hardline' as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 0, max: 100 }),
        (policy, aspiration, floor, batna, round, pressure) => {
          const v = view({ batna, round, parties: { ukraine: { pressure } } });
          const targets = targetsFor(v, strategy({ policy, aspiration, floor }), t);
          expect(targets.floor).toBeGreaterThanOrEqual(Math.min(targets.reserve, t.idealUtility) - 1e-9);
          expect(targets.now).toBeGreaterThanOrEqual(targets.floor - 1e-9);
          expect(targets.now).toBeLessThanOrEqual(Math.max(targets.floor, t.idealUtility) + 1e-9);
          expect(targets.reserve).toBeGreaterThanOrEqual(batna - 1e-9);
        },
      ),
    );
  });
});
