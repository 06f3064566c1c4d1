// What the table's action keys do: open a panel, send a command, or say why not now. Legality comes from the
// rules (legalCommandTypes); this only routes.
import { useState } from 'react';
import type { Command, CommandType } from '../../model/types.js';
import type { PlayerView } from '../../model/view.js';
import { isMediator } from '../../ai/mediator.js';
import { openOffers } from '../components/OffersPanel.js';
import { partyName, redLinesCrossed } from '../format.js';
import { keyOf, type Action } from '../keymap.js';
import type { BuilderSetup } from './use-builder.js';
import type { TableModeEvent } from './use-table-mode.js';

export interface TableActionsInput {
  view: PlayerView;
  legal: readonly CommandType[];
  send: (command: Command) => void;
  setMode: (event: TableModeEvent) => void;
  builder: (extra?: Partial<BuilderSetup>) => BuilderSetup;
  onDebrief: () => void;
}

/** Why an action cannot be taken now, in words. */
export function whyNot(view: PlayerView, action: Action): string {
  if (view.phase === 'ended') return `The talks are over: press ${keyOf('table', 'debrief')} for the debrief.`;
  if (view.turn !== view.self) {
    if (view.phase === 'ratification' || view.phase === 'implementation') return `Not now: the deal is in ${view.phase}.`;
    return view.turn ? `Not now: it is ${partyName(view.game, view.turn)}'s turn.` : 'Not now.';
  }
  if (view.parties[view.self]?.status === 'walked-out') return `You have walked out: ${keyOf('table', 'walk')} comes back, ${keyOf('table', 'pass')} waits.`;
  switch (action) {
    case 'accept':
      if (isMediator(view)) return 'A mediator signs nothing, so it accepts nothing: table a text everyone can accept (p).';
      return 'Nothing is open for you to answer.';
    case 'reject':
      return 'Nothing is open for you to answer.';
    case 'clarify':
      return 'Nothing you heard second-hand is left to clarify.';
    case 'relay':
      return 'No offer to pass on (or your side does not pass messages on in this scenario).';
    case 'readout':
      return 'No off-the-record talks of yours to give a readout of.';
    case 'lever':
      return 'You have no levers in this scenario.';
    case 'summit':
      return 'No summit is possible this round.';
    case 'envoy':
      return 'You have no envoys in this scenario.';
    default:
      return 'Not possible now.';
  }
}

export function useTableActions({ view, legal, send, setMode, builder, onDebrief }: TableActionsInput) {
  const [notice, setNotice] = useState<string>();
  const self = view.self;
  const can = (type: CommandType) => legal.includes(type);
  const onAction = (action: Action) => {
    setNotice(undefined);
    const no = () => setNotice(whyNot(view, action));
    switch (action) {
      case 'propose':
        return can('propose') ? setMode({ type: 'builder', setup: builder() }) : no();
      case 'accept':
      case 'reject':
        return can(action) && openOffers(view).length > 0 ? setMode({ type: 'offers' }) : no();
      case 'statement':
        return can('statement') ? setMode({ type: 'pick', pick: { what: 'statement-issue' } }) : no();
      case 'envoy': {
        const envoys = view.game.parties.find((p) => p.id === self)?.envoys ?? [];
        const allowed = builder().channels?.includes('envoy') ?? true;
        return can('propose') && envoys.length > 0 && allowed ? setMode({ type: 'pick', pick: { what: 'envoy' } }) : no();
      }
      case 'clarify':
        return can('clarify') ? setMode({ type: 'pick', pick: { what: 'clarify' } }) : no();
      case 'relay':
        return can('relay') ? setMode({ type: 'pick', pick: { what: 'relay' } }) : no();
      case 'readout':
        return can('readout') ? setMode({ type: 'pick', pick: { what: 'readout' } }) : no();
      case 'lever':
        return can('lever') ? setMode({ type: 'pick', pick: { what: 'lever' } }) : no();
      case 'summit':
        return can('summit') ? setMode({ type: 'pick', pick: { what: 'summit' } }) : no();
      case 'walk':
        if (can('return')) return send({ type: 'return', by: self });
        return can('walk-out') ? setMode({ type: 'confirm', what: 'walk-out' }) : no();
      case 'pass':
        return can('pass') ? send({ type: 'pass', by: self }) : no();
      case 'sign': {
        if (!can('sign')) return no();
        const crossed = view.agreement ? redLinesCrossed(view.game, view.preferences, view.agreement.terms) : [];
        return crossed.length > 0 ? setMode({ type: 'confirm', what: 'sign', crossed }) : send({ type: 'sign', by: self });
      }
      case 'refuse':
        return can('refuse') ? setMode({ type: 'confirm', what: 'refuse' }) : no();
      case 'history':
        return setMode({ type: 'history' });
      case 'intel':
        return setMode({ type: 'intel' });
      case 'debrief':
        return view.phase === 'ended' ? onDebrief() : undefined;
      default:
        return undefined;
    }
  };
  return { notice, onAction, clearNotice: () => setNotice(undefined) };
}
