// Information: what a listener hears when an envoy carries words, who answers for a distortion, and how one is
// found out — by a clarification call, a leak, or the text tabled for signing.
import { prefsOf, sameTerms } from '../game.js';
import { clarifiable } from '../rules.js';
import type { Message, PartyId, Terms, World } from '../types.js';
import { addTrust, clamp01, nameOf } from './effects.js';
import type { Tx } from './tx.js';

/**
 * What `to` hears when an envoy of `owner` carries `terms`. With probability (1 − fidelity) the envoy misreports
 * one or two issues, each by one notch toward his bias: "optimistic" makes it sound better to the listener,
 * "pessimistic" worse, a party id better for that party.
 */
export function envoyReport(tx: Tx, owner: PartyId, envoyId: string, to: PartyId, terms: Terms): Terms {
  const { game } = tx;
  const envoy = game.party[owner]!.envoys.find((e) => e.id === envoyId)!;
  if (tx.random() < envoy.fidelity) return terms;
  const favoured = envoy.bias === 'optimistic' || envoy.bias === 'pessimistic' ? to : envoy.bias;
  const sign = envoy.bias === 'pessimistic' ? -1 : 1;
  const values = prefsOf(game, tx.w, favoured).values;
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
  const count = moves.length > 1 && tx.random() < 0.5 ? 2 : 1;
  for (let k = 0; k < count; k++) {
    const [issue, option] = moves.splice(Math.floor(tx.random() * moves.length), 1)[0]!;
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

/**
 * How an exposure line says its listener found out: the words before the account of what was wrong ("A leak",
 * "A clarification call with Russia", or a scenario's own words, which may hold a colon themselves).
 */
export function exposureHow(text: string): string {
  const found = /^(.*): (?:what .+ told .+ is not what .+ said\.|.+ learns that its own envoy's report of what .+ said was wrong\.)/s.exec(text);
  return found ? found[1]! : text.slice(0, Math.max(0, text.indexOf(': ')));
}

/** `listener` finds out that what it heard in message `id` is not what was said: the culprit pays for it. */
export function expose(tx: Tx, id: number, listener: PartyId, how: string): void {
  const { game, w } = tx;
  if (w.messages[id - 1]!.exposedTo.includes(listener)) return;
  const m = tx.message(id);
  m.exposedTo.push(listener);
  const who = culprit(w, m);
  const truth = truthOf(w, m);
  const where = differences(tx, m, listener);
  if (who === listener) {
    // A party that checks its own envoy's report finds the error in private: nobody was misled but itself.
    tx.log({
      kind: 'exposure',
      party: listener,
      text: `${how}: ${nameOf(game, listener)} learns that its own envoy's report of what ${nameOf(game, truth?.root.from ?? m.from)} said was wrong.${where}`,
      visibleTo: [listener],
      message: id,
    });
    return;
  }
  const cost = game.scenario.information.exposure;
  // The party that answers for it learns too; if it had itself been told something else, now it knows.
  if (truth && truth.root.id !== m.id && misled(w, truth.root, who) && !truth.root.exposedTo.includes(who)) {
    tx.message(truth.root.id).exposedTo.push(who);
  }
  const principal = tx.party(who);
  principal.credibility = clamp01(principal.credibility + cost.credibility);
  addTrust(tx.party(listener), who, cost.trust);
  const speaker = nameOf(game, truth?.root.from ?? m.from);
  const teller = m.channel === 'envoy' ? (game.party[who]!.envoys.find((e) => e.id === m.envoy)?.name ?? 'the envoy') : nameOf(game, m.from);
  tx.log({
    kind: 'exposure',
    party: listener,
    text: `${how}: what ${teller} told ${nameOf(game, listener)} is not what ${speaker} said. ${nameOf(game, who)} loses credibility; ${nameOf(game, listener)} trusts it less.${where}`,
    visibleTo: [listener, who],
    message: id,
  });
}

/**
 * Where what `listener` heard in `m` differs from what was said, as the exposure line ends:
 * ' (Where it differs: Kherson and Zaporizhzhia — told "Russian withdrawal", said "Frozen".)'. Saves before
 * version 3 did not have it (model/hash.ts takes it off again).
 */
function differences(tx: Tx, m: Message, listener: PartyId): string {
  const truth = truthOf(tx.w, m);
  const heard = heardTerms(m, listener);
  if (!truth || !heard) return '';
  const issues = tx.game.scenario.issues;
  const parts: string[] = [];
  heard.forEach((option, i) => {
    if (option === truth.terms[i]) return;
    const issue = issues[i]!;
    parts.push(`${issue.name} — told "${issue.options[option]!.label}", said "${issue.options[truth.terms[i]!]!.label}"`);
  });
  return parts.length ? ` (Where it differs: ${parts.join('; ')}.)` : '';
}

/**
 * `by` puts message `id` to whoever spoke first: a distortion comes out (`how` says how), a faithful account is
 * confirmed — seen by the two of them.
 */
export function clarifyMessage(tx: Tx, by: PartyId, id: number, how?: string): void {
  const { game, w } = tx;
  tx.message(id).clarified.push(by);
  const m = w.messages[id - 1]!;
  const speaker = truthOf(w, m)?.root.from ?? m.from;
  if (misled(w, m, by)) {
    expose(tx, m.id, by, how ?? `A clarification call with ${nameOf(game, speaker)}`);
    return;
  }
  const who = culprit(w, m);
  addTrust(tx.party(by), who, game.scenario.information.clarification.confirmed);
  tx.log({
    kind: 'action',
    party: by,
    // A call someone else set up is not a call to the speaker: it says what held up, not who was asked.
    text: how
      ? `${how}: what ${nameOf(game, who)} told ${nameOf(game, by)} (m${m.id}) holds up — it is what ${nameOf(game, speaker)} said.`
      : `${nameOf(game, by)} checks m${m.id} with ${nameOf(game, speaker)}: it was reported faithfully.`,
    visibleTo: how ? [...new Set([by, who])] : by === speaker ? [by] : [by, speaker],
  });
}

/** A check `party` did not ask for (an event's call): every piece of hearsay it holds, about `meeting`'s talks or all. */
export function checkHearsay(tx: Tx, party: PartyId, how: string, meeting?: string): void {
  for (const m of clarifiable(tx.w, party)) {
    if (meeting !== undefined && truthOf(tx.w, m)?.root.meeting !== meeting) continue;
    clarifyMessage(tx, party, m.id, how);
  }
}

/**
 * `by` tells `to` what it heard in message `source` (or `terms`, as it chooses to tell it): an account of the
 * talks behind it, off the record. Returns the new message.
 */
export function passOn(tx: Tx, by: PartyId, source: Message, to: readonly PartyId[], terms = heardTerms(source, by)!): Message {
  const truth = truthOf(tx.w, source)!;
  return newMessage(tx, {
    from: by,
    to: [...to],
    channel: 'relay',
    record: false,
    said: { kind: 'account', of: truth.root.id, terms: [...terms] },
    heard: {},
    via: source.id,
  });
}

/** A `brief` effect: `party` (through its envoy) tells `to` what it heard at `meeting`, as it heard it. */
export function brief(tx: Tx, party: PartyId, meeting: string, to: readonly PartyId[], envoyId?: string): void {
  const { game, w } = tx;
  const source = w.messages.find((m) => m.meeting === meeting && m.said.kind === 'proposal' && m.to.includes(party));
  if (!source) return;
  const listeners = to.filter((id) => id !== party && id !== source.from && !source.to.includes(id) && w.parties[id]?.status === 'active');
  if (listeners.length === 0) return;
  passOn(tx, party, source, listeners);
  const envoy = envoyId === undefined ? undefined : game.party[party]!.envoys.find((e) => e.id === envoyId)?.name;
  const teller = envoy ? `${envoy}, for ${nameOf(game, party)},` : nameOf(game, party);
  tx.log({
    kind: 'action',
    party,
    text: `${teller} tells ${listeners.map((id) => nameOf(game, id)).join(', ')} what ${nameOf(game, source.from)} put on the table (package #${packageOf(source)}), as ${envoy ? 'he remembers it' : 'it heard it'}.`,
    visibleTo: [party, ...listeners],
  });
}

/** Every party that was told something else about the talks behind `root` learns the truth (a record, a leak). */
export function exposeAll(tx: Tx, root: Message, how: string): void {
  const { w } = tx;
  for (let i = 0; i < w.messages.length; i++) {
    const m = w.messages[i]!;
    if (m.id !== root.id && !(m.said.kind === 'account' && m.said.of === root.id)) continue;
    if (m.channel === 'readout' || m.channel === 'leak') continue;
    for (const listener of m.to) {
      if (listener !== root.from && misled(w, m, listener)) expose(tx, m.id, listener, how);
    }
  }
}

/** A new message from the step, numbered after the last. */
export function newMessage(tx: Tx, m: Omit<Message, 'id' | 'round' | 'exposedTo' | 'clarified'>): Message {
  const message: Message = { id: tx.w.messages.length + 1, round: tx.w.round, exposedTo: [], clarified: [], ...m };
  tx.addMessage(message);
  return message;
}

/** The round's off-the-record words may leak: everyone then learns what was really said. */
export function leaks(tx: Tx): void {
  const { game, w } = tx;
  const chance = game.scenario.information.leakChance;
  if (chance <= 0) return;
  // Messages are in round order: read back only as far as this round's.
  const count = w.messages.length;
  let first = count;
  while (first > 0 && w.messages[first - 1]!.round === w.round) first--;
  for (let i = first; i < count; i++) {
    const m = w.messages[i]!;
    if (m.record || m.channel === 'leak' || m.channel === 'readout') continue;
    const truth = truthOf(w, m);
    if (!truth || tx.random() >= chance) continue;
    newMessage(tx, {
      from: truth.root.from,
      to: game.partyIds.filter((id) => id !== truth.root.from),
      channel: 'leak',
      record: true,
      said: { kind: 'account', of: truth.root.id, terms: [...truth.terms] },
      heard: {},
    });
    tx.log({ kind: 'event', text: `A leak: what ${nameOf(game, truth.root.from)} really put on the table in package #${packageOf(truth.root)} is out.` });
    exposeAll(tx, truth.root, 'A leak');
  }
}

/** The package number a proposal's message carries ('?' for anything else). */
export function packageOf(m: Message): number | '?' {
  return m.said.kind === 'proposal' ? m.said.proposal : '?';
}
