// The world at the start of a game: everything the scenario sets, plus the seed's generator state.
import { deriveSeed } from './rng.js';
import type { Game } from './game.js';
import { FREEZE, freezeWorld } from './step/tx.js';
import type { PartyState, World } from './types.js';

export function initialWorld(game: Game, seed: number): World {
  const { scenario } = game;
  const parties: Record<string, PartyState> = {};
  for (const p of scenario.parties) {
    const trust: Record<string, number> = {};
    for (const other of game.partyIds) if (other !== p.id) trust[other] = p.trust[other] ?? 0.5;
    parties[p.id] = {
      posture: p.postures.initial,
      postureSince: 0,
      status: 'active',
      pressure: p.pressure,
      batna: game.prefs[p.id]!.reservation,
      credibility: p.credibility,
      trust,
      commitments: [],
      levers: p.levers.filter((l) => l.applied).map((l) => l.id),
    };
  }
  const control: Record<string, number> = {};
  for (const t of scenario.territories) control[t.id] = t.control;
  const world: World = {
    scenarioId: scenario.meta.id,
    seed,
    rng: deriveSeed(seed, 'world'),
    round: 1,
    phase: 'briefing',
    turn: 0,
    moves: 0,
    control,
    ceasefire: game.scenario.dynamics.ceasefire,
    parties,
    proposals: [],
    open: [],
    messages: [],
    firedEvents: [],
    meetingsHeld: [],
    summits: [],
    recent: [],
    logCount: 0,
  };
  return FREEZE ? freezeWorld(world) : world;
}
