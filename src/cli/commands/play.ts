// `backchannel play [SCENARIO...] [--as PARTY] [--players a,b] [--seed N] [--load SAVE] [--save SAVE] [--plain]`
// and `backchannel` alone (the title screen). Loads and checks everything first — scenarios, parties, the save —
// so that any mistake is one line and an exit code before a screen is drawn; then starts the terminal UI, or
// plain mode when asked for or when stdin or stdout is not a terminal. React and Ink are imported only on the
// interactive path.
import { loadUi } from '../load-ui.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Game } from '../../model/game.js';
import type { PartyId } from '../../model/types.js';
import { listBundled } from '../../scenario/scenario-files.js';
import { cleanText } from '../../scenario/clean-text.js';
import type { AppOptions, ClassOffer, GameStart, ScenarioChoice } from '../../ui/app-options.js';
import { parseCommand } from '../args.js';
import { CliError, usageError } from '../errors.js';
import { INTERRUPT, lineSource } from '../plain/input.js';
import { pickParties, pickScenario } from '../plain/pickers.js';
import { INTERRUPT_EXIT, playPlain } from '../plain/session.js';
import { checkSaveTarget, lockSave, newSavePath, writeSave, writeTranscript, type SaveState } from '../save-store.js';
import { lookUp } from '../scenario-cache.js';
import { authentic, loadClass, signatureOf, studentSavePath } from '../class-store.js';
import { seatOf } from '../../engine/class-plan.js';
import type { LoadedGame } from '../scenario-arg.js';
import { parseSeed } from '../seed.js';
import { clockSeed, exitOnBrokenPipe, wantsColor, wantsPlain } from '../tty.js';
import { commandHint } from '../hint.js';

export const playUsage = 'usage: backchannel play [SCENARIO...] [--as PARTY] [--players a,b] [--seed N] [--load SAVE] [--save SAVE] [--plain]';

const help = `${playUsage}

  (no SCENARIO)     the title screen: pick a bundled scenario, then your side
  SCENARIO          a bundled id (e.g. alaska-2025) or a .yaml file; alone, the game asks for your side and
                    opens at your briefing; several join the bundled ones in the title screen's picker
  --as PARTY        play one party (skips to its confidential briefing)
  --players a,b     hot-seat: several people at one keyboard, each playing one party
  --seed N          the seed (0–4294967295); without it the clock picks one and the game shows it,
                    so a class can replay the same war with --seed N
  --load SAVE       resume a saved game where it was left (its scenario comes from the save, or SCENARIO)
  --save SAVE       where to save (default: $XDG_STATE_HOME/backchannel/<scenario>-seed-<N>.json, or
                    ~/.local/state/backchannel/…); the game saves after every move
  --plain           line-by-line mode without a screen (automatic when stdin or stdout is not a terminal);
                    type help in it for its commands
  --class DIR --student NAME
                    a lesson: sit at your table and seat of the class in DIR (backchannel class new), with the
                    table's seed; the game is saved, signed, in DIR/saves and resumed from there

Quitting saves. Ctrl+C saves too: in plain mode it exits with code ${INTERRUPT_EXIT}; on the screens it asks to
quit and exits 0 after saving.
`;

interface Flags {
  class?: string;
  student?: string;
  as?: string;
  players?: string;
  seed?: string;
  load?: string;
  save?: string;
  plain?: boolean;
  help?: boolean;
}

function parse(argv: string[]): { flags: Flags; positionals: string[] } {
  const { values, positionals } = parseCommand('play', argv, {
    class: { type: 'string' },
    student: { type: 'string' },
    as: { type: 'string' },
    players: { type: 'string' },
    seed: { type: 'string' },
    load: { type: 'string' },
    save: { type: 'string' },
    plain: { type: 'boolean' },
  });
  return { flags: values, positionals };
}

/** The parties named by --as or --players, checked against the scenario, in turn order. */
export function humansFor(game: Game, names: string[]): PartyId[] {
  const id = game.scenario.meta.id;
  const list = game.scenario.parties.map((p) => p.id).join(', ');
  const playable = game.scenario.parties.filter((p) => p.playable).map((p) => p.id);
  const chosen: PartyId[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const party = game.scenario.parties.find((p) => p.id === name) ?? game.scenario.parties.find((p) => p.id === name.toLowerCase() || p.name.toLowerCase() === name.toLowerCase());
    if (!party) throw new CliError(`unknown party "${cleanText(name)}" in ${id} (parties: ${list})`);
    if (!party.playable) throw new CliError(`party "${party.id}" in ${id} is not playable (playable: ${playable.join(', ')})`);
    if (chosen.includes(party.id)) throw usageError(`--players names ${party.id} twice`);
    chosen.push(party.id);
  }
  return game.partyIds.filter((p) => chosen.includes(p));
}

