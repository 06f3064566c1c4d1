// Public commitments: binding ourselves in public ("nothing less than X on Donetsk") makes our demands credible,
// at the price of an audience cost if we go back on it. A posture with `statements: true` commits itself once,
// on its most important issue, to the least it can live with there — sized against the quantity it binds: an
// option o' is out of reach when even our best package with o' on that issue falls below our floor,
//   idealUtility − weight_i · (value_i(ideal) − value_i(o')) < floor,
// so we commit to the worst option that is not out of reach, and the commitment never rules out a deal we would
// take anyway. It is no better than what our standing proposal offers there, so that proposal stays within our
// word; and a commitment that rules out nothing (the issue's worst option) is not worth a statement.
// After that, the same posture says its red lines out loud, one a turn, the most important issue first: "nothing
// less than" the worst option it would sign there — a line it would never cross anyway, so it costs nothing,
// and the table stops wasting turns on packages it will never sign.
import type { Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import type { Tables } from './tables.js';

export function commitmentToMake(view: PlayerView, t: Tables, floor: number, standing?: Terms): { issue: number; option: number } | undefined {
  const me = view.parties[view.self];
  if (!me || t.issues === 0) return undefined;
  const committed = (issue: number) => me.commitments.some((c) => !c.broken && c.issue === issue);
  // One commitment of substance per posture: once made, the posture says its red lines.
  if (me.commitments.some((c) => !c.broken && c.round >= me.postureSince)) return redLineToDeclare(t, committed);
  const issue = t.importance[0]!;
  if (committed(issue)) return redLineToDeclare(t, committed);
  const base = t.offset[issue]!;
  const count = t.offset[issue + 1]! - base;
  const weight = t.weight[issue]!;
  const best = t.value[base + t.ideal[issue]!]!;
  // The least value on this issue that some package at or above the floor can have.
  const reach = weight > 1e-9 ? best - (t.idealUtility - floor) / weight : -Infinity;
  const cap = standing ? t.value[base + standing[issue]!]! + 1e-9 : Infinity;
  let option = -1;
  for (let o = 0; o < count; o++) {
    const v = t.value[base + o]!;
    if (t.red[base + o] === 1 || v < reach - 1e-9 || v > cap) continue;
    if (option < 0 || v < t.value[base + option]!) option = o;
  }
  if (option >= 0) {
    for (let o = 0; o < count; o++) if (t.value[base + o]! < t.value[base + option]! - 1e-9) return { issue, option };
  }
  return redLineToDeclare(t, committed);
}

/**
 * A red line not yet said in public, as a statement: on the most important issue that has one, "nothing less
 * than" the worst option we would sign there — provided every option below it is a red line (so the statement
 * rules out exactly what we never sign).
 */
export function redLineToDeclare(t: Tables, committed: (issue: number) => boolean): { issue: number; option: number } | undefined {
  for (let k = 0; k < t.issues; k++) {
    const issue = t.importance[k]!;
    if (committed(issue)) continue;
    const base = t.offset[issue]!;
    const count = t.offset[issue + 1]! - base;
    let worstOk = -1;
    let anyRed = false;
    for (let o = 0; o < count; o++) {
      if (t.red[base + o] === 1) anyRed = true;
      else if (worstOk < 0 || t.value[base + o]! < t.value[base + worstOk]!) worstOk = o;
    }
    if (!anyRed || worstOk < 0) continue;
    let exact = true;
    for (let o = 0; o < count; o++) {
      const below = t.value[base + o]! < t.value[base + worstOk]! - 1e-9;
      if (below !== (t.red[base + o] === 1)) exact = false;
    }
    if (exact) return { issue, option: worstOk };
  }
  return undefined;
}
