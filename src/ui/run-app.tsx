// Runs the terminal game: renders the app with Ink on the real terminal (alternate screen, so the shell comes
// back as it was), waits until the player leaves, and reports where the game was saved. Ctrl+C and SIGINT /
// SIGTERM / SIGHUP save first and then exit; the terminal is restored on every way out.
import { render } from 'ink';
import type { AppOptions, AppResult } from './app-options.js';
import { App } from './app.js';
import { guardTerminal } from './terminal-guard.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

export async function runApp(options: AppOptions): Promise<AppResult> {
  const stdout = process.stdout;
  const alternate = stdout.isTTY === true;
  let result: AppResult = { ended: false };
  const interruptRef: { current: (() => void) | undefined } = { current: undefined };
  // Ctrl+C arrives as a key in raw mode; these are the signals sent from outside.
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let unmount: (() => void) | undefined;
  const onSignal = () => {
    if (interruptRef.current) interruptRef.current();
    else unmount?.();
  };
  if (alternate) stdout.write(ENTER_ALT_SCREEN);
  try {
    const delay = options.aiDelayMs !== undefined ? { aiDelayMs: options.aiDelayMs } : {};
    const instance = render(<App options={options} interruptRef={interruptRef} onExit={(r) => (result = r)} {...delay} />, {
      stdout: guardTerminal(process.stdout),
      exitOnCtrlC: false,
      patchConsole: true,
    });
    unmount = instance.unmount;
    for (const signal of signals) process.on(signal, onSignal);
    try {
      await instance.waitUntilExit();
    } finally {
      instance.cleanup();
    }
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    if (alternate) stdout.write(LEAVE_ALT_SCREEN);
  }
  return result;
}
