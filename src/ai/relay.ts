// Passing it on: an offer the party heard in talks the others were not at — a meeting, an envoy's visit,
// one-to-one talks — it may tell its partners among the other signatories who did not hear it: still at the
// table, not the speaker, and trusted at least PARTNER_TRUST (a party we have no trust figure for counts 0.5). Once per message, while it is news (made this round or the last), and only when 'relay' is one of
// its channels. Faithful with probability `candour`, otherwise told our way (shade.ts). A relay costs the
// turn: decide.ts takes it on a coin (the posture's `briefing`, RELAY_CHANCE by default), or when it would otherwise only wait.
import type { PartyId } from '../model/types.js';
import type { PlayerView, ViewMessage } from '../model/view.js';
import { aboutOf } from './accounts.js';
import { mayUse } from './talks.js';

/** Chance per turn of passing on news the party holds. */
export const RELAY_CHANCE = 0.35;
/** The least trust we have in a party we tell what we heard. */
export const PARTNER_TRUST = 0.4;
/** Rounds an offer stays news. */
export const NEWS_ROUNDS = 1;

export interface RelayPlan {
  message: ViewMessage;
  /** Who did not hear it. */
  to: PartyId[];
}

/** The newest offer worth passing on, and to whom; undefined when there is none (or no relay channel). */
export function relayCandidate(view: PlayerView): RelayPlan | undefined {
  if (!mayUse(view, 'relay')) return undefined;
  const self = view.self;
  const messages = view.messages;
  // The messages we already passed on, as we meet our relays of them (each call its own: no shared state).
  const passedOn: number[] = [];
  // Newest first: our relays of a message come after it, so they are seen before it.
  for (let k = messages.length - 1; k >= 0; k--) {
    const m = messages[k]!;
    if (m.from === self) {
      if (m.channel === 'relay') {
        const about = aboutOf(m);
        if (about !== undefined) passedOn.push(about);
      }
      continue;
    }
    if (m.round < view.round - NEWS_ROUNDS) break;
    if (m.body.kind !== 'proposal' || (m.channel !== 'envoy' && m.channel !== 'direct')) continue;
    if (!m.to.includes(self) || passedOn.includes(m.id)) continue;
    const to = listeners(view, m);
    if (to.length > 0) return { message: m, to };
  }
  return undefined;
}

/** Our partners who did not hear `m`: signatories still at the table, trusted enough, not its speaker or recipients. */
export function listeners(view: PlayerView, m: ViewMessage): PartyId[] {
  const out: PartyId[] = [];
  const trust = view.parties[view.self]?.trust;
  for (const id of view.game.signatories) {
    if (id === view.self || id === m.from || m.to.includes(id)) continue;
    if (view.parties[id]?.status !== 'active' || (trust?.[id] ?? 0.5) < PARTNER_TRUST) continue;
    out.push(id);
  }
  return out;
}
