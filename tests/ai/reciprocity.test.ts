import { describe, expect, it } from 'vitest';
import { KINDNESS, observedConcession, reciprocalTarget } from '../../src/ai/reciprocity.js';
import { targetsFor } from '../../src/ai/aspiration.js';
import { tablesFor } from '../../src/ai/tables.js';
import { offer, strategy, ukrainePrefs, view } from './fixtures.js';

const t = tablesFor(ukrainePrefs);
// Our utilities: [0,0,1] = 0.91, [2,2,1] = 0.21, [1,2,1] = 0.46.
const mine = offer({ id: 2, by: 'ukraine', round: 2, terms: [0, 0, 1] });

describe('tit-for-tat', () => {
  it('opens at its aspiration', () => {
    expect(reciprocalTarget(view(), t, 0.95, 0.5)).toBe(0.95);
  });

  it('mirrors the concession the other side made between its last two offers', () => {
    const v = view({
      round: 4,
      proposals: [offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 1] }), mine, offer({ id: 3, by: 'russia', round: 3, terms: [1, 2, 1] })],
    });
    expect(observedConcession(v, t)).toBeCloseTo(0.25);
    expect(reciprocalTarget(v, t, 0.95, 0.5)).toBeCloseTo(0.91 - 0.25 - KINDNESS);
    const targets = targetsFor(v, strategy({ policy: 'tit-for-tat', aspiration: 0.95, floor: 0.5 }), t);
    expect(targets.now).toBeCloseTo(0.91 - 0.25 - KINDNESS);
  });

  it('hardens when the other side hardens, up to its aspiration', () => {
    const v = view({
      round: 4,
      proposals: [offer({ id: 1, by: 'russia', round: 1, terms: [1, 2, 1] }), mine, offer({ id: 3, by: 'russia', round: 3, terms: [2, 2, 1] })],
    });
    expect(observedConcession(v, t)).toBeCloseTo(-0.25);
    expect(reciprocalTarget(v, t, 0.95, 0.5)).toBeCloseTo(0.95);
  });

  it('does not answer the same concession twice', () => {
    // Russia's two offers both came before our latest proposal: already answered, only the kindness remains.
    const v = view({
      round: 4,
      proposals: [offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 1] }), offer({ id: 2, by: 'russia', round: 2, terms: [1, 2, 1] }), { ...mine, id: 3, round: 3 }],
    });
    expect(observedConcession(v, t)).toBeUndefined();
    expect(reciprocalTarget(v, t, 0.95, 0.5)).toBeCloseTo(0.91 - KINDNESS);
  });

  it('never goes below its floor', () => {
    const v = view({
      round: 4,
      proposals: [offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 1] }), mine, offer({ id: 3, by: 'russia', round: 3, terms: [0, 0, 0] })],
    });
    expect(reciprocalTarget(v, t, 0.95, 0.8)).toBe(0.8);
  });
});
