// A list to choose one item from (an issue, an option, an envoy, a lever, a party, a message): ↑/↓ and Enter,
// Esc to cancel. Disabled items are shown with the reason and cannot be chosen.
import { Box, Text } from 'ink';
import { useKeys, PRIORITY } from '../context/keys.js';
import { fit } from '../format.js';
import { useList } from '../hooks/use-list.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';

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
  const first = Math.max(0, Math.min(index - Math.floor(listRows / 2), items.length - listRows));
  const chosen = items[index];
  const labelW = Math.min(Math.max(0, ...items.map((i) => Array.from(i.label).length)), Math.floor(width * 0.6));
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title={title} width={width} right={items.length > listRows ? `${index + 1} of ${items.length}` : undefined} />
      {intro && (
        <Box height={2} overflow="hidden">
          <Text color={theme.muted}>{intro}</Text>
        </Box>
      )}
      <Box flexDirection="column" height={listRows} overflow="hidden">
        {items.length === 0 && <Text color={theme.muted}>Nothing to choose from. Press Esc.</Text>}
        {items.slice(first, first + listRows).map((item, k) => {
          const on = first + k === index;
          return (
            <Text key={first + k} wrap="truncate" bold={on}>
              <Text color={on ? theme.accent : undefined}>{on ? '▸ ' : '  '}</Text>
              <Text color={item.disabled ? theme.muted : item.color}>{item.detail ? fit(item.label, labelW) : item.label}</Text>
              {item.detail && <Text color={theme.muted}>{`  ${item.detail}`}</Text>}
            </Text>
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
