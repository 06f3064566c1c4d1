// An AI party's turn: from what it may know (its PlayerView) and its posture's Strategy to one legal command
// and the one line a player reads. Pure: the same view, strategy and generator state give the same decision.
//
// In the diplomacy phase, in this order:
//   1. an offer through an envoy that looks too good to be true, or that another account contradicts → ask for a
//      clarification (clarify.ts; sooner for a party caught distorting before, reliance.ts);
//   2. an acceptable offer (aspiration, AC_next; never a red line, below the BATNA or against our word) → accept;
//   3. nothing heard comes near the BATNA (walkOutBelow) → walk out;
//   4. levers: press a party that rejected our proposal, relieve one that accepted;
//   5. statements: commit in public, once, on our most important issue (when a seeded coin says now);
//   6. information (information.ts): check hearsay, publish a readout of off-record talks, or pass an offer on
//      to those who did not hear it — on a seeded coin, or instead of waiting in step 7;
//   7. propose: counter the best offer open to us, or a fresh package (search.ts), through the posture's
//      channel (talks.ts: one-to-one direct talks take a notetaker on a coin) — unless our standing proposal is
//      gathering acceptances or would only be repeated, in which case reject an offer we cannot live with, or
//      wait.
// Everything is judged on the terms as this party heard them (its view): it acts on a distortion until it is
// exposed to it.
// In the signing phase: sign the actual text unless it crosses a red line, falls below the BATNA, or turns
// out worse than what we were told and no longer meets what we ask for.
import { sameTerms } from '../model/game.js';
import type { Rng } from '../model/rng.js';
import type { Command, PartyId, Terms } from '../model/types.js';
import type { PlayerView, ViewProposal } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { bestAcceptable, bestOpenOffer, judge, openOffers } from './acceptance.js';
import { latestAccountTerms } from './accounts.js';
import { suspiciousEnvoyOffer } from './clarify.js';
import { informationMove, informationPlan } from './information.js';
import { leverMove } from './levers.js';
import { emptyModel, learnOpponentsInto, type OpponentModel } from './opponent-model.js';
import { givenIssue, issueName, names, optionLabel, partyName, refusal, takenIssue } from './reasons.js';
import { relianceTable } from './reliance.js';
import { searchPackage } from './search.js';
import { commitmentToMake } from './statements.js';
import { allowedOptions, brokenCommitment, crossesRed, gameTablesFor, ownUtility, tablesFor, type Tables } from './tables.js';
import { bringNotetaker, CLOSE_GAP, oneToOne, routeFor, tableChannel } from './talks.js';
import { targetsFor } from './target.js';
import { bestHeardOffer, shouldReturn, shouldWalkOut } from './walk-out.js';

export interface Decision {
  command: Command;
  /** One short line for the player: what was done and why. */
  reason: string;
}

/** Spread of the seeded wobble on the target, so that games vary by seed. */
const JITTER = 0.02;
/** Chance per turn, once it may, that a posture with statements makes its commitment. */
const STATEMENT_CHANCE = 0.5;
/** Chance of trying a random starting package in the search. */
const EXPLORE = 0.1;
/** An information move takes the place of waiting when its chance is at least this (the routine ones do not). */
const IDLE_WORTH = 0.3;

let allowedScratch = new Uint8Array(64);
const modelScratch = emptyModel();

