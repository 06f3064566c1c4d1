// What happened inside many games, for an author balancing a scenario (`simulate --trace`): the round each deal
// was signed in, when each event fired and each posture was entered, the reasons given for rejections, and the
// account each party heard of every scripted meeting. Totals over all games, and (bounded) a line per game.
import type { Game } from '../model/game.js';
import { sameTerms } from '../model/game.js';
import type { LogLine, Message, PartyId, World } from '../model/types.js';
import { exposureHow } from '../model/step.js';
import type { LoggedCommand } from './advance.js';

export interface GameTrace {
  seed: number;
  outcome: string;
  /** The round every signatory accepted the deal, if one was reached. */
  dealRound?: number;
  events: { id: string; round: number }[];
  postures: { party: PartyId; posture: string; round: number }[];
  /** Per scripted meeting, what each listener heard: the account drawn, and whether it heard it as said. */
  meetings: { meeting: string; version?: number; heard: Record<PartyId, 'as said' | 'otherwise'>; exposed: PartyId[]; accounts: AccountTrace[] }[];
}

/** One party's hearing of the talks at a meeting: from whom, how, when, what differed, and whether it came out. */
export interface AccountTrace {
  party: PartyId;
  /** Who told it (the meeting's host, for those at the meeting). */
  from: PartyId;
  channel: string;
  round: number;
  heard: 'as said' | 'otherwise';
  /** The issues (ids) where what it heard differs from what was said. */
  differs?: string[];
  /** When and how it found out that what it heard was not what was said. */
  exposed?: { round: number; how: string };
}

export interface TraceSummary {
  /** Deals by the round they were agreed in. */
  dealRounds: Record<number, number>;
  /** Per event: in how many games it fired, and the mean round it first fired in. */
  events: Record<string, { games: number; meanRound: number }>;
  /** Per party and posture (the starting one excluded): in how many games it was entered, and the mean first round. */
  postures: Record<PartyId, Record<string, { games: number; meanRound: number }>>;
  /** Rejections by who gave them and why ("russia: batna on Donetsk"), most frequent first. */
  rejections: { reason: string; count: number }[];
  /**
   * Per meeting: how often each account was drawn, heard otherwise than said, and exposed; and `told`: how often
   * each party was told it otherwise in a round and found out in a round ("europe: told otherwise in round 2, found
   * out in round 3"), or never.
   */
  meetings: Record<string, { versions: Record<number, number>; heardOtherwise: Record<PartyId, number>; exposed: number; told: Record<string, number> }>;
  /** One line per game, for the first `GAMES_KEPT` games. */
  games: GameTrace[];
}

/** Games kept one by one in the trace (the totals count every game). */
export const GAMES_KEPT = 1000;

export class TraceCounter {
  private dealRounds: Record<number, number> = {};
  private events: Record<string, { games: number; rounds: number }> = {};
  private postures: Record<PartyId, Record<string, { games: number; rounds: number }>> = {};
  private rejections = new Map<string, number>();
  private meetings: TraceSummary['meetings'] = {};
  private games: GameTrace[] = [];
  private current: { events: GameTrace['events']; postures: GameTrace['postures']; fired: number; exposures: Map<string, { round: number; how: string }> } = {
    events: [],
    postures: [],
    fired: 0,
    exposures: new Map(),
  };

  constructor(private readonly game: Game) {
    for (const id of game.partyIds) this.postures[id] = {};
  }

  /** Pass as `onMove`: notes posture changes and events as they happen. */
  readonly watch = (entry: LoggedCommand, world: World, lines: readonly LogLine[] = []): void => {
    const c = entry.command;
    // Who found out what, when and how: the exposure lines name the message and the party that learnt.
    for (const line of lines) {
      if (line.kind !== 'exposure' || line.message === undefined || line.party === undefined) continue;
      const key = `${line.message}:${line.party}`;
      if (!this.current.exposures.has(key)) this.current.exposures.set(key, { round: line.round, how: exposureHow(line.text) });
    }
    if (c.type === 'posture' && !this.current.postures.some((p) => p.party === c.party && p.posture === c.posture))
      this.current.postures.push({ party: c.party, posture: c.posture, round: entry.round });
    while (this.current.fired < world.firedEvents.length) this.current.events.push({ id: world.firedEvents[this.current.fired++]!, round: world.round });
  };

