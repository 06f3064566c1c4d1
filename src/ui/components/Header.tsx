// The table's two header lines: the scenario, the date, the round and the phase, whose side this screen shows;
// then the next deadline and whether the guns are silent.
import { Box, Text } from 'ink';
import type { PlayerView } from '../../model/view.js';
import { partyName, roundDate, roundLabel, safeText, upcomingDeadline } from '../format.js';
import { truncate } from '../text.js';
import { useTheme } from '../theme.js';

export function Header({ view, width }: { view: PlayerView; width: number }) {
  const theme = useTheme();
  const game = view.game;
  const you = `You: ${partyName(game, view.self)}`;
  // Implementation can run past the last round of talks: then "Implementation, round 11", never "Round 11/10".
  const brand = width >= 90;
  // The title gives way first: the date, the round and the phase are what this line is for.
  const when = `${roundDate(game, view.round)} · ${roundLabel(game, view.round, view.phase)}`;
  const room = width - you.length - (brand ? 18 : 4);
  const title = truncate(safeText(game.title), Math.max(6, room - when.length - 3));
  const left = `${title} · ${when}`;
  // In peacetime talks there is no war to stop: the line says so rather than speak of a ceasefire.
  const ceasefire = game.setting === 'peace' && view.ceasefire ? 'Peacetime talks' : view.ceasefire ? 'Ceasefire holds' : 'No ceasefire';
  const deadline = upcomingDeadline(game, view.round);
  const line2 =
    view.phase === 'ended'
      ? `The talks are over: ${view.outcome?.kind === 'deal' ? 'a deal' : 'no deal'}.`
      : view.phase === 'ratification'
        ? 'Signed: the agreement has gone home for ratification.'
        : view.phase === 'implementation'
          ? 'Ratified: the agreement is being carried out.'
          : deadline
            ? `⏱ ${deadline.today ? 'Today' : 'Next'}: ${deadline.text}`
            : '⏱ No deadlines left';
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width} height={1}>
        <Box flexGrow={1} overflow="hidden">
          <Text bold wrap="truncate">
            {brand && <Text color={theme.accent}>{'BACKCHANNEL · '}</Text>}
            {truncate(left, width - you.length - (brand ? 18 : 4))}
          </Text>
        </Box>
        <Text bold color={theme.party(game, view.self)} inverse={theme.color}>{` ${you} `}</Text>
      </Box>
      <Box width={width} height={1}>
        <Box flexGrow={1} overflow="hidden">
          <Text wrap="truncate">{truncate(line2, width - ceasefire.length - 3)}</Text>
        </Box>
        <Text color={view.ceasefire ? theme.good : theme.bad}>{` ${view.ceasefire ? '☮' : '✹'} ${ceasefire}`}</Text>
      </Box>
    </Box>
  );
}
