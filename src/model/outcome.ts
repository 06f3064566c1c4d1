// What an ended game is worth to each party: the deal's utility, or its BATNA when there is no deal, scored
// against the baseline the scenario names (DESIGN §4 scoring).
import { prefsOf, score, utility, type Game } from './game.js';
import type { PartyId, World } from './types.js';

export interface PartyResult {
  utility: number;
  baseline: number;
  /** -100..100: 0 is as good as no deal. */
  score: number;
}

export function partyResults(game: Game, world: World): Record<PartyId, PartyResult> {
  const out: Record<PartyId, PartyResult> = {};
  const deal = world.outcome?.kind === 'deal' ? world.outcome.terms : undefined;
  for (const id of game.partyIds) {
    const state = world.parties[id]!;
    const u = deal ? utility(prefsOf(game, world, id), deal) : state.batna;
    const baseline = game.scenario.scoring.baseline === 'final-batna' ? state.batna : game.prefs[id]!.reservation;
    out[id] = { utility: u, baseline, score: score(u, baseline) };
  }
  return out;
}
