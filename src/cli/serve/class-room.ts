// A class folder played live: one table (one engine) per table of the plan, the students' seats, who is
// connected, the teacher's word to the class, and the signed saves in the class folder after every move — so
// `debrief DIR` works during the lesson and after it, exactly as for games played with `play --class`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { classReportHtml } from '../../engine/class-report-html.js';
import { classReportMarkdown } from '../../engine/class-report.js';
import { seatOf, type ClassPlan } from '../../engine/class-plan.js';
import { LiveTable, type WhenAway } from '../../engine/live-table.js';
import type { PartyId } from '../../model/types.js';
import { currentActor } from '../../model/view.js';
import { cleanText } from '../../scenario/clean-text.js';
import type { LiveSeat, LiveStatus, ScenarioChoice } from '../../ui/app-options.js';
import { roundLabel } from '../../ui/format.js';
import type { ClassRoom, DashboardTable, RoomSnapshot } from '../../ui/screens/Dashboard.js';
import { linesBefore, seatSession } from '../../ui/session.js';
import type { LogLine } from '../../model/types.js';
import { authentic, loadClass, savesDir, signatureOf, studentSavePath } from '../class-store.js';
import { classReportOf } from '../class-results.js';
import { CliError } from '../errors.js';
import { loadSave } from '../save-load.js';
import { lockSave, writeFileAtomic, writeSave, type LoadedSave } from '../save-store.js';
import { loadGameCached } from '../scenario-arg.js';

export interface LiveClassOptions {
  dir: string;
  whenAway: WhenAway;
  /** Pause between the AI's moves, in ms. */
  delayMs?: number;
  /** How long the teacher's message stays on the students' screens, in ms. */
  messageMs?: number;
  /** A line for the server's console (who connected, what the teacher did). */
  log?: (line: string) => void;
}

/** A connected student's screen, as the server holds it. */
export interface Attached {
  /** The student's seat changed: draw the game again at the new one. */
  reseat: () => void;
  /** Another connection took over this student's seat, or the server is closing. */
  kick: (reason: string) => void;
}

/** Makes a name typed as an SSH user name comparable with the roster: "ana.lima" finds "Ana Lima". */
export const userKey = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

export class LiveClass implements ClassRoom {
  readonly dir: string;
  readonly plan: ClassPlan;
  readonly choice: ScenarioChoice;
  readonly tables = new Map<string, LiveTable>();
  private readonly attached = new Map<string, Attached>();
  /** The dashboards: told of every change at every table. */
  private readonly listeners = new Set<() => void>();
  /** The students' screens: told only when the teacher's message comes or goes (their table tells them the rest). */
  private readonly notices = new Set<() => void>();
  /** Each resumed table's log before this server started, replayed once for every screen that joins it. */
  private readonly priorLines = new Map<LiveTable, LogLine[]>();
  private readonly messageMs: number;
  private readonly log: (line: string) => void;
  private message: { text: string; timer: ReturnType<typeof setTimeout> } | undefined;
  private paused = false;
  private ended = false;
  private report: string[] | undefined;

