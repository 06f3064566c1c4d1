// An AI party's turn: from what it may know (its PlayerView) and its posture's Strategy to one legal command
// and the one line a player reads. Pure: the same view, strategy and generator state give the same decision.
//
// In the diplomacy phase, in this order:
//   1. an offer through an envoy that looks too good to be true, or that another account contradicts → ask for a
//      clarification (clarify.ts; sooner for a party caught distorting before, reliance.ts);
//   2. an acceptable offer (acceptance.ts: target, next, closing, deadline; never a red line, a binding
//      commitment or below the floor) → accept; in the last rounds, also one we turned down that is still open;
//   3. nothing heard comes near the BATNA (walkOutBelow) → walk out;
//   4. levers: press a party that rejected our proposal, relieve one that accepted;
//   5. statements: commit in public, once a posture, on our most important issue (statements.ts);
//   6. information (information.ts): check hearsay, publish a readout of off-record talks, or pass an offer on;
//   7. propose: the bid with the best expected surplus among those at our target (bidding.ts, on what we believe
//      of the others, beliefs.ts) through the posture's channel (talks.ts) — unless our standing proposal is
//      gathering acceptances or the bid would only repeat it, in which case reject an offer we cannot live with,
//      saying why, or wait.
// Everything is judged on the terms as this party heard them (its view): it acts on a distortion until it is
// exposed to it.
// In the signing phase: sign the actual text unless it crosses a red line, falls below the walk-away point, or
// turns out worse than what we were told and no longer meets what we ask for.
import { settingWords } from '../model/setting.js';
import { sameTerms } from '../model/game.js';
import type { Rng } from '../model/rng.js';
import type { Command, PartyId, Terms } from '../model/types.js';
import type { PlayerView, ViewProposal } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { dealChance, latestOwn, movesBefore, reconsidered, standingValue, supportedProposal } from './on-the-table.js';
import {
  DEADLINE_ROUNDS,
  bestAcceptable,
  bestOpenOffer,
  bindingCommitments,
  brokenBinding,
  judge,
  onlyUsLeft,
  openOffers,
  reasonFor,
  turnedDown,
  type Verdict,
} from './acceptance.js';
import { latestAccountTerms } from './accounts.js';
import { targetsFor, type Targets } from './aspiration.js';
import { emptyBeliefs, learnBeliefs, believedUtility, type Beliefs } from './beliefs.js';
import { bid } from './bidding.js';
import { suspiciousEnvoyOffer } from './clarify.js';
import { informationMove, informationPlan } from './information.js';
import { leverMove } from './levers.js';
import { givenIssue, issueName, names, optionLabel, partyName, refusal, takenIssue } from './reasons.js';
import { decideMediator, isMediator } from './mediator.js';
import { untoldRedLine } from './red-lines-told.js';
import { relianceTable } from './reliance.js';
import { commitmentToMake } from './statements.js';
import { allowedOptions, crossesRed, gameTablesFor, ownUtility, tablesFor, type Tables } from './tables.js';
import { bringNotetaker, CLOSE_GAP, oneToOne, routeFor, tableChannel } from './talks.js';
import { bestHeardOffer, shouldReturn, shouldWalkOut } from './walk-out.js';

export interface Decision {
  command: Command;
  /** One short line for the player: what was done and why. */
  reason: string;
}

/** How a party comes to believe what the others want (beliefs.ts by default; swappable, as in NegMAS' components). */
export type OpponentModel = (view: PlayerView, t: Tables, parties: readonly PartyId[]) => Beliefs;

export interface DecideOptions {
  /** The opponent model (default: learnt from the view, beliefs.ts). */
  model?: OpponentModel;
}

// One model's arrays per observer (its tables), reused: a decision's beliefs live only while it decides, and
// decisions never overlap, so every turn need not make them anew.
const scratch = new WeakMap<Tables, Beliefs>();
const learnt: OpponentModel = (view, t, parties) => {
  let into = scratch.get(t);
  if (!into) scratch.set(t, (into = emptyBeliefs()));
  return learnBeliefs(view, t, parties, into);
};

/** Spread of the seeded wobble on the target, so that games vary by seed. */
const JITTER = 0.02;
/** Chance per turn, once it may, that a posture with statements makes its commitment. */
const STATEMENT_CHANCE = 0.5;
/** Chance of trying a random starting package in the search. */
const EXPLORE = 0.1;
/** An information move takes the place of waiting when its chance is at least this (the routine ones do not). */
const IDLE_WORTH = 0.3;

