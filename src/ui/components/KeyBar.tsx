// The keys of the current scope, in one line, from the keymap: what is shown is what works. When they do not
// all fit, the last ones give way and the help key says "? more keys": the help lists every key of the scope.
import { Box, Text } from 'ink';
import { barEntries, type Action, type Scope } from '../keymap.js';
import { useTheme } from '../theme.js';
import { cells } from '../text.js';

export interface KeyBarProps {
  scope: Scope;
  width: number;
  /** Show only these actions (e.g. the legal ones); help and quit are always shown. */
  only?: ReadonlySet<Action>;
  /** Words that say what a key does now, in place of the keymap's (walk out → "come back"). */
  words?: Partial<Record<Action, string>>;
}

type Item = { action: Action; keys: string; word: string };

/** The items of the key bar that fit `width`, with "more keys" on the help key when some had to go. */
export function keyBarItems(scope: Scope, width: number, only?: ReadonlySet<Action>, words?: Partial<Record<Action, string>>): Item[] {
  const keep = only ? new Set<Action>([...only, 'help', 'quit']) : undefined;
  const items = barEntries(scope, keep).map((i) => ({ ...i, word: words?.[i.action] ?? i.word }));
  const tail = (i: Item) => i.action === 'help' || i.action === 'quit';
  const size = (xs: Item[]) => xs.reduce((n, i) => n + cells(i.keys) + 1 + cells(i.word) + 2, 0) - 2;
  if (size(items) <= width) return items;
  // Something must go: the help key points to the rest.
  const shown = items.map((i) => (i.action === 'help' ? { ...i, word: 'more keys' } : i));
  while (size(shown) > width) {
    const drop = shown.map(tail).lastIndexOf(false);
    if (drop < 0) break;
    shown.splice(drop, 1);
  }
  return shown;
}

export function KeyBar({ scope, width, only, words }: KeyBarProps) {
  const theme = useTheme();
  const shown = keyBarItems(scope, width, only, words);
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