function partyNames(flags: Flags): string[] | undefined {
  if (flags.as !== undefined && flags.players !== undefined) throw usageError(`play: give --as or --players, not both\n${playUsage}`);
  const text = flags.as ?? flags.players;
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw usageError(`play: --${flags.as !== undefined ? 'as' : 'players'} needs a party\n${playUsage}`);
  if (flags.as !== undefined && names.length > 1) throw usageError(`play: --as takes one party; use --players ${names.join(',')} for hot-seat\n${playUsage}`);
  return names;
}

const choiceOf = (l: LoadedGame): ScenarioChoice => ({ game: l.game, hash: l.hash, path: l.path });

export async function run(argv: string[]): Promise<number> {
  exitOnBrokenPipe();
  const { flags, positionals } = parse(argv);
  if (flags.help) {
    process.stdout.write(help);
    return 0;
  }
  const plain = wantsPlain(flags.plain === true);
  if (flags.class !== undefined || flags.student !== undefined) return playInClass(flags, positionals, plain);
  const names = partyNames(flags);

  // ── resuming a save ──────────────────────────────────────────────────────────────────────────────────────
  if (flags.load !== undefined) {
    if (positionals.length > 1) throw usageError(`play: --load takes at most one SCENARIO (the save's scenario file)\n${playUsage}`);
    const loaded = (await import('../save-load.js')).loadSave(flags.load, positionals[0]);
    const { save, world } = loaded;
    if (flags.seed !== undefined && parseSeed(flags.seed, save.seed) !== save.seed) {
      throw usageError(`play: the save was played with seed ${save.seed}; drop --seed to resume it`);
    }
    if (names !== undefined) {
      const wanted = humansFor(loaded.loaded.game, names);
      if (wanted.join(',') !== save.humans.join(',')) {
        throw usageError(`play: the save was played as ${save.humans.join(',')}; drop --as/--players to resume it`);
      }
    }
    if (save.humans.length === 0) throw new CliError(`${cleanText(flags.load)}: this save has no human player to resume`);
    const savePath = flags.save ?? flags.load;
    if (flags.save !== undefined) checkSaveTarget(flags.save, { scenario: save.scenario.id, seed: save.seed });
    lockSave(savePath);
    const log = loaded.log;
    if (plain) {
      const input = lineSource();
      try {
        return await playPlain({
          game: loaded.loaded.game,
          scenarioHash: loaded.loaded.hash,
          seed: save.seed,
          humans: save.humans,
          resume: { world, log },
          savePath,
          input,
          write: (t) => process.stdout.write(t),
        });
      } finally {
        input.close();
      }
    }
    return interactive(
      [choiceOf(loaded.loaded)],
      save.seed,
      { choice: choiceOf(loaded.loaded), seed: save.seed, humans: save.humans, resume: { world, log } },
      flags.save ?? flags.load,
    );
  }

  // ── a new game ───────────────────────────────────────────────────────────────────────────────────────────
  const given = await Promise.all(positionals.map((arg) => gameOf(arg)));
  const seed = parseSeed(flags.seed, clockSeed());
  let humans: PartyId[] | undefined;
  if (names !== undefined) {
    if (given.length !== 1) throw usageError(`play: --${flags.as !== undefined ? 'as' : 'players'} needs exactly one SCENARIO\n${playUsage}`);
    humans = humansFor(given[0]!.game, names);
  }
  if (flags.save !== undefined) {
    checkSaveTarget(flags.save, { seed, ...(given.length === 1 ? { scenario: given[0]!.game.scenario.meta.id } : {}) });
    lockSave(flags.save);
  }

  if (plain) {
    const input = lineSource();
    const write = (t: string) => process.stdout.write(t);
    let chosen: LoadedGame;
    if (given.length === 1) {
      chosen = given[0]!;
    } else {
      const picked = await pickScenario(await pickerList(given), input, write);
      if (!picked.ok) return leaveBeforeStart(input, picked.reason);
      chosen = picked.value;
    }
    if (humans === undefined) {
      const picked = await pickParties(chosen, input, write);
      if (!picked.ok) return leaveBeforeStart(input, picked.reason);
      humans = picked.value;
    }
    const savePath = flags.save ?? newSavePath(chosen.game.scenario.meta.id, seed);
    try {
      return await playPlain({ game: chosen.game, scenarioHash: chosen.hash, seed, humans, savePath, input, write });
    } finally {
      input.close();
    }
  }

  // Interactive: the title screen lists the bundled scenarios and any given. One scenario without --as: the
  // UI opens either at the title or with a game (AppOptions has no "role picker first"), so the side is asked
  // for here, on one line, and the game opens at its briefing.
  if (given.length === 1 && humans === undefined) {
    const input = lineSource();
    const write = (t: string) => process.stdout.write(t);
    process.stdout.write(`${cleanText(given[0]!.game.scenario.meta.title)} — choose your side.\n`);
    const picked = await pickParties(given[0]!, input, write);
    input.close();
    if (!picked.ok) return leaveBeforeStart(input, picked.reason);
    humans = picked.value;
  }
  const start: GameStart | undefined = humans !== undefined ? { choice: choiceOf(given[0]!), seed, humans } : undefined;
  const scenarios = start ? [start.choice] : (await pickerList(given)).map(choiceOf);
  // Started in (or next to) a class folder, the title screen offers to join it: a student need not type a flag.
  const offer = !start && given.length === 0 && flags.save === undefined ? await findClassOffer(process.cwd()) : undefined;
  return interactive(scenarios, seed, start, flags.save, undefined, offer);
}