export function decide(view: PlayerView, strategy: Strategy, rng: Rng, options: DecideOptions = {}): Decision {
  const self = view.self;
  if (isMediator(view)) return decideMediator(view, strategy, options);
  if (view.phase === 'signing') return decideSigning(view, strategy);
  if (view.phase !== 'diplomacy') return { command: { type: 'pass', by: self }, reason: 'waiting: nothing to decide now' };
  const me = view.parties[self];
  if (me?.status === 'walked-out') return decideReturn(view, rng);
  const t = tablesFor(view.preferences);
  if (!t.feasible) return { command: { type: 'pass', by: self }, reason: 'waiting: no package keeps clear of my red lines' };

  const targets = targetsFor(view, strategy, t);
  if (strategy.policy !== 'hardline') {
    const wobble = targets.now + (rng.next() - 0.5) * JITTER;
    targets.now = Math.min(targets.aspiration, Math.max(targets.floor, wobble));
  }

  // 1. Too good to be true, or contradicted?
  const reliance = relianceTable(view);
  const suspicion = suspiciousEnvoyOffer(view, t, targets, undefined, reliance);
  if (suspicion) {
    return {
      command: { type: 'clarify', by: self, message: suspicion.message.id },
      reason:
        suspicion.why === 'disputed'
          ? `asked ${partyName(view, suspicion.message.from)} to confirm #${suspicion.proposal.id}: another account of those talks disagrees`
          : `asked ${partyName(view, suspicion.message.from)} to confirm #${suspicion.proposal.id}: it sounds far better than anything it offered before`,
    };
  }

  // 2. Accept the best acceptable offer: the one likeliest to become the deal, for what it gives us.
  const others = gameTablesFor(view.game).otherSignatories(self);
  let beliefs: Beliefs | undefined;
  const model = options.model ?? learnt;
  const believe = (): Beliefs => (beliefs ??= model(view, t, others));
  const offers = openOffers(view);
  // In the last rounds an offer we turned down may be worth taking after all (our floor has come down, and the
  // others may have accepted it since); before them, what we turned down stays turned down.
  const takeable = view.round > view.game.rounds - DEADLINE_ROUNDS ? [...offers, ...turnedDown(view)] : offers;
  const acceptable = bestAcceptable(view, t, targets, takeable, (p) => dealChance(believe(), t, p));
  if (acceptable) {
    const id = acceptable.proposal.id;
    const why =
      acceptable.rule === 'target'
        ? 'it gives us what we came for'
        : acceptable.rule === 'next'
          ? 'it is as good as what we would ask next'
          : acceptable.rule === 'closing'
            ? 'everyone else has accepted it, and it is a deal we can live with'
            : `time is running out, and it beats ${settingWords(view.game.setting).goingOn}`;
    const again = acceptable.proposal.rejected.includes(self) ? ' after all' : '';
    return { command: { type: 'accept', by: self, proposal: id }, reason: `accepted #${id}${again}: ${why}` };
  }

  // 2b. An offer across our red line from a party we have not told: tell it, so it stops asking.
  const untold = untoldRedLine(view, t, offers);
  if (untold) {
    const { proposal: p, issue, with: other } = untold;
    const what = `"${optionLabel(view, issue, p.terms[issue]!)}" on ${issueName(view, issue)}${other === undefined ? '' : ` together with "${optionLabel(view, other, p.terms[other]!)}" on ${issueName(view, other)}`}`;
    return {
      command: { type: 'reject', by: self, proposal: p.id, reason: other === undefined ? { issue, why: 'red-line' } : { issue, why: 'red-line', with: other } },
      reason: `rejected #${p.id}: ${what} crosses my red line`,
    };
  }

  // 3. Walk out.
  const heard = bestHeardOffer(view, t);
  if (shouldWalkOut(view, strategy, heard)) {
    return { command: { type: 'walk-out', by: self }, reason: `walked out: nothing on the table comes close to what we can get without a deal` };
  }

  // 4. Levers.
  if (strategy.levers) {
    const move = leverMove(view);
    if (move) {
      const who = partyName(view, move.lever.target);
      return {
        command: { type: 'lever', by: self, lever: move.lever.id, apply: move.apply },
        reason: move.apply ? `applied ${move.lever.label}: ${who} rejected #${move.proposal}` : `lifted ${move.lever.label}: ${who} accepted #${move.proposal}`,
      };
    }
  }

  // 5. A public commitment, once a posture, after our opening offer is on the table (on a seeded coin flip, so
  //    that not every party declares itself in the same round).
  const latest = latestOwn(view);
  if (strategy.statements && latest && rng.next() < STATEMENT_CHANCE) {
    const c = commitmentToMake(view, t, targets.floor, latest.status === 'open' ? latest.terms : undefined);
    if (c) {
      return {
        command: { type: 'statement', by: self, issue: c.issue, option: c.option },
        reason: `declared: nothing less than "${optionLabel(view, c.issue, c.option)}" on ${issueName(view, c.issue)}`,
      };
    }
  }

  // 6. Information: check hearsay, give our account, pass news on (or keep it for when we would only wait).
  const plan = informationPlan(view, t, reliance, strategy.briefing);
  if (plan && rng.next() < plan.chance) return informationMove(view, t, strategy, plan, believe, rng);
  const idle = plan && plan.chance >= IDLE_WORTH ? plan : undefined;
  const wait = (decision: Decision): Decision => (decision.command.type === 'pass' && idle ? informationMove(view, t, strategy, idle, believe, rng) : decision);

  // 7. Propose, or hold.
  const active = view.game.parties.some((p) => p.id !== self && view.parties[p.id]?.status === 'active');
  if (!active) return { command: { type: 'pass', by: self }, reason: 'waiting: nobody else is at the table' };
  const binding = bindingCommitments(view);

  // Take an understanding reached through our envoy, or in one-to-one talks, to the whole table.
  const privately = latest !== undefined && (latest.channel === 'envoy' || (latest.channel === 'direct' && latest.to.length === 1));
  if (latest && privately && latest.status === 'open' && latest.to.every((id) => latest.accepted.includes(id))) {
    const missing = others.some((id) => !latest.to.includes(id));
    const legal = !crossesRed(t, latest.terms) && !brokenBinding(t, binding, latest.terms);
    const channel = tableChannel(view);
    if (missing && legal && channel && ownUtility(t, latest.terms) >= targets.reserve) {
      const how = latest.channel === 'envoy' ? 'through the envoy' : 'in one-to-one talks';
      return {
        command: { type: 'propose', by: self, terms: [...latest.terms], channel },
        reason: `proposed ${channel === 'public' ? 'in public' : 'at the table'} what ${names(view, latest.to)} accepted ${how}`,
      };
    }
  }

  // In the last round a new proposal can only be answered by those who move after us: if a signatory that still
  // has to say yes moved before us, nothing we table now can become the deal.
  if (view.round >= view.game.rounds && others.some((id) => movesBefore(view, id))) {
    return wait(holdOrReject(view, t, offers, targets, 'waiting: too late in the talks for a new proposal to be answered by everyone'));
  }

  // A package every other signatory accepted and only we turned down, which we can take now: table it again.
  const again = reconsidered(view, t, targets, others);
  if (again) {
    const channel = tableChannel(view);
    if (channel) {
      return {
        command: { type: 'propose', by: self, terms: [...again.terms], channel },
        reason: `proposed the terms of #${again.id} again: everyone else accepted them, and now we can too`,
      };
    }
  }

  // A proposal of ours to the table that others have accepted is gathering support: a new one would withdraw it.
  const supported = supportedProposal(view, others);
  if (supported && supported.rejected.length === 0) {
    const supporters = supported.accepted.filter((id) => id !== self);
    return wait(holdOrReject(view, t, offers, targets, `waiting: #${supported.id} has the support of ${names(view, supporters)}`));
  }

  const allowed = allowedOptions(t, binding, new Uint8Array(t.offset[t.issues]!));
  const counter = bestOpenOffer(view, t, offers);
  const starts: Terms[] = [t.idealTerms];
  const add = (terms: Terms | undefined) => {
    if (terms && !starts.some((s) => sameTerms(s, terms))) starts.push(terms);
  };
  add(latest?.terms);
  add(counter?.proposal.terms);
  // What we were told someone offered in talks we were not at is a package worth starting from, too.
  add(latestAccountTerms(view));
  if (rng.next() < EXPLORE) add(randomPackage(t, allowed, rng));
  const found = bid(t, allowed, believe(), targets.now, targets.reserve, starts);

  // Someone rejected our supported proposal: replace it only with a bid we believe does better.
  if (supported && standingValue(view, t, believe(), supported, targets.reserve) >= found.value) {
    const supporters = supported.accepted.filter((id) => id !== self);
    return wait(holdOrReject(view, t, offers, targets, `waiting: #${supported.id} has the support of ${names(view, supporters)}`));
  }

  // Repeating a proposal that is still on the table only resets its clock: do something else.
  if (latest && latest.status === 'open' && sameTerms(latest.terms, found.terms) && latest.round >= view.round - 1) {
    return wait(holdOrReject(view, t, offers, targets, `waiting: #${latest.id} still stands`));
  }

  // An offer made to us alone that is within reach of what we ask is answered one to one (talks.ts).
  const close = counter !== undefined && counter.utility >= targets.now - CLOSE_GAP;
  const command = proposal(
    view,
    strategy,
    found.terms,
    believe(),
    counter?.proposal,
    rng,
    close,
    counter ? judge(view, t, counter.proposal.terms, targets, onlyUsLeft(view, counter.proposal)) : undefined,
    targets,
  );
  if (!command) return wait(holdOrReject(view, t, offers, targets, 'waiting: no channel open to us carries a proposal'));
  return { command, reason: proposalReason(view, t, strategy, command, found.terms, counter?.proposal) };
}

