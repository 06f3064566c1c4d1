// The rules: step(game, world, command) → the next world. Pure (immer's produce over the old world); the only
// randomness is the generator whose state lives in World. Phases follow DESIGN §5:
//   briefing → rounds [events → front → diplomacy (each party in turn) → resolution]
//   → signing (every signatory) → ratification → implementation → ended; or deadline / walk-out / collapse.
import { enableArrayMethods, produce, setAutoFreeze, setUseStrictIteration } from 'immer';
import type { Effect } from '../scenario/schema.js';
import { holds } from './conditions.js';
import { sameTerms, utility, type Game } from './game.js';
import { nextRandom } from './rng.js';
import { PROPOSAL_LIFETIME, validate } from './rules.js';
import type { Command, LogLine, Message, MessageBody, PartyId, PartyState, Proposal, Terms, World } from './types.js';

/** The sizes of the rules' consequences, in one place. */
export const AMOUNTS = {
  /** A broken public commitment: the audience cost. */
  brokenCommitment: { credibility: -0.15, pressure: 5 },
  walkOut: { trust: -0.05 },
  refuse: { trust: -0.1, credibility: -0.05 },
  summit: { trust: 0.08, pressure: 3 },
  lever: { trust: -0.1, liftTrust: 0.05 },
  ratificationFailed: { trust: -0.05 },
  violation: { trust: -0.1 },
  /** Violations of the ceasefire during implementation that make the deal collapse. */
  violationsToCollapse: 3,
  /** Rounds a signatory may stay away before the talks end. */
  walkOutRounds: 3,
} as const;

export class IllegalCommand extends Error {}

// World is plain JSON-like data: no symbols or non-enumerable keys for immer to look for, and array
// methods on drafts need not create a proxy per element. Both cut the cost of a step by about a quarter.
enableArrayMethods();
setUseStrictIteration(false);
// Frozen worlds catch any code that mutates state in place; tests and development keep that guard, the
// shipped bundle (NODE_ENV=production) skips the freezing walk, which is a tenth of a step.
setAutoFreeze(process.env.NODE_ENV !== 'production');

export function step(game: Game, world: World, command: Command): World {
  const error = validate(game, world, command);
  if (error) throw new IllegalCommand(error);
  base = world;
  pending = [];
  roundPending = false;
  try {
    const after = produce(world, (w) => {
      const added = mark(w as World);
      w.moves++;
      apply(game, w as World, command);
      settleNew(w as World, added);
      if (!roundPending) flush(w as World);
    });
    if (!roundPending) return after;
    // A new round opens: its events read the world as the round begins (a plain, frozen World — reading
    // conditions through immer's drafts would cost more than the rest of the step).
    return produce(after, (w) => {
      const added = mark(w as World);
      startRound(game, w as World, after);
      settleNew(w as World, added);
      flush(w as World);
    });
  } finally {
    pending = [];
    roundPending = false;
  }
}

// State of the step in progress (step is synchronous and never re-entered): the world it started from (for
// reads of what the step cannot have changed yet — a read through an immer draft costs far more), the lines
// it wrote, and whether it ended a round so that the next one must open.
let base: World;
let pending: LogLine[] = [];
let roundPending = false;

function flush(w: World): void {
  w.recent = pending;
  w.logCount += pending.length;
}

// ── small helpers over the draft ──────────────────────────────────────────────────────────────────────────

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const clamp100 = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);

function rand(w: World): number {
  const [value, state] = nextRandom(w.rng);
  w.rng = state;
  return value;
}

function normal(w: World): number {
  const u = Math.max(rand(w), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand(w));
}

function log(w: World, line: Omit<LogLine, 'round'>): void {
  pending.push({ round: w.round, ...line });
}

const mark = (w: World) => ({ messages: w.messages.length, proposals: w.proposals.length });

/** Freezes the messages and proposals a recipe added (they are plain objects inside the draft, not drafts). */
function settleNew(w: World, from: { messages: number; proposals: number }): void {
  for (let i = from.messages; i < w.messages.length; i++) settled(w.messages[i]!);
  for (let i = from.proposals; i < w.proposals.length; i++) settled(w.proposals[i]!);
}

/**
 * Freezes a new record once the step is done with it. Immer copies a frozen object on write like any other, and
 * when it finalizes a changed list it skips frozen items at once: the history of messages and proposals then
 * costs next to nothing per step, frozen or not in the rest of the world.
 */
function settled<T extends object>(record: T): T {
  for (const value of Object.values(record)) {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) settled(value);
  }
  return Object.freeze(record);
}

function closeProposal(w: World, id: number, status: Proposal['status']): void {
  w.proposals[id - 1]!.status = status;
  const at = w.open.indexOf(id);
  if (at >= 0) w.open.splice(at, 1);
}

