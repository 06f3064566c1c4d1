// A section heading drawn as a rule: "── Parties ─────────── posture  trust  pressure". When the title and the
// text at the right do not both fit, the right text gives way first (ending in "…"), then the title.
import { Box, Text } from 'ink';
import { cells, truncate } from '../text.js';
import { useTheme } from '../theme.js';

export interface SectionProps {
  title: string;
  width: number;
  /** Text at the right end of the rule (column headings, a count). */
  right?: string;
}

export function Section({ title, width, right }: SectionProps) {
  const theme = useTheme();
  // "── " title " " ≥1 rule [" " right " ──"]
  const shownTitle = truncate(title, Math.max(1, width - 5));
  const roomRight = width - 3 - cells(shownTitle) - 1 - 1 - 1 - 3;
  const shownRight = right && roomRight >= 4 ? truncate(right, roomRight) : undefined;
  const tail = shownRight ? ` ${shownRight} ──` : '';
  const fill = Math.max(1, width - 3 - cells(shownTitle) - 1 - cells(tail));
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text wrap="truncate">
        <Text color={theme.muted}>── </Text>
        <Text bold>{shownTitle}</Text>
        <Text color={theme.muted}>{` ${'─'.repeat(fill)}${tail}`}</Text>
      </Text>
    </Box>
  );
}
