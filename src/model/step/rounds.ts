// The clock: a round opens with its events, its scripted meetings, the front and the cost of the war; parties
// act in turn; the round resolves — leaks, expiring proposals, walk-outs that end the talks, an agreement that
// goes home for ratification, the deadline — and the next one opens.
import { settingWords } from '../setting.js';
import type { Scenario } from '../../scenario/schema.js';
import { holds } from '../conditions.js';
import { offeredTerms, sameTerms } from '../game.js';
import { PROPOSAL_LIFETIME } from '../rules.js';
import type { Message, Proposal, World } from '../types.js';
import { closeProposal } from './proposals.js';
import { applyEffect, followControl } from './apply-effect.js';
import { AMOUNTS, clamp01, clamp100, end, nameOf } from './effects.js';
import { envoyReport, leaks, newMessage } from './information.js';
import type { Tx } from './tx.js';

/**
 * Opens a round: the events whose conditions hold at its start fire, in scenario order (each reads the world as
 * the round begins, `tx.base`); then the scripted meetings; then, without a ceasefire, the front moves and the
 * war costs every party.
 */
export function startRound(tx: Tx): void {
  const { game, w } = tx;
  const start: World = tx.base;
  w.phase = 'diplomacy';
  w.turn = 0;
  const { scenario } = game;
  for (const event of scenario.events) {
    const fired = start.firedEvents.includes(event.id);
    if (fired && !event.repeat) continue;
    if (!holds(event.when, game, start)) continue;
    if (!fired) tx.firedEvents().push(event.id);
    const title = event.fiction ? `(invented) ${event.title}` : event.title;
    tx.log({ kind: 'event', text: event.text ? `${title} — ${event.text}` : title });
    // After the news, what it sets off (a clarification call logs what it finds).
    for (const e of event.effects) applyEffect(tx, e);
  }
  for (const meeting of scenario.meetings) {
    if (meeting.round === w.round && !start.meetingsHeld.includes(meeting.id)) holdMeeting(tx, meeting);
  }
  if (w.ceasefire) return;
  const moved: string[] = [];
  for (const f of scenario.dynamics.front) {
    const before = w.control[f.territory] ?? 0;
    const after = clamp01(before + f.drift + f.volatility * tx.normal());
    tx.control()[f.territory] = after;
    followControl(tx, f.territory, after - before);
    const points = (after - before) * 100;
    if (Math.abs(points) >= 0.05) {
      const t = scenario.territories.find((x) => x.id === f.territory)!;
      moved.push(`${t.name} ${points > 0 ? '+' : ''}${points.toFixed(1)} pts`);
    }
  }
  if (moved.length > 0) tx.log({ kind: 'front', text: `The front moved: ${moved.join(', ')}.` });
  for (const cost of scenario.dynamics.perRound) {
    const s = tx.party(cost.party);
    s.pressure = clamp100(s.pressure + cost.pressure);
    s.batna = clamp01(s.batna + cost.batna);
  }
}

