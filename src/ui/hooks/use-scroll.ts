// Scrolling a tall text in a window of `height` lines.
import { useReducer } from 'react';

export type ScrollEvent = { type: 'up' } | { type: 'down' } | { type: 'pageUp' } | { type: 'pageDown' } | { type: 'top' } | { type: 'bottom' } | { type: 'to'; offset: number };

export function scrollBy(offset: number, event: ScrollEvent, total: number, height: number): number {
  const max = Math.max(0, total - height);
  const page = Math.max(1, height - 1);
  const next =
    event.type === 'up'
      ? offset - 1
      : event.type === 'down'
        ? offset + 1
        : event.type === 'pageUp'
          ? offset - page
          : event.type === 'pageDown'
            ? offset + page
            : event.type === 'top'
              ? 0
              : event.type === 'to'
                ? event.offset
                : max;
  return Math.max(0, Math.min(max, next));
}

/** `initial`: the top, the bottom, or a line to open at. */
export function useScroll(total: number, height: number, initial: 'top' | 'bottom' | number = 'top') {
  const start = initial === 'top' ? 0 : initial === 'bottom' ? Math.max(0, total - height) : initial;
  const [offset, dispatch] = useReducer((state: number, event: ScrollEvent) => scrollBy(state, event, total, height), start);
  // The text or the window may change size: keep the offset valid.
  const clamped = Math.max(0, Math.min(offset, Math.max(0, total - height)));
  return { offset: clamped, dispatch };
}
