// The debrief as data: everything buildDebrief computes, plain and JSON-serialisable, for the Markdown report,
// the debrief screen and a class's comparison.
import type { Command, Channel, PartyId, Terms } from '../../model/types.js';
import type { ConcessionPoint, ConcessionSummary } from '../bargaining.js';
import type { FrontierOptions } from '../frontier.js';
import type { Zopa } from '../zopa.js';
import type { BeliefNote } from './beliefs.js';
import type { ContestedMeeting } from './contested.js';
import type { GameRecord } from './record.js';
import type { SignatureNote } from './signatures.js';

export interface CommandRecord {
  command: Command;
  round: number;
  reason?: string;
}

/** A move's value as the counterfactual rates it (src/engine/move-impact.ts computes them). */
export interface RatedMove {
  /** Index in the command log. */
  index: number;
  /** In score points: the player's score had the game gone on from the move, minus had it waited instead. */
  value: number;
}

export interface DebriefOptions {
  /** Parties played by people: their moves are assessed (best and worst). Default: none. */
  humans?: readonly PartyId[];
  /**
   * The value of each human's moves, by party (moveImpacts in src/engine/move-impact.ts). A party without them
   * has its moves listed as not rated.
   */
  impacts?: Readonly<Record<PartyId, readonly RatedMove[]>>;
  /** How many best and worst moves to keep per human. Default 3. */
  topMoves?: number;
  /** Search options (lattice resolution, node budget). Red lines are always excluded in the debrief. */
  search?: FrontierOptions & { nodeBudget?: number };
}

/** One issue of a package, with ids and labels. */
export interface TermLine {
  issue: string;
  issueName: string;
  option: string;
  optionLabel: string;
}

export interface PartyResult {
  party: PartyId;
  name: string;
  human: boolean;
  /** The outcome's utility: the deal's, or its BATNA when the talks ended without a deal (the war goes on). */
  utility: number;
  /** What the score is measured against (scenario.scoring.baseline): its BATNA at the start, or when the talks ended. */
  baseline: number;
  /** score(utility, baseline): −100 to 100, 0 = as good as the baseline. */
  score: number;
  /** The reservation value in its preferences: its BATNA at the start. */
  initialBatna: number;
  /**
   * Its BATNA when the talks ended — when the agreement was signed, or in the last round of talks — as the war,
   * events and levers moved it. A deal being ratified and carried out moves no BATNA, so this is also its BATNA
   * when the game ended.
   */
  endBatna: number;
  credibility: { start: number; end: number };
  commitments: { made: number; broken: number };
  /** Whether the party was out of the talks at the end. */
  walkedOut: boolean;
}

/** A benchmark package with what it would have given each party. */
export interface BenchmarkPoint {
  terms: Terms;
  lines: TermLine[];
  utilities: Record<PartyId, number>;
  scores: Record<PartyId, number>;
  /** The outcome's utility subtracted from this package's, per party: what each would have gained (or lost). */
  versusOutcome: Record<PartyId, number>;
  /** Whether the search proved it optimal. */
  exact: boolean;
}

export interface ZopaSummary {
  /** The disagreement point used: each party's BATNA at that moment. */
  batnas: Record<PartyId, number>;
  exists: boolean;
  certain: boolean;
  /** The Nash point for these BATNAs, when a ZOPA exists. */
  best?: TermLine[];
  size: Zopa['size'];
}

export type MomentKind =
  | 'event'
  | 'posture'
  | 'walk-out'
  | 'return'
  | 'statement'
  | 'broken-commitment'
  | 'exposure'
  | 'summit'
  | 'lever'
  /** A party accepted an offer it had rejected before (near the deadline, as a rule). */
  | 'change-of-mind'
  | 'signing'
  | 'ratification'
  | 'implementation'
  | 'outcome';

export interface Moment {
  round: number;
  kind: MomentKind;
  party?: PartyId;
  text: string;
}

/**
 * One move of a human player, rated by counterfactual: the game played to its end by the AI for every party
 * (the player included) from just after the move, against the same from a wait in its place (during signing:
 * the other of sign and refuse). Its value is the player's score in the first minus in the second.
 */
