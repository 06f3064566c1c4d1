// What a scenario allows before anyone plays it, for its author: how many packages there are and how many
// cross nobody's red line, the zone of agreement against the reservation values (and against each combination
// of posture floors the parties can reach), the supported Pareto frontier, the Nash and Kalai–Smorodinsky
// points, the most each party can get in the zone, and whether the scripted meetings' offers lie inside it.
// Exact where the search finishes, sampled where it says so. At the start by default; or at a round of one
// seeded game (`analyse --round N`), against what each party wants and would walk away below by then.
import { crossesRedLine, offeredTerms, utility, type Game, type Preferences } from '../model/game.js';
import type { PartyId } from '../model/types.js';
import { cleanText } from '../scenario/clean-text.js';
import { describeTerms } from './bargaining.js';
import { kalaiPoint, nashPoint } from './bargaining-points.js';
import { clearFloors, postureCombinations, worstAboveFloors } from './floors.js';
import { paretoFrontier } from './frontier.js';
import { zopa } from './zopa.js';
import { byParty } from './debrief/terms.js';

export interface PointSummary {
  terms: string[];
  utilities: Record<PartyId, number>;
  /** Whether the search proved it optimal. */
  exact: boolean;
}

/**
 * A round of one seeded game to analyse at: the preferences events had changed by then, and each party's BATNA
 * and walk-away point then (its reservation value or its BATNA, the better — lower under pressure).
 */
export interface AnalysisPoint {
  /** The round the game had reached (earlier than asked when the talks ended first). */
  round: number;
  seed: number;
  /** How the talks had ended, when they ended before the round asked for. */
  ended?: string;
  /** The events that had fired, in order (titles). */
  events: string[];
  prefs: Record<PartyId, Preferences>;
  batna: Record<PartyId, number>;
  walkAway: Record<PartyId, number>;
}

export interface ScenarioAnalysis {
  scenario: string;
  /** Where in a game the figures stand (absent: at the start, against the reservation values). */
  at?: Omit<AnalysisPoint, 'prefs'>;
  /** Every combination of options. */
  packages: number;
  /** The share of packages that cross no party's red line (sampled unless `exhaustive`). */
  signable: { share: number; exhaustive: boolean };
  /** What the zone is measured against: the reservation values, or the walk-away points at the round analysed. */
  reservations: Record<PartyId, number>;
  zopa: { exists: boolean; certain: boolean; share: number; exhaustive: boolean; sampled: number; inside: number };
  /** Supported points (a weighted sum picks them out); in a small space, every Pareto-optimal package, counted exactly. */
  frontier: { supported: number; exact?: number };
  nash?: PointSummary;
  kalai?: PointSummary;
  /**
   * Per party: its reservation value (its walk-away point at the round analysed); the least and the most it gets
   * in a package inside the zone (every party better off than at its own), the worst and best agreement it could
   * prefer to none; and the most it can get in any package nobody's red line rules out.
   */
  parties: {
    party: PartyId;
    name: string;
    reservation: number;
    worstInZone?: number;
    /** Set when the search for the worst deal ran out of budget: a deal this bad exists, a worse one may. */
    worstNotProven?: true;
    bestInZone?: number;
    bestSignable: number;
  }[];
  /** The posture combinations reachable before the last third, and how many leave a package above every floor. */
  postures: { combinations: number; withDeal: number; blocked: Record<PartyId, string>[] };
  /** The scripted meetings' offers (each account of a contested one), and whether each is inside the zone. */
  meetings: { meeting: string; account?: string; utilities: Record<PartyId, number>; inside: boolean; short: PartyId[] }[];
}

