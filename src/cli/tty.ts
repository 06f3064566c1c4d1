// Whether the game can draw its screens: it needs a terminal on both stdin (keys) and stdout (frames).
// Anything else — a pipe, a file, a script — gets the plain line-by-line mode.

export interface Streams {
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
}

/** Plain mode when asked for, or when stdin or stdout is not a terminal. */
export function wantsPlain(asked: boolean, streams: Streams = process): boolean {
  return asked || streams.stdin.isTTY !== true || streams.stdout.isTTY !== true;
}

/** Colour unless NO_COLOR is set to something (https://no-color.org). */
export function wantsColor(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.NO_COLOR;
}

/** A seed from the clock, small enough to read out to a class (the seeded game itself never reads a clock). */
export function clockSeed(now: number = Date.now()): number {
  return Math.floor(now / 1000) % 100_000;
}

/**
 * When whoever reads our output goes away (`backchannel … | head`), stop quietly instead of dying with a stack
 * trace on EPIPE. Plain mode saves after every move, so nothing is lost by leaving at once.
 */
export function exitOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
