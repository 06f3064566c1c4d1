// The confidential briefing of one party: its situation in the scenario's words, then its goals, red lines and
// BATNA in plain words, its means (envoys, levers), who must ratify at home, and the deadlines.
import { Box, Text } from 'ink';
import type { Game } from '../../model/game.js';
import type { PartyId } from '../../model/types.js';
import { KeyBar } from '../components/KeyBar.js';
import { StatusLine, type Status } from '../components/StatusLine.js';
import { RichWindow, plainLine, scrollHint, wrapRich, type RichLine } from '../components/RichText.js';
import { Section } from '../components/Section.js';
import { useKeys } from '../context/keys.js';
import { keyOf } from '../keymap.js';
import { batnaWords, goalLines, partyName, redLineLines, roundDate, safeText, MEDIATOR_ROLE } from '../format.js';
import { wrapIndented } from '../text.js';
import { useScroll } from '../hooks/use-scroll.js';
import { useTheme, type Theme } from '../theme.js';

export interface BriefingProps {
  game: Game;
  party: PartyId;
  /** The party's BATNA now (its reservation value at the start of a game). */
  batna: number;
  width: number;
  height: number;
  onDone: () => void;
  /** At a live table: the room's word while the student reads (the teacher's message, a pause, the end). */
  notice?: Status | undefined;
}

export function briefingLines(game: Game, party: PartyId, batna: number, width: number, theme: Theme): RichLine[] {
  const pub = game.public;
  const me = game.party[party]!;
  const prefs = game.prefs[party]!;
  const lines: RichLine[] = [];
  const heading = (text: string) => {
    lines.push([]);
    lines.push(plainLine(text, { bold: true, color: theme.accent }));
  };
  const para = (text: string, prefix = '') => {
    for (const line of wrapIndented(text, width, prefix)) lines.push(plainLine(line));
  };
  lines.push(
    ...wrapRich(
      [
        { text: 'CONFIDENTIAL · ', bold: true, color: theme.bad },
        { text: `${safeText(me.name)}`, bold: true, color: theme.party(pub, party) },
        { text: ` · ${safeText(me.leader)} · ${safeText(pub.title)}` },
      ],
      width,
      '  ',
    ),
  );
  lines.push([]);
  para(me.briefing);
  if (me.role === 'mediator') {
    heading('You are the mediator');
    for (const line of MEDIATOR_ROLE) para(line, '  ');
    para(`Your score is the parties' average gain: ${batnaWords(prefs, batna, pub.setting)}`, '  ');
  } else {
    heading('What you want most (its share of all you care about)');
    for (const goal of goalLines(pub, prefs)) para(goal, '  • ');
    heading('Your red lines: you will never sign');
    const reds = redLineLines(pub, prefs);
    if (reds.length === 0) para('You have no formal red lines: everything is negotiable, at a price.', '  ');
    for (const red of reds) para(red, '  ✗ ');
    heading('If the talks fail (your BATNA)');
    para(batnaWords(prefs, batna, pub.setting), '  ');
  }
  heading('Your means');
  if (me.envoys.length > 0) {
    para(`Envoys: ${me.envoys.map((e) => safeText(e.name)).join(', ')}. They carry a package off the record to one party — and may garble it.`, '  • ');
  }
  for (const lever of me.levers) para(`Lever: ${safeText(lever.label)} (presses ${partyName(pub, lever.target)}).`, '  • ');
  para('Public statements commit you in front of everyone: believable, but costly to take back.', '  • ');
  if (me.domestic.vetoPlayers.length > 0) {
    heading('Who must approve a deal at home');
    for (const v of me.domestic.vetoPlayers) para(safeText(v.name), '  • ');
  }
  heading('Calendar');
  para(
    `The talks run ${pub.rounds} round${pub.rounds === 1 ? '' : 's'} of ${pub.roundDays === 1 ? 'a day' : `${pub.roundDays} days`}, from ${roundDate(pub, 1)} to ${roundDate(pub, pub.rounds)}. No deal signed by then means no deal.`,
    '  ',
  );
  for (const d of [...pub.deadlines].sort((a, b) => a.round - b.round)) para(`Round ${d.round} (${roundDate(pub, d.round)}): ${safeText(d.label)}`, '  ⏱ ');
  return lines;
}

export function Briefing({ game, party, batna, width, height, onDone, notice }: BriefingProps) {
  const theme = useTheme();
  const lines = briefingLines(game, party, batna, width - 2, theme);
  const windowHeight = height - (notice ? 4 : 3);
  const { offset, dispatch } = useScroll(lines.length, windowHeight);
  useKeys('briefing', (action) => {
    if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown') dispatch({ type: action });
    if (action === 'select') onDone();
  });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Section title={`Briefing for ${partyName(game.public, party)}`} width={width} right="read it, then press Enter" />
      <Box paddingLeft={1} flexGrow={1}>
        <RichWindow lines={lines} offset={offset} height={windowHeight} width={width - 1} />
      </Box>
      {notice && <StatusLine status={notice} width={width} />}
      <Text wrap="truncate">
        <Text color={theme.accent} bold>{`Press ${keyOf('briefing', 'select')} to go to the table.`}</Text>
        <Text color={theme.muted}>{`  ${scrollHint(offset, windowHeight, lines.length)}`}</Text>
      </Text>
      <KeyBar scope="briefing" width={width} />
    </Box>
  );
}
