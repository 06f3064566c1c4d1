// Real terminals for the end-to-end tests: a private tmux server (its own socket, so a test never touches the
// user's sessions), a pane per program, its screen read with capture-pane and keys sent with send-keys.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../cli/helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Pane {
  name: string;
  screen(): string;
  keys(...keys: string[]): void;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Closes the pane's session: the program in it is hung up on, as when a laptop lid shuts. */
  close(): void;
}

export function tmuxServer(prefix: string) {
  const socket = `${prefix}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  let sessions = 0;

  /**
   * Runs a shell command in a new tmux session of the given size; the pane stays open after it exits, with its
   * exit code. Ctrl+C reaches the program alone (the shell around it only notes it), so the code is printed.
   */
  function run(command: string, size = { columns: 100, rows: 30 }): Pane {
    const name = `bc${++sessions}`;
    tmux('new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), `trap 'true' INT; ${command}; echo "[exit $?]"; sleep 600`);
    const pane: Pane = {
      name,
      screen: () => tmux('capture-pane', '-p', '-t', name),
      keys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
      /** Polls until the screen shows `pattern` and holds still (a frame can be caught half drawn). */
      async waitFor(pattern, timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs;
        let previous = '';
        for (;;) {
          const text = pane.screen();
          if (pattern.test(text) && text === previous) return text;
          if (Date.now() > deadline) throw new Error(`the screen never showed ${pattern}; it shows:\n${text}`);
          previous = text;
          await sleep(60);
        }
      },
      close: () => void tmux('kill-session', '-t', name),
    };
    return pane;
  }

  /** Starts `backchannel ARGS` in a new pane, with TERM set and neither NO_COLOR nor CI from outside. */
  function start(args: string[], env: Record<string, string>, size = { columns: 100, rows: 30 }, cwd = root): Pane {
    const vars = Object.entries({ TERM: 'xterm-256color', ...env })
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    return run(`cd ${quote(cwd)} && env -u NO_COLOR -u CI ${vars} ${quote(process.execPath)} ${quote(join(root, 'src/cli/bin.js'))} ${args.map(quote).join(' ')}`, size);
  }

  const kill = () => {
    try {
      tmux('kill-server');
    } catch {
      // No server left.
    }
  };
  return { run, start, kill };
}
