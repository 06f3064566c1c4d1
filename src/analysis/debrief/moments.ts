// The moments that changed a game (events, postures, walk-outs, public words broken, exposures, changes of mind,
// signatures), and a player's moves rated against waiting.
import type { Game } from '../../model/game.js';
import type { LogLine, PartyId, World } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import { commandActor, describeCommand, partyName } from '../bargaining.js';
import { NOTICEABLE } from './text.js';
import type { CommandRecord, HumanMoves, Moment, MomentKind, MoveAssessment, RatedMove } from './types.js';

// ── key moments ──────────────────────────────────────────────────────────────────────────────────────────

const LOG_MOMENTS: Partial<Record<string, MomentKind>> = {
  event: 'event',
  posture: 'posture',
  'walk-out': 'walk-out',
  commitment: 'broken-commitment',
  exposure: 'exposure',
  signing: 'signing',
  ratification: 'ratification',
  outcome: 'outcome',
};

const COMMAND_MOMENTS: Partial<Record<string, MomentKind>> = {
  statement: 'statement',
  summit: 'summit',
  lever: 'lever',
  return: 'return',
  'walk-out': 'walk-out',
};

export function keyMoments(game: Game, world: World, commands: readonly CommandRecord[], log: readonly LogLine[]): Moment[] {
  const moments: Moment[] = [];
  const kinds = new Set<string>(log.map((l) => l.kind));
  // Walk-outs are moves: taken from the command log, in order with the other moves, when it has them.
  const walkOutCommands = commands.some((r) => r.command.type === 'walk-out');
  for (const line of log) {
    if (line.kind === 'walk-out' && walkOutCommands) continue;
    const kind = LOG_MOMENTS[line.kind];
    // Implementation lines are routine except violations of the ceasefire.
    const implementation = line.kind === 'implementation' && /violat/i.test(line.text);
    if (!kind && !implementation) continue;
    moments.push({ round: line.round, kind: kind ?? 'implementation', party: line.party, text: cleanText(line.text) });
  }
  const fromLog = moments.length;
  // Who rejected what, and when: a rejection, or a counter-offer that gave a reason (it rejects what it answers).
  const rejected = new Map<string, number>();
  for (const record of commands) {
    const c = record.command;
    if (c.type === 'reject') rejected.set(`${c.by}:${c.proposal}`, record.round);
    if (c.type === 'propose' && c.replyTo !== undefined && c.reason) rejected.set(`${c.by}:${c.replyTo}`, record.round);
    if (c.type === 'accept' && rejected.has(`${c.by}:${c.proposal}`)) {
      const when = rejected.get(`${c.by}:${c.proposal}`)!;
      const who = partyName(game.public, c.by);
      const since = when === record.round ? 'earlier in the round' : `in round ${when}`;
      moments.push({ round: record.round, kind: 'change-of-mind', party: c.by, text: `${who} accepted package #${c.proposal} after all, having rejected it ${since}.` });
    }
  }
  for (const record of commands) {
    const kind = COMMAND_MOMENTS[record.command.type];
    if (!kind) continue;
    const by = commandActor(record.command);
    const who = by ? partyName(game.public, by) : 'Someone';
    moments.push({ round: record.round, kind, party: by, text: `${who} ${describeCommand(game.public, record.command)}.` });
  }
  // Broken commitments from the final state, when the log did not record them.
  if (!kinds.has('commitment')) {
    for (const id of game.partyIds) {
      for (const c of world.parties[id]?.commitments ?? []) {
        if (!c.broken) continue;
        const issue = game.public.issues[c.issue];
        moments.push({
          round: c.round,
          kind: 'broken-commitment',
          party: id,
          text: cleanText(
            `${partyName(game.public, id)} went back on its public word of round ${c.round} on ${issue?.name ?? `issue ${c.issue}`} ("nothing less than ${issue?.options[c.option]?.label ?? c.option}").`,
          ),
        });
      }
    }
  }
  // Within a round: the round's events (they open it), then the parties' moves, then what the moves and the
  // round's resolution led to (exposures, posture changes, signing, outcome); the log's own order otherwise.
  const phase = (m: Moment, fromCommand: boolean) => (fromCommand ? 1 : m.kind === 'event' ? 0 : 2);
  return moments
    .map((m, k) => ({ m, k, phase: phase(m, k >= fromLog) }))
    .sort((x, y) => x.m.round - y.m.round || x.phase - y.phase || x.k - y.k)
    .map((x) => x.m)
    .filter((m, k, all) => k === 0 || m.text !== all[k - 1]!.text || m.round !== all[k - 1]!.round);
}

// ── a human's moves ──────────────────────────────────────────────────────────────────────────────────────

export function assessMoves(game: Game, commands: readonly CommandRecord[], human: PartyId, impacts: readonly RatedMove[] | undefined, top: number): HumanMoves {
  const values = new Map((impacts ?? []).map((m) => [m.index, m.value]));
  const moves: MoveAssessment[] = [];
  commands.forEach((record, index) => {
    if (commandActor(record.command) !== human) return;
    moves.push({
      index,
      round: record.round,
      command: record.command,
      text: describeCommand(game.public, record.command),
      ...(record.reason !== undefined ? { reason: record.reason } : {}),
      value: record.command.type === 'pass' ? null : (values.get(index) ?? null),
    });
  });
  const rated = moves.filter((m): m is MoveAssessment & { value: number } => m.value !== null);
  const best = rated
    .filter((m) => m.value > NOTICEABLE)
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, top);
  const worst = rated
    .filter((m) => m.value < -NOTICEABLE)
    .sort((a, b) => a.value - b.value || a.index - b.index)
    .slice(0, top);
  return { party: human, moves, best, worst, rated: rated.length, waits: moves.filter((m) => m.command.type === 'pass').length };
}
