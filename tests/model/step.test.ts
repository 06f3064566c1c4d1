import { describe, expect, it } from 'vitest';
import { utility, score, crossesRedLine } from '../../src/model/game.js';
import { hashWorld } from '../../src/model/hash.js';
import { validate } from '../../src/model/rules.js';
import { step, IllegalCommand, AMOUNTS } from '../../src/model/step.js';
import { initialWorld } from '../../src/model/world.js';
import { playerView } from '../../src/model/view.js';
import type { Command, World } from '../../src/model/types.js';
import { mini } from '../helpers/games.js';

const game = mini();
const run = (world: World, ...commands: Command[]) => commands.reduce((w, c) => step(game, w, c), world);
const start = (seed = 7) => run(initialWorld(game, seed), { type: 'begin' });

describe('initial world', () => {
  it('takes control, pressure and BATNA from the scenario', () => {
    const w = initialWorld(game, 1);
    expect(w.phase).toBe('briefing');
    expect(w.control.north).toBe(0.5);
    expect(w.parties.blue!.batna).toBe(0.45);
    expect(w.parties.blue!.trust).toEqual({ red: 0.2, green: 0.7 });
    expect(w.parties.red!.trust.blue).toBe(0.5);
    expect(w.parties.red!.posture).toBe('maximalist');
  });
});

describe('utility', () => {
  it('is the weighted sum of option values with weights normalised', () => {
    // blue: weights 5/10, 1/10, 4/10; to-blue(1), lifted(0), monitors(0.5)
    expect(utility(game.prefs.blue!, [0, 2, 1])).toBeCloseTo(0.5 + 0 + 0.2);
    expect(crossesRedLine(game.prefs.blue!, [2, 0, 0])).toBe(true);
    expect(crossesRedLine(game.prefs.blue!, [1, 0, 0])).toBe(false);
  });
  it('scores against the baseline: 0 at the BATNA, 100 at the best, -100 at the worst', () => {
    expect(score(0.5, 0.5)).toBe(0);
    expect(score(1, 0.5)).toBe(100);
    expect(score(0, 0.5)).toBe(-100);
    expect(score(0.75, 0.5)).toBe(50);
  });
});

