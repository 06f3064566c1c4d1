// The open proposals addressed to you, one at a time in full: the terms as you heard them, what they are worth
// to you, and a = accept, r = reject, c = counter with these terms as the starting point.
import { Box, Text } from 'ink';
import { crossesRedLine, utility } from '../../model/game.js';
import type { PlayerView, ViewProposal } from '../../model/view.js';
import { useKeys, PRIORITY } from '../context/keys.js';
import { commitmentsBroken, partyName, safeText, util2 } from '../format.js';
import { useList } from '../hooks/use-list.js';
import { useTheme } from '../theme.js';
import { openOffers, viaLabel } from './OffersPanel.js';
import { Section } from './Section.js';
import { TermsList } from './TermsList.js';

export interface OffersViewProps {
  view: PlayerView;
  width: number;
  rows: number;
  onAnswer: (proposal: ViewProposal, answer: 'accept' | 'reject') => void;
  onCounter: (proposal: ViewProposal) => void;
  onCancel: () => void;
}

export function OffersView({ view, width, rows, onAnswer, onCounter, onCancel }: OffersViewProps) {
  const theme = useTheme();
  const offers = openOffers(view);
  // Start on the offer worth most to you.
  const best = offers.reduce((b, p, i) => (utility(view.preferences, p.terms) > utility(view.preferences, offers[b]!.terms) ? i : b), 0);
  const { index, dispatch } = useList(offers.length, best);
  const chosen = offers[index];
  useKeys(
    'offers',
    (action) => {
      if (action === 'up' || action === 'down') dispatch({ type: action });
      if (action === 'back') onCancel();
      if (!chosen) return;
      if (action === 'accept' || action === 'reject') onAnswer(chosen, action);
      if (action === 'counter') onCounter(chosen);
    },
    { priority: PRIORITY.panel },
  );
  if (!chosen) {
    return (
      <Box flexDirection="column" width={width} height={rows}>
        <Section title="Open proposals to you" width={width} />
        <Text color={theme.muted}>Nothing is open for you to answer. Press Esc.</Text>
      </Box>
    );
  }
  // The terms come first: the list gets what rows the issues leave.
  const listRows = Math.max(1, Math.min(offers.length, rows - view.game.issues.length - 3));
  const first = Math.max(0, Math.min(index - 1, offers.length - listRows));
  const u = utility(view.preferences, chosen.terms);
  const red = crossesRedLine(view.preferences, chosen.terms);
  const broken = commitmentsBroken(view.preferences, view.parties[view.self]?.commitments ?? [], chosen.terms);
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title="Open proposals to you" width={width} right={`${index + 1} of ${offers.length}`} />
      {offers.slice(first, first + listRows).map((p, k) => {
        const on = first + k === index;
        const pu = utility(view.preferences, p.terms);
        return (
          <Text key={p.id} bold={on} wrap="truncate">
            <Text color={on ? theme.accent : undefined}>{on ? '▸ ' : '  '}</Text>
            {`#${p.id} from `}
            <Text color={theme.party(view.game, p.by)}>{partyName(view.game, p.by)}</Text>
            <Text color={theme.muted}>{` · ${viaLabel(view, p)} · round ${p.round} · `}</Text>
            {`you ${util2(pu)}`}
          </Text>
        );
      })}
      <Section title={`#${chosen.id} as you heard it`} width={width} right={chosen.channel === 'envoy' ? 'hearsay: c on the table asks to clarify' : 'on the record'} />
      <TermsList game={view.game} prefs={view.preferences} terms={chosen.terms} width={width} rows={Math.max(2, rows - listRows - 3)} />
      <Text wrap="truncate">
        <Text bold>{'Your utility '}</Text>
        <Text bold color={u >= view.batna && !red ? theme.good : theme.bad}>
          {util2(u)}
        </Text>
        <Text color={theme.muted}>{` vs your BATNA ${util2(view.batna)} · `}</Text>
        <Text color={red ? theme.bad : u >= view.batna ? theme.good : theme.bad}>
          {red ? '✗ crosses a red line: you could not sign it' : u >= view.batna ? '▲ better than no deal' : '▼ worse than no deal'}
        </Text>
        {broken.length > 0 && <Text color={theme.bad}>{` · ⚠ accepting breaks your public line on ${broken.map((c) => safeText(view.game.issues[c.issue]?.name ?? '?')).join(', ')}`}</Text>}
        {chosen.accepted.length > 1 && <Text color={theme.muted}>{` · accepted by ${chosen.accepted.filter((id) => id !== chosen.by).map((id) => partyName(view.game, id)).join(', ')}`}</Text>}
      </Text>
    </Box>
  );
}