// ── proposing ─────────────────────────────────────────────────────────────────────────────────────────────

function proposal(
  view: PlayerView,
  strategy: Strategy,
  terms: Terms,
  beliefs: Beliefs,
  counter: ViewProposal | undefined,
  rng: Rng,
  close: boolean,
  verdict: Verdict | undefined,
  targetsNow: Targets,
): Command | undefined {
  const route = routeFor(view, strategy, () => adversary(view, terms, beliefs), counter, close);
  if (!route) return undefined;
  const command: Extract<Command, { type: 'propose' }> = { type: 'propose', by: view.self, terms: Array.from(terms), channel: route.channel };
  if (route.envoy !== undefined) command.envoy = route.envoy;
  if (route.to !== undefined) command.to = route.to;
  if (oneToOne(route)) command.notetaker = bringNotetaker(strategy, rng);
  if (counter) {
    command.replyTo = counter.id;
    // Say why the offer we answer falls short: the counter rejects it, and the table learns what we need.
    if (verdict && !verdict.ok) command.reason = reasonFor(view, tablesFor(view.preferences), counter.terms, targetsNow, verdict);
  }
  return command;
}

/** The active signatory our package pleases least, by what we believe of it; any active party when none is modelled. */
function adversary(view: PlayerView, terms: Terms, beliefs: Beliefs): PartyId | undefined {
  const t = tablesFor(view.preferences);
  let pick: PartyId | undefined;
  let lowest = Infinity;
  for (let j = 0; j < beliefs.parties.length; j++) {
    const id = beliefs.parties[j]!;
    if (view.parties[id]?.status !== 'active') continue;
    const gap = believedUtility(beliefs, t, j, terms) - beliefs.threshold[j]!;
    if (gap < lowest) {
      lowest = gap;
      pick = id;
    }
  }
  if (pick) return pick;
  return view.game.parties.find((p) => p.id !== view.self && view.parties[p.id]?.status === 'active')?.id;
}

