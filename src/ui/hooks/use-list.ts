// A selection in a list: the cursor moves with up/down and wraps around (or stops at the ends, for menus where
// wrapping would land on something like Quit); toggles mark several items.
import { useReducer } from 'react';

export interface ListState {
  index: number;
  marked: readonly number[];
}

export type ListEvent = { type: 'up' } | { type: 'down' } | { type: 'toggle' } | { type: 'set'; index: number };

export function listReducer(count: number, wrap = true) {
  return (state: ListState, event: ListEvent): ListState => {
    if (count === 0) return state;
    switch (event.type) {
      case 'up':
        return { ...state, index: wrap ? (state.index - 1 + count) % count : Math.max(0, state.index - 1) };
      case 'down':
        return { ...state, index: wrap ? (state.index + 1) % count : Math.min(count - 1, state.index + 1) };
      case 'set':
        return { ...state, index: Math.max(0, Math.min(count - 1, event.index)) };
      case 'toggle':
        return {
          ...state,
          marked: state.marked.includes(state.index) ? state.marked.filter((i) => i !== state.index) : [...state.marked, state.index].sort((a, b) => a - b),
        };
    }
  };
}

export function useList(count: number, initial = 0, options: { wrap?: boolean } = {}) {
  const [state, dispatch] = useReducer(listReducer(count, options.wrap ?? true), { index: Math.min(initial, Math.max(0, count - 1)), marked: [] });
  // The list may shrink under the cursor (an offer expires): keep the index inside it.
  const index = count === 0 ? 0 : Math.min(state.index, count - 1);
  return { index, marked: state.marked, dispatch };
}
