// Remembering who lied: once a distortion that reached us is exposed, we rely less on whoever answers for it —
// the principal of the envoy who bent it, or the party that passed it on. The view keeps every exposed message,
// so this memory needs no state of its own: "the AI remembers it". Each exposure halves how much we rely on
// that party's words, down to MIN_RELIANCE. What it says then counts for less in the opponent model
// (opponent-model.ts), and its hearsay is checked sooner (clarify.ts).
import type { PartyId } from '../model/types.js';
import type { PlayerView, ViewMessage } from '../model/view.js';
import { gameTablesFor } from './tables.js';

export const RELIANCE_PER_EXPOSURE = 0.5;
export const MIN_RELIANCE = 0.25;

/**
 * Who answers for what we heard in `m`: for an envoy's report, the envoy's principal — ourselves, when the envoy
 * was ours (a meeting our envoy attended) — and otherwise the sender.
 */
export function culpritOf(view: PlayerView, m: ViewMessage): PartyId {
  if (m.channel === 'envoy' && m.envoy !== undefined && m.from !== view.self) {
    const own = view.game.parties.find((p) => p.id === view.self);
    if (own?.envoys.some((e) => e.id === m.envoy)) return view.self;
  }
  return m.from;
}

/**
 * How much we rely on each party's words, by turn-order index (`gameTablesFor(view.game).index`): 1, halved per
 * distortion of theirs exposed to us.
 */
export function relianceTable(view: PlayerView): Float64Array {
  const { index } = gameTablesFor(view.game);
  const k = view.game.parties.length;
  const table = new Float64Array(k).fill(1);
  const messages = view.messages;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (!m.exposed || m.from === view.self) continue;
    const culprit = culpritOf(view, m);
    if (culprit === view.self) continue;
    const j = index.get(culprit);
    if (j === undefined) continue;
    const r = table[j]! * RELIANCE_PER_EXPOSURE;
    table[j] = r < MIN_RELIANCE ? MIN_RELIANCE : r;
  }
  return table;
}

/** The reliance on one party, from a table `relianceTable` filled for this view. */
export function relianceOn(view: PlayerView, reliance: Float64Array, party: PartyId): number {
  const j = gameTablesFor(view.game).index.get(party);
  return j === undefined ? 1 : reliance[j]!;
}
