// Each other party's latest move, in its own words when an AI made it (the one-line reason), as far as you
// could see it: what went through someone else's envoy stays out of sight.
import { Box, Text } from 'ink';
import type { LoggedCommand } from '../../engine/advance.js';
import type { PartyId } from '../../model/types.js';
import type { PlayerView } from '../../model/view.js';
import { describeCommand } from '../../analysis/bargaining.js';
import { inAudience } from '../../model/visibility.js';
import { partyName, safeText } from '../format.js';
import { fit } from '../text.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';

export interface Move {
  party: PartyId;
  round?: number;
  text: string;
  hidden?: boolean;
}

/** The latest move of every party but the viewer, as the viewer may know it. */
export function latestMoves(view: PlayerView, log: readonly LoggedCommand[], decisions: Record<PartyId, LoggedCommand>): Move[] {
  return view.game.parties
    .map((p) => p.id)
    .filter((id) => id !== view.self)
    .map((party) => {
      let entry: LoggedCommand | undefined = decisions[party];
      if (!entry) {
        for (let k = log.length - 1; k >= 0; k--) {
          const c = log[k]!.command;
          if ('by' in c && c.by === party) {
            entry = log[k];
            break;
          }
        }
      }
      if (!entry) return { party, text: 'no move yet' };
      if (!inAudience(entry.audience, view.self)) return { party, round: entry.round, text: 'made a move out of your sight', hidden: true };
      const text = entry.reason ? safeText(entry.reason) : describeCommand(view.game, entry.command);
      return { party, round: entry.round, text };
    });
}

export function MovesPanel({ view, moves, width, rows }: { view: PlayerView; moves: Move[]; width: number; rows: number }) {
  const theme = useTheme();
  const nameW = Math.min(16, Math.max(...moves.map((m) => partyName(view.game, m.party).length), 6) + 1);
  return (
    <Box flexDirection="column" width={width}>
      <Section title="Latest moves" width={width} right="their reasons, as they give them" />
      <Box flexDirection="column" height={rows} overflow="hidden">
        {moves.slice(0, rows).map((m) => (
          <Text key={m.party} wrap="truncate">
            <Text color={theme.party(view.game, m.party)} bold>
              {fit(partyName(view.game, m.party), nameW)}
            </Text>
            <Text color={theme.muted}>{m.round !== undefined ? `R${m.round} ` : ''}</Text>
            <Text color={m.hidden ? theme.muted : undefined}>{m.text}</Text>
          </Text>
        ))}
      </Box>
    </Box>
  );
}
