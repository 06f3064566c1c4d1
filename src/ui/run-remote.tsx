// The game drawn on a terminal at the other end of a connection (a student's or the teacher's SSH session):
// the same Ink app as local play, rendered into streams that stand in for the terminal. The connection feeds
// the keys in and says when the window changes size; whatever the app draws goes back out, through the same
// guard as local play.
import { PassThrough, Writable } from 'node:stream';
import { render } from 'ink';
import type { ReactElement } from 'react';
import type { AppOptions, AppResult } from './app-options.js';
import { App } from './app.js';
import { Dashboard, type DashboardProps } from './screens/Dashboard.js';
import { guardTerminal } from './terminal-guard.js';
import { ThemeProvider } from './theme.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

/** A terminal at the end of a connection: where the app's output goes, and the window's size. */
export interface RemoteTerminal {
  write: (data: string | Buffer) => void;
  columns: number;
  rows: number;
}

/** The keyboard of a remote terminal: raw mode is the remote end's business, so setting it does nothing here. */
class RemoteInput extends PassThrough {
  readonly isTTY = true;
  isRaw = false;
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/** The screen of a remote terminal: Ink reads its size and listens for `resize`, as on process.stdout. */
class RemoteOutput extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;
  constructor(private readonly terminal: RemoteTerminal) {
    super({ decodeStrings: false });
    this.columns = terminal.columns;
    this.rows = terminal.rows;
  }
  override _write(chunk: string | Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      this.terminal.write(chunk);
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}

export interface RemoteApp {
  /** Keys typed at the remote end. */
  input: (data: Buffer | string) => void;
  /** The remote window changed size. */
  resize: (columns: number, rows: number) => void;
  /** Close the app (the connection dropped, or the server is closing). */
  close: () => void;
  /** Settles when the app has exited, with what it reported. */
  done: Promise<AppResult>;
}

function mount(element: (onExit: (r: AppResult) => void, interruptRef: { current: (() => void) | undefined }) => ReactElement, terminal: RemoteTerminal): RemoteApp {
  const stdin = new RemoteInput();
  const stdout = new RemoteOutput(terminal);
  let result: AppResult = { ended: false };
  const interruptRef: { current: (() => void) | undefined } = { current: undefined };
  terminal.write(ENTER_ALT_SCREEN);
  const instance = render(
    element((r) => (result = r), interruptRef),
    {
      stdout: guardTerminal(stdout as unknown as NodeJS.WriteStream),
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: stdout as unknown as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  let closed = false;
  const done = instance
    .waitUntilExit()
    .catch(() => undefined)
    .then(() => {
      closed = true;
      instance.cleanup();
      try {
        terminal.write(LEAVE_ALT_SCREEN);
      } catch {
        // The connection is already gone.
      }
      return result;
    });
  return {
    input: (data) => {
      if (!closed) stdin.write(data);
    },
    resize: (columns, rows) => {
      if (closed || columns <= 0 || rows <= 0) return;
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    close: () => {
      if (closed) return;
      // Save-and-leave when the app can (it saves nothing at a live table), otherwise just unmount.
      if (interruptRef.current) interruptRef.current();
      else instance.unmount();
    },
    done,
  };
}

/** A player's game on a remote terminal. */
export function runRemoteApp(options: AppOptions, terminal: RemoteTerminal): RemoteApp {
  return mount((onExit, interruptRef) => <App options={options} onExit={onExit} interruptRef={interruptRef} aiDelayMs={options.aiDelayMs ?? 250} />, terminal);
}

/** The teacher's dashboard on a remote terminal. */
export function runRemoteDashboard(props: Omit<DashboardProps, 'onExit'>, color: boolean, terminal: RemoteTerminal): RemoteApp {
  return mount(
    (onExit) => (
      <ThemeProvider color={color}>
        <Dashboard {...props} onExit={() => onExit({ ended: false })} />
      </ThemeProvider>
    ),
    terminal,
  );
}
