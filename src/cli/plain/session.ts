// Plain mode: the game line by line on stdin/stdout, for screen readers, scripts, pipes and tests. No escape
// codes and no React: the session actor runs the table, this loop prints what the acting person may see,
// reads one command a line, and saves after every accepted move (and on quit, end of input and Ctrl+C).
import { createActor } from 'xstate';
import { buildDebrief } from '../../analysis/debrief/build.js';
import { debriefMarkdown } from '../../analysis/debrief/markdown.js';
import { impactsByParty } from '../../engine/move-impact.js';
import { sessionMachine, type LoggedCommand } from '../../engine/session-machine.js';
import type { Game } from '../../model/game.js';
import type { LogLine, PartyId, World } from '../../model/types.js';
import { currentActor, playerView } from '../../model/view.js';
import { cleanText } from '../../scenario/clean-text.js';
import { redLinesCrossed } from '../../ui/format.js';
import { rebuildLog, writeSave, type SaveState } from '../save-store.js';
import { EOF, INTERRUPT, type LineSource } from './input.js';
import { basePackage, parseLine, type ParseContext } from './parse.js';
import { briefingText, helpText, messageText, movesLine, packageLines, stateText, termsText, visibleLines, worth } from './text.js';
import { commandHint } from '../hint.js';

/** Exit code after Ctrl+C in plain mode (the game is saved first). */
export const INTERRUPT_EXIT = 130;

export interface PlainOptions {
  game: Game;
  scenarioHash: string;
  seed: number;
  /** The parties people play, in turn order. */
  humans: PartyId[];
  /** A loaded save to resume. */
  resume?: { world: World; log: LoggedCommand[] };
  /** Where to save. */
  savePath: string;
  /** In a class: signs each save and records who played (class-store.ts). */
  stamp?: SaveState['stamp'];
  input: LineSource;
  /** Writes text as is (the caller adds nothing); the session passes whole lines. */
  write: (text: string) => void;
}

interface FeedItem {
  entry: LoggedCommand;
  lines: LogLine[];
}

