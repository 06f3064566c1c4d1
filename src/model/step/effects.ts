// The sizes of the rules' consequences, and the changes every part of the rules makes to a party or the map:
// pressure, BATNA, trust, credibility, the end of the game. (A scenario's effects are applied in apply-effect.ts.)
import type { Game } from '../game.js';
import type { Outcome, PartyId, PartyState } from '../types.js';
import type { Tx } from './tx.js';

/** The sizes of the rules' consequences, in one place. */
export const AMOUNTS = {
  /** A broken public commitment: the audience cost. */
  brokenCommitment: { credibility: -0.15, pressure: 5 },
  walkOut: { trust: -0.05 },
  refuse: { trust: -0.1, credibility: -0.05 },
  summit: { trust: 0.08, pressure: 3 },
  lever: { trust: -0.1, liftTrust: 0.05 },
  ratificationFailed: { trust: -0.05 },
  violation: { trust: -0.1 },
  /** Violations of the ceasefire during implementation that make the deal collapse. */
  violationsToCollapse: 3,
  /** Rounds a signatory may stay away before the talks end. */
  walkOutRounds: 3,
} as const;

export const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
export const clamp100 = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);

export const nameOf = (game: Game, id: PartyId) => game.party[id]!.name;

/** "Russia's", "the United States'": English possessive of a name. */
export const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

export function addTrust(s: PartyState, toward: PartyId, add: number): void {
  if (s.trust[toward] !== undefined) s.trust[toward] = clamp01(s.trust[toward] + add);
}

/** Every party in `among` trusts every other one in it by `add` more (or less). */
export function addTrustAmong(tx: Tx, among: readonly PartyId[], add: number): void {
  for (const id of among) {
    for (const other of among) if (id !== other) addTrust(tx.party(id), other, add);
  }
}

export function end(tx: Tx, outcome: Outcome): void {
  tx.w.phase = 'ended';
  tx.w.outcome = outcome;
  tx.log({ kind: 'outcome', text: outcome.summary });
}
