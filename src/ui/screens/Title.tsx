// The title screen: the name, what the game is, and a three-item menu.
import { Box, Text } from 'ink';
import { Banner } from '../components/Banner.js';
import { KeyBar } from '../components/KeyBar.js';
import { useKeys } from '../context/keys.js';
import { useList } from '../hooks/use-list.js';
import { useTheme } from '../theme.js';
import type { ClassOffer } from '../app-options.js';
import { safeText } from '../format.js';
import { truncate } from '../text.js';

export type TitleChoice = 'class' | 'new' | 'help' | 'quit';

const MENU: { id: TitleChoice; label: string; hint: string }[] = [
  { id: 'new', label: 'New game', hint: 'pick a scenario and a side' },
  { id: 'help', label: 'Help', hint: 'how to play, and the keys' },
  { id: 'quit', label: 'Quit', hint: '' },
];

/** The menu: with a class folder where the game was started, joining it comes first. */
export function titleMenu(classOffer?: ClassOffer): { id: TitleChoice; label: string; hint: string }[] {
  return classOffer ? [{ id: 'class', label: 'Join class', hint: `${classOffer.title} (${classOffer.folder})` }, ...MENU] : MENU;
}

export const TAGLINE = 'Diplomacy by cable, envoy and summit — while the war goes on.';

export function Title({ width, height, onChoose, classOffer }: { width: number; height: number; onChoose: (choice: TitleChoice) => void; classOffer?: ClassOffer }) {
  const theme = useTheme();
  const menu = titleMenu(classOffer);
  // No wrapping: ↑ on the first item must not land on "Quit".
  const { index, dispatch } = useList(menu.length, 0, { wrap: false });
  useKeys('title', (action) => {
    if (action === 'up' || action === 'down') dispatch({ type: action });
    if (action === 'select') onChoose(menu[index]!.id);
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
          {menu.map((item, i) => {
            const on = i === index;
            return (
              <Text key={item.id} bold={on} color={on ? theme.accent : undefined}>
                {on ? '▸ ' : '  '}
                {item.label.padEnd(11)}
                <Text color={theme.muted} bold={false}>
                  {safeText(truncate(item.hint, Math.max(10, width - 20)))}
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
