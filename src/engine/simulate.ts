// Many all-AI games, streamed: each game is played, folded into running totals, and dropped, so memory stays
// flat however many runs are asked for. Seeds for the runs derive from one seed: same arguments, same output.
import type { SeatStrategy } from '../ai/seats.js';
import type { Game } from '../model/game.js';
import { partyResults } from '../model/outcome.js';
import { deriveSeed } from '../model/rng.js';
import { misled } from '../model/step.js';
import type { Channel, LogLine, PartyId, World } from '../model/types.js';
import { playGame, type AdvanceOptions, type LoggedCommand } from './advance.js';
import { DealQualityCounter, type DealQuality } from './deal-quality.js';
import { seatPlayer } from './seat-play.js';
import { TraceCounter, type TraceSummary } from './trace.js';

export interface SimulationSummary {
  scenario: string;
  runs: number;
  seed: number;
  deals: number;
  dealRate: number;
  meanRounds: number;
  parties: Record<PartyId, { meanScore: number; meanUtility: number; walkOuts: number }>;
  /** Mean length of the talks in rounds: until every signatory accepted a deal, or until they ended without one. */
  meanTalkRounds: number;
  /** Why games without a deal ended, by reason. */
  failures: Record<string, number>;
  /** The most frequent deal packages (approximate beyond 64 distinct packages), with option ids per issue. */
  topDeals: { count: number; terms: Record<string, string> }[];
  /** For each issue, how often each option was in the deal. */
  issueOptions: Record<string, Record<string, number>>;
  /** How good the deals were against what the scenario allowed. */
  quality: DealQuality;
  /** With a scripted seat: how it did, next to the AI playing that seat on the same seeds. */
  seat?: SeatReport;
  /** With --trace: when deals, events and postures happened, the reasons for rejections, who heard what. */
  trace?: TraceSummary;
  /** How information travelled: totals over all runs, means per run, and deals with and without a record. */
  information: {
    total: InformationCounts;
    perRun: InformationCounts;
    /** Runs whose meetings and two-party direct talks were all on the record, and how many ended in a deal. */
    withNotetaker: { runs: number; deals: number; dealRate: number };
    /** Runs with at least one meeting or two-party direct talk without a notetaker. */
    withoutNotetaker: { runs: number; deals: number; dealRate: number };
  };
}

export interface InformationCounts {
  /** Messages sent, by channel. */
  messages: Record<Channel, number>;
  /** Messages that someone heard differently from what was really proposed. */
  distorted: number;
  /** Messages whose distortion someone found out. */
  exposed: number;
}

const channels: Channel[] = ['direct', 'envoy', 'public', 'relay', 'readout', 'leak'];
const emptyCounts = (): InformationCounts => ({ messages: Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>, distorted: 0, exposed: 0 });

/** Adds one finished game's messages to the counts; returns whether its two-party talks were all on the record. */
function countInformation(world: World, counts: InformationCounts): boolean | undefined {
  let bilateral = 0;
  let offRecord = 0;
  for (const m of world.messages) {
    counts.messages[m.channel]++;
    if (m.to.some((listener) => misled(world, m, listener))) counts.distorted++;
    if (m.exposedTo.length > 0) counts.exposed++;
    // Talks where a notetaker was a choice: scripted meetings, and direct talks with a single party.
    const meeting = m.said.kind === 'proposal' && world.proposals[m.said.proposal - 1]!.meeting !== undefined;
    if (m.said.kind === 'proposal' && (meeting || (m.channel === 'direct' && m.to.length === 1))) {
      bilateral++;
      if (!m.record) offRecord++;
    }
  }
  return bilateral === 0 ? undefined : offRecord === 0;
}

/** Counts the most frequent keys in bounded memory (Misra–Gries): exact while there are few distinct keys. */
class FrequentKeys {
  private counts = new Map<string, number>();
  constructor(private readonly capacity: number) {}
  add(key: string): void {
    const c = this.counts.get(key);
    if (c !== undefined) this.counts.set(key, c + 1);
    else if (this.counts.size < this.capacity) this.counts.set(key, 1);
    else {
      for (const [k, v] of this.counts) {
        if (v <= 1) this.counts.delete(k);
        else this.counts.set(k, v - 1);
      }
    }
  }
  top(n: number): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  }
}

export function runSeed(seed: number, run: number): number {
  return deriveSeed(seed, 'run', run) >>> 0;
}

export interface SeatReport {
  party: PartyId;
  strategy: SeatStrategy;
  /** The scripted seat's mean score and deal rate. */
  meanScore: number;
  dealRate: number;
  /** The same seat played by its posture AI, on the same seeds. */
  baselineMeanScore: number;
  baselineDealRate: number;
}

export interface SimulateOptions {
  /** Play one seat with a scripted strategy (and the same seeds once more all-AI, as the baseline). */
  seat?: { party: PartyId; strategy: SeatStrategy };
  /** Called after each game (of the seat's runs and then the baseline's, when there is a seat). */
  onProgress?: (done: number, total: number) => void;
  /** Keep a trace of what happened in the games (of the seat's runs, when there is a seat). */
  trace?: boolean;
}

