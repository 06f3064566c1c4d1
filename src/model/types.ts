// The shape of a game in progress. World is plain data (JSON-serialisable, no classes, no functions) so that
// it can be hashed, saved, and replayed; every change goes through step().

export type PartyId = string;

/** A package: for each issue (in scenario order), the index of the chosen option. */
export type Terms = readonly number[];

export type Phase =
  | 'briefing' // before round 1: players read their briefings
  | 'diplomacy' // parties act in turn order, one action each per round
  | 'signing' // a package every signatory accepted: each signatory signs or refuses, in turn
  | 'ratification' // signed: each signatory's veto players decide at home (automatic, one `continue`)
  | 'implementation' // ratified: the deal is carried out for some rounds (automatic, one `continue` a round)
  | 'ended';

/** How a proposal travels. */
export type ProposalChannel = 'direct' | 'envoy' | 'public';
/**
 * How a message travels: a proposal's channel, or an account of another message — passed on by someone who
 * heard it (relay), published by a party to a meeting (readout), or leaked to everyone (leak).
 */
export type Channel = ProposalChannel | 'relay' | 'readout' | 'leak';

export interface Commitment {
  /** Issue index. */
  issue: number;
  /** The party will not accept a package whose option on this issue it values below this option. */
  option: number;
  round: number;
  broken: boolean;
}

export interface PartyState {
  posture: string;
  /** The round its current posture began (0: the posture it started the game in). */
  postureSince: number;
  status: 'active' | 'walked-out';
  /** 0–100: how much the party needs a deal now. */
  pressure: number;
  /** 0–1: the utility of no deal, which moves with the war. */
  batna: number;
  /** 0–1: how much the world believes what it says. */
  credibility: number;
  /** 0–1 per other party. */
  trust: Record<PartyId, number>;
  /** Public commitments (statements), in the order made. */
  commitments: Commitment[];
  /** Lever ids currently applied. */
  levers: string[];
  /** The round it walked out, while it is out. */
  walkedOutAt?: number;
}

export interface Proposal {
  id: number;
  round: number;
  by: PartyId;
  /** What was actually proposed. */
  terms: Terms;
  channel: ProposalChannel;
  /** Envoy id when channel is 'envoy'. */
  envoy?: string;
  /** The party the envoy serves, when not the proposer (a guest's envoy at a meeting). */
  envoyOf?: PartyId;
  /** The scripted meeting it was made at. */
  meeting?: string;
  /** At a contested meeting: which of its accounts (meeting.versions) this game drew as what was really said. */
  version?: number;
  /** Who received it. */
  to: PartyId[];
  /** What each recipient heard: equal to terms unless an envoy distorted it. */
  heard: Record<PartyId, Terms>;
  /** The proposal this one answers (a counter-offer). */
  replyTo?: number;
  accepted: PartyId[];
  rejected: PartyId[];
  status: 'open' | 'agreed' | 'superseded' | 'expired' | 'rejected';
  /** The id of the message that carried it. */
  message: number;
  /** Why a party that rejected it said it did, when it said (only parties that gave a reason). */
  reasons?: Record<PartyId, RejectReason>;
}

/**
 * Why a party rejects a package, as it says in public: an option that crosses its red line, one that breaks its
 * public commitment, or an issue whose terms leave it worse off than no deal or short of what it needs. It is a
 * claim — a party may bluff — and those who see the rejection read it.
 */
export interface RejectReason {
  /** The issue it names (index). */
  issue: number;
  why: 'red-line' | 'commitment' | 'batna' | 'target';
  /** The option on that issue it asks for instead, when it says (index). */
  wants?: number;
  /** For a red line that is a combination: the other issue whose option in the package makes it one (index). */
  with?: number;
}

export type MessageBody =
  | { kind: 'proposal'; proposal: number; terms: Terms }
  | { kind: 'statement'; issue: number; option: number }
  | { kind: 'response'; proposal: number; answer: 'accept' | 'reject' }
  /** An account of what message `of` said: the terms it proposed, as this account tells it. */
  | { kind: 'account'; of: number; terms: Terms }
  | { kind: 'note'; text: string };

export interface Message {
  id: number;
  round: number;
  from: PartyId;
  to: PartyId[];
  channel: Channel;
  envoy?: string;
  /** The party the envoy serves, when not the sender. */
  envoyOf?: PartyId;
  /** For a relay: the message its sender heard and passed on. */
  via?: number;
  /** For a proposal made at a scripted meeting: the meeting's id. */
  meeting?: string;
  /** Whether an official record exists that everyone at the meeting can cite. */
  record: boolean;
  said: MessageBody;
  /** What each recipient heard, where it differs from `said`. */
  heard: Record<PartyId, MessageBody>;
  /** Recipients who learnt that what they heard differs from what was said. */
  exposedTo: PartyId[];
  /** Recipients who asked for a clarification of it. */
  clarified: PartyId[];
}

