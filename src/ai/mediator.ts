// A mediator's turn: the single negotiating text (Fisher's procedure, Carter's at Camp David). The mediator
// has no stake of its own — it values a package by the parties' average utility (model/game.ts) — and it never
// accepts or signs. It tables one text to every party, waits while the answers come in, and when a party
// objects it amends the text: the package that now looks likeliest to be accepted by all, for what it gives
// them, by what it has learnt of each party from their answers and reasons (beliefs.ts, as any AI party), the
// search starting from the standing text so that an amendment changes what it must and keeps the rest.
import { sameTerms } from '../model/game.js';
import type { Command, PartyId, Terms } from '../model/types.js';
import type { PlayerView, ViewProposal } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { acceptanceAt, believedStanding, emptyBeliefs, learnBeliefs, type Beliefs } from './beliefs.js';
import type { Decision, DecideOptions } from './decide.js';
import { latestOwn } from './on-the-table.js';
import { issueName, names } from './reasons.js';
import { gameTablesFor, tablesFor, type Tables } from './tables.js';

/** Whether the party whose view this is is the scenario's mediator. */
export const isMediator = (view: PlayerView): boolean => view.game.parties.some((p) => p.id === view.self && p.role === 'mediator');

export function decideMediator(view: PlayerView, _strategy: Strategy, options: DecideOptions = {}): Decision {
  const self = view.self;
  const wait = (reason: string): Decision => ({ command: { type: 'pass', by: self }, reason });
  if (view.phase !== 'diplomacy') return wait('waiting: the parties decide now');
  const t = tablesFor(view.preferences);
  const parties = gameTablesFor(view.game)
    .otherSignatories(self)
    .filter((id) => view.parties[id]?.status === 'active');
  if (parties.length === 0) return wait('waiting: no party is at the table');
  const text = latestOwn(view);
  const objections = text ? text.rejected.filter((id) => id !== self) : [];
  // The text stands while the answers come in: nobody has objected, and it is not stale.
  if (text && text.status === 'open' && objections.length === 0 && text.round >= view.round - 1) {
    const yes = text.accepted.filter((id) => id !== self);
    return wait(
      yes.length > 0 ? `waiting: ${names(view, yes)} accepted the text #${text.id}; the others have yet to answer` : `waiting: the parties are reading the text #${text.id}`,
    );
  }
  const beliefs: Beliefs = options.model ? options.model(view, t, parties) : learnBeliefs(view, neutral(t), parties, emptyBeliefs());
  // The first draft waits until every party has said what it wants (a proposal or an answer): a text written
  // blind is a text each side must first tear up.
  if (!text) {
    const silent = parties.filter((_, j) => beliefs.informed[j] !== 1);
    if (silent.length > 0 && view.round < view.game.rounds) return wait(`listening: ${names(view, silent)} has yet to say what it wants`);
  }
  const starts: Terms[] = [];
  const add = (terms: Terms | undefined) => {
    if (terms && !starts.some((s) => sameTerms(s, terms))) starts.push(terms);
  };
  add(text?.terms);
  // What the parties proposed themselves shows what each can live with; and a text made of their pieces —
  // on each issue one side's own proposal — is where logrolling starts: each gets what it asked for most.
  const latest = parties.flatMap((id) => {
    for (let k = view.proposals.length - 1; k >= 0; k--) if (view.proposals[k]!.by === id) return [view.proposals[k]!.terms];
    return [];
  });
  for (const terms of latest) add(terms);
  for (const mix of mixes(latest, MAX_MIXES)) add(mix);
  add(t.idealTerms);
  const found = { terms: bestText(t, beliefs, starts) };
  if (text && text.status === 'open' && sameTerms(found.terms, text.terms)) {
    return wait(`waiting: no change to the text #${text.id} looks likelier to be accepted by all`);
  }
  const command: Command = { type: 'propose', by: self, terms: Array.from(found.terms), channel: channelFor(view), to: [...parties] };
  return { command, reason: reasonFor(view, text, found.terms, objections) };
}

