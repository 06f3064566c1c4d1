// What we know: for each set of talks, what this party knows for sure and what it was only told, with the
// versions of the terms side by side and the issues where they differ marked. Scrolls; ← → jump between talks.
import { useMemo, useState } from 'react';
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
  /** The package whose talks to open at. */
  focus?: number;
  onClose: () => void;
}

export function IntelView({ view, groups, width, rows, focus, onClose }: IntelViewProps) {
  const theme = useTheme();
  const { lines, starts } = useMemo(() => intelLines(groups, view.game, view.self, width, theme), [groups, view.game, view.self, width, theme]);
  const height = Math.max(1, rows - 1);
  const startOf = (id: number) => {
    const at = groups.findIndex((g) => g.proposal === id);
    return at < 0 ? undefined : starts[at];
  };
  const { offset, dispatch } = useScroll(lines.length, height, focus === undefined ? 0 : (startOf(focus) ?? 0));
  // The package number typed so far: "1" then "2" jumps to #1, then to #12 (or to #2 when there is no #12).
  const [typed, setTyped] = useState('');
  const [missing, setMissing] = useState<string>();
  useKeys(
    'intel',
    (action, input) => {
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
      if (action === 'package') {
        const longer = `${typed}${input}`;
        const number = startOf(Number(longer)) !== undefined ? longer : input;
        const to = startOf(Number(number));
        setTyped(to === undefined ? '' : number);
        setMissing(to === undefined ? `no talks about #${longer} that you know of` : undefined);
        if (to !== undefined) dispatch({ type: 'to', offset: to });
      } else setMissing(undefined);
    },
    { priority: PRIORITY.panel },
  );
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title="What we know" width={width} right={missing ?? (scrollHint(offset, height, lines.length) || 'for sure vs what we were told')} />
      <RichWindow lines={lines} offset={offset} height={height} width={width} />
    </Box>
  );
}