export function analyseScenario(game: Game, at?: AnalysisPoint): ScenarioAnalysis {
  // A mediator bargains for no one: the zone, the frontier and the points are the parties'.
  const ids = game.bargainers;
  const prefs = ids.map((id) => at?.prefs[id] ?? game.prefs[id]!);
  const reservations = at ? ids.map((id) => at.walkAway[id]!) : prefs.map((p) => p.reservation);
  const packages = game.scenario.issues.reduce((n, i) => n * i.options.length, 1);
  const point = (p: ReturnType<typeof nashPoint>): PointSummary | undefined =>
    p && { terms: describeTerms(game.public, p.terms), utilities: byParty(ids, p.utilities), exact: p.exact };

  const signable = zopa(
    prefs,
    prefs.map(() => -1),
    { excludeRedLines: true, sampleSize: 4000 },
  );
  const zone = zopa(prefs, reservations, { excludeRedLines: true, sampleSize: 4000 });
  const frontier = paretoFrontier(prefs, { excludeRedLines: true });

  const parties = ids.map((id, k) => {
    const bestSignable = clearFloors(
      prefs,
      prefs.map((_, j) => (j === k ? 0 : -1)),
    ).margin;
    // The most k gets while every other party keeps its reservation value: bisect on k's own floor.
    let bestInZone: number | undefined;
    if (zone.exists) {
      let lo = reservations[k]! + 1e-9;
      let hi = Math.max(lo, bestSignable);
      // Inside the zone means better off than at the reservation value, as zopa() counts it.
      const clears = (f: number) =>
        clearFloors(
          prefs,
          reservations.map((r, j) => (j === k ? f : r + 1e-9)),
        ).margin > 0;
      if (clears(lo)) {
        for (let step = 0; step < 12; step++) {
          const mid = (lo + hi) / 2;
          if (clears(mid)) lo = mid;
          else hi = mid;
        }
        bestInZone = lo;
      }
    }
    const worst = zone.exists ? worstAboveFloors(prefs, reservations, k) : undefined;
    return {
      party: id,
      name: cleanText(game.party[id]!.name),
      reservation: reservations[k]!,
      ...(worst?.utility !== undefined ? { worstInZone: worst.utility, ...(worst.exact ? {} : { worstNotProven: true as const }) } : {}),
      ...(bestInZone !== undefined ? { bestInZone } : {}),
      bestSignable,
    };
  });

  const exactFrontier = packages <= EXACT_LIMIT ? countParetoOptimal(game, prefs) : undefined;
  const nash = point(nashPoint(prefs, reservations, { excludeRedLines: true, frontier }));
  const kalai = point(kalaiPoint(prefs, reservations, { excludeRedLines: true, frontier }));
  const combos = postureCombinations(game);
  const meetings: ScenarioAnalysis['meetings'] = [];
  for (const m of game.scenario.meetings) {
    const accounts = m.versions ? m.versions.map((v) => ({ account: cleanText(v.label), offered: { ...m.terms, ...v.terms } })) : [{ account: undefined, offered: m.terms }];
    for (const { account, offered } of accounts) {
      const terms = offeredTerms(game, m.host, offered);
      const u = prefs.map((p) => utility(p, terms));
      const short = ids.filter((_, k) => u[k]! < reservations[k]! || crossesRedLine(prefs[k]!, terms));
      meetings.push({ meeting: m.id, ...(account ? { account } : {}), utilities: byParty(ids, u), inside: short.length === 0, short });
    }
  }

  let where: ScenarioAnalysis['at'];
  if (at) {
    const { prefs: _, ...rest } = at;
    where = rest;
  }
  return {
    scenario: game.scenario.meta.id,
    ...(where ? { at: where } : {}),
    packages,
    signable: { share: signable.size.fraction, exhaustive: signable.size.exhaustive },
    reservations: byParty(ids, reservations),
    zopa: { exists: zone.exists, certain: zone.certain, share: zone.size.fraction, exhaustive: zone.size.exhaustive, sampled: zone.size.sampled, inside: zone.size.inside },
    frontier: { supported: frontier.length, ...(exactFrontier !== undefined ? { exact: exactFrontier } : {}) },
    ...(nash ? { nash } : {}),
    ...(kalai ? { kalai } : {}),
    parties,
    postures: {
      combinations: combos.length,
      withDeal: combos.filter((c) => c.check.margin >= 0).length,
      blocked: combos.filter((c) => c.check.margin < 0).map((c) => c.postures),
    },
    meetings,
  };
}

/** Spaces up to this many packages have their whole Pareto frontier counted, package by package. */
const EXACT_LIMIT = 20_000;

/** How many signable packages no other signable package Pareto-dominates (every package enumerated). */
function countParetoOptimal(game: Game, prefs: readonly Preferences[]): number {
  const sizes = game.scenario.issues.map((i) => i.options.length);
  const points: number[][] = [];
  const terms = sizes.map(() => 0);
  for (;;) {
    if (!prefs.some((p) => crossesRedLine(p, terms))) points.push(prefs.map((p) => utility(p, terms)));
    let i = 0;
    while (i < sizes.length && ++terms[i]! === sizes[i]) terms[i++] = 0;
    if (i === sizes.length) break;
  }
  const dominated = (a: number[], b: number[]) => b.every((x, k) => x >= a[k]! - 1e-12) && b.some((x, k) => x > a[k]! + 1e-12);
  return points.filter((a) => !points.some((b) => dominated(a, b))).length;
}
