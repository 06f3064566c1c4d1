// The cables: every message you sent or received, newest first. Each shows where it stands for you — its status
// from the cable machine as a symbol and a word (■ on the record, ≈ hearsay, ✓ confirmed, ≠ disputed, ✗ exposed),
// how sure you can be of it — and a flag when two accounts of the same talks disagree; then who sent it, through
// which channel, and what it is (an account says whose talks it describes). i opens their terms side by side.
import { Box, Text } from 'ink';
import { utility } from '../../model/game.js';
import type { PlayerView } from '../../model/view.js';
import { cableLook, cableText, DISAGREE_FLAG, FOUND_OUT_LOOK, percent, safeText, util2, type TalksRef } from '../format.js';
import { fit } from '../text.js';
import { statusColor } from '../intel-lines.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';

export interface CablesPanelProps {
  view: PlayerView;
  /** The talks each account describes (see talksRefs). */
  talks?: ReadonlyMap<number, TalksRef>;
  width: number;
  rows: number;
}

export function CablesPanel({ view, talks, width, rows }: CablesPanelProps) {
  const theme = useTheme();
  const cables = [...view.messages].sort((a, b) => b.id - a.id);
  return (
    <Box flexDirection="column" width={width}>
      <Section title="Cables" width={width} right={`${cables.length} · newest first · i: what we know`} />
      <Box flexDirection="column" height={rows} overflow="hidden">
        {cables.length === 0 && <Text color={theme.muted}>No messages yet.</Text>}
        {cables.slice(0, rows).map((m) => {
          const { status, symbol, word } = cableLook(m, view.self);
          const terms = m.body.kind === 'proposal' && m.from !== view.self ? m.body.terms : undefined;
          return (
            <Text key={m.id} wrap="truncate">
              <Text color={statusColor(status, theme)} bold={status === 'exposed' || status === 'disputed'}>{`${symbol} ${fit(word, 13)}`}</Text>
              <Text color={theme.muted}>{` ${percent(m.confidence).padStart(4)} `}</Text>
              {m.disputed && <Text color={theme.warn} bold>{`${DISAGREE_FLAG} `}</Text>}
              {m.foundOut && <Text color={theme.bad} bold>{`${FOUND_OUT_LOOK.symbol} ${FOUND_OUT_LOOK.word} `}</Text>}
              <Text color={theme.party(view.game, m.from)}>{'· '}</Text>
              <Text color={status === 'exposed' ? theme.bad : undefined}>{safeText(cableText(view, m, talks))}</Text>
              {terms && <Text color={theme.muted}>{` · you ${util2(utility(view.preferences, terms))}`}</Text>}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
