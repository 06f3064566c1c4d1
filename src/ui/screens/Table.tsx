// The table: the header, then either the overview (map, parties, offers, moves, cables, news) or the panel an
// action key opened (builder, offers, choices, log, signing), then the status line and the keys. It reads the
// session through selectors and only ever draws one human party's view; commands go to the session actor.
import { useMemo } from 'react';
import { Box } from 'ink';
import { useSelector } from '@xstate/react';
import { tablesFor } from '../../ai/tables.js';
import { clarifiable, legalCommandTypes } from '../../model/rules.js';
import type { Command, CommandType, PartyId, ProposalChannel } from '../../model/types.js';
import { settingWords, type Setting } from '../../model/setting.js';
import { playerView, type PlayerView, type ViewProposal } from '../../model/view.js';
import { ActionPicker } from '../components/ActionPicker.js';
import { CablesPanel } from '../components/CablesPanel.js';
import { ConfirmOverlay } from '../components/ConfirmOverlay.js';
import { Header } from '../components/Header.js';
import { HistoryView } from '../components/HistoryView.js';
import { IntelView } from '../components/IntelView.js';
import { KeyBar } from '../components/KeyBar.js';
import { MapPanel } from '../components/MapPanel.js';
import { MovesPanel, latestMoves } from '../components/MovesPanel.js';
import { NewsPanel } from '../components/NewsPanel.js';
import { OffersPanel, proposalMessage } from '../components/OffersPanel.js';
import { OffersView } from '../components/OffersView.js';
import { PartiesPanel } from '../components/PartiesPanel.js';
import { ProposalBuilder } from '../components/ProposalBuilder.js';
import { SigningView } from '../components/SigningView.js';
import { StatusLine, statusRows, tableStatus, type Status } from '../components/StatusLine.js';
import { useKeys } from '../context/keys.js';
import { redLinesCrossed, safeText, talksRefs, visibleLines } from '../format.js';
import type { BuilderSetup } from '../hooks/use-builder.js';
import { talksGroups } from '../intel.js';
import { useTableMode, type Confirm } from '../hooks/use-table-mode.js';
import type { Action } from '../keymap.js';
import { tableLayout } from '../layout.js';
import type { GameSession } from '../session.js';
import type { LiveSeat, LiveStatus } from '../app-options.js';
import { useTableActions } from '../hooks/use-table-actions.js';
import { roomWord, useLiveStatus } from '../hooks/use-live-status.js';

export interface TableProps {
  session: GameSession;
  viewer: PartyId;
  width: number;
  height: number;
  onDebrief: () => void;
  /** A seat at a live table: the status line says whom the table waits for, a pause and the teacher's word. */
  live?: LiveSeat | undefined;
}

/** The table keys each legal command type lights up in the key bar. */
const ACTION_OF: Partial<Record<CommandType, Action[]>> = {
  propose: ['propose', 'envoy'],
  accept: ['accept'],
  reject: ['reject'],
  statement: ['statement'],
  clarify: ['clarify'],
  relay: ['relay'],
  readout: ['readout'],
  lever: ['lever'],
  summit: ['summit'],
  'walk-out': ['walk'],
  return: ['walk'],
  pass: ['pass'],
  sign: ['sign'],
  refuse: ['refuse'],
};