/** Closes every open proposal (optionally only those by one party). */
function closeOpen(w: World, status: Proposal['status'], by?: PartyId): void {
  const ids = w.open.slice();
  for (const id of ids) {
    // Who made a proposal never changes: read it from the step's base world, not through a draft.
    const maker = (base.proposals[id - 1] ?? w.proposals[id - 1]!).by;
    if (by === undefined || maker === by) closeProposal(w, id, status);
  }
}

const nameOf = (game: Game, id: PartyId) => game.party[id]!.name;

function addTrust(s: PartyState, toward: PartyId, add: number): void {
  if (s.trust[toward] !== undefined) s.trust[toward] = clamp01(s.trust[toward] + add);
}

function applyEffect(game: Game, w: World, e: Effect, movesBatna = true): void {
  if ('pressure' in e) {
    const s = w.parties[e.pressure.party]!;
    s.pressure = clamp100(s.pressure + e.pressure.add);
  } else if ('batna' in e) {
    const s = w.parties[e.batna.party]!;
    s.batna = clamp01(s.batna + e.batna.add);
  } else if ('trust' in e) {
    addTrust(w.parties[e.trust.party]!, e.trust.toward, e.trust.add);
  } else if ('credibility' in e) {
    const s = w.parties[e.credibility.party]!;
    s.credibility = clamp01(s.credibility + e.credibility.add);
  } else if ('control' in e) {
    const id = e.control.territory;
    const before = w.control[id] ?? 0;
    const after = clamp01(e.control.set ?? before + (e.control.add ?? 0));
    w.control[id] = after;
    if (movesBatna) followControl(game, w, id, after - before);
  } else {
    w.ceasefire = e.ceasefire;
  }
}

/** BATNAs follow the front: each party's BATNA moves with the occupier's area-weighted gains. */
function followControl(game: Game, w: World, territory: string, delta: number): void {
  if (delta === 0 || game.totalArea === 0) return;
  const t = game.scenario.territories.find((x) => x.id === territory)!;
  const weighted = (delta * t.area) / game.totalArea;
  for (const [party, k] of Object.entries(game.scenario.dynamics.controlToBatna)) {
    const s = w.parties[party];
    if (s) s.batna = clamp01(s.batna + k * weighted);
  }
}

function end(w: World, outcome: World['outcome']): void {
  w.phase = 'ended';
  w.outcome = outcome;
  log(w, { kind: 'outcome', text: outcome!.summary });
}

// ── commitments: the audience cost of going back on a public statement ────────────────────────────────────

function checkCommitments(game: Game, w: World, by: PartyId, terms: Terms): void {
  const me = w.parties[by]!;
  const values = game.prefs[by]!.values;
  for (const c of me.commitments) {
    if (c.broken) continue;
    const row = values[c.issue]!;
    if (row[terms[c.issue]!]! < row[c.option]! - 1e-9) {
      c.broken = true;
      me.credibility = clamp01(me.credibility + AMOUNTS.brokenCommitment.credibility);
      me.pressure = clamp100(me.pressure + AMOUNTS.brokenCommitment.pressure);
      const issue = game.scenario.issues[c.issue]!;
      log(w, {
        kind: 'commitment',
        party: by,
        text: `${nameOf(game, by)} went back on its public word on ${issue.name} ("nothing less than ${issue.options[c.option]!.label}"): credibility falls.`,
      });
    }
  }
}

// ── envoys: what the listener hears ───────────────────────────────────────────────────────────────────────

/**
 * What `to` hears when an envoy of `owner` carries `terms`. With probability (1 − fidelity) the envoy misreports
 * one or two issues, each by one notch toward his bias: "optimistic" makes it sound better to the listener,
 * "pessimistic" worse, a party id better for that party.
 */
function envoyReport(game: Game, w: World, owner: PartyId, envoyId: string, to: PartyId, terms: Terms): Terms {
  const envoy = game.party[owner]!.envoys.find((e) => e.id === envoyId)!;
  if (rand(w) < envoy.fidelity) return terms;
  const favoured = envoy.bias === 'optimistic' || envoy.bias === 'pessimistic' ? to : envoy.bias;
  const sign = envoy.bias === 'pessimistic' ? -1 : 1;
  const values = game.prefs[favoured]!.values;
  // For each issue, the option one notch better (by sign) for the favoured party, if any.
  const moves: [number, number][] = [];
  terms.forEach((option, issue) => {
    const row = values[issue]!;
    const current = row[option]!;
    let best = -1;
    for (let o = 0; o < row.length; o++) {
      const d = (row[o]! - current) * sign;
      if (d > 1e-9 && (best < 0 || (row[o]! - current) * sign < (row[best]! - current) * sign)) best = o;
    }
    if (best >= 0) moves.push([issue, best]);
  });
  if (moves.length === 0) return terms;
  const heard = [...terms];
  const count = moves.length > 1 && rand(w) < 0.5 ? 2 : 1;
  for (let k = 0; k < count; k++) {
    const [issue, option] = moves.splice(Math.floor(rand(w) * moves.length), 1)[0]!;
    heard[issue] = option;
  }
  return heard;
}

