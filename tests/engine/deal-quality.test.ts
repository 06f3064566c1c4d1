// The deal-quality measures of `simulate --json`, on hand-built final worlds of the debrief's test game.
import { describe, expect, it } from 'vitest';
import { DealQualityCounter } from '../../src/engine/deal-quality.js';
import { utility } from '../../src/model/game.js';
import type { Terms, World } from '../../src/model/types.js';
import { act, finalWorld, propose, testGame } from '../analysis/game-fixture.js';

const game = testGame();
const rounds = game.scenario.calendar.rounds;

/** A finished world: a deal on `terms`, or no deal (with or without an agreement signed by all). */
function ended(kind: 'deal' | 'no-deal', terms: Terms, signed = kind === 'deal'): World {
  const world = finalWorld(game, [act(1, { type: 'begin' }), propose(rounds, 'usa', terms)], {}, rounds);
  world.round = rounds;
  if (signed)
    world.agreement = {
      proposal: 1,
      round: rounds,
      terms: [...terms],
      signatories: [...game.public.signatories],
      signed: [...game.public.signatories],
      ratified: {},
      violations: 0,
    };
  world.outcome =
    kind === 'deal'
      ? { kind, reason: 'implemented', round: rounds, terms: [...terms], summary: '' }
      : { kind, reason: signed ? 'collapse' : 'deadline', round: rounds, summary: '' };
  return world;
}

describe('deal quality', () => {
  it('counts a deal another signable package makes everyone at least as happy with as dominated', () => {
    const q = new DealQualityCounter(game);
    const u = (t: Terms) => game.partyIds.map((id) => utility(game.prefs[id]!, t));
    // [withdraw, Europe, eased] is better than [withdraw, none, keep] for every party.
    const poor: Terms = [0, 0, 0];
    const better: Terms = [0, 1, 1];
    expect(u(better).every((x, k) => x > u(poor)[k]!)).toBe(true);
    q.add(ended('deal', [1, 1, 1]));
    expect(q.result().dominatedShare).toBe(0);
    q.add(ended('deal', poor));
    expect(q.result().dominatedShare).toBe(0.5);
  });

  it('says which party a deal left below its reservation value', () => {
    const q = new DealQualityCounter(game);
    const terms: Terms = [0, 1, 0]; // Russia: 0 + 0.15 + 0 = 0.15 against its 0.35
    expect(utility(game.prefs.russia!, terms)).toBeLessThan(game.prefs.russia!.reservation);
    q.add(ended('deal', terms));
    expect(q.result().belowReservation).toMatchObject({ russia: 1, usa: 0 });
  });

  it('tells a deal signed below the BATNA of the moment from one that the war pushed below where a party started', () => {
    const q = new DealQualityCounter(game);
    const terms: Terms = [0, 1, 0]; // Russia: 0.15 against its 0.35 at the start
    const sign = (world: World, by: string, batna: number) => {
      world.parties[by]!.batna = batna;
      q.watch({ command: { type: 'sign', by }, round: rounds }, world);
    };
    // The war brought Russia's BATNA down to 0.1 before it signed: worse than where it began, not a mistake.
    const late = ended('deal', terms);
    for (const id of game.partyIds) sign(late, id, id === 'russia' ? 0.1 : late.parties[id]!.batna);
    q.add(late);
    expect(q.result().belowReservation).toMatchObject({ russia: 1 });
    expect(q.result().belowBatna).toMatchObject({ russia: 0, usa: 0 });
    // Russia signed with a BATNA of 0.3 in hand: a deal worth 0.15 was a mistake, whatever the BATNA did later.
    const early = ended('deal', terms);
    for (const id of game.partyIds) sign(early, id, id === 'russia' ? 0.3 : early.parties[id]!.batna);
    early.parties.russia!.batna = 0.05;
    q.add(early);
    expect(q.result().belowBatna).toMatchObject({ russia: 0.5, usa: 0 });
  });

  it('counts a no-deal game as missed only when a late package beat every BATNA and nobody signed one', () => {
    const terms: Terms = [1, 1, 1];
    const watchLate = (q: DealQualityCounter, world: World) => q.watch({ command: { type: 'propose', by: 'usa', terms, channel: 'direct' }, round: rounds }, world);
    const q = new DealQualityCounter(game);
    const missed = ended('no-deal', terms, false);
    watchLate(q, missed);
    q.add(missed);
    expect(q.result().batnaBeatingPackageMissed).toBe(1);
    // The same package signed by all and then voted down at home was taken, not missed.
    const votedDown = ended('no-deal', terms, true);
    watchLate(q, votedDown);
    q.add(votedDown);
    expect(q.result().batnaBeatingPackageMissed).toBe(0.5);
    // A game where nothing good was tabled late is no miss either.
    q.add(ended('no-deal', terms, false));
    expect(q.result().batnaBeatingPackageMissed).toBe(0.333);
  });
});
