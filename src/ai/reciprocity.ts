// Tit-for-tat reciprocity (negmas' NaiveTitForTat): concede as much, in our own utility, as the others conceded
// to us between their last two offers — and harden when they harden. A small kindness on top keeps two
// tit-for-tat players from staring at each other forever. The one parameter that matters is the kindness.
import type { PlayerView } from '../model/view.js';
import { gameTablesFor, ownUtility, type Tables } from './tables.js';

export const KINDNESS = 0.01;

/**
 * How much, in our utility, the others moved toward us between their last two offers, averaged over the
 * parties whose latest offer came after our own latest proposal (older moves were already answered).
 * Negative when they hardened; undefined when nobody made two offers since.
 */
export function observedConcession(view: PlayerView, t: Tables): number | undefined {
  const { index } = gameTablesFor(view.game);
  const k = view.game.parties.length;
  // Per party: its latest offer's utility to us and id, the one before, and how many of them we have seen.
  // Allocated per call (a few parties): no state outlives the decision.
  const latest = new Float64Array(k);
  const previous = new Float64Array(k);
  const latestId = new Float64Array(k);
  const seen = new Int32Array(k);
  let mine = -1;
  // Stop once every other party has shown two offers (and we found our own latest).
  let pending = k - 1;
  const proposals = view.proposals;
  for (let p = proposals.length - 1; p >= 0 && (pending > 0 || mine < 0); p--) {
    const proposal = proposals[p]!;
    if (proposal.by === view.self) {
      if (mine < 0) mine = proposal.id;
      continue;
    }
    const j = index.get(proposal.by);
    if (j === undefined || seen[j]! >= 2) continue;
    const u = ownUtility(t, proposal.terms);
    if (seen[j] === 0) {
      latest[j] = u;
      latestId[j] = proposal.id;
    } else {
      previous[j] = u;
      pending--;
    }
    seen[j]!++;
  }
  let sum = 0;
  let count = 0;
  for (let j = 0; j < k; j++) {
    if (seen[j]! < 2 || latestId[j]! < mine) continue;
    sum += latest[j]! - previous[j]!;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

/** Own utility of our latest proposal, if we made one. */
export function lastOwnOffer(view: PlayerView, t: Tables): number | undefined {
  const proposals = view.proposals;
  for (let p = proposals.length - 1; p >= 0; p--) {
    if (proposals[p]!.by === view.self) return ownUtility(t, proposals[p]!.terms);
  }
  return undefined;
}

/**
 * The tit-for-tat target: our last offer, moved by what the others gave (or took back), less the kindness;
 * never above the aspiration nor below the floor. Opens at the aspiration.
 */
export function reciprocalTarget(view: PlayerView, t: Tables, aspiration: number, floor: number, kindness = KINDNESS): number {
  const last = lastOwnOffer(view, t);
  if (last === undefined || aspiration <= floor) return Math.max(aspiration, floor);
  const conceded = observedConcession(view, t) ?? 0;
  const target = last - conceded - kindness;
  return target > aspiration ? aspiration : target < floor ? floor : target;
}
