// Hot-seat: between two people's turns, a blank screen that names who takes the keyboard next. Nothing of the
// previous player's side is drawn (their screen is unmounted), so nothing private is left on the screen.
import { Box, Text } from 'ink';
import type { PublicGame } from '../../model/game.js';
import type { PartyId } from '../../model/types.js';
import { KeyBar } from '../components/KeyBar.js';
import { useKeys } from '../context/keys.js';
import { partyName } from '../format.js';
import { keyOf } from '../keymap.js';
import { useTheme } from '../theme.js';

export interface PassKeyboardProps {
  game: PublicGame;
  party: PartyId;
  /** What comes next, for the line under the name. */
  next: 'briefing' | 'table';
  width: number;
  height: number;
  onContinue: () => void;
}

export function PassKeyboard({ game, party, next, width, height, onContinue }: PassKeyboardProps) {
  const theme = useTheme();
  useKeys('pass', (action) => {
    if (action === 'select') onContinue();
  });
  const name = partyName(game, party);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexDirection="column" flexGrow={1} alignItems="center" justifyContent="center">
        <Text bold>
          {'Pass the keyboard to '}
          <Text color={theme.party(game, party)} bold>
            {name}
          </Text>
        </Text>
        <Box marginTop={1}>
          <Text color={theme.muted}>{next === 'briefing' ? `${name}'s confidential briefing comes next. Others, look away.` : `It is ${name}'s move. Others, look away.`}</Text>
        </Box>
        <Box marginTop={1}>
          <Text color={theme.accent} bold>{`Press ${keyOf('pass', 'select')} when you are ${name}.`}</Text>
        </Box>
      </Box>
      <KeyBar scope="pass" width={width} />
    </Box>
  );
}
