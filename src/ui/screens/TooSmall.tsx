// Shown instead of the game when the terminal is smaller than the game can draw in.
import { Box, Text } from 'ink';
import { useKeys, PRIORITY } from '../context/keys.js';
import { MIN_SIZE } from '../hooks/use-terminal-size.js';

export function tooSmallMessage(columns: number, rows: number): string {
  return `Backchannel needs a terminal of at least ${MIN_SIZE.columns}×${MIN_SIZE.rows} (now ${columns}×${rows}). Enlarge the window.`;
}

export function TooSmall({ columns, rows, onQuit }: { columns: number; rows: number; onQuit: () => void }) {
  // Above everything: no key reaches the hidden screens while the message is up.
  useKeys('too-small', (action) => action === 'quit' && onQuit(), { priority: PRIORITY.gate });
  return (
    <Box flexDirection="column" width={Math.max(1, columns)}>
      <Text>{tooSmallMessage(columns, rows)}</Text>
    </Box>
  );
}