  constructor(options: LiveClassOptions) {
    this.dir = options.dir;
    this.messageMs = options.messageMs ?? 90_000;
    this.log = options.log ?? (() => undefined);
    this.plan = loadClass(options.dir);
    const scenario = this.plan.scenario.path ?? this.plan.scenario.id;
    const loaded = loadGameCached(scenario);
    if (loaded.hash !== this.plan.scenario.hash) {
      throw new CliError(`the scenario "${cleanText(this.plan.scenario.id)}" has changed since the class was made; make the class again`);
    }
    this.choice = { game: loaded.game, hash: loaded.hash, path: loaded.path };
    for (const t of this.plan.tables) {
      const students = Object.values(t.seats).filter((s): s is string => s !== null);
      for (const name of students) lockSave(studentSavePath(this.dir, t.id, name));
      const resume = this.resumeOf(t.id, students);
      const table = new LiveTable({
        id: t.id,
        game: loaded.game,
        seed: t.seed,
        seats: t.seats,
        whenAway: options.whenAway,
        ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}),
        ...(resume ? { resume: { world: resume.world, log: resume.log } } : {}),
        onChange: (changed) => this.persist(changed),
        onError: (failed, error) => this.log(`${failed.id} stopped on an error and is paused: ${error instanceof Error ? error.message : String(error)}`),
      });
      table.subscribe(() => this.changed());
      table.actor.subscribe(() => this.changed());
      this.tables.set(t.id, table);
    }
  }

  /**
   * The game a table resumes: the furthest of its students' signed saves. Students who played the same table
   * apart (each with `play --class`) have different games; the others are kept beside it, never overwritten.
   */
  private resumeOf(table: string, students: string[]): LoadedSave | undefined {
    const scenario = this.plan.scenario.path ?? this.plan.scenario.id;
    const saves: { path: string; loaded: LoadedSave }[] = [];
    for (const name of students) {
      const path = studentSavePath(this.dir, table, name);
      if (!existsSync(path)) continue;
      try {
        const loaded = loadSave(path, scenario);
        if (authentic(this.dir, loaded.save)) saves.push({ path, loaded });
        else this.log(`${path}: not signed by this class (edited outside the game); not resumed`);
      } catch (error) {
        this.log(`${path}: ${(error as Error).message}; not resumed`);
      }
    }
    if (saves.length === 0) return undefined;
    saves.sort((a, b) => b.loaded.log.length - a.loaded.log.length);
    const chosen = saves[0]!;
    for (const other of saves.slice(1)) {
      if (other.loaded.save.hash === chosen.loaded.save.hash) continue;
      const kept = join(savesDir(this.dir), 'before-serve');
      mkdirSync(kept, { recursive: true });
      copyFileSync(other.path, join(kept, basename(other.path)));
      this.log(`${table}: ${basename(other.path)} was a different game; kept in saves/before-serve/`);
    }
    return chosen.loaded;
  }

  /** Writes the table's game to each of its students' saves, signed, as `play --class` would. */
  private persist(table: LiveTable): void {
    if (table.log.length === 0) return;
    const humans = this.choice.game.partyIds.filter((id) => table.seats[id] != null);
    for (const party of humans) {
      const name = table.seats[party]!;
      const player = { name, table: table.id };
      try {
        writeSave(studentSavePath(this.dir, table.id, name), {
          game: this.choice.game,
          scenarioHash: this.choice.hash,
          seed: table.seed,
          humans,
          log: table.log,
          world: table.world,
          stamp: (save) => {
            const withPlayer = { ...save, player };
            return { ...withPlayer, signature: signatureOf(this.dir, withPlayer) };
          },
        });
      } catch (error) {
        this.log(`could not save ${table.id} for ${name}: ${(error as Error).message}`);
      }
    }
  }

  /** The student on the roster that an SSH user name means, if any. */
  student(user: string): string | undefined {
    const key = userKey(user);
    if (!key) return undefined;
    for (const t of this.plan.tables) for (const name of Object.values(t.seats)) if (name !== null && userKey(name) === key) return name;
    return undefined;
  }

  seat(student: string): { table: LiveTable; party: PartyId } | undefined {
    const found = seatOf(this.plan, student);
    return found ? { table: this.tables.get(found.table.id)!, party: found.party } : undefined;
  }

  /** A student's screen connects: they take their seat (and a screen already there is closed). */
  attach(student: string, screen: Attached): () => void {
    const before = this.attached.get(student);
    this.attached.set(student, screen);
    if (before) before.kick('You connected again from another terminal; this one is closed.');
    const seat = this.seat(student);
    seat?.table.join(seat.party);
    this.log(`${student} connected`);
    this.changed();
    return () => {
      if (this.attached.get(student) !== screen) return;
      this.attached.delete(student);
      const seat = this.seat(student);
      seat?.table.leave(seat.party);
      this.log(`${student} left`);
      this.changed();
    };
  }

  /** What the student's game screen needs to sit at their table. */
  liveSeat(student: string): LiveSeat {
    const { table, party } = this.seat(student)!;
    let prior = this.priorLines.get(table);
    if (!prior) this.priorLines.set(table, (prior = linesBefore(this.choice.game, table.seed, table.resumed)));
    const session = seatSession(this.choice, table.actor, table.seed, party, prior);
    return {
      session,
      party,
      student,
      status: (): LiveStatus => ({ ...table.status(party), ended: this.ended, ...(this.message ? { message: this.message.text } : {}) }),
      subscribe: (listener) => {
        const stop = table.subscribe(listener);
        this.notices.add(listener);
        return () => {
          stop();
          this.notices.delete(listener);
        };
      },
      readBriefing: () => table.readBriefing(party),
    };
  }

  // ── the teacher's dashboard ──────────────────────────────────────────────────────────────────────────────

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The teacher's message came or went: every screen. */
  private announced(): void {
    this.changed();
    for (const listener of [...this.notices]) listener();
  }

  snapshot = (): RoomSnapshot => {
    const game = this.choice.game;
    const tables: DashboardTable[] = [...this.tables.values()].map((t) => {
      const world = t.world;
      const turn = currentActor(world, game);
      const who = (id: PartyId) => `${game.party[id]!.name} (${t.seats[id] != null && !t.isAiTaken(id) ? t.seats[id] : 'AI'})`;
      const waiting = t.waitingFor();
      // Before the talks open nobody is to move: the table waits for whoever has not read the briefing yet.
      const reading = world.phase === 'briefing' ? game.partyIds.filter((id) => t.seats[id] != null && !t.isAiTaken(id) && !t.status(id).briefed) : [];
      const row: DashboardTable = {
        id: t.id,
        state: roundLabel(game.public, world.round, world.phase),
        toMove: world.phase === 'briefing' ? '' : waiting !== undefined ? who(waiting) : turn !== undefined ? who(turn) : '',
        // The current round counts: in round 18 of 18 there is one round left.
        roundsLeft: Math.max(0, game.public.rounds - world.round + 1),
        seats: game.partyIds
          .filter((id) => game.party[id]!.playable || t.seats[id] != null)
          .map((id) => ({ party: id, name: game.party[id]!.name, student: t.seats[id] ?? null, connected: t.isPresent(id), ai: t.isAiTaken(id) })),
        offers: world.open.map((n) => {
          const p = world.proposals[n - 1]!;
          return `#${p.id} ${game.party[p.by]!.name} (R${p.round})`;
        }),
      };
      if (world.outcome) row.outcome = world.outcome.summary;
      if (world.phase !== 'ended') row.state += ` · ${row.roundsLeft} round${row.roundsLeft === 1 ? '' : 's'} left`;
      if (reading.length > 0) row.state += ` · still reading: ${reading.map(who).join(', ')}`;
      return row;
    });
    const students = this.plan.tables.reduce((n, t) => n + Object.values(t.seats).filter((s) => s !== null).length, 0);
    return {
      title: game.scenario.meta.title,
      students,
      connected: this.attached.size,
      paused: this.paused,
      ended: this.ended,
      tables,
      ...(this.report ? { report: this.report } : {}),
    };
  };

  setPaused = (paused: boolean): string => {
    if (this.ended) return 'The lesson has ended.';
    this.paused = paused;
    for (const t of this.tables.values()) t.setPaused(paused);
    this.log(paused ? 'the teacher paused the tables' : 'the teacher resumed the tables');
    this.changed();
    return paused ? 'Every table is paused.' : 'The tables play on.';
  };

  broadcast = (text: string): string => {
    const clean = cleanText(text).replace(/\s+/g, ' ').trim().slice(0, 200);
    if (!clean) return 'Nothing to say.';
    if (this.message) clearTimeout(this.message.timer);
    const timer = setTimeout(() => {
      this.message = undefined;
      this.announced();
    }, this.messageMs);
    timer.unref?.();
    this.message = { text: clean, timer };
    this.log(`the teacher said: ${clean}`);
    this.announced();
    return `Said to ${this.attached.size} connected student${this.attached.size === 1 ? '' : 's'}: ${clean}`;
  };

  setAi = (tableId: string, party: PartyId, ai: boolean): string => {
    const table = this.tables.get(tableId);
    if (!table || table.seats[party] == null) return 'No student holds that seat.';
    table.setAi(party, ai);
    const name = this.choice.game.party[party]!.name;
    this.log(`${tableId}: ${ai ? 'the AI plays' : `${table.seats[party]} plays`} ${name}`);
    this.changed();
    return ai ? `The AI plays ${name} at ${tableId} until you give the seat back.` : `${table.seats[party]} plays ${name} at ${tableId} again.`;
  };

  /** Moves a student to another seat (at any table); whoever held it takes the student's old seat. */
  move = (student: string, tableId: string, party: PartyId): string => {
    const from = this.seat(student);
    const to = this.tables.get(tableId);
    if (!from || !to || !(party in to.seats)) return 'No such seat.';
    if (from.table === to && from.party === party) return `${student} already sits there.`;
    const other = to.seats[party] ?? null;
    const planFrom = this.plan.tables.find((t) => t.id === from.table.id)!;
    const planTo = this.plan.tables.find((t) => t.id === tableId)!;
    planTo.seats[party] = student;
    planFrom.seats[from.party] = other;
    writeFileAtomic(join(this.dir, 'class.json'), `${JSON.stringify(this.plan, null, 2)}\n`);
    from.table.setStudent(from.party, other);
    to.setStudent(party, student);
    for (const name of [student, other]) {
      if (name === null) continue;
      const seat = this.seat(name)!;
      lockSave(studentSavePath(this.dir, seat.table.id, name));
      if (this.attached.has(name)) seat.table.join(seat.party);
      this.attached.get(name)?.reseat();
    }
    const what = `${student} now plays ${this.choice.game.party[party]!.name} at ${tableId}${other ? `; ${other} takes their old seat` : ''}.`;
    this.log(what);
    this.changed();
    return what;
  };

  /** Stops every table (each is saved already) and writes the class report into the class folder. */
  endLesson = (): string => {
    if (this.ended) return 'The lesson has already ended.';
    this.ended = true;
    for (const t of this.tables.values()) t.stop();
    try {
      const report = classReportOf(this.dir);
      const markdown = cleanText(classReportMarkdown(report));
      writeFileAtomic(join(this.dir, 'report.md'), markdown);
      writeFileAtomic(join(this.dir, 'report.html'), classReportHtml(report));
      this.report = markdown.split('\n');
      this.log('the teacher ended the lesson; report written');
      this.changed();
      return `The lesson has ended. The report is in ${join(this.dir, 'report.html')} (and report.md).`;
    } catch (error) {
      this.report = [`The report could not be made: ${(error as Error).message}`];
      this.changed();
      return 'The lesson has ended, but the report could not be made.';
    }
  };

  /** The server is closing: every screen is told, every table stops (each is saved already). */
  close(): void {
    for (const screen of [...this.attached.values()]) screen.kick('The class server is closing; your game is saved.');
    for (const t of this.tables.values()) if (!t.isStopped) t.stop();
    if (this.message) clearTimeout(this.message.timer);
  }
}
