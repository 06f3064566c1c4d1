// `backchannel serve DIR [--port 2222] [--host 0.0.0.0]`: the class in DIR over SSH. Every student plays at
// their own terminal with nothing installed; the teacher watches every table from a dashboard. Runs until
// Ctrl+C (or SIGTERM); every move is saved in the class folder as it is made.
import { loadUi } from '../load-ui.js';
import { cleanText } from '../../scenario/clean-text.js';
import { parseCommand, wholeNumber as whole } from '../args.js';
import { usageError } from '../errors.js';

const help = `Usage: backchannel serve DIR [--port 2222] [--host 0.0.0.0] [--when-away wait|ai] [--max N] [--idle MIN]

Serves the class in DIR (made with backchannel class new) over SSH. Students connect with
  ssh -p PORT NAME@HOST            (their name from the roster; "Ana Lima" may type ana.lima)
and type the class code; the teacher connects as "teacher" with the teacher's code. Both codes are printed
when the server starts (and by backchannel class show DIR).

Two students at one table play the same game live, each on their own screen, with the AI in the empty seats.
Every move is saved in DIR/saves/ as in local play, so backchannel debrief DIR works during and after the lesson.

  --port N            the port (default 2222; 0 picks a free one)
  --host ADDR         the address to listen on (default 0.0.0.0: every network interface)
  --when-away MODE    when a student's connection drops: wait for them (default) or let the AI play until they return
  --max N             at most N connections at once (default 100)
  --idle MIN          close a student's connection idle for MIN minutes (default 30; the seat is kept)
`;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(help);
    return 0;
  }
  const { values, positionals } = parseCommand('serve', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'when-away': { type: 'string' },
    max: { type: 'string' },
    idle: { type: 'string' },
    delay: { type: 'string' },
  });
  if (positionals.length !== 1) throw usageError('serve DIR [--port 2222] [--host 0.0.0.0] (try: backchannel serve --help)');
  const port = whole('port', values.port, 2222, 0, 65535);
  const maxConnections = whole('max', values.max, 100, 1, 10_000);
  const idleMinutes = whole('idle', values.idle, 30, 1, 24 * 60);
  // Undocumented: the AI's pace, for tests and demonstrations.
  const delayMs = whole('delay', values.delay, 600, 0, 10_000);
  const away = values['when-away'] ?? 'wait';
  if (away !== 'wait' && away !== 'ai') throw usageError(`--when-away takes wait or ai, not "${cleanText(away)}"`);
  // The screens are drawn for terminals at the far end: this machine's CI setting must not make Ink print only
  // final frames, and colour is each student's own choice (NO_COLOR), not this console's.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  process.env.FORCE_COLOR ??= '2';
  const { serveClass } = await loadUi(() => import('../serve/ssh-server.js'));
  const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${cleanText(line)}\n`);
  const server = await serveClass({ dir: positionals[0]!, host: values.host ?? '0.0.0.0', port, whenAway: away, maxConnections, idleMs: idleMinutes * 60_000, delayMs, log });
  const shown = values.host && values.host !== '0.0.0.0' ? values.host : 'THIS-MACHINE';
  process.stdout.write(
    [
      `Serving the class in ${cleanText(positionals[0]!)} (${cleanText(server.room.choice.game.scenario.meta.title)}) on port ${server.port}.`,
      `Students: ssh -p ${server.port} NAME@${shown}   class code: ${server.codes.student}`,
      `Teacher:  ssh -p ${server.port} teacher@${shown}   teacher code: ${server.codes.teacher}`,
      'Ctrl+C stops the server; every game is saved as it goes.',
      '',
    ].join('\n'),
  );
  // The handlers stay until the end: a signal with no listener left would be re-raised by Ink's exit hook
  // and kill the process before the connections are told.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log('closing');
    void server.close().then(() => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // Connections that linger (a client that never answers) must not keep the process.
      setTimeout(() => process.exit(0), 500).unref();
    });
  };
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    server.closed.then(done, done);
  });
  return 0;
}
