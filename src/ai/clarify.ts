// Catching an envoy: an offer heard through an envoy that is suddenly much better for us than anything its
// sender offered before is too good to be true. Before acting on it, ask for a clarification — that is how a
// distortion gets exposed. The one parameter that matters is how big a jump counts as suspicious.
import type { PlayerView, ViewMessage, ViewProposal } from '../model/view.js';
import { isOpenToMe, judge, LIFETIME } from './acceptance.js';
import { gameTablesFor, ownUtility, type Tables } from './tables.js';

export const SUSPICION_JUMP = 0.08;

export interface Suspicion {
  message: ViewMessage;
  proposal: ViewProposal;
  /** Our utility of what we heard. */
  utility: number;
  /** The best the sender offered us before (or our BATNA when it never did). */
  baseline: number;
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

/**
 * The envoy message to ask about, if any: an open offer to us, heard through an envoy, not yet exposed or
 * checked, that we would accept, and that beats its sender's earlier offers by more than `jump`.
 */
export function suspiciousEnvoyOffer(
  view: PlayerView,
  t: Tables,
  target: number,
  nextValue: number,
  jump = SUSPICION_JUMP,
): Suspicion | undefined {
  const messages = view.messages;
  for (let k = messages.length - 1; k >= 0; k--) {
    const m = messages[k]!;
    if (m.round < view.round - LIFETIME) break;
    if (m.channel !== 'envoy' || m.from === view.self || m.exposed || m.body.kind !== 'proposal') continue;
    if (!m.to.includes(view.self) || !unchecked(view, m)) continue;
    const id = m.body.proposal;
    let proposal: ViewProposal | undefined;
    let baseline = -1;
    for (let q = view.proposals.length - 1; q >= 0; q--) {
      const p = view.proposals[q]!;
      if (p.id === id) proposal = p;
      else if (p.by === m.from && p.id < id) {
        const u = ownUtility(t, p.terms);
        if (u > baseline) baseline = u;
      }
    }
    if (!proposal || !isOpenToMe(view, proposal)) continue;
    if (baseline < 0) baseline = view.batna;
    const verdict = judge(view, t, proposal.terms, target, nextValue);
    if (!verdict.ok || verdict.utility - baseline <= jump) continue;
    return { message: m, proposal, utility: verdict.utility, baseline };
  }
  return undefined;
}
