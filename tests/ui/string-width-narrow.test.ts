// The bundle measures text through src/ui/string-width-narrow.ts (an alias for string-width): it must give what
// string-width gives, for every character it measures itself and for any text it passes on.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import narrowStringWidth, { NARROW_RANGES } from '../../src/ui/string-width-narrow.js';

describe('string-width for the bundle', () => {
  it('measures by length only characters string-width gives one cell each', () => {
    const wide: string[] = [];
    for (const [from, to] of NARROW_RANGES) for (let c = from; c <= to; c++) if (stringWidth(String.fromCodePoint(c)) !== 1) wide.push(c.toString(16));
    expect(wide).toEqual([]);
  });

  it('agrees with string-width on the screens’ text, coloured or not, and on everything else', () => {
    const texts = [
      '',
      'Alaska, 2025  ·  1 Aug 2025',
      '↑↓ move  Enter choose  Esc back  ? help  q quit',
      '── Parties ──── posture ──────',
      '\u001b[36m\u001b[1m▸ New game\u001b[22m\u001b[39m   pick a scenario',
      '★ United States ✓ ✗ ⏱ ☮',
      '日本語のテキスト',
      'emoji 👍🏽 and 👨‍👩‍👧',
      'e\u0301 combining, soft\u00adhyphen, zero\u200bwidth',
      '\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007',
      'tab\there',
      '\u009b31mC1 code',
    ];
    for (const text of texts) {
      expect(narrowStringWidth(text)).toBe(stringWidth(text));
      expect(narrowStringWidth(text, { ambiguousIsNarrow: false })).toBe(stringWidth(text, { ambiguousIsNarrow: false }));
      expect(narrowStringWidth(text, { countAnsiEscapeCodes: true })).toBe(stringWidth(text, { countAnsiEscapeCodes: true }));
    }
  });
});