/** The message a chain of accounts is about (itself, for a proposal), and what it really proposed. */
export function truthOf(world: World, m: Message): { root: Message; terms: Terms } | undefined {
  const root = m.said.kind === 'account' ? world.messages[m.said.of - 1]! : m;
  return root.said.kind === 'proposal' ? { root, terms: root.said.terms } : undefined;
}

/** The terms `party` heard from a message that carries terms. */
export function heardTerms(m: Message, party: PartyId): Terms | undefined {
  const body = m.heard[party] ?? m.said;
  return body.kind === 'proposal' || body.kind === 'account' ? body.terms : undefined;
}

/** Whether what `party` heard from `m` differs from what was really proposed. */
export function misled(world: World, m: Message, party: PartyId): boolean {
  const truth = truthOf(world, m);
  const heard = heardTerms(m, party);
  return truth !== undefined && heard !== undefined && !sameTerms(heard, truth.terms);
}

/**
 * Who answers for a message's distortion: the envoy's principal; or whoever passed it on — unless it passed
 * on faithfully what it was told, and the blame goes back down the chain.
 */
export function culprit(w: World, m: Message): PartyId {
  if (m.channel === 'envoy') return m.envoyOf ?? m.from;
  if (m.channel === 'relay' && m.via !== undefined && m.said.kind === 'account') {
    const source = w.messages[m.via - 1]!;
    const told = heardTerms(source, m.from);
    if (told && sameTerms(told, m.said.terms)) return culprit(w, source);
  }
  return m.from;
}

function expose(game: Game, w: World, m: Message, listener: PartyId, how: string): void {
  if (m.exposedTo.includes(listener)) return;
  m.exposedTo.push(listener);
  const who = culprit(w, m);
  if (who === listener) {
    // A party that checks its own envoy's report finds the error in private: nobody was misled but itself.
    log(w, {
      kind: 'exposure',
      party: listener,
      text: `${how}: ${nameOf(game, listener)} learns that its own envoy's report of what ${nameOf(game, truthOf(w, m)?.root.from ?? m.from)} said was wrong.`,
      visibleTo: [listener],
    });
    return;
  }
  const cost = game.scenario.information.exposure;
  // The party that answers for it learns too; if it had itself been told something else, now it knows.
  const truth = truthOf(w, m);
  if (truth && truth.root.id !== m.id && misled(w, truth.root, who)) {
    const root = w.messages[truth.root.id - 1]!;
    if (!root.exposedTo.includes(who)) root.exposedTo.push(who);
  }
  const principal = w.parties[who]!;
  principal.credibility = clamp01(principal.credibility + cost.credibility);
  addTrust(w.parties[listener]!, who, cost.trust);
  const speaker = nameOf(game, truthOf(w, m)?.root.from ?? m.from);
  const teller =
    m.channel === 'envoy'
      ? (game.party[who]!.envoys.find((e) => e.id === m.envoy)?.name ?? 'the envoy')
      : nameOf(game, m.from);
  log(w, {
    kind: 'exposure',
    party: listener,
    text: `${how}: what ${teller} told ${nameOf(game, listener)} is not what ${speaker} said. ${nameOf(game, who)} loses credibility; ${nameOf(game, listener)} trusts it less.`,
    visibleTo: [listener, who],
  });
}

/** Every party that was told something else about the talks behind `root` learns the truth (a record, a leak). */
function exposeAll(game: Game, w: World, root: Message, how: string): void {
  for (let i = 0; i < w.messages.length; i++) {
    // Who heard what never changes after a message is sent: decide from the base world, draft only to expose.
    const m = base.messages[i] ?? w.messages[i]!;
    if (m.id !== root.id && !(m.said.kind === 'account' && m.said.of === root.id)) continue;
    if (m.channel === 'readout' || m.channel === 'leak') continue;
    for (const listener of m.to) {
      if (listener !== root.from && misled(w, m, listener)) expose(game, w, w.messages[i]!, listener, how);
    }
  }
}

// ── the phases ────────────────────────────────────────────────────────────────────────────────────────────

