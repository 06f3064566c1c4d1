// A list to choose one item from (an issue, an option, an envoy, a lever, a party, a message): ↑/↓ and Enter,
// Esc to cancel. Disabled items are shown with the reason and cannot be chosen. A label too long for the line
// (a cable with its status at the end, a lever's full name) is wrapped, not cut; its detail goes under it,
// wrapped as well.
import { Box, Text } from 'ink';
import { useKeys, PRIORITY } from '../context/keys.js';
import { fit, wrapIndented } from '../text.js';
import { useList } from '../hooks/use-list.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';
import { cells } from '../text.js';

export interface PickItem {
  label: string;
  /** A second, muted part of the line. */
  detail?: string;
  color?: string | undefined;
  /** Why it cannot be chosen, if it cannot. */
  disabled?: string;
}

export interface PickListProps {
  title: string;
  intro?: string;
  items: PickItem[];
  width: number;
  rows: number;
  onPick: (index: number) => void;
  onCancel: () => void;
}

/** The lines of each item: [label lines, detail] — one line when label and detail fit side by side. */
function itemLines(items: PickItem[], width: number): { label: string[]; detail?: string; under?: string[]; beside: boolean }[] {
  const labelW = Math.max(0, ...items.map((i) => cells(i.label)));
  const detailW = Math.max(0, ...items.map((i) => (i.detail ? cells(i.detail) : 0)));
  // Side by side, aligned, when every label fits next to the longest detail.
  const beside = detailW === 0 || 2 + labelW + 2 + detailW <= width;
  return items.map((item) => {
    if (beside) {
      const label = item.detail ? fit(item.label, labelW) : item.label;
      return cells(label) + 2 <= width || item.detail
        ? { label: [label], ...(item.detail ? { detail: item.detail } : {}), beside: true }
        : { label: wrapIndented(item.label, width - 2, '', '  '), beside: true };
    }
    // Under the label, the detail is wrapped too: what a lever costs is at the end of its line.
    return { label: wrapIndented(item.label, width - 2, '', '  '), ...(item.detail ? { under: wrapIndented(item.detail, width, '    ', '    ') } : {}), beside: false };
  });
}

export function PickList({ title, intro, items, width, rows, onPick, onCancel }: PickListProps) {
  const theme = useTheme();
  const { index, dispatch } = useList(items.length);
  useKeys(
    'pick',
    (action) => {
      if (action === 'up' || action === 'down') dispatch({ type: action });
      if (action === 'back') onCancel();
      if (action === 'select' && items[index] && !items[index].disabled) onPick(index);
    },
    { priority: PRIORITY.panel },
  );
  const listRows = Math.max(1, rows - 1 - (intro ? 2 : 0) - 1);
  const chosen = items[index];
  const lines = itemLines(items, width);
  const height = (k: number) => lines[k]!.label.length + (lines[k]!.under?.length ?? 0);
  // The window: the chosen item, then as many around it as fit (those before it up to half the rows).
  let first = index;
  let last = index;
  let used = items.length > 0 ? height(index) : 0;
  while (first > 0 && used + height(first - 1) <= Math.floor(listRows / 2)) used += height(--first);
  while (last + 1 < items.length && used + height(last + 1) <= listRows) used += height(++last);
  while (first > 0 && used + height(first - 1) <= listRows) used += height(--first);
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title={title} width={width} right={first > 0 || last < items.length - 1 ? `${index + 1} of ${items.length}` : undefined} />
      {intro && (
        <Box height={2} overflow="hidden">
          <Text color={theme.muted}>{intro}</Text>
        </Box>
      )}
      <Box flexDirection="column" height={listRows} overflow="hidden">
        {items.length === 0 && <Text color={theme.muted}>Nothing to choose from. Press Esc.</Text>}
        {items.slice(first, last + 1).map((item, k) => {
          const on = first + k === index;
          const { label, detail, under, beside } = lines[first + k]!;
          return (
            <Box key={first + k} flexDirection="column">
              {label.map((text, j) => (
                <Text key={j} wrap="truncate" bold={on}>
                  <Text color={on ? theme.accent : undefined}>{j === 0 && on ? '▸ ' : '  '}</Text>
                  <Text color={item.disabled ? theme.muted : item.color}>{text}</Text>
                  {beside && detail !== undefined && j === 0 && <Text color={theme.muted}>{`  ${detail}`}</Text>}
                </Text>
              ))}
              {under?.map((text, j) => (
                <Text key={`u${j}`} wrap="truncate" color={theme.muted}>
                  {text}
                </Text>
              ))}
            </Box>
          );
        })}
      </Box>
      <Box height={1}>
        <Text color={theme.bad} wrap="truncate">
          {chosen?.disabled ? `Not possible: ${chosen.disabled}` : ''}
        </Text>
      </Box>
    </Box>
  );
}