export interface Agreement {
  proposal: number;
  /** The round every signatory accepted it: where the talks ended. */
  round: number;
  terms: Terms;
  signatories: PartyId[];
  signed: PartyId[];
  ratified: Record<PartyId, boolean>;
  /** Round the implementation started. */
  implementedFrom?: number;
  violations: number;
}

export type OutcomeKind = 'deal' | 'no-deal';
export interface Outcome {
  kind: OutcomeKind;
  /** Machine-readable reason: 'implemented', 'deadline', 'walk-out', 'collapse', 'ratification-failed'. */
  reason: 'implemented' | 'deadline' | 'walk-out' | 'collapse';
  round: number;
  terms?: Terms;
  /** Plain words for the debrief. */
  summary: string;
}

export interface LogLine {
  round: number;
  /** Who it concerns, or undefined for the world. */
  party?: PartyId;
  kind:
    | 'event'
    | 'front'
    | 'action'
    | 'posture'
    | 'commitment' // a public commitment broken: an audience cost
    | 'walk-out'
    | 'signing'
    | 'ratification'
    | 'implementation'
    | 'outcome'
    | 'closed' // a proposal left the table (withdrawn, superseded, rejected by all, expired)
    | 'exposure'; // a distortion found out
  text: string;
  /** Who may see this line; undefined means everyone. */
  visibleTo?: PartyId[];
  /** The proposal a 'closed' line is about. */
  proposal?: number;
  /** The message an 'exposure' line is about. */
  message?: number;
}

export interface World {
  scenarioId: string;
  seed: number;
  /** The seeded generator's state: the only source of randomness in the game. */
  rng: number;
  round: number;
  phase: Phase;
  /** Index into the scenario's party order of who acts next (diplomacy and signing). */
  turn: number;
  /** Number of accepted commands so far. */
  moves: number;
  /** Occupier's share per territory id. */
  control: Record<string, number>;
  ceasefire: boolean;
  parties: Record<PartyId, PartyState>;
  /** Every proposal ever made; proposal n is at index n − 1. */
  proposals: Proposal[];
  /** Ids of the proposals still open, oldest first (so the rules never scan the whole history). */
  open: number[];
  /** Every message ever sent; message n is at index n − 1. */
  messages: Message[];
  firedEvents: string[];
  /** Scripted meetings held so far. */
  meetingsHeld: string[];
  /** Summits held: "a|b" pairs with the round, so a pair meets at most once a round. */
  summits: { round: number; a: PartyId; b: PartyId }[];
  agreement?: Agreement;
  outcome?: Outcome;
  /**
   * The lines the last step wrote (the full log is the engine's to keep: it streams these). Keeping only the
   * last step's lines keeps World small, so a step never copies history.
   */
  recent: LogLine[];
  /** How many log lines were ever written. */
  logCount: number;
  /**
   * A party's preferences once an event changed them (as the scenario writes them: raw weights, values, red
   * lines). Absent for a party, or altogether: as the scenario has them. Read them through prefsOf().
   */
  preferences?: Record<PartyId, RawPreferences>;
}

/** Preferences as a scenario writes them (model/game.ts compiles them to arrays). */
export interface RawPreferences {
  weights: Record<string, number>;
  values: Record<string, Record<string, number>>;
  reservation: number;
  redLines: { issue: string; option: string; with?: { issue: string; option: string } | undefined }[];
  discount: number;
}

// ── Commands: everything a party (or time) can do ─────────────────────────────────────────────────────────

export type Command =
  | { type: 'begin' } // leave the briefing
  | {
      type: 'propose';
      by: PartyId;
      terms: Terms;
      channel: ProposalChannel;
      envoy?: string;
      to?: PartyId[];
      replyTo?: number;
      /** With `replyTo`: why the offer answered falls short — the counter then rejects it, for that reason. */
      reason?: RejectReason;
      /** Direct talks only: keep an official record (default true). */
      notetaker?: boolean;
    }
  | { type: 'accept'; by: PartyId; proposal: number }
  | { type: 'reject'; by: PartyId; proposal: number; reason?: RejectReason }
  | { type: 'statement'; by: PartyId; issue: number; option: number }
  | { type: 'clarify'; by: PartyId; message: number }
  /** Pass on to others what a message you received proposed — as you heard it, or as you choose to tell it. */
  | { type: 'relay'; by: PartyId; message: number; to: PartyId[]; terms?: Terms }
  /** Publish your account of talks you took part in that have no official record. */
  | { type: 'readout'; by: PartyId; message: number; terms?: Terms }
  | { type: 'lever'; by: PartyId; lever: string; apply: boolean }
  | { type: 'summit'; by: PartyId; with: PartyId }
  | { type: 'walk-out'; by: PartyId }
  | { type: 'return'; by: PartyId }
  | { type: 'pass'; by: PartyId }
  | { type: 'sign'; by: PartyId }
  | { type: 'refuse'; by: PartyId }
  | { type: 'continue' } // let time run in the automatic phases (ratification, implementation)
  | { type: 'posture'; party: PartyId; posture: string; note: string }; // a party's posture machine moved (engine-issued)

export type CommandType = Command['type'];