describe('step', () => {
  it('opens round 1: events do not fire early, the front moves', () => {
    const w = start();
    expect(w.phase).toBe('diplomacy');
    expect(w.round).toBe(1);
    expect(w.firedEvents).toEqual([]);
    expect(w.control.north).not.toBe(0.5);
    expect(w.parties.blue!.pressure).toBe(44); // 40 + 4 per round of war
  });

  it('refuses commands out of turn with a reason, and step throws on them', () => {
    const w = start();
    const command: Command = { type: 'pass', by: 'red' };
    expect(validate(game, w, command)).toBe("it is Blue's turn, not Red's");
    expect(() => step(game, w, command)).toThrow(IllegalCommand);
  });

  it('runs a round in turn order and fires the round-2 event', () => {
    const w = run(start(), { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    expect(w.round).toBe(2);
    // `recent` holds what the last step wrote: green's wait, then the new round's event and front.
    expect(w.turn).toBe(0);
    expect(w.firedEvents).toEqual(['deadline-tariffs']);
    expect(w.recent.some((l) => l.kind === 'event' && l.text.startsWith('Tariff deadline'))).toBe(true);
  });

  it('takes a package every signatory accepts through signing, ratification and implementation to a deal', () => {
    let w = run(start(3), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    const id = w.proposals[0]!.id;
    w = run(w, { type: 'accept', by: 'red', proposal: id });
    expect(w.phase).toBe('diplomacy');
    w = run(w, { type: 'accept', by: 'green', proposal: id });
    expect(w.phase).toBe('signing');
    expect(w.agreement!.terms).toEqual([1, 1, 1]);
    w = run(w, { type: 'sign', by: 'blue' }, { type: 'sign', by: 'red' }, { type: 'sign', by: 'green' });
    expect(w.phase).toBe('ratification');
    w = run(w, { type: 'continue' });
    expect(w.phase).toBe('implementation');
    expect(w.ceasefire).toBe(true);
    while (w.phase !== 'ended') w = run(w, { type: 'continue' });
    if (w.outcome!.kind === 'deal') {
      expect(w.outcome!.terms).toEqual([1, 1, 1]);
      expect(w.outcome!.reason).toBe('implemented');
    } else {
      expect(w.outcome!.reason).toBe('collapse');
    }
  });

  it('a party may accept an offer it rejected while the offer is still open, never reject it twice', () => {
    let w = run(start(3), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    w = run(w, { type: 'reject', by: 'red', proposal: 1, reason: { issue: 0, why: 'target' } }, { type: 'accept', by: 'green', proposal: 1 });
    w = run(w, { type: 'pass', by: 'blue' });
    expect(validate(game, w, { type: 'reject', by: 'red', proposal: 1 })).toBe('Red has already rejected proposal #1 (it may still accept it)');
    expect(validate(game, w, { type: 'accept', by: 'red', proposal: 1 })).toBeNull();
    w = run(w, { type: 'accept', by: 'red', proposal: 1 });
    // The change of mind takes back the rejection and its reason, says so, and makes the agreement.
    expect(w.proposals[0]!.rejected).toEqual([]);
    expect(w.proposals[0]!.reasons?.red).toBeUndefined();
    expect(w.recent.map((l) => l.text)).toContain('Red accepts package #1 after all.');
    expect(w.phase).toBe('signing');
  });

  it('a proposal everyone rejected is off the table: nobody can accept it after all', () => {
    let w = run(start(3), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    w = run(w, { type: 'reject', by: 'red', proposal: 1 }, { type: 'reject', by: 'green', proposal: 1 }, { type: 'pass', by: 'blue' });
    expect(validate(game, w, { type: 'accept', by: 'red', proposal: 1 })).toBe('proposal #1 is not open to Red');
  });

  it('a refusal at signing costs the refuser trust and sends the table back to talks', () => {
    let w = run(start(3), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    w = run(w, { type: 'accept', by: 'red', proposal: 1 }, { type: 'accept', by: 'green', proposal: 1 });
    const before = w.parties.blue!.trust.red!;
    w = run(w, { type: 'sign', by: 'blue' }, { type: 'refuse', by: 'red' });
    expect(w.agreement).toBeUndefined();
    expect(w.phase).toBe('diplomacy');
    expect(w.round).toBe(2);
    expect(w.parties.blue!.trust.red).toBeCloseTo(before + AMOUNTS.refuse.trust);
  });

  it('breaking a public commitment costs credibility (an audience cost)', () => {
    let w = run(start(), { type: 'statement', by: 'blue', issue: 0, option: 0 });
    expect(w.parties.blue!.commitments).toHaveLength(1);
    w = run(w, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    const credibility = w.parties.blue!.credibility;
    w = run(w, { type: 'propose', by: 'blue', terms: [1, 0, 2], channel: 'direct' });
    expect(w.parties.blue!.commitments[0]!.broken).toBe(true);
    expect(w.parties.blue!.credibility).toBeCloseTo(credibility + AMOUNTS.brokenCommitment.credibility);
    expect(w.recent.some((l) => l.kind === 'commitment')).toBe(true);
    expect(w.recent.some((l) => l.kind === 'action' && l.text.includes('proposes'))).toBe(true);
  });

  it('a walk-out that lasts ends the talks without a deal', () => {
    let w = run(start(), { type: 'pass', by: 'blue' }, { type: 'walk-out', by: 'red' }, { type: 'pass', by: 'green' });
    expect(w.parties.red!.status).toBe('walked-out');
    expect(validate(game, w, { type: 'propose', by: 'blue', terms: [0, 0, 0], channel: 'direct', to: ['red'] })).toBe('Red has walked out');
    for (let i = 0; i < 2 && w.phase !== 'ended'; i++) {
      w = run(w, { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    }
    expect(w.phase).toBe('ended');
    expect(w.outcome).toMatchObject({ kind: 'no-deal', reason: 'walk-out' });
  });

  it('ends at the deadline with no deal', () => {
    let w = start();
    while (w.phase !== 'ended') w = run(w, { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    expect(w.round).toBe(game.scenario.calendar.rounds);
    expect(w.outcome).toMatchObject({ kind: 'no-deal', reason: 'deadline' });
  });

  it('levers move the target and can be lifted', () => {
    let w = run(start(), { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' });
    const p = w.parties.red!.pressure;
    w = run(w, { type: 'lever', by: 'green', lever: 'tariffs', apply: true });
    expect(w.parties.red!.pressure).toBe(Math.min(100, p + 10) + 3 + 10); // + war cost + round-2 event
    expect(w.parties.green!.levers).toEqual(['tariffs']);
  });

  it('is deterministic: the same seed and commands give the same hash', () => {
    const a = run(start(11), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    const b = run(start(11), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    expect(hashWorld(a)).toBe(hashWorld(b));
    expect(hashWorld(start(12))).not.toBe(hashWorld(start(11)));
  });
});

describe('envoys and what each party heard', () => {
  it('a distorted proposal is heard differently, hidden from others, and exposed by a clarification call', () => {
    // Find a seed where the red envoy (fidelity 0.5) distorts an offer to blue.
    for (let seed = 1; seed < 200; seed++) {
      let w = run(start(seed), { type: 'pass', by: 'blue' });
      w = run(w, { type: 'propose', by: 'red', terms: [2, 2, 0], channel: 'envoy', envoy: 'red-envoy', to: ['blue'] });
      const p = w.proposals.at(-1)!;
      if (!p.heard.blue) continue;
      const m = w.messages.at(-1)!;
      expect(m.record).toBe(false);
      // Optimistic bias: blue hears something better for blue.
      expect(utility(game.prefs.blue!, p.heard.blue)).toBeGreaterThan(utility(game.prefs.blue!, p.terms));
      const blueView = playerView(w, game, 'blue');
      expect(blueView.proposals.at(-1)!.terms).toEqual(p.heard.blue);
      expect(playerView(w, game, 'red').proposals.at(-1)!.terms).toEqual(p.terms);
      expect(playerView(w, game, 'green').proposals.find((x) => x.id === p.id)).toBeUndefined();
      w = run(w, { type: 'pass', by: 'green' });
      const credibility = w.parties.red!.credibility;
      const trust = w.parties.blue!.trust.red!;
      w = run(w, { type: 'clarify', by: 'blue', message: m.id });
      expect(w.parties.red!.credibility).toBeCloseTo(credibility + game.scenario.information.exposure.credibility);
      expect(w.parties.blue!.trust.red).toBeCloseTo(Math.max(0, trust + game.scenario.information.exposure.trust));
      expect(playerView(w, game, 'blue').proposals.find((x) => x.id === p.id)!.terms).toEqual(p.terms);
      return;
    }
    throw new Error('no seed distorted the offer');
  });

  it('direct talks are never distorted', () => {
    for (let seed = 1; seed < 50; seed++) {
      const w = run(start(seed), { type: 'propose', by: 'blue', terms: [0, 0, 2], channel: 'direct' });
      expect(w.proposals[0]!.heard).toEqual({});
    }
  });
});

describe('rules found by review', () => {
  it('a party that walks out withdraws its acceptances: an absent party signs nothing', () => {
    let w = run(start(3), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    w = run(w, { type: 'accept', by: 'red', proposal: 1 }, { type: 'pass', by: 'green' });
    w = run(w, { type: 'pass', by: 'blue' }, { type: 'walk-out', by: 'red' });
    expect(w.proposals[0]!.accepted).not.toContain('red');
    w = run(w, { type: 'accept', by: 'green', proposal: 1 });
    expect(w.phase).toBe('diplomacy');
  });

  it('refuses a proposal by a channel that is not for proposals, to nobody, twice to one party, or a public one with recipients', () => {
    const w = start();
    const terms = [0, 0, 0];
    expect(validate(game, w, { type: 'propose', by: 'blue', terms, channel: 'readout' as never })).toBe('a proposal goes by direct talks, an envoy, or in public');
    expect(validate(game, w, { type: 'propose', by: 'blue', terms, channel: 'direct', to: [] })).toBe('a proposal needs at least one recipient');
    expect(validate(game, w, { type: 'propose', by: 'blue', terms, channel: 'direct', to: ['red', 'red'] })).toBe('a recipient is named twice');
    expect(validate(game, w, { type: 'propose', by: 'blue', terms, channel: 'public', to: ['red'] })).toBe('a public proposal is heard by everyone: it takes no recipients');
  });

  it('never mistakes an inherited name for a party or a posture', () => {
    const w = start();
    expect(validate(game, w, { type: 'pass', by: 'constructor' })).toBe('no party "constructor"');
    expect(validate(game, w, { type: 'posture', party: 'red', posture: 'constructor', note: '' })).toBe('Red has no posture "constructor"');
  });

  it('talks with part of the table stay between those at them, and do not cost public commitments', () => {
    let w = run(start(), { type: 'statement', by: 'blue', issue: 0, option: 0 }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    const credibility = w.parties.blue!.credibility;
    w = run(w, { type: 'propose', by: 'blue', terms: [1, 0, 2], channel: 'direct', to: ['red'], notetaker: false });
    expect(w.recent.every((l) => l.visibleTo?.includes('red') && !l.visibleTo.includes('green'))).toBe(true);
    expect(w.parties.blue!.credibility).toBe(credibility);
    expect(w.parties.blue!.commitments[0]!.broken).toBe(false);
    expect(playerView(w, game, 'green').proposals.some((p) => p.id === w.proposals.at(-1)!.id)).toBe(false);
  });

  it("a notetaker at one-to-one talks costs the other side's candour whoever brings it", () => {
    const w = start();
    const trust = w.parties.red!.trust.blue!;
    const after = run(w, { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct', to: ['red'] });
    expect(after.parties.red!.trust.blue).toBeCloseTo(trust + game.scenario.information.notetaker.trust);
    const off = run(w, { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct', to: ['red'], notetaker: false });
    expect(off.parties.red!.trust.blue).toBe(trust);
  });

  it('answers to an envoy cannot be clarified for free trust', () => {
    let w = run(start(), { type: 'pass', by: 'blue' });
    w = run(w, { type: 'propose', by: 'red', terms: [1, 1, 1], channel: 'envoy', envoy: 'red-envoy', to: ['green'] });
    w = run(w, { type: 'reject', by: 'green', proposal: w.proposals.at(-1)!.id });
    const answer = w.messages.at(-1)!;
    expect(answer.said.kind).toBe('response');
    w = run(w, { type: 'pass', by: 'blue' });
    expect(validate(game, w, { type: 'clarify', by: 'red', message: answer.id })).toBe(`m${answer.id} cannot be clarified`);
  });

  it('keeps its own copy of the recipients a command names', () => {
    const to = ['red'];
    const w = run(start(), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct', to });
    to.push('green');
    expect(w.proposals[0]!.to).toEqual(['red']);
  });
});

describe('a proposal that leaves the table says so', () => {
  const closed = (w: World) => w.recent.filter((l) => l.kind === 'closed');
  const aRound = (w: World) => run(w, { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });

  it('withdrawn by a new offer: one line, seen by those who were in the talks it was made in', () => {
    let w = run(start(), { type: 'propose', by: 'blue', terms: [0, 1, 1], channel: 'direct', to: ['red'] }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    w = run(w, { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' });
    expect(w.proposals[0]!.status).toBe('superseded');
    expect(closed(w)).toEqual([
      { round: 2, kind: 'closed', party: 'blue', text: "Blue's package #1 is withdrawn: its new offer replaces it.", visibleTo: ['blue', 'red'], proposal: 1 },
    ]);
    // Green was not in those talks: its view does not hear of #1 leaving.
    expect(playerView(w, game, 'green').recent.some((l) => l.kind === 'closed')).toBe(false);
  });

  it('rejected by everyone it went to', () => {
    const w = run(
      start(),
      { type: 'propose', by: 'blue', terms: [0, 1, 1], channel: 'direct' },
      { type: 'reject', by: 'red', proposal: 1 },
      { type: 'reject', by: 'green', proposal: 1 },
    );
    expect(w.proposals[0]!.status).toBe('rejected');
    // The last answer, then the line that takes it off the table (then the round ends).
    expect(w.recent.map((l) => l.text).slice(0, 2)).toEqual(['Green rejects package #1.', "Blue's package #1 is off the table: everyone it went to rejected it."]);
  });

  it('expired: it stood for its lifetime without agreement', () => {
    let w = run(start(), { type: 'propose', by: 'blue', terms: [0, 1, 1], channel: 'direct' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' });
    w = aRound(w);
    expect(w.proposals[0]!.status).toBe('open');
    w = aRound(w);
    expect(w.proposals[0]!.status).toBe('expired');
    expect(closed(w).map((l) => l.text)).toEqual(["Blue's package #1 expires: it stood from round 1 to round 3 without agreement."]);
  });

  it('swept away by an agreement on another package', () => {
    let w = run(start(), { type: 'propose', by: 'blue', terms: [1, 1, 1], channel: 'direct' }, { type: 'propose', by: 'red', terms: [1, 1, 1], channel: 'direct' });
    w = run(w, { type: 'accept', by: 'green', proposal: 1 }, { type: 'accept', by: 'blue', proposal: 2 }, { type: 'accept', by: 'red', proposal: 1 });
    expect(w.phase).toBe('signing');
    expect(closed(w).map((l) => l.text)).toEqual(["Red's package #2 falls away: the table agreed on #1."]);
  });
});
