// The class report as the teacher's dashboard draws it: Markdown read for the terminal, not shown as marks.
import { describe, expect, it } from 'vitest';
import { markdownLines } from '../../src/ui/markdown-lines.js';
import { cells } from '../../src/ui/text.js';

const report = [
  '# Class report: Alaska, 2025',
  '',
  "Scenario `alaska-2025`. Scores run from −100 to +100 against each party's BATNA at the start.",
  '',
  '## Finished games',
  '',
  '| student | table | seat | outcome | score | AI | difference | |',
  '|---|---|---|---|---:|---:|---:|---|',
  '| Ana \\| Lima | table-1 | ukraine | deal (signed and ratified in round 14) | +12.0 | +3.5 | +8.5 | |',
  '| Ben | table-1 | russia | deal (signed and ratified in round 14) | −4.0 | +10.0 | −14.0 | **not authentic: edited outside the game** |',
  '',
  '## Each student: the moves that mattered, and what they heard',
  '',
  '- **Ana | Lima** (table-1, Ukraine): best move R3 proposed the ceasefire line (+4.2); worst R9 accepted #12 (−2.0); heard everything as it was said.',
];

describe('the class report on the dashboard', () => {
  it('draws headings bold, tables in aligned columns that fit, and list items under their bullet, without the marks', () => {
    for (const width of [80, 100]) {
      const lines = markdownLines(report, width);
      const text = lines.map((l) => l.text);
      for (const l of text) expect(cells(l)).toBeLessThanOrEqual(width);
      expect(lines[0]).toEqual({ text: 'Class report: Alaska, 2025', bold: true, heading: true });
      expect(text.join('\n')).not.toMatch(/\*\*|`|^#|\|---|\\\|/m);
      expect(text.some((l) => l.startsWith('Scenario alaska-2025. Scores run from −100 to +100'))).toBe(true);
      const header = lines.find((l) => l.text.startsWith('student'))!;
      expect(header.bold).toBe(true);
      const ana = text.find((l) => l.startsWith('Ana | Lima'))!;
      const ben = text.find((l) => l.startsWith('Ben '))!;
      // Right-aligned numbers end in the same column; the escaped pipe is a pipe again.
      expect(ana.indexOf('+8.5') + 4).toBe(ben.indexOf('−14.0') + 5);
      expect(ben).toMatch(/not authen[a-z :]*…$/);
      const bullet = text.findIndex((l) => l.startsWith('• Ana | Lima (table-1, Ukraine): best move R3'));
      expect(bullet).toBeGreaterThan(0);
      expect(text[bullet + 1]).toMatch(/^ {2}\S/);
    }
  });
});
