// A three-party, three-issue game and a hand-built final World, so the debrief can be tested without the
// rules engine: the World starts from initialWorld() and its history (proposals, messages, BATNAs, outcome) is
// written in by hand, the way step() would have left it.
import { compileGame, type Game } from '../../src/model/game.js';
import type { Command, LogLine, Message, PartyId, Proposal, Terms, World } from '../../src/model/types.js';
import { initialWorld } from '../../src/model/world.js';
import { Scenario } from '../../src/scenario/schema.js';
import type { CommandRecord } from '../../src/analysis/debrief/types.js';

const posture = { talking: { label: 'Talking', strategy: { policy: 'linear' } } };

export function testGame(baseline: 'initial-batna' | 'final-batna' = 'initial-batna'): Game {
  const scenario = Scenario.parse({
    meta: { id: 'test-talks', title: 'Test talks', date: '2025-08-15', summary: 'A small game for the debrief tests.' },
    calendar: { rounds: 8 },
    issues: [
      {
        id: 'donetsk',
        name: 'Donetsk',
        kind: 'territory',
        signatories: ['ukraine', 'russia'],
        options: [
          { id: 'withdraw', label: 'Russian withdrawal' },
          { id: 'freeze', label: 'freeze on the contact line' },
          { id: 'cede', label: 'ceded to Russia' },
        ],
      },
      {
        id: 'guarantees',
        name: 'Security guarantees',
        kind: 'security',
        signatories: ['ukraine', 'russia', 'usa'],
        options: [
          { id: 'none', label: 'none' },
          { id: 'europe', label: 'European guarantees' },
          { id: 'nato', label: 'NATO membership' },
        ],
      },
      {
        id: 'sanctions',
        name: 'Sanctions',
        kind: 'economic',
        signatories: ['usa'],
        options: [
          { id: 'keep', label: 'kept' },
          { id: 'ease', label: 'eased' },
          { id: 'lift', label: 'lifted' },
        ],
      },
    ],
    parties: [
      {
        id: 'ukraine',
        name: 'Ukraine',
        leader: 'Zelensky',
        colour: 'yellow',
        briefing: 'Hold the line.',
        preferences: {
          weights: { donetsk: 0.5, guarantees: 0.4, sanctions: 0.1 },
          values: {
            donetsk: { withdraw: 1, freeze: 0.5, cede: 0 },
            guarantees: { none: 0, europe: 0.7, nato: 1 },
            sanctions: { keep: 1, ease: 0.5, lift: 0 },
          },
          reservation: 0.35,
          redLines: [{ issue: 'donetsk', option: 'cede' }],
        },
        postures: { initial: 'talking', states: posture },
        envoys: [{ id: 'umerov', name: 'Umerov', fidelity: 0.9 }],
      },
      {
        id: 'russia',
        name: 'Russia',
        leader: 'Putin',
        colour: 'red',
        briefing: 'Win the peace.',
        credibility: 0.6,
        preferences: {
          weights: { donetsk: 0.3, guarantees: 0.3, sanctions: 0.4 },
          values: {
            donetsk: { withdraw: 0, freeze: 0.6, cede: 1 },
            guarantees: { none: 1, europe: 0.5, nato: 0 },
            sanctions: { keep: 0, ease: 0.6, lift: 1 },
          },
          reservation: 0.35,
          redLines: [{ issue: 'guarantees', option: 'nato' }],
        },
        postures: { initial: 'talking', states: posture },
        envoys: [{ id: 'dmitriev', name: 'Dmitriev', fidelity: 0.5 }],
      },
      {
        id: 'usa',
        name: 'United States',
        leader: 'Trump',
        colour: 'blue',
        briefing: 'Make a deal.',
        preferences: {
          weights: { donetsk: 0.2, guarantees: 0.3, sanctions: 0.5 },
          values: {
            donetsk: { withdraw: 0.6, freeze: 1, cede: 0.3 },
            guarantees: { none: 0.3, europe: 1, nato: 0.5 },
            sanctions: { keep: 0.3, ease: 1, lift: 0.7 },
          },
          reservation: 0.4,
        },
        postures: { initial: 'talking', states: posture },
        levers: [{ id: 'tariffs', label: 'Secondary tariffs on buyers of Russian oil', target: 'russia', pressure: 10 }],
      },
    ],
    scoring: { baseline },
  });
  return compileGame(scenario);
}

