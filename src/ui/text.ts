// Text laid out as the terminal shows it: widths in cells (a CJK character or an emoji takes two, a combining
// mark none), lines cut with "…", word-wrapped with a hanging indent, padded into columns. Measured by
// string-width, wrapped by wrap-ansi, cut by cli-truncate — never by counting code points.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { cleanText } from '../scenario/clean-text.js';

/**
 * A bounded memo: every frame measures and wraps the same texts again (a screen redraws on each key, for every
 * player the class server draws), and measuring a grapheme at a time is the costliest part of a frame.
 */
function memo<T>(limit: number): { get: (key: string, make: () => T) => T } {
  let entries = new Map<string, T>();
  return {
    get(key, make) {
      let value = entries.get(key);
      if (value === undefined) {
        // Forget everything at the limit: the texts on screen now are measured again at once.
        if (entries.size >= limit) entries = new Map();
        value = make();
        entries.set(key, value);
      }
      return value;
    },
  };
}

const widths = memo<number>(20_000);
const wraps = memo<readonly string[]>(5_000);

/** How many terminal cells `text` takes. */
export const cells = (text: string): number => (text.length < 256 ? widths.get(text, () => stringWidth(text)) : stringWidth(text));

/** Pads `text` with spaces to `width` cells (never cuts). */
export const padCells = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - cells(text)));

/** Pads `text` on the left to `width` cells (never cuts). */
export const padCellsStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - cells(text))) + text;

/** Cuts a line to `width` cells, ending it with "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (cells(text) <= width) return text;
  const cut = cliTruncate(text, width, { position: 'end' });
  return `${cut.slice(0, -1).trimEnd()}…`;
}

/** Pads (or cuts) a line to exactly `width` cells. */
export function fit(text: string, width: number): string {
  return padCells(truncate(text, width), width);
}

/**
 * Word-wraps text to `width` cells; blank lines in the text separate paragraphs and are kept. With `restWidth`,
 * every line after the first is wrapped to that width instead (for a hanging indent: see `wrapIndented`). A word
 * longer than its line is broken.
 */
export function wrap(text: string, width: number, restWidth: number = width): string[] {
  return [...wraps.get(`${width}\u0000${restWidth}\u0000${text}`, () => wrapUncached(text, width, restWidth))];
}

function wrapUncached(text: string, width: number, restWidth: number): string[] {
  const first = Math.max(1, width);
  const rest = Math.max(1, restWidth);
  const out: string[] = [];
  for (const [k, raw] of cleanText(text).split('\n').entries()) {
    // Every line break in the text starts a paragraph: a blank line sets it off.
    if (k > 0) out.push('');
    const paragraph = raw.split(/\s+/).filter(Boolean).join(' ');
    if (paragraph === '') {
      out.push('');
      continue;
    }
    const w = out.length === 0 ? first : rest;
    const lines = wrapAnsi(paragraph, w, { hard: true, trim: true }).split('\n');
    if (w === rest || lines.length === 1) {
      out.push(...lines);
      continue;
    }
    // The first line at the first width, the remainder re-wrapped at the other.
    const head = lines[0]!;
    out.push(head, ...wrapAnsi(paragraph.slice(head.length).trimStart(), rest, { hard: true, trim: true }).split('\n'));
  }
  // Collapse runs of blank lines (YAML folded text leaves doubles) and drop trailing ones.
  const collapsed = out.filter((line, i) => line !== '' || (i > 0 && out[i - 1] !== ''));
  while (collapsed.length > 0 && collapsed[collapsed.length - 1] === '') collapsed.pop();
  return collapsed;
}

/**
 * Word-wraps text so that each line, with its prefix, fits `width` cells: the first line starts with `first`,
 * the others with `rest` (a hanging indent). Nothing is ever cut.
 */
export function wrapIndented(text: string, width: number, first = '', rest = ' '.repeat(cells(first))): string[] {
  // No leading blank line: the first line wrapped is the one that gets `first`.
  return wrap(text.replace(/^\s+/, ''), width - cells(first), width - cells(rest)).map((line, i) => `${i === 0 ? first : rest}${line}`);
}

/**
 * Table cells side by side, each word-wrapped to its column's width: as many lines as the longest cell needs,
 * every cell padded to its width. Nothing is cut (a word longer than its column is broken).
 */
export function wrapCells(texts: readonly string[], widths: readonly number[]): string[][] {
  const columns = texts.map((text, k) => (text.trim() === '' ? [''] : wrap(text, widths[k]!)));
  const height = Math.max(1, ...columns.map((c) => c.length));
  return Array.from({ length: height }, (_, row) => columns.map((c, k) => fit(c[row] ?? '', widths[k]!)));
}

/** Splits `text` into the longest head that fits `width` cells and the rest (at least one character when nothing fits). */
export function splitCells(text: string, width: number): [head: string, rest: string] {
  const chars = Array.from(text);
  let used = 0;
  let k = 0;
  while (k < chars.length) {
    const w = cells(chars[k]!);
    if (used + w > width) break;
    used += w;
    k++;
  }
  if (k === 0 && chars.length > 0) k = 1;
  return [chars.slice(0, k).join(''), chars.slice(k).join('')];
}
