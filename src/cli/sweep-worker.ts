// A thread of a `simulate --vary` sweep (bundled as .build/sweep-worker.mjs): plays the values it is sent, one
// at a time, and answers each with its row; progress goes back as it plays.
import { parentPort } from 'node:worker_threads';
import { sweepRow, type SweepJob } from './sweep-row.js';

const port = parentPort!;
port.on('message', (job: SweepJob & { index: number }) => {
  try {
    const row = sweepRow(job, (done) => port.postMessage({ kind: 'progress', index: job.index, done }));
    port.postMessage({ kind: 'row', index: job.index, row });
  } catch (error) {
    port.postMessage({ kind: 'error', index: job.index, message: error instanceof Error ? error.message : String(error) });
  }
});
