// "What we know": every set of talks a party has words about — a proposal's message and every account of it
// (relays, readouts, leaks) — with each version of the terms as this party heard it, split into what it knows
// for sure (on the record, confirmed by a clarification, leaked, its own words, the truth an exposure revealed)
// and what it was only told (envoys' reports, relays, readouts, talks with no notetaker). Plain data, no React.
import { cableStatus, type CableStatus } from '../engine/channel-machine.js';
import { sameTerms } from '../model/game.js';
import type { Channel, PartyId, Terms } from '../model/types.js';
import type { PlayerView, ViewMessage } from '../model/view.js';
import { partyName, possessive, talksRefs, viaWords, type TalksRef } from './format.js';

export type Certainty = 'sure' | 'told';

/** One version of what was put on the table. */
export interface TalksVersion {
  /** The message that carried it; undefined for what was really said, learnt when a distortion was exposed. */
  message?: number;
  from: PartyId;
  channel: Channel;
  round: number;
  /** The cable's status from the cable machine; undefined for the truth an exposure revealed. */
  status?: CableStatus;
  /** How far it can be trusted as heard, 0–1. */
  confidence: number;
  /** The terms as this party heard them (for an exposed cable: as it was first told them). */
  terms: Terms;
  certainty: Certainty;
  /** Whether another account of the same talks tells them differently (the view's flag). */
  disputed: boolean;
  /** Index of its terms in the group's `termSets`. */
  set: number;
  /** Where it came from, in a few words: "Russia via Steve Witkoff", "your words, at the table". */
  source: string;
}

export interface TalksGroup extends TalksRef {
  /** What this party knows for sure first, then what it was told; each in the order heard. */
  versions: TalksVersion[];
  /** The distinct versions of the terms, those known for sure first. */
  termSets: Terms[];
  /** Some account of these talks disagrees with another (ViewMessage.disputed). */
  disputed: boolean;
  /** A distortion of these talks was exposed to this party. */
  exposed: boolean;
  /** The newest message in the group: the most recently active talks come first. */
  latest: number;
}

const SURE: ReadonlySet<CableStatus> = new Set(['on-record', 'confirmed']);

function sourceWords(view: PlayerView, m: ViewMessage): string {
  const own = m.from === view.self;
  const name = partyName(view.game, m.from);
  switch (m.channel) {
    case 'relay':
      return own ? `you passed it on to ${m.to.map((id) => partyName(view.game, id)).join(', ')}` : `${name} passed it on`;
    case 'readout':
      return own ? 'your readout' : `${possessive(name)} readout`;
    case 'leak':
      return 'a leak';
    default:
      return own ? `your words, ${viaWords(view.game, m)}` : `${name} ${viaWords(view.game, m)}`;
  }
}

/** The sets of talks `view`'s party holds words about, the most recently active first. */
export function talksGroups(view: PlayerView, meetings: readonly { id: string; title: string }[]): TalksGroup[] {
  const refs = talksRefs(view, meetings);
  const groups = new Map<number, TalksGroup>();
  const self = view.self;
  for (const m of view.messages) {
    if (m.body.kind !== 'proposal' && m.body.kind !== 'account') continue;
    const ref = refs.get(m.about ?? m.id);
    if (!ref) continue;
    let group = groups.get(ref.root);
    if (!group) {
      group = { ...ref, versions: [], termSets: [], disputed: false, exposed: false, latest: m.id };
      groups.set(ref.root, group);
    }
    group.latest = Math.max(group.latest, m.id);
    group.disputed ||= m.disputed;
    const status = cableStatus(m, self);
    const base = { message: m.id, from: m.from, channel: m.channel, round: m.round, status, confidence: m.confidence, disputed: m.disputed, set: 0, source: sourceWords(view, m) };
    if (status === 'exposed') {
      // What it was told stays on the record of what it was told; what was really said is now known.
      group.exposed = true;
      group.versions.push({ ...base, terms: m.told ?? m.body.terms, certainty: 'told' });
      const truth = m.truth;
      if (truth) {
        group.versions.push({
          from: truth.from,
          channel: truth.channel,
          round: truth.round,
          confidence: 1,
          terms: truth.terms,
          certainty: 'sure',
          disputed: false,
          set: 0,
          source: `what ${truth.from === self ? 'you' : partyName(view.game, truth.from)} really said (found out)`,
        });
      }
      continue;
    }
    // Own proposals are our own words; our own accounts are only what we told others.
    const own = m.from === self && m.body.kind === 'proposal';
    group.versions.push({ ...base, terms: m.body.terms, certainty: own || SURE.has(status) || m.channel === 'leak' ? 'sure' : 'told' });
  }
  for (const group of groups.values()) {
    // The truth learnt by an exposure is shown once, and not at all when a sure version already says it.
    const kept: TalksVersion[] = [];
    for (const v of group.versions) {
      if (v.message === undefined && kept.some((k) => k.certainty === 'sure' && sameTerms(k.terms, v.terms))) continue;
      if (v.certainty === 'sure') {
        for (let k = kept.length - 1; k >= 0; k--) if (kept[k]!.message === undefined && sameTerms(kept[k]!.terms, v.terms)) kept.splice(k, 1);
      }
      kept.push(v);
    }
    const order = (v: TalksVersion) => (v.certainty === 'sure' ? 0 : 1);
    group.versions = kept
      .map((v, k) => ({ v, k }))
      .sort((a, b) => order(a.v) - order(b.v) || a.k - b.k)
      .map((x) => x.v);
    for (const v of group.versions) {
      let set = group.termSets.findIndex((t) => sameTerms(t, v.terms));
      if (set < 0) set = group.termSets.push(v.terms) - 1;
      v.set = set;
    }
  }
  return [...groups.values()].sort((a, b) => b.latest - a.latest);
}

/** The letter of a version of the terms: A, B, C… */
export const setLetter = (set: number) => String.fromCharCode(65 + (set % 26));

/** The issues where the versions of a set of talks differ. */
export function differingIssues(group: Pick<TalksGroup, 'termSets'>): number[] {
  const first = group.termSets[0];
  if (!first) return [];
  return first.map((_, i) => i).filter((i) => group.termSets.some((t) => t[i] !== first[i]));
}
