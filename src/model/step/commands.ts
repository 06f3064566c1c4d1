// The moves a party makes in diplomacy: proposals and the answers to them, public statements, information
// moves (clarify, relay, readout), levers, summits, walking out and coming back, waiting.
import { sameTerms } from '../game.js';
import type { Command, MessageBody, PartyId, Proposal, RejectReason, Terms } from '../types.js';
import { closeOpen, closeProposal } from './proposals.js';
import { audienceOf } from '../visibility.js';
import { AMOUNTS, addTrust, clamp01, clamp100, nameOf } from './effects.js';
import { clarifyMessage, envoyReport, heardTerms, newMessage, packageOf, passOn, truthOf } from './information.js';
import { agree, checkCommitments } from './settlement.js';
import type { Tx } from './tx.js';

export type DiplomacyCommand = Exclude<Command, { type: 'begin' | 'continue' | 'posture' | 'sign' | 'refuse' }>;

export function diplomacy(tx: Tx, c: DiplomacyCommand): void {
  switch (c.type) {
    case 'propose':
      return propose(tx, c);
    case 'accept':
    case 'reject':
      return answer(tx, c);
    case 'statement':
      return statement(tx, c);
    case 'clarify':
      return clarify(tx, c);
    case 'relay':
      return relay(tx, c);
    case 'readout':
      return readout(tx, c);
    case 'lever':
      return lever(tx, c);
    case 'summit':
      return summit(tx, c);
    case 'walk-out':
      return walkOut(tx, c.by);
    case 'return': {
      const me = tx.party(c.by);
      me.status = 'active';
      delete me.walkedOutAt;
      tx.log({ kind: 'action', party: c.by, text: `${nameOf(tx.game, c.by)} comes back to the table.` });
      return;
    }
    case 'pass':
      tx.log({ kind: 'action', party: c.by, text: `${nameOf(tx.game, c.by)} waits.` });
      return;
  }
}