  /** Counts a finished game played from `seed`. */
  add(world: World, seed: number): void {
    const { events, postures } = this.current;
    // Events that fired with the first move of the game (round 1) are in the world before any move is watched.
    while (this.current.fired < world.firedEvents.length) events.push({ id: world.firedEvents[this.current.fired++]!, round: world.round });
    const deal = world.agreement && world.agreement.signatories.every((id) => world.agreement!.signed.includes(id)) ? world.agreement.round : undefined;
    if (deal !== undefined) this.dealRounds[deal] = (this.dealRounds[deal] ?? 0) + 1;
    for (const e of events) {
      const t = (this.events[e.id] ??= { games: 0, rounds: 0 });
      t.games++;
      t.rounds += e.round;
    }
    for (const p of postures) {
      const t = (this.postures[p.party]![p.posture] ??= { games: 0, rounds: 0 });
      t.games++;
      t.rounds += p.round;
    }
    for (const proposal of world.proposals) {
      for (const [party, reason] of Object.entries(proposal.reasons ?? {})) {
        const key = `${party}: ${reason.why} on ${this.game.scenario.issues[reason.issue]?.id ?? reason.issue}`;
        this.rejections.set(key, (this.rejections.get(key) ?? 0) + 1);
      }
    }
    const meetings: GameTrace['meetings'] = [];
    for (const proposal of world.proposals) {
      if (proposal.meeting === undefined) continue;
      const message = world.messages[proposal.message - 1]!;
      const heard: Record<PartyId, 'as said' | 'otherwise'> = {};
      for (const listener of proposal.to) heard[listener] = proposal.heard[listener] && !sameTerms(proposal.heard[listener], proposal.terms) ? 'otherwise' : 'as said';
      const accounts = this.accounts(world, message);
      meetings.push({ meeting: proposal.meeting, ...(proposal.version !== undefined ? { version: proposal.version } : {}), heard, exposed: [...message.exposedTo], accounts });
      const t = (this.meetings[proposal.meeting] ??= { versions: {}, heardOtherwise: {}, exposed: 0, told: {} });
      for (const a of accounts) {
        if (a.heard !== 'otherwise') continue;
        const key = `${a.party}: told otherwise in round ${a.round}, ${a.exposed ? `found out in round ${a.exposed.round}` : 'never found out'}`;
        t.told[key] = (t.told[key] ?? 0) + 1;
      }
      if (proposal.version !== undefined) t.versions[proposal.version] = (t.versions[proposal.version] ?? 0) + 1;
      for (const [listener, how] of Object.entries(heard)) if (how === 'otherwise') t.heardOtherwise[listener] = (t.heardOtherwise[listener] ?? 0) + 1;
      if (message.exposedTo.length > 0) t.exposed++;
    }
    if (this.games.length < GAMES_KEPT) {
      const outcome = world.outcome ? `${world.outcome.kind} (${world.outcome.reason})` : 'unfinished';
      this.games.push({ seed, outcome, ...(deal !== undefined ? { dealRound: deal } : {}), events, postures, meetings });
    }
    this.current = { events: [], postures: [], fired: 0, exposures: new Map() };
  }

  /** Every hearing of the talks behind `root` (the meeting's words, and every account of them), in order. */
  private accounts(world: World, root: Message): AccountTrace[] {
    const truth = root.said.kind === 'proposal' ? root.said.terms : undefined;
    const out: AccountTrace[] = [];
    if (!truth) return out;
    for (const m of world.messages) {
      if (m.id !== root.id && !(m.said.kind === 'account' && m.said.of === root.id)) continue;
      for (const party of m.to) {
        if (party === root.from) continue;
        const body = m.heard[party] ?? m.said;
        if (body.kind !== 'proposal' && body.kind !== 'account') continue;
        const differs = body.terms.flatMap((option, i) => (option === truth[i] ? [] : [this.game.scenario.issues[i]?.id ?? String(i)]));
        const exposed = this.current.exposures.get(`${m.id}:${party}`);
        out.push({
          party,
          from: m.from,
          channel: m.channel,
          round: m.round,
          heard: differs.length ? 'otherwise' : 'as said',
          ...(differs.length ? { differs } : {}),
          ...(exposed ? { exposed } : {}),
        });
      }
    }
    return out;
  }

  result(): TraceSummary {
    const mean = (t: { games: number; rounds: number }) => ({ games: t.games, meanRound: Math.round((t.rounds / t.games) * 10) / 10 });
    return {
      dealRounds: this.dealRounds,
      events: Object.fromEntries(Object.entries(this.events).map(([id, t]) => [id, mean(t)])),
      postures: Object.fromEntries(Object.entries(this.postures).map(([party, ps]) => [party, Object.fromEntries(Object.entries(ps).map(([p, t]) => [p, mean(t)]))])),
      rejections: [...this.rejections].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, count]) => ({ reason, count })),
      meetings: this.meetings,
      games: this.games,
    };
  }
}
