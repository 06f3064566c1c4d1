// The game's name in block letters, three lines high, 54 cells wide.
import { Box, Text } from 'ink';

const LETTERS: Record<string, [string, string, string]> = {
  B: ['█▀▀▄', '█▀▀▄', '▀▀▀ '],
  A: ['▄▀▀▄', '█▀▀█', '▀  ▀'],
  C: ['▄▀▀▀', '█   ', ' ▀▀▀'],
  K: ['█ ▄▀', '█▀▄ ', '▀  ▀'],
  H: ['█  █', '█▀▀█', '▀  ▀'],
  N: ['█▄ █', '█ ▀█', '▀  ▀'],
  E: ['█▀▀▀', '█▀▀ ', '▀▀▀▀'],
  L: ['█   ', '█   ', '▀▀▀▀'],
};

export function bannerLines(word: string): string[] {
  return [0, 1, 2].map((row) =>
    Array.from(word)
      .map((c) => LETTERS[c]?.[row] ?? '    ')
      .join(' '),
  );
}

export function Banner({ color }: { color?: string | undefined }) {
  return (
    <Box flexDirection="column">
      {bannerLines('BACKCHANNEL').map((line, i) => (
        <Text key={i} color={color} bold>
          {line}
        </Text>
      ))}
    </Box>
  );
}
