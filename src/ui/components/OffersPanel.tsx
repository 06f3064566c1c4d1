// What is on the table for you: the open proposals addressed to you, with your utility for the terms as you
// heard them, and where your own standing proposal stands.
import type { ReactElement } from 'react';
import { Box, Text } from 'ink';
import type { LogLine } from '../../model/types.js';
import { offerStanding, type PlayerView, type ViewMessage, type ViewProposal } from '../../model/view.js';
import { crossesRedLine, utility } from '../../model/game.js';
import { envoyName, partyName, safeText, util2 } from '../format.js';
import { truncate, wrapIndented } from '../text.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';

/**
 * Open proposals addressed to the viewer that it has not accepted: those awaiting its answer, newest first; then
 * those it turned down that are still on the table, which it may accept after all.
 */
export function openOffers(view: PlayerView): ViewProposal[] {
  const newest = (a: ViewProposal, b: ViewProposal) => b.id - a.id;
  const standing = (s: 'awaiting' | 'turned-down') => view.proposals.filter((p) => offerStanding(view, p) === s).sort(newest);
  return [...standing('awaiting'), ...standing('turned-down')];
}

/** Whether the viewer rejected this proposal (it may still accept it while it is open). */
export const turnedDown = (view: PlayerView, p: ViewProposal): boolean => offerStanding(view, p) === 'turned-down';

/** The message that put a proposal on the table, as the viewer holds it. */
export function proposalMessage(view: PlayerView, p: ViewProposal): ViewMessage | undefined {
  return view.messages.find((m) => m.body.kind === 'proposal' && m.body.proposal === p.id && m.from === p.by);
}

export function viaLabel(view: PlayerView, p: ViewProposal): string {
  if (p.channel === 'envoy') {
    // The sender's own envoy, or (at a meeting) the guest's envoy who heard it.
    return `via ${safeText(envoyName(view.game, p.by, p.envoy) ?? 'an envoy')}, hearsay`;
  }
  if (p.channel === 'public') return 'in public';
  return proposalMessage(view, p)?.record === false ? 'direct, no notetaker' : 'direct, on record';
}

/** What became of a proposal that left the table, in a word or two. */
const GONE: Partial<Record<ViewProposal['status'], string>> = { superseded: 'withdrawn', expired: 'expired', rejected: 'rejected by all' };

/**
 * Proposals to or from the viewer that left the table this round or the last, newest first, from the log's
 * 'closed' lines: an offer never just disappears from the panel.
 */
export function recentlyClosed(view: PlayerView, lines: readonly LogLine[]): { proposal: ViewProposal; round: number }[] {
  const out: { proposal: ViewProposal; round: number }[] = [];
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k]!;
    if (line.round < view.round - 1) break;
    const p = line.kind === 'closed' && line.proposal !== undefined ? view.proposals.find((q) => q.id === line.proposal) : undefined;
    if (p && GONE[p.status] && (p.by === view.self || p.to.includes(view.self))) out.push({ proposal: p, round: line.round });
  }
  return out;
}

