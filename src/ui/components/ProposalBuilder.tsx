// The proposal builder: one row per issue, ←/→ to change the option, your utility live, warnings for your red
// lines and your public commitments, and your estimate of how each other party would take it.
import { useState } from 'react';
import { Box, Text } from 'ink';
import type { Command } from '../../model/types.js';
import type { PlayerView } from '../../model/view.js';
import { useKeys, PRIORITY } from '../context/keys.js';
import { commitmentsBroken, messagePackage, ownUtility, partyName, redLinesCrossed, safeText, util2, type TalksRef } from '../format.js';
import { truncate, wrapIndented } from '../text.js';
import { reactions, type Leaning, type Reaction } from '../estimate.js';
import { useBuilder, type BuilderSetup, type BuilderState } from '../hooks/use-builder.js';
import { useTheme } from '../theme.js';
import { Meter } from './Meter.js';
import { RichLineView, richWidth, wrapRich, type RichLine } from './RichText.js';
import { Section } from './Section.js';
import { TermsList, termsLayout } from './TermsList.js';

export interface ProposalBuilderProps {
  view: PlayerView;
  /** The scenario's issues, for the public description of each option. */
  scenarioIssues: readonly { description: string; options: readonly { description: string }[] }[];
  setup: BuilderSetup;
  width: number;
  rows: number;
  onSend: (command: Command) => void;
  onCancel: () => void;
  /** The talks behind the messages (to name the package a relay or readout tells). */
  talks?: ReadonlyMap<number, TalksRef>;
}

const LEANING: Record<Leaning, { mark: string; word: string }> = {
  likely: { mark: '✓', word: 'likely yes' },
  maybe: { mark: '~', word: 'maybe' },
  unlikely: { mark: '✗', word: 'unlikely' },
  no: { mark: '✗', word: 'no' },
};

export function channelWords(view: PlayerView, setup: Pick<BuilderSetup, 'purpose' | 'channel' | 'envoy' | 'to' | 'notetaker' | 'message'>): string {
  const to = setup.to && setup.to.length > 0 ? setup.to.map((id) => partyName(view.game, id)).join(', ') : 'everyone at the table';
  if (setup.purpose === 'relay') return `to ${to} · passed on, off the record`;
  if (setup.purpose === 'readout') return 'to everyone · your readout, on the record';
  if (setup.channel === 'envoy') {
    const envoy = view.game.parties.find((p) => p.id === view.self)?.envoys.find((e) => e.id === setup.envoy)?.name ?? 'your envoy';
    return `to ${to} through ${safeText(envoy)} · off the record`;
  }
  if (setup.channel === 'public') return `to ${to} · in public, on the record`;
  return setup.notetaker === false ? `to ${to} · direct talks, no notetaker` : `to ${to} · direct talks, on the record`;
}

/** The command the builder sends. */
export function builderCommand(self: string, state: BuilderState): Command {
  const purpose = state.purpose ?? 'propose';
  const bent = state.terms.some((o, i) => o !== state.original[i]);
  if (purpose === 'relay') return { type: 'relay', by: self, message: state.message!, to: state.to ?? [], ...(bent ? { terms: [...state.terms] } : {}) };
  if (purpose === 'readout') return { type: 'readout', by: self, message: state.message!, ...(bent ? { terms: [...state.terms] } : {}) };
  return {
    type: 'propose',
    by: self,
    terms: [...state.terms],
    channel: state.channel,
    ...(state.envoy !== undefined ? { envoy: state.envoy } : {}),
    ...(state.to !== undefined ? { to: state.to } : {}),
    ...(state.replyTo !== undefined ? { replyTo: state.replyTo } : {}),
    ...(state.channel === 'direct' && state.notetaker === false ? { notetaker: false } : {}),
  };
}