/**
 * A SCENARIO argument's game: from the scenario cache when it holds it, else through the scenario reader, which
 * is loaded only then (the YAML parser and the schema are a good part of a cold start; scenario-cache.ts).
 */
async function gameOf(arg: string): Promise<LoadedGame> {
  const entry = lookUp(arg);
  return entry.hit ?? entry.keep((await import('../scenario-arg.js')).loadGame(arg));
}

/** The scenario picker's list: the bundled scenarios, then the files given on the command line (each once). */
async function pickerList(given: LoadedGame[]): Promise<LoadedGame[]> {
  const bundled: LoadedGame[] = [];
  for (const b of listBundled()) bundled.push(await gameOf(b.path));
  const list = [...bundled];
  for (const g of given) if (!list.some((l) => resolve(l.path) === resolve(g.path))) list.push(g);
  if (list.length === 0) throw new CliError('no bundled scenarios found; give a scenario file');
  return list;
}

function leaveBeforeStart(input: { close(): void }, reason: symbol): number {
  input.close();
  process.stdout.write('Nothing was played, so nothing was saved.\n');
  return reason === INTERRUPT ? INTERRUPT_EXIT : 0;
}

/**
 * The save function the UI calls: an explicit --save/--load file, or else, for each game the UI starts, a free
 * path named by its scenario and seed (chosen at its first save, then kept, so a game never overwrites another).
 */
export function saverFor(explicit: string | undefined, stamp?: SaveState['stamp']): AppOptions['save'] {
  const paths = new Map<string, string>();
  return ({ choice, seed, humans, world, log }) => {
    const key = `${choice.path}\n${seed}\n${humans.join(',')}`;
    let path = explicit ?? paths.get(key);
    if (path === undefined) {
      path = newSavePath(choice.game.scenario.meta.id, seed);
      paths.set(key, path);
    }
    return writeSave(path, { game: choice.game, scenarioHash: choice.hash, seed, humans, log, world, ...(stamp ? { stamp } : {}) });
  };
}

async function interactive(
  scenarios: ScenarioChoice[],
  seed: number,
  start: GameStart | undefined,
  savePath: string | undefined,
  stamp?: SaveState['stamp'],
  offer?: { dir: string; classOffer: ClassOffer },
): Promise<number> {
  const options: AppOptions = {
    scenarios,
    seed,
    save: saverFor(savePath, stamp),
    saveTranscript: (name, markdown) => writeTranscript(name, markdown),
    color: wantsColor(),
    ...(start ? { start } : {}),
    ...(offer ? { classOffer: offer.classOffer } : {}),
  };
  // The UI (React, Ink) lives in its own chunk of the bundle: only this path loads it.
  const { runApp } = await loadUi(() => import('../../ui/run-app.js'));
  const result = await runApp(options);
  // A student chose their name on the title screen: seat them as play --class DIR --student NAME would.
  if (offer && result.student !== undefined) return playInClass({ class: offer.dir, student: result.student }, [], false);
  const lines: string[] = [];
  if (result.savedTo) {
    lines.push(
      `Saved to ${result.savedTo}`,
      result.ended ? `The teacher's report: ${commandHint('debrief', result.savedTo)}` : `Resume with: ${commandHint('play', '--load', result.savedTo)}`,
    );
  }
  lines.push(`Seed ${start?.seed ?? seed}: play the same war again with --seed ${start?.seed ?? seed}.`);
  process.stdout.write(lines.map((l) => `${cleanText(l)}\n`).join(''));
  return 0;
}

