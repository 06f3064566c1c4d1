// Talks: which channel a proposal travels by, and whether a notetaker comes along. A party only uses the
// channels its scenario gives it (`PublicParty.channels`; a game without that list allows them all). Its
// posture names the channel it prefers:
//   • public — everyone hears the same words, on the record;
//   • direct — at the table, to every party, on the record; but an offer made to us alone (a meeting, an
//     envoy's visit, one-to-one talks) that comes within CLOSE_GAP of what we ask is answered in kind, to close
//     the gap privately: directly to its sender, one to one (further apart, we answer at the table);
//   • envoy — an envoy carries the package to the party it pleases least (decide.ts picks it): the one the
//     posture names, or else its most faithful envoy; an envoy once caught misreporting is not sent again while
//     another is left. With no envoy, or the envoy channel closed, it talks to that party directly, one to one.
// When the preferred channel is closed the next open one is taken: direct, then public, then envoy.
// In direct talks with exactly one party it brings a notetaker with probability `strategy.notetaker`: a record
// settles later disputes about what was said, but the other side speaks less freely (a trust cost in the
// rules). No other channel gets a `notetaker` field.
import type { Rng } from '../model/rng.js';
import type { Channel, PartyId, ProposalChannel } from '../model/types.js';
import type { PlayerView, ViewProposal } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';

/** How near (in our utility) an offer made to us alone must come to our target to be answered one to one. */
export const CLOSE_GAP = 0.1;

export interface Route {
  channel: ProposalChannel;
  envoy?: string;
  /** Omitted: every active party. */
  to?: PartyId[];
}

/** Whether this party may use `channel` (every channel, when the game does not say). */
export function mayUse(view: PlayerView, channel: Channel): boolean {
  const own = view.game.parties.find((p) => p.id === view.self);
  const channels = own?.channels as readonly string[] | undefined;
  return channels === undefined || channels.includes(channel);
}

/** The channel for a package meant for the whole table: direct talks (on the record), else public. */
export function tableChannel(view: PlayerView): 'direct' | 'public' | undefined {
  if (mayUse(view, 'direct')) return 'direct';
  if (mayUse(view, 'public')) return 'public';
  return undefined;
}

/** Whether `p` came to us alone from a party still at the table (a meeting, an envoy, one-to-one talks). */
export function cameToUsAlone(view: PlayerView, p: ViewProposal | undefined): p is ViewProposal {
  return p !== undefined && p.channel !== 'public' && p.to.length === 1 && p.to[0] === view.self && view.parties[p.by]?.status === 'active';
}

/**
 * How to send a package, or undefined when no channel for proposals is open to us. `adversary` names the one
 * party an envoy (or one-to-one talks) should go to; `counter` is the offer we answer, if any, and `close`
 * whether it came within CLOSE_GAP of our target.
 */
/**
 * The envoy to send: the posture's choice, else the most faithful of our envoys; never one caught misreporting
 * (someone found out what he carried was not what was said) while another is left.
 */
export function envoyFor(view: PlayerView, strategy: Pick<Strategy, 'envoy'>): { id: string } | undefined {
  const all = view.envoys.length ? view.envoys : (view.game.parties.find((p) => p.id === view.self)?.envoys ?? []).map((e) => ({ ...e, fidelity: 1 }));
  if (all.length === 0) return undefined;
  const caught = new Set<string>();
  for (const m of view.messages) if (m.foundOut && m.envoy !== undefined) caught.add(m.envoy);
  const clean = all.filter((e) => !caught.has(e.id));
  const pool = clean.length ? clean : all;
  const named = pool.find((e) => e.id === strategy.envoy);
  if (named) return named;
  let best = pool[0]!;
  for (const e of pool) if (e.fidelity > best.fidelity) best = e;
  return best;
}

export function routeFor(
  view: PlayerView,
  strategy: Pick<Strategy, 'channel' | 'envoy'>,
  adversary: () => PartyId | undefined,
  counter?: ViewProposal,
  close = true,
): Route | undefined {
  const preferred = strategy.channel;
  if (preferred === 'envoy') {
    const to = adversary();
    const envoy = envoyFor(view, strategy);
    if (to !== undefined && envoy && mayUse(view, 'envoy')) return { channel: 'envoy', envoy: envoy.id, to: [to] };
    if (to !== undefined && mayUse(view, 'direct')) return { channel: 'direct', to: [to] };
  } else if (preferred === 'direct' && mayUse(view, 'direct')) {
    return close && cameToUsAlone(view, counter) ? { channel: 'direct', to: [counter.by] } : { channel: 'direct' };
  } else if (preferred === 'public' && mayUse(view, 'public')) {
    return { channel: 'public' };
  }
  const table = tableChannel(view);
  if (table) return { channel: table };
  const to = adversary();
  const envoy = envoyFor(view, strategy);
  if (to !== undefined && envoy && mayUse(view, 'envoy')) return { channel: 'envoy', envoy: envoy.id, to: [to] };
  return undefined;
}

/** Whether this route is one-to-one direct talks: the only talks that take a notetaker decision. */
export function oneToOne(route: Route): boolean {
  return route.channel === 'direct' && route.to !== undefined && route.to.length === 1;
}

/** Whether to bring a notetaker to one-to-one direct talks: a seeded coin weighted by `strategy.notetaker`. */
export function bringNotetaker(strategy: Pick<Strategy, 'notetaker'>, rng: Rng): boolean {
  // A strategy written before the field existed brings one, as the scenario format's default does.
  return rng.next() < (strategy.notetaker ?? 1);
}
