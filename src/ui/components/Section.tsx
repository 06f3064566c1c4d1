// A section heading drawn as a rule: "── Parties ─────────── posture  trust  pressure".
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

export interface SectionProps {
  title: string;
  width: number;
  /** Text at the right end of the rule (column headings, a count). */
  right?: string;
}

export function Section({ title, width, right }: SectionProps) {
  const theme = useTheme();
  const head = `── ${title} `;
  const tail = right ? ` ${right} ──` : '';
  const fill = Math.max(1, width - Array.from(head).length - Array.from(tail).length);
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text wrap="truncate">
        <Text color={theme.muted}>── </Text>
        <Text bold>{title}</Text>
        <Text color={theme.muted}>{` ${'─'.repeat(fill)}${tail}`}</Text>
      </Text>
    </Box>
  );
}
