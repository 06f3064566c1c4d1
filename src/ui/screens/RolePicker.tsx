// Choosing a side: one party, or several (Space) for hot-seat play at one keyboard. Only playable parties.
import { Box, Text } from 'ink';
import type { PublicGame } from '../../model/game.js';
import type { PartyId } from '../../model/types.js';
import { KeyBar } from '../components/KeyBar.js';
import { Section } from '../components/Section.js';
import { useKeys } from '../context/keys.js';
import { safeText } from '../format.js';
import { padCells, truncate, wrap } from '../text.js';
import { useList } from '../hooks/use-list.js';
import { useTheme } from '../theme.js';

export interface RolePickerProps {
  game: PublicGame;
  width: number;
  height: number;
  onStart: (humans: PartyId[]) => void;
  onBack: () => void;
}

export function RolePicker({ game, width, height, onStart, onBack }: RolePickerProps) {
  const theme = useTheme();
  const parties = game.parties.filter((p) => p.playable);
  const { index, marked, dispatch } = useList(parties.length);
  useKeys('roles', (action) => {
    if (action === 'up' || action === 'down' || action === 'toggle') dispatch({ type: action });
    if (action === 'back') onBack();
    if (action === 'select' && parties.length > 0) {
      const chosen = marked.length > 0 ? marked.map((i) => parties[i]!.id) : [parties[index]!.id];
      // Turn order, whatever order they were ticked in.
      onStart(game.parties.map((p) => p.id).filter((id) => chosen.includes(id)));
    }
  });
  const names = marked.map((i) => safeText(parties[i]!.name));
  const status =
    names.length === 0
      ? `You will play ${safeText(parties[index]?.name ?? '')}. Space adds parties for hot-seat play.`
      : names.length === 1
        ? `You will play ${names[0]}.`
        : `Hot-seat: ${names.join(', ')} at one keyboard, each seeing only their own side.`;
  const others = (id: PartyId) => game.issues.filter((i) => i.signatories.includes(id)).length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Section title={`${truncate(safeText(game.title), width - 30)}: choose your side`} width={width} />
      <Box flexDirection="column" marginTop={1} flexGrow={1}>
        {parties.map((p, i) => {
          const on = i === index;
          const ticked = marked.includes(i);
          const color = theme.party(game, p.id);
          return (
            <Box key={p.id} flexDirection="column">
              <Text bold={on} wrap="truncate">
                {on ? '▸ ' : '  '}
                {ticked ? '[x] ' : '[ ] '}
                <Text color={color} bold>
                  {padCells(safeText(p.name), 16)}
                </Text>
                {safeText(p.leader)}
              </Text>
              <Text color={theme.muted} wrap="truncate">
                {`        ${p.role === 'mediator' ? 'the mediator: signs nothing, scored on what the parties gain' : `signs ${others(p.id)} of ${game.issues.length} issues`}${p.envoys.length ? ` · envoys: ${p.envoys.map((e) => safeText(e.name)).join(', ')}` : ''}`}
              </Text>
            </Box>
          );
        })}
        {game.parties.length > parties.length && (
          <Text color={theme.muted}>{`  Played by the computer only: ${game.parties
            .filter((p) => !p.playable)
            .map((p) => safeText(p.name))
            .join(', ')}`}</Text>
        )}
      </Box>
      {wrap(status, width).map((line, i) => (
        <Text key={i} color={theme.accent}>
          {line}
        </Text>
      ))}
      <KeyBar scope="roles" width={width} />
    </Box>
  );
}