export function simulate(game: Game, runs: number, seed: number, options: SimulateOptions = {}): SimulationSummary {
  const seat = options.seat;
  const total = seat ? 2 * runs : runs;
  const trace = options.trace ? new TraceCounter(game) : undefined;
  const summary = simulateRuns(game, runs, seed, seat ? { [seat.party]: seatPlayer(seat.strategy) } : undefined, (done) => options.onProgress?.(done, total), trace);
  if (trace) summary.trace = trace.result();
  if (!seat) return summary;
  const baseline = simulateRuns(game, runs, seed, undefined, (done) => options.onProgress?.(runs + done, total));
  summary.seat = {
    party: seat.party,
    strategy: seat.strategy,
    meanScore: summary.parties[seat.party]!.meanScore,
    dealRate: summary.dealRate,
    baselineMeanScore: baseline.parties[seat.party]!.meanScore,
    baselineDealRate: baseline.dealRate,
  };
  return summary;
}

/** The runs of `simulate` with some seats played by scripted players (none: all-AI). */
export function simulateRuns(
  game: Game,
  runs: number,
  seed: number,
  players: AdvanceOptions['players'],
  onProgress?: (done: number) => void,
  trace?: TraceCounter,
): SimulationSummary {
  const { scenario } = game;
  let deals = 0;
  let rounds = 0;
  let talkRounds = 0;
  const scoreSum: Record<PartyId, number> = {};
  const utilitySum: Record<PartyId, number> = {};
  const walkOuts: Record<PartyId, number> = {};
  for (const id of game.partyIds) {
    scoreSum[id] = 0;
    utilitySum[id] = 0;
    walkOuts[id] = 0;
  }
  const failures: Record<string, number> = {};
  const packages = new FrequentKeys(64);
  const issueOptions: Record<string, Record<string, number>> = {};
  for (const issue of scenario.issues) issueOptions[issue.id] = Object.fromEntries(issue.options.map((o) => [o.id, 0]));
  const information = emptyCounts();
  const record = { with: { runs: 0, deals: 0 }, without: { runs: 0, deals: 0 } };
  const quality = new DealQualityCounter(game);
  const onMove = (entry: LoggedCommand, world: World, lines: readonly LogLine[]) => {
    if (entry.command.type === 'walk-out') walkOuts[entry.command.by]!++;
    quality.watch(entry, world);
    trace?.watch(entry, world, lines);
  };

  for (let run = 0; run < runs; run++) {
    const { world } = playGame(game, runSeed(seed, run), { record: false, onMove, ...(players ? { players } : {}) });
    quality.add(world);
    trace?.add(world, runSeed(seed, run));
    const outcome = world.outcome!;
    rounds += world.round;
    talkRounds += Math.min(world.agreement?.round ?? outcome.round, scenario.calendar.rounds);
    const onRecord = countInformation(world, information);
    if (onRecord !== undefined) {
      const bucket = onRecord ? record.with : record.without;
      bucket.runs++;
      if (outcome.kind === 'deal') bucket.deals++;
    }
    if (outcome.kind === 'deal') {
      deals++;
      const terms = outcome.terms!;
      packages.add(terms.join(','));
      scenario.issues.forEach((issue, i) => {
        issueOptions[issue.id]![issue.options[terms[i]!]!.id]!++;
      });
    } else {
      failures[outcome.reason] = (failures[outcome.reason] ?? 0) + 1;
    }
    const results = partyResults(game, world);
    for (const id of game.partyIds) {
      scoreSum[id]! += results[id]!.score;
      utilitySum[id]! += results[id]!.utility;
    }
    onProgress?.(run + 1);
  }
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  const parties: SimulationSummary['parties'] = {};
  for (const id of game.partyIds) {
    parties[id] = {
      meanScore: runs ? round3(scoreSum[id]! / runs) : 0,
      meanUtility: runs ? round3(utilitySum[id]! / runs) : 0,
      walkOuts: walkOuts[id]!,
    };
  }
  return {
    scenario: scenario.meta.id,
    runs,
    seed,
    deals,
    dealRate: runs ? round3(deals / runs) : 0,
    meanRounds: runs ? round3(rounds / runs) : 0,
    meanTalkRounds: runs ? round3(talkRounds / runs) : 0,
    parties,
    failures,
    topDeals: packages.top(5).map(([key, count]) => ({
      count,
      terms: Object.fromEntries(key.split(',').map((o, i) => [scenario.issues[i]!.id, scenario.issues[i]!.options[Number(o)]!.id])),
    })),
    issueOptions,
    quality: quality.result(),
    information: {
      total: information,
      perRun: {
        messages: Object.fromEntries(channels.map((c) => [c, runs ? round3(information.messages[c] / runs) : 0])) as Record<Channel, number>,
        distorted: runs ? round3(information.distorted / runs) : 0,
        exposed: runs ? round3(information.exposed / runs) : 0,
      },
      withNotetaker: { ...record.with, dealRate: record.with.runs ? round3(record.with.deals / record.with.runs) : 0 },
      withoutNotetaker: { ...record.without, dealRate: record.without.runs ? round3(record.without.deals / record.without.runs) : 0 },
    },
  };
}
