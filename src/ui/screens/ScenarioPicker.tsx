// Choosing a scenario: each one's title and date in a list, the selected one's summary below.
import { Box, Text } from 'ink';
import type { ScenarioChoice } from '../app-options.js';
import { KeyBar } from '../components/KeyBar.js';
import { Section } from '../components/Section.js';
import { useKeys } from '../context/keys.js';
import { roundDate, safeText } from '../format.js';
import { truncate, wrap } from '../text.js';
import { useList } from '../hooks/use-list.js';
import { useTheme } from '../theme.js';

export interface ScenarioPickerProps {
  scenarios: ScenarioChoice[];
  width: number;
  height: number;
  onPick: (index: number) => void;
  onBack: () => void;
}

export function ScenarioPicker({ scenarios, width, height, onPick, onBack }: ScenarioPickerProps) {
  const theme = useTheme();
  const { index, dispatch } = useList(scenarios.length);
  useKeys('scenarios', (action) => {
    if (action === 'up' || action === 'down') dispatch({ type: action });
    if (action === 'select' && scenarios.length > 0) onPick(index);
    if (action === 'back') onBack();
  });
  const listHeight = Math.min(scenarios.length, Math.max(3, Math.floor((height - 6) / 3)));
  const first = Math.max(0, Math.min(index - Math.floor(listHeight / 2), scenarios.length - listHeight));
  const chosen = scenarios[index];
  const summaryHeight = Math.max(1, height - listHeight - 6);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Section title="Choose a scenario" width={width} right={`${scenarios.length} available`} />
      <Box flexDirection="column" height={listHeight} marginTop={1}>
        {scenarios.length === 0 && <Text color={theme.bad}>No scenarios found.</Text>}
        {scenarios.slice(first, first + listHeight).map((s, k) => {
          const i = first + k;
          const on = i === index;
          const pub = s.game.public;
          const date = roundDate(pub, 1);
          const title = truncate(safeText(pub.title), width - date.length - 8);
          return (
            <Text key={s.path + i} bold={on} color={on ? theme.accent : undefined} wrap="truncate">
              {on ? '▸ ' : '  '}
              {title}
              <Text color={theme.muted} bold={false}>{`  ·  ${date}`}</Text>
            </Text>
          );
        })}
      </Box>
      {chosen && (
        <Box flexDirection="column" marginTop={1} flexGrow={1}>
          <Section title={truncate(safeText(chosen.game.public.title), width - 30)} width={width} right={`${chosen.game.public.rounds} rounds`} />
          <Text color={theme.muted} wrap="truncate">
            {`Starts ${roundDate(chosen.game.public, 1)} · ${chosen.game.public.parties.map((p) => safeText(p.name)).join(', ')}`}
          </Text>
          <Box flexDirection="column" height={summaryHeight} overflow="hidden">
            {wrap(chosen.game.scenario.meta.summary, width - 2)
              .slice(0, summaryHeight)
              .map((line, i) => (
                <Box key={i} height={1}>
                  <Text>{line}</Text>
                </Box>
              ))}
          </Box>
        </Box>
      )}
      <KeyBar scope="scenarios" width={width} />
    </Box>
  );
}
