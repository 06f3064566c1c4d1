// Information moves: relays, readouts and notetakers, from hand-built views.
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.js';
import { learnBeliefs as learnOpponents } from '../../src/ai/beliefs.js';
import { READOUT_DISPUTED, READOUT_MEETING, readoutCandidate } from '../../src/ai/readout.js';
import { relayCandidate } from '../../src/ai/relay.js';
import { shade, slantOf } from '../../src/ai/shade.js';
import { tablesFor } from '../../src/ai/tables.js';
import { utility } from '../../src/model/game.js';
import { Rng } from '../../src/model/rng.js';
import type { Command, Terms } from '../../src/model/types.js';
import type { ViewMessage } from '../../src/model/view.js';
import { account, carrier, europePrefs, gameWithChannels, offer, strategy, ukrainePrefs, view } from './fixtures.js';

const SEEDS = Array.from({ length: 200 }, (_, i) => i);

/** Ukraine's own proposal, open to the table and supported by Europe: Ukraine has nothing better to do than wait. */
const standing = offer({ id: 1, by: 'ukraine', round: 2, terms: [0, 1, 1], accepted: ['ukraine', 'europe'] });

/** Russia's offer to Ukraine alone, through its envoy, already turned down: Europe never heard it. */
const RUSSIA_SAID: Terms = [2, 2, 1];
const probe = offer({ id: 2, by: 'russia', round: 2, terms: RUSSIA_SAID, channel: 'envoy', envoy: 'dmitriev', to: ['ukraine'], rejected: ['ukraine'] });

function relayView(over: { messages?: ViewMessage[] } = {}) {
  return view({ round: 3, proposals: [standing, probe], messages: over.messages ?? [carrier(standing), carrier(probe)] });
}

function relays(commands: Command[]) {
  return commands.filter((c): c is Extract<Command, { type: 'relay' }> => c.type === 'relay');
}

describe('relays', () => {
  it('passes on to the partners who did not hear it an offer heard in talks they were not at', () => {
    expect(relayCandidate(relayView())).toMatchObject({ message: { id: 2 }, to: ['europe'] });
  });

  it('with candour 1, tells it as heard (no terms of its own)', () => {
    const s = strategy({ candour: 1 });
    const out = relays(SEEDS.map((seed) => decide(relayView(), s, new Rng(seed)).command));
    expect(out.length).toBe(SEEDS.length); // waiting is all it would do otherwise: it passes the news on instead
    for (const c of out) expect(c).toEqual({ type: 'relay', by: 'ukraine', message: 2, to: ['europe'] });
    expect(decide(relayView(), s, new Rng(3)).reason).toBe('told Europe what Russia put to us (#2), which they did not hear');
  });

  it('with candour 0, shades it: one or two issues a notch toward what it prefers (the offer is below its BATNA)', () => {
    const s = strategy({ candour: 0 });
    const out = relays(SEEDS.map((seed) => decide(relayView(), s, new Rng(seed)).command));
    expect(out.length).toBe(SEEDS.length);
    const moved = new Set<number>();
    for (const c of out) {
      expect(c.terms).toBeDefined();
      const changed = c.terms!.map((o, i) => (o === RUSSIA_SAID[i] ? -1 : i)).filter((i) => i >= 0);
      expect(changed.length).toBeGreaterThanOrEqual(1);
      expect(changed.length).toBeLessThanOrEqual(2);
      for (const i of changed) {
        expect(Math.abs(c.terms![i]! - RUSSIA_SAID[i]!)).toBe(1); // one notch
        expect(ukrainePrefs.values[i]![c.terms![i]!]!).toBeGreaterThan(ukrainePrefs.values[i]![RUSSIA_SAID[i]!]!);
      }
      expect(utility(ukrainePrefs, c.terms!)).toBeGreaterThan(utility(ukrainePrefs, RUSSIA_SAID));
      changed.forEach((i) => moved.add(changed.length * 10 + i));
    }
    // The notch that gains it most comes first: Donetsk always moves; sometimes Sanctions too.
    expect([...moved].sort()).toEqual([10, 20, 21]);
    // The reason it gives is the one it gives in public: it does not say it shaded the account.
    expect(decide(relayView(), s, new Rng(3)).reason).toBe('told Europe what Russia put to us (#2), which they did not hear');
  });

  it('is deterministic per seed and varies the one-or-two choice across seeds', () => {
    const s = strategy({ candour: 0 });
    for (const seed of SEEDS.slice(0, 20)) expect(decide(relayView(), s, new Rng(seed))).toEqual(decide(relayView(), s, new Rng(seed)));
    const sizes = new Set(relays(SEEDS.map((seed) => decide(relayView(), s, new Rng(seed)).command)).map((c) => c.terms!.join()));
    expect(sizes.size).toBe(2);
  });

  it('relays a message once, only while it is news, and only with the relay channel', () => {
    const mine = account({ id: 3, from: 'ukraine', about: 2, terms: RUSSIA_SAID, round: 3, to: ['europe'] });
    expect(relayCandidate(relayView({ messages: [carrier(standing), carrier(probe), mine] }))).toBeUndefined();
    expect(relayCandidate(view({ round: 5, proposals: [standing, probe], messages: [carrier(standing), carrier(probe)] }))).toBeUndefined();
    const closed = view({
      round: 3,
      proposals: [standing, probe],
      messages: [carrier(standing), carrier(probe)],
      game: gameWithChannels({ ukraine: ['direct', 'envoy', 'public', 'readout'] }),
    });
    expect(relayCandidate(closed)).toBeUndefined();
    for (const seed of SEEDS.slice(0, 30)) expect(decide(closed, strategy({ candour: 0 }), new Rng(seed)).command.type).not.toBe('relay');
  });

  it('tells only partners it trusts, still at the table', () => {
    const distrust = view({ round: 3, proposals: [standing, probe], messages: [carrier(standing), carrier(probe)], parties: { ukraine: { trust: { europe: 0.2 } } } });
    expect(relayCandidate(distrust)).toBeUndefined();
    const away = view({ round: 3, proposals: [standing, probe], messages: [carrier(standing), carrier(probe)], parties: { europe: { status: 'walked-out' } } });
    expect(relayCandidate(away)).toBeUndefined();
  });
});

