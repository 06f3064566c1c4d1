// A package, one row per issue: the option, what it is worth to you (●●●○○), your red lines (✗) and the
// weight the issue has for you. Your own preferences only; used by the builder, the offers and signing. When
// the rows allow it, a long issue name or option label is wrapped in its column; otherwise it ends in "…".
import { Box, Text } from 'ink';
import type { Preferences, PublicGame } from '../../model/game.js';
import type { Terms } from '../../model/types.js';
import { onRedLine, percent, safeText } from '../format.js';
import { fit, wrapCells } from '../text.js';
import { useTheme } from '../theme.js';

export interface TermsListProps {
  game: PublicGame;
  prefs: Preferences;
  terms: Terms;
  width: number;
  rows: number;
  /** The issue under the cursor (the builder). */
  cursor?: number;
  /** Mark the rows that differ from these terms (e.g. what you heard vs what is signed). */
  compareTo?: Terms;
  /** Without a cursor: the first issue shown, when they do not all fit (scrolled with PgUp/PgDn). */
  offset?: number;
}

export const valueDots = (v: number) => {
  const n = Math.max(0, Math.min(5, Math.round(v * 5)));
  return '●'.repeat(n) + '○'.repeat(5 - n);
};

/**
 * How the list lays out at `width` in at most `rows` lines: the columns, and whether names and labels are
 * wrapped (every issue shown, and the wrapped lines fit) or cut. `height` is the lines it takes.
 */
export function termsLayout(game: PublicGame, terms: Terms, width: number, rows: number) {
  const n = game.issues.length;
  const issueW = Math.min(30, Math.max(16, Math.floor(width * 0.34)));
  const optionW = Math.max(10, Math.min(46, width - issueW - 14));
  const nameW = issueW - 5;
  const cells = game.issues.map((issue, i) => wrapCells([safeText(issue.name), safeText(issue.options[terms[i]!]?.label ?? '?')], [nameW, optionW]));
  const total = cells.reduce((sum, c) => sum + c.length, 0);
  const wrapped = total > n && total <= rows;
  return { issueW, optionW, nameW, cells, wrapped, height: wrapped ? total : Math.min(rows, n) };
}

export function TermsList({ game, prefs, terms, width, rows, cursor, compareTo, offset = 0 }: TermsListProps) {
  const theme = useTheme();
  const n = game.issues.length;
  const { optionW, nameW, cells, wrapped, height } = termsLayout(game, terms, width, rows);
  const { first, shown, above, below } = wrapped ? { first: 0, shown: n, above: 0, below: 0 } : termsWindow(n, rows, cursor, offset);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {above > 0 && (
        <Text color={theme.muted} wrap="truncate">
          {`  ▲ ${above} more above`}
        </Text>
      )}
      {game.issues.slice(first, first + shown).map((issue, k) => {
        const i = first + k;
        const o = terms[i]!;
        const on = cursor === i;
        const red = onRedLine(prefs, terms, i);
        const changed = compareTo !== undefined && compareTo[i] !== o;
        const lines = wrapped ? cells[i]! : [[fit(safeText(issue.name), nameW), fit(safeText(issue.options[o]?.label ?? '?'), optionW)]];
        const weight = percent(prefs.weights[i] ?? 0).padStart(4);
        return (
          <Box key={issue.id} flexDirection="column">
            {lines.map(([name, label], j) => (
              <Text key={j} wrap="truncate" bold={on}>
                <Text color={on ? theme.accent : undefined}>{j > 0 ? '  ' : on ? '▸ ' : changed ? '≠ ' : '  '}</Text>
                {name}
                <Text color={theme.muted}>{j === 0 ? `${weight} ` : '     '}</Text>
                <Text color={on ? theme.accent : changed ? theme.warn : undefined}>{on && j === 0 ? `◂ ${label} ▸` : `  ${label}  `}</Text>
                {j === 0 && <Text color={red ? theme.bad : theme.good}>{` ${valueDots(prefs.values[i]?.[o] ?? 0)}`}</Text>}
                {j === 0 && (
                  <Text color={theme.bad} bold>
                    {red ? ' ✗' : '  '}
                  </Text>
                )}
              </Text>
            ))}
          </Box>
        );
      })}
      {below > 0 && (
        <Text color={theme.muted} wrap="truncate">
          {`  ▼ ${below} more below${cursor === undefined ? '' : ' (↓)'}`}
        </Text>
      )}
    </Box>
  );
}

/**
 * Which issues show when not all fit in `rows`: a window around the cursor (or from `offset`), with a line
 * saying how many more there are above and below it, so none is hidden without a word.
 */
export function termsWindow(n: number, rows: number, cursor: number | undefined, offset: number): { first: number; shown: number; above: number; below: number } {
  if (n <= rows) return { first: 0, shown: n, above: 0, below: 0 };
  const place = (size: number) => Math.max(0, Math.min(cursor === undefined ? offset : cursor - Math.floor(size / 2), n - size));
  let size = Math.max(1, rows - 1);
  let first = place(size);
  if (first > 0 && first + size < n) {
    size = Math.max(1, rows - 2);
    first = place(size);
  }
  return { first, shown: size, above: first, below: n - first - size };
}