/** Opens a round: the events whose conditions hold at its start fire, in scenario order; then the front moves. */
function startRound(game: Game, w: World, start: World): void {
  w.phase = 'diplomacy';
  w.turn = 0;
  const { scenario } = game;
  for (const event of scenario.events) {
    const fired = start.firedEvents.includes(event.id);
    if (fired && !event.repeat) continue;
    if (!holds(event.when, game, start)) continue;
    if (!fired) w.firedEvents.push(event.id);
    for (const e of event.effects) applyEffect(game, w, e);
    log(w, { kind: 'event', text: event.text ? `${event.title} — ${event.text}` : event.title });
  }
  for (const meeting of scenario.meetings) {
    if (meeting.round === w.round && !start.meetingsHeld.includes(meeting.id)) holdMeeting(game, w, meeting);
  }
  if (w.ceasefire) return;
  const moved: string[] = [];
  for (const f of scenario.dynamics.front) {
    const before = w.control[f.territory] ?? 0;
    const after = clamp01(before + f.drift + f.volatility * normal(w));
    w.control[f.territory] = after;
    followControl(game, w, f.territory, after - before);
    const points = (after - before) * 100;
    if (Math.abs(points) >= 0.05) {
      const t = scenario.territories.find((x) => x.id === f.territory)!;
      moved.push(`${t.name} ${points > 0 ? '+' : ''}${points.toFixed(1)} pts`);
    }
  }
  if (moved.length > 0) log(w, { kind: 'front', text: `The front moved: ${moved.join(', ')}.` });
  for (const cost of scenario.dynamics.perRound) {
    const s = w.parties[cost.party]!;
    s.pressure = clamp100(s.pressure + cost.pressure);
    s.batna = clamp01(s.batna + cost.batna);
  }
}

/**
 * The posture a party moves to now, if any: its first transition (in scenario order) that starts from its
 * current posture (or "*") and whose condition holds. Checked at the start of each round of diplomacy, after
 * the events and the front. The engine's posture machines choose the same way; this is the pure twin that
 * the headless baseline and the tests use.
 */
export function nextPosture(game: Game, world: World, party: PartyId): { to: string; note: string } | undefined {
  const current = world.parties[party]!.posture;
  for (const t of game.party[party]!.postures.transitions) {
    if ((t.from !== '*' && t.from !== current) || t.to === current) continue;
    if (holds(t.when, game, world, party)) return { to: t.to, note: t.note };
  }
  return undefined;
}

/** A scripted meeting: the host's offer, heard by the guest directly or through the guest's own envoy. */
function holdMeeting(game: Game, w: World, meeting: Game['scenario']['meetings'][number]): void {
  w.meetingsHeld.push(meeting.id);
  const hostPrefs = game.prefs[meeting.host]!;
  const terms = game.scenario.issues.map((issue, i) => {
    const chosen = issue.options.findIndex((o) => o.id === meeting.terms[issue.id]);
    if (chosen >= 0) return chosen;
    const row = hostPrefs.values[i]!;
    return row.indexOf(Math.max(...row));
  });
  const guest = meeting.guest;
  const envoy = meeting.envoy ? game.party[guest]!.envoys.find((e) => e.id === meeting.envoy) : undefined;
  // A meeting that does not fix the notetaker leaves it to the guest: its posture's strategy says how likely.
  const guestStrategy = game.party[guest]!.postures.states[w.parties[guest]!.posture]!.strategy;
  const notetaker = meeting.notetaker ?? rand(w) < guestStrategy.notetaker;
  // With a notetaker there is a record to check against: the envoy's report cannot drift from it.
  const heard = envoy && !notetaker ? envoyReport(game, w, guest, envoy.id, guest, terms) : terms;
  const id = w.proposals.length + 1;
  const proposal: Proposal = {
    id,
    round: w.round,
    by: meeting.host,
    terms,
    channel: envoy ? 'envoy' : 'direct',
    to: [guest],
    heard: sameTerms(heard, terms) ? {} : { [guest]: heard },
    accepted: [meeting.host],
    rejected: [],
    status: 'open',
    message: w.messages.length + 1,
    meeting: meeting.id,
  };
  if (envoy) {
    proposal.envoy = envoy.id;
    proposal.envoyOf = guest;
  }
  w.proposals.push(proposal);
  w.open.push(id);
  const message: Omit<Message, 'id' | 'round' | 'exposedTo' | 'clarified'> = {
    from: meeting.host,
    to: [guest],
    channel: proposal.channel,
    record: notetaker,
    said: { kind: 'proposal', proposal: id, terms },
    heard: sameTerms(heard, terms) ? {} : { [guest]: { kind: 'proposal', proposal: id, terms: heard } },
  };
  if (envoy) {
    message.envoy = envoy.id;
    message.envoyOf = guest;
  }
  message.meeting = meeting.id;
  newMessage(w, message);
  const who = envoy ? `${envoy.name} for ${nameOf(game, guest)}` : nameOf(game, guest);
  log(w, {
    kind: 'event',
    text: `${meeting.title}: ${nameOf(game, meeting.host)} meets ${who}, ${notetaker ? 'with a notetaker' : 'with no notetaker'}; package #${id} is put on the table.`,
  });
}

