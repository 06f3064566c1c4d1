// string-width as the bundle has it: src/cli/bundle.mjs points every import of 'string-width' here (Ink's, the
// wrapping and cutting packages', ours). Text made only of characters that take one cell by string-width's own
// rules — what the screens are drawn with: ASCII and Latin-1, punctuation, arrows, box drawing, blocks and
// shapes — is measured by its length once its colour codes are removed; everything else goes to string-width
// itself. Its first look at non-ASCII text builds a grapheme segmenter and an emoji regex: about 40 ms of the
// first frame, profiled. tests/ui/string-width-narrow.test.ts checks every such character against string-width.
// By path: the alias catches the bare name, and this is the one place that must reach the real package.
import stringWidth from '../../node_modules/string-width/index.js';

/** Code point ranges string-width gives one cell each (with ambiguous characters narrow, its default). */
export const NARROW_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xac], // Latin-1, without the soft hyphen (no cell at all)
  [0xae, 0xff],
  [0x2010, 0x2027], // dashes, quotes, bullets, the ellipsis
  [0x2030, 0x205e],
  [0x2190, 0x21ff], // arrows
  [0x2500, 0x25f7], // box drawing, blocks, geometric shapes (before the ones drawn as emoji)
];

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const NARROW = new RegExp(`^[${NARROW_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]*$`);

/** The colour and style codes the screens are drawn with (CSI … m and the like); anything else is left to string-width. */
// eslint-disable-next-line no-control-regex -- matching the terminal's escape codes is the point
const CSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

export default function narrowStringWidth(input: string, options: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean } = {}): number {
  if (typeof input !== 'string' || options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes === true) return stringWidth(input, options);
  const plain = input.includes('\u001B') ? input.replace(CSI, '') : input;
  return NARROW.test(plain) ? plain.length : stringWidth(input, options);
}
