// The table's two header lines: the scenario, the date, the round and the phase, whose side this screen shows;
// then the next deadline and whether the guns are silent.
import { Box, Text } from 'ink';
import type { PlayerView } from '../../model/view.js';
import { nextDeadline, partyName, phaseLabel, roundDate, safeText, truncate } from '../format.js';
import { useTheme } from '../theme.js';

export function Header({ view, width }: { view: PlayerView; width: number }) {
  const theme = useTheme();
  const game = view.game;
  const you = `You: ${partyName(game, view.self)}`;
  // Implementation can run past the last round of talks.
  const round = view.round <= game.rounds ? `Round ${view.round}/${game.rounds}` : `Round ${view.round}`;
  const left = `${safeText(game.title)} · ${roundDate(game, view.round)} · ${round} · ${phaseLabel(view.phase)}`;
  const brand = width >= 90;
  const ceasefire = view.ceasefire ? 'Ceasefire holds' : 'No ceasefire';
  const deadline = nextDeadline(game, view.round);
  const line2 =
    view.phase === 'ended'
      ? `The talks are over: ${view.outcome?.kind === 'deal' ? 'a deal' : 'no deal'}.`
      : view.phase === 'ratification'
        ? 'Signed: the agreement has gone home for ratification.'
        : view.phase === 'implementation'
          ? 'Ratified: the agreement is being carried out.'
          : deadline
            ? `⏱ Next: ${deadline}`
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
