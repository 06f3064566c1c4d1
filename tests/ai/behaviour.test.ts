import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { Rng } from '../../src/model/rng.js';
import { commitment, CRIMEA, DONETSK, offer, SANCTIONS, strategy, view } from './fixtures.js';

describe('decide: behaviour by posture', () => {
  it('opens with a proposal to the table', () => {
    const d = decide(view(), strategy({ policy: 'boulware', aspiration: 0.9 }), new Rng(1));
    expect(d.command).toMatchObject({ type: 'propose', by: 'ukraine', channel: 'direct' });
    expect(d.reason).toMatch(/^proposed/);
  });

  it('hardline proposes its ideal package and accepts only at its aspiration — until the last third', () => {
    const s = strategy({ policy: 'hardline', aspiration: 0.95, floor: 0.5 });
    const d = decide(view({ round: 5 }), s, new Rng(1));
    expect(d.command).toMatchObject({ type: 'propose', terms: [0, 0, 0] });
    expect(d.reason).toMatch(/full demands/);
    const early = view({ round: 5, proposals: [offer({ id: 1, by: 'russia', round: 5, terms: [0, 0, 1] })] }); // 0.91
    expect(decide(early, s, new Rng(1)).command.type).not.toBe('accept');
    // A deadline moves hardliners too: in round 10 of 11 it takes what it would not have taken in round 5.
    const late = view({ round: 10, proposals: [offer({ id: 1, by: 'russia', round: 10, terms: [0, 0, 1] })] });
    expect(decide(late, s, new Rng(1)).command).toEqual({ type: 'accept', by: 'ukraine', proposal: 1 });
  });

  it('counters the best open offer addressed to it', () => {
    const v = view({
      round: 2,
      proposals: [offer({ id: 1, by: 'russia', terms: [2, 2, 1] }), offer({ id: 2, by: 'europe', terms: [1, 0, 0] })],
    });
    const d = decide(v, strategy({ aspiration: 0.95 }), new Rng(1));
    expect(d.command).toMatchObject({ type: 'propose', replyTo: 2 });
    expect(d.reason).toMatch(/^countered #2/);
  });

  it('tells a party that keeps proposing across its red line, once, before anything else', () => {
    const across = offer({ id: 1, by: 'russia', round: 2, terms: [0, 0, 2] }); // 0.7, but Crimea de jure
    const d = decide(view({ round: 2, proposals: [across] }), strategy({ aspiration: 0.6 }), new Rng(1));
    expect(d.command).toEqual({ type: 'reject', by: 'ukraine', proposal: 1, reason: { issue: CRIMEA, why: 'red-line' } });
    expect(d.reason).toBe('rejected #1: "De jure" on Crimea recognition crosses my red line');
    // Once said, it is not said again to the same party about the same option.
    const told = offer({ id: 1, by: 'russia', round: 2, terms: [0, 0, 2], rejected: ['ukraine'], reasons: { ukraine: { issue: CRIMEA, why: 'red-line' } } });
    const again = offer({ id: 2, by: 'russia', round: 3, terms: [1, 0, 2] });
    const next = decide(view({ round: 3, proposals: [told, again] }), strategy({ aspiration: 0.6 }), new Rng(1));
    expect(next.command.type === 'reject' && next.command.reason?.why === 'red-line').toBe(false);
  });

  it('sends its envoy, to one party, when the posture prefers that channel', () => {
    const v = view({ self: 'russia', proposals: [offer({ id: 1, by: 'ukraine', terms: [0, 0, 0] })] });
    const d = decide(v, strategy({ channel: 'envoy', aspiration: 0.9 }), new Rng(1));
    expect(d.command).toMatchObject({ type: 'propose', channel: 'envoy', envoy: 'dmitriev' });
    if (d.command.type !== 'propose') return;
    expect(d.command.to).toHaveLength(1);
    expect(d.command.to![0]).not.toBe('russia');
    expect(d.reason).toMatch(/via envoy to (Ukraine|Europe)/);
  });

  it('falls back to the table when it has no envoy', () => {
    const d = decide(view({ self: 'europe' }), strategy({ channel: 'envoy' }), new Rng(1));
    expect(d.command).toMatchObject({ type: 'propose', channel: 'direct' });
  });

  it('takes an understanding reached through its envoy to the whole table', () => {
    const backChannel = offer({ id: 1, by: 'russia', terms: [1, 1, 1], channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'], accepted: ['russia', 'ukraine'] });
    const d = decide(view({ self: 'russia', round: 2, proposals: [backChannel] }), strategy({ channel: 'envoy', aspiration: 0.9 }), new Rng(1));
    expect(d.command).toMatchObject({ type: 'propose', channel: 'direct', terms: [1, 1, 1] });
  });

  it('makes one public commitment, on its most important issue, sized against its floor, after its opening offer', () => {
    const mine = offer({ id: 1, by: 'ukraine', terms: [0, 0, 0] });
    // With a floor of 0.8, no package with less than "Stays Ukrainian" on Donetsk (weight 0.5) can reach it: that
    // is the line to draw in public — it rules out nothing the party would take anyway.
    const s = strategy({ statements: true, aspiration: 0.9, floor: 0.8 });
    const statements = [];
    for (let seed = 0; seed < 20; seed++) {
      const d = decide(view({ round: 2, proposals: [mine] }), s, new Rng(seed));
      if (d.command.type === 'statement') statements.push(d);
    }
    // It happens on some turns (a seeded coin), and always the same commitment.
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.length).toBeLessThan(20);
    for (const d of statements) {
      expect(d.command).toEqual({ type: 'statement', by: 'ukraine', issue: DONETSK, option: 0 });
      expect(d.reason).toBe('declared: nothing less than "Stays Ukrainian" on Donetsk');
    }
    // Then, in the same posture, only its red lines: "nothing less than De facto" on Crimea rules out de jure.
    for (let seed = 0; seed < 20; seed++) {
      const again = decide(view({ round: 3, proposals: [mine], parties: { ukraine: { commitments: [commitment(DONETSK, 0, { round: 2 })] } } }), s, new Rng(seed));
      if (again.command.type === 'statement') expect(again.command).toEqual({ type: 'statement', by: 'ukraine', issue: CRIMEA, option: 1 });
      const done = decide(view({ round: 4, proposals: [mine], parties: { ukraine: { commitments: [commitment(DONETSK, 0), commitment(CRIMEA, 1)] } } }), s, new Rng(seed));
      expect(done.command.type).not.toBe('statement');
    }
  });

  it('no statements unless the posture makes them', () => {
    const mine = offer({ id: 1, by: 'ukraine', terms: [0, 0, 0] });
    for (let seed = 0; seed < 20; seed++) {
      expect(decide(view({ round: 2, proposals: [mine] }), strategy(), new Rng(seed)).command.type).not.toBe('statement');
    }
  });

  it('applies a lever on a party that rejected its proposal, and lifts it once that party accepts', () => {
    const s = strategy({ levers: true, aspiration: 0.9 });
    const rejected = offer({ id: 1, by: 'europe', terms: [0, 0, 0], rejected: ['russia'] });
    const d = decide(view({ self: 'europe', round: 2, proposals: [rejected] }), s, new Rng(1));
    expect(d.command).toEqual({ type: 'lever', by: 'europe', lever: 'oil-ban', apply: true });
    expect(d.reason).toBe('applied Oil embargo: Russia rejected #1');

    const accepted = offer({ id: 2, by: 'europe', round: 3, terms: [1, 0, 1], accepted: ['europe', 'russia'] });
    const lift = decide(view({ self: 'europe', round: 4, proposals: [rejected, accepted], parties: { europe: { levers: ['oil-ban'] } } }), s, new Rng(1));
    expect(lift.command).toEqual({ type: 'lever', by: 'europe', lever: 'oil-ban', apply: false });
    expect(lift.reason).toBe('lifted Oil embargo: Russia accepted #2');
  });

  it('no levers unless the posture uses them', () => {
    const rejected = offer({ id: 1, by: 'europe', terms: [0, 0, 0], rejected: ['russia'] });
    expect(decide(view({ self: 'europe', round: 2, proposals: [rejected] }), strategy(), new Rng(1)).command.type).not.toBe('lever');
  });

  it('holds a proposal that is gathering acceptances, rejecting what it cannot live with', () => {
    const mine = offer({ id: 1, by: 'ukraine', round: 2, terms: [1, 0, 1], accepted: ['ukraine', 'europe'] });
    const theirs = offer({ id: 2, by: 'russia', round: 2, terms: [2, 2, 2] });
    const d = decide(view({ round: 3, proposals: [mine, theirs] }), strategy({ aspiration: 0.9 }), new Rng(1));
    expect(d.command).toEqual({ type: 'reject', by: 'ukraine', proposal: 2, reason: { issue: CRIMEA, why: 'red-line' } });
    expect(d.reason).toMatch(/^rejected #2: "De jure" on Crimea recognition crosses my red line/);
    const quiet = decide(view({ round: 3, proposals: [mine] }), strategy({ aspiration: 0.9 }), new Rng(1));
    expect(quiet.command).toEqual({ type: 'pass', by: 'ukraine' });
    expect(quiet.reason).toBe('waiting: #1 has the support of Europe');
  });

  it('names the reserve when it rejects an offer below its BATNA', () => {
    const mine = offer({ id: 1, by: 'ukraine', round: 2, terms: [0, 0, 0], accepted: ['ukraine', 'europe'] });
    const theirs = offer({ id: 2, by: 'russia', round: 2, terms: [2, 1, 1] }); // 0.33 < 0.4
    const d = decide(view({ round: 3, proposals: [mine, theirs] }), strategy({ aspiration: 0.9 }), new Rng(1));
    expect(d.reason).toBe('rejected #2: Donetsk terms leave us worse off than no deal');
  });

  it('proposals respect its commitments and red lines', () => {
    const v = view({ round: 10, parties: { ukraine: { commitments: [commitment(SANCTIONS, 0)] } }, proposals: [offer({ id: 1, by: 'russia', round: 10, terms: [2, 2, 2] })] });
    for (let seed = 0; seed < 30; seed++) {
      const d = decide(v, strategy({ policy: 'conceder', aspiration: 0.7, floor: 0.4 }), new Rng(seed));
      if (d.command.type !== 'propose') continue;
      expect(d.command.terms[SANCTIONS]).toBe(0);
      expect(d.command.terms[CRIMEA]).not.toBe(2);
    }
  });

  it('outside diplomacy and signing it only waits', () => {
    for (const phase of ['briefing', 'ratification', 'implementation', 'ended'] as const) {
      expect(decide(view({ phase }), strategy(), new Rng(1)).command).toEqual({ type: 'pass', by: 'ukraine' });
    }
  });
});
