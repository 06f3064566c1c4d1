// What a party asks for, and the least it takes. Four numbers, all in its own utility:
//
//   reserve — the walk-away point: the better of its reservation value (the no-deal utility the talks started
//     from) and its BATNA now. A party signs below its reservation value only under pressure the scenario puts
//     on it — from PRESSURE_GIVES pressure on, the reserve slides from the reservation value toward the BATNA,
//     reaching it at pressure 100 — or in the last round, when the choice is this deal or the war as it now is
//     (the debrief says so when it happens).
//   floor — the posture's floor, never below the reserve (a floor below it means nothing); in the last third of
//     the talks it relaxes toward the reserve, reaching it in the last round: a deadline makes hardliners move.
//   aspiration — where the posture's curve starts, capped by the best package the party can ask for.
//   now / next — the target this round and next. Time-dependent concession (Faratin et al.; negmas' Boulware,
//     Linear, Conceder): floor + (aspiration − floor)·(1 − t^(1/β)), t the share of the talks gone; and behaviour:
//     when the others' offers to us improved since the round before, the target comes down by RECIPROCITY of
//     their move, and goes up by as much when they hardened. Tit-for-tat mirrors the others alone; hardline
//     holds its aspiration for two thirds of the talks, then comes down to its (relaxing) floor by the end.
import type { PlayerView } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { reciprocalTarget, observedConcession } from './reciprocity.js';
import type { Tables } from './tables.js';

/** β when a posture does not set one. */
export const DEFAULT_BETA = { boulware: 0.3, linear: 1, conceder: 3 } as const;
/** Pressure from which a party may go below its reservation value (toward its BATNA). */
export const PRESSURE_GIVES = 90;
/** Pressure from which a party, in the last round, takes anything better than the war as it now is. */
export const LAST_ROUND_GIVES = 70;
/** The share of the talks after which a posture's floor starts to relax toward the reserve. */
export const FLOOR_RELAXES = 2 / 3;
/** How much of the others' move (in our utility, between their last two offers) we answer with our own. */
export const RECIPROCITY = 0.5;

export interface Targets {
  /** What it asks for this round. */
  now: number;
  /** What it will ask for next round (AC_next compares offers with this). */
  next: number;
  /** Where the curve starts: the aspiration, capped by what is achievable. */
  aspiration: number;
  /** The least it takes now: the posture's floor (relaxed near the end), never below the reserve. */
  floor: number;
  /** The walk-away point: reservation value and BATNA, as pressure allows. */
  reserve: number;
  /** Whether pressure took the reserve below the reservation value. */
  pressed: boolean;
}

/**
 * Share of the talks that has passed, 0 in round 1 and 1 in the round before the last: a package put on the
 * table in the last round can only be answered by the parties that move after its proposer, so a negotiator
 * means to have conceded all it will by then.
 */
export function timeOf(round: number, rounds: number): number {
  const end = rounds > 2 ? rounds - 1 : rounds;
  if (end <= 1) return 1;
  const t = (round - 1) / (end - 1);
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

/** The curve itself: from `aspiration` at t = 0 to `floor` at t = 1; β ≤ 0 means no concession. */
export function concessionTarget(t: number, aspiration: number, floor: number, beta: number): number {
  if (aspiration <= floor) return floor;
  if (beta <= 0 || t <= 0) return aspiration;
  const conceded = t >= 1 ? 1 : Math.pow(t, 1 / beta);
  return floor + (aspiration - floor) * (1 - conceded);
}

/** The walk-away point: max(reservation, BATNA), sliding toward the BATNA under pressure above PRESSURE_GIVES. */
export function reserveOf(view: PlayerView): { reserve: number; pressed: boolean } {
  const reservation = view.preferences.reservation;
  const batna = view.batna;
  if (batna >= reservation) return { reserve: batna, pressed: false };
  const pressure = view.parties[view.self]?.pressure ?? 0;
  // The last round, under pressure: no talks after it, so the choice is this deal or the war as it now is.
  if (view.round >= view.game.rounds && pressure >= LAST_ROUND_GIVES) return { reserve: batna, pressed: true };
  if (pressure <= PRESSURE_GIVES) return { reserve: reservation, pressed: false };
  const give = Math.min(1, (pressure - PRESSURE_GIVES) / (100 - PRESSURE_GIVES));
  return { reserve: reservation - give * (reservation - batna), pressed: true };
}

/** The posture's floor at share `t` of the talks: never below the reserve, relaxing toward it in the last third. */
export function floorAt(postureFloor: number | undefined, reserve: number, t: number): number {
  const floor = postureFloor ?? reserve;
  if (floor <= reserve) return reserve;
  if (t <= FLOOR_RELAXES) return floor;
  return floor + (reserve - floor) * Math.min(1, (t - FLOOR_RELAXES) / (1 - FLOOR_RELAXES));
}

export function targetsFor(view: PlayerView, strategy: Strategy, t: Tables): Targets {
  const rounds = view.game.rounds;
  const time = timeOf(view.round, rounds);
  const { reserve, pressed } = reserveOf(view);
  const floor = Math.min(floorAt(strategy.floor, reserve, time), t.idealUtility);
  const floorNext = Math.min(floorAt(strategy.floor, reserve, timeOf(view.round + 1, rounds)), t.idealUtility);
  const aspiration = Math.max(Math.min(strategy.aspiration, t.idealUtility), floor);
  const base = { aspiration, floor, reserve, pressed };
  if (strategy.policy === 'hardline') {
    const hold = (at: number, lo: number) => (at <= FLOOR_RELAXES ? aspiration : aspiration + (lo - aspiration) * Math.min(1, (at - FLOOR_RELAXES) / (1 - FLOOR_RELAXES)));
    return { ...base, now: hold(time, floor), next: hold(timeOf(view.round + 1, rounds), floorNext) };
  }
  if (strategy.policy === 'tit-for-tat') {
    const now = reciprocalTarget(view, t, aspiration, floor);
    return { ...base, now, next: Math.max(floorNext, now) };
  }
  const beta = betaOf(strategy);
  const moved = observedConcession(view, t) ?? 0;
  const react = (x: number, lo: number) => Math.min(aspiration, Math.max(lo, x - RECIPROCITY * moved));
  return {
    ...base,
    now: react(concessionTarget(time, aspiration, floor, beta), floor),
    next: react(concessionTarget(timeOf(view.round + 1, rounds), aspiration, floorNext, beta), floorNext),
  };
}
