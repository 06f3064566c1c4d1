// What we know: for each set of talks, what this party knows for sure and what it was only told, with the
// versions of the terms side by side and the issues where they differ marked. Scrolls; ← → jump between talks.
import { useMemo } from 'react';
import { Box } from 'ink';
import type { PlayerView } from '../../model/view.js';
import { useKeys, PRIORITY } from '../context/keys.js';
import { useScroll } from '../hooks/use-scroll.js';
import type { TalksGroup } from '../intel.js';
import { intelLines } from '../intel-lines.js';
import { useTheme } from '../theme.js';
import { RichWindow, scrollHint } from './RichText.js';
import { Section } from './Section.js';

export interface IntelViewProps {
  view: PlayerView;
  groups: readonly TalksGroup[];
  width: number;
  rows: number;
  onClose: () => void;
}

export function IntelView({ view, groups, width, rows, onClose }: IntelViewProps) {
  const theme = useTheme();
  const { lines, starts } = useMemo(() => intelLines(groups, view.game, view.self, width, theme), [groups, view.game, view.self, width, theme]);
  const height = Math.max(1, rows - 1);
  const { offset, dispatch } = useScroll(lines.length, height);
  useKeys(
    'intel',
    (action) => {
      if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown') dispatch({ type: action });
      if (action === 'right') {
        const next = starts.find((s) => s > offset);
        if (next !== undefined) dispatch({ type: 'to', offset: next });
      }
      if (action === 'left') {
        const previous = starts.filter((s) => s < offset).at(-1);
        dispatch(previous === undefined ? { type: 'top' } : { type: 'to', offset: previous });
      }
      if (action === 'back') onClose();
    },
    { priority: PRIORITY.panel },
  );
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title="What we know" width={width} right={scrollHint(offset, height, lines.length) || 'for sure vs what we were told'} />
      <RichWindow lines={lines} offset={offset} height={height} width={width} />
    </Box>
  );
}
