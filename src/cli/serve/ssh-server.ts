// The class over SSH: students connect with `ssh -p PORT NAME@HOST` and the class code, the teacher as
// `teacher` with the teacher's code. Each connection gets the game (or the dashboard) drawn into its own
// terminal; nothing else is offered — no shell, no commands, no forwarding. A misbehaving client is closed
// without touching the others: limits on connections, time to log in, idle time and failed codes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ServerChannel } from 'ssh2';
import type { WhenAway } from '../../engine/live-table.js';
import { cleanText } from '../../scenario/clean-text.js';
import type { AppOptions } from '../../ui/app-options.js';
import { runRemoteApp, runRemoteDashboard, type RemoteApp, type RemoteTerminal } from '../../ui/run-remote.js';
import { classCodes } from '../class-store.js';
import { CliError } from '../errors.js';
import { sameSignature } from '../hmac.js';
import { safeName, writeFileAtomic } from '../save-store.js';
import { LiveClass } from './class-room.js';

export interface ServeOptions {
  dir: string;
  host: string;
  port: number;
  whenAway: WhenAway;
  /** The most connections at once (students and teacher); more are closed at once. */
  maxConnections: number;
  /** A student's connection with no key pressed for this long is closed (the seat is kept); never the teacher's. */
  idleMs: number;
  /** Pause between the AI's moves, in ms. */
  delayMs?: number;
  log: (line: string) => void;
}

export interface ClassServer {
  port: number;
  room: LiveClass;
  codes: { student: string; teacher: string };
  close: () => Promise<void>;
  /** Settles once close() has finished. */
  closed: Promise<void>;
}

const LOGIN_MS = 60_000;
/** Failed codes from one address: each further attempt waits longer, up to this. */
const MAX_FAILURE_DELAY_MS = 8_000;
/** After this many failures in a row, an address's connection is closed at once. */
const MAX_FAILURES = 10;

/** The server's host key, made once and kept in the class folder, so students' ssh knows the server again. */
function hostKey(dir: string): Buffer {
  const path = join(dir, 'host_key');
  if (!existsSync(path)) {
    // ssh2 now and then writes an Ed25519 key it cannot read back (a key whose first byte is zero loses it):
    // keep the first one that parses.
    let key: string | undefined;
    for (let attempt = 0; attempt < 20 && key === undefined; attempt++) {
      const pair = ssh2.utils.generateKeyPairSync('ed25519');
      if (!(ssh2.utils.parseKey(pair.private) instanceof Error)) key = pair.private;
    }
    if (key === undefined) throw new CliError('could not make a host key for the server');
    writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
  }
  const key = readFileSync(path);
  if (ssh2.utils.parseKey(key) instanceof Error) {
    throw new CliError(`${cleanText(path)} is not a host key the server can use; delete it and a new one is made (students' ssh will then warn that the server's key changed)`);
  }
  return key;
}

