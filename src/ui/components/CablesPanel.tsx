// The cables: every message you sent or received, newest first, with the channel it came through and whether
// an official record exists or it is hearsay. Distortions you found out are flagged.
import { Box, Text } from 'ink';
import type { PlayerView } from '../../model/view.js';
import { utility } from '../../model/game.js';
import { cableLine, safeText, util2 } from '../format.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';

export function CablesPanel({ view, width, rows }: { view: PlayerView; width: number; rows: number }) {
  const theme = useTheme();
  const cables = [...view.messages].sort((a, b) => b.id - a.id);
  return (
    <Box flexDirection="column" width={width}>
      <Section title="Cables" width={width} right={`${cables.length} · newest first`} />
      <Box flexDirection="column" height={rows} overflow="hidden">
        {cables.length === 0 && <Text color={theme.muted}>No messages yet.</Text>}
        {cables.slice(0, rows).map((m) => {
          const hearsay = m.channel === 'envoy';
          return (
            <Text key={m.id} wrap="truncate" color={m.exposed ? theme.bad : undefined}>
              <Text color={theme.party(view.game, m.from)}>{hearsay ? '≈ ' : '■ '}</Text>
              {safeText(cableLine(view, m))}
              {m.body.kind === 'proposal' && m.from !== view.self && <Text color={theme.muted}>{` · you ${util2(utility(view.preferences, m.body.terms))}`}</Text>}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
