// The Markdown the game writes (the class report) drawn for the terminal: headings stand out, pipe tables are
// laid out in aligned columns that fit the width, list items wrap under their bullet, and the marks themselves
// (**, `, escapes) are not shown. Only the small subset the game writes is read; anything else is wrapped text.
import { cells, padCells, padCellsStart, truncate, wrap, wrapIndented } from './text.js';

export interface MarkdownLine {
  text: string;
  /** A heading, or a table's header row. */
  bold?: boolean;
  /** A heading (drawn in the accent colour). */
  heading?: boolean;
}

/** Inline marks removed and the escapes the writer made undone. */
function plain(text: string): string {
  return text
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\\|/g, '|')
    .replace(/&lt;/g, '<');
}

/** A table row's cells: split on the pipes that are not escaped. */
function rowCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => plain(c.trim()));
}

const isRule = (cells: readonly string[]) => cells.length > 0 && cells.every((c) => /^:?-{3,}:?$/.test(c));

function table(rows: string[], width: number): MarkdownLine[] {
  const parsed = rows.map(rowCells);
  const ruleAt = parsed.findIndex(isRule);
  const right = ruleAt >= 0 ? parsed[ruleAt]!.map((c) => c.endsWith(':')) : [];
  const body = parsed.filter((_, i) => i !== ruleAt);
  const columns = Math.max(...body.map((r) => r.length));
  // A column left empty in every row (a header with no name and no entries) takes no room.
  const used = Array.from({ length: columns }, (_, c) => body.some((r) => (r[c] ?? '') !== ''));
  const widths = Array.from({ length: columns }, (_, c) => (used[c] ? Math.max(...body.map((r) => cells(r[c] ?? ''))) : 0));
  const gap = 2;
  const shown = used.filter(Boolean).length;
  // Too wide: the widest column gives up a cell at a time (its entries are cut with "…"), down to 6 cells.
  for (;;) {
    const total = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, shown - 1);
    if (total <= width) break;
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 6) break;
    widths[widest] = widths[widest]! - 1;
  }
  return body.map((r, i) => {
    const parts: string[] = [];
    for (let c = 0; c < columns; c++) {
      if (!used[c]) continue;
      const cell = truncate(r[c] ?? '', widths[c]!);
      parts.push(right[c] ? padCellsStart(cell, widths[c]!) : padCells(cell, widths[c]!));
    }
    const line: MarkdownLine = { text: truncate(parts.join(' '.repeat(gap)).trimEnd(), width) };
    if (i === 0 && ruleAt === 1) line.bold = true;
    return line;
  });
}

/** The lines of a Markdown text (given as its lines), laid out for `width` cells. */
export function markdownLines(source: readonly string[], width: number): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  for (let i = 0; i < source.length; i++) {
    const line = source[i]!;
    if (line.trim() === '') {
      out.push({ text: '' });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      for (const text of wrap(plain(heading[2]!), width)) out.push({ text, bold: true, heading: true });
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      const rows: string[] = [];
      while (i < source.length && source[i]!.trimStart().startsWith('|')) rows.push(source[i++]!);
      i--;
      out.push(...table(rows, width));
      continue;
    }
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (item) {
      for (const text of wrapIndented(plain(item[2]!), width, `${item[1]}• `)) out.push({ text });
      continue;
    }
    for (const text of wrap(plain(line), width)) out.push({ text });
  }
  return out;
}
