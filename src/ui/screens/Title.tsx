// The title screen: the name, what the game is, and a three-item menu.
import { Box, Text } from 'ink';
import { Banner } from '../components/Banner.js';
import { KeyBar } from '../components/KeyBar.js';
import { useKeys } from '../context/keys.js';
import { useList } from '../hooks/use-list.js';
import { useTheme } from '../theme.js';

export type TitleChoice = 'new' | 'help' | 'quit';

const MENU: { id: TitleChoice; label: string; hint: string }[] = [
  { id: 'new', label: 'New game', hint: 'pick a scenario and a side' },
  { id: 'help', label: 'Help', hint: 'how to play, and the keys' },
  { id: 'quit', label: 'Quit', hint: '' },
];

export const TAGLINE = 'Diplomacy by cable, envoy and summit — while the war goes on.';

export function Title({ width, height, onChoose }: { width: number; height: number; onChoose: (choice: TitleChoice) => void }) {
  const theme = useTheme();
  // No wrapping: ↑ on "New game" must not land on "Quit".
  const { index, dispatch } = useList(MENU.length, 0, { wrap: false });
  useKeys('title', (action) => {
    if (action === 'up' || action === 'down') dispatch({ type: action });
    if (action === 'select') onChoose(MENU[index]!.id);
  });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexDirection="column" flexGrow={1} alignItems="center" justifyContent="center">
        <Banner color={theme.accent} />
        <Box marginTop={1}>
          <Text italic>{TAGLINE}</Text>
        </Box>
        <Box marginTop={1} flexDirection="column" width={Math.min(width - 4, 64)}>
          <Text color={theme.muted}>
            Bargain over Donetsk, Kherson, Zaporizhzhia, guarantees and sanctions with rivals who bluff, leak and walk out. What your envoy heard may not be what was said.
          </Text>
        </Box>
        <Box marginTop={1} flexDirection="column">
          {MENU.map((item, i) => {
            const on = i === index;
            return (
              <Text key={item.id} bold={on} color={on ? theme.accent : undefined}>
                {on ? '▸ ' : '  '}
                {item.label.padEnd(10)}
                <Text color={theme.muted} bold={false}>
                  {item.hint}
                </Text>
              </Text>
            );
          })}
        </Box>
      </Box>
      <KeyBar scope="title" width={width} />
    </Box>
  );
}
