// The debrief: how the game ended and why, every party's score against its BATNA, your best and worst moves,
// the moments that changed the game, and everyone's hidden preferences. t saves a transcript, q quits.
import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { buildDebrief } from '../../analysis/debrief/build.js';
import { debriefMarkdown } from '../../analysis/debrief/markdown.js';
import type { Debrief as DebriefData } from '../../analysis/debrief/types.js';
import { impactTasks, type MoveImpact } from '../../engine/move-impact.js';
import { KeyBar } from '../components/KeyBar.js';
import { RichWindow, scrollHint } from '../components/RichText.js';
import { Section } from '../components/Section.js';
import { useKeys } from '../context/keys.js';
import { debriefLines } from '../debrief-lines.js';
import { logLineText, safeText } from '../format.js';
import { useScroll } from '../hooks/use-scroll.js';
import { allLines, type GameSession } from '../session.js';
import { useTheme } from '../theme.js';

export interface DebriefProps {
  session: GameSession;
  width: number;
  height: number;
  saveTranscript: (name: string, markdown: string) => string;
}

/** The transcript: the debrief in Markdown, then the whole log. */
export function transcriptMarkdown(session: GameSession, d: DebriefData): string {
  const log = allLines(session).map((l) => `- ${logLineText(l)}`);
  return `${debriefMarkdown(d)}\n\n## The log\n\n${log.join('\n')}\n`;
}

export function Debrief({ session, width, height, saveTranscript }: DebriefProps) {
  const theme = useTheme();
  const [data, setData] = useState<DebriefData>();
  const [rated, setRated] = useState<{ done: number; total: number }>();
  const [notice, setNotice] = useState<{ text: string; bad: boolean }>();
  // Each of the player's moves is rated against waiting, the rest played out by the AI both ways: the slow
  // part, so one move per tick after the first frame, with the count on screen; then the analysis.
  useEffect(() => {
    const { world, log } = session.actor.getSnapshot().context;
    const tasks = impactTasks(session.game, session.seed, log, session.humans);
    const impacts: Record<string, MoveImpact[]> = Object.fromEntries(session.humans.map((h) => [h, []]));
    let next = 0;
    let timer: ReturnType<typeof setTimeout>;
    const work = () => {
      if (next < tasks.length) {
        const task = tasks[next++]!;
        impacts[task.party]!.push(task.rate());
        setRated({ done: next, total: tasks.length });
        timer = setTimeout(work, 0);
        return;
      }
      setData(buildDebrief(session.game, world, log, allLines(session), { humans: session.humans, impacts }));
    };
    timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }, [session]);
  const colourOf = (id: string) => theme.party(session.game.public, id);
  const lines = data ? debriefLines(data, width - 2, theme, colourOf) : [];
  const windowHeight = height - 3;
  const { offset, dispatch } = useScroll(lines.length, windowHeight);
  useKeys('debrief', (action) => {
    if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown') dispatch({ type: action });
    if (action === 'transcript' && data) {
      try {
        const name = `${session.game.scenario.meta.id}-seed-${session.seed}-transcript`;
        setNotice({ text: `Transcript saved to ${saveTranscript(name, transcriptMarkdown(session, data))}`, bad: false });
      } catch (error) {
        setNotice({ text: `Could not save the transcript: ${error instanceof Error ? error.message : String(error)}`, bad: true });
      }
    }
  });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Section title={`Debrief · ${safeText(session.game.public.title)}`} width={width} right={`seed ${session.seed}`} />
      <Box paddingLeft={1} height={windowHeight}>
        {data ? (
          <RichWindow lines={lines} offset={offset} height={windowHeight} width={width - 1} />
        ) : (
          <Text color={theme.muted}>{rated && rated.done < rated.total ? `Rating your moves against waiting: ${rated.done} of ${rated.total}…` : 'Preparing the debrief…'}</Text>
        )}
      </Box>
      <Box height={1}>
        <Text wrap="truncate" color={notice?.bad ? theme.bad : theme.good}>
          {notice ? safeText(notice.text) : <Text color={theme.muted}>{scrollHint(offset, windowHeight, lines.length)}</Text>}
        </Text>
      </Box>
      <KeyBar scope="debrief" width={width} />
    </Box>
  );
}
