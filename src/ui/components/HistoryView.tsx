// The full log of what you have seen, oldest first, opening at the newest lines.
import { Box } from 'ink';
import type { LogLine } from '../../model/types.js';
import { useKeys, PRIORITY } from '../context/keys.js';
import { logLineText } from '../format.js';
import { wrapIndented } from '../text.js';
import { useScroll } from '../hooks/use-scroll.js';
import { useTheme } from '../theme.js';
import { lineColor } from './NewsPanel.js';
import { RichWindow, scrollHint, type RichLine } from './RichText.js';
import { Section } from './Section.js';

export function HistoryView({ lines, width, rows, onClose }: { lines: readonly LogLine[]; width: number; rows: number; onClose: () => void }) {
  const theme = useTheme();
  // A hanging indent under the round: every continuation line, indent included, fits the width — nothing is cut.
  const rich: RichLine[] = lines.flatMap((line) => wrapIndented(logLineText(line), width, '', '   ').map((text) => [{ text, color: lineColor(line, theme) }]));
  const height = rows - 1;
  const { offset, dispatch } = useScroll(rich.length, height, 'bottom');
  useKeys(
    'history',
    (action) => {
      if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown') dispatch({ type: action });
      if (action === 'back') onClose();
    },
    { priority: PRIORITY.panel },
  );
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title="Log" width={width} right={scrollHint(offset, height, rich.length) || `${lines.length} entries`} />
      <RichWindow lines={rich} offset={offset} height={height} width={width} />
    </Box>
  );
}
