// The single owner of the keyboard. Components say which scope of the keymap they read and what to do with
// each named action (`useKeys`); the provider's one `useInput` finds the handler on top — the highest
// priority, then the latest registered — turns the key into an action of that handler's scope, and calls it.
// Ctrl+C is the one key handled here: it interrupts (save and exit) from anywhere.
//
// Keys that arrive together ("pjjl" from tmux send-keys or a paste, or p then ↓↓→ faster than the screen
// redraws) are split into single keypresses and handled one at a time, in order: each waits until React has
// committed what the one before it did — so "p ↓ ↓ →" opens the builder, and the arrows reach the builder.
// The provider reads Ink's raw input events (what Ink's input parser split off, before `useInput` reads
// them), so that Esc typed just before a key is not taken for Alt+key; `useInput` is the fallback.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { keypresses, rawKeypresses, type Keypress } from '../keypress.js';
import { actionFor, type Action, type Scope } from '../keymap.js';

/** How far above the screens a handler sits. */
export const PRIORITY = { screen: 0, panel: 10, overlay: 100, gate: 1000 } as const;

interface Handler {
  id: number;
  scope: Scope;
  priority: number;
  /** The action, and the character typed (for bindings that take any of several, like the digits). */
  onAction: (action: Action, input: string) => void;
}

interface KeysApi {
  register: (handler: Omit<Handler, 'id'>) => () => void;
  /** The scope whose keys are live now. */
  topScope: () => Scope | undefined;
}

const KeysContext = createContext<KeysApi | null>(null);

export interface KeysProviderProps {
  /** Ctrl+C, from anywhere. */
  onInterrupt: () => void;
  /** `help` and `quit` are the app's to handle, whatever the scope; return false to pass them to the handler. */
  onGlobal?: (action: 'help' | 'quit', scope: Scope) => boolean;
  children: ReactNode;
}

export function KeysProvider({ onInterrupt, onGlobal, children }: KeysProviderProps) {
  const handlers = useRef<Handler[]>([]);
  const nextId = useRef(1);
  const top = useCallback((): Handler | undefined => {
    let best: Handler | undefined;
    for (const h of handlers.current) if (!best || h.priority > best.priority || (h.priority === best.priority && h.id > best.id)) best = h;
    return best;
  }, []);
  const api = useMemo<KeysApi>(
    () => ({
      register: (handler) => {
        const entry = { ...handler, id: nextId.current++ };
        handlers.current = [...handlers.current, entry];
        return () => {
          handlers.current = handlers.current.filter((h) => h !== entry);
        };
      },
      topScope: () => top()?.scope,
    }),
    [top],
  );
  const dispatch = useCallback(
    ({ input, key }: Keypress) => {
      const handler = top();
      if (!handler) return;
      const action = actionFor(handler.scope, input, key);
      if (!action) return;
      if ((action === 'help' || action === 'quit') && onGlobal?.(action, handler.scope)) return;
      handler.onAction(action, input);
    },
    [onGlobal, top],
  );
  // Keypresses not yet handled, and the one handled last while its frame is not yet committed.
  const queue = useRef<Keypress[]>([]);
  const waitingFor = useRef(0);
  const serial = useRef(0);
  const bump = useRef<(n: number) => void>(undefined);
  const timers = useRef<{ resume?: ReturnType<typeof setImmediate>; fallback?: ReturnType<typeof setTimeout> }>({});
  const drainRef = useRef<() => void>(() => {});
  const release = useCallback((n: number) => {
    if (waitingFor.current !== n) return;
    waitingFor.current = 0;
    clearTimeout(timers.current.fallback);
    // Out of the commit phase before the next key: its handler may set state again.
    timers.current.resume = setImmediate(() => drainRef.current());
  }, []);
  const drain = useCallback(() => {
    while (waitingFor.current === 0 && queue.current.length > 0) {
      const press = queue.current.shift()!;
      if (bump.current) {
        // The probe's update joins whatever this key's handler changes: when the probe commits, so has that.
        const n = ++serial.current;
        waitingFor.current = n;
        bump.current(n);
        // Should that frame never come (nothing is mounted), the keys go on regardless.
        timers.current.fallback = setTimeout(() => release(n), 200);
      }
      dispatch(press);
    }
  }, [dispatch, release]);
  useLayoutEffect(() => {
    drainRef.current = drain;
  });
  useEffect(
    () => () => {
      clearImmediate(timers.current.resume);
      clearTimeout(timers.current.fallback);
      queue.current = [];
    },
    [],
  );
  const take = useCallback(
    (presses: Keypress[]) => {
      for (const press of presses) {
        if (press.key.ctrl && press.input === 'c') {
          queue.current = [];
          onInterrupt();
          return;
        }
        queue.current.push(press);
      }
      drain();
    },
    [onInterrupt, drain],
  );
  const { internal_eventEmitter: emitter, setRawMode } = useStdin();
  const takeRef = useRef(take);
  useLayoutEffect(() => {
    takeRef.current = take;
  });
  // The raw events: raw mode on while mounted, as `useInput` would; subscribed once.
  useEffect(() => {
    if (!emitter) return undefined;
    setRawMode(true);
    const onData = (data: string) => takeRef.current(rawKeypresses(String(data)));
    emitter.on('input', onData);
    return () => {
      emitter.removeListener('input', onData);
      setRawMode(false);
    };
  }, [emitter, setRawMode]);
  const onInput = useCallback((input: string, key: Key) => take(keypresses(input, key)), [take]);
  useInput(onInput, { isActive: !emitter });
  return (
    <KeysContext.Provider value={api}>
      {children}
      <CommitProbe bump={bump} onCommit={release} />
    </KeysContext.Provider>
  );
}

/**
 * Renders nothing; commits after everything above it. The provider bumps it with each keypress it handles, in
 * the same batch as the handler's own updates, and hears back once that frame — with the keys of whatever the
 * handler opened — is committed.
 */
function CommitProbe({ bump, onCommit }: { bump: { current: ((n: number) => void) | undefined }; onCommit: (n: number) => void }) {
  const [n, setN] = useState(0);
  useLayoutEffect(() => {
    bump.current = setN;
    return () => {
      bump.current = undefined;
    };
  }, [bump]);
  useLayoutEffect(() => {
    if (n > 0) onCommit(n);
  }, [n, onCommit]);
  return null;
}

function useKeysApi(): KeysApi {
  const api = useContext(KeysContext);
  if (!api) throw new Error('useKeys must be used inside <KeysProvider>');
  return api;
}

/**
 * Reads the keys of `scope` while mounted and `active`: each key of the scope arrives as its action. The
 * handler may change every render; the registration does not.
 */
export function useKeys(scope: Scope, onAction: (action: Action, input: string) => void, options: { priority?: number; active?: boolean } = {}): void {
  const api = useKeysApi();
  const { priority = PRIORITY.screen, active = true } = options;
  const latest = useRef(onAction);
  // Layout effects run as the frame is committed: the keys of what is on screen are live at once, even for a
  // key typed before React gets round to its passive effects.
  useLayoutEffect(() => {
    latest.current = onAction;
  });
  useLayoutEffect(() => {
    if (!active) return undefined;
    return api.register({ scope, priority, onAction: (action, input) => latest.current(action, input) });
  }, [api, scope, priority, active]);
}
