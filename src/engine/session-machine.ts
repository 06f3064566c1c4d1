// The table as an xstate machine, for interactive play (the terminal UI, plain mode, the class server). It owns
// the World and moves it on only through advance.ts, one move per event, and its states are the phases of the
// talks, each owning the events it takes:
//   briefing ─begin→ diplomacy ─every signatory accepts→ signing ─all sign→ ratification ─all ratify→
//   implementation → ended; a refusal sends signing back to diplomacy, a failed ratification sends it back to
//   the talks, and the deadline, a walk-out or a collapse ends the game.
// A person's move is a COMMAND (refused moves leave the world as it was and say why); the moves nobody at the
// keyboard makes are ADVANCE. Listeners hear every accepted move through the emitted `moved` event.
import { and, assign, enqueueActions, raise, setup, type Actor } from 'xstate';
import type { Game } from '../model/game.js';
import { IllegalCommand } from '../model/step.js';
import type { Command, LogLine, PartyId, Phase, World } from '../model/types.js';
import { initialWorld } from '../model/world.js';
import { moveDue, nextMove, play, type LoggedCommand, type Moved } from './advance.js';

export type { LoggedCommand } from './advance.js';

export interface SessionInput {
  game: Game;
  seed: number;
  /** Parties played by people; every other party is an AI. */
  humans?: PartyId[];
  /** Resume from this world (a loaded save) instead of the start. */
  world?: World;
  /** Commands already played (a loaded save), kept so the next save has the whole game. */
  log?: LoggedCommand[];
}

export interface SessionContext {
  game: Game;
  world: World;
  humans: PartyId[];
  /** Every accepted command of the game. */
  log: LoggedCommand[];
  /** The log lines written since the session started. */
  lines: LogLine[];
  /** The last decision of each AI party, with its reason, for the table to show. */
  decisions: Record<PartyId, LoggedCommand>;
  /** Why the last person's command was refused, until the next accepted move. */
  error?: string;
  /** Whose command was refused: at a live table each player sees only their own refusals. */
  errorBy?: PartyId;
  /** What the last accepted move produced (read by the `moved` emission). */
  last?: Moved;
}

export type SessionEvent =
  | { type: 'COMMAND'; command: Command }
  /** Make automatic moves, one per event, until a person must act or `max` moves were made (default: no limit). */
  | { type: 'ADVANCE'; max?: number }
  /** Who plays in person from now on (a class table: a student joins, or the AI takes over a seat). */
  | { type: 'SEATS'; humans: PartyId[] };

export type SessionEmitted = { type: 'moved'; entries: LoggedCommand[]; world: World; lines: LogLine[] };

function accepted(context: SessionContext, moved: Moved): Partial<SessionContext> {
  const decisions = { ...context.decisions };
  for (const entry of moved.entries) if (entry.reason !== undefined && 'by' in entry.command) decisions[entry.command.by] = entry;
  return {
    world: moved.world,
    log: [...context.log, ...moved.entries],
    lines: [...context.lines, ...moved.lines],
    decisions,
    error: undefined,
    errorBy: undefined,
    last: moved,
  };
}

