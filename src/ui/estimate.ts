// The player's estimate of how each other party would take a package, and why — built only from what the
// player's side can know: red lines said in public or named in a rejection, public commitments, the offers each
// party made, what it accepted and rejected and the reasons it gave. It is the same opponent model the AI learns
// on its own view (ai/beliefs.ts), so the player sees what a careful negotiator in their seat could infer, never
// anyone's hidden preferences.
import { acceptance, believedUtility, learnBeliefs, ruledOut, type Beliefs } from '../ai/beliefs.js';
import { tablesFor, type Tables } from '../ai/tables.js';
import { sameTerms } from '../model/game.js';
import type { PartyId, Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import { safeText } from './format.js';

export type Leaning = 'likely' | 'maybe' | 'unlikely' | 'no';

export interface Reaction {
  party: PartyId;
  /** Estimated chance that they accept, 0–1 (0 across a line they drew in public). */
  chance: number;
  leaning: Leaning;
  /** Whether the estimate rests on something they said or did (offers, reasons, acceptances) or is only a guess. */
  informed: boolean;
  /** Why, in a few words: the evidence the estimate rests on. */
  why: string;
}

/** Chance from which a party is shown as likely, and as maybe. */
const LIKELY = 0.6;
const MAYBE = 0.25;
/** How far short of its latest ask an issue must fall (in believed utility) to be named as the reason. */
const SHORT = 0.01;

export function reactions(view: PlayerView, terms: Terms): Reaction[] {
  const others = view.game.parties.map((p) => p.id).filter((id) => id !== view.self && view.parties[id]?.status === 'active');
  if (others.length === 0) return [];
  const t = tablesFor(view.preferences);
  const model = learnBeliefs(view, t, others);
  return others.map((party, j) => reaction(view, t, model, party, j, terms));
}

function reaction(view: PlayerView, t: Tables, b: Beliefs, party: PartyId, j: number, terms: Terms): Reaction {
  const informed = b.informed[j] === 1;
  const issueName = (i: number) => safeText(view.game.issues[i]?.name ?? '?');
  const commitment = (view.parties[party]?.commitments ?? []).find(
    (c) => !c.broken && c.issue < terms.length && terms[c.issue] !== c.option && ruledOutOption(b, t, j, c.issue, terms[c.issue]!),
  );
  if (commitment) return { party, chance: 0, informed: true, leaning: 'no', why: `breaks its public line on ${issueName(commitment.issue)}` };
  const out = ruledOut(b, t, j, terms);
  if (out >= 0) {
    const pair = b.pairs[j]?.find(([a, x, c, y]) => terms[a] === x && terms[c] === y);
    const named = pair ? `${issueName(pair[0])} with this ${issueName(pair[2])}` : issueName(out);
    return { party, chance: 0, informed: true, leaning: 'no', why: `crosses a red line it named: ${named}` };
  }
  const chance = acceptance(b, t, j, terms);
  const leaning: Leaning = chance >= LIKELY ? 'likely' : chance >= MAYBE ? 'maybe' : 'unlikely';
  if (!informed) return { party, chance, informed, leaning, why: 'a guess: nothing heard from it yet' };
  return { party, chance, informed, leaning, why: evidence(view, t, b, party, j, terms, leaning) };
}

/** Whether party row `j` is believed to have ruled out option `o` of issue `i` (its commitment or a red line). */
function ruledOutOption(b: Beliefs, t: Tables, j: number, i: number, o: number): boolean {
  return b.banned[j * t.offset[t.issues]! + t.offset[i]! + o] === 1;
}

/** The strongest thing the record says about this package for this party. */
function evidence(view: PlayerView, t: Tables, b: Beliefs, party: PartyId, j: number, terms: Terms, leaning: Leaning): string {
  const u = believedUtility(b, t, j, terms);
  // What it did with these very terms, or with a package it values no more.
  for (let p = view.proposals.length - 1; p >= 0; p--) {
    const q = view.proposals[p]!;
    if (q.by !== party && q.accepted.includes(party) && believedUtility(b, t, j, q.terms) <= u + 1e-9) {
      return sameTerms(q.terms, terms) ? `accepted these terms in round ${q.round}` : `accepted less in round ${q.round} (#${q.id})`;
    }
    if (q.rejected.includes(party) && sameTerms(q.terms, terms)) {
      const reason = q.reasons?.[party];
      return reason ? `rejected these terms in round ${q.round} over ${safeText(view.game.issues[reason.issue]?.name ?? '?')}` : `rejected these terms in round ${q.round}`;
    }
  }
  // Otherwise: where it falls short of what it last asked for.
  const ask = latestAsk(view, party);
  if (!ask) return leaning === 'likely' ? 'close to what it has said it wants' : 'less than it seems to want';
  const row = j * t.offset[t.issues]!;
  const short: { issue: number; by: number }[] = [];
  for (let i = 0; i < t.issues; i++) {
    const by = b.contribution[row + t.offset[i]! + ask[i]!]! - b.contribution[row + t.offset[i]! + terms[i]!]!;
    if (by > SHORT) short.push({ issue: i, by });
  }
  if (short.length === 0) return 'gives it all it last asked for';
  short.sort((x, y) => y.by - x.by || x.issue - y.issue);
  const names = short.slice(0, 2).map((s) => safeText(view.game.issues[s.issue]?.name ?? '?'));
  const more = short.length > 2 ? ` and ${short.length - 2} more` : '';
  return leaning === 'likely' ? `gives a little on ${names.join(', ')}${more}, within what it seems to take` : `short of its ask on ${names.join(', ')}${more}`;
}

/** The terms of the party's latest offer, or what it was reported to want when it made none itself. */
function latestAsk(view: PlayerView, party: PartyId): Terms | undefined {
  for (let p = view.proposals.length - 1; p >= 0; p--) if (view.proposals[p]!.by === party) return view.proposals[p]!.terms;
  return undefined;
}
