// An in-process terminal for the UI tests, after ink-testing-library and Shopify's cli-kit testing helpers: a
// fake stdout whose size can be set (and changed, with a resize event), a fake stdin, and helpers that yield to
// React's scheduler after input and poll for content instead of sleeping.
import { EventEmitter } from 'node:events';
import type { ReactElement, ReactNode } from 'react';
import { render as inkRender, type Instance } from 'ink';
import { KeysProvider } from '../../src/ui/context/keys.js';
import { ThemeProvider } from '../../src/ui/theme.js';

export class TestStdout extends EventEmitter {
  columns: number;
  rows: number;
  isTTY = true;
  frames: string[] = [];
  constructor(columns = 100, rows = 30) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1) ?? '';
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class TestStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  space: ' ',
  ctrlC: '\u0003',
  pageDown: '\u001B[6~',
};

/** Strips colours and styles from a frame. */
// eslint-disable-next-line no-control-regex
export const plain = (frame: string) => frame.replace(/\u001B\[[0-9;]*m/g, '');

export interface Terminal {
  stdout: TestStdout;
  stdin: TestStdin;
  instance: Instance;
  /** The last frame, without styles. */
  screen: () => string;
  /** Types a key or a string, then lets React flush. */
  press: (...keys: string[]) => Promise<void>;
  /** Polls the screen until it contains `text` (or the predicate holds); fails after a bounded number of tries. */
  waitFor: (text: string | ((screen: string) => boolean), tries?: number) => Promise<string>;
  unmount: () => void;
}

export async function tick(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export function renderApp(tree: ReactElement, columns = 100, rows = 30): Terminal {
  const stdout = new TestStdout(columns, rows);
  const stdin = new TestStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new TestStdout() as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const screen = () => plain(stdout.lastFrame());
  return {
    stdout,
    stdin,
    instance,
    screen,
    press: async (...keys) => {
      for (const key of keys) {
        stdin.write(key);
        await tick();
      }
    },
    waitFor: async (want, tries = 500) => {
      const ok = typeof want === 'string' ? (s: string) => s.includes(want) : want;
      for (let i = 0; i < tries; i++) {
        if (ok(screen())) return screen();
        await tick();
      }
      throw new Error(`timed out waiting for ${typeof want === 'string' ? JSON.stringify(want) : 'a condition'}; screen:\n${screen()}`);
    },
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}

/** Wraps a screen or component in the providers the app gives it (theme, keyboard). */
export function Providers({ color = true, onInterrupt = () => {}, children }: { color?: boolean; onInterrupt?: () => void; children: ReactNode }) {
  return (
    <ThemeProvider color={color}>
      <KeysProvider onInterrupt={onInterrupt}>{children}</KeysProvider>
    </ThemeProvider>
  );
}
