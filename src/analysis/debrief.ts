// The teacher's debrief: what happened, how good it was against what was possible, and which concepts of
// negotiation analysis it shows. buildDebrief computes plain data (JSON-serialisable); debriefMarkdown and
// aggregateMarkdown render it; aggregateDebriefs compares a class's games.
import { sameTerms, score, utility, type Game, type Preferences } from '../model/game.js';
import { culprit, heardTerms, misled, truthOf } from '../model/step.js';
import type { Channel, Command, LogLine, Message, PartyId, Terms, World } from '../model/types.js';
import { cleanText } from '../scenario/clean-text.js';
import { beliefNotes, beliefSentence, type BeliefNote } from './debrief-beliefs.js';
import { signatureNotes, signatureSentence, type SignatureNote } from './debrief-signing.js';
import {
  commandActor,
  concessionCurve,
  concessionSummary,
  describeCommand,
  issueTradeoffs,
  partyName,
  type ConcessionPoint,
  type ConcessionSummary,
} from './bargaining.js';
import {
  egalitarianPoint,
  isParetoOptimal,
  kalaiPoint,
  maxWelfare,
  nashPoint,
  paretoFrontier,
  utilities,
  zopa,
  type BargainingPoint,
  type FrontierOptions,
  type Zopa,
} from './frontier.js';

/** One accepted command as the engine logs it, with the AI's one-line reason when a bot chose it. */
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
    /** Whether no one- or two-issue change of the outcome's package helps someone and hurts no one (deals only). */
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
  revealed: RevealedPreferences[];
  /** The scenario's notes for teachers, paragraph by paragraph (empty when it has none). */
  teacherNotes: string[];
  /** The public sources the scenario rests on. */
  sources: { title: string; url?: string; note?: string }[];
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

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function termLines(game: Game, terms: Terms): TermLine[] {
  return game.scenario.issues.map((issue, i) => {
    const option = issue.options[terms[i]!];
    return {
      issue: issue.id,
      issueName: cleanText(issue.name),
      option: option?.id ?? String(terms[i]),
      optionLabel: cleanText(option?.label ?? String(terms[i])),
    };
  });
}

function byParty(ids: readonly PartyId[], values: readonly number[]): Record<PartyId, number> {
  const out: Record<PartyId, number> = {};
  ids.forEach((id, p) => {
    out[id] = values[p]!;
  });
  return out;
}

// ── key moments ──────────────────────────────────────────────────────────────────────────────────────────

const LOG_MOMENTS: Partial<Record<string, MomentKind>> = {
  event: 'event',
  posture: 'posture',
  'walk-out': 'walk-out',
  commitment: 'broken-commitment',
  exposure: 'exposure',
  signing: 'signing',
  ratification: 'ratification',
  outcome: 'outcome',
};

const COMMAND_MOMENTS: Partial<Record<string, MomentKind>> = {
  statement: 'statement',
  summit: 'summit',
  lever: 'lever',
  return: 'return',
  'walk-out': 'walk-out',
};

function keyMoments(game: Game, world: World, commands: readonly CommandRecord[], log: readonly LogLine[]): Moment[] {
  const moments: Moment[] = [];
  const kinds = new Set<string>(log.map((l) => l.kind));
  // Walk-outs are moves: taken from the command log, in order with the other moves, when it has them.
  const walkOutCommands = commands.some((r) => r.command.type === 'walk-out');
  for (const line of log) {
    if (line.kind === 'walk-out' && walkOutCommands) continue;
    const kind = LOG_MOMENTS[line.kind];
    // Implementation lines are routine except violations of the ceasefire.
    const implementation = line.kind === 'implementation' && /violat/i.test(line.text);
    if (!kind && !implementation) continue;
    moments.push({ round: line.round, kind: kind ?? 'implementation', party: line.party, text: cleanText(line.text) });
  }
  const fromLog = moments.length;
  for (const record of commands) {
    const kind = COMMAND_MOMENTS[record.command.type];
    if (!kind) continue;
    const by = commandActor(record.command);
    const who = by ? partyName(game.public, by) : 'Someone';
    moments.push({ round: record.round, kind, party: by, text: `${who} ${describeCommand(game.public, record.command)}.` });
  }
  // Broken commitments from the final state, when the log did not record them.
  if (!kinds.has('commitment')) {
    for (const id of game.partyIds) {
      for (const c of world.parties[id]?.commitments ?? []) {
        if (!c.broken) continue;
        const issue = game.public.issues[c.issue];
        moments.push({
          round: c.round,
          kind: 'broken-commitment',
          party: id,
          text: cleanText(
            `${partyName(game.public, id)} went back on its public word of round ${c.round} on ${issue?.name ?? `issue ${c.issue}`} ("nothing less than ${issue?.options[c.option]?.label ?? c.option}").`,
          ),
        });
      }
    }
  }
  // Within a round: the round's events (they open it), then the parties' moves, then what the moves and the
  // round's resolution led to (exposures, posture changes, signing, outcome); the log's own order otherwise.
  const phase = (m: Moment, fromCommand: boolean) => (fromCommand ? 1 : m.kind === 'event' ? 0 : 2);
  return moments
    .map((m, k) => ({ m, k, phase: phase(m, k >= fromLog) }))
    .sort((x, y) => x.m.round - y.m.round || x.phase - y.phase || x.k - y.k)
    .map((x) => x.m)
    .filter((m, k, all) => k === 0 || m.text !== all[k - 1]!.text || m.round !== all[k - 1]!.round);
}

// ── a human's moves ──────────────────────────────────────────────────────────────────────────────────────

/** Rated moves whose value rounds to zero are neither best nor worst. */
const NOTICEABLE = 0.05;

function assessMoves(
  game: Game,
  commands: readonly CommandRecord[],
  human: PartyId,
  impacts: readonly RatedMove[] | undefined,
  top: number,
): HumanMoves {
  const values = new Map((impacts ?? []).map((m) => [m.index, m.value]));
  const moves: MoveAssessment[] = [];
  commands.forEach((record, index) => {
    if (commandActor(record.command) !== human) return;
    moves.push({
      index,
      round: record.round,
      command: record.command,
      text: describeCommand(game.public, record.command),
      ...(record.reason !== undefined ? { reason: record.reason } : {}),
      value: record.command.type === 'pass' ? null : (values.get(index) ?? null),
    });
  });
  const rated = moves.filter((m): m is MoveAssessment & { value: number } => m.value !== null);
  const best = rated
    .filter((m) => m.value > NOTICEABLE)
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, top);
  const worst = rated
    .filter((m) => m.value < -NOTICEABLE)
    .sort((a, b) => a.value - b.value || a.index - b.index)
    .slice(0, top);
  return { party: human, moves, best, worst, rated: rated.length, waits: moves.filter((m) => m.command.type === 'pass').length };
}

// ── hidden preferences ───────────────────────────────────────────────────────────────────────────────────