export interface MoveAssessment {
  /** Index in the command log. */
  index: number;
  round: number;
  command: Command;
  text: string;
  reason?: string;
  /** In score points; null when the move is not rated (a wait — the yardstick itself — or no ratings were computed). */
  value: number | null;
}

export interface HumanMoves {
  party: PartyId;
  /** Every move it made, waits included, in order. */
  moves: MoveAssessment[];
  /** Rated moves that helped it most (value above zero), and that hurt it most (below zero). */
  best: MoveAssessment[];
  worst: MoveAssessment[];
  /** How many of its moves were rated, and how many were waits (never rated). */
  rated: number;
  waits: number;
}

export interface RevealedIssue {
  issue: string;
  name: string;
  weight: number;
  /** Options by value, best first. */
  options: { option: string; label: string; value: number; redLine: boolean }[];
}

export interface RevealedPreferences {
  party: PartyId;
  name: string;
  reservation: number;
  /** Its BATNA when the talks ended (see PartyResult.endBatna). */
  endBatna: number;
  discount: number;
  /** Issues by weight, heaviest first. */
  issues: RevealedIssue[];
  /** Its ideal package. */
  ideal: TermLine[];
  redLines: TermLine[];
}

export interface TradeoffSummary {
  a: PartyId;
  b: PartyId;
  logroll: boolean;
  /** Opposed issues where one side cares much more, highest ratio first (at most four). */
  /** ratio is null when the other side does not care about the issue at all (JSON has no Infinity). */
  issues: { issue: string; name: string; caresMore: PartyId; ratio: number | null }[];
}

export interface Debrief {
  scenarioId: string;
  title: string;
  seed: number;
  /**
   * How long the talks ran: rounds until the agreement was signed, or until they ended without one (the
   * deadline, a walk-out) — never the rounds of ratification and implementation after a signature.
   */
  rounds: number;
  /** The scenario's last round of talks. */
  maxRounds: number;
  /** The round the agreement was signed in, when one was signed. */
  signedIn?: number;
  /** Rounds from the signature until the game ended (ratification and implementation), when one was signed. */
  afterSigning?: number;
  parties: { id: PartyId; name: string; human: boolean }[];
  outcome: {
    kind: 'deal' | 'no-deal' | 'unfinished';
    reason?: string;
    round: number;
    summary: string;
    terms?: Terms;
    lines?: TermLine[];
  };
  baseline: 'initial-batna' | 'final-batna';
  results: PartyResult[];
  /** The disagreement point of the bargaining benchmarks: each party's scoring baseline. */
  disagreement: Record<PartyId, number>;
  frontier: {
    /** Supported Pareto-optimal packages found (red lines excluded). */
    size: number;
    /**
     * Whether no package (crossing no red line) is better for someone and worse for no one than the deal, by an
     * exact search (deals only; undefined when the search ran out of budget).
     */
    paretoOptimal?: boolean;
    /** The package that would have raised everyone's utility most evenly over the outcome, if any did. */
    improvement?: BenchmarkPoint;
    /** Total utility (sum over parties): the outcome's, the highest possible, and the difference. */
    welfare: { outcome: number; max: number; gap: number };
  };
  nash?: BenchmarkPoint;
  kalai?: BenchmarkPoint;
  /** The ZOPA for the BATNAs at the start, and for those when the talks ended. */
  zopa: { start: ZopaSummary; end: ZopaSummary };
  concessions: { party: PartyId; curve: ConcessionPoint[]; summary: ConcessionSummary }[];
  tradeoffs: TradeoffSummary[];
  moments: Moment[];
  /**
   * How words travelled. Every count of distortions comes from `saidAndHeard`: `distorted` is its length,
   * `misled` the number of its listeners, and verification.exposures plus verification.unexposed add up to
   * `misled`.
   */
  information: {
    messages: number;
    viaEnvoy: number;
    /** Messages some party heard otherwise than they were said (the entries of saidAndHeard). */
    distorted: number;
    /** Of those, messages some party that heard them otherwise found out. */
    exposed: number;
    /** Parties misled, a party counted once per distorted message (the listeners of saidAndHeard). */
    misled: number;
    /** Clarification calls made: verification.confirmed of them confirmed, verification.exposures.clarification exposed a distortion. */
    clarifications: number;
    public: number;
    /** How words were checked, and what checking found. */
    verification: Verification;
  };
  /** Every message that reached someone other than as it was said: what was said, what each party heard, the cost. */
  saidAndHeard: Distortion[];
  /** Each signatory's ratification vote, when a deal went home. */
  ratification?: Record<PartyId, boolean>;
  humans: HumanMoves[];
  /** Signatories that signed across their own red lines or below their reservation value, and why. */
  signatures: SignatureNote[];
  /** What each AI believed about the others when the game ended, against the truth. */
  beliefs: BeliefNote[];
  /** Meetings whose content the record does not settle: the account this game drew, and the others. */
  contested: ContestedMeeting[];
  /** What really happened, and what the game invented: what this game rests on, by how far the record settles it. */
  record: GameRecord;
  revealed: RevealedPreferences[];
  /** The scenario's notes for teachers, paragraph by paragraph (empty when it has none). */
  teacherNotes: string[];
  /** The public sources the scenario rests on. */
  sources: { id?: string; title: string; url?: string; note?: string; standing: 'record' | 'contested' | 'judgement' }[];
}

