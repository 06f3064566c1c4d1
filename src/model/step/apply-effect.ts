// Effects: one change to the world, from an event or a deal being implemented — pressure, BATNAs, trust,
// credibility, the front, a ceasefire, an account given for a party (its envoy briefing the allies), or a
// clarification call someone else set up.
import type { Effect } from '../../scenario/vocabulary.js';
import type { RawPreferences } from '../types.js';
import { addTrust, clamp01, clamp100 } from './effects.js';
import { brief, checkHearsay } from './information.js';
import type { Tx } from './tx.js';

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
  } else if ('brief' in e) {
    brief(tx, e.brief.party, e.brief.meeting, e.brief.to, e.brief.envoy);
  } else if ('check' in e) {
    checkHearsay(tx, e.check.party, e.check.how, e.check.meeting);
  } else if ('preferences' in e) {
    changePreferences(tx, e.preferences);
  } else {
    tx.w.ceasefire = e.ceasefire;
  }
}

/** A party's preferences change (an event): kept in the world as the scenario would write them. */
function changePreferences(tx: Tx, change: Extract<Effect, { preferences: unknown }>['preferences']): void {
  const party = change.party;
  const now: RawPreferences = tx.w.preferences?.[party] ?? (tx.game.party[party]!.preferences as RawPreferences);
  const values: RawPreferences['values'] = { ...now.values };
  for (const [issue, options] of Object.entries(change.values ?? {})) values[issue] = { ...(now.values[issue] ?? {}), ...options };
  const same = (a: { issue: string; option: string }, b: { issue: string; option: string }) => a.issue === b.issue && a.option === b.option;
  const removed = change.redLines?.remove ?? [];
  const redLines = [
    ...now.redLines.filter((r) => !removed.some((x) => same(x, r))),
    ...(change.redLines?.add ?? []).filter((a) => !now.redLines.some((r) => r.with === undefined && same(a, r))),
  ];
  const next: RawPreferences = { ...now, weights: { ...now.weights, ...(change.weights ?? {}) }, values, redLines };
  tx.w.preferences = { ...(tx.w.preferences ?? {}), [party]: next };
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
