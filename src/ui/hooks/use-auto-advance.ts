// Plays the moves nobody at the keyboard makes — AI turns, time during ratification and implementation — one
// at a time from a timer, so the player sees each and the keyboard is never blocked. Never in render.
import { useEffect } from 'react';
import { useSelector } from '@xstate/react';
import type { SessionActor } from '../../engine/session-machine.js';
import type { Game } from '../../model/game.js';
import type { PartyId, World } from '../../model/types.js';
import { currentActor } from '../../model/view.js';

/** Whether the next move is an automatic one (cheap: it does not ask the AI). */
export function automaticMovePending(game: Game, world: World, humans: readonly PartyId[]): boolean {
  switch (world.phase) {
    case 'ended':
      return false;
    case 'briefing':
      return humans.length === 0;
    case 'ratification':
    case 'implementation':
      return true;
    default: {
      const actor = currentActor(world, game);
      return actor !== undefined && !humans.includes(actor);
    }
  }
}

export interface AutoAdvanceOptions {
  paused: boolean;
  /** Pause between AI moves, in ms. */
  delayMs: number;
  /** Pause between steps of ratification and implementation (a round each), in ms. */
  slowDelayMs?: number;
}

export function useAutoAdvance(actor: SessionActor, humans: readonly PartyId[], options: AutoAdvanceOptions): void {
  // The move counter when an automatic move is due, -1 otherwise: a new value schedules the next move.
  const due = useSelector(actor, (s) => {
    const { game, world } = s.context;
    if (!automaticMovePending(game, world, humans)) return '';
    return `${world.moves}:${world.phase}`;
  });
  const { paused, delayMs, slowDelayMs = delayMs * 2 } = options;
  useEffect(() => {
    if (paused || due === '') return undefined;
    const slow = due.endsWith(':ratification') || due.endsWith(':implementation');
    const timer = setTimeout(() => actor.send({ type: 'ADVANCE', max: 1 }), slow ? slowDelayMs : delayMs);
    return () => clearTimeout(timer);
  }, [actor, due, paused, delayMs, slowDelayMs]);
}
