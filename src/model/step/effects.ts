// The sizes of the rules' consequences, and the changes every part of the rules makes to a party or the map:
// pressure, BATNA, trust, credibility, control (with the BATNAs that follow the front), the end of the game.
import type { Effect } from '../../scenario/vocabulary.js';
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

/** One change to the world. `movesBatna`: ground won or lost in war moves BATNAs; ground handed over by a deal does not. */
export function applyEffect(tx: Tx, e: Effect, movesBatna = true): void {
  if ('pressure' in e) {
    const s = tx.party(e.pressure.party);
    s.pressure = clamp100(s.pressure + e.pressure.add);
  } else if ('batna' in e) {
    const s = tx.party(e.batna.party);
    s.batna = clamp01(s.batna + e.batna.add);
  } else if ('trust' in e) {
    addTrust(tx.party(e.trust.party), e.trust.toward, e.trust.add);
  } else if ('credibility' in e) {
    const s = tx.party(e.credibility.party);
    s.credibility = clamp01(s.credibility + e.credibility.add);
  } else if ('control' in e) {
    const id = e.control.territory;
    const before = tx.w.control[id] ?? 0;
    const after = clamp01(e.control.set ?? before + (e.control.add ?? 0));
    tx.control()[id] = after;
    if (movesBatna) followControl(tx, id, after - before);
  } else {
    tx.w.ceasefire = e.ceasefire;
  }
}

/** BATNAs follow the front: each party's BATNA moves with the occupier's area-weighted gains. */
export function followControl(tx: Tx, territory: string, delta: number): void {
  const { game } = tx;
  if (delta === 0 || game.totalArea === 0) return;
  const t = game.scenario.territories.find((x) => x.id === territory)!;
  const weighted = (delta * t.area) / game.totalArea;
  for (const [party, k] of Object.entries(game.scenario.dynamics.controlToBatna)) {
    if (!tx.w.parties[party]) continue;
    const s = tx.party(party);
    s.batna = clamp01(s.batna + k * weighted);
  }
}

export function end(tx: Tx, outcome: Outcome): void {
  tx.w.phase = 'ended';
  tx.w.outcome = outcome;
  tx.log({ kind: 'outcome', text: outcome.summary });
}