export function OffersPanel({ view, width, rows, lines: log = [] }: { view: PlayerView; width: number; rows: number; lines?: readonly LogLine[] }) {
  const theme = useTheme();
  const offers = openOffers(view);
  const mine = view.proposals.filter((p) => p.by === view.self && p.status === 'open').at(-1);
  const lines: ReactElement[] = [];
  const mineLines: ReactElement[] = [];
  const perOffer = offers.length * 2 + (mine ? 1 : 0) <= rows ? 2 : 1;
  for (const p of offers) {
    const u = utility(view.preferences, p.terms);
    const red = crossesRedLine(view.preferences, p.terms);
    const good = u >= view.batna && !red;
    const verdict = <Text color={good ? theme.good : theme.bad}>{`${util2(u)} ${red ? '✗ red line' : good ? '▲ beats BATNA' : '▼ below BATNA'}`}</Text>;
    if (perOffer === 2) {
      lines.push(
        <Text key={`${p.id}a`} wrap="truncate">
          <Text bold>{`#${p.id} `}</Text>
          <Text color={theme.party(view.game, p.by)} bold>
            {partyName(view.game, p.by)}
          </Text>
          {p.exposed && <Text color={theme.bad}>{' ⚠ distorted'}</Text>}
          <Text color={theme.muted}>{` · ${viaLabel(view, p)}`}</Text>
        </Text>,
        <Text key={`${p.id}b`} wrap="truncate">
          {'   you '}
          {verdict}
          {turnedDown(view, p) && <Text color={theme.muted}>{' · you said no'}</Text>}
        </Text>,
      );
    } else {
      const short = <Text color={good ? theme.good : theme.bad}>{`${util2(u)} ${red ? '✗ red line' : good ? '▲' : '▼'}`}</Text>;
      lines.push(
        <Text key={p.id} wrap="truncate">
          <Text bold>{`#${p.id} `}</Text>
          <Text color={theme.party(view.game, p.by)}>{truncate(partyName(view.game, p.by), Math.max(6, width - 20))}</Text> {short}
          {turnedDown(view, p) && <Text color={theme.muted}>{' (no)'}</Text>}
        </Text>,
      );
    }
  }
  if (offers.length === 0)
    lines.push(
      <Text key="none" color={theme.muted}>
        Nothing open for you to answer.
      </Text>,
    );
  // Offers that left the table lately, after the open ones: the first to give way when rows are short.
  const gone = recentlyClosed(view, log).map(({ proposal: p, round }) => (
    <Text key={`gone${p.id}`} wrap="truncate" color={theme.muted}>
      {`#${p.id} ${p.by === view.self ? 'yours' : partyName(view.game, p.by)}: ${GONE[p.status]!} (R${round})`}
    </Text>
  ));
  if (mine) {
    // Your own standing proposal: who accepted, who rejected, how many have yet to answer — in words when they
    // fit in the rows left, else in counts. Never cut.
    const waiting = mine.to.filter((id) => !mine.accepted.includes(id) && !mine.rejected.includes(id));
    const yes = mine.accepted.filter((id) => id !== view.self).map((id) => partyName(view.game, id));
    const no = mine.rejected.map((id) => partyName(view.game, id));
    const parts = [yes.length ? `✓ ${yes.join(', ')}` : '', no.length ? `✗ ${no.join(', ')}` : '', waiting.length ? `${waiting.length} to answer` : ''].filter(Boolean);
    const full = wrapIndented(`Your #${mine.id}: ${parts.join(' · ') || 'open'}`, width, '', '   ');
    const counts = [yes.length ? `✓${yes.length}` : '', no.length ? `✗${no.length}` : '', waiting.length ? `${waiting.length} to answer` : ''].filter(Boolean);
    const room = Math.max(1, rows - Math.min(lines.length, rows - 1));
    const text = full.length <= room ? full : wrapIndented(`Your #${mine.id}: ${counts.join(' ') || 'open'}`, width, '', '   ');
    text.forEach((line, i) =>
      mineLines.push(
        <Text key={`mine${i}`} wrap="truncate" color={theme.accent}>
          {line}
        </Text>,
      ),
    );
  }
  // Your own proposal stays in view; the offers give way to "… more" when they do not all fit.
  const offerRows = Math.max(0, rows - mineLines.length);
  if (lines.length < offerRows) lines.push(...gone.slice(0, offerRows - lines.length));
  const shown = [
    ...(lines.length > offerRows ? [...lines.slice(0, Math.max(0, offerRows - 1)), <Text key="more" color={theme.muted}>{`… more: press a`}</Text>] : lines),
    ...mineLines,
  ];
  return (
    <Box flexDirection="column" width={width}>
      <Section title="On the table for you" width={width} right={offers.length ? `${offers.length}` : undefined} />
      <Box flexDirection="column" height={rows} overflow="hidden">
        {shown}
      </Box>
    </Box>
  );
}
