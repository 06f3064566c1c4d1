// Hand-built games and views for the AI tests: three issues, three parties, preferences written out by hand.
// Nothing here reads a scenario file or runs step(): each test states exactly what the AI can see.
import type { Preferences, PublicGame } from '../../src/model/game.js';
import type { Agreement, Channel, Commitment, LogLine, PartyId, Terms } from '../../src/model/types.js';
import type { PlayerView, PublicPartyState, ViewMessage, ViewProposal } from '../../src/model/view.js';
import type { Strategy } from '../../src/scenario/schema.js';
import type { Targets } from '../../src/ai/aspiration.js';

/** Issue indices. */
export const DONETSK = 0;
export const SANCTIONS = 1;
export const CRIMEA = 2;

/** Every channel a party may be given (the scenario format's default). */
export const ALL_CHANNELS = ['direct', 'envoy', 'public', 'relay', 'readout'] as const;

export const game: PublicGame = {
  scenarioId: 'fixture',
  title: 'Fixture talks',
  startDate: '2025-08-01',
  setting: 'war',
  outsiders: [],
  roundDays: 7,
  rounds: 11,
  deadlines: [],
  issues: [
    {
      id: 'donetsk',
      name: 'Donetsk',
      kind: 'territory',
      options: [
        { id: 'ukraine-keeps', label: 'Stays Ukrainian' },
        { id: 'line-of-contact', label: 'Frozen on the line of contact' },
        { id: 'russia-takes', label: 'Whole oblast to Russia' },
      ],
      signatories: ['ukraine', 'russia'],
    },
    {
      id: 'sanctions',
      name: 'Sanctions',
      kind: 'economic',
      options: [
        { id: 'kept', label: 'Kept' },
        { id: 'eased', label: 'Eased' },
        { id: 'lifted', label: 'Lifted' },
      ],
      signatories: ['russia', 'europe'],
    },
    {
      id: 'crimea',
      name: 'Crimea recognition',
      kind: 'political',
      options: [
        { id: 'none', label: 'No recognition' },
        { id: 'de-facto', label: 'De facto' },
        { id: 'de-jure', label: 'De jure' },
      ],
      signatories: ['ukraine', 'russia', 'europe'],
    },
  ],
  parties: [
    {
      id: 'ukraine',
      name: 'Ukraine',
      leader: 'Zelensky',
      colour: 'yellow',
      playable: true,
      envoys: [{ id: 'umerov', name: 'Umerov' }],
      levers: [],
      channels: [...ALL_CHANNELS],
      postures: { firm: 'Firm' },
    },
    {
      id: 'russia',
      name: 'Russia',
      leader: 'Putin',
      colour: 'red',
      playable: true,
      envoys: [{ id: 'dmitriev', name: 'Dmitriev' }],
      levers: [],
      channels: [...ALL_CHANNELS],
      postures: { maximalist: 'Maximalist' },
    },
    {
      id: 'europe',
      name: 'Europe',
      leader: 'the E3',
      colour: 'blue',
      playable: true,
      envoys: [],
      levers: [{ id: 'oil-ban', label: 'Oil embargo', target: 'russia' }],
      channels: [...ALL_CHANNELS],
      postures: { guarantor: 'Guarantor' },
    },
  ],
  signatories: ['ukraine', 'russia', 'europe'],
};

/** Preferences from weights (normalised here) and option values, with min and max computed as the model does. */
export function prefs(
  weights: number[],
  values: number[][],
  opts: { reservation?: number; redLines?: [number, number][]; redPairs?: Preferences['redPairs']; discount?: number } = {},
): Preferences {
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => x / sum);
  let min = 0;
  let max = 0;
  w.forEach((wi, i) => {
    min += wi * Math.min(...values[i]!);
    max += wi * Math.max(...values[i]!);
  });
  const redLine = values.map((row, i) => row.map((_, o) => (opts.redLines ?? []).some(([ri, ro]) => ri === i && ro === o)));
  return { weights: w, values, min, max, reservation: opts.reservation ?? 0.4, redLine, redPairs: opts.redPairs ?? [], discount: opts.discount ?? 1 };
}

export const ukrainePrefs = prefs(
  [0.5, 0.2, 0.3],
  [
    [1, 0.5, 0],
    [1, 0.6, 0],
    [1, 0.7, 0],
  ],
  { reservation: 0.4, redLines: [[CRIMEA, 2]] },
);

export const russiaPrefs = prefs(
  [0.4, 0.4, 0.2],
  [
    [0, 0.5, 1],
    [0, 0.6, 1],
    [0, 0.6, 1],
  ],
  { reservation: 0.4 },
);

export const europePrefs = prefs(
  [0.2, 0.5, 0.3],
  [
    [1, 0.6, 0],
    [1, 0.5, 0],
    [1, 0.6, 0],
  ],
  { reservation: 0.4, redLines: [[SANCTIONS, 2]] },
);

export const prefsOf: Record<PartyId, Preferences> = { ukraine: ukrainePrefs, russia: russiaPrefs, europe: europePrefs };

