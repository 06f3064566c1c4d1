// What happened around the talks: events, the front, postures, broken commitments, exposed distortions,
// signing and ratification — the log lines you may see, newest first. (Moves, and proposals leaving the table,
// are in their own panels.)
import { Box, Text } from 'ink';
import type { LogLine } from '../../model/types.js';
import { logLineText } from '../format.js';
import { useTheme, type Theme } from '../theme.js';
import { Section } from './Section.js';

export function lineColor(line: LogLine, theme: Theme): string | undefined {
  switch (line.kind) {
    case 'commitment':
    case 'exposure':
    case 'walk-out':
      return theme.bad;
    case 'event':
      return theme.warn;
    case 'outcome':
    case 'signing':
      return theme.good;
    default:
      return undefined;
  }
}

export function NewsPanel({ lines, width, rows }: { lines: readonly LogLine[]; width: number; rows: number }) {
  const theme = useTheme();
  // Newest first, from the end of the log: only as many as fit.
  const news: LogLine[] = [];
  for (let k = lines.length - 1; k >= 0 && news.length < rows; k--) if (lines[k]!.kind !== 'action' && lines[k]!.kind !== 'closed') news.push(lines[k]!);
  return (
    <Box flexDirection="column" width={width}>
      <Section title="News" width={width} right="h: full log" />
      <Box flexDirection="column" height={rows} overflow="hidden">
        {news.length === 0 && <Text color={theme.muted}>Nothing yet.</Text>}
        {news.slice(0, rows).map((line, i) => (
          <Text key={i} wrap="truncate" color={lineColor(line, theme)}>
            {logLineText(line)}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
