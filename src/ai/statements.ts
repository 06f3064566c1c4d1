// Public commitments: binding ourselves in public ("nothing less than X on Donetsk") makes our demands
// credible, at the price of an audience cost if we go back on it. A posture with `statements: true` commits
// itself once, on its most important issue, to the least it can live with there: the worst option (for us)
// whose value still reaches our floor — so the commitment never rules out a deal we would take anyway — and
// no better than what our standing proposal offers there, so that proposal stays within our word.
import type { Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import type { Tables } from './tables.js';

export function commitmentToMake(view: PlayerView, t: Tables, floor: number, standing?: Terms): { issue: number; option: number } | undefined {
  const mine = view.parties[view.self]?.commitments ?? [];
  if (mine.length > 0 || t.issues === 0) return undefined;
  const issue = t.importance[0]!;
  const base = t.offset[issue]!;
  const count = t.offset[issue + 1]! - base;
  const cap = standing ? t.value[base + standing[issue]!]! + 1e-9 : Infinity;
  let option = -1;
  for (let o = 0; o < count; o++) {
    const v = t.value[base + o]!;
    if (t.red[base + o] === 1 || v < floor - 1e-9 || v > cap) continue;
    if (option < 0 || v < t.value[base + option]!) option = o;
  }
  if (option < 0) option = standing && t.red[base + standing[issue]!] !== 1 ? standing[issue]! : t.ideal[issue]!;
  // A commitment to the worst option on the issue binds nobody: not worth a statement.
  for (let o = 0; o < count; o++) if (t.value[base + o]! < t.value[base + option]! - 1e-9) return { issue, option };
  return undefined;
}
