// What one party may know: the public structure, the public state of every party, its own preferences,
// and the messages and proposals as *it heard them*. Other parties' preferences and other recipients'
// versions of a message never appear here — the AI and the player's screen both see only this.
import { prefsOf, sameTerms, type Game, type Preferences, type PublicGame } from './game.js';
import type { Agreement, Channel, Commitment, LogLine, Message, MessageBody, Outcome, PartyId, Phase, RejectReason, Terms, World } from './types.js';

export interface PublicPartyState {
  posture: string;
  /** The round its current posture began (0: from the start). */
  postureSince: number;
  status: 'active' | 'walked-out';
  pressure: number;
  credibility: number;
  /** Its trust toward each other party. */
  trust: Record<PartyId, number>;
  commitments: Commitment[];
  levers: string[];
  /** The round it walked out, while it is out. */
  walkedOutAt?: number;
}

export interface ViewProposal {
  id: number;
  round: number;
  by: PartyId;
  /** The terms as this party heard them (its own proposals: as sent). */
  terms: Terms;
  channel: Channel;
  envoy?: string;
  to: PartyId[];
  replyTo?: number;
  accepted: PartyId[];
  rejected: PartyId[];
  status: 'open' | 'agreed' | 'superseded' | 'expired' | 'rejected';
  /** Whether this party knows that what it heard differs from what was said. */
  exposed: boolean;
  /** The scripted meeting it was put on the table at. */
  meeting?: string;
  /** The reasons given by those who rejected it. */
  reasons?: Record<PartyId, RejectReason>;
}

/** One of this party's own envoys, with what only its principal knows: how faithfully he reports, and which way he leans. */
export interface OwnEnvoy {
  id: string;
  name: string;
  fidelity: number;
  bias: string;
}

export interface ViewMessage {
  id: number;
  round: number;
  from: PartyId;
  to: PartyId[];
  channel: Channel;
  envoy?: string;
  record: boolean;
  /** As this party heard it (as said, when it is the sender or the message was exposed to it). */
  body: MessageBody;
  /** Whether this party learnt that what it heard was not what was said. */
  exposed: boolean;
  /** For words this party answers for (its own, or its envoy's): whether someone found out they were distorted. */
  foundOut?: boolean;
  /** Whether this party already asked for a clarification of it. */
  clarified: boolean;
  /** For terms this party heard: another account of the same talks that reached it tells them differently. */
  disputed: boolean;
  /** How far the words can be trusted as heard, 0–1, from the channel (what we know for sure is 1). */
  confidence: number;
  /** For accounts (relays, readouts, leaks): the message whose talks they describe. */
  about?: number;
  /** For accounts: who made the offer they describe (an account names its source). */
  speaker?: PartyId;
  /** The scripted meeting the talks took place at. */
  meeting?: string;
  /**
   * The talks a proposal or an account is about (an account names them even to a party that was not there):
   * the first message of those talks, the package number put there, its round and who it was put to.
   */
  talks?: { root: number; speaker: PartyId; proposal: number; round: number; listeners: PartyId[]; meeting?: string };
  /** Once exposed to this party: the terms it had been told, and what was really said at those talks. */
  told?: Terms;
  truth?: { from: PartyId; channel: Channel; round: number; terms: Terms };
}

export interface PlayerView {
  self: PartyId;
  game: PublicGame;
  preferences: Preferences;
  round: number;
  phase: Phase;
  /** Who acts now, if anyone. */
  turn?: PartyId;
  control: Record<string, number>;
  ceasefire: boolean;
  /** Own BATNA (others' BATNAs are private). */
  batna: number;
  /** Own envoys, with their fidelity and bias. */
  envoys: OwnEnvoy[];
  parties: Record<PartyId, PublicPartyState>;
  proposals: ViewProposal[];
  messages: ViewMessage[];
  agreement?: Agreement;
  outcome?: Outcome;
  /** The lines the last step wrote that this party may see. */
  recent: LogLine[];
}

/**
 * Where a proposal stands for the viewer: 'awaiting' its answer, 'turned-down' (the viewer rejected it and, while
 * it is open, may still accept it), or undefined (its own, not addressed to it, accepted by it, or off the table).
 * The view's side of the rules' openProposalsFor and acceptableProposalsFor.
 */
export function offerStanding(view: Pick<PlayerView, 'self'>, p: ViewProposal): 'awaiting' | 'turned-down' | undefined {
  const self = view.self;
  if (p.status !== 'open' || p.by === self || !p.to.includes(self) || p.accepted.includes(self)) return undefined;
  return p.rejected.includes(self) ? 'turned-down' : 'awaiting';
}

export function currentActor(world: World, game: Game): PartyId | undefined {
  if (world.phase !== 'diplomacy' && world.phase !== 'signing') return undefined;
  return game.partyIds[world.turn];
}

