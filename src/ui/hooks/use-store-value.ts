// A value read from a store outside React (the class server's room, a student's seat), read again when the
// store signals. The store builds a fresh object on every read, so the value is kept as the same object while
// it says the same thing: React re-renders only when something changed.
import { useRef, useSyncExternalStore } from 'react';

export function useStoreValue<T>(subscribe: (listener: () => void) => () => void, read: () => T): T {
  const last = useRef<{ key: string; value: T }>(undefined);
  const get = (): T => {
    const value = read();
    const key = JSON.stringify(value) ?? '';
    // A copy, so that a store which changes its object in place still gives React a new one.
    if (last.current?.key !== key) last.current = { key, value: value === undefined ? value : (JSON.parse(key) as T) };
    return last.current.value;
  };
  return useSyncExternalStore(subscribe, get);
}
