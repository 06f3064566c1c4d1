// Time-dependent concession (Faratin et al.; negmas' Boulware / Linear / Conceder negotiators): the utility a
// party asks for falls from its aspiration toward its floor as the deadline nears,
//
//   target(t) = floor' + (aspiration − floor') · (1 − t^(1/β)),   t = (round − 1) / (rounds − 1),
//
// with floor' = max(floor, BATNA). The one parameter that matters is β: below 1 the party holds out and
// concedes late (Boulware), 1 concedes evenly (linear), above 1 concedes early (Conceder).
import type { Strategy } from '../scenario/schema.js';

/** β when a posture does not set one. */
export const DEFAULT_BETA = { boulware: 0.3, linear: 1, conceder: 3 } as const;

/** Share of the talks that has passed, 0 in round 1 and 1 in the last round. */
export function timeOf(round: number, rounds: number): number {
  if (rounds <= 1) return 1;
  const t = (round - 1) / (rounds - 1);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** The concession exponent of a posture (hardline: 0, it never concedes). */
export function betaOf(strategy: Pick<Strategy, 'policy' | 'beta'>): number {
  switch (strategy.policy) {
    case 'hardline':
      return 0;
    case 'boulware':
    case 'linear':
    case 'conceder':
      return strategy.beta ?? DEFAULT_BETA[strategy.policy];
    case 'tit-for-tat':
      return strategy.beta ?? 1;
  }
}

/** The lowest utility the party will go to: its floor, and never below its BATNA. */
export function floorOf(strategy: Pick<Strategy, 'floor'>, batna: number): number {
  return Math.max(strategy.floor ?? 0, batna);
}

/**
 * The curve itself. `aspiration` is where it starts and `floor` where it ends; β ≤ 0 means no concession.
 * Never returns less than `floor`.
 */
export function concessionTarget(t: number, aspiration: number, floor: number, beta: number): number {
  if (aspiration <= floor) return floor;
  if (beta <= 0 || t <= 0) return aspiration;
  const conceded = t >= 1 ? 1 : Math.pow(t, 1 / beta);
  return floor + (aspiration - floor) * (1 - conceded);
}
