// Information as a first-class part of the game: records, envoys, relays, readouts, leaks and meetings.
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { decide } from '../../src/ai/decide.js';
import { cableMachine, cableStatus, type CableEvent } from '../../src/engine/channel-machine.js';
import { compileGame, crossesRedLine, utility } from '../../src/model/game.js';
import { Rng } from '../../src/model/rng.js';
import { exposureHow, step } from '../../src/model/step.js';
import { playerView } from '../../src/model/view.js';
import { initialWorld } from '../../src/model/world.js';
import type { Command, World } from '../../src/model/types.js';
import { mini } from '../helpers/games.js';

const base = mini();
const run = (game: typeof base, world: World, ...commands: Command[]) => commands.reduce((w, c) => step(game, w, c), world);

/** Mini with a scripted meeting in round 1: Red hosts Blue's low-fidelity aide, with no notetaker. */
function withMeeting(notetaker: boolean, fidelity = 0.2, leakChance = 0) {
  const scenario = structuredClone<typeof base.scenario>(base.scenario);
  scenario.parties[0]!.envoys[0]!.fidelity = fidelity;
  scenario.meetings.push({
    id: 'palace',
    title: 'The palace meeting',
    round: 1,
    host: 'red',
    guest: 'blue',
    envoy: 'blue-aide',
    notetaker,
    terms: { 'north-status': 'split', sanctions: 'lifted', guarantee: 'none' },
  });
  scenario.information.leakChance = leakChance;
  return compileGame(scenario);
}

describe('records and envoys', () => {
  it('an official record is never distorted, whatever the seed', () => {
    const game = withMeeting(true, 0);
    for (let seed = 0; seed < 60; seed++) {
      const w = run(game, initialWorld(game, seed), { type: 'begin' });
      const p = w.proposals.find((x) => x.meeting === 'palace')!;
      expect(w.messages[p.message - 1]!.record).toBe(true);
      expect(p.heard).toEqual({}); // fidelity 0, yet the record holds what was said
    }
  });

  it('without a record the same seed distorts the same messages', () => {
    const game = withMeeting(false, 0.2);
    const distorted = (seed: number) => {
      const w = run(game, initialWorld(game, seed), { type: 'begin' });
      return JSON.stringify(w.proposals.map((p) => p.heard));
    };
    const seeds = Array.from({ length: 30 }, (_, i) => i);
    expect(seeds.map(distorted)).toEqual(seeds.map(distorted));
    expect(new Set(seeds.map(distorted)).size).toBeGreaterThan(1);
  });

  it('a meeting is held once, in its round, and conditions can see it', () => {
    const game = withMeeting(false);
    const w = run(game, initialWorld(game, 1), { type: 'begin' });
    expect(w.meetingsHeld).toEqual(['palace']);
    expect(w.proposals.filter((p) => p.meeting === 'palace')).toHaveLength(1);
    expect(w.recent.some((l) => l.text.startsWith('The palace meeting: Red meets Blue Aide for Blue, with no notetaker'))).toBe(true);
  });
});

/** A seed where the aide's report of the palace offer differs from what Red said. */
function distortedStart(game: typeof base) {
  for (let seed = 0; seed < 500; seed++) {
    const w = run(game, initialWorld(game, seed), { type: 'begin' });
    const p = w.proposals.find((x) => x.meeting === 'palace')!;
    if (p.heard.blue) return { w, p, seed };
  }
  throw new Error('no seed distorted the meeting');
}

