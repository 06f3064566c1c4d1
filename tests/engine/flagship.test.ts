// The flagship scenario is a real game: deals sometimes happen and sometimes do not, and what one party
// chooses changes how it ends.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { playGame } from '../../src/engine/advance.js';
import { playSession } from '../../src/engine/headless.js';
import { sessionMachine } from '../../src/engine/session-machine.js';
import { nashPoint } from '../../src/analysis/bargaining-points.js';
import { currentActor } from '../../src/model/view.js';
import { alaska, gameFrom, scenarioPath } from '../helpers/games.js';

const game = alaska();
const seeds = Array.from({ length: 60 }, (_, i) => 500 + i);

/** Plays with Ukraine at the keyboard doing nothing but wait (and sign nothing). */
function ukraineOnlyWaits(seed: number) {
  const actor = createActor(sessionMachine, { input: { game, seed, humans: ['ukraine'] } });
  actor.start();
  actor.send({ type: 'COMMAND', command: { type: 'begin' } });
  for (let guard = 0; actor.getSnapshot().status === 'active' && guard < 5000; guard++) {
    const { world } = actor.getSnapshot().context;
    if (currentActor(world, game) === 'ukraine') {
      actor.send({ type: 'COMMAND', command: world.phase === 'signing' ? { type: 'refuse', by: 'ukraine' } : { type: 'pass', by: 'ukraine' } });
    } else {
      actor.send({ type: 'ADVANCE' });
    }
  }
  const { world } = actor.getSnapshot().context;
  actor.stop();
  return world;
}

describe('alaska-2025 under AI play', () => {
  const worlds = seeds.map((seed) => playSession(game, seed).world);

  it('ends with a deal in some games and without one in others', () => {
    const deals = worlds.filter((w) => w.outcome!.kind === 'deal').length;
    expect(deals).toBeGreaterThan(0);
    expect(deals).toBeLessThan(seeds.length);
  });

  it("no deal crosses any party's red line", () => {
    for (const w of worlds) {
      if (w.outcome!.kind !== 'deal') continue;
      for (const id of game.partyIds) {
        const prefs = game.prefs[id]!;
        const terms = w.outcome!.terms!;
        expect(terms.some((o, i) => prefs.redLine[i]![o])).toBe(false);
      }
    }
  });

  it('what one party chooses changes how it ends: a Ukraine that only waits never gets a deal', () => {
    const passive = seeds.map(ukraineOnlyWaits);
    expect(passive.every((w) => w.outcome!.kind === 'no-deal')).toBe(true);
    expect(worlds.some((w) => w.outcome!.kind === 'deal')).toBe(true);
    // And the war itself goes differently: other parties' postures, pressure and the front follow the talks.
    const differs = seeds.filter((_, i) => JSON.stringify(passive[i]!.parties) !== JSON.stringify(worlds[i]!.parties)).length;
    expect(differs).toBeGreaterThan(seeds.length / 2);
  });
});

describe('alaska-2025 with a mediator at the keyboard', () => {
  it('a United States that tables the Nash bargaining package gets a deal in most games the AIs alone do not close', () => {
    const prefs = game.partyIds.map((id) => game.prefs[id]!);
    const nash = nashPoint(
      prefs,
      game.partyIds.map((id) => game.prefs[id]!.reservation),
      { excludeRedLines: true },
    )!;
    const mediated = seeds.slice(0, 30).map((seed) => {
      const actor = createActor(sessionMachine, { input: { game, seed, humans: ['united-states'] } });
      actor.start();
      actor.send({ type: 'COMMAND', command: { type: 'begin' } });
      for (let guard = 0; actor.getSnapshot().status === 'active' && guard < 5000; guard++) {
        const { world } = actor.getSnapshot().context;
        if (currentActor(world, game) !== 'united-states') {
          actor.send({ type: 'ADVANCE' });
          continue;
        }
        const by = 'united-states';
        const command =
          world.phase === 'signing'
            ? ({ type: 'sign', by } as const)
            : world.round >= 6 && world.round % 2 === 0
              ? ({ type: 'propose', by, terms: nash.terms, channel: 'direct' } as const)
              : ({ type: 'pass', by } as const);
        actor.send({ type: 'COMMAND', command });
      }
      const { world } = actor.getSnapshot().context;
      actor.stop();
      return world.outcome!.kind;
    });
    const aiOnly = seeds.slice(0, 30).map((seed) => playSession(game, seed).world.outcome!.kind);
    const count = (kinds: string[]) => kinds.filter((k) => k === 'deal').length;
    expect(count(mediated)).toBeGreaterThan(20);
    expect(count(mediated)).toBeGreaterThan(count(aiOnly) + 10);
  });
});

describe('moscow-2025-08: the envoy and the record', () => {
  const moscow = gameFrom(scenarioPath('moscow-2025-08'));
  const results = seeds.map((seed) => playGame(moscow, seed).world);
  const south = moscow.scenario.issues.findIndex((i) => i.id === 'south');
  const withdrawal = moscow.scenario.issues[south]!.options.findIndex((o) => o.id === 'russian-withdrawal');

  it('can end both ways', () => {
    const kinds = new Set(results.map((w) => w.outcome!.kind));
    expect(kinds).toEqual(new Set(['deal', 'no-deal']));
  });

  it('sometimes the envoy brings back the 7 August version though Putin offered no withdrawal, and sometimes what Putin said', () => {
    const heard = results.map((w) => {
      const kremlin = w.proposals.find((p) => p.meeting === 'kremlin')!;
      return (kremlin.heard['united-states'] ?? kremlin.terms)[south];
    });
    expect(heard).toContain(withdrawal);
    expect(heard.some((o) => o !== withdrawal)).toBe(true);
    // What Putin actually offered is contested: the account a game drew (version 1, the 7 August one) decides it,
    // and in the games that drew the 8 August account there was no withdrawal for the envoy to report.
    for (const w of results) {
      const kremlin = w.proposals.find((p) => p.meeting === 'kremlin')!;
      expect(kremlin.terms[south] === withdrawal).toBe(kremlin.version === 1);
    }
    expect(
      results.some(
        (w) =>
          w.proposals.find((p) => p.meeting === 'kremlin')!.version === 0 && (w.proposals.find((p) => p.meeting === 'kremlin')!.heard['united-states'] ?? [])[south] === withdrawal,
      ),
    ).toBe(true);
  });

  it('the withdrawal version reaches Europe in some games, and is exposed in some', () => {
    const told = results.filter((w) => w.messages.some((m) => m.channel === 'relay' && m.to.includes('europe') && m.said.kind === 'account' && m.said.terms[south] === withdrawal));
    expect(told.length).toBeGreaterThan(0);
    expect(results.some((w) => w.messages.some((m) => m.exposedTo.length > 0))).toBe(true);
  });
});