describe('shading', () => {
  const t = tablesFor(europePrefs);
  it('sells a package it could live with: toward what the listeners would like, by its model of them', () => {
    // Europe heard Russia offer [1, 1, 1] (0.56 for Europe, above its BATNA): it wants Ukraine on board.
    const ukraineOffers = [offer({ id: 1, by: 'ukraine', round: 1, terms: [0, 0, 0] }), offer({ id: 2, by: 'ukraine', round: 2, terms: [0, 1, 0] })];
    const v = view({ self: 'europe', round: 3, proposals: ukraineOffers, batna: 0.4 });
    expect(slantOf(v, t, [1, 1, 1])).toBe('sell');
    const model = learnOpponents(v, t, ['ukraine', 'russia']);
    for (const seed of SEEDS.slice(0, 20)) {
      const shaded = shade(v, t, [1, 1, 1], ['ukraine'], model, new Rng(seed))!;
      expect(shaded.slant).toBe('sell');
      for (const i of shaded.issues) expect(shaded.terms[i]).toBe(0); // Ukraine asked for option 0 on Donetsk and Crimea
    }
  });

  it('pulls a package it could not live with toward what it prefers', () => {
    const v = view({ self: 'europe', round: 3, batna: 0.4 });
    expect(slantOf(v, t, [2, 2, 2])).toBe('pull');
    const shaded = shade(v, t, [2, 1, 2], ['ukraine'], undefined, new Rng(1))!;
    expect(shaded.slant).toBe('pull');
    expect(utility(europePrefs, shaded.terms)).toBeGreaterThan(utility(europePrefs, [2, 1, 2]));
    expect(shaded.terms[1]).not.toBe(2); // never onto its own red line (Sanctions lifted)
  });

  it('reports faithfully when nothing can move', () => {
    expect(shade(view({ batna: 0 }), tablesFor(ukrainePrefs), [0, 0, 0], ['europe'], undefined, new Rng(1))).toBeUndefined();
  });
});

describe('readouts', () => {
  // Russia met Ukraine one to one with no notetaker; Ukraine turned the offer down.
  const met = { ...offer({ id: 2, by: 'russia', round: 2, terms: RUSSIA_SAID, to: ['ukraine'], rejected: ['ukraine'] }) };
  const talks: ViewMessage = { ...carrier(met), record: false, confidence: 0.9 };
  const readoutView = (messages: ViewMessage[], round = 3, game?: ReturnType<typeof gameWithChannels>) =>
    view({ round, proposals: [standing, met], messages: [carrier(standing), ...messages], ...(game ? { game } : {}) });

  it('publishes its account of an off-record meeting, faithfully with candour 1', () => {
    expect(readoutCandidate(readoutView([talks]))).toMatchObject({ message: { id: 2 }, chance: READOUT_MEETING, why: 'meeting' });
    const out = SEEDS.map((seed) => decide(readoutView([talks]), strategy({ candour: 1 }), new Rng(seed)).command);
    expect(out.every((c) => c.type === 'readout')).toBe(true);
    expect(out[0]).toEqual({ type: 'readout', by: 'ukraine', message: 2 });
  });

  it('with candour 0 tells the meeting its own way', () => {
    const out = SEEDS.map((seed) => decide(readoutView([talks]), strategy({ candour: 0 }), new Rng(seed)).command);
    for (const c of out) {
      expect(c.type).toBe('readout');
      const terms = (c as Extract<Command, { type: 'readout' }>).terms!;
      expect(utility(ukrainePrefs, terms)).toBeGreaterThan(utility(ukrainePrefs, RUSSIA_SAID));
    }
  });

  it('answers a readout that disagrees, even after the talks are no longer fresh', () => {
    const theirs = account({ id: 3, from: 'russia', about: 2, terms: [2, 2, 2], channel: 'readout', round: 3, disputed: true });
    const disputed = { ...talks, disputed: true };
    expect(readoutCandidate(readoutView([disputed, theirs], 4))).toMatchObject({ message: { id: 2 }, chance: READOUT_DISPUTED, why: 'disputed' });
    expect(readoutCandidate(readoutView([talks], 4))).toBeUndefined(); // not disputed and no longer fresh
  });

  it('gives one readout per talks, never of talks on the record, and only with the readout channel', () => {
    const mine = account({ id: 3, from: 'ukraine', about: 2, terms: RUSSIA_SAID, channel: 'readout', round: 3 });
    expect(readoutCandidate(readoutView([talks, mine]))).toBeUndefined();
    expect(readoutCandidate(readoutView([{ ...talks, record: true }]))).toBeUndefined();
    expect(readoutCandidate(readoutView([talks], 3, gameWithChannels({ ukraine: ['direct', 'envoy', 'public', 'relay'] })))).toBeUndefined();
  });

  it('is less eager about an envoy’s routine visit than about a meeting', () => {
    expect(readoutCandidate(relayView())).toMatchObject({ why: 'other' });
  });
});

