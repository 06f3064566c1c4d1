// Lines from stdin, one at a time, as promises: the game asks for the next line when it is ready for it, so
// lines that arrive early (a script piped in) wait their turn. End of input and Ctrl+C (SIGINT) arrive as
// markers in the same queue, so the game can save before it leaves.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export const EOF = Symbol('end of input');
export const INTERRUPT = Symbol('interrupt');
export type LineResult = string | typeof EOF | typeof INTERRUPT;

export interface LineSource {
  next(): Promise<LineResult>;
  close(): void;
}

/** A line source over a stream (stdin by default), with SIGINT turned into INTERRUPT while it is open. */
export function lineSource(input: Readable = process.stdin, opts: { sigint?: boolean } = {}): LineSource {
  const queue: LineResult[] = [];
  const waiting: ((line: LineResult) => void)[] = [];
  let ended = false;
  const push = (line: LineResult) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else queue.push(line);
  };
  // terminal: false — no raw mode, no echo handling, no escape codes: plain lines in, plain lines out.
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  rl.on('line', (line) => push(line));
  rl.on('close', () => {
    ended = true;
    push(EOF);
  });
  // Ctrl+C jumps the queue: lines typed ahead are not played after the player asked to stop.
  const onSigint = () => {
    const waiter = waiting.shift();
    if (waiter) waiter(INTERRUPT);
    else queue.unshift(INTERRUPT);
  };
  if (opts.sigint !== false) process.on('SIGINT', onSigint);
  return {
    next() {
      const line = queue.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.resolve(EOF);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      process.off('SIGINT', onSigint);
      rl.close();
      if (input === process.stdin) process.stdin.pause();
    },
  };
}

/** A line source over fixed lines (tests), ending with EOF. */
export function scriptedLines(lines: readonly LineResult[]): LineSource {
  const queue = [...lines];
  return {
    next: () => Promise.resolve(queue.length ? queue.shift()! : EOF),
    close: () => undefined,
  };
}