/** Text for a raw terminal at the far end: every line break also returns the cursor. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export async function serveClass(options: ServeOptions): Promise<ClassServer> {
  const room = new LiveClass({ dir: options.dir, whenAway: options.whenAway, log: options.log, ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}) });
  const codes = classCodes(options.dir);
  const failures = new Map<string, number>();
  const clients = new Set<Connection>();
  /** The screens drawn now: closing the server waits (briefly) until each has said goodbye. */
  const screens = new Set<RemoteApp>();
  const track = (app: RemoteApp): RemoteApp => {
    screens.add(app);
    void app.done.then(() => screens.delete(app));
    return app;
  };
  let closing = false;

  const server = new ssh2.Server({ hostKeys: [hostKey(options.dir)], ident: 'Backchannel' }, (client, info) => {
    if (clients.size >= options.maxConnections) {
      options.log(`refused a connection from ${info.ip}: ${options.maxConnections} connections already`);
      client.end();
      return;
    }
    clients.add(client);
    client.on('error', () => undefined);
    client.on('close', () => clients.delete(client));
    const login = setTimeout(() => client.end(), LOGIN_MS);
    let who: { kind: 'student'; name: string } | { kind: 'teacher' } | undefined;

    client.on('authentication', (ctx: AuthContext) => {
      const check = (code: string | undefined) => {
        const user = ctx.username.trim();
        const given = (code ?? '').trim().toLowerCase();
        const matches = (expected: string) => sameSignature(Buffer.from(given).toString('hex'), Buffer.from(expected).toString('hex'));
        if (user.toLowerCase() === 'teacher' && matches(codes.teacher)) who = { kind: 'teacher' };
        else {
          const name = user.toLowerCase() === 'teacher' ? undefined : room.student(user);
          if (name !== undefined && matches(codes.student)) who = { kind: 'student', name };
        }
        if (who) {
          failures.delete(info.ip);
          ctx.accept();
          return;
        }
        const count = (failures.get(info.ip) ?? 0) + 1;
        failures.set(info.ip, count);
        options.log(`wrong name or code for "${cleanText(ctx.username)}" from ${info.ip} (${count})`);
        if (count >= MAX_FAILURES) {
          client.end();
          return;
        }
        // Each failure from the same address waits longer before the next try.
        setTimeout(() => ctx.reject(['password', 'keyboard-interactive']), Math.min(MAX_FAILURE_DELAY_MS, 250 * 2 ** count));
      };
      if (ctx.method === 'password') check(ctx.password);
      else if (ctx.method === 'keyboard-interactive')
        ctx.prompt([{ prompt: 'Class code: ', echo: false }], 'Backchannel', 'Type the code your teacher gave you.', (answers) => check(answers[0]));
      else ctx.reject(['password', 'keyboard-interactive']);
    });

    client.on('ready', () => {
      clearTimeout(login);
      let shells = 0;
      client.on('session', (accept) => {
        const session = accept();
        let pty: { cols: number; rows: number; term: string } | undefined;
        const env = new Map<string, string>();
        let app: RemoteApp | undefined;
        session.on('pty', (ok, _no, info) => {
          pty = { cols: info.cols, rows: info.rows, term: info.term };
          ok?.();
        });
        session.on('env', (ok, _no, info) => {
          env.set(info.key, info.val);
          ok?.();
        });
        session.on('window-change', (ok, _no, info) => {
          app?.resize(info.cols, info.rows);
          ok?.();
        });
        session.on('exec', (_ok, no) => no());
        session.on('subsystem', (_ok, no) => no());
        session.on('x11', (_ok, no) => no());
        session.on('auth-agent', (_ok, no) => no());
        session.on('sftp', (_ok, no) => no());
        session.on('shell', (ok) => {
          const channel = ok();
          if (shells++ > 0 || !who) return finish(channel, 'One game per connection.', 1);
          if (!pty) return finish(channel, 'Backchannel needs a terminal: connect with ssh -t (and without a command).', 1);
          const color = !env.has('NO_COLOR') && pty.term !== 'dumb';
          const terminal: RemoteTerminal = {
            columns: pty.cols,
            rows: pty.rows,
            write: (data) => {
              if (channel.writable) channel.write(crlf(typeof data === 'string' ? data : data.toString('utf8')));
            },
          };
          let idle: ReturnType<typeof setTimeout> | undefined;
          // What the terminal reads when the game closes other than by the student's own q.
          let farewell: string | undefined;
          const touch = () => {
            if (idle) clearTimeout(idle);
            // The teacher's dashboard is watched, not typed at: it is never closed for idling.
            if (who?.kind === 'teacher') return;
            idle = setTimeout(() => {
              farewell = 'You were idle too long; your seat is kept. Connect again to come back.';
              app?.close();
            }, options.idleMs);
          };
          channel.on('data', (data: Buffer) => {
            touch();
            app?.input(data);
          });
          channel.on('close', () => {
            if (idle) clearTimeout(idle);
            app?.close();
          });
          touch();
          if (who.kind === 'teacher') {
            options.log('the teacher connected');
            app = track(runRemoteDashboard({ room }, color, terminal));
            void app.done.then(() => finish(channel, closing ? 'The class server is closing.' : undefined, 0, idle));
            return;
          }
          const student = who.name;
          let reseating = false;
          const detach = room.attach(student, {
            reseat: () => {
              reseating = true;
              app?.close();
            },
            kick: (reason) => {
              farewell = reason;
              app?.close();
            },
          });
          const open = () => {
            const seat = room.liveSeat(student);
            const appOptions: AppOptions = {
              scenarios: [room.choice],
              seed: seat.session.seed,
              // The table saves every move into the class folder; leaving has nothing more to write.
              save: () => join(options.dir, 'saves'),
              saveTranscript: (name, markdown) => {
                const path = join(options.dir, 'transcripts', `${safeName(student.toLowerCase())}-${safeName(name)}.md`);
                writeFileAtomic(path, markdown);
                return `${path} (on the class server)`;
              },
              color,
              live: seat,
              ...(options.delayMs !== undefined ? { aiDelayMs: options.delayMs } : {}),
            };
            app = track(runRemoteApp(appOptions, terminal));
            void app.done.then(() => {
              if (reseating) {
                reseating = false;
                open();
                return;
              }
              detach();
              finish(channel, farewell, 0, idle);
            });
          };
          open();
        });
      });
    });
    // Nothing but the game: no port forwarding of any kind.
    client.on('tcpip', (_ok, no) => no());
    client.on('openssh.streamlocal', (_ok, no) => no());
    client.on('request', (_ok, no) => no?.());
  });

  const finish = (channel: ServerChannel, message: string | undefined, code: number, idle?: ReturnType<typeof setTimeout>) => {
    if (idle) clearTimeout(idle);
    try {
      if (message && channel.writable) channel.write(crlf(`${message}\n`));
      channel.exit(code);
      channel.end();
    } catch {
      // The connection is already gone.
    }
  };

  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      room.close();
      const where = `${options.host}:${options.port}`;
      if (error.code === 'EADDRINUSE') reject(new CliError(`port ${options.port} is in use on ${where}: choose another with --port (0 picks a free one)`));
      else if (error.code === 'EACCES') reject(new CliError(`not allowed to listen on ${where}: ports below 1024 need special rights; choose another with --port`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new CliError(`${options.host} is not an address of this machine: choose another with --host`));
      else reject(new CliError(`cannot listen on ${where}: ${error.message}`));
    };
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  server.on('error', (error: Error) => options.log(`server: ${error.message}`));
  const port = (server.address() as AddressInfo).port;
  let closed: () => void = () => undefined;
  const whenClosed = new Promise<void>((resolve) => (closed = resolve));
  return {
    port,
    room,
    codes,
    closed: whenClosed,
    close: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          resolve();
          closed();
        };
        closing = true;
        room.close();
        const open = [...screens];
        for (const app of open) app.close();
        server.close(done);
        const wait = new Promise((r) => setTimeout(r, 1000).unref());
        void Promise.race([Promise.all(open.map((a) => a.done)), wait]).then(() => {
          for (const c of clients) c.end();
        });
        // Connections that do not close in time are dropped.
        setTimeout(done, 2000).unref();
      }),
  };
}
