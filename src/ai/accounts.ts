// Accounts: what a relay, a readout or a leak says about talks — whose talks, and on what terms. An account's
// `about` names the message that carried the original proposal; the speaker is whoever made that proposal.
// We know the speaker when we were at those talks (the message is in our view), when the account is a leak
// (a leak speaks with the speaker's own words, as the speaker), or when the view names it (`speaker`, if the
// view carries it); otherwise we do not, and an account whose speaker we cannot tell is no evidence about anyone.
import type { PartyId, Terms } from '../model/types.js';
import type { PlayerView, ViewMessage } from '../model/view.js';

/** The message with this id in the view (messages are in id order), if this party knows it. */
export function messageById(view: PlayerView, id: number): ViewMessage | undefined {
  const messages = view.messages;
  let lo = 0;
  let hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = messages[mid]!;
    if (m.id === id) return m;
    if (m.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  // Hand-built views need not be sorted: fall back to a scan.
  for (let k = 0; k < messages.length; k++) if (messages[k]!.id === id) return messages[k];
  return undefined;
}

/** The terms a message carries as this party heard them (a proposal, or an account of one). */
export function termsOf(m: ViewMessage): Terms | undefined {
  const body = m.body;
  return body.kind === 'proposal' || body.kind === 'account' ? body.terms : undefined;
}

/** The message an account is about (`about`, or the body's `of`); undefined for anything but an account. */
export function aboutOf(m: ViewMessage): number | undefined {
  if (m.body.kind !== 'account') return undefined;
  return m.about ?? m.body.of;
}

/** Who made the proposal an account tells of, when this party can know it. */
export function speakerOf(view: PlayerView, m: ViewMessage): PartyId | undefined {
  const about = aboutOf(m);
  if (about === undefined) return undefined;
  const root = messageById(view, about);
  if (root) return root.from;
  if (m.channel === 'leak') return m.from;
  if ('speaker' in m && typeof m.speaker === 'string') return m.speaker;
  return undefined;
}

/** Whether this party took part in the talks an account is about (it holds their message). */
export function wasThere(view: PlayerView, m: ViewMessage): boolean {
  const about = aboutOf(m);
  return about !== undefined && messageById(view, about) !== undefined;
}

/**
 * The terms of the newest account that reached us this round or the last (a relay, a readout, a leak), not
 * exposed and not our own: what we were told someone offered, a package worth starting a search from.
 */
export function latestAccountTerms(view: PlayerView, rounds = 1): Terms | undefined {
  const messages = view.messages;
  for (let k = messages.length - 1; k >= 0; k--) {
    const m = messages[k]!;
    if (m.round < view.round - rounds) break;
    if (m.body.kind !== 'account' || m.from === view.self || m.exposed) continue;
    return m.body.terms;
  }
  return undefined;
}