function proposalReason(view: PlayerView, t: Tables, strategy: Strategy, command: Command, terms: Terms, counter: ViewProposal | undefined): string {
  const via =
    command.type !== 'propose'
      ? ''
      : command.channel === 'envoy'
        ? ` via envoy to ${names(view, command.to ?? [])}`
        : command.channel === 'public'
          ? ' in public'
          : command.to && command.to.length === 1
            ? ` to ${names(view, command.to)} one to one, ${command.notetaker ? 'with a notetaker' : 'with no notetaker'}`
            : '';
  if (strategy.policy === 'hardline' && sameTerms(terms, t.idealTerms)) return `proposed${via}: our full demands, nothing less`;
  const give = givenIssue(t, terms);
  if (counter) {
    const take = takenIssue(t, terms, counter.terms);
    if (give >= 0 && take >= 0 && give !== take) return `countered #${counter.id}${via}: trade ${issueName(view, give)} for ${issueName(view, take)}`;
    if (take >= 0) return `countered #${counter.id}${via}: we need more on ${issueName(view, take)}`;
    return `countered #${counter.id}${via}: closer to what we can sign`;
  }
  if (give < 0) return `proposed${via}: our opening demands`;
  return `proposed${via}: give on ${issueName(view, give)}`;
}

function randomPackage(t: Tables, allowed: Uint8Array, rng: Rng): number[] {
  const terms = Array.from(t.ideal);
  for (let i = 0; i < t.issues; i++) {
    const base = t.offset[i]!;
    const o = rng.int(t.offset[i + 1]! - base);
    if (allowed[base + o] === 1) terms[i] = o;
  }
  return terms;
}