function reveal(game: Game, world: World, id: PartyId): RevealedPreferences {
  const prefs = game.prefs[id]!;
  const issues: RevealedIssue[] = game.scenario.issues.map((issue, i) => ({
    issue: issue.id,
    name: cleanText(issue.name),
    weight: prefs.weights[i] ?? 0,
    options: issue.options
      .map((o, k) => ({ option: o.id, label: cleanText(o.label), value: prefs.values[i]?.[k] ?? 0, redLine: prefs.redLine[i]?.[k] === true }))
      .sort((a, b) => b.value - a.value),
  }));
  const ideal = prefs.values.map((row) => row.indexOf(Math.max(...row)));
  const redLines: TermLine[] = [];
  game.scenario.issues.forEach((issue, i) => {
    issue.options.forEach((o, k) => {
      if (prefs.redLine[i]?.[k]) redLines.push({ issue: issue.id, issueName: cleanText(issue.name), option: o.id, optionLabel: cleanText(o.label) });
    });
  });
  for (const r of prefs.redPairs) {
    const issue = game.scenario.issues[r.issue]!;
    const other = game.scenario.issues[r.with]!;
    redLines.push({
      issue: issue.id,
      issueName: cleanText(issue.name),
      option: issue.options[r.option]!.id,
      optionLabel: cleanText(`${issue.options[r.option]!.label}, together with ${other.name}: ${other.options[r.withOption]!.label}`),
    });
  }
  return {
    party: id,
    name: partyName(game.public, id),
    reservation: prefs.reservation,
    endBatna: world.parties[id]?.batna ?? prefs.reservation,
    discount: prefs.discount,
    issues: issues.sort((a, b) => b.weight - a.weight),
    ideal: termLines(game, ideal),
    redLines,
  };
}

// ── what was said, and what was heard ────────────────────────────────────────────────────────────────────


function exposureKind(how: string): ExposureHow {
  if (/clarification/i.test(how)) return 'clarification';
  if (/leak/i.test(how)) return 'leak';
  if (/signing|tabled/i.test(how)) return 'signing';
  return 'other';
}

/** Every message that reached a party otherwise than it was said, from the final World and the full log. */
function distortions(game: Game, world: World, log: readonly LogLine[]): Distortion[] {
  const name = (id: PartyId) => game.party[id]?.name ?? id;
  const exposureLines = log.map((line) => ({ line, used: false })).filter((x) => x.line.kind === 'exposure');
  const out: Distortion[] = [];
  for (const m of world.messages) {
    const truth = truthOf(world, m);
    if (!truth || m.channel === 'leak') continue;
    const speaker = truth.root.from;
    const listeners = m.to.filter((r) => r !== speaker && misled(world, m, r));
    if (listeners.length === 0) continue;
    const principal = m.channel === 'envoy' ? (m.envoyOf ?? m.from) : m.from;
    const answers = culprit(world, m);
    const envoy = m.channel === 'envoy' ? game.party[principal]?.envoys.find((e) => e.id === m.envoy)?.name : undefined;
    const tellerWord = envoy ?? name(m.from);
    const root = truth.root;
    const proposal = root.said.kind === 'proposal' ? world.proposals[root.said.proposal - 1] : undefined;
    const meetingId = root.meeting ?? proposal?.meeting;
    const meeting = meetingId === undefined ? undefined : game.scenario.meetings.find((x) => x.id === meetingId)?.title;
    const cost = game.scenario.information.exposure;
    const d: Distortion = {
      message: m.id,
      round: m.round,
      channel: m.channel,
      speaker: { party: speaker, name: cleanText(name(speaker)) },
      ...(proposal ? { proposal: proposal.id } : {}),
      ...(meeting ? { meeting: cleanText(meeting) } : {}),
      teller: { party: principal, name: cleanText(name(principal)), ...(envoy ? { envoy: cleanText(envoy) } : {}) },
      answers: { party: answers, name: cleanText(name(answers)) },
      said: termLines(game, truth.terms),
      listeners: [],
      cost: { credibility: 0, trust: [] },
    };
    if (m.said.kind === 'account') {
      // Did the teller tell it as it had heard it? Every version of these talks that reached it before.
      const told = m.said.terms;
      const source = m.via === undefined ? undefined : world.messages[m.via - 1];
      const heardBefore = world.messages.filter((x) => x.id < m.id && (x.to.includes(m.from) || x.from === m.from) && truthOf(world, x)?.root.id === root.id);
      d.asHeard = (source ? [source] : heardBefore).some((x) => {
        const t = x.from === m.from ? (x.said.kind === 'proposal' || x.said.kind === 'account' ? x.said.terms : undefined) : heardTerms(x, m.from);
        return t !== undefined && sameTerms(t, told);
      });
    }
    for (const r of listeners) {
      const heard = heardTerms(m, r)!;
      const listener: DistortionListener = {
        party: r,
        name: cleanText(name(r)),
        heard: termLines(game, heard),
        differs: game.scenario.issues.filter((_, i) => heard[i] !== truth.terms[i]).map((issue) => issue.id),
        value: { heard: utility(game.prefs[r]!, heard), said: utility(game.prefs[r]!, truth.terms) },
        contradicted: world.messages.some((x) => {
          if (x.id === m.id || !x.to.includes(r) || truthOf(world, x)?.root.id !== root.id) return false;
          const other = heardTerms(x, r);
          return other !== undefined && !sameTerms(other, heard);
        }),
      };
      if (m.said.kind === 'proposal' && proposal) {
        if (proposal.accepted.includes(r)) listener.answered = 'accepted';
        else if (proposal.rejected.includes(r)) listener.answered = 'rejected';
      }
      if (m.exposedTo.includes(r)) {
        const says = answers === r ? `${name(r)} learns that its own envoy's report of what ${name(speaker)} said` : `what ${tellerWord} told ${name(r)} is not what ${name(speaker)} said`;
        listener.exposure = exposureOf(world, m, r, root, exposureLines, says);
        // Misled by its own envoy alone, a party finds out in private: nobody else was told, nobody pays.
        if (answers !== r) {
          d.cost.credibility += cost.credibility;
          if (world.parties[r]?.trust[answers] !== undefined) d.cost.trust.push({ party: r, name: cleanText(name(r)), change: cost.trust });
        }
      }
      d.listeners.push(listener);
    }
    out.push(d);
  }
  return out;
}

/** How `listener` found out that `m` was distorted: from its exposure line in the log, or from the world. */
function exposureOf(
  world: World,
  m: Message,
  listener: PartyId,
  root: Message,
  lines: { line: LogLine; used: boolean }[],
  says: string,
): DistortionListener['exposure'] {
  const found = lines.find((x) => !x.used && x.line.party === listener && x.line.text.includes(says));
  if (found) {
    found.used = true;
    const how = found.line.text.slice(0, Math.max(0, found.line.text.indexOf(': ')));
    return { how: exposureKind(how), round: found.line.round, text: cleanText(how || found.line.text) };
  }
  if (m.clarified.includes(listener)) return { how: 'clarification', text: 'A clarification call' };
  if (world.messages.some((x) => x.channel === 'leak' && x.said.kind === 'account' && x.said.of === root.id)) return { how: 'leak', text: 'A leak' };
  if (root.said.kind === 'proposal' && world.proposals[root.said.proposal - 1]?.status === 'agreed') return { how: 'signing', text: 'The text tabled for signing' };
  return { how: 'other', text: 'It came out' };
}

