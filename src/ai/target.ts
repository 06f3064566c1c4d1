// The utility a posture asks for now, by its policy: the time-dependent curve (boulware, linear, conceder),
// reciprocity (tit-for-tat) or none (hardline). The aspiration is capped at the best package the party can
// ask for without crossing its own red lines, and nothing goes below the floor (never below the BATNA).
import type { PlayerView } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { betaOf, concessionTarget, floorOf, timeOf } from './concession.js';
import { reciprocalTarget } from './reciprocity.js';
import type { Tables } from './tables.js';

export interface Targets {
  /** What it asks for this round. */
  now: number;
  /** What it will ask for next round (AC_next compares offers with this). */
  next: number;
  /** Where the curve starts: the aspiration, capped by what is achievable. */
  aspiration: number;
  /** Where the curve ends: max(floor, BATNA). */
  floor: number;
}

export function targetsFor(view: PlayerView, strategy: Strategy, t: Tables): Targets {
  const floor = floorOf(strategy, view.batna);
  const aspiration = Math.min(strategy.aspiration, t.idealUtility);
  const top = Math.max(aspiration, floor);
  if (strategy.policy === 'hardline') return { now: top, next: top, aspiration, floor };
  if (strategy.policy === 'tit-for-tat') {
    const now = reciprocalTarget(view, t, aspiration, floor);
    return { now, next: now, aspiration, floor };
  }
  const beta = betaOf(strategy);
  const rounds = view.game.rounds;
  return {
    now: concessionTarget(timeOf(view.round, rounds), aspiration, floor, beta),
    next: concessionTarget(timeOf(view.round + 1, rounds), aspiration, floor, beta),
    aspiration,
    floor,
  };
}
