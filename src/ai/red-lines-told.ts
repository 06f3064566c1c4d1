// Which of our red lines a party has not been told: an open offer across one, from a party that never heard it
// from us (no public commitment that rules the option out, no rejection that named it). decide.ts then names it.
import type { PlayerView, ViewProposal } from '../model/view.js';
import { redCrossed, type Tables } from './tables.js';

/**
 * An open offer across one of our red lines whose proposer does not know it yet: we never said it in public
 * (a standing commitment that rules the option out) nor gave it as a reason to that party.
 */
export function untoldRedLine(view: PlayerView, t: Tables, offers: readonly ViewProposal[]): { proposal: ViewProposal; issue: number; with?: number } | undefined {
  const mine = view.parties[view.self]?.commitments ?? [];
  for (const p of offers) {
    const red = redCrossed(t, p.terms);
    if (red?.with !== undefined) {
      const told = view.proposals.some(
        (q) =>
          q.by === p.by &&
          q.reasons?.[view.self]?.why === 'red-line' &&
          q.reasons[view.self]!.with === red.with &&
          q.terms[red.issue] === p.terms[red.issue] &&
          q.terms[red.with!] === p.terms[red.with!],
      );
      if (!told) return { proposal: p, issue: red.issue, with: red.with };
    }
    for (let i = 0; i < t.issues; i++) {
      const base = t.offset[i]!;
      const o = p.terms[i]!;
      if (t.red[base + o] !== 1) continue;
      const declared = mine.some((c) => !c.broken && c.issue === i && t.value[base + o]! < t.value[base + c.option]! - 1e-9);
      if (declared) continue;
      const told = view.proposals.some((q) => q.by === p.by && q.reasons?.[view.self]?.why === 'red-line' && q.reasons[view.self]!.issue === i && q.terms[i] === o);
      if (!told) return { proposal: p, issue: i };
    }
  }
  return undefined;
}