export function partyState(over: Partial<PublicPartyState> = {}): PublicPartyState {
  return { posture: 'p', postureSince: 0, status: 'active', pressure: 30, credibility: 0.7, trust: {}, commitments: [], levers: [], ...over };
}

/** Targets as aspiration.ts computes them, written out: what a party asks now and next, its floor and reserve. */
export function targets(over: Partial<Targets> = {}): Targets {
  const now = over.now ?? 0.7;
  return { now, next: now, aspiration: 0.9, floor: 0.4, reserve: 0.4, pressed: false, ...over };
}

export function strategy(over: Partial<Strategy> = {}): Strategy {
  return { policy: 'linear', aspiration: 0.9, statements: false, channel: 'direct', levers: false, notetaker: 1, candour: 1, briefing: 0.35, ...over };
}

export interface ViewOptions {
  self?: PartyId;
  round?: number;
  phase?: PlayerView['phase'];
  batna?: number;
  preferences?: Preferences;
  proposals?: ViewProposal[];
  messages?: ViewMessage[];
  parties?: Record<PartyId, Partial<PublicPartyState>>;
  agreement?: Agreement;
  recent?: LogLine[];
  game?: PublicGame;
}

export function view(o: ViewOptions = {}): PlayerView {
  const self = o.self ?? 'ukraine';
  const g = o.game ?? game;
  const parties: Record<PartyId, PublicPartyState> = {};
  for (const p of g.parties) parties[p.id] = partyState(o.parties?.[p.id]);
  return {
    self,
    game: g,
    preferences: o.preferences ?? prefsOf[self]!,
    round: o.round ?? 1,
    phase: o.phase ?? 'diplomacy',
    turn: self,
    control: {},
    ceasefire: false,
    batna: o.batna ?? (o.preferences ?? prefsOf[self]!).reservation,
    envoys: [],
    parties,
    proposals: o.proposals ?? [],
    messages: o.messages ?? [],
    agreement: o.agreement,
    recent: o.recent ?? [],
  };
}

export interface OfferOptions {
  id: number;
  by: PartyId;
  terms: Terms;
  round?: number;
  to?: PartyId[];
  channel?: Channel;
  envoy?: string;
  status?: ViewProposal['status'];
  accepted?: PartyId[];
  rejected?: PartyId[];
  exposed?: boolean;
  replyTo?: number;
  reasons?: ViewProposal['reasons'];
}

export function offer(o: OfferOptions): ViewProposal {
  return {
    ...(o.reasons ? { reasons: o.reasons } : {}),
    id: o.id,
    round: o.round ?? 1,
    by: o.by,
    terms: o.terms,
    channel: o.channel ?? 'direct',
    envoy: o.envoy,
    to: o.to ?? game.parties.map((p) => p.id).filter((id) => id !== o.by),
    replyTo: o.replyTo,
    accepted: o.accepted ?? [o.by],
    rejected: o.rejected ?? [],
    status: o.status ?? 'open',
    exposed: o.exposed ?? false,
  };
}

/** The message that carried a proposal (same id as the proposal, for simplicity). */
export function carrier(p: ViewProposal, id = p.id): ViewMessage {
  return {
    id,
    round: p.round,
    from: p.by,
    to: p.to,
    channel: p.channel,
    envoy: p.envoy,
    record: p.channel !== 'envoy',
    body: { kind: 'proposal', proposal: p.id, terms: p.terms },
    exposed: p.exposed,
    clarified: false,
    disputed: false,
    confidence: p.channel === 'envoy' ? 0.7 : 1,
  };
}

export function commitment(issue: number, option: number, over: Partial<Commitment> = {}): Commitment {
  return { issue, option, round: 1, broken: false, ...over };
}

/** The fixture game with these channels for the given parties (the others keep every channel). */
export function gameWithChannels(channels: Record<PartyId, readonly string[]>): PublicGame {
  return { ...game, parties: game.parties.map((p) => (channels[p.id] ? { ...p, channels: [...channels[p.id]!] } : p)) };
}

export interface AccountOptions {
  id: number;
  from: PartyId;
  /** The message whose talks it tells of. */
  about: number;
  terms: Terms;
  channel?: 'relay' | 'readout' | 'leak';
  round?: number;
  to?: PartyId[];
  exposed?: boolean;
  clarified?: boolean;
  disputed?: boolean;
  confidence?: number;
  /** Who made the proposal it tells of, when the view names it. */
  speaker?: PartyId;
}

/** An account (relay, readout or leak) of the talks behind message `about`. */
export function account(o: AccountOptions): ViewMessage {
  const channel = o.channel ?? 'relay';
  const m: ViewMessage = {
    id: o.id,
    round: o.round ?? 1,
    from: o.from,
    to: o.to ?? game.parties.map((p) => p.id).filter((id) => id !== o.from),
    channel,
    record: channel === 'leak',
    body: { kind: 'account', of: o.about, terms: o.terms },
    exposed: o.exposed ?? false,
    clarified: o.clarified ?? false,
    disputed: o.disputed ?? false,
    confidence: o.confidence ?? (channel === 'relay' ? 0.5 : channel === 'readout' ? 0.6 : 0.8),
    about: o.about,
  };
  return o.speaker === undefined ? m : { ...m, speaker: o.speaker };
}