export function decide(view: PlayerView, strategy: Strategy, rng: Rng): Decision {
  const self = view.self;
  if (view.phase === 'signing') return decideSigning(view, strategy);
  if (view.phase !== 'diplomacy') return { command: { type: 'pass', by: self }, reason: 'waiting: nothing to decide now' };
  const me = view.parties[self];
  if (me?.status === 'walked-out') return decideReturn(view, rng);
  const t = tablesFor(view.preferences);
  if (!t.feasible) return { command: { type: 'pass', by: self }, reason: 'waiting: no package keeps clear of my red lines' };

  const targets = targetsFor(view, strategy, t);
  const top = Math.max(targets.aspiration, targets.floor);
  let target = targets.now;
  if (strategy.policy !== 'hardline') {
    target += (rng.next() - 0.5) * JITTER;
    target = target < targets.floor ? targets.floor : target > top ? top : target;
  }
  const nextValue = view.preferences.discount * (strategy.policy === 'hardline' ? target : Math.min(targets.next, target));

  // 1. Too good to be true, or contradicted?
  const reliance = relianceTable(view);
  const suspicion = suspiciousEnvoyOffer(view, t, target, nextValue, undefined, reliance);
  if (suspicion) {
    return {
      command: { type: 'clarify', by: self, message: suspicion.message.id },
      reason:
        suspicion.why === 'disputed'
          ? `asked ${partyName(view, suspicion.message.from)} to confirm #${suspicion.proposal.id}: another account of those talks disagrees`
          : `asked ${partyName(view, suspicion.message.from)} to confirm #${suspicion.proposal.id}: it sounds far better than anything it offered before`,
    };
  }

  // 2. Accept the best acceptable offer.
  const offers = openOffers(view);
  const acceptable = bestAcceptable(view, t, target, nextValue, offers);
  if (acceptable) {
    return {
      command: { type: 'accept', by: self, proposal: acceptable.proposal.id },
      reason:
        acceptable.rule === 'target'
          ? `accepted #${acceptable.proposal.id}: it gives us what we came for`
          : `accepted #${acceptable.proposal.id}: it is as good as what we would ask next`,
    };
  }

  // 3. Walk out.
  const heard = bestHeardOffer(view, t);
  if (shouldWalkOut(view, strategy, heard)) {
    return {
      command: { type: 'walk-out', by: self },
      reason: `walked out: nothing on the table comes close to what we can get without a deal`,
    };
  }

  // 4. Levers.
  if (strategy.levers) {
    const move = leverMove(view);
    if (move) {
      const who = partyName(view, move.lever.target);
      return {
        command: { type: 'lever', by: self, lever: move.lever.id, apply: move.apply },
        reason: move.apply
          ? `applied ${move.lever.label}: ${who} rejected #${move.proposal}`
          : `lifted ${move.lever.label}: ${who} accepted #${move.proposal}`,
      };
    }
  }

  // 5. A public commitment, once, after our opening offer is on the table (on a seeded coin flip, so that
  //    not every party declares itself in the same round).
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
  const others = gameTablesFor(view.game).otherSignatories(self);
  let model: OpponentModel | undefined;
  const modelOfOthers = (): OpponentModel => (model ??= learnOpponentsInto(modelScratch, view, t, others));
  const plan = informationPlan(view, t, reliance);
  if (plan && rng.next() < plan.chance) return informationMove(view, t, strategy, plan, modelOfOthers, rng);
  const idle = plan && plan.chance >= IDLE_WORTH ? plan : undefined;
  const wait = (decision: Decision): Decision => (decision.command.type === 'pass' && idle ? informationMove(view, t, strategy, idle, modelOfOthers, rng) : decision);

  // 7. Propose, or hold.
  const active = view.game.parties.some((p) => p.id !== self && view.parties[p.id]?.status === 'active');
  if (!active) return { command: { type: 'pass', by: self }, reason: 'waiting: nobody else is at the table' };

  // Take an understanding reached through our envoy, or in one-to-one talks, to the whole table.
  const privately = latest !== undefined && (latest.channel === 'envoy' || (latest.channel === 'direct' && latest.to.length === 1));
  if (latest && privately && latest.status === 'open' && latest.to.every((id) => latest.accepted.includes(id))) {
    const missing = others.some((id) => !latest.to.includes(id));
    const legal = !crossesRed(t, latest.terms) && !brokenCommitment(t, me?.commitments ?? [], latest.terms);
    const channel = tableChannel(view);
    if (missing && legal && channel && ownUtility(t, latest.terms) >= view.batna) {
      const how = latest.channel === 'envoy' ? 'through the envoy' : 'in one-to-one talks';
      return {
        command: { type: 'propose', by: self, terms: [...latest.terms], channel },
        reason: `proposed ${channel === 'public' ? 'in public' : 'at the table'} what ${names(view, latest.to)} accepted ${how}`,
      };
    }
  }

  if (latest && latest.status === 'open' && latest.rejected.length === 0 && others.every((id) => latest.to.includes(id))) {
    const supporters = latest.accepted.filter((id) => id !== self);
    if (supporters.length > 0) return wait(holdOrReject(view, t, offers, target, nextValue, `waiting: #${latest.id} has the support of ${names(view, supporters)}`));
  }

  if (allowedScratch.length < t.offset[t.issues]!) allowedScratch = new Uint8Array(t.offset[t.issues]! * 2);
  const allowed = allowedOptions(t, me?.commitments ?? [], allowedScratch);
  const opponents = modelOfOthers();
  const counter = bestOpenOffer(view, t, offers);
  let terms: Terms;
  let utility: number;
  if (strategy.policy === 'hardline') {
    terms = Array.from(t.ideal);
    utility = t.idealUtility;
  } else {
    const starts: Terms[] = [t.idealTerms];
    if (latest && !sameTerms(latest.terms, t.idealTerms)) starts.push(latest.terms);
    if (counter && !starts.some((s) => sameTerms(s, counter.proposal.terms))) starts.push(counter.proposal.terms);
    // What we were told someone offered in talks we were not at is a package worth starting from, too.
    const told = latestAccountTerms(view);
    if (told && !starts.some((s) => sameTerms(s, told))) starts.push(told);
    if (rng.next() < EXPLORE) starts.push(randomPackage(t, allowed, rng));
    const found = searchPackage(t, allowed, opponents, target, starts);
    terms = found.terms;
    utility = found.utility;
  }

  // Repeating a proposal that is still on the table only resets its clock: do something else.
  if (latest && latest.status === 'open' && sameTerms(latest.terms, terms) && latest.round >= view.round - 1) {
    return wait(holdOrReject(view, t, offers, target, nextValue, `waiting: #${latest.id} still stands`));
  }

  // An offer made to us alone that is within reach of what we ask is answered one to one (talks.ts).
  const close = counter !== undefined && counter.utility >= target - CLOSE_GAP;
  const command = proposal(view, strategy, terms, opponents, counter?.proposal, rng, close);
  if (!command) return wait(holdOrReject(view, t, offers, target, nextValue, 'waiting: no channel open to us carries a proposal'));
  return { command, reason: proposalReason(view, t, strategy, command, terms, utility, target, counter?.proposal) };
}