/** How a distortion came out: a clarification call, a leak, the text tabled for signing. */
export type ExposureHow = 'clarification' | 'leak' | 'signing' | 'other';

/** One party that heard a distorted message: what it heard, what that was worth to it, and how it found out. */
export interface DistortionListener {
  party: PartyId;
  name: string;
  /** What it heard, issue by issue (in scenario order). */
  heard: TermLine[];
  /** Ids of the issues where what it heard differs from what was said. */
  differs: string[];
  /** Its own utility of what it heard, and of what was really said. */
  value: { heard: number; said: number };
  /** Its answer to the proposal, given on what it heard (proposals only). */
  answered?: 'accepted' | 'rejected';
  /** How and when it found out; absent when it never did. */
  exposure?: { how: ExposureHow; round?: number; text: string };
  /** It held another account of the same talks that told them otherwise (it could have checked). */
  contradicted: boolean;
}

/** A message some party heard otherwise than it was said: an envoy's garbled report, a bent relay or readout. */
export interface Distortion {
  message: number;
  round: number;
  channel: Channel;
  /** Who put the package on the table, and which package it was. */
  speaker: { party: PartyId; name: string };
  proposal?: number;
  /** The scripted meeting it was put at. */
  meeting?: string;
  /** Who told it otherwise: the envoy (answering to his principal) or the party that passed it on or published it. */
  teller: { party: PartyId; name: string; envoy?: string };
  /**
   * Who answers for it when it comes out: the envoy's principal, or whoever passed it on — unless it passed on
   * faithfully what it was told, and the blame goes back down the chain (as the rules charge it).
   */
  answers: { party: PartyId; name: string };
  /** Accounts only: whether the teller told it as it had itself heard it (misled in turn) rather than bending it. */
  asHeard?: boolean;
  /** What was really said. */
  said: TermLine[];
  listeners: DistortionListener[];
  /**
   * What the exposures cost, at the scenario's amounts (information.exposure): the credibility of whoever answers
   * for it, once per party that found out, and the trust each of those parties had in it. A party that finds out
   * its own envoy misled it alone finds out in private, at no cost.
   */
  cost: { credibility: number; trust: { party: PartyId; name: string; change: number }[] };
}

export interface Verification {
  /** Proposals made, and how many of them went on an official record (a notetaker, or in public). */
  proposals: number;
  onRecord: number;
  /** Clarification calls that confirmed what was heard (the others exposed a distortion: exposures.clarification). */
  confirmed: number;
  relays: number;
  readouts: number;
  leaks: number;
  /** Parties that found out a distortion, by how they found out (a party counted once per distorted message). */
  exposures: Record<ExposureHow, number>;
  /** Parties still misled at the end (counted the same way). */
  unexposed: number;
  /** The scenario's amounts: what exposure costs, what a notetaker costs in the other side's trust, what a confirmation earns. */
  costs: { credibility: number; trust: number; notetaker: number; confirmed: number };
}
