// What the table shows below its header: the overview, or one of the panels an action key opens. A reducer,
// so the keys only name what to open and the table draws whatever state it is in.
import { useReducer } from 'react';
import type { Pick } from '../components/ActionPicker.js';
import type { BuilderSetup } from './use-builder.js';

export type TableMode =
  | { kind: 'main' }
  | { kind: 'builder'; setup: BuilderSetup; serial: number }
  | { kind: 'offers' }
  | { kind: 'pick'; pick: Pick }
  | { kind: 'history' }
  | { kind: 'intel'; focus?: number }
  | ({ kind: 'confirm' } & Confirm);

/** What needs a second keypress: leaving the talks, wrecking a deal, or agreeing across one's own red lines. */
export type Confirm = { what: 'walk-out' | 'refuse' } | { what: 'accept'; proposal: number; crossed: string[] } | { what: 'sign'; crossed: string[] };

export type TableModeEvent =
  | { type: 'main' }
  | { type: 'builder'; setup: BuilderSetup }
  | { type: 'offers' }
  | { type: 'pick'; pick: Pick }
  | { type: 'history' }
  | { type: 'intel'; focus?: number }
  | ({ type: 'confirm' } & Confirm);

export function tableModeReducer(state: TableMode, event: TableModeEvent): TableMode {
  switch (event.type) {
    case 'main':
      return { kind: 'main' };
    case 'builder':
      // A fresh serial remounts the builder with the new setup.
      return { kind: 'builder', setup: event.setup, serial: (state.kind === 'builder' ? state.serial : 0) + 1 };
    case 'offers':
      return { kind: 'offers' };
    case 'pick':
      return { kind: 'pick', pick: event.pick };
    case 'history':
      return { kind: 'history' };
    case 'intel':
      return event.focus === undefined ? { kind: 'intel' } : { kind: 'intel', focus: event.focus };
    case 'confirm': {
      const { type: _type, ...confirm } = event;
      return { kind: 'confirm', ...confirm };
    }
  }
}

export function useTableMode() {
  return useReducer(tableModeReducer, { kind: 'main' } as TableMode);
}
