// One value of a `simulate --vary` sweep: the runs played on the scenario with that value, folded into the row
// the sweep prints. The same function runs on the main thread and in sweep-worker.ts, so a row is the same
// number for number wherever it was played.
import type { SeatStrategy } from '../ai/seats.js';
import { simulate } from '../engine/simulate.js';
import { compileGame } from '../model/game.js';
import type { Scenario } from '../scenario/schema.js';

export interface SweepRow {
  value: number;
  dealRate: number;
  meanScores: Record<string, number>;
}

export interface SweepJob {
  scenario: Scenario;
  value: number;
  runs: number;
  seed: number;
  seat?: { party: string; strategy: SeatStrategy };
}

export function sweepRow(job: SweepJob, onProgress?: (done: number, total: number) => void): SweepRow {
  const s = simulate(compileGame(job.scenario), job.runs, job.seed, { ...(job.seat ? { seat: job.seat } : {}), ...(onProgress ? { onProgress } : {}) });
  return { value: job.value, dealRate: s.dealRate, meanScores: Object.fromEntries(Object.entries(s.parties).map(([id, r]) => [id, r.meanScore])) };
}
