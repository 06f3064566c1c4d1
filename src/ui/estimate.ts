// The player's estimate of how each other party would take a package — built only from what the player's view
// holds (the offers it heard from them and their public commitments), with the same frequency model the AI
// uses on its own views. Never from anyone's hidden preferences.
import { believedUtility, learnBeliefs } from '../ai/beliefs.js';
import { tablesFor } from '../ai/tables.js';
import type { PartyId, Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import { safeText } from './format.js';

export type Leaning = 'likely' | 'maybe' | 'unlikely' | 'no';

export interface Reaction {
  party: PartyId;
  /** Estimated utility for them, 0–1 (1 = what they keep asking for). */
  estimate: number;
  leaning: Leaning;
  /** Whether the estimate rests on something they said (offers, commitments) or is only a guess. */
  informed: boolean;
  /** Why, in a few words. */
  why: string;
}

export function reactions(view: PlayerView, terms: Terms): Reaction[] {
  const others = view.game.parties.map((p) => p.id).filter((id) => id !== view.self && view.parties[id]?.status === 'active');
  if (others.length === 0) return [];
  const t = tablesFor(view.preferences);
  const model = learnBeliefs(view, t, others);
  return others.map((party, j) => {
    const estimate = believedUtility(model, t, j, terms);
    const informed = model.informed[j] === 1;
    const broken = (view.parties[party]?.commitments ?? []).find((c) => !c.broken && terms[c.issue] !== c.option && !sameOrBetterFor(model.values, t.offset, j, c.issue, terms[c.issue]!, c.option));
    if (broken) {
      return { party, estimate, informed, leaning: 'no' as const, why: `breaks its public line on ${safeText(view.game.issues[broken.issue]?.name ?? '?')}` };
    }
    const leaning: Leaning = estimate >= 0.75 ? 'likely' : estimate >= 0.55 ? 'maybe' : 'unlikely';
    const why = informed ? `close to what it asked for: ${Math.round(estimate * 100)}%` : 'a guess: no offers from it yet';
    return { party, estimate, informed, leaning, why };
  });
}

/** Whether, by the model, option `o` is worth at least as much to party row `j` as the one it committed to. */
function sameOrBetterFor(values: Float64Array, offset: Int32Array, j: number, issue: number, o: number, committed: number): boolean {
  const total = offset[offset.length - 1]!;
  const base = j * total + offset[issue]!;
  return values[base + o]! >= values[base + committed]! - 1e-9;
}
