// What is on the table for you: the open proposals addressed to you, with your utility for the terms as you
// heard them, and where your own standing proposal stands.
import type { ReactElement } from 'react';
import { Box, Text } from 'ink';
import type { PlayerView, ViewProposal } from '../../model/view.js';
import { crossesRedLine, utility } from '../../model/game.js';
import { partyName, truncate, util2 } from '../format.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';

/** Open proposals addressed to the viewer that it has not answered, newest first. */
export function openOffers(view: PlayerView): ViewProposal[] {
  return view.proposals
    .filter((p) => p.status === 'open' && p.by !== view.self && p.to.includes(view.self) && !p.accepted.includes(view.self) && !p.rejected.includes(view.self))
    .sort((a, b) => b.id - a.id);
}

export function viaLabel(view: PlayerView, p: ViewProposal): string {
  if (p.channel === 'envoy') {
    const envoy = view.game.parties.find((x) => x.id === p.by)?.envoys.find((e) => e.id === p.envoy)?.name ?? 'envoy';
    return `via ${envoy}, hearsay`;
  }
  return p.channel === 'public' ? 'in public' : 'direct, on record';
}

export function OffersPanel({ view, width, rows }: { view: PlayerView; width: number; rows: number }) {
  const theme = useTheme();
  const offers = openOffers(view);
  const mine = view.proposals.filter((p) => p.by === view.self && p.status === 'open').at(-1);
  const lines: ReactElement[] = [];
  const perOffer = offers.length * 2 + (mine ? 1 : 0) <= rows ? 2 : 1;
  for (const p of offers) {
    const u = utility(view.preferences, p.terms);
    const red = crossesRedLine(view.preferences, p.terms);
    const good = u >= view.batna && !red;
    const verdict = (
      <Text color={good ? theme.good : theme.bad}>
        {`${util2(u)} ${red ? '✗ red line' : good ? '▲ beats BATNA' : '▼ below BATNA'}`}
      </Text>
    );
    if (perOffer === 2) {
      lines.push(
        <Text key={`${p.id}a`} wrap="truncate">
          <Text bold>{`#${p.id} `}</Text>
          <Text color={theme.party(view.game, p.by)} bold>
            {partyName(view.game, p.by)}
          </Text>
          <Text color={theme.muted}>{` · ${viaLabel(view, p)}${p.exposed ? ' · ⚠ distorted' : ''}`}</Text>
        </Text>,
        <Text key={`${p.id}b`} wrap="truncate">
          {'   you '}
          {verdict}
        </Text>,
      );
    } else {
      const short = (
        <Text color={good ? theme.good : theme.bad}>{`${util2(u)} ${red ? '✗ red line' : good ? '▲' : '▼'}`}</Text>
      );
      lines.push(
        <Text key={p.id} wrap="truncate">
          <Text bold>{`#${p.id} `}</Text>
          <Text color={theme.party(view.game, p.by)}>{truncate(partyName(view.game, p.by), Math.max(6, width - 20))}</Text>
          {' '}
          {short}
        </Text>,
      );
    }
  }
  if (offers.length === 0) lines.push(<Text key="none" color={theme.muted}>Nothing open for you to answer.</Text>);
  if (mine) {
    const waiting = mine.to.filter((id) => !mine.accepted.includes(id) && !mine.rejected.includes(id));
    const text = `Your #${mine.id}: ${mine.accepted.length > 1 ? `✓${mine.accepted.filter((id) => id !== view.self).map((id) => partyName(view.game, id)).join(',')} ` : ''}${mine.rejected.length ? `✗${mine.rejected.map((id) => partyName(view.game, id)).join(',')} ` : ''}${waiting.length ? `…${waiting.length} to answer` : ''}`;
    lines.push(
      <Text key="mine" wrap="truncate" color={theme.accent}>
        {text}
      </Text>,
    );
  }
  const shown = lines.length > rows ? [...lines.slice(0, rows - 1), <Text key="more" color={theme.muted}>{`… more: press a`}</Text>] : lines;
  return (
    <Box flexDirection="column" width={width}>
      <Section title="On the table for you" width={width} right={offers.length ? `${offers.length}` : undefined} />
      <Box flexDirection="column" height={rows} overflow="hidden">
        {shown}
      </Box>
    </Box>
  );
}