/** A World at the end of a game: parties at these BATNAs, proposals rebuilt from the command log. */
export function finalWorld(game: Game, records: readonly CommandRecord[], batnas: Record<PartyId, number>, round: number): World {
  const start = initialWorld(game, 42);
  const parties = structuredClone(start.parties);
  for (const id of game.partyIds) parties[id]!.batna = batnas[id] ?? game.prefs[id]!.reservation;
  const proposals: Proposal[] = [];
  const messages: Message[] = [];
  for (const r of records) {
    const c = r.command;
    if (c.type !== 'propose') continue;
    const id = proposals.length + 1;
    const to = c.to ?? game.partyIds.filter((p) => p !== c.by);
    proposals.push({
      id,
      round: r.round,
      by: c.by,
      terms: [...c.terms],
      channel: c.channel,
      to,
      heard: {},
      accepted: [c.by],
      rejected: [],
      status: 'superseded',
      message: messages.length + 1,
    });
    messages.push({
      id: messages.length + 1,
      round: r.round,
      from: c.by,
      to,
      channel: c.channel,
      record: c.channel !== 'envoy',
      said: { kind: 'proposal', proposal: id, terms: [...c.terms] },
      heard: {},
      exposedTo: [],
      clarified: [],
    });
  }
  return { ...start, round, phase: 'ended', moves: records.length, parties, proposals, messages };
}

export const propose = (round: number, by: PartyId, terms: Terms, to?: PartyId[]): CommandRecord => ({
  round,
  command: to ? { type: 'propose', by, terms, channel: 'direct', to } : { type: 'propose', by, terms, channel: 'direct' },
});
export const act = (round: number, command: Command, reason?: string): CommandRecord => (reason ? { round, command, reason } : { round, command });

/**
 * The deal game. Ukraine (the human) opens high, the United States offers the compromise [freeze, Europe,
 * eased]; Ukraine walks out in round 3, the United States hardens its offer while it is away; Ukraine comes
 * back, Russia offers the compromise, everyone accepts and signs.
 */
