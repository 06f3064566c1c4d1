// One table of a class played live: several people, each at their own terminal, and the AI in the other seats,
// around one session actor. The table (not the players' screens) makes the automatic moves, at a pace people
// can follow, opens the talks when everyone at it has read their briefing, waits for the person whose turn it
// is, and tells its owner after every move so the game is saved. Who sits where can change during the lesson:
// a student joins or leaves, the teacher moves them or lets the AI take over a seat. None of it touches the
// rules: the same commands give the same game, whoever made them.
import { createActor } from 'xstate';
import type { Game } from '../model/game.js';
import type { PartyId, World } from '../model/types.js';
import { currentActor } from '../model/view.js';
import { moveDue } from './advance.js';
import { sessionMachine, type LoggedCommand, type SessionActor } from './session-machine.js';

/** What the table does while a student is away: wait for them, or let the AI play the seat until they return. */
export type WhenAway = 'wait' | 'ai';

export interface LiveTableInput {
  id: string;
  game: Game;
  seed: number;
  /** The students by seat (null: the AI plays it). */
  seats: Record<PartyId, string | null>;
  whenAway: WhenAway;
  /** A game already begun (a save): the world and the commands that led there. */
  resume?: { world: World; log: LoggedCommand[] };
  /** Pause between automatic moves, in ms; ratification and implementation take twice as long. */
  delayMs?: number;
  /** Called after every accepted move (and when the seats change), to save the game. */
  onChange?: (table: LiveTable) => void;
  /** A move that failed for a reason no rule gives (a bug): the table pauses itself and says so here. */
  onError?: (table: LiveTable, error: unknown) => void;
}

/** What one seat's screen says about the table beyond the game itself. */
export interface SeatStatus {
  /** Whose turn it is when a person at another seat must act: "Waiting for Russia (Ben)". */
  waiting?: string;
  paused: boolean;
  /** Whether this seat has read its briefing (the talks open when every person at the table has). */
  briefed: boolean;
  /** The teacher let the AI play this seat for now: the student watches. */
  aiPlays: boolean;
}

export class LiveTable {
  readonly id: string;
  readonly game: Game;
  readonly seed: number;
  readonly actor: SessionActor;
  readonly seats: Record<PartyId, string | null>;
  /** The game this table resumed, if any (its moves are not in the actor's own log lines). */
  readonly resumed: LiveTableInput['resume'];
  private readonly whenAway: WhenAway;
  private readonly delayMs: number;
  private readonly onChange: ((table: LiveTable) => void) | undefined;
  private readonly onError: ((table: LiveTable, error: unknown) => void) | undefined;
  private readonly present = new Set<PartyId>();
  private readonly briefed = new Set<PartyId>();
  /** Seats the teacher gave to the AI although a student holds them. */
  private readonly aiTaken = new Set<PartyId>();
  private paused = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(input: LiveTableInput) {
    this.id = input.id;
    this.game = input.game;
    this.seed = input.seed;
    this.seats = { ...input.seats };
    this.resumed = input.resume;
    this.whenAway = input.whenAway;
    this.delayMs = input.delayMs ?? 600;
    this.onChange = input.onChange;
    this.onError = input.onError;
    this.actor = createActor(sessionMachine, {
      input: { game: input.game, seed: input.seed, humans: this.humans(), ...(input.resume ? { world: input.resume.world, log: input.resume.log } : {}) },
    });
    this.actor.on('moved', () => {
      this.onChange?.(this);
      this.schedule();
    });
    // A rule that throws stops the actor with an error; heard here, it is this table's problem alone.
    this.actor.subscribe({
      error: (error) => {
        this.paused = true;
        this.onError?.(this, error);
        this.changed();
      },
    });
    this.actor.start();
    this.schedule();
  }

  get world(): World {
    return this.actor.getSnapshot().context.world;
  }

  get log(): LoggedCommand[] {
    return this.actor.getSnapshot().context.log;
  }