export function ProposalBuilder({ view, scenarioIssues, setup, width, rows, onSend, onCancel, talks }: ProposalBuilderProps) {
  const theme = useTheme();
  const [state, dispatch] = useBuilder(setup);
  const [details, setDetails] = useState(false);
  useKeys(
    'builder',
    (action) => {
      if (action === 'up' || action === 'down' || action === 'left' || action === 'right' || action === 'channel' || action === 'recipients') dispatch({ type: action });
      if (action === 'details') setDetails((d) => !d);
      if (action === 'back') onCancel();
      if (action === 'select') onSend(builderCommand(view.self, state));
    },
    { priority: PRIORITY.panel },
  );
  const u = ownUtility(view.preferences, state.terms);
  const reds = redLinesCrossed(view.game, view.preferences, state.terms);
  const broken = commitmentsBroken(view.preferences, view.parties[view.self]?.commitments ?? [], state.terms);
  const estimates = reactions(view, state.terms).filter((r) => !state.to || state.to.includes(r.party));
  const warnings = [
    ...reds.map((name) => `✗ crosses your red line on ${name}`),
    ...broken.map((c) => `⚠ breaks your public line on ${safeText(view.game.issues[c.issue]?.name ?? '?')}`),
  ];
  const purpose = state.purpose ?? 'propose';
  const bent = state.terms.filter((o, i) => o !== state.original[i]).length;
  // The checks are wrapped, never cut: a warning is the one line that must be read to the end.
  const check =
    purpose === 'propose'
      ? { text: warnings.length ? warnings.join(' · ') : '✓ keeps your red lines and your public word', color: warnings.length ? theme.bad : theme.good }
      : {
          text: bent ? `⚠ ${bent} issue${bent === 1 ? ' differs' : 's differ'} from what you heard: a bent account can come out, and costs you` : '✓ as you heard it',
          color: bent ? theme.warn : theme.good,
        };
  const checkLines = wrapIndented(check.text, width, '', '  ');
  const estimateLines = purpose === 'propose' ? estimateRich(view, estimates, theme, width) : [];
  // What the option under the cursor means, in the scenario's words (public text): in the rows the list leaves
  // (at least one line, ending in "…" when cut), or in full with d (the list keeps three rows).
  const issue = scenarioIssues[state.issue];
  const option = issue?.options[state.terms[state.issue]!]?.description ?? '';
  const about = safeText((details ? [option, issue?.description ?? ''].filter(Boolean).join(' ') : option || (issue?.description ?? '')).replace(/\s+/g, ' '));
  const fixed = 1 + 1 + checkLines.length + estimateLines.length;
  const aboutAll = about ? wrapIndented(about, width, '  ', '  ') : [];
  const listBudget = Math.max(details ? 3 : 1, rows - fixed - (details ? aboutAll.length : Math.min(1, aboutAll.length)));
  const list = termsLayout(view.game, state.terms, width, listBudget);
  const room = Math.max(0, rows - fixed - list.height);
  const aboutLines =
    aboutAll.length <= room || room === 0
      ? aboutAll.slice(0, room)
      : [
          ...aboutAll.slice(0, room - 1),
          `  ${truncate(
            aboutAll
              .slice(room - 1)
              .map((l) => l.trim())
              .join(' '),
            width - 2,
          )}`,
        ];
  const title =
    purpose === 'relay'
      ? `Pass on ${messagePackage(view, state.message!, talks)}: what was offered`
      : purpose === 'readout'
        ? `Your readout of ${messagePackage(view, state.message!, talks)}`
        : state.replyTo !== undefined
          ? `Counter to #${state.replyTo}`
          : 'Propose a package';
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title={title} width={width} right={channelWords(view, state)} />
      <TermsList game={view.game} prefs={view.preferences} terms={state.terms} cursor={state.issue} width={width} rows={listBudget} />
      {aboutLines.map((line, i) => (
        <Text key={`about${i}`} color={theme.muted} wrap="truncate">
          {line}
        </Text>
      ))}
      <Box height={1} width={width}>
        <Text wrap="truncate">
          <Text bold>{'Your utility '}</Text>
          <Text bold color={u >= view.batna ? theme.good : theme.bad}>
            {util2(u)}
          </Text>{' '}
          <Meter value={u} width={12} color={u >= view.batna ? theme.good : theme.bad} />
          <Text color={theme.muted}>{`  your BATNA ${util2(view.batna)}  `}</Text>
          <Text color={u >= view.batna ? theme.good : theme.bad}>{u >= view.batna ? '▲ better than no deal' : '▼ worse than no deal'}</Text>
        </Text>
      </Box>
      {checkLines.map((line, i) => (
        <Text key={`check${i}`} color={check.color}>
          {line}
        </Text>
      ))}
      {estimateLines.map((line, i) => (
        <RichLineView key={`estimate${i}`} line={line} />
      ))}
    </Box>
  );
}

/**
 * "Your estimate, from what they said and did:" then a line a party — "Russia ✗ no: breaks its public line on
 * Donetsk" — wrapped under the party, never cut.
 */
function estimateRich(view: PlayerView, estimates: Reaction[], theme: ReturnType<typeof useTheme>, width: number): RichLine[] {
  if (estimates.length === 0) return [[{ text: 'Your estimate: nobody to send it to', color: theme.muted }]];
  const nameWidth = (id: string) => richWidth([{ text: partyName(view.game, id) }]);
  const pad = Math.max(...estimates.map((r) => nameWidth(r.party)));
  const lines: RichLine[] = [[{ text: 'Your estimate, from what they said and did:', color: theme.muted }]];
  for (const r of estimates) {
    const name = partyName(view.game, r.party);
    const head: RichLine = [
      { text: `  ${name}${' '.repeat(pad - nameWidth(r.party))}`, color: theme.party(view.game, r.party), bold: true },
      {
        text: ` ${LEANING[r.leaning].mark} ${LEANING[r.leaning].word}${r.informed ? '' : '?'}`,
        color: r.leaning === 'likely' ? theme.good : r.leaning === 'maybe' ? theme.warn : theme.bad,
      },
    ];
    lines.push(...wrapRich([...head, { text: `: ${r.why}`, color: theme.muted }], width, ' '.repeat(Math.min(pad + 4, Math.floor(width / 3)))));
  }
  return lines;
}