describe('notetakers', () => {
  // Russia offers Ukraine, one to one, something within reach of what Ukraine asks (0.83): Ukraine answers in kind.
  const close = offer({ id: 1, by: 'russia', round: 1, terms: [0, 1, 1], to: ['ukraine'] });
  const noRelay = gameWithChannels({ ukraine: ['direct', 'envoy', 'public', 'readout'] });
  const v = view({ round: 1, proposals: [close], messages: [carrier(close)], game: noRelay });

  function proposals(notetaker: number) {
    return SEEDS.map((seed) => decide(v, strategy({ notetaker }), new Rng(seed)).command).filter((c): c is Extract<Command, { type: 'propose' }> => c.type === 'propose');
  }

  it('answers an offer made to it alone, within reach, one to one', () => {
    for (const c of proposals(1)) expect(c).toMatchObject({ channel: 'direct', to: ['russia'], notetaker: true, replyTo: 1 });
    for (const c of proposals(0)) expect(c).toMatchObject({ channel: 'direct', to: ['russia'], notetaker: false });
  });

  it('brings a notetaker with the strategy’s probability, the same way for the same seed', () => {
    const out = proposals(0.3);
    expect(out.length).toBe(SEEDS.length);
    const share = out.filter((c) => c.notetaker).length / out.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    for (const seed of SEEDS.slice(0, 20)) expect(decide(v, strategy({ notetaker: 0.3 }), new Rng(seed))).toEqual(decide(v, strategy({ notetaker: 0.3 }), new Rng(seed)));
    expect(decide(v, strategy({ notetaker: 0 }), new Rng(1)).reason).toMatch(/to Russia one to one, with no notetaker/);
  });

  it('sends no notetaker field to the table, in public or through an envoy', () => {
    const far = offer({ id: 1, by: 'russia', round: 1, terms: [2, 2, 1], to: ['ukraine'] }); // far from what Ukraine asks
    const table = decide(view({ round: 1, proposals: [far], messages: [carrier(far)], game: noRelay }), strategy({ notetaker: 0 }), new Rng(1)).command;
    expect(table).toMatchObject({ type: 'propose', channel: 'direct' });
    expect(table).not.toHaveProperty('notetaker');
    expect(table).not.toHaveProperty('to');
    for (const channel of ['public', 'envoy'] as const) {
      for (const seed of SEEDS.slice(0, 20)) {
        const c = decide(v, strategy({ channel, notetaker: 0 }), new Rng(seed)).command;
        if (c.type === 'propose') expect(c).not.toHaveProperty('notetaker');
      }
    }
  });

  it('talks one to one, off the record as the strategy says, when its envoy channel is closed', () => {
    const g = gameWithChannels({ ukraine: ['direct', 'public'] });
    const c = decide(view({ round: 1, game: g }), strategy({ channel: 'envoy', notetaker: 0 }), new Rng(1)).command;
    expect(c).toMatchObject({ type: 'propose', channel: 'direct', notetaker: false });
    expect((c as Extract<Command, { type: 'propose' }>).to).toHaveLength(1);
  });

  it('uses only the channels it has: with public talks only, it proposes in public', () => {
    const g = gameWithChannels({ ukraine: ['public'] });
    const c = decide(view({ round: 1, game: g }), strategy({ channel: 'direct' }), new Rng(1)).command;
    expect(c).toMatchObject({ type: 'propose', channel: 'public' });
    const none = gameWithChannels({ ukraine: [] });
    expect(decide(view({ round: 1, game: none }), strategy({ channel: 'direct' }), new Rng(1)).command.type).toBe('pass');
  });
});