export function playerView(world: World, game: Game, self: PartyId): PlayerView {
  const parties: Record<PartyId, PublicPartyState> = {};
  for (const id of game.partyIds) {
    const p = world.parties[id]!;
    parties[id] = {
      posture: p.posture,
      postureSince: p.postureSince,
      status: p.status,
      pressure: p.pressure,
      credibility: p.credibility,
      trust: p.trust,
      commitments: p.commitments,
      levers: p.levers,
      ...(p.walkedOutAt !== undefined ? { walkedOutAt: p.walkedOutAt } : {}),
    };
  }
  const proposals: ViewProposal[] = [];
  for (const p of world.proposals) {
    if (p.by !== self && !p.to.includes(self)) continue;
    const exposed = world.messages[p.message - 1]!.exposedTo.includes(self);
    const view: ViewProposal = {
      id: p.id,
      round: p.round,
      by: p.by,
      terms: p.by === self || exposed ? p.terms : (p.heard[self] ?? p.terms),
      channel: p.channel,
      envoy: p.envoy,
      to: p.to,
      replyTo: p.replyTo,
      accepted: p.accepted,
      rejected: p.rejected,
      status: p.status,
      exposed,
    };
    // Optional keys are set only when present (as a spread would, without its throwaway objects).
    if (p.meeting !== undefined) view.meeting = p.meeting;
    if (p.reasons !== undefined) view.reasons = p.reasons;
    proposals.push(view);
  }
  const messages: ViewMessage[] = [];
  const known = (m: Message) => m.from === self || m.to.includes(self);
  const heardBody = (m: Message) => (m.from === self || m.exposedTo.includes(self) ? m.said : (m.heard[self] ?? m.said));
  // Talks can only be disputed once an account of them (a relay, readout or leak) reached this party: only then
  // collect every version of those talks it knows of (its own words, what it heard, the accounts).
  let versions: Map<number, Terms[]> | undefined;
  for (const m of world.messages) {
    if (m.said.kind !== 'account' || !known(m)) continue;
    (versions ??= new Map()).set(m.said.of, []);
  }
  if (versions) {
    for (const m of world.messages) {
      const root = m.said.kind === 'account' ? m.said.of : m.said.kind === 'proposal' ? m.id : undefined;
      const list = root === undefined ? undefined : versions.get(root);
      if (!list || !known(m)) continue;
      const body = heardBody(m);
      if (body.kind === 'proposal' || body.kind === 'account') list.push(body.terms);
    }
  }
  for (const m of world.messages) {
    if (!known(m)) continue;
    const exposed = m.exposedTo.includes(self);
    const body = heardBody(m);
    let disputed = false;
    if (versions && (body.kind === 'proposal' || body.kind === 'account')) {
      const root = m.said.kind === 'account' ? m.said.of : m.id;
      disputed = (versions.get(root) ?? []).some((v) => !sameTerms(v, body.terms));
    }
    const clarified = m.clarified.includes(self);
    // A clarification that did not expose the message confirmed it: it is now as good as on the record.
    const confidence = m.from === self ? 1 : exposed ? 0 : clarified ? 1 : confidenceOf(m);
    const view: ViewMessage = {
      id: m.id,
      round: m.round,
      from: m.from,
      to: m.to,
      channel: m.channel,
      envoy: m.envoy,
      record: m.record,
      body,
      exposed,
      clarified,
      disputed,
      confidence,
    };
    // Optional keys are set only when present (as spreads would, without their throwaway objects).
    if ((m.from === self || m.envoyOf === self) && m.exposedTo.some((id) => id !== self)) view.foundOut = true;
    if (m.said.kind === 'account') {
      view.about = m.said.of;
      view.speaker = world.messages[m.said.of - 1]!.from;
    }
    if (m.meeting !== undefined) view.meeting = m.meeting;
    const talks = talksOf(world, m);
    if (talks) view.talks = talks;
    if (exposed) exposure(world, m, self, view);
    messages.push(view);
  }
  return {
    self,
    game: game.public,
    preferences: prefsOf(game, world, self),
    round: world.round,
    phase: world.phase,
    turn: currentActor(world, game),
    control: world.control,
    ceasefire: world.ceasefire,
    batna: world.parties[self]!.batna,
    envoys: game.party[self]!.envoys.map((e) => ({ id: e.id, name: e.name, fidelity: e.fidelity, bias: e.bias })),
    parties,
    proposals,
    messages,
    agreement: world.agreement,
    outcome: world.outcome,
    recent: world.recent.filter((line) => !line.visibleTo || line.visibleTo.includes(self)),
  };
}

/** The talks a message with terms is about: its own, or those an account describes. */
function talksOf(world: World, m: Message): ViewMessage['talks'] {
  const root = m.said.kind === 'account' ? world.messages[m.said.of - 1] : m;
  if (!root || root.said.kind !== 'proposal') return undefined;
  const talks: NonNullable<ViewMessage['talks']> = { root: root.id, speaker: root.from, proposal: root.said.proposal, round: root.round, listeners: root.to };
  const meeting = world.proposals[root.said.proposal - 1]?.meeting;
  if (meeting !== undefined) talks.meeting = meeting;
  return talks;
}

/** What an exposure taught `self`, written into its view: what it had been told, and what was really said. */
function exposure(world: World, m: Message, self: PartyId, into: ViewMessage): void {
  const heard = m.heard[self] ?? m.said;
  if (heard.kind === 'proposal' || heard.kind === 'account') into.told = heard.terms;
  const root = m.said.kind === 'account' ? world.messages[m.said.of - 1] : m;
  if (root && root.said.kind === 'proposal') into.truth = { from: root.from, channel: root.channel, round: root.round, terms: root.said.terms };
}

/**
 * How far a message can be trusted as heard, from its channel alone: a record or a public statement is what
 * was said; direct talks without a notetaker are first-hand but unprovable; an envoy's report, a leak, a
 * party's own readout, and a relay (second-hand) are less sure, in that order.
 */
export function confidenceOf(m: Pick<Message, 'channel' | 'record'>): number {
  if (m.record && (m.channel === 'direct' || m.channel === 'public')) return 1;
  switch (m.channel) {
    case 'direct':
      return 0.9;
    case 'envoy':
      return 0.7;
    case 'leak':
      return 0.8;
    case 'readout':
      return 0.6;
    case 'relay':
      return 0.5;
    default:
      return 1;
  }
}
