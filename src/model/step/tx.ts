// One step's writable copy of the world, by hand-made copy-on-write. The world a step starts from is never
// changed: the first write to a party, a proposal, a message or a list copies it (and only it), so a step costs
// what it changes, not what the history holds. Every rule writes through these accessors and reads the rest
// straight from `w`; records a step does not touch stay shared with the old world.
//
// Why not immer: the same recipe through immer's proxies cost about a third of an all-AI game (profiled), and
// the records here are flat enough that "copy what you write" fits in one page. The tests deep-freeze every
// world a step returns (see `freezeWorld`), so a write that bypasses these accessors fails loudly.
import { nextRandom } from '../rng.js';
import type { Game } from '../game.js';
import type { Agreement, LogLine, Message, PartyId, PartyState, Proposal, World } from '../types.js';

export class Tx {
  /** The world the step started from: read it for what the step cannot have changed (cheaper than asking). */
  readonly base: World;
  /** The world being built: a shallow copy of `base` whose parts are copied as they are written. */
  readonly w: World;
  /** The lines this step wrote. */
  readonly lines: LogLine[] = [];
  /** Set when the step ended a round: the next one opens before the step returns. */
  roundPending = false;
  private readonly copied = new Set<object>();

  constructor(
    readonly game: Game,
    base: World,
  ) {
    this.base = base;
    this.w = { ...base };
  }

  /** Whether `value` was made in this step (so it may be written in place). */
  private own<T extends object>(value: T): boolean {
    return this.copied.has(value);
  }

  private fresh<T extends object>(value: T): T {
    this.copied.add(value);
    return value;
  }

  // ── lists and records of the world ──────────────────────────────────────────────────────────────────────

  private list<K extends 'proposals' | 'messages' | 'open' | 'firedEvents' | 'meetingsHeld' | 'summits'>(key: K): World[K] {
    const current = this.w[key];
    if (this.own(current)) return current;
    const copy = this.fresh([...current]) as World[K];
    this.w[key] = copy;
    return copy;
  }

  /** The open proposal ids, writable. */
  open(): number[] {
    return this.list('open');
  }

  firedEvents(): string[] {
    return this.list('firedEvents');
  }

  meetingsHeld(): string[] {
    return this.list('meetingsHeld');
  }

  summits(): World['summits'] {
    return this.list('summits');
  }

  /** Control shares, writable. */
  control(): Record<string, number> {
    if (!this.own(this.w.control)) this.w.control = this.fresh({ ...this.w.control });
    return this.w.control;
  }

  /** A party's state, writable (its trust, commitments and levers are copied with it). */
  party(id: PartyId): PartyState {
    const current = this.w.parties[id]!;
    if (this.own(current)) return current;
    if (!this.own(this.w.parties)) this.w.parties = this.fresh({ ...this.w.parties });
    const copy = this.fresh({
      ...current,
      trust: { ...current.trust },
      commitments: current.commitments.map((c) => ({ ...c })),
      levers: [...current.levers],
    });
    this.w.parties[id] = copy;
    return copy;
  }

  /** Proposal `id`, writable (its lists of answers are copied with it). */
  proposal(id: number): Proposal {
    const current = this.w.proposals[id - 1]!;
    if (this.own(current)) return current;
    const copy = this.fresh({ ...current, accepted: [...current.accepted], rejected: [...current.rejected] });
    this.list('proposals')[id - 1] = copy;
    return copy;
  }

  /** Message `id`, writable (who found it out and who asked about it are copied with it). */
  message(id: number): Message {
    const current = this.w.messages[id - 1]!;
    if (this.own(current)) return current;
    const copy = this.fresh({ ...current, exposedTo: [...current.exposedTo], clarified: [...current.clarified] });
    this.list('messages')[id - 1] = copy;
    return copy;
  }

  addProposal(p: Proposal): void {
    this.list('proposals').push(this.fresh(p));
  }

  addMessage(m: Message): void {
    this.list('messages').push(this.fresh(m));
  }

  /** The agreement being signed, ratified or implemented, writable. */
  agreement(): Agreement {
    const current = this.w.agreement!;
    if (this.own(current)) return current;
    const copy = this.fresh({ ...current, signatories: [...current.signatories], signed: [...current.signed], ratified: { ...current.ratified } });
    this.w.agreement = copy;
    return copy;
  }

  setAgreement(a: Agreement | undefined): void {
    this.w.agreement = a === undefined ? a : this.fresh(a);
  }

  // ── randomness and the log ──────────────────────────────────────────────────────────────────────────────

  /** The next draw of the world's generator, in [0, 1). */
  random(): number {
    const [value, state] = nextRandom(this.w.rng);
    this.w.rng = state;
    return value;
  }

  /** A standard normal draw (Box–Muller), from two draws of the world's generator. */
  normal(): number {
    const u = Math.max(this.random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.random());
  }

  log(line: Omit<LogLine, 'round'>): void {
    this.lines.push({ round: this.w.round, ...line });
  }

  /** Ends the step's writing: the world keeps the lines it wrote (the engine streams the full log). */
  finish(): World {
    this.w.recent = this.lines;
    this.w.logCount += this.lines.length;
    return this.w;
  }
}

/**
 * Whether the model freezes the worlds it returns, so that code writing into a world in place fails at once. On
 * in tests and development; the shipped bundle (NODE_ENV=production) skips the walk.
 */
export const FREEZE = process.env.NODE_ENV !== 'production';

/**
 * Freezes every part of a world that is not frozen yet (the parts a step made; what it shared with the world
 * before is frozen already). Tests and development run with it, so a rule that writes in place fails at once.
 */
export function freezeWorld<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeWorld(v);
  }
  return value;
}