/** The round's off-the-record words may leak: everyone then learns what was really said. */
function leaks(game: Game, w: World): void {
  const chance = game.scenario.information.leakChance;
  if (chance <= 0) return;
  // Messages are in round order: read back only as far as this round's (each read of a draft costs).
  const count = w.messages.length;
  // Read each message from the step's base world where it already existed (a plain read), else the draft.
  const read = (i: number) => base.messages[i] ?? w.messages[i]!;
  let first = count;
  while (first > 0 && read(first - 1).round === w.round) first--;
  for (let i = first; i < count; i++) {
    const m = read(i);
    if (m.record || m.channel === 'leak' || m.channel === 'readout') continue;
    const truth = truthOf(w, m);
    if (!truth || rand(w) >= chance) continue;
    newMessage(w, {
      from: truth.root.from,
      to: game.partyIds.filter((id) => id !== truth.root.from),
      channel: 'leak',
      record: true,
      said: { kind: 'account', of: truth.root.id, terms: [...truth.terms] },
      heard: {},
    });
    log(w, { kind: 'event', text: `A leak: what ${nameOf(game, truth.root.from)} really put on the table in package #${truth.root.said.kind === 'proposal' ? truth.root.said.proposal : '?'} is out.` });
    exposeAll(game, w, truth.root, 'A leak');
  }
}

function resolution(game: Game, w: World): void {
  leaks(game, w);
  for (const id of w.open.slice()) {
    if (w.round - w.proposals[id - 1]!.round >= PROPOSAL_LIFETIME) closeProposal(w, id, 'expired');
  }
  for (const id of game.public.signatories) {
    const s = w.parties[id]!;
    if (s.status === 'walked-out' && s.walkedOutAt !== undefined && w.round - s.walkedOutAt + 1 >= AMOUNTS.walkOutRounds) {
      end(w, {
        kind: 'no-deal',
        reason: 'walk-out',
        round: w.round,
        summary: `${nameOf(game, id)} walked out in round ${s.walkedOutAt} and did not come back: the talks are over, and the war goes on.`,
      });
      return;
    }
  }
  const a = w.agreement;
  if (a && a.signed.length === a.signatories.length) {
    w.phase = 'ratification';
    log(w, { kind: 'ratification', text: 'The agreement goes home for ratification.' });
    return;
  }
  if (w.round >= game.scenario.calendar.rounds) {
    end(w, {
      kind: 'no-deal',
      reason: 'deadline',
      round: w.round,
      summary: 'The last round passed without a signed agreement: the war goes on, and every party is left with its BATNA.',
    });
    return;
  }
  w.round++;
  roundPending = true;
}

function nextTurn(game: Game, w: World): void {
  w.turn++;
  if (w.turn >= game.partyIds.length) resolution(game, w);
}

function ratify(game: Game, w: World): void {
  const a = w.agreement!;
  let all = true;
  for (const id of a.signatories) {
    const party = game.party[id]!;
    const u = utility(game.prefs[id]!, a.terms);
    const s = w.parties[id]!;
    // Opinion at home: hawks discount the deal, pressure makes it easier to sell; a seeded swing on top.
    const mood = 0.05 * normal(w) - 0.1 * party.domestic.hawkishness + s.pressure / 1000;
    const blocker = party.domestic.vetoPlayers.find((v) => u + mood < v.threshold);
    a.ratified[id] = blocker === undefined;
    if (blocker) {
      all = false;
      log(w, { kind: 'ratification', party: id, text: `${blocker.name} blocks ratification in ${party.name}.` });
    } else {
      log(w, { kind: 'ratification', party: id, text: `${party.name} ratifies the agreement.` });
    }
  }
  if (all) {
    w.phase = 'implementation';
    w.round++;
    a.implementedFrom = w.round;
    w.ceasefire = true;
    game.scenario.issues.forEach((issue, i) => {
      // Ground handed over by the deal is not ground won in war: no party's BATNA moves with it.
      for (const e of issue.options[a.terms[i]!]!.effects) applyEffect(game, w, e, false);
    });
    w.ceasefire = true;
    log(w, { kind: 'implementation', text: 'The agreement enters into force: the guns fall silent, implementation begins.' });
    if (game.scenario.calendar.implementationRounds === 0) implemented(w);
    return;
  }
  for (const id of a.signatories) for (const other of a.signatories) if (id !== other) addTrust(w.parties[id]!, other, AMOUNTS.ratificationFailed.trust);
  w.agreement = undefined;
  if (w.round >= game.scenario.calendar.rounds) {
    end(w, {
      kind: 'no-deal',
      reason: 'deadline',
      round: w.round,
      summary: 'Ratification failed after the last round of talks: there is no deal, and the war goes on.',
    });
    return;
  }
  log(w, { kind: 'ratification', text: 'Ratification failed: the agreement is dead, and talks resume.' });
  w.round++;
  roundPending = true;
}