function propose(tx: Tx, c: Extract<Command, { type: 'propose' }>): void {
  const { game, w } = tx;
  const by = c.by;
  const audience = audienceOf(game, tx.base, c);
  const to = c.to ? [...c.to] : game.partyIds.filter((id) => id !== by && tx.base.parties[id]!.status === 'active');
  // A counter that says why the offer it answers falls short rejects that offer, for that reason — seen by those
  // who see answers to that offer, whoever hears the counter itself.
  const declined = c.reason && c.replyTo !== undefined && declineFor(tx, c.replyTo, by, c.reason);
  closeOpen(tx, 'superseded', { why: 'new-offer' }, by);
  const id = w.proposals.length + 1;
  const heard: Record<PartyId, Terms> = {};
  const heardBodies: Record<PartyId, MessageBody> = {};
  if (c.channel === 'envoy') {
    for (const r of to) {
      const version = envoyReport(tx, by, c.envoy!, r, c.terms);
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
  tx.addProposal(proposal);
  tx.open().push(id);
  // Direct talks are on the record unless the proposer leaves the notetaker out; bringing one to talks with a
  // single party makes that party speak less freely.
  const record = c.channel === 'public' || (c.channel === 'direct' && c.notetaker !== false);
  if (c.channel === 'direct' && record && to.length === 1) addTrust(tx.party(to[0]!), by, game.scenario.information.notetaker.trust);
  newMessage(tx, {
    from: by,
    to,
    channel: c.channel,
    record,
    said: { kind: 'proposal', proposal: id, terms: [...c.terms] },
    heard: heardBodies,
    ...(c.envoy !== undefined ? { envoy: c.envoy } : {}),
  });
  // An audience cost is paid where the audience can see: offers to the whole table or in public.
  if (!audience) checkCommitments(tx, by, c.terms);
  const via =
    c.channel === 'envoy'
      ? `through ${game.party[by]!.envoys.find((e) => e.id === c.envoy)!.name}, off the record`
      : c.channel === 'public'
        ? 'in public'
        : c.notetaker === false
          ? 'in direct talks, with no notetaker'
          : 'at the table, on the record';
  const target = audience ? ` to ${to.map((t) => nameOf(game, t)).join(', ')}` : '';
  tx.log({
    kind: 'action',
    party: by,
    text: `${nameOf(game, by)} ${c.replyTo === undefined ? 'proposes' : declined ? `counters #${c.replyTo} with` : 'counters with'} package #${id}${target} ${via}.`,
    ...(audience ? { visibleTo: audience } : {}),
  });
}

function answer(tx: Tx, c: Extract<Command, { type: 'accept' | 'reject' }>): void {
  const { game, w } = tx;
  const by = c.by;
  const before = w.proposals[c.proposal - 1]!;
  const talks = w.messages[before.message - 1]!;
  newMessage(tx, {
    from: by,
    to: [before.by],
    channel: before.channel,
    // An answer is on the record exactly when the talks it answers were.
    record: talks.record,
    said: { kind: 'response', proposal: before.id, answer: c.type },
    heard: {},
    ...(before.envoy !== undefined ? { envoy: before.envoy } : {}),
  });
  const audience = audienceOf(game, tx.base, c);
  const visibility = audience ? { visibleTo: audience } : {};
  const p = tx.proposal(c.proposal);
  if (c.type === 'reject') {
    p.rejected.push(by);
    if (c.reason) p.reasons = { ...p.reasons, [by]: reasonRecord(c.reason) };
    const why = c.reason ? `: ${reasonWords(tx, p, by, c.reason)}` : '';
    tx.log({ kind: 'action', party: by, text: `${nameOf(game, by)} rejects package #${p.id}${why}.`, ...visibility });
    if (p.to.every((id) => p.rejected.includes(id))) closeProposal(tx, p.id, 'rejected', { why: 'rejected' });
    return;
  }
  if (!audience) checkCommitments(tx, by, p.heard[by] ?? p.terms);
  const after = p.rejected.indexOf(by);
  if (after >= 0) {
    p.rejected.splice(after, 1);
    if (p.reasons?.[by]) {
      const { [by]: _, ...rest } = p.reasons;
      p.reasons = rest;
    }
  }
  p.accepted.push(by);
  tx.log({ kind: 'action', party: by, text: `${nameOf(game, by)} accepts package #${p.id}${after >= 0 ? ' after all' : ''}.`, ...visibility });
  if (game.public.signatories.every((id) => p.accepted.includes(id))) agree(tx, p.id);
}

/**
 * Records `by`'s rejection of proposal `id` for `reason` when it is open to `by` and still awaits its answer, with
 * its own line, seen as an answer to that proposal is; returns whether it rejected anything.
 */
function declineFor(tx: Tx, id: number, by: PartyId, reason: RejectReason): boolean {
  const before = tx.w.proposals[id - 1]!;
  const open = before.status === 'open' && before.to.includes(by) && !before.accepted.includes(by) && !before.rejected.includes(by);
  if (!open) return false;
  const audience = audienceOf(tx.game, tx.base, { type: 'reject', by, proposal: id });
  const p = tx.proposal(id);
  p.rejected.push(by);
  p.reasons = { ...p.reasons, [by]: reasonRecord(reason) };
  tx.log({ kind: 'action', party: by, text: `${nameOf(tx.game, by)} rejects package #${id}: ${reasonWords(tx, p, by, reason)}.`, ...(audience ? { visibleTo: audience } : {}) });
  if (p.to.every((r) => p.rejected.includes(r))) closeProposal(tx, id, 'rejected', { why: 'rejected' });
  return true;
}

/** A reason as the world keeps it: only the fields a reason has (a command may carry more). */
function reasonRecord(r: RejectReason): RejectReason {
  const out: RejectReason = { issue: r.issue, why: r.why };
  if (r.wants !== undefined) out.wants = r.wants;
  if (r.with !== undefined) out.with = r.with;
  return out;
}

/** A rejection's reason as the table hears it: "the Donetsk terms fall short of what it needs". */
function reasonWords(tx: Tx, p: Proposal, by: PartyId, reason: RejectReason): string {
  const issue = tx.game.scenario.issues[reason.issue]!;
  // The option it names is the one in the package as this party heard it.
  const heard = p.heard[by] ?? p.terms;
  const option = issue.options[heard[reason.issue]!]!.label;
  const asks = reason.wants !== undefined && reason.why !== 'red-line' ? ` (it asks for "${issue.options[reason.wants]!.label}")` : '';
  return because(reason, option, issue.name) + asks;
}

function because(reason: RejectReason, option: string, issueName: string): string {
  const issue = { name: issueName };
  switch (reason.why) {
    case 'red-line':
      return `"${option}" on ${issue.name} crosses its red line`;
    case 'commitment':
      return `the ${issue.name} terms break its public commitment`;
    case 'batna':
      return `the ${issue.name} terms leave it worse off than no deal`;
    case 'target':
      return `the ${issue.name} terms fall short of what it needs`;
  }
}

function statement(tx: Tx, c: Extract<Command, { type: 'statement' }>): void {
  const { game } = tx;
  const issue = game.scenario.issues[c.issue]!;
  tx.party(c.by).commitments.push({ issue: c.issue, option: c.option, round: tx.w.round, broken: false });
  newMessage(tx, {
    from: c.by,
    to: game.partyIds.filter((id) => id !== c.by),
    channel: 'public',
    record: true,
    said: { kind: 'statement', issue: c.issue, option: c.option },
    heard: {},
  });
  tx.log({ kind: 'action', party: c.by, text: `${nameOf(game, c.by)} declares in public: on ${issue.name}, nothing less than "${issue.options[c.option]!.label}".` });
}

function clarify(tx: Tx, c: Extract<Command, { type: 'clarify' }>): void {
  // A call to whoever spoke first: they say what they really said.
  clarifyMessage(tx, c.by, c.message);
}

function relay(tx: Tx, c: Extract<Command, { type: 'relay' }>): void {
  const { game, w } = tx;
  const source = w.messages[c.message - 1]!;
  const truth = truthOf(w, source)!;
  passOn(tx, c.by, source, c.to, c.terms);
  const name = nameOf(game, c.by);
  tx.log({
    kind: 'action',
    party: c.by,
    text: `${name} tells ${c.to.map((t) => nameOf(game, t)).join(', ')} what ${nameOf(game, truth.root.from)} put on the table (package #${packageOf(truth.root)}), as ${name} tells it.`,
    visibleTo: audienceOf(game, tx.base, c)!,
  });
}

function readout(tx: Tx, c: Extract<Command, { type: 'readout' }>): void {
  const { game, w } = tx;
  const source = w.messages[c.message - 1]!;
  const terms = c.terms ?? heardTerms(source, c.by)!;
  newMessage(tx, {
    from: c.by,
    to: game.partyIds.filter((id) => id !== c.by),
    channel: 'readout',
    // Public, but only a party's own account: it proves what the party claims, not what was said.
    record: false,
    said: { kind: 'account', of: source.id, terms: [...terms] },
    heard: {},
  });
  tx.log({ kind: 'action', party: c.by, text: `${nameOf(game, c.by)} publishes its readout of the talks behind package #${packageOf(source)}.` });
}

function lever(tx: Tx, c: Extract<Command, { type: 'lever' }>): void {
  const { game } = tx;
  const lever = game.party[c.by]!.levers.find((l) => l.id === c.lever)!;
  const me = tx.party(c.by);
  const target = tx.party(lever.target);
  if (c.apply) {
    me.levers.push(lever.id);
    target.pressure = clamp100(target.pressure + lever.pressure);
    target.batna = clamp01(target.batna + lever.batna);
    me.pressure = clamp100(me.pressure + lever.cost);
    addTrust(target, c.by, AMOUNTS.lever.trust);
  } else {
    me.levers.splice(me.levers.indexOf(lever.id), 1);
    target.pressure = clamp100(target.pressure - lever.pressure);
    target.batna = clamp01(target.batna - lever.batna);
    addTrust(target, c.by, AMOUNTS.lever.liftTrust);
  }
  tx.log({ kind: 'action', party: c.by, text: `${nameOf(game, c.by)} ${c.apply ? 'applies' : 'lifts'}: ${lever.label}.` });
}

function summit(tx: Tx, c: Extract<Command, { type: 'summit' }>): void {
  const { game } = tx;
  tx.summits().push({ round: tx.w.round, a: c.by, b: c.with });
  const me = tx.party(c.by);
  const other = tx.party(c.with);
  addTrust(me, c.with, AMOUNTS.summit.trust);
  addTrust(other, c.by, AMOUNTS.summit.trust);
  me.pressure = clamp100(me.pressure + AMOUNTS.summit.pressure);
  other.pressure = clamp100(other.pressure + AMOUNTS.summit.pressure);
  tx.log({ kind: 'action', party: c.by, text: `${nameOf(game, c.by)} meets ${nameOf(game, c.with)} at a summit: expectations rise on both sides.` });
}

function walkOut(tx: Tx, by: PartyId): void {
  const { game } = tx;
  const me = tx.party(by);
  me.status = 'walked-out';
  me.walkedOutAt = tx.w.round;
  closeOpen(tx, 'superseded', { why: 'walk-out' }, by);
  // Leaving the table withdraws every acceptance: an absent party signs nothing.
  for (const id of tx.w.open) {
    if (!tx.w.proposals[id - 1]!.accepted.includes(by)) continue;
    const accepted = tx.proposal(id).accepted;
    accepted.splice(accepted.indexOf(by), 1);
  }
  for (const id of game.partyIds) if (id !== by) addTrust(tx.party(id), by, AMOUNTS.walkOut.trust);
  tx.log({ kind: 'walk-out', party: by, text: `${nameOf(game, by)} walks out of the talks.` });
}
