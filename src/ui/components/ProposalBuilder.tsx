// The proposal builder: one row per issue, ←/→ to change the option, your utility live, warnings for your red
// lines and your public commitments, and your estimate of how each other party would take it.
import { Box, Text } from 'ink';
import type { Command } from '../../model/types.js';
import type { PlayerView } from '../../model/view.js';
import { useKeys, PRIORITY } from '../context/keys.js';
import { commitmentsBroken, ownUtility, partyName, redLinesCrossed, safeText, util2, wrap } from '../format.js';
import { reactions, type Leaning, type Reaction } from '../estimate.js';
import { useBuilder, type BuilderSetup, type BuilderState } from '../hooks/use-builder.js';
import { useTheme } from '../theme.js';
import { Meter } from './Meter.js';
import { Section } from './Section.js';
import { TermsList } from './TermsList.js';

export interface ProposalBuilderProps {
  view: PlayerView;
  /** The scenario's issues, for the public description of each option. */
  scenarioIssues: readonly { description: string; options: readonly { description: string }[] }[];
  setup: BuilderSetup;
  width: number;
  rows: number;
  onSend: (command: Command) => void;
  onCancel: () => void;
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

export function ProposalBuilder({ view, scenarioIssues, setup, width, rows, onSend, onCancel }: ProposalBuilderProps) {
  const theme = useTheme();
  const [state, dispatch] = useBuilder(setup);
  useKeys(
    'builder',
    (action) => {
      if (action === 'up' || action === 'down' || action === 'left' || action === 'right' || action === 'channel') dispatch({ type: action });
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
  const issues = view.game.issues.length;
  const listRows = Math.max(3, Math.min(issues, rows - 4));
  // Spare rows explain the option under the cursor, in the scenario's words (public text).
  const spare = rows - 4 - listRows;
  const issue = scenarioIssues[state.issue];
  const about = issue ? [issue.options[state.terms[state.issue]!]?.description ?? '', issue.description].filter(Boolean).join(' ') : '';
  const aboutLines = spare >= 2 && about ? wrap(about, width - 2).slice(0, spare - 1) : [];
  const purpose = state.purpose ?? 'propose';
  const title =
    purpose === 'relay'
      ? `Pass on #${state.message}: what was offered`
      : purpose === 'readout'
        ? `Your readout of #${state.message}`
        : state.replyTo !== undefined
          ? `Counter #${state.replyTo}`
          : 'Propose a package';
  const bent = state.terms.filter((o, i) => o !== state.original[i]).length;
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title={title} width={width} right={channelWords(view, state)} />
      <TermsList game={view.game} prefs={view.preferences} terms={state.terms} cursor={state.issue} width={width} rows={listRows} />
      {aboutLines.length > 0 && (
        <Box flexDirection="column" marginY={spare > aboutLines.length + 1 ? 1 : 0}>
          {aboutLines.map((line, i) => (
            <Text key={i} color={theme.muted} wrap="truncate">
              {`  ${line}`}
            </Text>
          ))}
        </Box>
      )}
      <Box height={1} width={width}>
        <Text wrap="truncate">
          <Text bold>{'Your utility '}</Text>
          <Text bold color={u >= view.batna ? theme.good : theme.bad}>
            {util2(u)}
          </Text>
          {' '}
          <Meter value={u} width={12} color={u >= view.batna ? theme.good : theme.bad} />
          <Text color={theme.muted}>{`  your BATNA ${util2(view.batna)}  `}</Text>
          <Text color={u >= view.batna ? theme.good : theme.bad}>{u >= view.batna ? '▲ better than no deal' : '▼ worse than no deal'}</Text>
        </Text>
      </Box>
      {purpose === 'propose' ? (
        <>
          <Text wrap="truncate" color={warnings.length ? theme.bad : theme.good}>
            {warnings.length ? warnings.join(' · ') : '✓ keeps your red lines and your public word'}
          </Text>
          <EstimateLine view={view} estimates={estimates} />
        </>
      ) : (
        <Text wrap="truncate" color={bent ? theme.warn : theme.good}>
          {bent ? `⚠ ${bent} issue${bent === 1 ? ' differs' : 's differ'} from what you heard: a bent account can come out, and costs you` : '✓ as you heard it'}
        </Text>
      )}
    </Box>
  );
}

function EstimateLine({ view, estimates }: { view: PlayerView; estimates: Reaction[] }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      <Text color={theme.muted}>{'Your estimate (? a guess): '}</Text>
      {estimates.length === 0 && <Text color={theme.muted}>nobody to send it to</Text>}
      {estimates.map((r, i) => (
        <Text key={r.party}>
          <Text color={theme.party(view.game, r.party)} bold>
            {partyName(view.game, r.party)}
          </Text>
          <Text color={r.leaning === 'likely' ? theme.good : r.leaning === 'maybe' ? theme.warn : theme.bad}>{` ${LEANING[r.leaning].mark} ${LEANING[r.leaning].word}`}</Text>
          <Text color={theme.muted}>{r.informed ? '' : '?'}</Text>
          {i < estimates.length - 1 ? '  ' : ''}
        </Text>
      ))}
    </Text>
  );
}
