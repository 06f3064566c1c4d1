// Every party at the table: its posture (as the scenario labels it), how much it trusts you, and the pressure
// it is under — all public in the view. Your own row is marked.
import { Box, Text } from 'ink';
import type { PlayerView } from '../../model/view.js';
import { fit, partyName, postureLabel } from '../format.js';
import { useTheme } from '../theme.js';
import { Meter } from './Meter.js';

export function PartiesPanel({ view, width, rows }: { view: PlayerView; width: number; rows: number }) {
  const theme = useTheme();
  const game = view.game;
  const nameW = Math.max(12, Math.min(18, width - 30));
  // The pressure as a number too, when there is room for it.
  const numbers = width >= 52;
  const postureW = Math.max(10, width - nameW - 13 - (numbers ? 3 : 0));
  const rule = (text: string, w: number) => `${text} ${'─'.repeat(Math.max(0, w - text.length - 2))} `;
  const heading = `── ${rule('Parties', nameW - 3)}${rule('posture', postureW)}${rule('trust', 7)}${numbers ? 'pressure' : 'press'} ${'─'.repeat(Math.max(0, width - nameW - postureW - 16))}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text color={theme.muted}>{heading.slice(0, 3)}</Text>
        <Text bold>Parties</Text>
        <Text color={theme.muted}>{heading.slice(3 + 'Parties'.length)}</Text>
      </Text>
      {game.parties.slice(0, rows).map((p) => {
        const state = view.parties[p.id]!;
        const self = p.id === view.self;
        const out = state.status === 'walked-out';
        const name = `${self ? '★ ' : ''}${partyName(game, p.id)}`;
        return (
          <Text key={p.id} wrap="truncate">
            <Text color={theme.party(game, p.id)} bold>
              {fit(name, nameW)}
            </Text>
            <Text color={out ? theme.bad : undefined}>{fit(out ? '✗ walked out' : postureLabel(game, p.id, state.posture), postureW)}</Text>
            {self ? <Text color={theme.muted}>{'  you  '}</Text> : <><Meter value={state.trust[view.self] ?? 0} width={5} color={theme.party(game, p.id)} />{'  '}</>}
            <Meter value={state.pressure / 100} width={5} color={state.pressure >= 60 ? theme.bad : theme.warn} />
            {numbers && <Text color={theme.muted}>{` ${Math.round(state.pressure)}`}</Text>}
          </Text>
        );
      })}
      {game.parties.length > rows && <Text color={theme.muted}>{`… and ${game.parties.length - rows} more`}</Text>}
    </Box>
  );
}