export function Table({ session, viewer, width, height, onDebrief, live }: TableProps) {
  const { actor, game } = session;
  const world = useSelector(actor, (s) => s.context.world);
  // At a live table the others' refused commands are theirs to read.
  const error = useSelector(actor, (s) => (s.context.errorBy === undefined || s.context.errorBy === viewer ? s.context.error : undefined));
  const liveStatus = useLiveStatus(live);
  const decisions = useSelector(actor, (s) => s.context.decisions);
  const log = useSelector(actor, (s) => s.context.log);
  const view = useMemo(() => playerView(world, game, viewer), [world, game, viewer]);
  const [mode, setMode] = useTableMode();
  // The talks behind the cables (an account names them even to a party that was not there), and what we know.
  const talks = useMemo(() => talksRefs(view, game.scenario.meetings), [game, view]);
  const groups = useMemo(() => (mode.kind === 'intel' ? talksGroups(view, game.scenario.meetings) : []), [game, view, mode.kind]);
  const legal = legalCommandTypes(game, world, viewer);
  const signingTurn = view.phase === 'signing' && view.turn === viewer;

  const send = (command: Command) => {
    // A paused or finished lesson takes no moves; the status line says why.
    if (liveStatus?.paused || liveStatus?.ended || liveStatus?.aiPlays) return;
    actor.send({ type: 'COMMAND', command });
    setMode({ type: 'main' });
  };
  const startTerms = useMemo(() => {
    const mine = view.proposals.filter((p) => p.by === viewer);
    return mine.length > 0 ? [...mine[mine.length - 1]!.terms] : [...tablesFor(view.preferences).idealTerms];
  }, [view, viewer]);
  // The proposal channels this side may use in the scenario: Tab cycles through them.
  const channels = (game.party[viewer]!.channels ?? ['direct', 'envoy', 'public']).filter((c): c is ProposalChannel => c === 'direct' || c === 'envoy' || c === 'public');
  const builder = (extra: Partial<BuilderSetup> = {}): BuilderSetup => ({
    terms: startTerms,
    options: view.game.issues.map((i) => i.options.length),
    channel: channels.includes('direct') ? 'direct' : channels.includes('public') ? 'public' : 'direct',
    channels,
    recipients: game.partyIds.filter((id) => id !== viewer && view.parties[id]?.status === 'active'),
    ...extra,
  });
  const { notice, onAction, clearNotice } = useTableActions({ view, legal, send, setMode, builder, onDebrief });
  useKeys(signingTurn ? 'signing' : 'table', onAction, { active: mode.kind === 'main' });

  const logLines = useSelector(actor, (s) => s.context.lines);
  const lines = useMemo(() => visibleLines([...session.priorLines, ...logLines], viewer), [session.priorLines, logLines, viewer]);
  const status = liveStatus ? liveTableStatus(view, liveStatus, error, notice) : tableStatus(view, session.humans, error, notice);
  // A refusal or a warning takes a second line (from the body) rather than being cut.
  const statusLines = statusRows(status, width);
  const hasMap = game.scenario.territories.length > 0;
  const layout = tableLayout(width, height - (statusLines - 1), game.partyIds.length, hasMap);
  const body = layout.bodyRows;
  const only = new Set<Action>([...legal.flatMap((t) => ACTION_OF[t] ?? []), 'history', 'intel', ...(view.phase === 'ended' ? (['debrief'] as Action[]) : [])]);
  if (!game.party[viewer]!.envoys.length || !channels.includes('envoy')) only.delete('envoy');
  const back = () => {
    clearNotice();
    setMode({ type: 'main' });
  };

  let content;
  let scope: 'table' | 'signing' | 'builder' | 'offers' | 'pick' | 'history' | 'intel' | 'confirm' = signingTurn ? 'signing' : 'table';
  switch (mode.kind) {
    case 'builder':
      scope = 'builder';
      content = (
        <ProposalBuilder
          key={mode.serial}
          view={view}
          scenarioIssues={game.scenario.issues}
          setup={mode.setup}
          width={width}
          rows={body}
          onSend={send}
          onCancel={back}
          talks={talks}
        />
      );
      break;
    case 'offers': {
      scope = 'offers';
      // c clarifies here as at the table: the hearsay behind the chosen offer, when the rules allow it now.
      const checkable = new Set(legal.includes('clarify') ? clarifiable(world, viewer).map((m) => m.id) : []);
      const messageOf = (p: ViewProposal) => proposalMessage(view, p)?.id;
      content = (
        <OffersView
          view={view}
          width={width}
          rows={body}
          onAnswer={(p, answer) => {
            const crossed = answer === 'accept' ? redLinesCrossed(view.game, view.preferences, p.terms) : [];
            if (crossed.length > 0) setMode({ type: 'confirm', what: 'accept', proposal: p.id, crossed });
            else send({ type: answer, by: viewer, proposal: p.id });
          }}
          onCounter={(p) => setMode({ type: 'builder', setup: builder({ terms: [...p.terms], replyTo: p.id, to: [p.by] }) })}
          onIntel={(p) => setMode({ type: 'intel', focus: p.id })}
          canClarify={(p) => checkable.has(messageOf(p) ?? 0)}
          onClarify={(p) => send({ type: 'clarify', by: viewer, message: messageOf(p)! })}
          onCancel={back}
        />
      );
      break;
    }
    case 'pick':
      scope = 'pick';
      content = (
        <ActionPicker
          pick={mode.pick}
          game={game}
          world={world}
          view={view}
          startTerms={startTerms}
          width={width}
          rows={body}
          onCommand={send}
          onNext={(pick) => setMode({ type: 'pick', pick })}
          onBuilder={(setup) => setMode({ type: 'builder', setup })}
          onCancel={back}
        />
      );
      break;
    case 'history':
      scope = 'history';
      content = <HistoryView lines={lines} width={width} rows={body} onClose={back} />;
      break;
    case 'intel':
      scope = 'intel';
      content = <IntelView view={view} groups={groups} width={width} rows={body} focus={mode.focus} onClose={back} />;
      break;
    case 'confirm':
      scope = 'confirm';
      content = <ConfirmOverlay {...confirmText(mode, game.public.setting)} width={width} height={body} keyBar={false} onYes={() => send(confirmed(mode, viewer))} onNo={back} />;
      break;
    case 'main':
      content = signingTurn ? (
        <SigningView view={view} width={width} rows={body} />
      ) : (
        <Box flexDirection="column" height={body}>
          {hasMap && <MapPanel game={game} control={view.control} width={width} rows={layout.mapRows} />}
          <Box height={layout.bandRows + 1}>
            <PartiesPanel view={view} width={layout.leftWidth} rows={layout.bandRows} />
            <Box width={1} />
            <OffersPanel view={view} width={layout.rightWidth} rows={layout.bandRows} lines={lines} />
          </Box>
          <MovesPanel view={view} moves={latestMoves(view, log, decisions)} width={width} rows={layout.movesRows} />
          <CablesPanel view={view} talks={talks} width={width} rows={layout.cablesRows} />
          <NewsPanel lines={lines} width={width} rows={layout.newsRows} />
        </Box>
      );
      break;
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Header view={view} width={width} />
      <Box height={body} flexDirection="column" overflow="hidden">
        {content}
      </Box>
      <StatusLine status={status} width={width} rows={statusLines} />
      <KeyBar scope={scope} width={width} only={scope === 'table' || scope === 'signing' ? only : undefined} words={legal.includes('return') ? { walk: 'come back' } : undefined} />
    </Box>
  );
}

