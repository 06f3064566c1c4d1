// Our side of the story: after off-the-record talks the party took part in (direct talks with no notetaker,
// an envoy's visit, a meeting), it may publish a readout — its account, to everyone. Once per set of talks,
// only when 'readout' is one of its channels, and the more likely the more the talks matter:
//   • another account of them already circulates and disagrees with ours (the message is disputed), while
//     they are recent: READOUT_DISPUTED;
//   • a meeting with us alone — our own envoy was in the room, or we met in person, one to one — while fresh:
//     READOUT_MEETING;
//   • any other off-record talks of ours (an envoy's visit, our own envoy's errand), while fresh: READOUT_OTHER.
// Faithful with probability `candour`, otherwise told our way (shade.ts). It costs the turn: decide.ts takes it
// on a coin weighted by these chances, or when it would otherwise only wait.
import type { PlayerView, ViewMessage } from '../model/view.js';
import { LIFETIME } from './acceptance.js';
import { aboutOf } from './accounts.js';
import { NEWS_ROUNDS } from './relay.js';
import { mayUse } from './talks.js';

export const READOUT_DISPUTED = 0.8;
export const READOUT_MEETING = 0.4;
export const READOUT_OTHER = 0.1;

export interface ReadoutPlan {
  message: ViewMessage;
  /** Chance of publishing it this turn. */
  chance: number;
  why: 'disputed' | 'meeting' | 'other';
}

const given: number[] = [];

/** The talks most worth a readout now, if any. */
export function readoutCandidate(view: PlayerView): ReadoutPlan | undefined {
  if (!mayUse(view, 'readout')) return undefined;
  const self = view.self;
  const messages = view.messages;
  given.length = 0;
  let best: ReadoutPlan | undefined;
  for (let k = messages.length - 1; k >= 0; k--) {
    const m = messages[k]!;
    if (m.from === self && m.channel === 'readout') {
      const about = aboutOf(m);
      if (about !== undefined) given.push(about);
      continue;
    }
    if (m.round < view.round - LIFETIME) break;
    if (m.record || (m.channel !== 'direct' && m.channel !== 'envoy') || m.body.kind !== 'proposal') continue;
    if (m.from !== self && !m.to.includes(self)) continue;
    if (given.includes(m.id)) continue;
    const fresh = m.round >= view.round - NEWS_ROUNDS;
    const plan: ReadoutPlan | undefined = m.disputed
      ? { message: m, chance: READOUT_DISPUTED, why: 'disputed' }
      : !fresh
        ? undefined
        : meeting(view, m)
          ? { message: m, chance: READOUT_MEETING, why: 'meeting' }
          : { message: m, chance: READOUT_OTHER, why: 'other' };
    if (plan && (!best || plan.chance > best.chance)) best = plan;
  }
  return best;
}

/** Whether `m` was a meeting with us alone: one to one in person, or with our own envoy in the room. */
function meeting(view: PlayerView, m: ViewMessage): boolean {
  if (m.from === view.self || m.to.length !== 1) return false;
  if (m.channel === 'direct') return true;
  return m.envoy !== undefined && (view.game.parties.find((p) => p.id === view.self)?.envoys.some((e) => e.id === m.envoy) ?? false);
}