function implemented(w: World): void {
  end(w, {
    kind: 'deal',
    reason: 'implemented',
    round: w.round,
    terms: w.agreement!.terms,
    summary: 'The agreement was signed, ratified and carried out: the war is over on these terms.',
  });
}

function implement(game: Game, w: World): void {
  const a = w.agreement!;
  const signatories = a.signatories;
  let trust = 0;
  let pairs = 0;
  for (const id of signatories) {
    for (const other of signatories) {
      if (id === other) continue;
      trust += w.parties[id]!.trust[other] ?? 0.5;
      pairs++;
    }
  }
  const meanTrust = pairs ? trust / pairs : 0.5;
  // Distrust makes violations likelier: at mean trust 0.5 the scenario's chance applies as written.
  if (rand(w) < game.scenario.dynamics.violationChance * (1.5 - meanTrust)) {
    a.violations++;
    for (const id of signatories) for (const other of signatories) if (id !== other) addTrust(w.parties[id]!, other, AMOUNTS.violation.trust);
    log(w, { kind: 'implementation', text: `The ceasefire is violated (${a.violations} of ${AMOUNTS.violationsToCollapse} the deal can bear).` });
    if (a.violations >= AMOUNTS.violationsToCollapse) {
      w.ceasefire = false;
      end(w, {
        kind: 'no-deal',
        reason: 'collapse',
        round: w.round,
        summary: 'Repeated violations broke the ceasefire: the agreement collapsed during implementation, and the war resumed.',
      });
      return;
    }
  }
  if (w.round - a.implementedFrom! + 1 >= game.scenario.calendar.implementationRounds) {
    implemented(w);
    return;
  }
  w.round++;
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────────────────

function newMessage(w: World, m: Omit<Message, 'id' | 'round' | 'exposedTo' | 'clarified'>): Message {
  const message: Message = { id: w.messages.length + 1, round: w.round, exposedTo: [], clarified: [], ...m };
  w.messages.push(message);
  return message;
}

function apply(game: Game, w: World, c: Command): void {
  switch (c.type) {
    case 'begin':
      log(w, { kind: 'event', text: `${game.scenario.meta.title}: the talks open.` });
      roundPending = true;
      return;
    case 'continue':
      if (w.phase === 'ratification') ratify(game, w);
      else implement(game, w);
      return;
    case 'posture': {
      const party = game.party[c.party]!;
      w.parties[c.party]!.posture = c.posture;
      const label = party.postures.states[c.posture]!.label;
      log(w, { kind: 'posture', party: c.party, text: `${party.name}: ${label}${c.note ? ` — ${c.note}` : ''}` });
      return;
    }
    case 'sign': {
      const a = w.agreement!;
      checkCommitments(game, w, c.by, a.terms);
      a.signed.push(c.by);
      log(w, { kind: 'signing', party: c.by, text: `${nameOf(game, c.by)} signs.` });
      const next = game.partyIds.findIndex((id) => a.signatories.includes(id) && !a.signed.includes(id));
      if (next >= 0) w.turn = next;
      else resolution(game, w);
      return;
    }
    case 'refuse': {
      for (const id of game.partyIds) if (id !== c.by) addTrust(w.parties[id]!, c.by, AMOUNTS.refuse.trust);
      const me = w.parties[c.by]!;
      me.credibility = clamp01(me.credibility + AMOUNTS.refuse.credibility);
      log(w, { kind: 'signing', party: c.by, text: `${nameOf(game, c.by)} refuses to sign: the agreement falls apart at the table.` });
      w.agreement = undefined;
      w.phase = 'diplomacy';
      resolution(game, w);
      return;
    }
    default:
      diplomacy(game, w, c);
      if (w.phase === 'diplomacy') nextTurn(game, w);
  }
}

function diplomacy(game: Game, w: World, c: Exclude<Command, { type: 'begin' | 'continue' | 'posture' | 'sign' | 'refuse' }>): void {
  const by = c.by;
  const me = w.parties[by]!;
  const name = nameOf(game, by);
  switch (c.type) {
    case 'propose': {
      const everyone = game.partyIds.filter((id) => id !== by && base.parties[id]!.status === 'active');
      const to = c.to ? [...c.to] : everyone;
      // Talks with only some of the table are theirs alone: the others see neither the offer nor the answers.
      const privateTalks = c.channel === 'envoy' || to.length < everyone.length;
      closeOpen(w, 'superseded', by);
      const id = w.proposals.length + 1;
      const heard: Record<PartyId, Terms> = {};
      const heardBodies: Record<PartyId, MessageBody> = {};
      if (c.channel === 'envoy') {
        for (const r of to) {
          const version = envoyReport(game, w, by, c.envoy!, r, c.terms);
          if (!sameTerms(version, c.terms)) {
            heard[r] = version;
            heardBodies[r] = { kind: 'proposal', proposal: id, terms: version };
          }
        }
      }
      const proposal: Proposal = {
        id,
        round: w.round,
        by,
        terms: [...c.terms],
        channel: c.channel,
        to: [...to],
        heard,
        accepted: [by],
        rejected: [],
        status: 'open',
        message: w.messages.length + 1,
      };
      if (c.envoy !== undefined) proposal.envoy = c.envoy;
      if (c.replyTo !== undefined) proposal.replyTo = c.replyTo;
      w.proposals.push(proposal);
      w.open.push(id);
      // Direct talks are on the record unless the proposer leaves the notetaker out; bringing one to talks
      // with a single party makes that party speak less freely.
      const record = c.channel === 'public' || (c.channel === 'direct' && c.notetaker !== false);
      if (c.channel === 'direct' && record && to.length === 1) {
        addTrust(w.parties[to[0]!]!, by, game.scenario.information.notetaker.trust);
      }
      const message: Omit<Message, 'id' | 'round' | 'exposedTo' | 'clarified'> = {
        from: by,
        to,
        channel: c.channel,
        record,
        said: { kind: 'proposal', proposal: id, terms: [...c.terms] },
        heard: heardBodies,
      };
      if (c.envoy !== undefined) message.envoy = c.envoy;
      newMessage(w, message);
      // An audience cost is paid where the audience can see: offers to the whole table or in public.
      if (!privateTalks) checkCommitments(game, w, by, c.terms);
      const via =
        c.channel === 'envoy'
          ? `through ${game.party[by]!.envoys.find((e) => e.id === c.envoy)!.name}, off the record`
          : c.channel === 'public'
            ? 'in public'
            : c.notetaker === false
              ? 'in direct talks, with no notetaker'
              : 'at the table, on the record';
      const target = privateTalks ? ` to ${to.map((t) => nameOf(game, t)).join(', ')}` : '';
      log(w, {
        kind: 'action',
        party: by,
        text: `${name} ${c.replyTo !== undefined ? 'counters with' : 'proposes'} package #${id}${target} ${via}.`,
        ...(privateTalks ? { visibleTo: [by, ...to] } : {}),
      });
      return;
    }
    case 'accept':
    case 'reject': {
      const p = w.proposals[c.proposal - 1]!;
      const heardTerms = p.heard[by] ?? p.terms;
      const talks = w.messages[p.message - 1]!;
      newMessage(w, {
        from: by,
        to: [p.by],
        channel: p.channel,
        // An answer is on the record exactly when the talks it answers were.
        record: talks.record,
        said: { kind: 'response', proposal: p.id, answer: c.type },
        heard: {},
        ...(p.envoy !== undefined ? { envoy: p.envoy } : {}),
      });
      const table = game.partyIds.filter((id) => id !== p.by);
      const privateTalks = p.channel === 'envoy' || table.some((id) => !p.to.includes(id));
      const visibility = privateTalks ? { visibleTo: [by, ...p.to.filter((id) => id !== by), p.by] } : {};
      if (c.type === 'reject') {
        p.rejected.push(by);
        if (p.to.every((id) => p.rejected.includes(id))) closeProposal(w, p.id, 'rejected');
        log(w, { kind: 'action', party: by, text: `${name} rejects package #${p.id}.`, ...visibility });
        return;
      }
      if (!privateTalks) checkCommitments(game, w, by, heardTerms);
      p.accepted.push(by);
      log(w, { kind: 'action', party: by, text: `${name} accepts package #${p.id}.`, ...visibility });
      const signatories = game.public.signatories;
      if (signatories.every((id) => p.accepted.includes(id))) agree(game, w, p);
      return;
    }
    case 'statement': {
      const issue = game.scenario.issues[c.issue]!;
      me.commitments.push({ issue: c.issue, option: c.option, round: w.round, broken: false });
      newMessage(w, {
        from: by,
        to: game.partyIds.filter((id) => id !== by),
        channel: 'public',
        record: true,
        said: { kind: 'statement', issue: c.issue, option: c.option },
        heard: {},
      });
      log(w, { kind: 'action', party: by, text: `${name} declares in public: on ${issue.name}, nothing less than "${issue.options[c.option]!.label}".` });
      return;
    }
    case 'clarify': {
      // A call to whoever spoke first: they say what they really said.
      const m = w.messages[c.message - 1]!;
      m.clarified.push(by);
      const speaker = truthOf(w, m)?.root.from ?? m.from;
      if (misled(w, m, by)) {
        expose(game, w, m, by, `A clarification call with ${nameOf(game, speaker)}`);
      } else {
        addTrust(me, culprit(w, m), game.scenario.information.clarification.confirmed);
        log(w, { kind: 'action', party: by, text: `${name} checks message #${m.id} with ${nameOf(game, speaker)}: it was reported faithfully.`, visibleTo: [by, speaker] });
      }
      return;
    }
    case 'relay': {
      const source = w.messages[c.message - 1]!;
      const truth = truthOf(w, source)!;
      const terms = c.terms ?? heardTerms(source, by)!;
      newMessage(w, {
        from: by,
        to: [...c.to],
        channel: 'relay',
        record: false,
        said: { kind: 'account', of: truth.root.id, terms: [...terms] },
        heard: {},
        via: source.id,
      });
      log(w, {
        kind: 'action',
        party: by,
        text: `${name} tells ${c.to.map((t) => nameOf(game, t)).join(', ')} what ${nameOf(game, truth.root.from)} put on the table (package #${truth.root.said.kind === 'proposal' ? truth.root.said.proposal : '?'}), as ${name} tells it.`,
        visibleTo: [by, ...c.to],
      });
      return;
    }
    case 'readout': {
      const source = w.messages[c.message - 1]!;
      const terms = c.terms ?? heardTerms(source, by)!;
      newMessage(w, {
        from: by,
        to: game.partyIds.filter((id) => id !== by),
        channel: 'readout',
        // Public, but only a party's own account: it proves what the party claims, not what was said.
        record: false,
        said: { kind: 'account', of: source.id, terms: [...terms] },
        heard: {},
      });
      log(w, { kind: 'action', party: by, text: `${name} publishes its readout of the talks behind package #${source.said.kind === 'proposal' ? source.said.proposal : '?'}.` });
      return;
    }
    case 'lever': {
      const lever = game.party[by]!.levers.find((l) => l.id === c.lever)!;
      const target = w.parties[lever.target]!;
      if (c.apply) {
        me.levers.push(lever.id);
        target.pressure = clamp100(target.pressure + lever.pressure);
        target.batna = clamp01(target.batna + lever.batna);
        me.pressure = clamp100(me.pressure + lever.cost);
        addTrust(target, by, AMOUNTS.lever.trust);
      } else {
        me.levers.splice(me.levers.indexOf(lever.id), 1);
        target.pressure = clamp100(target.pressure - lever.pressure);
        target.batna = clamp01(target.batna - lever.batna);
        addTrust(target, by, AMOUNTS.lever.liftTrust);
      }
      log(w, { kind: 'action', party: by, text: `${name} ${c.apply ? 'applies' : 'lifts'}: ${lever.label}.` });
      return;
    }
    case 'summit': {
      w.summits.push({ round: w.round, a: by, b: c.with });
      const other = w.parties[c.with]!;
      addTrust(me, c.with, AMOUNTS.summit.trust);
      addTrust(other, by, AMOUNTS.summit.trust);
      me.pressure = clamp100(me.pressure + AMOUNTS.summit.pressure);
      other.pressure = clamp100(other.pressure + AMOUNTS.summit.pressure);
      log(w, { kind: 'action', party: by, text: `${name} meets ${nameOf(game, c.with)} at a summit: expectations rise on both sides.` });
      return;
    }
    case 'walk-out':
      me.status = 'walked-out';
      me.walkedOutAt = w.round;
      closeOpen(w, 'superseded', by);
      // Leaving the table withdraws every acceptance: an absent party signs nothing.
      for (const id of w.open) {
        const accepted = w.proposals[id - 1]!.accepted;
        const at = accepted.indexOf(by);
        if (at >= 0) accepted.splice(at, 1);
      }
      for (const id of game.partyIds) if (id !== by) addTrust(w.parties[id]!, by, AMOUNTS.walkOut.trust);
      log(w, { kind: 'walk-out', party: by, text: `${name} walks out of the talks.` });
      return;
    case 'return':
      me.status = 'active';
      delete me.walkedOutAt;
      log(w, { kind: 'action', party: by, text: `${name} comes back to the table.` });
      return;
    case 'pass':
      log(w, { kind: 'action', party: by, text: `${name} waits.` });
      return;
  }
}

/** Every signatory accepted one package: it goes to signing, and the text on the table exposes any envoy's distortion. */
function agree(game: Game, w: World, p: Proposal): void {
  closeProposal(w, p.id, 'agreed');
  closeOpen(w, 'superseded');
  const signatories = game.public.signatories;
  w.agreement = { proposal: p.id, round: w.round, terms: p.terms, signatories: [...signatories], signed: [], ratified: {}, violations: 0 };
  w.phase = 'signing';
  w.turn = game.partyIds.indexOf(signatories[0]!);
  log(w, { kind: 'signing', text: `Every party accepted package #${p.id}: the text goes to signing.` });
  exposeAll(game, w, w.messages[p.message - 1]!, 'The text tabled for signing');
}