// ── holding, rejecting ────────────────────────────────────────────────────────────────────────────────────

/** When we do not propose: reject, saying why, the worst offer open to us that we cannot accept; or wait. */
function holdOrReject(view: PlayerView, t: Tables, offers: readonly ViewProposal[], targets: Targets, waiting: string): Decision {
  let worst: ViewProposal | undefined;
  let worstVerdict: Extract<Verdict, { ok: false }> | undefined;
  for (const p of offers) {
    const verdict = judge(view, t, p.terms, targets, onlyUsLeft(view, p));
    if (verdict.ok) continue;
    const u = verdict.why === 'red-line' ? -1 : verdict.utility;
    if (!worstVerdict || u < (worstVerdict.why === 'red-line' ? -1 : worstVerdict.utility)) {
      worst = p;
      worstVerdict = verdict;
    }
  }
  if (worst && worstVerdict) {
    return {
      command: { type: 'reject', by: view.self, proposal: worst.id, reason: reasonFor(view, t, worst.terms, targets, worstVerdict) },
      reason: `rejected #${worst.id}: ${refusal(view, worstVerdict)}`,
    };
  }
  return { command: { type: 'pass', by: view.self }, reason: waiting };
}

// ── walked out ────────────────────────────────────────────────────────────────────────────────────────────

function decideReturn(view: PlayerView, rng: Rng): Decision {
  const why = shouldReturn(view, rng);
  if (why === undefined) return { command: { type: 'pass', by: view.self }, reason: 'staying away: nothing on the table is worth coming back for' };
  const pressure = view.parties[view.self]?.pressure ?? 0;
  return {
    command: { type: 'return', by: view.self },
    reason: why === 'pressure' ? `came back: pressure at home is ${Math.round(pressure)}` : why === 'time' ? 'came back: the point is made' : 'came back to the table',
  };
}

// ── signing ───────────────────────────────────────────────────────────────────────────────────────────────

function decideSigning(view: PlayerView, strategy: Strategy): Decision {
  const self = view.self;
  const a = view.agreement;
  if (!a) return { command: { type: 'refuse', by: self }, reason: 'refused: there is no text to sign' };
  const t = tablesFor(view.preferences);
  const actual = a.terms;
  const u = ownUtility(t, actual);
  const targets = targetsFor(view, strategy, t);
  const verdict = judge(view, t, actual, targets, true);
  const tabled = view.proposals.find((p) => p.id === a.proposal);
  const told = tabled && tabled.by !== self ? tabled.terms : actual;
  const worse = ownUtility(t, told) > u + 1e-9;
  const misled = worse || (tabled !== undefined && tabled.by !== self && tabled.exposed);
  if (!verdict.ok && (verdict.why === 'red-line' || verdict.why === 'batna')) {
    return { command: { type: 'refuse', by: self }, reason: `refused to sign: ${refusal(view, verdict)}` };
  }
  if (!verdict.ok && misled) {
    const issue = worse ? takenIssue(t, told, actual) : verdict.issue;
    const at = issueName(view, issue >= 0 ? issue : verdict.issue);
    return {
      command: { type: 'refuse', by: self },
      reason: worse ? `refused to sign: the text on ${at} is worse than we were told` : `refused to sign: the text is not what the envoy reported, and ${refusal(view, verdict)}`,
    };
  }
  if (!verdict.ok && verdict.why === 'commitment') return { command: { type: 'refuse', by: self }, reason: `refused to sign: ${refusal(view, verdict)}` };
  return { command: { type: 'sign', by: self }, reason: `signed: it is better for us than no deal` };
}