/**
 * A class folder where the game was started — the current folder, or one folder in it (the first by name) —
 * as the title screen offers it; undefined when there is none or it cannot be read.
 */
export async function findClassOffer(cwd: string): Promise<{ dir: string; classOffer: ClassOffer } | undefined> {
  const candidates = [cwd];
  try {
    for (const entry of readdirSync(cwd, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) if (entry.isDirectory()) candidates.push(join(cwd, entry.name));
  } catch {
    return undefined;
  }
  for (const dir of candidates) {
    if (!existsSync(join(dir, 'class.json'))) continue;
    try {
      const plan = loadClass(dir);
      const loaded = await gameOf(plan.scenario.path ?? plan.scenario.id);
      const students = plan.tables.flatMap((t) =>
        Object.entries(t.seats).flatMap(([party, name]) => (name === null ? [] : [{ name, table: t.id, seat: loaded.game.party[party]?.name ?? party }])),
      );
      if (students.length === 0) continue;
      const folder = dir === cwd ? '.' : relative(cwd, dir);
      return { dir, classOffer: { title: loaded.game.scenario.meta.title, folder, students } };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** `play --class DIR --student NAME`: the student's seat at the table the plan gives, resumed if begun. */
async function playInClass(flags: Flags, positionals: string[], plain: boolean): Promise<number> {
  if (flags.class === undefined || flags.student === undefined) throw usageError('play: --class DIR and --student NAME go together');
  if (positionals.length > 0 || flags.as !== undefined || flags.players !== undefined || flags.seed !== undefined || flags.load !== undefined || flags.save !== undefined) {
    throw usageError('play: in a class the plan sets the scenario, the seat, the seed and the save; give only --class and --student');
  }
  const dir = flags.class;
  const plan = loadClass(dir);
  const seat = seatOf(plan, flags.student);
  if (!seat) {
    const names = plan.tables.flatMap((t) => Object.values(t.seats).filter((s): s is string => s !== null));
    throw new CliError(`"${cleanText(flags.student)}" is not on the class list (${names.length} students: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})`);
  }
  const loaded = await gameOf(plan.scenario.path ?? plan.scenario.id);
  if (loaded.hash !== plan.scenario.hash)
    throw new CliError(`the scenario "${cleanText(plan.scenario.id)}" has changed since the class was made; the teacher must make the class again`);
  const player = { name: seat.student, table: seat.table.id };
  const stamp: SaveState['stamp'] = (save) => {
    const withPlayer = { ...save, player };
    return { ...withPlayer, signature: signatureOf(dir, withPlayer) };
  };
  const savePath = studentSavePath(dir, seat.table.id, seat.student);
  lockSave(savePath);
  let resume: GameStart['resume'];
  if (existsSyncSafe(savePath)) {
    const existing = (await import('../save-load.js')).loadSave(savePath, plan.scenario.path ?? plan.scenario.id);
    if (!authentic(dir, existing.save)) throw new CliError(`${cleanText(savePath)} was changed outside the game (its signature does not match); ask your teacher`);
    resume = { world: existing.world, log: existing.log };
  }
  const humans = [seat.party];
  const seed = seat.table.seed;
  process.stdout.write(
    `${cleanText(seat.student)}: ${cleanText(loaded.game.party[seat.party]!.name)} at ${seat.table.id}, seed ${seed}${resume ? ' — resuming your game' : ''}.\n`,
  );
  if (plain) {
    const input = lineSource();
    try {
      return await playPlain({
        game: loaded.game,
        scenarioHash: loaded.hash,
        seed,
        humans,
        savePath,
        input,
        write: (t) => process.stdout.write(t),
        stamp,
        ...(resume ? { resume } : {}),
      });
    } finally {
      input.close();
    }
  }
  const choice = choiceOf(loaded);
  return interactive([choice], seed, { choice, seed, humans, ...(resume ? { resume } : {}) }, savePath, stamp);
}

function existsSyncSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
