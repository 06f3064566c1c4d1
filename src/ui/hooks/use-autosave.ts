// Saves the game when a round starts, after every move a person makes (so a killed process loses at most the
// move in progress) and when the game ends. Listens to the actor outside React's render.
import { useEffect, useRef } from 'react';
import type { GameSession } from '../session.js';

export function useAutosave(session: GameSession | undefined, save: () => void): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    if (!session) return undefined;
    const first = session.actor.getSnapshot().context;
    let round = first.world.round;
    let phase = first.world.phase;
    let logged = first.log.length;
    const subscription = session.actor.subscribe((snapshot) => {
      const { world, log } = snapshot.context;
      const human = log.slice(logged).some((e) => 'by' in e.command && session.humans.includes(e.command.by));
      const changed = world.round !== round || (world.phase !== phase && world.phase === 'ended');
      round = world.round;
      phase = world.phase;
      logged = log.length;
      if (human || changed) latest.current();
    });
    return () => subscription.unsubscribe();
  }, [session]);
}
