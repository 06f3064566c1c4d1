// A small bar for a value in [0, 1]: "███░░", coloured when colours are on.
import { Text } from 'ink';
import { bar } from '../format.js';

export function Meter({ value, width, color }: { value: number; width: number; color?: string | undefined }) {
  const cells = bar(value, width);
  const filled = cells.replace(/░/g, '');
  return (
    <Text>
      <Text color={color}>{filled}</Text>
      <Text dimColor={color !== undefined}>{cells.slice(filled.length)}</Text>
    </Text>
  );
}
