// A yes/no question that takes over the keyboard: quitting, walking out.
import { Box, Text } from 'ink';
import { useKeys, PRIORITY } from '../context/keys.js';
import { useTheme } from '../theme.js';
import { KeyBar } from './KeyBar.js';

export interface ConfirmOverlayProps {
  title: string;
  lines: string[];
  width: number;
  height: number;
  onYes: () => void;
  onNo: () => void;
  /** Text in the warning colour under the question (e.g. why saving failed). */
  problem?: string;
  /** Draw the key bar (off when the screen around it has its own). */
  keyBar?: boolean;
}

export function ConfirmOverlay({ title, lines, width, height, onYes, onNo, problem, keyBar = true }: ConfirmOverlayProps) {
  const theme = useTheme();
  useKeys(
    'confirm',
    (action) => {
      if (action === 'yes') onYes();
      if (action === 'no') onNo();
    },
    { priority: PRIORITY.overlay },
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexDirection="column" flexGrow={1} alignItems="center" justifyContent="center">
        <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={2} paddingY={1} width={Math.min(width, 64)}>
          <Text bold>{title}</Text>
          {lines.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
          {problem && <Text color={theme.bad}>{problem}</Text>}
          <Box marginTop={1}>
            <Text>
              <Text bold color={theme.accent}>
                y
              </Text>
              {' yes   '}
              <Text bold color={theme.accent}>
                n
              </Text>
              {' no'}
            </Text>
          </Box>
        </Box>
      </Box>
      {keyBar && <KeyBar scope="confirm" width={width} />}
    </Box>
  );
}
