// The screens of a game in progress: briefings, the hot-seat pass screen, the table and the debrief. Drives the
// automatic moves while the table is on screen and hands the keyboard over between people.
import { useEffect } from 'react';
import type { LiveSeat } from '../app-options.js';
import { useSelector } from '@xstate/react';
import { afterBriefing, handover, type Screen } from '../flow.js';
import { useAutoAdvance } from '../hooks/use-auto-advance.js';
import { roomWord, useLiveStatus } from '../hooks/use-live-status.js';
import type { GameSession } from '../session.js';
import { Briefing } from './Briefing.js';
import { Debrief } from './Debrief.js';
import { PassKeyboard } from './PassKeyboard.js';
import { Table } from './Table.js';

export interface GameScreensProps {
  session: GameSession;
  screen: Screen;
  setScreen: (screen: Screen) => void;
  width: number;
  height: number;
  /** No automatic moves while an overlay is up or the terminal is too small. */
  paused: boolean;
  aiDelayMs: number;
  saveTranscript: (name: string, markdown: string) => string;
  /** A seat at a live table: the table makes the automatic moves and opens the talks. */
  live?: LiveSeat | undefined;
}

export function GameScreens({ session, screen, setScreen, width, height, paused, aiDelayMs, saveTranscript, live }: GameScreensProps) {
  const { actor, game } = session;
  const world = useSelector(actor, (s) => s.context.world);
  const liveStatus = useLiveStatus(live);
  useAutoAdvance(actor, session.humans, { paused: paused || screen.name !== 'table' || live !== undefined, delayMs: aiDelayMs });
  // Hot-seat: when another person must act, hide this one's view behind the pass screen.
  useEffect(() => {
    const next = handover(session, screen, world);
    if (next) setScreen(next);
  }, [session, screen, world, setScreen]);

  switch (screen.name) {
    case 'briefing':
      return (
        <Briefing
          key={screen.party}
          game={game}
          party={screen.party}
          batna={world.parties[screen.party]!.batna}
          width={width}
          height={height}
          notice={liveStatus && roomWord(liveStatus)}
          onDone={() => {
            if (live) {
              live.readBriefing();
              setScreen({ name: 'table', viewer: screen.party });
              return;
            }
            const next = afterBriefing(session, screen.party);
            if (next.open && actor.getSnapshot().context.world.phase === 'briefing') actor.send({ type: 'COMMAND', command: { type: 'begin' } });
            setScreen(next.screen);
          }}
        />
      );
    case 'pass':
      return (
        <PassKeyboard
          key={screen.party}
          game={game.public}
          party={screen.party}
          next={screen.next}
          width={width}
          height={height}
          onContinue={() => setScreen(screen.next === 'briefing' ? { name: 'briefing', party: screen.party } : { name: 'table', viewer: screen.party })}
        />
      );
    case 'table':
      return (
        <Table
          key={screen.viewer}
          session={session}
          viewer={screen.viewer}
          width={width}
          height={height}
          onDebrief={() => setScreen({ name: 'debrief', viewer: screen.viewer })}
          live={live}
        />
      );
    case 'debrief':
      return <Debrief session={session} width={width} height={height} saveTranscript={saveTranscript} />;
    default:
      return null;
  }
}
