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
  | { kind: 'intel' }
  | { kind: 'confirm'; what: 'walk-out' | 'refuse' };

export type TableModeEvent =
  | { type: 'main' }
  | { type: 'builder'; setup: BuilderSetup }
  | { type: 'offers' }
  | { type: 'pick'; pick: Pick }
  | { type: 'history' }
  | { type: 'intel' }
  | { type: 'confirm'; what: 'walk-out' | 'refuse' };

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
      return { kind: 'intel' };
    case 'confirm':
      return { kind: 'confirm', what: event.what };
  }
}

export function useTableMode() {
  return useReducer(tableModeReducer, { kind: 'main' } as TableMode);
}