const inPhase = ({ context }: { context: SessionContext }, phase: Phase) => context.world.phase === phase;

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    input: {} as SessionInput,
    events: {} as SessionEvent,
    emitted: {} as SessionEmitted,
  },
  guards: {
    inPhase,
    /** An automatic move is due: nobody at the keyboard has to act. */
    automatic: ({ context }) => moveDue(context.game, context.world, { humans: context.humans }),
    /** The ADVANCE still has moves left to make. */
    budget: ({ event }) => event.type !== 'ADVANCE' || event.max === undefined || event.max > 0,
  },
  actions: {
    /** A person's command: applied by the rules, or refused with their reason. */
    command: assign(({ context, event }) => {
      if (event.type !== 'COMMAND') return {};
      try {
        return accepted(context, play(context.game, context.world, event.command));
      } catch (error) {
        if (error instanceof IllegalCommand) return { error: error.message, errorBy: 'by' in event.command ? event.command.by : undefined, last: undefined };
        throw error;
      }
    }),
    /** One automatic move: the AI's turn, opening an all-AI game, or time passing. */
    automatic: assign(({ context }) => {
      const move = nextMove(context.game, context.world, { humans: context.humans })!;
      return accepted(context, play(context.game, context.world, move.command, move.reason));
    }),
    /** The seats people play change; the rules do not care, only who must act next. */
    seats: assign(({ context, event }) => (event.type === 'SEATS' ? { humans: context.game.partyIds.filter((id) => event.humans.includes(id)) } : {})),
    /** Tells listeners what the move produced (nothing, when it was refused). */
    announce: enqueueActions(({ context, enqueue }) => {
      const last = context.last;
      if (last) enqueue.emit({ type: 'moved', entries: last.entries, world: last.world, lines: last.lines });
    }),
    /** Keep going while moves are due and the budget lasts. */
    more: raise(({ event }) => ({ type: 'ADVANCE' as const, max: event.type === 'ADVANCE' && event.max !== undefined ? event.max - 1 : undefined })),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    game: input.game,
    world: input.world ?? initialWorld(input.game, input.seed),
    humans: input.humans ?? [],
    log: input.log ? [...input.log] : [],
    lines: [],
    decisions: {},
  }),
  initial: 'resume',
  on: { SEATS: { actions: 'seats' } },
  states: {
    // Where a resumed game stands: the state of its phase.
    resume: {
      always: [
        { guard: { type: 'inPhase', params: 'diplomacy' }, target: 'diplomacy' },
        { guard: { type: 'inPhase', params: 'signing' }, target: 'signing' },
        { guard: { type: 'inPhase', params: 'ratification' }, target: 'ratification' },
        { guard: { type: 'inPhase', params: 'implementation' }, target: 'implementation' },
        { guard: { type: 'inPhase', params: 'ended' }, target: 'ended' },
        { target: 'briefing' },
      ],
    },
    briefing: {
      on: {
        COMMAND: { actions: ['command', 'announce'] },
        ADVANCE: { guard: and(['automatic', 'budget']), actions: ['automatic', 'announce', 'more'] },
      },
      always: { guard: { type: 'inPhase', params: 'diplomacy' }, target: 'diplomacy' },
    },
    diplomacy: {
      on: {
        COMMAND: { actions: ['command', 'announce'] },
        ADVANCE: { guard: and(['automatic', 'budget']), actions: ['automatic', 'announce', 'more'] },
      },
      always: [
        { guard: { type: 'inPhase', params: 'signing' }, target: 'signing' },
        { guard: { type: 'inPhase', params: 'ended' }, target: 'ended' },
      ],
    },
    signing: {
      on: {
        COMMAND: { actions: ['command', 'announce'] },
        ADVANCE: { guard: and(['automatic', 'budget']), actions: ['automatic', 'announce', 'more'] },
      },
      always: [
        { guard: { type: 'inPhase', params: 'ratification' }, target: 'ratification' },
        { guard: { type: 'inPhase', params: 'diplomacy' }, target: 'diplomacy' },
        { guard: { type: 'inPhase', params: 'ended' }, target: 'ended' },
      ],
    },
    ratification: {
      on: { ADVANCE: { guard: and(['automatic', 'budget']), actions: ['automatic', 'announce', 'more'] } },
      always: [
        { guard: { type: 'inPhase', params: 'implementation' }, target: 'implementation' },
        { guard: { type: 'inPhase', params: 'diplomacy' }, target: 'diplomacy' },
        { guard: { type: 'inPhase', params: 'ended' }, target: 'ended' },
      ],
    },
    implementation: {
      on: { ADVANCE: { guard: and(['automatic', 'budget']), actions: ['automatic', 'announce', 'more'] } },
      always: { guard: { type: 'inPhase', params: 'ended' }, target: 'ended' },
    },
    ended: { type: 'final' },
  },
});

export type SessionActor = Actor<typeof sessionMachine>;
