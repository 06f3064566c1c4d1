// Lines made of styled pieces, for the long texts (briefing, debrief, help) that are wrapped and scrolled
// by the screen rather than by Ink, so that the screen knows how many lines it has.
import { Box, Text } from 'ink';
import { cells, splitCells } from '../text.js';

export interface Piece {
  text: string;
  color?: string | undefined;
  bold?: boolean;
  dim?: boolean;
}

export type RichLine = Piece[];

export const plainLine = (text: string, style: Omit<Piece, 'text'> = {}): RichLine => [{ text, ...style }];

/** How many cells a styled line takes. */
export const richWidth = (line: RichLine) => line.reduce((n, p) => n + cells(p.text), 0);

/**
 * Word-wraps a styled line to `width` cells, keeping each word's style; the lines after the first start with
 * `indent` (a hanging indent). A word longer than a line is broken. Nothing is ever cut.
 */
export function wrapRich(line: RichLine, width: number, indent = ''): RichLine[] {
  if (richWidth(line) <= width) return [line];
  const indentW = Math.min(cells(indent), Math.max(0, width - 1));
  const pad = ' '.repeat(indentW);
  const out: RichLine[] = [];
  let current: RichLine = [];
  let used = 0;
  const newLine = () => {
    // No trailing spaces at the end of a line that wraps.
    while (current.length > 0 && current[current.length - 1]!.text.trim() === '') current.pop();
    const last = current[current.length - 1];
    if (last) current[current.length - 1] = { ...last, text: last.text.trimEnd() };
    out.push(current);
    current = indentW > 0 ? [{ text: pad }] : [];
    used = indentW;
  };
  const add = (text: string, style: Piece) => {
    const prev = current[current.length - 1];
    if (prev && prev.color === style.color && prev.bold === style.bold && prev.dim === style.dim) current[current.length - 1] = { ...prev, text: prev.text + text };
    else current.push({ ...style, text });
    used += cells(text);
  };
  // Words run across pieces ("Europe" + " ✗ unlikely" with no-break spaces is one word): group the parts of a
  // word, whatever their style, and wrap it whole.
  type Part = { text: string; style: Piece };
  const units: { space: boolean; parts: Part[] }[] = [];
  for (const piece of line) {
    // Ordinary spaces only: a no-break space (U+00A0) holds words together.
    for (const token of piece.text.split(/([ \t]+)/)) {
      if (token === '') continue;
      const space = /^[ \t]+$/.test(token);
      const last = units[units.length - 1];
      if (last && last.space === space && !space) last.parts.push({ text: token, style: piece });
      else units.push({ space, parts: [{ text: token, style: piece }] });
    }
  }
  for (const unit of units) {
    if (unit.space) {
      // Spaces at the start of a wrapped line are dropped; others are kept if they fit.
      const token = unit.parts[0]!;
      if (used > indentW || out.length === 0) add(used + cells(token.text) <= width ? token.text : ' '.repeat(Math.max(0, width - used)), token.style);
      continue;
    }
    const size = unit.parts.reduce((n, p) => n + cells(p.text), 0);
    if (used + size > width && used > indentW) newLine();
    for (const part of unit.parts) {
      let word = part.text;
      while (cells(word) > width - used) {
        const room = width - used;
        if (room <= 0) {
          newLine();
          continue;
        }
        if (room < width && cells(splitCells(word, room)[0]) > room) {
          // Not even one character fits what is left of this line (a wide one): start the next.
          newLine();
          continue;
        }
        const [head, rest] = splitCells(word, room);
        add(head, part.style);
        word = rest;
        newLine();
      }
      if (word) add(word, part.style);
    }
  }
  if (current.some((p) => p.text.trim() !== '')) out.push(current);
  return out;
}

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
