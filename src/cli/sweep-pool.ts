// A `simulate --vary` sweep played on several threads (--threads N): each value is an independent set of runs,
// so the values are handed to worker threads as they come free and the rows put back in order. A row is the same wherever it
// was played (sweep-row.ts), so the output is the same with one thread or eight. The threads run the bundle's
// sweep-worker.mjs; run from source, where there is none, the sweep plays on the main thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sweepRow, type SweepJob, type SweepRow } from './sweep-row.js';

/** The bundled worker: in .build/, above the chunk this code is bundled into, or beside it. */
const workerFile = ['../sweep-worker.mjs', './sweep-worker.mjs'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((f) => existsSync(f));

/**
 * How many threads a sweep of `values` values uses: one unless asked, never more than one a value. One by default because threads pay off only with idle cores: on the shared two-core machine
 * this was built on, two threads ran a six-value Moscow sweep in 8.0–8.7 s against 6.5–7.9 s on one (each
 * thread compiles the engine afresh, and the cores were busy with others' work).
 */
export function sweepThreads(values: number, wanted = 1): number {
  return Math.max(1, Math.min(values, wanted));
}

type Reply = { kind: 'progress'; index: number; done: number } | { kind: 'row'; index: number; row: SweepRow } | { kind: 'error'; index: number; message: string };

/** Plays every job; `onProgress` hears the games played so far over all values. */
export async function playSweep(jobs: readonly SweepJob[], threads: number, onProgress: (done: number, total: number) => void): Promise<SweepRow[]> {
  const total = jobs.reduce((n, j) => n + j.runs, 0);
  const done = new Array<number>(jobs.length).fill(0);
  const report = () =>
    onProgress(
      done.reduce((a, b) => a + b, 0),
      total,
    );
  if (threads <= 1 || workerFile === undefined) {
    return jobs.map((job, index) =>
      sweepRow(job, (n) => {
        done[index] = n;
        report();
      }),
    );
  }
  const rows = new Array<SweepRow | undefined>(jobs.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const feed = (worker: Worker) => {
        if (next >= jobs.length) return;
        const index = next++;
        worker.postMessage({ ...jobs[index]!, index });
      };
      for (let t = 0; t < threads; t++) {
        const worker = new Worker(workerFile);
        workers.push(worker);
        worker.on('message', (reply: Reply) => {
          if (reply.kind === 'progress') {
            done[reply.index] = reply.done;
            report();
            return;
          }
          if (reply.kind === 'error') return reject(new Error(reply.message));
          rows[reply.index] = reply.row;
          done[reply.index] = jobs[reply.index]!.runs;
          report();
          if (++finished === jobs.length) return resolve();
          feed(worker);
        });
        worker.on('error', reject);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return rows as SweepRow[];
}