// ── proposing ─────────────────────────────────────────────────────────────────────────────────────────────

function proposal(view: PlayerView, strategy: Strategy, terms: Terms, model: OpponentModel, counter: ViewProposal | undefined, rng: Rng, close: boolean): Command | undefined {
  const route = routeFor(view, strategy, () => adversary(view, terms, model), counter, close);
  if (!route) return undefined;
  const command: Extract<Command, { type: 'propose' }> = { type: 'propose', by: view.self, terms: Array.from(terms), channel: route.channel };
  if (route.envoy !== undefined) command.envoy = route.envoy;
  if (route.to !== undefined) command.to = route.to;
  if (oneToOne(route)) command.notetaker = bringNotetaker(strategy, rng);
  if (counter) command.replyTo = counter.id;
  return command;
}

/** The active signatory our package pleases least (by the model); any active party when none is modelled. */
function adversary(view: PlayerView, terms: Terms, model: OpponentModel): PartyId | undefined {
  const t = tablesFor(view.preferences);
  const total = t.offset[t.issues]!;
  let pick: PartyId | undefined;
  let lowest = Infinity;
  for (let j = 0; j < model.parties.length; j++) {
    const id = model.parties[j]!;
    if (view.parties[id]?.status !== 'active') continue;
    let u = 0;
    for (let i = 0; i < t.issues; i++) u += model.contribution[j * total + t.offset[i]! + terms[i]!]!;
    if (u < lowest) {
      lowest = u;
      pick = id;
    }
  }
  if (pick) return pick;
  return view.game.parties.find((p) => p.id !== view.self && view.parties[p.id]?.status === 'active')?.id;
}

function proposalReason(
  view: PlayerView,
  t: Tables,
  strategy: Strategy,
  command: Command,
  terms: Terms,
  utility: number,
  target: number,
  counter: ViewProposal | undefined,
): string {
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
  if (strategy.policy === 'hardline') return `proposed${via}: our full demands, nothing less`;
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

/** When we do not propose: reject the worst offer open to us that we cannot accept, or wait. */
function holdOrReject(view: PlayerView, t: Tables, offers: readonly ViewProposal[], target: number, nextValue: number, waiting: string): Decision {
  let worst: ViewProposal | undefined;
  let worstU = Infinity;
  for (const p of offers) {
    const u = crossesRed(t, p.terms) ? -1 : ownUtility(t, p.terms);
    if (u < worstU) {
      worstU = u;
      worst = p;
    }
  }
  if (worst) {
    const verdict = judge(view, t, worst.terms, target, nextValue);
    if (!verdict.ok) {
      return { command: { type: 'reject', by: view.self, proposal: worst.id }, reason: `rejected #${worst.id}: ${refusal(view, verdict, target)}` };
    }
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
  const nextValue = view.preferences.discount * Math.min(targets.next, targets.now);
  const verdict = judge(view, t, actual, targets.now, nextValue);
  const tabled = view.proposals.find((p) => p.id === a.proposal);
  const told = tabled && tabled.by !== self ? tabled.terms : actual;
  const worse = ownUtility(t, told) > u + 1e-9;
  const misled = worse || (tabled !== undefined && tabled.by !== self && tabled.exposed);
  if (!verdict.ok && (verdict.why === 'red-line' || verdict.why === 'batna')) {
    return { command: { type: 'refuse', by: self }, reason: `refused to sign: ${refusal(view, verdict, targets.now)}` };
  }
  if (!verdict.ok && misled) {
    const issue = worse ? takenIssue(t, told, actual) : verdict.issue;
    const at = issueName(view, issue >= 0 ? issue : verdict.issue);
    return {
      command: { type: 'refuse', by: self },
      reason: worse
        ? `refused to sign: the text on ${at} is worse than we were told`
        : `refused to sign: the text is not what the envoy reported, and ${refusal(view, verdict, targets.now)}`,
    };
  }
  if (!verdict.ok && verdict.why === 'commitment' && u < targets.now - 1e-9) {
    return { command: { type: 'refuse', by: self }, reason: `refused to sign: ${refusal(view, verdict, targets.now)}` };
  }
  return { command: { type: 'sign', by: self }, reason: `signed: it is better for us than no deal` };
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────────────────

function latestOwn(view: PlayerView): ViewProposal | undefined {
  for (let p = view.proposals.length - 1; p >= 0; p--) if (view.proposals[p]!.by === view.self) return view.proposals[p];
  return undefined;
}
