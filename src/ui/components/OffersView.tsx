// The open proposals addressed to you, one at a time in full: the terms as you heard them, what they are worth
// to you, and a = accept, r = reject, p = counter (propose your own package, starting from these terms),
// c = ask the sender to confirm what you heard when it is hearsay — the same c as at the table.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { crossesRedLine, utility } from '../../model/game.js';
import type { PlayerView, ViewProposal } from '../../model/view.js';
import { useKeys, PRIORITY } from '../context/keys.js';
import { cableLook, commitmentsBroken, partyName, safeText, util2 } from '../format.js';
import { wrapIndented } from '../text.js';
import { useList } from '../hooks/use-list.js';
import { keyOf } from '../keymap.js';
import { useTheme } from '../theme.js';
import { openOffers, proposalMessage, turnedDown, viaLabel } from './OffersPanel.js';
import { Section } from './Section.js';
import { RichLineView, wrapRich } from './RichText.js';
import { TermsList, termsLayout } from './TermsList.js';

export interface OffersViewProps {
  view: PlayerView;
  width: number;
  rows: number;
  onAnswer: (proposal: ViewProposal, answer: 'accept' | 'reject') => void;
  onCounter: (proposal: ViewProposal) => void;
  /** Opens what we know about the chosen package's talks. */
  onIntel?: (proposal: ViewProposal) => void;
  onCancel: () => void;
  /** Whether c can ask the sender to confirm this proposal now (hearsay not yet checked, and your move). */
  canClarify?: (proposal: ViewProposal) => boolean;
  /** Ask the sender to confirm what you heard. */
  onClarify?: (proposal: ViewProposal) => void;
}

export function OffersView({ view, width, rows, onAnswer, onCounter, onIntel, onCancel, canClarify, onClarify }: OffersViewProps) {
  const theme = useTheme();
  const offers = openOffers(view);
  // Start on the offer worth most to you.
  const best = offers.reduce((b, p, i) => (utility(view.preferences, p.terms) > utility(view.preferences, offers[b]!.terms) ? i : b), 0);
  const { index, dispatch } = useList(offers.length, best);
  const chosen = offers[index];
  const [scroll, setScroll] = useState(0);
  const [notice, setNotice] = useState<string>();
  const issues = view.game.issues.length;
  const broken = chosen ? commitmentsBroken(view.preferences, view.parties[view.self]?.commitments ?? [], chosen.terms) : [];
  // What matters most is wrapped, never cut: breaking your public word, who has accepted, why c did nothing.
  const notes: { text: string; color: string | undefined }[] = [
    ...(broken.length > 0
      ? wrapIndented(
          `⚠ accepting breaks your public line on ${broken.map((c) => safeText(view.game.issues[c.issue]?.name ?? '?')).join(', ')}: you lose credibility at home and at the table.`,
          width,
          '',
          '  ',
        ).map((text) => ({ text, color: theme.bad }))
      : []),
    ...(chosen && chosen.accepted.length > 1
      ? wrapIndented(
          `Accepted by ${chosen.accepted
            .filter((id) => id !== chosen.by)
            .map((id) => partyName(view.game, id))
            .join(', ')}.`,
          width,
          '',
          '  ',
        ).map((text) => ({ text, color: theme.muted }))
      : []),
    ...(chosen && turnedDown(view, chosen)
      ? wrapIndented(`You rejected #${chosen.id}, but it is still on the table: ${keyOf('offers', 'accept')} accepts it after all.`, width, '', '  ').map((text) => ({
          text,
          color: theme.muted,
        }))
      : []),
    ...(notice ? wrapIndented(notice, width, '', '  ').map((text) => ({ text, color: theme.bad })) : []),
  ];
  // What the offer is worth to you, and the verdict: wrapped, never cut.
  const u = chosen ? utility(view.preferences, chosen.terms) : 0;
  const red = chosen ? crossesRedLine(view.preferences, chosen.terms) : false;
  const verdict = wrapRich(
    [
      { text: 'Your utility ', bold: true },
      { text: util2(u), bold: true, color: u >= view.batna && !red ? theme.good : theme.bad },
      { text: ` vs your BATNA ${util2(view.batna)} · `, color: theme.muted },
      {
        text: red ? '✗ crosses a red line: you could not sign it' : u >= view.batna ? '▲ better than no deal' : '▼ worse than no deal',
        color: red ? theme.bad : u >= view.batna ? theme.good : theme.bad,
      },
    ],
    width,
    '  ',
  );
  // Two headings and the verdict; the terms next (all of them when they fit); the list of offers gets the rest.
  const available = Math.max(2, rows - 2 - verdict.length - notes.length);
  // The terms (wrapped when they fit) with one offer above them; more offers in the rows they leave.
  const terms = chosen ? termsLayout(view.game, chosen.terms, width, Math.max(1, available - 1)) : undefined;
  const listRows = Math.max(1, Math.min(offers.length, available - (terms?.height ?? issues)));
  const termsBudget = Math.max(1, available - listRows);
  const termsRows = terms?.wrapped ? issues : Math.min(issues, termsBudget);
  const first = Math.max(0, Math.min(index - 1, offers.length - listRows));
  const offset = Math.max(0, Math.min(scroll, issues - termsRows));
  useKeys(
    'offers',
    (action) => {
      setNotice(undefined);
      if (action === 'up' || action === 'down') {
        dispatch({ type: action });
        setScroll(0);
      }
      if (action === 'pageUp') setScroll((s) => Math.max(0, s - Math.max(1, termsRows - 1)));
      if (action === 'pageDown') setScroll((s) => Math.max(0, Math.min(issues - termsRows, s + Math.max(1, termsRows - 1))));
      if (action === 'back') onCancel();
      if (!chosen) return;
      if (action === 'reject' && turnedDown(view, chosen)) setNotice(`You have already rejected #${chosen.id}.`);
      else if (action === 'accept' || action === 'reject') onAnswer(chosen, action);
      if (action === 'counter') onCounter(chosen);
      if (action === 'intel') onIntel?.(chosen);
      if (action === 'clarify') {
        if (canClarify?.(chosen) && onClarify) onClarify(chosen);
        else setNotice(`#${chosen.id} cannot be checked now: only hearsay you have not yet checked can be, on your move.`);
      }
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
  const message = proposalMessage(view, chosen);
  const look = message ? cableLook(message) : undefined;
  const check = canClarify?.(chosen) ? ` · ${keyOf('offers', 'clarify')} asks to confirm` : '';
  const more = termsRows < issues ? ` · ${offset + termsRows < issues ? '▼' : '▲'} PgUp/PgDn` : '';
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
            <Text color={theme.muted}>{` · you ${util2(pu)} · ${viaLabel(view, p)} · round ${p.round}${turnedDown(view, p) ? ' · you said no' : ''}`}</Text>
          </Text>
        );
      })}
      <Section title={`#${chosen.id} as you heard it`} width={width} right={`${look ? `${look.symbol} ${look.word}` : viaLabel(view, chosen)}${check}${more}`} />
      <TermsList game={view.game} prefs={view.preferences} terms={chosen.terms} width={width} rows={termsBudget} offset={offset} />
      {verdict.map((line, i) => (
        <RichLineView key={`verdict${i}`} line={line} />
      ))}
      {notes.map((n, i) => (
        <Text key={i} color={n.color} bold={n.color === theme.bad}>
          {n.text}
        </Text>
      ))}
    </Box>
  );
}
