// Can the postures reach a deal? For a set of floors (the least utility each party takes), the package that
// clears every floor by the most — max over packages of min_p (u_p − floor_p), red lines excluded — found
// exactly by branch and bound over the issues (a branch is cut when even its best completion cannot beat the
// best margin found). A margin below zero means no package clears every floor: those postures cannot agree.
// `postureCombinations` lists the combinations of postures the parties can be in before the last third of the
// talks, by a static reading of their posture machines (posture-reach.ts).
import type { Game, Preferences } from '../model/game.js';
import type { PartyId } from '../model/types.js';
import { reachablePostures } from './posture-reach.js';
import { clashes, compileSpace, EPS, reachableFrom, utilitiesOf } from './space.js';

export interface FloorCheck {
  /** The best package for the tightest party, and by how much it clears every floor (negative: it does not). */
  terms?: number[];
  margin: number;
  /** Whether the search finished within its node budget (the margin is then exact). */
  exact: boolean;
}

/** The package that clears every floor by the most (red lines excluded). */
export function clearFloors(prefs: readonly Preferences[], floors: readonly number[], nodeBudget = 3_000_000): FloorCheck {
  const space = compileSpace(prefs, { excludeRedLines: true });
  if (!space) return { margin: -Infinity, exact: true };
  const n = space.parties;
  const issues = space.issues;
  const capFrom = reachableFrom(space);
  // Options per issue, best for the sum of the parties' gains first.
  const order = space.options.map((opts, i) => [...opts].sort((a, b) => sumGain(space.gain, i, b) - sumGain(space.gain, i, a)));
  const u = new Array<number>(n).fill(0);
  const pick = new Array<number>(issues).fill(0);
  let best: number[] | undefined;
  let bestMargin = -Infinity;
  let nodes = 0;
  const visit = (i: number): void => {
    if (++nodes > nodeBudget) return;
    let bound = Infinity;
    for (let p = 0; p < n; p++) bound = Math.min(bound, u[p]! + capFrom[i]![p]! - floors[p]!);
    if (bound <= bestMargin) return;
    if (i === issues) {
      bestMargin = bound;
      best = [...pick];
      return;
    }
    for (const o of order[i]!) {
      if (clashes(space, i, o, (j) => (j < i ? pick[j]! : -1))) continue;
      pick[i] = o;
      for (let p = 0; p < n; p++) u[p]! += space.gain[p]![i]![o]!;
      visit(i + 1);
      for (let p = 0; p < n; p++) u[p]! -= space.gain[p]![i]![o]!;
    }
  };
  visit(0);
  if (best) {
    const check = utilitiesOf(space, best);
    bestMargin = Math.min(...check.map((x, p) => x - floors[p]!));
  }
  return { ...(best ? { terms: best } : {}), margin: bestMargin, exact: nodes <= nodeBudget };
}

/**
 * The least party `k` gets in a package that leaves every party better off than at its floor (red lines
 * excluded): the worst agreement it could still prefer to none. Exact by branch and bound within the budget;
 * undefined utility when no package clears every floor.
 */
export function worstAboveFloors(
  prefs: readonly Preferences[],
  floors: readonly number[],
  k: number,
  nodeBudget = 3_000_000,
): { terms?: number[]; utility?: number; exact: boolean } {
  const space = compileSpace(prefs, { excludeRedLines: true });
  if (!space) return { exact: true };
  const n = space.parties;
  const issues = space.issues;
  // From issue i on: each party's highest reachable gain, and k's lowest.
  const capFrom = reachableFrom(space);
  const lowFrom = reachableFrom(space, Math.min).map((row) => row[k]!);
  // Options per issue, worst for k first: the first packages found are low, and cut the rest.
  const order = space.options.map((opts, i) => [...opts].sort((a, b) => space.gain[k]![i]![a]! - space.gain[k]![i]![b]!));
  const u = new Array<number>(n).fill(0);
  const pick = new Array<number>(issues).fill(0);
  let worst: number[] | undefined;
  let lowest = Infinity;
  let nodes = 0;
  const visit = (i: number): void => {
    if (++nodes > nodeBudget) return;
    if (u[k]! + lowFrom[i]! >= lowest - EPS) return;
    for (let p = 0; p < n; p++) if (u[p]! + capFrom[i]![p]! <= floors[p]! + EPS) return;
    if (i === issues) {
      lowest = u[k]!;
      worst = [...pick];
      return;
    }
    for (const o of order[i]!) {
      if (clashes(space, i, o, (j) => (j < i ? pick[j]! : -1))) continue;
      pick[i] = o;
      for (let p = 0; p < n; p++) u[p]! += space.gain[p]![i]![o]!;
      visit(i + 1);
      for (let p = 0; p < n; p++) u[p]! -= space.gain[p]![i]![o]!;
    }
  };
  visit(0);
  const exact = nodes <= nodeBudget;
  return worst ? { terms: worst, utility: utilitiesOf(space, worst)[k]!, exact } : { exact };
}

function sumGain(gain: number[][][], i: number, o: number): number {
  let s = 0;
  for (const g of gain) s += g[i]![o]!;
  return s;
}

export interface PostureCombination {
  /** Each party's posture. */
  postures: Record<PartyId, string>;
  /** Each party's floor in it: the posture's floor, never below the party's reservation value. */
  floors: Record<PartyId, number>;
  check: FloorCheck;
}

/**
 * Every combination of postures the parties can be in before the last third of the talks, with the package
 * that clears all their floors by the most. Floors are taken at the start of the talks (BATNA = reservation).
 */
export function postureCombinations(game: Game): PostureCombination[] {
  const ids = game.bargainers;
  const prefs = ids.map((id) => game.prefs[id]!);
  const lastThird = Math.floor((2 * game.scenario.calendar.rounds) / 3) + 1;
  const choices = ids.map((id) => [...reachablePostures(game, id, lastThird)]);
  const out: PostureCombination[] = [];
  const cache = new Map<string, FloorCheck>();
  const pick = (k: number, chosen: string[]): void => {
    if (k === ids.length) {
      const floors = ids.map((id, p) => {
        const floor = game.party[id]!.postures.states[chosen[p]!]!.strategy.floor;
        return Math.max(floor ?? 0, prefs[p]!.reservation);
      });
      const key = floors.map((f) => f.toFixed(6)).join(',');
      let check = cache.get(key);
      if (!check) cache.set(key, (check = clearFloors(prefs, floors)));
      out.push({
        postures: Object.fromEntries(ids.map((id, p) => [id, chosen[p]!])),
        floors: Object.fromEntries(ids.map((id, p) => [id, floors[p]!])),
        check,
      });
      return;
    }
    for (const posture of choices[k]!) pick(k + 1, [...chosen, posture]);
  };
  pick(0, []);
  return out;
}