/** The counts of distortions, all from the one list: messages, parties misled, and how each party found out. */
function distortionCounts(found: readonly Distortion[]): { distorted: number; exposed: number; misled: number; exposures: Record<ExposureHow, number>; unexposed: number } {
  const exposures: Record<ExposureHow, number> = { clarification: 0, leak: 0, signing: 0, other: 0 };
  let unexposed = 0;
  let misled = 0;
  for (const d of found) {
    for (const l of d.listeners) {
      misled++;
      if (l.exposure) exposures[l.exposure.how]++;
      else unexposed++;
    }
  }
  return { distorted: found.length, exposed: found.filter((d) => d.listeners.some((l) => l.exposure)).length, misled, exposures, unexposed };
}

function verification(game: Game, world: World, found: readonly Distortion[]): Verification {
  const { exposures, unexposed } = distortionCounts(found);
  const proposals = world.messages.filter((m) => m.said.kind === 'proposal');
  const info = game.scenario.information;
  return {
    proposals: proposals.length,
    onRecord: proposals.filter((m) => m.record).length,
    // A call confirms what its caller heard when what it heard was what was said.
    confirmed: world.messages.reduce((n, m) => n + m.clarified.filter((p) => !misled(world, m, p)).length, 0),
    relays: world.messages.filter((m) => m.channel === 'relay').length,
    readouts: world.messages.filter((m) => m.channel === 'readout').length,
    leaks: world.messages.filter((m) => m.channel === 'leak').length,
    exposures,
    unexposed,
    costs: { credibility: info.exposure.credibility, trust: info.exposure.trust, notetaker: info.notetaker.trust, confirmed: info.clarification.confirmed },
  };
}

/**
 * A scenario's text in paragraphs: split at blank lines when it has any (a literal YAML block), else at each
 * newline (a folded block keeps only its paragraph breaks, as single newlines).
 */
