// The single owner of the keyboard. Components say which scope of the keymap they read and what to do with
// each named action (`useKeys`); the provider's one `useInput` finds the handler on top — the highest
// priority, then the latest registered — turns the key into an action of that handler's scope, and calls it.
// Ctrl+C is the one key handled here: it interrupts (save and exit) from anywhere.
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';
import { actionFor, type Action, type Scope } from '../keymap.js';

/** How far above the screens a handler sits. */
export const PRIORITY = { screen: 0, panel: 10, overlay: 100, gate: 1000 } as const;

interface Handler {
  id: number;
  scope: Scope;
  priority: number;
  onAction: (action: Action) => void;
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
  const onInput = useCallback(
    (input: string, key: Key) => {
      if (key.ctrl && input === 'c') {
        onInterrupt();
        return;
      }
      const handler = top();
      if (!handler) return;
      const action = actionFor(handler.scope, input, key);
      if (!action) return;
      if ((action === 'help' || action === 'quit') && onGlobal?.(action, handler.scope)) return;
      handler.onAction(action);
    },
    [onInterrupt, onGlobal, top],
  );
  useInput(onInput);
  return <KeysContext.Provider value={api}>{children}</KeysContext.Provider>;
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
export function useKeys(scope: Scope, onAction: (action: Action) => void, options: { priority?: number; active?: boolean } = {}): void {
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
    return api.register({ scope, priority, onAction: (action) => latest.current(action) });
  }, [api, scope, priority, active]);
}
