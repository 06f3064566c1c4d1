// What may reach the terminal from the full-screen UI: colours and cursor moves, never an OSC (clipboard,
// window title, hyperlink), a device control string or an 8-bit control — whatever the text's origin.
import { describe, expect, it } from 'vitest';
import { guardTerminal, stripUnsafe } from '../../src/ui/terminal-guard.js';

const ESC = '\u001b';

describe('the terminal guard', () => {
  it('drops OSC, DCS and APC strings and C1 controls, and keeps colours and cursor moves', () => {
    const colour = `${ESC}[1;31mRussia${ESC}[39;22m`;
    const cursor = `${ESC}[2K${ESC}[1A${ESC}[G`;
    expect(stripUnsafe(`${colour}${ESC}]52;c;ZXZpbA==\u0007${cursor}`)).toBe(`${colour}${cursor}`);
    expect(stripUnsafe(`title ${ESC}]0;owned${ESC}\\ kept`)).toBe('title  kept');
    expect(stripUnsafe(`${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\`)).toBe('link');
    expect(stripUnsafe(`a${ESC}P1$r0m${ESC}\\b${ESC}_apc${ESC}\\c`)).toBe('abc');
    expect(stripUnsafe('x\u009b31my\u0090z')).toBe('x31myz');
    expect(stripUnsafe(`unterminated ${ESC}]0;title and the rest`)).toBe('unterminated ');
    expect(stripUnsafe('Київ, 基辅 and 🇺🇦')).toBe('Київ, 基辅 and 🇺🇦');
  });

  it('wraps a stream: strings written are cleaned, everything else is the stream', () => {
    const written: unknown[] = [];
    const stream = {
      columns: 100,
      rows: 30,
      isTTY: true,
      write: (chunk: unknown) => (written.push(chunk), true),
      on() {
        return this;
      },
    } as unknown as NodeJS.WriteStream;
    const guarded = guardTerminal(stream);
    guarded.write(`ok${ESC}]52;c;x\u0007`);
    const bytes = Buffer.from('raw');
    guarded.write(bytes);
    expect(written).toEqual(['ok', bytes]);
    expect(guarded.columns).toBe(100);
    expect(guarded.isTTY).toBe(true);
  });
});