function paragraphs(text: string): string[] {
  const clean = cleanText(text);
  return clean
    .split(/\n[ \t]*\n/.test(clean) ? /\n[ \t]*\n/ : /\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

// ── the debrief ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * The data of the teacher's debrief for one game: `world` is the final World, `commands` every accepted
 * command in order, `log` the full log (World keeps only recent lines). Benchmarks exclude packages that cross
 * anyone's red line (nobody could sign them); the Nash and Kalai points use each party's scoring baseline as
 * its disagreement point; utilities are not discounted for time.
 */
export function buildDebrief(
  game: Game,
  world: World,
  commands: readonly CommandRecord[],
  log: readonly LogLine[],
  opts: DebriefOptions = {},
): Debrief {
  const ids = game.partyIds;
  const prefs: Preferences[] = ids.map((id) => game.prefs[id]!);
  const humans = new Set(opts.humans ?? []);
  const baselineKind = game.scenario.scoring.baseline;
  // Nothing moves a BATNA once an agreement is signed (ratification and implementation move no BATNA), so the
  // final world's BATNAs are those of the moment the talks ended.
  const endBatnas = ids.map((id, p) => world.parties[id]?.batna ?? prefs[p]!.reservation);
  const reservations = prefs.map((p) => p.reservation);
  const baselines = baselineKind === 'final-batna' ? endBatnas : reservations;

  const outcome = world.outcome;
  const dealTerms = outcome?.kind === 'deal' ? (outcome.terms ?? world.agreement?.terms) : undefined;
  const outcomeUtilities = dealTerms ? utilities(prefs, dealTerms) : endBatnas;

  const search = { ...opts.search, excludeRedLines: true };
  const frontier = paretoFrontier(prefs, search);
  const withFrontier = { ...search, frontier };

  const benchmark = (point: BargainingPoint | undefined): BenchmarkPoint | undefined =>
    point && {
      terms: point.terms,
      lines: termLines(game, point.terms),
      utilities: byParty(ids, point.utilities),
      scores: byParty(
        ids,
        point.utilities.map((u, p) => score(u, baselines[p]!)),
      ),
      versusOutcome: byParty(
        ids,
        point.utilities.map((u, p) => u - outcomeUtilities[p]!),
      ),
      exact: point.exact,
    };

  const zopaSummary = (batnas: number[]): ZopaSummary => {
    const z = zopa(prefs, batnas, withFrontier);
    return { batnas: byParty(ids, batnas), exists: z.exists, certain: z.certain, best: z.best && termLines(game, z.best), size: z.size };
  };

  const welfareTerms = maxWelfare(prefs, undefined, search);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const maxWelfareValue = welfareTerms ? sum(utilities(prefs, welfareTerms)) : sum(outcomeUtilities);

  const results: PartyResult[] = ids.map((id, p) => {
    const state = world.parties[id];
    const commitments = state?.commitments ?? [];
    return {
      party: id,
      name: partyName(game.public, id),
      human: humans.has(id),
      utility: outcomeUtilities[p]!,
      baseline: baselines[p]!,
      score: score(outcomeUtilities[p]!, baselines[p]!),
      initialBatna: reservations[p]!,
      endBatna: endBatnas[p]!,
      credibility: { start: game.party[id]?.credibility ?? 0, end: state?.credibility ?? 0 },
      commitments: { made: commitments.length, broken: commitments.filter((c) => c.broken).length },
      walkedOut: state?.status === 'walked-out',
    };
  });

  const concessions = ids.map((id) => {
    const offers = commands.flatMap((r) => (r.command.type === 'propose' && r.command.by === id ? [{ round: r.round, terms: r.command.terms }] : []));
    const curve = concessionCurve(game.prefs[id]!, offers);
    return { party: id, curve, summary: concessionSummary(curve) };
  });

  const tradeoffs: TradeoffSummary[] = issueTradeoffs(prefs).map((t) => ({
    a: ids[t.a]!,
    b: ids[t.b]!,
    logroll: t.logroll,
    issues: t.issues
      .filter((x) => x.opposed)
      .slice(0, 4)
      .map((x) => ({
        issue: game.scenario.issues[x.issue]!.id,
        name: cleanText(game.scenario.issues[x.issue]!.name),
        caresMore: ids[x.caresMore]!,
        ratio: Number.isFinite(x.ratio) ? x.ratio : null,
      })),
  }));

  // Every count of distortions comes from the one list.
  const said = distortions(game, world, log);
  const counts = distortionCounts(said);
  const checked = verification(game, world, said);
  const information = {
    messages: world.messages.length,
    viaEnvoy: world.messages.filter((m) => m.channel === 'envoy').length,
    distorted: counts.distorted,
    exposed: counts.exposed,
    misled: counts.misled,
    clarifications: checked.confirmed + checked.exposures.clarification,
    public: world.messages.filter((m) => m.channel === 'public').length,
    verification: checked,
  };

  const top = opts.topMoves ?? 3;
  const humanMoves = ids.filter((id) => humans.has(id)).map((id) => assessMoves(game, commands, id, opts.impacts?.[id], top));

  // The talks end when the agreement is signed (ratification and implementation follow), or without one.
  const maxRounds = game.public.rounds;
  const agreement = world.agreement;
  const signed = agreement !== undefined && agreement.signatories.every((id) => agreement.signed.includes(id));
  const lastRound = outcome?.round ?? world.round;
  const talkRounds = signed ? agreement.round : Math.min(lastRound, maxRounds);
  const meta = game.scenario.meta;

  return {
    scenarioId: meta.id,
    title: cleanText(meta.title),
    seed: world.seed,
    rounds: talkRounds,
    maxRounds,
    ...(signed ? { signedIn: agreement.round, afterSigning: Math.max(0, lastRound - agreement.round) } : {}),
    parties: ids.map((id) => ({ id, name: partyName(game.public, id), human: humans.has(id) })),
    outcome: {
      kind: outcome ? outcome.kind : 'unfinished',
      reason: outcome?.reason,
      round: outcome?.round ?? world.round,
      summary: cleanText(outcome?.summary ?? 'The game was not finished: scored as if talks ended now, without a deal.'),
      terms: dealTerms,
      lines: dealTerms && termLines(game, dealTerms),
    },
    baseline: baselineKind,
    results,
    disagreement: byParty(ids, baselines),
    frontier: {
      size: frontier.length,
      paretoOptimal: dealTerms ? isParetoOptimal(prefs, dealTerms, search) : undefined,
      improvement: benchmark(egalitarianPoint(prefs, outcomeUtilities, withFrontier)),
      welfare: { outcome: sum(outcomeUtilities), max: maxWelfareValue, gap: Math.max(0, maxWelfareValue - sum(outcomeUtilities)) },
    },
    nash: benchmark(nashPoint(prefs, baselines, withFrontier)),
    kalai: benchmark(kalaiPoint(prefs, baselines, withFrontier)),
    zopa: { start: zopaSummary(reservations), end: zopaSummary(endBatnas) },
    concessions,
    tradeoffs,
    moments: keyMoments(game, world, commands, log),
    information,
    saidAndHeard: said,
    ratification: world.agreement && Object.keys(world.agreement.ratified).length > 0 ? { ...world.agreement.ratified } : undefined,
    humans: humanMoves,
    signatures: signatureNotes(game, world, humans),
    beliefs: beliefNotes(game, world, humans),
    revealed: ids.map((id) => reveal(game, world, id)),
    teacherNotes: paragraphs(meta.teacherNotes),
    sources: meta.sources.map((x) => ({
      title: cleanText(x.title),
      ...(x.url !== undefined ? { url: cleanText(x.url) } : {}),
      ...(x.note !== undefined ? { note: cleanText(x.note).trim() } : {}),
    })),
  };
}

// ── Markdown ─────────────────────────────────────────────────────────────────────────────────────────────

const fmt = (x: number) => round3(x).toFixed(2);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(round3(x)).toFixed(2)}`;
const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 2 : 1)} %`;
/** "Russia's", "United States'". */
const poss = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
/** "Europe", "Europe and Ukraine", "Europe, Ukraine and Russia". */
const andList = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Table cells: no pipes or newlines from scenario text. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function nameIn(d: Debrief, id: PartyId): string {
  return d.parties.find((p) => p.id === id)?.name ?? id;
}

function linesList(lines: readonly TermLine[]): string[] {
  return lines.map((l) => `- ${l.issueName}: ${l.optionLabel}`);
}

function pointTable(d: Debrief, point: BenchmarkPoint): string[] {
  const out = ['| party | utility | score | vs outcome |', '|---|---:|---:|---:|'];
  for (const p of d.parties) {
    out.push(`| ${cell(p.name)} | ${fmt(point.utilities[p.id]!)} | ${point.scores[p.id]!.toFixed(1)} | ${signed(point.versusOutcome[p.id]!)} |`);
  }
  return out;
}

function zopaLine(z: ZopaSummary): string {
  const size = `${pct(z.size.fraction)} of ${z.size.exhaustive ? 'all' : 'a sample of'} ${z.size.sampled} packages beat every BATNA`;
  if (z.exists) return `a ZOPA existed (${size}).`;
  return z.certain ? `there was no ZOPA: no signable package beat every party's BATNA.` : `no ZOPA was found (the search was cut short; ${size}).`;
}

/** A title for a distorted message: "Package #1 (The palace meeting), round 1: Red's words, through Blue Aide". */
export function distortionTitle(x: Distortion): string {
  const pkg = `Package #${x.proposal ?? '?'}${x.meeting ? ` (${x.meeting})` : ''}, round ${x.round}`;
  switch (x.channel) {
    case 'envoy':
      return `${pkg}: ${poss(x.speaker.name)} words, through ${x.teller.envoy ?? 'an envoy'}`;
    case 'readout':
      return `${pkg}: ${poss(x.teller.name)} readout of ${poss(x.speaker.name)} words`;
    case 'relay':
      return `${pkg}: ${poss(x.speaker.name)} words, passed on by ${x.teller.name}`;
    default:
      return `${pkg}: ${poss(x.speaker.name)} words, ${x.channel}`;
  }
}

/** Who told it otherwise, in a sentence. */
export function distortionTeller(x: Distortion): string {
  if (x.channel === 'envoy') {
    return x.teller.party === x.speaker.party
      ? `${x.speaker.name} sent it through its own envoy, ${x.teller.envoy ?? 'an envoy'}, who delivered it otherwise.`
      : `${x.speaker.name} put it to ${poss(x.teller.name)} envoy, ${x.teller.envoy ?? 'an envoy'}, who reported it otherwise.`;
  }
  return x.asHeard ? `${x.teller.name} told it as it had heard it: misled in turn, it passed the distortion on.` : `${x.teller.name} told it otherwise than it had heard it.`;
}

/** What it cost, in a sentence. */
export function distortionCost(x: Distortion): string {
  if (!x.listeners.some((l) => l.exposure)) return 'none — it never came out.';
  if (x.cost.credibility === 0 && x.cost.trust.length === 0) return `none — ${x.answers.name} found out in private that its own envoy had misled it.`;
  const trust = x.cost.trust.map((t) => `${poss(t.name)} trust in ${x.answers.name} ${signed(t.change)}`).join(', ');
  return `${poss(x.answers.name)} credibility ${signed(x.cost.credibility)}${trust ? `; ${trust}` : ''}.`;
}

/** How one party found out, in words: "found out in round 4: A clarification call with Red". */
export function listenerFate(l: DistortionListener): string {
  if (!l.exposure) return l.contradicted ? 'never found out, though another account it held told it otherwise' : 'never found out';
  return `found out${l.exposure.round !== undefined ? ` in round ${l.exposure.round}` : ''}: ${l.exposure.text.charAt(0).toLowerCase()}${l.exposure.text.slice(1)}`;
}

function saidAndHeardMarkdown(d: Debrief): string[] {
  const out = ['## What was said, and what was heard', ''];
  if (d.saidAndHeard.length === 0) {
    out.push('Every message arrived as it was said: no envoy garbled an offer, and no one passed one on otherwise.', '');
    return out;
  }
  out.push(
    'Every message that reached someone otherwise than it was said — an envoy\'s garbled report, a bent relay, a readout at odds with the talks — with what each party heard next to what was really said (**bold**: what differs), how it came out, and what it cost.',
    '',
  );
  d.saidAndHeard.forEach((x, k) => {
    out.push(`### ${k + 1}. ${cell(distortionTitle(x))}`, '', distortionTeller(x), '');
    // One column per distinct version heard.
    const columns: { names: string[]; listener: DistortionListener }[] = [];
    for (const l of x.listeners) {
      const same = columns.find((c) => c.listener.heard.every((h, i) => h.option === l.heard[i]!.option));
      if (same) same.names.push(l.name);
      else columns.push({ names: [l.name], listener: l });
    }
    out.push(`| issue | ${cell(x.speaker.name)} said | ${columns.map((c) => `${cell(c.names.join(', '))} heard`).join(' | ')} |`, `|---|---|${columns.map(() => '---|').join('')}`);
    x.said.forEach((line, i) => {
      const cells = columns.map((c) => {
        const h = c.listener.heard[i]!;
        return h.option === line.option ? cell(h.optionLabel) : `**${cell(h.optionLabel)}**`;
      });
      out.push(`| ${cell(line.issueName)} | ${cell(line.optionLabel)} | ${cells.join(' | ')} |`);
    });
    out.push('');
    for (const l of x.listeners) {
      out.push(
        `- ${l.name} heard it worth ${fmt(l.value.heard)} to it (really ${fmt(l.value.said)})${l.answered ? ` and ${l.answered} it on that basis` : ''}; ${listenerFate(l)}.`,
      );
    }
    out.push(`- Cost: ${distortionCost(x)}`, '');
  });
  return out;
}

/** How a human's moves are rated, in one sentence (the screen and the Markdown say the same). */
export const MOVE_RULE =
  "Each move is rated by what the game would have been had you waited instead, everything else played by the AI: from just before the move, the game is played to its end once after your move and once after a wait in its place (when signing: the other of signing and refusing), every party — you included — played by the AI, and the move's value is your score in the first minus your score in the second; waiting itself is not rated.";

/**
 * How long the talks ran, apart from what came after a signature: "signed in round 14 of 18; carried out over
 * 3 more rounds", "the talks ran all 18 rounds without a signed agreement".
 */
export function talksLength(d: Debrief): string {
  const of = `of ${d.maxRounds}`;
  if (d.signedIn !== undefined) {
    const after = d.afterSigning ?? 0;
    const more = plural(after, 'more round', 'more rounds');
    if (d.outcome.kind === 'deal') return after === 0 ? `signed and carried out in round ${d.signedIn} ${of}` : `signed in round ${d.signedIn} ${of}; carried out over ${more}`;
    if (d.outcome.reason === 'collapse') return `signed in round ${d.signedIn} ${of}; it collapsed during implementation, ${plural(after, 'round', 'rounds')} later`;
    return `signed in round ${d.signedIn} ${of}; the game stopped ${after === 0 ? 'before it was carried out' : `${more} on, before it was carried out`}`;
  }
  if (d.outcome.kind === 'unfinished') return `the game stopped in round ${d.rounds} ${of}, with no agreement signed`;
  if (d.rounds >= d.maxRounds) return `the talks ran all ${d.maxRounds} rounds without a signed agreement`;
  return `the talks ended in round ${d.rounds} ${of} without a signed agreement`;
}

/** What the scores are measured against, in a few words: "BATNA at the start". */
export function scoreBasis(d: Debrief): string {
  return d.baseline === 'initial-batna' ? 'BATNA at the start' : 'BATNA when the talks ended';
}

/** The scores' yardstick in a sentence, named as the scenario names it. */
export function scoreBasisSentence(d: Debrief): string {
  return d.baseline === 'initial-batna'
    ? "Scores run from −100 to 100 against each party's BATNA at the start — its reservation value (the scenario's scoring baseline, 'initial-batna') — not against its BATNA when the talks ended; 0 is as good as that starting BATNA."
    : "Scores run from −100 to 100 against each party's BATNA when the talks ended (the scenario's scoring baseline, 'final-batna'); 0 is as good as no deal at that moment.";
}

/** A move's value in words: "+12.3 points against waiting", or why it has none. */
export function moveValueText(m: MoveAssessment): string {
  if (m.command.type === 'pass') return 'not rated (waiting is the yardstick)';
  if (m.value === null) return 'not rated';
  if (Math.abs(m.value) < NOTICEABLE) return 'no different from waiting';
  return `${m.value >= 0 ? '+' : '−'}${Math.abs(m.value).toFixed(1)} points against waiting`;
}

/**
 * The information counts in words, every one of them from the list of distortions (saidAndHeard): messages
 * sent, messages told otherwise and how many came out, the parties they misled and how each found out, and the
 * clarification calls.
 */
export function informationSummary(d: Debrief): { sent: string; distorted: string; misled?: string; calls: string } {
  const info = d.information;
  const v = info.verification;
  const sent = `${plural(info.messages, 'message was', 'messages were')} sent (${info.viaEnvoy} through envoys, ${info.public} in public).`;
  const distorted =
    info.distorted === 0
      ? 'None reached anyone otherwise than it was said.'
      : info.distorted === 1
        ? `1 reached someone otherwise than it was said, and ${info.exposed === 1 ? 'it came out' : 'it never came out'}.`
        : `${info.distorted} reached someone otherwise than they were said; ${
            info.exposed === 0 ? 'none of them came out' : info.exposed === info.distorted ? `all ${info.distorted} came out` : `${info.exposed} of the ${info.distorted} came out`
          }.`;
  const misled =
    info.distorted === 0
      ? undefined
      : `Parties misled: ${info.misled} (a party counted once per message) — found out by a clarification call: ${v.exposures.clarification}; by a leak: ${v.exposures.leak}; by the text tabled for signing: ${v.exposures.signing}${
          v.exposures.other ? `; otherwise: ${v.exposures.other}` : ''
        }; never found out: ${v.unexposed}.`;
  const calls =
    info.clarifications === 0
      ? 'No clarification call was made.'
      : `${plural(info.clarifications, 'clarification call', 'clarification calls')}: ${v.confirmed} confirmed what was heard, ${v.exposures.clarification} exposed a distortion.`;
  return { sent, distorted, misled, calls };
}

type BenchmarkName = 'improvement' | 'nash' | 'kalai';
const BENCHMARK_NAMES: Record<BenchmarkName, string> = {
  improvement: 'the most even improvement',
  nash: 'the Nash point',
  kalai: 'the Kalai–Smorodinsky point',
};

/** A readable report for a teacher: the outcome, the concepts as they applied in this game, and the details. */
export function debriefMarkdown(d: Debrief): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const humanNames = d.parties.filter((p) => p.human).map((p) => p.name);
  push(`# Debrief: ${d.title}`, '');
  push(
    `Scenario \`${d.scenarioId}\`, seed ${d.seed}; ${talksLength(d)}. Parties: ${d.parties
      .map((p) => (p.human ? `${p.name} (player)` : p.name))
      .join(', ')}.`,
    '',
  );

  // Outcome
  push('## Outcome', '');
  const length = talksLength(d);
  const headline =
    d.outcome.kind === 'deal'
      ? `**Deal** (${length}).`
      : d.outcome.kind === 'no-deal'
        ? `**No deal** — ${d.outcome.reason ?? 'talks failed'} (${length}).`
        : `**Unfinished** (${length}).`;
  push(`${headline} ${d.outcome.summary}`, '');
  if (d.outcome.lines) push('Terms:', '', ...linesList(d.outcome.lines), '');
  push(scoreBasisSentence(d), '');
  push(`| party | utility | score | scored against (${scoreBasis(d)}) | BATNA at the start → when the talks ended |`, '|---|---:|---:|---:|---|');
  for (const r of d.results) {
    push(`| ${cell(r.name)}${r.human ? ' (player)' : ''} | ${fmt(r.utility)} | ${r.score.toFixed(1)} | ${fmt(r.baseline)} | ${fmt(r.initialBatna)} → ${fmt(r.endBatna)} |`);
  }
  push('');
  if (d.signatures.length > 0) push(...d.signatures.map((n) => `- **${signatureSentence(n)}**`), '');

  // Concepts
  push('## The concepts in this game', '');
  push(
    '### BATNA',
    '',
    "The Best Alternative To a Negotiated Agreement: what a party gets if talks fail. Here it is the utility of no deal — the war going on — and it moved with the front, the costs of war, events and levers until the talks ended; once an agreement is signed, nothing moves it. Each party's BATNA at the start, and when the talks ended:",
    '',
    ...d.results.map((r) => {
      const change = Math.abs(r.endBatna - r.initialBatna) < 0.005 ? 'unchanged' : r.endBatna > r.initialBatna ? 'stronger when the talks ended' : 'weaker when the talks ended';
      return `- ${r.name}: ${fmt(r.initialBatna)} → ${fmt(r.endBatna)} (${change}).`;
    }),
    '',
  );
  const fell = d.results.filter((r) => r.endBatna < r.initialBatna - 0.005);
  if (d.baseline === 'initial-batna' && fell.length > 0) {
    push(
      `The scores above are against the BATNA at the start, not the one when the talks ended: ${andList(fell.map((r) => r.name))} ${fell.length === 1 ? 'was' : 'were'} worse off without a deal at the end than at the start, so no deal would have scored below 0.`,
      '',
    );
  }
  const below = d.results.filter((r) => r.utility < r.initialBatna - 1e-9);
  push(
    '### Reservation value',
    '',
    'The worst package a party should accept: anything below it is worse than walking away. Each party started with its reservation value equal to its BATNA; a rational party rejects packages below it.',
    '',
    d.outcome.kind === 'deal'
      ? below.length > 0
        ? `The deal was below the reservation value of ${below.map((r) => r.name).join(', ')}: they accepted less than their starting walk-away point (their BATNA may have fallen, or pressure pushed them).`
        : 'The deal cleared every party\'s reservation value.'
      : 'Without a deal, each party was left with its BATNA.',
    '',
  );
  push(
    '### ZOPA (zone of possible agreement)',
    '',
    'The packages every party prefers to its BATNA. If it is empty, no deal is rational for everyone; the larger it is, the easier a deal.',
    '',
    `- At the start: ${zopaLine(d.zopa.start)}`,
    `- When the talks ended: ${zopaLine(d.zopa.end)}`,
    '',
  );
  const improvement = d.frontier.improvement;
  push(
    '### Pareto frontier',
    '',
    'The packages that cannot be improved for one party without making another worse off. A deal off the frontier leaves value on the table that every party could have shared.',
    '',
    `${d.frontier.size} supported Pareto-optimal packages were found (packages crossing a red line excluded). The best total utility possible was ${fmt(d.frontier.welfare.max)}; the outcome gave ${fmt(d.frontier.welfare.outcome)} (gap ${fmt(d.frontier.welfare.gap)}).`,
    '',
  );
  if (d.outcome.kind === 'deal') {
    push(
      d.frontier.paretoOptimal
        ? 'No change of one or two issues would have helped a party without hurting another: the deal was on (or very near) the frontier.'
        : 'The deal was off the frontier: changing one or two issues would have helped someone at no one\'s cost.',
      '',
    );
  }
  // The three benchmark packages can be one and the same: each is printed once.
  const shown: { name: BenchmarkName; terms: Terms }[] = [];
  const benchmarkBlock = (name: BenchmarkName, point: BenchmarkPoint, intro: string): string[] => {
    const same = shown.filter((x) => sameTerms(x.terms, point.terms)).map((x) => x.name);
    shown.push({ name, terms: point.terms });
    if (same.length === 0) return [intro, '', ...linesList(point.lines), '', ...pointTable(d, point), ''];
    const label = BENCHMARK_NAMES[name].replace(/^the /, '');
    const Label = label.charAt(0).toUpperCase() + label.slice(1);
    const coincide =
      name === 'kalai' && same.includes('nash')
        ? `the Nash and Kalai–Smorodinsky points coincide here${same.includes('improvement') ? ', and with the most even improvement' : ''}`
        : `${BENCHMARK_NAMES[same[0]!]} and ${BENCHMARK_NAMES[name]} coincide here`;
    return [`${Label}: the same package as ${andList(same.map((x) => BENCHMARK_NAMES[x]))} above — ${coincide}.`, ''];
  };
  if (improvement) {
    push(...benchmarkBlock('improvement', improvement, 'Every party could have gained at once — the most even improvement over the outcome:'));
  } else {
    push('No package would have made every party better off at once than the outcome.', '');
  }
  push(
    '### Nash bargaining point',
    '',
    "The package that maximises the product of the parties' gains over their BATNAs (here: their scoring baselines): the classic fair and efficient benchmark. The Kalai–Smorodinsky point instead gives every party the same share of its best possible gain.",
    '',
  );
  if (d.nash) {
    push(...benchmarkBlock('nash', d.nash, 'Nash point:'));
    if (!d.nash.exact) push('_(The search was cut short: this is the best package found, not a proven optimum.)_', '');
  } else {
    push('There was no Nash point: no signable package beat every party\'s baseline.', '');
  }
  if (d.kalai) push(...benchmarkBlock('kalai', d.kalai, 'Kalai–Smorodinsky point:'));
  const logrolls = d.tradeoffs.filter((t) => t.logroll);
  push('### Logrolling', '', 'Trading concessions across issues: each side gives way where it cares less and wins where it cares more, so both gain.', '');
  if (logrolls.length === 0) push('No pair of parties had opposed issues each cared much more about than the other.', '');
  for (const t of logrolls) {
    push(`- ${nameIn(d, t.a)} and ${nameIn(d, t.b)}: ${t.issues.map((x) => `${x.name} matters more to ${nameIn(d, x.caresMore)}${x.ratio !== null ? ` (×${x.ratio.toFixed(1)})` : ''}`).join('; ')}.`);
  }
  if (logrolls.length > 0) push('');
  const statements = d.results.reduce((s, r) => s + r.commitments.made, 0);
  const broken = d.results.filter((r) => r.commitments.broken > 0);
  push(
    '### Audience costs',
    '',
    'A public statement binds the one who makes it: backing down in front of the home audience and the world costs credibility. That is what makes a commitment believable — and a deal harder.',
    '',
    statements === 0
      ? 'No party made a public commitment in this game.'
      : `${plural(statements, 'public commitment was', 'public commitments were')} made. ${broken.length === 0 ? 'None was broken.' : `Broken: ${broken.map((r) => `${r.name} (${r.commitments.broken}; credibility ${fmt(r.credibility.start)} → ${fmt(r.credibility.end)})`).join(', ')}.`}`,
    '',
  );
  const info = d.information;
  const v = info.verification;
  const summary = informationSummary(d);
  const publicReadouts = d.saidAndHeard.filter((x) => x.channel === 'readout');
  push(
    `Words said in public reach everyone as they were said${info.public === 0 ? ', but nobody spoke in public in this game' : `: ${plural(info.public, 'public message', 'public messages')} could not be garbled on the way`}. A readout is a party's own account in front of everyone — a public claim it must stand by. ${v.readouts === 0 ? 'No readout was published.' : `${plural(v.readouts, 'readout was', 'readouts were')} published${publicReadouts.length > 0 ? `; ${publicReadouts.map((x) => `${poss(x.teller.name)} told package #${x.proposal ?? '?'} otherwise than it went`).join('; ')}` : ', none at odds with what was said'}.`}`,
    '',
  );
  const agents = d.saidAndHeard.filter((x) => x.teller.envoy !== undefined);
  const passers = d.saidAndHeard.filter((x) => x.channel === 'relay');
  push(
    '### Principal–agent and information problems',
    '',
    "A leader (the principal) negotiates through agents — envoys with their own fidelity and bias — and must sell the deal to principals at home (veto players who ratify). The agent knows what was said; the principal knows only what the agent reports, and answers for it. What a party heard can differ from what was said; without a notetaker's record, nobody can settle it.",
    '',
    `${summary.sent} ${summary.distorted}${info.distorted > 0 ? ' Each is listed under “What was said, and what was heard” below.' : ''}`,
    '',
  );
  for (const x of agents) {
    const found = x.listeners.filter((l) => l.exposure).length;
    push(
      `- ${x.teller.envoy}, ${poss(x.teller.name)} envoy, carried ${poss(x.speaker.name)} package #${x.proposal ?? '?'} (round ${x.round}) to ${andList(x.listeners.map((l) => l.name))} otherwise than it was said${
        found === 0
          ? '; it never came out, so nobody paid for it'
          : x.cost.credibility === 0
            ? `; ${x.teller.name} found out in private, and nobody else was misled`
            : `; it came out, and ${x.answers.name} answered for its agent (credibility ${signed(x.cost.credibility)})`
      }.`,
    );
  }
  for (const x of passers) {
    push(
      `- ${x.teller.name} passed ${poss(x.speaker.name)} package #${x.proposal ?? '?'} on to ${andList(x.listeners.map((l) => l.name))} ${
        x.asHeard ? `as it had heard it — misled in turn, it spread the distortion${x.answers.party !== x.teller.party ? `, and the blame went back to ${x.answers.name}` : ''}` : 'otherwise than it had heard it'
      }.`,
    );
  }
  if (agents.length + passers.length > 0) push('');
  push(
    '### Verification',
    '',
    `Words can be checked: an official record (a notetaker at direct talks, or words said in public), a clarification call to whoever spoke, another account of the same talks (a readout, a relay), a leak — and in the end the text tabled for signing. Checking has costs: a notetaker makes the other side speak less freely (its trust ${signed(v.costs.notetaker)}), and a call takes a turn; a call that confirms a report earns the teller ${signed(v.costs.confirmed)} trust.`,
    '',
    `- ${v.onRecord} of ${plural(v.proposals, 'proposal', 'proposals')} went on the record.`,
    `- ${summary.calls}`,
    `- ${plural(v.leaks, 'leak', 'leaks')}, ${plural(v.readouts, 'readout', 'readouts')}, ${plural(v.relays, 'relay', 'relays')}.`,
    `- ${summary.misled ?? 'Nobody was misled: every message that carried a package reached everyone as it was said.'}`,
    `- Each time, whoever told it otherwise lost ${fmt(Math.abs(v.costs.credibility))} credibility, and the party it misled trusted it ${fmt(Math.abs(v.costs.trust))} less.`,
    '',
  );
  if (d.ratification) {
    push(`Ratification at home: ${Object.entries(d.ratification).map(([id, ok]) => `${nameIn(d, id)} ${ok ? 'ratified' : 'blocked it'}`).join(', ')}.`, '');
  }

  push(...saidAndHeardMarkdown(d));

  // Concessions
  push('## Concession curves', '', "The utility of each party's own offers, in its own terms, round by round: how far and how fast it conceded.", '');
  for (const c of d.concessions) {
    if (c.curve.length === 0) {
      push(`- ${nameIn(d, c.party)}: made no offers.`);
      continue;
    }
    const points = c.curve.map((x) => `r${x.round} ${fmt(x.utility)}`).join(', ');
    push(`- ${nameIn(d, c.party)} (${c.summary.style}, conceded ${fmt(c.summary.conceded)}): ${points}`);
  }
  push('');

  // Moments
  push('## Key moments', '');
  if (d.moments.length === 0) push('Nothing stood out.');
  for (const m of d.moments) push(`- Round ${m.round} (${m.kind}): ${m.text}`);
  push('');

  // Humans
  for (const h of d.humans) {
    push(`## ${nameIn(d, h.party)}: your moves`, '');
    push(MOVE_RULE, '');
    const describe = (m: MoveAssessment) => `- Round ${m.round}: ${m.text}${m.reason ? ` — “${cleanText(m.reason)}”` : ''}: ${moveValueText(m)}.`;
    const made = h.moves.length - h.waits;
    if (h.rated === 0 && made > 0) {
      push(`_Your moves were not rated in this report: ${plural(made, 'move is', 'moves are')} listed below as not rated._`, '');
    } else {
      push('Best moves:', '', ...(h.best.length > 0 ? h.best.map(describe) : ['- No move of yours did better than waiting would have.']), '');
      push('Worst moves:', '', ...(h.worst.length > 0 ? h.worst.map(describe) : ['- No move of yours did worse than waiting would have.']), '');
    }
    if (h.moves.length > 0) push('Every move, in order:', '', ...h.moves.map(describe), '');
  }
  if (humanNames.length === 0) push('_No human players: every party was played by the AI._', '');

  // Revealed
  if (d.beliefs.length > 0) {
    push('## What the AIs believed at the end', '');
    push('Each AI learned the others\' preferences from what it saw and heard: offers, answers and their reasons, statements, accounts. Against the truth:', '');
    push(...d.beliefs.map((b) => `- ${beliefSentence(b, (id) => nameIn(d, id))}`), '');
  }

  push('## Hidden preferences revealed', '');
  for (const r of d.revealed) {
    push(`### ${r.name}`, '', `Reservation value ${fmt(r.reservation)} (BATNA when the talks ended ${fmt(r.endBatna)}); patience ${r.discount} a round.`, '');
    push('| issue | weight | best option | worst option |', '|---|---:|---|---|');
    for (const i of r.issues) {
      const best = i.options[0];
      const worst = i.options[i.options.length - 1];
      push(`| ${cell(i.name)} | ${(i.weight * 100).toFixed(0)} % | ${cell(best?.label ?? '')} | ${cell(worst?.label ?? '')} |`);
    }
    push('', r.redLines.length > 0 ? `Red lines: ${r.redLines.map((l) => `${l.issueName}: ${l.optionLabel}`).join('; ')}.` : 'No red lines.', '');
  }

  // The scenario's own notes for teachers, and what it rests on
  if (d.teacherNotes.length > 0) push('## Teacher notes', '', ...d.teacherNotes.flatMap((p) => [p, '']));
  if (d.sources.length > 0) {
    push('## Sources', '');
    for (const x of d.sources) push(`- ${sourceLine(x)}`);
    push('');
  }
  return out.join('\n');
}

/** One source in a line: its title, its address (when public) and what the scenario takes from it. */
export function sourceLine(x: Debrief['sources'][number]): string {
  return `${x.title}${x.url ? ` — <${x.url}>` : ''}${x.note ? `: ${x.note}` : ''}`;
}

// ── many games ───────────────────────────────────────────────────────────────────────────────────────────

export interface DebriefAggregate {
  games: number;
  scenarios: string[];
  deals: number;
  dealRate: number;
  /** Outcomes by reason ('implemented', 'deadline', 'walk-out', 'collapse', …, 'unfinished'). */
  reasons: Record<string, number>;
  /** The mean length of the talks, in rounds (until the signature, or until they ended without one). */
  meanRounds: number;
  parties: { party: PartyId; name: string; games: number; meanScore: number; meanUtility: number; humanGames: number }[];
  /** Deals that passed the local Pareto check. */
  paretoOptimalDeals: number;
  /** Mean over deals of the Euclidean distance between the deal's and the Nash point's utility vectors. */
  meanNashDistance?: number;
  /** Per issue, the option agreed most often in deals. */
  commonTerms: (TermLine & { count: number; share: number })[];
  /** The most frequent whole packages agreed, most frequent first (at most five). */
  commonPackages: { lines: TermLine[]; count: number }[];
  /** One row per game. */
  /** One row per game; `rounds` is the length of its talks. */
  rows: { scenarioId: string; seed: number; outcome: string; rounds: number; scores: Record<PartyId, number> }[];
}

/** Compares a class's games: deal rate, mean scores per party, the most common terms. */
export function aggregateDebriefs(debriefs: readonly Debrief[]): DebriefAggregate {
  const games = debriefs.length;
  const deals = debriefs.filter((d) => d.outcome.kind === 'deal');
  const reasons: Record<string, number> = {};
  for (const d of debriefs) {
    const key = d.outcome.kind === 'unfinished' ? 'unfinished' : (d.outcome.reason ?? d.outcome.kind);
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  const partyMap = new Map<PartyId, { name: string; games: number; score: number; utility: number; humanGames: number }>();
  for (const d of debriefs) {
    for (const r of d.results) {
      const acc = partyMap.get(r.party) ?? { name: r.name, games: 0, score: 0, utility: 0, humanGames: 0 };
      acc.games++;
      acc.score += r.score;
      acc.utility += r.utility;
      if (r.human) acc.humanGames++;
      partyMap.set(r.party, acc);
    }
  }
  const parties = [...partyMap.entries()].map(([party, a]) => ({
    party,
    name: a.name,
    games: a.games,
    meanScore: Math.round((a.score / a.games) * 10) / 10,
    meanUtility: a.utility / a.games,
    humanGames: a.humanGames,
  }));
  const termCounts = new Map<string, Map<string, { line: TermLine; count: number }>>();
  const packageCounts = new Map<string, { lines: TermLine[]; count: number }>();
  for (const d of deals) {
    const lines = d.outcome.lines ?? [];
    for (const l of lines) {
      const byOption = termCounts.get(l.issue) ?? new Map<string, { line: TermLine; count: number }>();
      const entry = byOption.get(l.option) ?? { line: l, count: 0 };
      entry.count++;
      byOption.set(l.option, entry);
      termCounts.set(l.issue, byOption);
    }
    const key = `${d.scenarioId}:${lines.map((l) => `${l.issue}=${l.option}`).join(',')}`;
    const entry = packageCounts.get(key) ?? { lines, count: 0 };
    entry.count++;
    packageCounts.set(key, entry);
  }
  const commonTerms = [...termCounts.values()].map((byOption) => {
    const top = [...byOption.values()].sort((a, b) => b.count - a.count || (a.line.option < b.line.option ? -1 : 1))[0]!;
    return { ...top.line, count: top.count, share: deals.length > 0 ? top.count / deals.length : 0 };
  });
  const distances = deals.flatMap((d) => {
    if (!d.nash) return [];
    const nash = d.nash;
    return [Math.sqrt(d.results.reduce((s, r) => s + (nash.utilities[r.party]! - r.utility) ** 2, 0))];
  });
  return {
    games,
    scenarios: [...new Set(debriefs.map((d) => d.scenarioId))],
    deals: deals.length,
    dealRate: games > 0 ? deals.length / games : 0,
    reasons,
    meanRounds: games > 0 ? debriefs.reduce((s, d) => s + d.rounds, 0) / games : 0,
    parties,
    paretoOptimalDeals: deals.filter((d) => d.frontier.paretoOptimal === true).length,
    meanNashDistance: distances.length > 0 ? distances.reduce((a, b) => a + b, 0) / distances.length : undefined,
    commonTerms,
    commonPackages: [...packageCounts.values()].sort((a, b) => b.count - a.count).slice(0, 5),
    rows: debriefs.map((d) => ({
      scenarioId: d.scenarioId,
      seed: d.seed,
      outcome: d.outcome.kind === 'deal' ? 'deal' : `${d.outcome.kind}${d.outcome.reason ? ` (${d.outcome.reason})` : ''}`,
      rounds: d.rounds,
      scores: Object.fromEntries(d.results.map((r) => [r.party, r.score])),
    })),
  };
}

/** The class report: many games side by side. */
export function aggregateMarkdown(a: DebriefAggregate): string {
  const out: string[] = [];
  out.push(`# Class debrief: ${a.games} game${a.games === 1 ? '' : 's'}`, '');
  out.push(`Scenario${a.scenarios.length === 1 ? '' : 's'}: ${a.scenarios.map((s) => `\`${s}\``).join(', ')}.`, '');
  out.push(
    `Deals: ${a.deals} of ${a.games} (${pct(a.dealRate)}). Outcomes: ${Object.entries(a.reasons)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. The talks lasted ${a.meanRounds.toFixed(1)} rounds on average (until the signature, or until they ended without one).`,
    '',
  );
  if (a.deals > 0) {
    out.push(
      `Deals on the Pareto frontier (local check): ${a.paretoOptimalDeals} of ${a.deals}.${a.meanNashDistance !== undefined ? ` Mean distance from the Nash bargaining point: ${fmt(a.meanNashDistance)} (utility units).` : ''}`,
      '',
    );
  }
  out.push('## Scores by party', '', '| party | games | as player | mean score | mean utility |', '|---|---:|---:|---:|---:|');
  for (const p of a.parties) out.push(`| ${cell(p.name)} | ${p.games} | ${p.humanGames} | ${p.meanScore.toFixed(1)} | ${fmt(p.meanUtility)} |`);
  out.push('');
  if (a.commonTerms.length > 0) {
    out.push('## The most common terms', '', '| issue | most agreed option | share of deals |', '|---|---|---:|');
    for (const t of a.commonTerms) out.push(`| ${cell(t.issueName)} | ${cell(t.optionLabel)} | ${pct(t.share)} |`);
    out.push('');
  }
  out.push('## Games', '', '| scenario | seed | outcome | rounds of talks | scores |', '|---|---:|---|---:|---|');
  for (const r of a.rows) {
    out.push(`| ${r.scenarioId} | ${r.seed} | ${r.outcome} | ${r.rounds} | ${Object.entries(r.scores).map(([id, s]) => `${id} ${s.toFixed(1)}`).join(', ')} |`);
  }
  out.push('');
  return out.join('\n');
}