export function dealGame(game: Game = testGame()): { game: Game; world: World; records: CommandRecord[]; log: LogLine[] } {
  const records: CommandRecord[] = [
    act(1, { type: 'begin' }),
    propose(1, 'ukraine', [0, 2, 0]), // #1
    propose(1, 'russia', [2, 0, 2]), // #2
    propose(1, 'usa', [1, 1, 1]), // #3: worth 0.58 to Ukraine
    propose(2, 'ukraine', [0, 1, 1]), // #4
    act(2, { type: 'statement', by: 'russia', issue: 1, option: 0 }, 'no guarantees: our red line in public'),
    propose(2, 'russia', [1, 1, 2]), // #5: 0.53 to Ukraine
    act(2, { type: 'pass', by: 'usa' }),
    act(3, { type: 'walk-out', by: 'ukraine' }),
    propose(3, 'usa', [1, 0, 1], ['ukraine', 'russia']), // #6: 0.30 to Ukraine
    act(3, { type: 'lever', by: 'usa', lever: 'tariffs', apply: true }, 'pressing Russia'),
    act(4, { type: 'return', by: 'ukraine' }),
    propose(4, 'russia', [1, 1, 1]), // #7: 0.58 to Ukraine
    act(4, { type: 'accept', by: 'ukraine', proposal: 7 }),
    act(4, { type: 'accept', by: 'usa', proposal: 7 }),
    act(4, { type: 'sign', by: 'ukraine' }),
    act(4, { type: 'sign', by: 'russia' }),
    act(4, { type: 'sign', by: 'usa' }),
    act(5, { type: 'continue' }),
  ];
  const world = finalWorld(game, records, { ukraine: 0.3, russia: 0.4, usa: 0.4 }, 6);
  world.parties.russia!.commitments = [{ issue: 1, option: 0, round: 2, broken: true }];
  world.parties.russia!.credibility = 0.45;
  world.parties.usa!.levers = ['tariffs'];
  // Russia's envoy carried its package #5 to Ukraine garbled as well, and Ukraine found out with a call.
  world.messages.push({
    id: world.messages.length + 1,
    round: 2,
    from: 'russia',
    to: ['ukraine'],
    channel: 'envoy',
    envoy: 'dmitriev',
    record: false,
    said: { kind: 'proposal', proposal: 5, terms: [1, 1, 2] },
    heard: { ukraine: { kind: 'proposal', proposal: 5, terms: [0, 1, 2] } },
    exposedTo: ['ukraine'],
    clarified: ['ukraine'],
  });
  world.agreement = {
    proposal: 7,
    round: 4,
    terms: [1, 1, 1],
    signatories: ['ukraine', 'russia', 'usa'],
    signed: ['ukraine', 'russia', 'usa'],
    ratified: { ukraine: true, russia: true, usa: true },
    implementedFrom: 5,
    violations: 1,
  };
  world.outcome = { kind: 'deal', reason: 'implemented', round: 6, terms: [1, 1, 1], summary: 'The agreement was signed, ratified and carried out.' };
  const log: LogLine[] = [
    { round: 1, kind: 'event', text: 'Test talks: the talks open.' },
    { round: 1, kind: 'front', text: 'The front moved: Donetsk +1 %.' },
    { round: 1, kind: 'action', party: 'ukraine', text: 'Ukraine proposes package #1.' },
    { round: 2, kind: 'posture', party: 'russia', text: 'Russia: Bargaining — the pressure tells.' },
    { round: 2, kind: 'exposure', party: 'ukraine', text: 'Ukraine finds out that Dmitriev garbled m8.', visibleTo: ['ukraine', 'russia'] },
    { round: 3, kind: 'walk-out', party: 'ukraine', text: 'Ukraine walks out of the talks.' },
    { round: 4, kind: 'commitment', party: 'russia', text: 'Russia went back on its public word on Security guarantees: credibility falls.' },
    { round: 4, kind: 'signing', text: 'Every party accepted package #7: the text goes to signing.' },
    { round: 5, kind: 'implementation', text: 'The ceasefire is violated (1 of 3 the deal can bear).' },
    { round: 5, kind: 'implementation', text: 'Implementation continues.' },
    { round: 6, kind: 'outcome', text: 'The agreement was signed, ratified and carried out.' },
  ];
  return { game, world, records, log };
}

/** A game that ends without a deal: Russia walks out and stays out. */
export function noDealGame(game: Game = testGame()): { game: Game; world: World; records: CommandRecord[]; log: LogLine[] } {
  const records: CommandRecord[] = [
    act(1, { type: 'begin' }),
    propose(1, 'ukraine', [0, 2, 0]),
    propose(1, 'russia', [2, 0, 2]),
    act(1, { type: 'pass', by: 'usa' }),
    act(2, { type: 'walk-out', by: 'russia' }, 'nothing here beats the battlefield'),
  ];
  const world = finalWorld(game, records, { ukraine: 0.3, russia: 0.45, usa: 0.38 }, 5);
  world.parties.russia!.status = 'walked-out';
  world.outcome = { kind: 'no-deal', reason: 'walk-out', round: 5, summary: 'Russia stayed away: the talks are over and the war goes on.' };
  const log: LogLine[] = [
    { round: 2, kind: 'walk-out', party: 'russia', text: 'Russia walks out of the talks.' },
    { round: 5, kind: 'outcome', text: 'Russia stayed away: the talks are over and the war goes on.' },
  ];
  return { game, world, records, log };
}
