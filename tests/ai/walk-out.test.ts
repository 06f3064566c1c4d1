import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { bestHeardOffer, shouldWalkOut } from '../../src/ai/walk-out.js';
import { tablesFor } from '../../src/ai/tables.js';
import { Rng } from '../../src/model/rng.js';
import { offer, strategy, ukrainePrefs, view } from './fixtures.js';

const t = tablesFor(ukrainePrefs);
// [2,2,1] is worth 0.21 to us; [1,1,1] 0.58.
const bad = offer({ id: 1, by: 'russia', round: 3, terms: [2, 2, 1] });

describe('walking out', () => {
  it('walks out when the BATNA beats the best offer heard by more than walkOutBelow', () => {
    const v = view({ round: 3, batna: 0.6, proposals: [bad] });
    expect(bestHeardOffer(v, t)).toBeCloseTo(0.21);
    expect(shouldWalkOut(v, { walkOutBelow: 0.2 }, bestHeardOffer(v, t))).toBe(true);
    const d = decide(v, strategy({ policy: 'boulware', aspiration: 0.9, walkOutBelow: 0.2 }), new Rng(1));
    expect(d.command).toEqual({ type: 'walk-out', by: 'ukraine' });
    expect(d.reason).toBe('walked out: nothing on the table comes close to what we can get without a deal');
  });

  it('stays when some offer comes close enough', () => {
    const v = view({ round: 3, batna: 0.6, proposals: [bad, offer({ id: 2, by: 'europe', round: 3, terms: [1, 1, 1] })] });
    expect(shouldWalkOut(v, { walkOutBelow: 0.2 }, bestHeardOffer(v, t))).toBe(false);
  });

  it('never walks out without walkOutBelow, without an offer, or under high pressure', () => {
    const v = view({ round: 3, batna: 0.6, proposals: [bad] });
    expect(shouldWalkOut(v, {}, bestHeardOffer(v, t))).toBe(false);
    expect(shouldWalkOut(view({ batna: 0.9 }), { walkOutBelow: 0.1 }, undefined)).toBe(false);
    const pressed = view({ round: 3, batna: 0.6, proposals: [bad], parties: { ukraine: { pressure: 65 } } });
    expect(shouldWalkOut(pressed, { walkOutBelow: 0.2 }, bestHeardOffer(pressed, t))).toBe(false);
  });

  it('comes back after two rounds away', () => {
    const away = { ukraine: { status: 'walked-out' as const } };
    const line = { round: 3, party: 'ukraine', kind: 'walk-out' as const, text: 'Ukraine walks out of the talks.' };
    const s = strategy({ walkOutBelow: 0.2 });
    expect(decide(view({ round: 4, parties: away, recent: [line] }), s, new Rng(1)).command.type).toBe('pass');
    const back = decide(view({ round: 5, parties: away, recent: [line] }), s, new Rng(1));
    expect(back.command).toEqual({ type: 'return', by: 'ukraine' });
  });

  it('comes back at once when the pressure reaches 60', () => {
    const line = { round: 3, party: 'ukraine', kind: 'walk-out' as const, text: 'Ukraine walks out of the talks.' };
    const v = view({ round: 3, parties: { ukraine: { status: 'walked-out', pressure: 61 } }, recent: [line] });
    const d = decide(v, strategy(), new Rng(1));
    expect(d.command.type).toBe('return');
    expect(d.reason).toMatch(/pressure/);
  });

  it('while away, only ever returns or passes', () => {
    for (let seed = 0; seed < 50; seed++) {
      const d = decide(view({ round: 6, parties: { ukraine: { status: 'walked-out' } } }), strategy(), new Rng(seed));
      expect(['return', 'pass']).toContain(d.command.type);
    }
  });
});