/** The status line at a live table: the lesson's state and the teacher's word come before whose turn it is. */
function liveTableStatus(view: PlayerView, live: LiveStatus, error: string | undefined, notice: string | undefined): Status {
  if (notice || error) return tableStatus(view, [], error, notice);
  const word = roomWord(live, view.turn === view.self && (view.phase === 'diplomacy' || view.phase === 'signing'));
  if (word) return word;
  if (live.aiPlays && view.phase !== 'ended') return { text: 'The AI plays your seat for now; the teacher will give it back.', tone: 'wait' };
  if (live.waiting && view.phase !== 'ended') return { text: `${safeText(live.waiting)}…`, tone: 'wait' };
  return tableStatus(view, [], error, notice);
}

/** The question a confirmation asks, and what it says about it. */
function confirmText(mode: Confirm, setting: Setting): { title: string; lines: string[] } {
  switch (mode.what) {
    case 'walk-out':
      return { title: 'Walk out of the talks?', lines: ['Everyone will trust you less, and your offers are withdrawn.', 'You can come back later (w again).'] };
    case 'refuse':
      return { title: 'Refuse to sign?', lines: [`The agreement falls apart at the table, and ${settingWords(setting).goesOn}.`] };
    case 'accept':
    case 'sign':
      return {
        title: mode.what === 'accept' ? `Accept #${mode.proposal} across your own red line?` : 'Sign across your own red line?',
        lines: [`It crosses your red line on ${mode.crossed.join(', ')}.`, 'Your side said it would never agree to this; the debrief will say you did.'],
      };
  }
}

/** The command a confirmed question sends. */
function confirmed(mode: Confirm, by: PartyId): Command {
  switch (mode.what) {
    case 'walk-out':
      return { type: 'walk-out', by };
    case 'refuse':
      return { type: 'refuse', by };
    case 'accept':
      return { type: 'accept', by, proposal: mode.proposal };
    case 'sign':
      return { type: 'sign', by };
  }
}
