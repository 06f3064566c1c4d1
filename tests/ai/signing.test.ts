import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { Rng } from '../../src/model/rng.js';
import type { Agreement, Terms } from '../../src/model/types.js';
import { offer, strategy, view } from './fixtures.js';

const agreement = (terms: Terms): Agreement => ({ proposal: 5, round: 9, terms, signatories: ['ukraine', 'russia', 'europe'], signed: [], ratified: {}, violations: 0 });
// In the middle of the talks (round 5 of 11), a linear posture asks 0.6 + 0.3 × (1 − 4/9) ≈ 0.77; its floor is 0.6.
const s = strategy({ policy: 'linear', aspiration: 0.9, floor: 0.6 });

describe('signing', () => {
  it('signs the text it accepted', () => {
    const heard = offer({ id: 5, by: 'russia', round: 9, terms: [1, 0, 1], status: 'agreed', accepted: ['russia', 'ukraine', 'europe'] }); // 0.66
    const d = decide(view({ phase: 'signing', round: 5, proposals: [heard], agreement: agreement([1, 0, 1]) }), s, new Rng(1));
    expect(d.command).toEqual({ type: 'sign', by: 'ukraine' });
    expect(d.reason).toBe('signed: it is better for us than no deal');
  });

  it('refuses when the actual text is worse than what it heard', () => {
    const heard = offer({ id: 5, by: 'russia', round: 9, terms: [1, 0, 1], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'], status: 'agreed' });
    const d = decide(view({ phase: 'signing', round: 5, proposals: [heard], agreement: agreement([1, 1, 1]) }), s, new Rng(1)); // 0.58
    expect(d.command).toEqual({ type: 'refuse', by: 'ukraine' });
    expect(d.reason).toMatch(/Sanctions is worse than we were told$/);
  });

  it('refuses when the distortion was exposed and the true text falls short', () => {
    const exposed = offer({ id: 5, by: 'russia', round: 9, terms: [1, 1, 1], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'], status: 'agreed', exposed: true });
    const d = decide(view({ phase: 'signing', round: 5, proposals: [exposed], agreement: agreement([1, 1, 1]) }), s, new Rng(1));
    expect(d.command.type).toBe('refuse');
    expect(d.reason).toMatch(/not what the envoy reported/);
  });

  it('signs a worse-than-heard text that still meets what it asks for', () => {
    const heard = offer({ id: 5, by: 'russia', round: 9, terms: [0, 0, 0], status: 'agreed' }); // 1.00
    const d = decide(view({ phase: 'signing', round: 5, proposals: [heard], agreement: agreement([0, 0, 1]) }), s, new Rng(1)); // 0.91
    expect(d.command.type).toBe('sign');
  });

  it('in the last round, signs a worse-than-heard text that beats the war (above its relaxed floor)', () => {
    const heard = offer({ id: 5, by: 'russia', round: 10, terms: [1, 0, 1], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'], status: 'agreed' });
    const d = decide(view({ phase: 'signing', round: 11, proposals: [heard], agreement: agreement([1, 1, 1]) }), s, new Rng(1)); // 0.58 ≥ 0.4
    expect(d.command.type).toBe('sign');
  });

  it('never signs across a red line or below its BATNA', () => {
    const redLine = decide(view({ phase: 'signing', round: 5, agreement: agreement([0, 0, 2]) }), s, new Rng(1));
    expect(redLine.command.type).toBe('refuse');
    expect(redLine.reason).toMatch(/Crimea recognition crosses my red line/);
    const poor = decide(view({ phase: 'signing', round: 5, batna: 0.7, agreement: agreement([1, 1, 1]) }), s, new Rng(1));
    expect(poor.command.type).toBe('refuse');
    expect(poor.reason).toMatch(/worse off than no deal/);
  });
});
