// Text measured as the terminal shows it: a CJK character or an emoji takes two cells.
import { describe, expect, it } from 'vitest';
import { wrapRich, richWidth } from '../../src/ui/components/RichText.js';
import { cells, fit, padCells, splitCells, truncate, wrap, wrapIndented } from '../../src/ui/text.js';

describe('text in terminal cells', () => {
  it('measures wide characters as two cells and combining marks as none', () => {
    expect(cells('Kyiv')).toBe(4);
    expect(cells('基辅')).toBe(4);
    expect(cells('🇺🇦')).toBe(2);
    expect(cells('e\u0301')).toBe(1);
  });

  it('cuts and pads by cells, never leaving a line wider than asked', () => {
    expect(truncate('Запоріжжя і Херсон', 10)).toBe('Запоріжжя…');
    expect(truncate('基辅与莫斯科的谈判', 7)).toBe('基辅与…');
    expect(cells(truncate('基辅与莫斯科的谈判', 7))).toBeLessThanOrEqual(7);
    expect(truncate('short', 10)).toBe('short');
    expect(fit('基辅', 6)).toBe('基辅  ');
    expect(cells(fit('基辅与莫斯科', 5))).toBe(5);
    expect(padCells('🇺🇦', 4)).toBe('🇺🇦  ');
  });

  it('wraps wide text so that no line is wider than the width, with a hanging indent', () => {
    const lines = wrap('基辅 与 莫斯科 的 谈判 在 阿拉斯加 继续 进行', 8);
    expect(lines.every((l) => cells(l) <= 8)).toBe(true);
    expect(lines.join(' ').replace(/ /g, '')).toBe('基辅与莫斯科的谈判在阿拉斯加继续进行');
    const indented = wrapIndented('the talks go on in Anchorage while the front moves', 20, '  • ');
    expect(indented[0]!.startsWith('  • ')).toBe(true);
    expect(indented.slice(1).every((l) => l.startsWith('    '))).toBe(true);
    expect(indented.every((l) => cells(l) <= 20)).toBe(true);
    expect(wrap('aaa bbb ccc', 7, 3)).toEqual(['aaa bbb', 'ccc']);
  });

  it('breaks a wide word by cells, in plain and in styled lines', () => {
    expect(splitCells('基辅与莫斯科', 5)).toEqual(['基辅', '与莫斯科']);
    const rich = wrapRich([{ text: '谈判' }, { text: '基辅与莫斯科的谈判在阿拉斯加', bold: true }], 9);
    expect(rich.every((l) => richWidth(l) <= 9)).toBe(true);
  });
});
