// The words of a decision: one short line a player reads, naming issues and parties as the scenario does.
import type { PartyId, Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import type { Verdict } from './acceptance.js';
import type { Tables } from './tables.js';

export const f2 = (x: number): string => x.toFixed(2);

export function issueName(view: PlayerView, issue: number): string {
  return view.game.issues[issue]?.name ?? `issue ${issue + 1}`;
}

export function optionLabel(view: PlayerView, issue: number, option: number): string {
  return view.game.issues[issue]?.options[option]?.label ?? `option ${option + 1}`;
}

export function partyName(view: PlayerView, id: PartyId): string {
  return view.game.parties.find((p) => p.id === id)?.name ?? id;
}

export function names(view: PlayerView, ids: readonly PartyId[]): string {
  return ids.map((id) => partyName(view, id)).join(', ');
}

/**
 * Why an offer fails, e.g. "Donetsk terms leave us worse off than no deal". Reasons are shown to every player:
 * they name issues, never the private numbers behind them.
 */
export function refusal(view: PlayerView, verdict: Extract<Verdict, { ok: false }>): string {
  const issue = issueName(view, verdict.issue);
  switch (verdict.why) {
    case 'red-line':
      return verdict.with === undefined
        ? `"${optionLabel(view, verdict.issue, verdict.option)}" on ${issue} crosses my red line`
        : `"${optionLabel(view, verdict.issue, verdict.option)}" on ${issue} together with that ${issueName(view, verdict.with)} crosses my red line`;
    case 'commitment':
      return `${issue} terms break my public commitment`;
    case 'batna':
      return `${issue} terms leave us worse off than no deal`;
    case 'target':
      return `${issue} terms fall short of what we need`;
  }
}

/** The issue where `terms` gives up most of what we could have (weighted), or −1 when it gives up nothing. */
export function givenIssue(t: Tables, terms: Terms): number {
  let issue = -1;
  let most = 1e-9;
  for (let i = 0; i < t.issues; i++) {
    const base = t.offset[i]!;
    const gap = t.own[base + t.ideal[i]!]! - t.own[base + terms[i]!]!;
    if (gap > most) {
      most = gap;
      issue = i;
    }
  }
  return issue;
}

/** The issue where `terms` gains us most over `from` (weighted), or −1 when it gains nothing. */
export function takenIssue(t: Tables, terms: Terms, from: Terms): number {
  let issue = -1;
  let most = 1e-9;
  for (let i = 0; i < t.issues; i++) {
    const base = t.offset[i]!;
    const gain = t.own[base + terms[i]!]! - t.own[base + from[i]!]!;
    if (gain > most) {
      most = gain;
      issue = i;
    }
  }
  return issue;
}
