// Every party at the table: its posture (as the scenario labels it), how much it trusts you, and the pressure
// it is under — all public in the view. Your own row is marked. Fixed columns: a label too long for its
// column ends in "…" a space before the next one, and the pressure number has room for three digits.
import { Box, Text } from 'ink';
import type { PlayerView } from '../../model/view.js';
import { partyName, postureLabel } from '../format.js';
import { cells, fit } from '../text.js';
import { useTheme } from '../theme.js';
import { Meter } from './Meter.js';

export interface PartiesColumns {
  name: number;
  posture: number;
  /** The trust bar and the gap after it. */
  trust: number;
  /** The pressure bar. */
  pressure: number;
  /** The pressure as a number ("100"), with the space before it; 0 when there is no room for it. */
  number: number;
}

/**
 * The column widths of the parties panel at `width` cells, for names up to `longest` cells ("★ United States"):
 * they add up to at most width − 1. The pressure number shows when the postures of the moment (`posturesNow`
 * cells at most) fit beside it.
 */
export function partiesColumns(width: number, longest = 16, posturesNow = 13): PartiesColumns {
  // The name as long as it needs (up to 18), while the posture keeps at least 14 cells.
  const name = Math.max(12, Math.min(18, longest + 1, width - 1 - 14 - 7 - 5));
  const trust = 7;
  const pressure = 5;
  // The number only when the postures shown now keep their full labels beside it (and at least 8 cells).
  const number = width - 1 - name - trust - pressure - 4 >= Math.max(8, Math.min(14, posturesNow + 1)) ? 4 : 0;
  const posture = Math.max(8, width - 1 - name - trust - pressure - number);
  return { name, posture, trust, pressure, number };
}

/** A heading cell: "posture ──── " in `w` cells, or the word cut to fit. */
const rule = (text: string, w: number) => (w >= text.length + 2 ? `${text} ${'─'.repeat(w - text.length - 2)} ` : fit(text, w));

export function PartiesPanel({ view, width, rows }: { view: PlayerView; width: number; rows: number }) {
  const theme = useTheme();
  const game = view.game;
  const longest = Math.max(...game.parties.map((p) => cells(`${p.id === view.self ? '★ ' : ''}${partyName(game, p.id)}`)));
  const postures = game.parties.map((p) => (view.parties[p.id]!.status === 'walked-out' ? '✗ walked out' : postureLabel(game, p.id, view.parties[p.id]!.posture)));
  const cols = partiesColumns(width, longest, Math.max(...postures.map(cells)));
  const used = cols.name + cols.posture + cols.trust + cols.pressure + cols.number;
  // The last heading takes the spare cells too: "pressure ──", never a dangling rule.
  const heading = `── ${rule('Parties', cols.name - 3)}${rule('posture', cols.posture)}${rule('trust', cols.trust)}${rule(cols.number ? 'pressure' : 'press', cols.pressure + cols.number + Math.max(0, width - used))}`;
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
              {`${fit(name, cols.name - 1)} `}
            </Text>
            <Text color={out ? theme.bad : undefined}>{`${fit(out ? '✗ walked out' : postureLabel(game, p.id, state.posture), cols.posture - 1)} `}</Text>
            {self ? (
              <Text color={theme.muted}>{fit('  you', cols.trust)}</Text>
            ) : (
              <>
                <Meter value={state.trust[view.self] ?? 0} width={5} color={theme.party(game, p.id)} />
                {' '.repeat(cols.trust - 5)}
              </>
            )}
            <Meter value={state.pressure / 100} width={cols.pressure} color={state.pressure >= 60 ? theme.bad : theme.warn} />
            {cols.number > 0 && <Text color={theme.muted}>{` ${String(Math.round(state.pressure)).padStart(cols.number - 1)}`}</Text>}
          </Text>
        );
      })}
      {game.parties.length > rows && <Text color={theme.muted}>{`… and ${game.parties.length - rows} more`}</Text>}
    </Box>
  );
}
