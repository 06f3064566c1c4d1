// A package, one row per issue: the option, what it is worth to you (●●●○○), your red lines (✗) and the
// weight the issue has for you. Your own preferences only; used by the builder, the offers and signing.
import { Box, Text } from 'ink';
import type { Preferences, PublicGame } from '../../model/game.js';
import type { Terms } from '../../model/types.js';
import { fit, percent, safeText } from '../format.js';
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
}

export const valueDots = (v: number) => {
  const n = Math.max(0, Math.min(5, Math.round(v * 5)));
  return '●'.repeat(n) + '○'.repeat(5 - n);
};

export function TermsList({ game, prefs, terms, width, rows, cursor, compareTo }: TermsListProps) {
  const theme = useTheme();
  const n = game.issues.length;
  const first = cursor === undefined ? 0 : Math.max(0, Math.min(cursor - Math.floor(rows / 2), n - rows));
  const issueW = Math.min(30, Math.max(16, Math.floor(width * 0.34)));
  const optionW = Math.max(10, Math.min(46, width - issueW - 14));
  return (
    <Box flexDirection="column" width={width} height={Math.min(rows, n)} overflow="hidden">
      {game.issues.slice(first, first + rows).map((issue, k) => {
        const i = first + k;
        const o = terms[i]!;
        const on = cursor === i;
        const red = prefs.redLine[i]?.[o] === true;
        const changed = compareTo !== undefined && compareTo[i] !== o;
        const label = safeText(issue.options[o]?.label ?? '?');
        const weight = percent(prefs.weights[i] ?? 0).padStart(4);
        return (
          <Text key={issue.id} wrap="truncate" bold={on}>
            <Text color={on ? theme.accent : undefined}>{on ? '▸ ' : changed ? '≠ ' : '  '}</Text>
            {fit(safeText(issue.name), issueW - 5)}
            <Text color={theme.muted}>{`${weight} `}</Text>
            <Text color={on ? theme.accent : changed ? theme.warn : undefined}>{on ? `◂ ${fit(label, optionW)} ▸` : `  ${fit(label, optionW)}  `}</Text>
            <Text color={red ? theme.bad : theme.good}>{` ${valueDots(prefs.values[i]?.[o] ?? 0)}`}</Text>
            <Text color={theme.bad} bold>
              {red ? ' ✗' : '  '}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