/** The text goes to the parties together: at the table, or in public when the mediator has no other channel. */
function channelFor(view: PlayerView): 'direct' | 'public' {
  const channels = view.game.parties.find((p) => p.id === view.self)?.channels ?? ['direct'];
  return channels.includes('direct') || !channels.includes('public') ? 'direct' : 'public';
}

function reasonFor(view: PlayerView, text: ViewProposal | undefined, terms: Terms, objections: readonly PartyId[]): string {
  if (!text) return 'tabled a single negotiating text for every party to answer';
  const changed = terms.flatMap((o, i) => (o !== text.terms[i] ? [issueName(view, i)] : []));
  const what = changed.length === 0 ? 'the same terms' : `changes on ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ' and more' : ''}`;
  return objections.length > 0 ? `amended the text after ${names(view, objections)} objected: ${what}` : `tabled the text again: ${what}`;
}

/** The most texts made of the parties' pieces that the search starts from. */
const MAX_MIXES = 64;

/** Packages that take each issue from one of `sources`. */
function mixes(sources: readonly Terms[], max: number): Terms[] {
  if (sources.length < 2) return [];
  const issues = sources[0]!.length;
  const total = sources.length ** issues;
  const out: Terms[] = [];
  for (let k = 0; k < Math.min(total, max); k++) {
    // Every combination when they are few; else a spread that reaches every issue's choices alike (a stride
    // prime to any count of parties and issues a scenario has).
    let c = total <= max ? k : (k * 2654435761) % total;
    out.push(
      Array.from({ length: issues }, (_, i) => {
        const pick = c % sources.length;
        c = Math.floor(c / sources.length);
        return sources[pick]![i]!;
      }),
    );
  }
  return out;
}

/** How much a package's gains count against the chance that all accept it: 1 makes the search the Nash product. */
const GAINS = 1;

/**
 * The text the mediator believes best: the largest product, over the parties, of the chance each accepts it and
 * (to a power) of what it gives each beyond what they ask — the Nash bargaining solution as far as it can see it.
 * Greedy single-issue changes from each start until none improves, as in bidding.ts.
 */
export function bestText(t: Tables, b: Beliefs, starts: readonly Terms[]): Terms {
  const n = b.parties.length;
  const score = (terms: Terms): number => {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const u = believedStanding(b, t, j, terms);
      const chance = acceptanceAt(b, j, u);
      if (chance <= 0) return -Infinity;
      sum += Math.log(chance) + GAINS * Math.log(Math.max(0.01, u - b.threshold[j]! + 0.1));
    }
    return sum;
  };
  let best: Terms = starts[0]!;
  let bestScore = -Infinity;
  for (const start of starts) {
    const terms = Array.from(start);
    let value = score(terms);
    for (let pass = 0; pass < 4 * t.issues; pass++) {
      let move: [number, number, number] | undefined;
      for (let i = 0; i < t.issues; i++) {
        const was = terms[i]!;
        for (let o = 0; o < t.offset[i + 1]! - t.offset[i]!; o++) {
          if (o === was) continue;
          terms[i] = o;
          const v = score(terms);
          if (v > value + 1e-9 && (!move || v > move[2])) move = [i, o, v];
        }
        terms[i] = was;
      }
      if (!move) break;
      terms[move[0]] = move[1];
      value = move[2];
    }
    if (value > bestScore) {
      bestScore = value;
      best = terms;
    }
  }
  return best;
}

const neutralCache = new WeakMap<Tables, Tables>();

/**
 * The mediator's tables as its opponent model starts from them: no values of its own to mirror. An AI party
 * guesses that the others want the opposite of what it wants; the mediator wants their average, whose mirror
 * says nothing about either of them, so it starts from indifference and learns from what they say and do.
 */
function neutral(t: Tables): Tables {
  let n = neutralCache.get(t);
  if (!n) {
    n = { ...t, value: new Float64Array(t.value.length).fill(0.5), weight: new Float64Array(t.weight.length).fill(1 / t.issues) };
    neutralCache.set(t, n);
  }
  return n;
}
