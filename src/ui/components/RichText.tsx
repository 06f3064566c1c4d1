// Lines made of styled pieces, for the long texts (briefing, debrief, help) that are wrapped and scrolled
// by the screen rather than by Ink, so that the screen knows how many lines it has.
import { Box, Text } from 'ink';

export interface Piece {
  text: string;
  color?: string | undefined;
  bold?: boolean;
  dim?: boolean;
}

export type RichLine = Piece[];

export const plainLine = (text: string, style: Omit<Piece, 'text'> = {}): RichLine => [{ text, ...style }];

export function RichLineView({ line }: { line: RichLine }) {
  if (line.every((p) => p.text.trim() === '')) return <Box height={1} />;
  return (
    <Text wrap="truncate">
      {line.map((p, i) => (
        <Text key={i} color={p.color} bold={p.bold} dimColor={p.dim}>
          {p.text}
        </Text>
      ))}
    </Text>
  );
}

/** A window of `height` lines from `lines`, starting at `offset`. */
export function RichWindow({ lines, offset, height, width }: { lines: RichLine[]; offset: number; height: number; width: number }) {
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {lines.slice(offset, offset + height).map((line, i) => (
        <RichLineView key={offset + i} line={line} />
      ))}
    </Box>
  );
}

/** Where a scrolled text stands, for a heading or a footer: "▼ 16 more lines", "▲ more above", "". */
export function scrollHint(offset: number, height: number, total: number): string {
  const below = total - offset - height;
  if (below > 0) return `▼ ${below} more line${below === 1 ? '' : 's'} (↓ PgDn)`;
  if (offset > 0) return '▲ more above (↑ PgUp)';
  return '';
}
