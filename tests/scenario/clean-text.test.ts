import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/scenario/clean-text.js';

describe('cleanText', () => {
  it('leaves ordinary text alone, newlines and non-Latin letters included', () => {
    const s = 'Запоріжжя — “Kherson” 50%\nsecond line ✓';
    expect(cleanText(s)).toBe(s);
  });

  it.each([
    ['a CSI colour sequence', 'red \x1b[31mALERT\x1b[0m!', 'red ALERT!'],
    ['a C1 CSI sequence', 'clear\x9b2Jscreen', 'clearscreen'],
    ['an OSC title ended by BEL', 'a\x1b]0;pwned\x07b', 'ab'],
    ['an OSC hyperlink ended by ST', '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['a DCS string', 'x\x1bPq#0;2;0;0;0\x1b\\y', 'xy'],
    ['a two-byte escape (reset)', 'a\x1bcb', 'ab'],
    ['an escape with an intermediate byte', 'a\x1b(Bb', 'ab'],
    ['a lone ESC at the end', 'abc\x1b', 'abc'],
    ['C0 controls', 'a\x00b\x07c\x08d\x0be\x0cf\x7fg', 'abcdefg'],
    ['C1 controls', 'a\x85b\x9fc', 'abc'],
    ['tabs (to spaces) and carriage returns (dropped)', 'a\tb\r\nc\rd', 'a b\ncd'],
    ['bidi overrides and isolates', 'abc\u202edcba\u202c \u2066x\u2069 \u202ay\u202b', 'abcdcba x y'],
  ])('removes %s', (_what, input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('leaves nothing a terminal would act on, whatever the input', () => {
    let s = '';
    for (let c = 0; c < 0x100; c++) s += `${String.fromCharCode(c)}x`;
    s += '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(cleanText(s)).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });
});
