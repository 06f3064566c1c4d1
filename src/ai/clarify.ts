// Verification: before acting on hearsay, ask the speaker what was really said — that is how a distortion gets
// exposed. Hearsay is what can be checked: an envoy's report or a relay (the rules' `clarifiable`). We check
//   • an envoy's offer to us that is suddenly much better than anything its sender offered before (too good to
//     be true), or that another account of the same talks contradicts (disputed), before accepting it;
//   • a relay that is too good to be true, or disputed — as a move of its own, since nothing is to be accepted.
// How readily depends on how far the words can be trusted: the channel's `confidence` times our reliance on
// whoever answers for them (reliance.ts: a party caught distorting is checked sooner). The jump that counts as
// too good is SUSPICION_JUMP for an envoy we have no reason to doubt (confidence 0.7), scaled by that trust; a
// disputed relay or envoy report is checked with chance min(1, 2 × doubt), doubt = 1 − trust.
import type { PartyId } from '../model/types.js';
import type { PlayerView, ViewMessage, ViewProposal } from '../model/view.js';
import { isOpenToMe, judge, LIFETIME, onlyUsLeft } from './acceptance.js';
import type { Targets } from './aspiration.js';
import { speakerOf, termsOf } from './accounts.js';
import { culpritOf, relianceOn } from './reliance.js';
import { gameTablesFor, ownUtility, crossesRed, type Tables } from './tables.js';

export const SUSPICION_JUMP = 0.08;
/** The confidence of an envoy's report, at which SUSPICION_JUMP applies as it stands. */
const ENVOY_CONFIDENCE = 0.7;

export interface Suspicion {
  message: ViewMessage;
  proposal: ViewProposal;
  /** Our utility of what we heard. */
  utility: number;
  /** The best the sender offered us before (or our BATNA when it never did). */
  baseline: number;
  /** Too good to be true, or contradicted by another account. */
  why: 'jump' | 'disputed';
}

/** Whether we already asked about this message (when the view says so), else whether it is new since our last turn. */
function unchecked(view: PlayerView, m: ViewMessage): boolean {
  if (m.clarified) return false;
  // Asked or not, a message is only worth a call while it is fresh: what arrived since our last turn is what
  // came from parties after us last round and parties before us this round.
  const { index } = gameTablesFor(view.game);
  const me = index.get(view.self) ?? 0;
  const from = index.get(m.from) ?? 0;
  return (m.round === view.round && from < me) || (m.round === view.round - 1 && from > me);
}

/** How far the words of `m` can be trusted: its channel's confidence times our reliance on its culprit. */
export function trustIn(view: PlayerView, m: ViewMessage, reliance?: Float64Array): number {
  const confidence = Number.isFinite(m.confidence) ? m.confidence : ENVOY_CONFIDENCE;
  return reliance ? confidence * relianceOn(view, reliance, culpritOf(view, m)) : confidence;
}

/** The jump over the sender's record that counts as too good to be true for words trusted this much. */
export function jumpFor(trust: number, jump = SUSPICION_JUMP): number {
  return (jump * trust) / ENVOY_CONFIDENCE;
}

/** The best the party offered us before proposal `before` (or anyone, when `by` is unknown), or −1. */
function bestBefore(view: PlayerView, t: Tables, by: PartyId | undefined, before: number): number {
  let baseline = -1;
  for (let q = view.proposals.length - 1; q >= 0; q--) {
    const p = view.proposals[q]!;
    if (p.id >= before || p.by === view.self || (by !== undefined && p.by !== by)) continue;
    if (by === undefined && p.round < view.round - LIFETIME) break;
    const u = ownUtility(t, p.terms);
    if (u > baseline) baseline = u;
  }
  return baseline;
}

/**
 * The envoy message to ask about before acting on it, if any: an open offer to us, heard through an envoy, not
 * yet exposed or checked, that we would accept, and that either beats its sender's earlier offers by more than
 * the jump (while it is fresh) or is disputed by another account of the same talks.
 */
export function suspiciousEnvoyOffer(view: PlayerView, t: Tables, targets: Targets, jump = SUSPICION_JUMP, reliance?: Float64Array): Suspicion | undefined {
  const messages = view.messages;
  for (let k = messages.length - 1; k >= 0; k--) {
    const m = messages[k]!;
    if (m.round < view.round - LIFETIME) break;
    if (m.channel !== 'envoy' || m.from === view.self || m.exposed || m.clarified || m.body.kind !== 'proposal') continue;
    if (!m.to.includes(view.self)) continue;
    const disputed = m.disputed === true;
    if (!disputed && !unchecked(view, m)) continue;
    const id = m.body.proposal;
    let proposal: ViewProposal | undefined;
    for (let q = view.proposals.length - 1; q >= 0; q--) {
      if (view.proposals[q]!.id === id) {
        proposal = view.proposals[q];
        break;
      }
    }
    if (!proposal || !isOpenToMe(view, proposal)) continue;
    let baseline = bestBefore(view, t, m.from, id);
    if (baseline < 0) baseline = view.batna;
    const verdict = judge(view, t, proposal.terms, targets, onlyUsLeft(view, proposal));
    if (!verdict.ok) continue;
    if (disputed) return { message: m, proposal, utility: verdict.utility, baseline, why: 'disputed' };
    if (verdict.utility - baseline <= jumpFor(trustIn(view, m, reliance), jump)) continue;
    return { message: m, proposal, utility: verdict.utility, baseline, why: 'jump' };
  }
  return undefined;
}

export interface Doubt {
  message: ViewMessage;
  why: 'disputed' | 'too-good';
  /** Chance of making the call this turn. */
  chance: number;
  /** For 'too-good': our utility of what we were told, and the record it beats. */
  utility: number;
  baseline: number;
}

/**
 * Hearsay worth a call as a move of its own (not before accepting: see suspiciousEnvoyOffer): a recent relay or
 * envoy report to us, not exposed or checked, that is disputed; or a fresh relay too good to be true. The most
 * doubtful first.
 */
export function hearsayToVerify(view: PlayerView, t: Tables, reliance?: Float64Array, jump = SUSPICION_JUMP): Doubt | undefined {
  const messages = view.messages;
  let best: Doubt | undefined;
  for (let k = messages.length - 1; k >= 0; k--) {
    const m = messages[k]!;
    if (m.round < view.round - LIFETIME) break;
    if ((m.channel !== 'relay' && m.channel !== 'envoy') || m.from === view.self || m.exposed || m.clarified) continue;
    if (!m.to.includes(view.self)) continue;
    const terms = termsOf(m);
    if (!terms) continue;
    const trust = trustIn(view, m, reliance);
    let doubt: Doubt | undefined;
    if (m.disputed) {
      const chance = 2 * (1 - trust);
      doubt = { message: m, why: 'disputed', chance: chance > 1 ? 1 : chance, utility: ownUtility(t, terms), baseline: -1 };
    } else if (m.channel === 'relay' && unchecked(view, m)) {
      const utility = crossesRed(t, terms) ? 0 : ownUtility(t, terms);
      const speaker = speakerOf(view, m);
      let baseline = bestBefore(view, t, speaker, Infinity);
      if (baseline < 0) baseline = view.batna;
      if (utility - baseline > jumpFor(trust, jump)) doubt = { message: m, why: 'too-good', chance: 1, utility, baseline };
    }
    if (doubt && (!best || doubt.chance > best.chance)) best = doubt;
  }
  return best;
}