/** A scripted meeting: the host's offer, heard by the guest directly or through the guest's own envoy. */
function holdMeeting(tx: Tx, meeting: Scenario['meetings'][number]): void {
  const { game, w } = tx;
  tx.meetingsHeld().push(meeting.id);
  // A contested meeting: the seed draws which of the accounts the sources support was really said.
  const version = meeting.versions ? drawVersion(tx, meeting.versions) : undefined;
  const offered = version === undefined ? meeting.terms : { ...meeting.terms, ...meeting.versions![version]!.terms };
  const terms = offeredTerms(game, meeting.host, offered);
  const guest = meeting.guest;
  const envoy = meeting.envoy ? game.party[guest]!.envoys.find((e) => e.id === meeting.envoy) : undefined;
  // A meeting that does not fix the notetaker leaves it to the guest: its posture's strategy says how likely.
  const guestStrategy = game.party[guest]!.postures.states[w.parties[guest]!.posture]!.strategy;
  const notetaker = meeting.notetaker ?? tx.random() < guestStrategy.notetaker;
  // With a notetaker there is a record to check against: the envoy's report cannot drift from it.
  const heard = envoy && !notetaker ? envoyReport(tx, guest, envoy.id, guest, terms) : terms;
  const distorted = !sameTerms(heard, terms);
  const id = w.proposals.length + 1;
  const proposal: Proposal = {
    id,
    round: w.round,
    by: meeting.host,
    terms,
    channel: envoy ? 'envoy' : 'direct',
    to: [guest],
    heard: distorted ? { [guest]: heard } : {},
    accepted: [meeting.host],
    rejected: [],
    status: 'open',
    message: w.messages.length + 1,
    meeting: meeting.id,
    ...(version !== undefined ? { version } : {}),
  };
  if (envoy) {
    proposal.envoy = envoy.id;
    proposal.envoyOf = guest;
  }
  tx.addProposal(proposal);
  tx.open().push(id);
  const message: Omit<Message, 'id' | 'round' | 'exposedTo' | 'clarified'> = {
    from: meeting.host,
    to: [guest],
    channel: proposal.channel,
    record: notetaker,
    said: { kind: 'proposal', proposal: id, terms },
    heard: distorted ? { [guest]: { kind: 'proposal', proposal: id, terms: heard } } : {},
  };
  if (envoy) {
    message.envoy = envoy.id;
    message.envoyOf = guest;
  }
  message.meeting = meeting.id;
  newMessage(tx, message);
  const who = envoy ? `${envoy.name} for ${nameOf(game, guest)}` : nameOf(game, guest);
  tx.log({
    kind: 'event',
    text: `${meeting.title}: ${nameOf(game, meeting.host)} meets ${who}, ${notetaker ? 'with a notetaker' : 'with no notetaker'}; package #${id} is put on the table.`,
  });
}

/**
 * The end of a round of diplomacy (or of a signing): leaks, proposals that expire, a walk-out that ends the
 * talks, a signed agreement that goes home, the deadline — or the next round.
 */
export function resolution(tx: Tx): void {
  const { game, w } = tx;
  leaks(tx);
  for (const id of w.open.slice()) {
    if (w.round - w.proposals[id - 1]!.round >= PROPOSAL_LIFETIME) closeProposal(tx, id, 'expired', { why: 'expired' });
  }
  for (const id of game.public.signatories) {
    const s = w.parties[id]!;
    if (s.status === 'walked-out' && s.walkedOutAt !== undefined && w.round - s.walkedOutAt + 1 >= AMOUNTS.walkOutRounds) {
      end(tx, {
        kind: 'no-deal',
        reason: 'walk-out',
        round: w.round,
        summary: `${nameOf(game, id)} walked out in round ${s.walkedOutAt} and did not come back: the talks are over, and ${settingWords(game.public.setting).goesOn}.`,
      });
      return;
    }
  }
  const a = w.agreement;
  if (a && a.signed.length === a.signatories.length) {
    w.phase = 'ratification';
    tx.log({ kind: 'ratification', text: 'The agreement goes home for ratification.' });
    return;
  }
  if (w.round >= game.scenario.calendar.rounds) {
    end(tx, {
      kind: 'no-deal',
      reason: 'deadline',
      round: w.round,
      summary: `The last round passed without a signed agreement: ${settingWords(game.public.setting).goesOn}, and every party is left with its BATNA.`,
    });
    return;
  }
  w.round++;
  tx.roundPending = true;
}

/** The next party's turn, or the round's resolution after the last. */
export function nextTurn(tx: Tx): void {
  tx.w.turn++;
  if (tx.w.turn >= tx.game.partyIds.length) resolution(tx);
}

/** Which of a contested meeting's accounts this game takes for the truth, by weight. */
function drawVersion(tx: Tx, versions: readonly { weight: number }[]): number {
  const total = versions.reduce((sum, v) => sum + v.weight, 0);
  let x = tx.random() * total;
  for (let k = 0; k < versions.length; k++) {
    x -= versions[k]!.weight;
    if (x < 0) return k;
  }
  return versions.length - 1;
}
