// The table as an xstate machine. It owns the World, accepts commands (validated by the rules), makes the
// automatic moves (AI turns, time in ratification and implementation), keeps one posture actor per party in
// step with the world, and logs every accepted command. Its states follow the phase of the world:
//   briefing → diplomacy ⇄ signing → ratification → implementation → ended.
import { assign, setup, type Actor } from 'xstate';
import type { Game } from '../model/game.js';
import { validate } from '../model/rules.js';
import { step } from '../model/step.js';
import type { Command, LogLine, PartyId, Phase, World } from '../model/types.js';
import { initialWorld } from '../model/world.js';
import { autoMove, roundStarted } from './auto.js';
import { advancePosture, partyMachine, type PartyMachine } from './posture-machine.js';

/** One accepted command, with the AI's one-line reason when an AI made it. */
export interface LoggedCommand {
  command: Command;
  round: number;
  reason?: string;
}

export interface SessionInput {
  game: Game;
  seed: number;
  /** Parties played by people; every other party is an AI. */
  humans?: PartyId[];
  /** Resume from this world (a loaded save) instead of the start. */
  world?: World;
  /** Commands already played (a loaded save), kept so the next save has the whole game. */
  log?: LoggedCommand[];
  /** Keep the command log and the full text log in the context (saves and the UI need them; simulate does not). */
  record?: boolean;
  /** Called after every accepted command with the lines it wrote: autosave and streaming listen here. */
  onCommand?: (entry: LoggedCommand, world: World, lines: LogLine[]) => void;
}

export interface SessionContext {
  game: Game;
  world: World;
  humans: PartyId[];
  record: boolean;
  log: LoggedCommand[];
  lines: LogLine[];
  /** The last decision of each AI party, with its reason, for the table to show. */
  decisions: Record<PartyId, LoggedCommand>;
  /** Why the last human command was refused, until the next accepted one. */
  error?: string;
  onCommand?: SessionInput['onCommand'];
  /** Each party's posture machine and where it rests. */
  postures: Record<PartyId, PartyMachine>;
}

export type SessionEvent =
  | { type: 'COMMAND'; command: Command }
  /** Make automatic moves until a human must act, a new round starts, or `max` moves were made. */
  | { type: 'ADVANCE'; max?: number };

/** The lines a step added to the world's log. */
export function linesAdded(previous: World, next: World): LogLine[] {
  return next.logCount > previous.logCount ? next.recent : [];
}

interface Progress {
  world: World;
  log: LoggedCommand[];
  lines: LogLine[];
  decisions: Record<PartyId, LoggedCommand>;
  postures: Record<PartyId, PartyMachine>;
  roundStarted: boolean;
}

function commit(context: SessionContext, progress: Progress, command: Command, reason?: string): void {
  const previous = progress.world;
  const next = step(context.game, previous, command);
  const entry: LoggedCommand = reason === undefined ? { command, round: previous.round } : { command, round: previous.round, reason };
  const lines = linesAdded(previous, next);
  progress.world = next;
  if (context.record) {
    progress.log.push(entry);
    progress.lines.push(...lines);
  }
  if (reason !== undefined && 'by' in command) progress.decisions[command.by] = entry;
  context.onCommand?.(entry, next, lines);
  if (roundStarted(previous, next)) {
    progress.roundStarted = true;
    // A new round: every party's posture machine sees the world (after the events and the front).
    for (const party of context.game.partyIds) {
      const { snapshot, change } = advancePosture(progress.postures[party]!, progress.world);
      progress.postures[party] = { ...progress.postures[party]!, snapshot };
      if (change) commit(context, progress, { type: 'posture', party, posture: change.to, note: change.note });
    }
  }
}

const phases: Phase[] = ['briefing', 'diplomacy', 'signing', 'ratification', 'implementation', 'ended'];

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    input: {} as SessionInput,
    events: {} as SessionEvent,
  },
  actions: {
    /** Applies a human command, or a batch of automatic moves up to the next human turn or round. */
    play: assign(({ context, event }) => {
      const progress: Progress = {
        world: context.world,
        log: context.record ? [...context.log] : context.log,
        lines: context.record ? [...context.lines] : context.lines,
        decisions: { ...context.decisions },
        postures: { ...context.postures },
        roundStarted: false,
      };
      let error: string | undefined;
      if (event.type === 'COMMAND') {
        error = validate(context.game, context.world, event.command) ?? undefined;
        if (error === undefined) commit(context, progress, event.command);
      } else {
        const max = event.max ?? Infinity;
        for (let n = 0; n < max && !progress.roundStarted; n++) {
          const move = autoMove(context.game, progress.world, context.humans);
          if (!move) break;
          commit(context, progress, move.command, move.reason);
        }
      }
      const { world, log, lines, decisions, postures } = progress;
      return { world, log, lines, decisions, postures, error };
    }),
  },
  guards: {
    inPhase: ({ context }, phase: Phase) => context.world.phase === phase,
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => {
    const world = input.world ?? initialWorld(input.game, input.seed);
    const postures: SessionContext['postures'] = {};
    for (const id of input.game.partyIds) postures[id] = partyMachine(input.game, id, world.parties[id]!.posture);
    return {
      game: input.game,
      world,
      humans: input.humans ?? [],
      record: input.record ?? true,
      log: input.log ? [...input.log] : [],
      lines: [],
      decisions: {},
      onCommand: input.onCommand,
      postures,
    };
  },
  initial: 'route',
  on: {
    COMMAND: { actions: 'play', target: '.route' },
    ADVANCE: { actions: 'play', target: '.route' },
  },
  states: {
    // A transient state: every event lands here, and the world's phase picks the state to rest in.
    route: {
      always: phases.map((phase) => ({ guard: { type: 'inPhase' as const, params: phase }, target: phase })),
    },
    briefing: {},
    diplomacy: {},
    signing: {},
    ratification: {},
    implementation: {},
    ended: { type: 'final' },
  },
});

export type SessionActor = Actor<typeof sessionMachine>;