  /** The seats people play now: a student's seat, unless the AI took it over or (when the table does not wait) they are away. */
  humans(): PartyId[] {
    return this.game.partyIds.filter((id) => this.seats[id] != null && !this.aiTaken.has(id) && (this.whenAway === 'wait' || this.present.has(id)));
  }

  /** Whether the seat's student is connected. */
  isPresent(party: PartyId): boolean {
    return this.present.has(party);
  }

  isAiTaken(party: PartyId): boolean {
    return this.aiTaken.has(party);
  }

  isPaused(): boolean {
    return this.paused;
  }

  join(party: PartyId): void {
    this.present.add(party);
    this.reseat();
  }

  leave(party: PartyId): void {
    this.present.delete(party);
    this.reseat();
  }

  /** The seat's person has read the briefing; the talks open when everyone at the table has. */
  readBriefing(party: PartyId): void {
    this.briefed.add(party);
    this.changed();
    this.schedule();
  }

  /** The AI plays the seat (true) or gives it back to its student (false). */
  setAi(party: PartyId, ai: boolean): void {
    if (ai) this.aiTaken.add(party);
    else this.aiTaken.delete(party);
    this.reseat();
  }

  /** A student sits at the seat, or nobody (the AI plays it). */
  setStudent(party: PartyId, student: string | null): void {
    this.seats[party] = student;
    this.present.delete(party);
    this.aiTaken.delete(party);
    this.reseat();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.changed();
    this.schedule();
  }

  /** The table stops for good (the lesson ended, or the server is closing). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.actor.stop();
    this.changed();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** The party whose turn it is, when the table waits for a person. */
  waitingFor(): PartyId | undefined {
    const world = this.world;
    if (world.phase === 'briefing') return this.humans().find((id) => !this.briefed.has(id));
    const actor = currentActor(world, this.game);
    return actor !== undefined && this.humans().includes(actor) ? actor : undefined;
  }

  status(party: PartyId): SeatStatus {
    const status: SeatStatus = { paused: this.paused || this.stopped, briefed: this.briefed.has(party), aiPlays: this.aiTaken.has(party) };
    const waiting = this.waitingFor();
    if (waiting !== undefined && waiting !== party) {
      const name = this.seats[waiting]!;
      const what = this.world.phase === 'briefing' ? ' to read their briefing' : '';
      status.waiting = `Waiting for ${this.game.party[waiting]!.name} (${name}${this.present.has(waiting) ? '' : ', not connected'})${what}`;
    }
    return status;
  }

  /** Listen for changes the actor does not carry: who is here, pauses, briefings read. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private reseat(): void {
    if (!this.stopped) this.actor.send({ type: 'SEATS', humans: this.humans() });
    this.onChange?.(this);
    this.changed();
    this.schedule();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Makes the next automatic move after a pause, when one is due; opens the talks when all are briefed. */
  private schedule(): void {
    if (this.timer || this.stopped || this.paused) return;
    const world = this.world;
    const humans = this.humans();
    const open = world.phase === 'briefing' && humans.length > 0 && humans.every((id) => this.briefed.has(id));
    if (!open && !moveDue(this.game, world, { humans })) return;
    const slow = world.phase === 'ratification' || world.phase === 'implementation';
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        if (this.stopped || this.paused) return;
        try {
          if (open && this.world.phase === 'briefing') this.actor.send({ type: 'COMMAND', command: { type: 'begin' } });
          else this.actor.send({ type: 'ADVANCE', max: 1 });
        } catch (error) {
          // One table's failure must not stop the others (or the server): this one waits for the teacher.
          this.paused = true;
          this.onError?.(this, error);
          this.changed();
          return;
        }
        // A move that was refused or not due leaves nothing to announce: look again.
        this.schedule();
      },
      slow ? this.delayMs * 2 : this.delayMs,
    );
  }
}
