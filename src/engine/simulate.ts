// Many all-AI games, streamed: each game is played, folded into running totals, and dropped, so memory stays
// flat however many runs are asked for. Seeds for the runs derive from one seed: same arguments, same output.
import type { Game } from '../model/game.js';
import { partyResults } from '../model/outcome.js';
import { deriveSeed } from '../model/rng.js';
import type { PartyId } from '../model/types.js';
import { playSession } from './headless.js';

export interface SimulationSummary {
  scenario: string;
  runs: number;
  seed: number;
  deals: number;
  dealRate: number;
  meanRounds: number;
  parties: Record<PartyId, { meanScore: number; meanUtility: number; walkOuts: number }>;
  /** Why games without a deal ended, by reason. */
  failures: Record<string, number>;
  /** The most frequent deal packages (approximate beyond 64 distinct packages), with option ids per issue. */
  topDeals: { count: number; terms: Record<string, string> }[];
  /** For each issue, how often each option was in the deal. */
  issueOptions: Record<string, Record<string, number>>;
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

export function simulate(game: Game, runs: number, seed: number, onProgress?: (done: number) => void): SimulationSummary {
  const { scenario } = game;
  let deals = 0;
  let rounds = 0;
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

  for (let run = 0; run < runs; run++) {
    const { world } = playSession(game, runSeed(seed, run), {
      onCommand: (entry) => {
        if (entry.command.type === 'walk-out') walkOuts[entry.command.by]!++;
      },
    });
    const outcome = world.outcome!;
    rounds += world.round;
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
    parties,
    failures,
    topDeals: packages.top(5).map(([key, count]) => ({
      count,
      terms: Object.fromEntries(key.split(',').map((o, i) => [scenario.issues[i]!.id, scenario.issues[i]!.options[Number(o)]!.id])),
    })),
    issueOptions,
  };
}