/** Plays a game in plain mode until it ends or the player leaves; returns the exit code. */
export async function playPlain(o: PlainOptions): Promise<number> {
  const { game, humans } = o;
  const print = (...lines: string[]) => o.write(lines.map((l) => `${cleanText(l)}\n`).join(''));
  const feed: FeedItem[] = [];
  const actor = createActor(sessionMachine, {
    input: {
      game,
      seed: o.seed,
      humans,
      ...(o.resume ? { world: o.resume.world, log: o.resume.log } : {}),
    },
  });
  actor.on('moved', ({ entries, lines }) => {
    // A move and the posture changes it set off: the lines go with the first.
    entries.forEach((entry, k) => feed.push({ entry, lines: k === 0 ? lines : [] }));
  });
  actor.start();
  const ctx = () => actor.getSnapshot().context;
  const save = () =>
    writeSave(o.savePath, { game, scenarioHash: o.scenarioHash, seed: o.seed, humans, log: ctx().log, world: ctx().world, ...(o.stamp ? { stamp: o.stamp } : {}) });
  const leave = (code: number, why: string) => {
    let where: string;
    try {
      where = save();
    } catch (error) {
      print(`Could not save to ${o.savePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. The game is lost.`);
      actor.stop();
      return 1;
    }
    const ended = ctx().world.phase === 'ended';
    print(`${why} Saved to ${where}`, ended ? `The teacher's report: ${commandHint('debrief', where)}` : `Resume with: ${commandHint('play', '--load', where)}`);
    actor.stop();
    return code;
  };
  /** Autosave: a failure is reported once (until a save works again) and the game goes on. */
  let saveFailing = false;
  const autosave = () => {
    try {
      save();
      saveFailing = false;
    } catch (error) {
      if (!saveFailing)
        print(
          `Warning: could not save to ${o.savePath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the game goes on, and saving is tried after every move.`,
        );
      saveFailing = true;
    }
  };

  /** Feed cursor per human: what each has already been shown. */
  const seen: Record<PartyId, number> = {};
  for (const h of humans) seen[h] = 0;
  let atKeyboard: PartyId | undefined = humans.length === 1 ? humans[0] : undefined;

  /** Hot-seat: asks the next person to take the keyboard; false when input ended or was interrupted. */
  const handOver = async (to: PartyId): Promise<true | typeof EOF | typeof INTERRUPT> => {
    if (atKeyboard === to) return true;
    print('', `---- Pass the keyboard to ${game.party[to]!.name}. ${game.party[to]!.name}: press Enter when you are ready. ----`);
    const line = await o.input.next();
    if (line === EOF || line === INTERRUPT) return line;
    atKeyboard = to;
    return true;
  };

  /** What happened since `who` last looked, as it may see it, with each AI's reason under its move. */
  const news = (who: PartyId): string[] => {
    const out: string[] = [];
    for (const item of feed.slice(seen[who])) {
      const { entry } = item;
      const by = 'by' in entry.command ? entry.command.by : undefined;
      if (by === who) continue; // its own moves were confirmed when made
      // An AI's reason goes under the line that reports its move, and only to those who may see that line:
      // a reason must never reveal a move made out of sight.
      const own = by === undefined ? undefined : item.lines.find((line) => line.party === by);
      for (const line of visibleLines(item.lines, who)) {
        out.push(`  ${line.text}`);
        if (line === own && entry.reason !== undefined && !humans.includes(by!)) out.push(`      (why: ${entry.reason})`);
      }
    }
    seen[who] = feed.length;
    return out.length ? ['Since your last turn:', ...out] : [];
  };

  /** Packages whose terms each human has been shown in full. */
  const shownTerms: Record<PartyId, Set<number>> = {};
  for (const h of humans) shownTerms[h] = new Set();
  const show = (who: PartyId, withNews: boolean) => {
    const view = playerView(ctx().world, game, who);
    const lines = withNews ? news(who) : [];
    print('', ...lines, ...stateText(view, ctx().world, game, withNews ? shownTerms[who] : new Set()));
  };

  print(
    `Backchannel — ${game.scenario.meta.title} — ${humans.map((h) => game.party[h]!.name).join(', ')} at the keyboard${humans.length > 1 ? ' (hot-seat)' : ''}.`,
    `Seed ${o.seed} (play the same game again with --seed ${o.seed}). Saving to ${o.savePath} after every move.`,
    'Type help for the commands.',
  );
  if (o.resume) print(`Resumed at round ${o.resume.world.round}, ${o.resume.log.length} moves in.`);

  // The briefing: each person reads their own, then the talks open.
  if (ctx().world.phase === 'briefing') {
    for (const h of humans) {
      const ready = await handOver(h);
      if (ready !== true) return leave(ready === INTERRUPT ? INTERRUPT_EXIT : 0, ready === INTERRUPT ? 'Interrupted.' : 'End of input.');
      print('', ...briefingText(game, h));
    }
    actor.send({ type: 'COMMAND', command: { type: 'begin' } });
    autosave();
  }

  for (;;) {
    // Automatic moves (AI turns, time in ratification and implementation) until a person must act.
    let world = ctx().world;
    for (let guard = 0; world.phase !== 'ended' && !humans.includes(currentActor(world, game) ?? ''); guard++) {
      const before = world.moves;
      actor.send({ type: 'ADVANCE' });
      world = ctx().world;
      if (world.moves === before || guard > 10_000) {
        print('The game is stuck: nobody can move. This is a bug; the game is saved.');
        return leave(1, 'Stopped.');
      }
      autosave();
    }

    if (world.phase === 'ended') {
      for (const h of humans) {
        const lines = news(h);
        if (lines.length) print('', ...(humans.length > 1 ? [`For ${game.party[h]!.name}:`] : []), ...lines);
      }
      print('', `== The game is over: ${world.outcome?.summary ?? 'ended'} ==`, '');
      const log = rebuildLog(game, o.seed, ctx().log);
      const impacts = impactsByParty(game, o.seed, ctx().log, humans);
      const debrief = buildDebrief(game, world, ctx().log, log, { humans, impacts });
      print(...debriefMarkdown(debrief).split('\n'));
      return leave(0, 'Game over.');
    }

    const me = currentActor(world, game)!;
    const ready = await handOver(me);
    if (ready !== true) return leave(ready === INTERRUPT ? INTERRUPT_EXIT : 0, ready === INTERRUPT ? 'Interrupted.' : 'End of input.');
    show(me, true);
    print(movesLine(game, world, me));

    // One command: read lines until one is accepted.
    for (;;) {
      o.write(`${me}> `);
      const line = await o.input.next();
      if (line === EOF) {
        print('');
        return leave(0, 'End of input.');
      }
      if (line === INTERRUPT) {
        print('');
        return leave(INTERRUPT_EXIT, 'Interrupted.');
      }
      const view = playerView(ctx().world, game, me);
      const pctx: ParseContext = { game, view };
      const action = parseLine(pctx, line);
      if (action.kind === 'empty') continue;
      if (action.kind === 'error') {
        print(action.message);
        continue;
      }
      if (action.kind === 'help') {
        print(...helpText(INTERRUPT_EXIT));
        continue;
      }
      if (action.kind === 'show') {
        show(me, false);
        print(movesLine(game, ctx().world, me));
        continue;
      }
      if (action.kind === 'package') {
        const p = view.proposals.find((x) => x.id === action.id);
        if (!p) print(`No package #${action.id} that you know of.`);
        else {
          const state = p.status === 'open' ? 'open' : p.status;
          print(`Package #${p.id} from ${game.party[p.by]!.name}, round ${p.round} (${state}): ${worth(view.preferences, p.terms, view.batna)}`, ...packageLines(view, p.terms));
        }
        continue;
      }
      if (action.kind === 'message') {
        print(...messageText(view, action.id));
        continue;
      }
      if (action.kind === 'terms') {
        print(...termsText(view, basePackage(pctx)));
        continue;
      }
      if (action.kind === 'briefing') {
        print(...briefingText(game, me));
        continue;
      }
      if (action.kind === 'preview') {
        print(
          `Package: ${worth(view.preferences, action.terms, view.batna)}`,
          ...packageLines(view, action.terms),
          `Table it with: propose ${action.terms.map((t) => t + 1).join(' ')}`,
        );
        continue;
      }
      if (action.kind === 'quit') return leave(0, 'You leave the table.');
      // Agreeing across one's own red line takes a second, deliberate yes.
      const command = action.command;
      const terms = command.type === 'accept' ? view.proposals.find((p) => p.id === command.proposal)?.terms : command.type === 'sign' ? view.agreement?.terms : undefined;
      const crossed = terms ? redLinesCrossed(view.game, view.preferences, terms) : [];
      if (crossed.length > 0) {
        o.write(
          `That crosses your red line on ${crossed.join(', ')}: your side said it would never agree to this, and the debrief will say you did. ${command.type === 'accept' ? `Accept #${command.proposal}` : 'Sign'} anyway? (yes/no) `,
        );
        const answer = await o.input.next();
        if (answer === EOF || answer === INTERRUPT) {
          print('');
          return answer === EOF ? leave(0, 'End of input.') : leave(INTERRUPT_EXIT, 'Interrupted.');
        }
        if (!/^\s*y(es)?\s*$/i.test(answer)) {
          print('Not sent.');
          continue;
        }
      }
      const before = feed.length;
      actor.send({ type: 'COMMAND', command: action.command });
      const error = ctx().error;
      if (error !== undefined) {
        print(`Not now: ${error}.`);
        continue;
      }
      for (const item of feed.slice(before)) for (const l of visibleLines(item.lines, me)) print(`  ${l.text}`);
      if (action.command.type === 'propose') {
        const p = ctx().world.proposals[ctx().world.proposals.length - 1]!;
        print(`  (package #${p.id}: ${worth(view.preferences, p.terms, view.batna)})`);
      }
      autosave();
      break;
    }
  }
}