describe('exposure', () => {
  it("a guest that checks its own envoy's report learns the truth in private, at no public cost", () => {
    const game = withMeeting(false);
    const { w, p } = distortedStart(game);
    const after = run(game, w, { type: 'clarify', by: 'blue', message: p.message });
    expect(after.parties.blue!.credibility).toBe(w.parties.blue!.credibility);
    expect(after.recent.some((l) => l.kind === 'exposure' && l.visibleTo?.join() === 'blue' && l.text.includes("its own envoy's report"))).toBe(true);
    expect(playerView(after, game, 'blue').proposals.find((x) => x.id === p.id)!.terms).toEqual(p.terms);
    expect(cableStatus(playerView(after, game, 'blue').messages.find((m) => m.id === p.message)!)).toBe('exposed');
  });

  it('an exposure line says how it came out, in the words a scenario gives, colons and all', () => {
    const game = withMeeting(false);
    const scenario = structuredClone<typeof base.scenario>(game.scenario);
    const how = 'Recordings: a transcript of the palace meeting is published';
    scenario.events.push({
      id: 'tapes',
      title: 'The tapes',
      text: '',
      when: { round: { gte: 2 } },
      repeat: false,
      effects: [{ check: { party: 'blue', meeting: 'palace', how } }],
    } as never);
    const taped = compileGame(scenario);
    const { w } = distortedStart(taped);
    const after = run(taped, w, { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    const line = after.recent.find((l) => l.kind === 'exposure');
    expect(line?.text).toMatch(/^Recordings: a transcript of the palace meeting is published: Blue learns that its own envoy's report/);
    expect(exposureHow(line!.text)).toBe(how);
  });

  it("a meeting that leaves the notetaker open lets the guest's posture decide, seeded", () => {
    const scenario = structuredClone<typeof base.scenario>(base.scenario);
    scenario.meetings.push({ id: 'open', title: 'Open talks', round: 1, host: 'red', guest: 'blue', terms: {} });
    scenario.parties[0]!.postures.states.firm!.strategy.notetaker = 0.5;
    const game = compileGame(scenario);
    const records = Array.from({ length: 40 }, (_, seed) => {
      const w = run(game, initialWorld(game, seed), { type: 'begin' });
      return w.messages.find((m) => m.said.kind === 'proposal' && w.proposals[m.said.proposal - 1]!.meeting === 'open')!.record;
    });
    expect(new Set(records)).toEqual(new Set([true, false]));
    const again = run(game, initialWorld(game, 7), { type: 'begin' });
    expect(again.messages.at(-1)!.record).toBe(records[7]);
  });

  it('a relay that misreports is exposed when the speaker is asked, costing the relayer trust', () => {
    const game = withMeeting(false, 1);
    let w = run(game, initialWorld(game, 3), { type: 'begin' });
    const p = w.proposals.find((x) => x.meeting === 'palace')!;
    // Blue tells Green that Red offered to give the north back — which Red did not.
    const told = [0, ...p.terms.slice(1)];
    w = run(game, w, { type: 'relay', by: 'blue', message: p.message, to: ['green'], terms: told });
    const relay = w.messages.at(-1)!;
    expect(relay.channel).toBe('relay');
    const greenView = playerView(w, game, 'green');
    expect(greenView.messages.find((m) => m.id === relay.id)!.body).toEqual({ kind: 'account', of: p.message, terms: told });
    expect(cableStatus(greenView.messages.find((m) => m.id === relay.id)!)).toBe('hearsay');
    w = run(game, w, { type: 'pass', by: 'red' });
    const trust = w.parties.green!.trust.blue!;
    w = run(game, w, { type: 'clarify', by: 'green', message: relay.id });
    expect(w.parties.green!.trust.blue).toBeCloseTo(trust + game.scenario.information.exposure.trust);
    const line = w.recent.find((l) => l.kind === 'exposure' && l.text.includes('what Blue told Green is not what Red said'));
    expect(exposureHow(line!.text)).toBe('A clarification call with Red');
  });

  it('two readouts of talks without a record that disagree are flagged for whoever holds both', () => {
    const game = withMeeting(false, 1);
    let w = run(game, initialWorld(game, 3), { type: 'begin' });
    const p = w.proposals.find((x) => x.meeting === 'palace')!;
    w = run(game, w, { type: 'readout', by: 'blue', message: p.message, terms: [0, 0, 2] });
    w = run(game, w, { type: 'readout', by: 'red', message: p.message });
    const green = playerView(w, game, 'green');
    const readouts = green.messages.filter((m) => m.channel === 'readout');
    expect(readouts).toHaveLength(2);
    expect(readouts.every((m) => m.disputed)).toBe(true);
    expect(readouts.map((m) => cableStatus(m))).toEqual(['disputed', 'disputed']);
  });

  it('a leak tells everyone what was really said and exposes whoever was told otherwise', () => {
    const game = withMeeting(false, 0.2, 1);
    const { w } = distortedStart(game);
    const after = run(game, w, { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    expect(after.messages.some((m) => m.channel === 'leak')).toBe(true);
    expect(after.messages.find((m) => m.channel === 'envoy')!.exposedTo).toContain('blue');
  });
});

describe('acting on what was heard', () => {
  it('an AI that heard a distorted offer acts on the distortion until it learns otherwise', () => {
    // Red's envoy tells Blue something far better than Red's real offer; Blue's AI judges what it heard.
    const game = base;
    for (let seed = 1; seed < 400; seed++) {
      let w = run(game, initialWorld(game, seed), { type: 'begin' }, { type: 'pass', by: 'blue' });
      w = run(game, w, { type: 'propose', by: 'red', terms: [1, 2, 0], channel: 'envoy', envoy: 'red-envoy', to: ['blue'] });
      const p = w.proposals.at(-1)!;
      const heard = p.heard.blue;
      if (!heard) continue;
      const blue = game.prefs.blue!;
      if (utility(blue, heard) <= utility(blue, p.terms) + 0.05 || crossesRedLine(blue, heard)) continue;
      w = run(game, w, { type: 'pass', by: 'green' });
      const strategy = { policy: 'linear' as const, aspiration: 0.5, statements: false, channel: 'direct' as const, levers: false, notetaker: 1, candour: 1, briefing: 0.35 };
      const before = playerView(w, game, 'blue');
      expect(before.proposals.find((x) => x.id === p.id)!.terms).toEqual(heard);
      const judged = (view: typeof before) => utility(view.preferences, view.proposals.find((x) => x.id === p.id)!.terms);
      expect(judged(before)).toBeGreaterThan(utility(blue, p.terms));
      const exposed = run(game, w, { type: 'clarify', by: 'blue', message: p.message });
      const afterView = playerView(exposed, game, 'blue');
      expect(judged(afterView)).toBeCloseTo(utility(blue, p.terms));
      // It decides on what it believes: on the flattering version it takes the offer (or first checks it);
      // once the truth is out, the same decision function on the new view does not accept it.
      const first = decide(before, strategy, new Rng(1)).command;
      expect(['accept', 'clarify']).toContain(first.type);
      const later = decide(afterView, { ...strategy, aspiration: Math.max(0.5, judged(before) - 0.01) }, new Rng(1)).command;
      expect(later.type === 'accept' && later.proposal === p.id).toBe(false);
      return;
    }
    throw new Error('no seed produced a flattering distortion');
  });
});

describe('the cable machine (model-based)', () => {
  const events: CableEvent[] = [{ type: 'HEARD', record: true }, { type: 'HEARD', record: false }, { type: 'CONFIRMED' }, { type: 'CONTRADICTED' }, { type: 'EXPOSED' }];
  const paths = getShortestPaths(cableMachine, { events });

  it('reaches every status from a sent message', () => {
    expect(new Set(paths.map((p) => String(p.state.value)))).toEqual(new Set(['sent', 'on-record', 'hearsay', 'confirmed', 'disputed', 'exposed']));
  });

  it('never lets words on the record be disputed or exposed', () => {
    for (const path of paths) {
      const states = path.steps.map((s) => String(s.state.value));
      const i = states.indexOf('on-record');
      if (i >= 0) expect(states.slice(i).every((s) => s === 'on-record')).toBe(true);
    }
  });

  it('cableStatus follows the machine from the facts in a view', () => {
    const message = {
      id: 1,
      round: 1,
      from: 'red',
      to: ['blue'],
      channel: 'envoy' as const,
      record: false,
      body: { kind: 'note' as const, text: '' },
      clarified: false,
      exposed: false,
      disputed: false,
      confidence: 0.7,
    };
    expect(cableStatus(message)).toBe('hearsay');
    expect(cableStatus({ ...message, clarified: true })).toBe('confirmed');
    expect(cableStatus({ ...message, disputed: true })).toBe('disputed');
    expect(cableStatus({ ...message, exposed: true, clarified: true })).toBe('exposed');
    expect(cableStatus({ ...message, record: true, channel: 'direct', exposed: true })).toBe('on-record');
  });
});

describe('who answers for a relay', () => {
  it("a party that faithfully passes on a garbled report is not blamed: the envoy's principal is", () => {
    const game = withMeeting(false);
    const { w, p } = distortedStart(game);
    // Blue passes on exactly what its aide told it; Green later learns the truth from Red.
    let world = run(game, w, { type: 'relay', by: 'blue', message: p.message, to: ['green'] });
    const relay = world.messages.at(-1)!;
    expect(relay.via).toBe(p.message);
    world = run(game, world, { type: 'pass', by: 'red' });
    const credibility = world.parties.blue!.credibility;
    const trust = world.parties.green!.trust.blue!;
    world = run(game, world, { type: 'clarify', by: 'green', message: relay.id });
    // Blue's aide garbled it, so Blue (the principal) still answers — but as the envoy's principal, and once.
    expect(world.parties.blue!.credibility).toBeCloseTo(credibility + game.scenario.information.exposure.credibility);
    expect(world.parties.green!.trust.blue).toBeCloseTo(trust + game.scenario.information.exposure.trust);
    const view = playerView(world, game, 'green').messages.find((m) => m.id === relay.id)!;
    expect(view.speaker).toBe('red');
    expect(view.about).toBe(p.message);
  });

  it("a third party that passes on faithfully what it was told is not blamed for the teller's lie", () => {
    const game = withMeeting(false, 1);
    let w = run(game, initialWorld(game, 2), { type: 'begin' });
    const p = w.proposals.find((x) => x.meeting === 'palace')!;
    w = run(game, w, { type: 'relay', by: 'blue', message: p.message, to: ['green'], terms: [0, ...p.terms.slice(1)] });
    const lie = w.messages.at(-1)!;
    w = run(game, w, { type: 'pass', by: 'red' }, { type: 'relay', by: 'green', message: lie.id, to: ['red'] });
    const passedOn = w.messages.at(-1)!;
    const green = w.parties.green!.credibility;
    const blue = w.parties.blue!.credibility;
    w = run(game, w, { type: 'pass', by: 'blue' }, { type: 'clarify', by: 'red', message: passedOn.id });
    expect(w.parties.green!.credibility).toBe(green);
    expect(w.parties.blue!.credibility).toBeCloseTo(blue + game.scenario.information.exposure.credibility);
  });
});

describe('conditions read what a party believes', () => {
  it('an offer condition judges what the party heard until the distortion is exposed to it', async () => {
    const { holds } = await import('../../src/model/conditions.js');
    const game = base;
    for (let seed = 1; seed < 400; seed++) {
      let w = run(game, initialWorld(game, seed), { type: 'begin' }, { type: 'pass', by: 'blue' });
      w = run(game, w, { type: 'propose', by: 'red', terms: [1, 2, 0], channel: 'envoy', envoy: 'red-envoy', to: ['blue'] });
      const p = w.proposals.at(-1)!;
      if (!p.heard.blue) continue;
      const heard = utility(game.prefs.blue!, p.heard.blue);
      const real = utility(game.prefs.blue!, p.terms);
      if (Math.abs(heard - real) < 0.05) continue;
      const at = (x: number) => ({ offer: { party: 'blue', gte: x - 1e-9, lte: x + 1e-9 } });
      expect(holds(at(heard), game, w)).toBe(true);
      w = run(game, w, { type: 'pass', by: 'green' }, { type: 'clarify', by: 'blue', message: p.message });
      expect(holds(at(real), game, w)).toBe(true);
      return;
    }
    throw new Error('no seed distorted the offer');
  });
});
