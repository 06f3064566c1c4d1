// The contract between the command line (src/cli/commands/play.ts) and the terminal UI (src/ui): what the
// CLI hands the app, and what the app reports back when the player leaves.
import type { Game } from '../model/game.js';
import type { PartyId, World } from '../model/types.js';
import type { LoggedCommand } from '../engine/session-machine.js';
import type { SeatStatus } from '../engine/live-table.js';
import type { GameSession } from './session.js';

/** A scenario the player can pick, already loaded and valid. */
export interface ScenarioChoice {
  game: Game;
  /** Content hash, for saves. */
  hash: string;
  path: string;
}

/** A game to open directly at the table (from `play SCENARIO --as …` or `--load SAVE`). */
export interface GameStart {
  choice: ScenarioChoice;
  seed: number;
  /** The parties people play, in turn order; one for a solo game, several for hot-seat. */
  humans: PartyId[];
  /** A loaded save: the world to resume and the commands that led there. */
  resume?: { world: World; log: LoggedCommand[] };
}

export interface AppOptions {
  /** Scenarios for the picker (bundled ones plus any path given on the command line). */
  scenarios: ScenarioChoice[];
  /** Skip the title, scenario and role screens: start here (with the briefing unless resuming). */
  start?: GameStart;
  /** Seed for games started from the title screen. */
  seed: number;
  /** Persist the game: called after every round, on request and before quitting. Returns where it was written. */
  save: (game: { choice: ScenarioChoice; seed: number; humans: PartyId[]; world: World; log: LoggedCommand[] }) => string;
  /** Write a transcript (Markdown) of a finished or unfinished game; returns the path. */
  saveTranscript: (name: string, markdown: string) => string;
  /** Monochrome when NO_COLOR is set. */
  color: boolean;
  /** Pause between automatic moves (AI turns), in ms; default 250. End-to-end tests may shorten it. */
  aiDelayMs?: number;
  /** A class folder found where the game was started: the title screen offers to join it as one of its students. */
  classOffer?: ClassOffer;
  /** A seat at a live table (a class served over SSH): the game opens there, shared with the other players. */
  live?: LiveSeat;
}

/** A student's seat at a table played live: the table moves the AIs, opens the talks and saves the game. */
export interface LiveSeat {
  session: GameSession;
  party: PartyId;
  student: string;
  /** What the screen shows about the room: whom the table waits for, a pause, the teacher's message. */
  status: () => LiveStatus;
  /** Called whenever status() may have changed. */
  subscribe: (listener: () => void) => () => void;
  /** The student has read the briefing. */
  readBriefing: () => void;
}

export interface LiveStatus extends SeatStatus {
  /** The teacher's latest message to the class, while it is fresh. */
  message?: string;
  /** The lesson is over: the tables stopped. */
  ended: boolean;
}

export interface ClassOffer {
  /** The scenario's title, and the folder as the player would type it. */
  title: string;
  folder: string;
  students: { name: string; table: string; seat: string }[];
}

export interface AppResult {
  /** Where the game was last saved, if it was. */
  savedTo?: string;
  /** Whether the game reached its end. */
  ended: boolean;
  /** The student chosen on the title screen's class offer: the command line seats them at their table. */
  student?: string;
}
