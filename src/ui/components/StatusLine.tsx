// One line that says what the table is waiting for, or why your last command was refused.
import { Box, Text } from 'ink';
import type { PartyId } from '../../model/types.js';
import type { PlayerView } from '../../model/view.js';
import { partyName, safeText } from '../format.js';
import { truncate, wrap } from '../text.js';
import { keyOf } from '../keymap.js';
import { useTheme } from '../theme.js';

export interface Status {
  text: string;
  tone: 'info' | 'good' | 'bad' | 'wait';
}

export function tableStatus(view: PlayerView, humans: readonly PartyId[], error?: string, notice?: string): Status {
  if (notice) return { text: notice, tone: 'bad' };
  if (error) return { text: `✗ Refused: ${safeText(error)}`, tone: 'bad' };
  const game = view.game;
  const name = partyName(game, view.self);
  switch (view.phase) {
    case 'ended':
      return { text: `The talks are over — press ${keyOf('table', 'debrief')} for the debrief. ${safeText(view.outcome?.summary ?? '')}`, tone: 'good' };
    case 'ratification':
      return { text: 'The agreement has gone home for ratification…', tone: 'wait' };
    case 'implementation':
      return { text: `Implementation: the deal is being carried out (round ${view.round})…`, tone: 'wait' };
    case 'briefing':
      return { text: 'The talks have not opened yet.', tone: 'wait' };
    default:
      break;
  }
  if (view.turn === view.self) {
    if (view.phase === 'signing') return { text: `${name}: sign the agreement as written (${keyOf('signing', 'sign')}), or refuse (${keyOf('signing', 'refuse')}).`, tone: 'info' };
    if (view.parties[view.self]?.status === 'walked-out')
      return { text: `${name}, you have walked out: ${keyOf('table', 'walk')} comes back, ${keyOf('table', 'pass')} waits.`, tone: 'info' };
    return { text: `Your move, ${name}. One action this round — ${keyOf('table', 'help')} lists the keys.`, tone: 'info' };
  }
  const who = view.turn ? partyName(game, view.turn) : 'the table';
  const human = view.turn !== undefined && humans.includes(view.turn);
  const doing = view.phase === 'signing' ? 'deciding whether to sign' : human ? 'at the keyboard' : 'deciding';
  return { text: `${who} is ${doing}…`, tone: 'wait' };
}

/** How many lines a status needs: a refusal or a warning is wrapped onto a second line rather than cut. */
export function statusRows(status: Status, width: number): number {
  return status.tone === 'bad' ? Math.min(2, wrap(status.text, width).length) : 1;
}

export function StatusLine({ status, width, rows = 1 }: { status: Status; width: number; rows?: number }) {
  const theme = useTheme();
  const color = status.tone === 'bad' ? theme.bad : status.tone === 'good' ? theme.good : status.tone === 'wait' ? theme.muted : theme.accent;
  const lines = rows > 1 ? wrap(status.text, width) : [status.text];
  const shown = lines.length > rows ? [...lines.slice(0, rows - 1), lines.slice(rows - 1).join(' ')] : lines;
  return (
    <Box flexDirection="column" width={width} height={rows}>
      {shown.map((line, i) => (
        <Text key={i} color={color} bold={status.tone !== 'wait'} wrap="truncate">
          {truncate(line, width)}
        </Text>
      ))}
    </Box>
  );
}
