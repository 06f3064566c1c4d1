// The keys of the current scope, in one line, from the keymap: what is shown is what works.
import { Box, Text } from 'ink';
import { barItems, type Action, type Scope } from '../keymap.js';
import { useTheme } from '../theme.js';

export interface KeyBarProps {
  scope: Scope;
  width: number;
  /** Show only these actions (e.g. the legal ones); help and quit are always shown. */
  only?: ReadonlySet<Action>;
}

export function KeyBar({ scope, width, only }: KeyBarProps) {
  const theme = useTheme();
  const keep = only ? new Set<Action>([...only, 'help', 'quit']) : undefined;
  const items = barItems(scope, keep);
  // Drop items from the middle until the line fits, keeping help and quit at the end.
  const tailCount = items.filter((i) => i.word === 'help' || i.word === 'quit').length;
  const size = (xs: typeof items) => xs.reduce((n, i) => n + Array.from(i.keys).length + 1 + i.word.length + 2, 0);
  const shown = [...items];
  while (shown.length > tailCount && size(shown) > width) shown.splice(shown.length - tailCount - 1, 1);
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text wrap="truncate">
        {shown.map((item, i) => (
          <Text key={i}>
            <Text bold color={theme.accent}>
              {item.keys}
            </Text>
            <Text>{` ${item.word}${i < shown.length - 1 ? '  ' : ''}`}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
