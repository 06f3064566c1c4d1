// Which commands are legal now, and why a command is not. step() refuses anything validate() rejects, so the
// UI, the AI and the engine all ask here instead of guessing.
import type { Game } from './game.js';
import { currentActor } from './view.js';
import type { Command, CommandType, PartyId, World } from './types.js';

/** Proposals stay open this many rounds after the one they were made in. */
export const PROPOSAL_LIFETIME = 2;

/**
 * The open proposals `party` may still accept: those awaiting its answer, and those it turned down that are
 * still on the table (a party may change its mind while the others have not let the offer fall).
 */
export function acceptableProposalsFor(world: World, party: PartyId) {
  return world.open.map((id) => world.proposals[id - 1]!).filter((p) => p.to.includes(party) && !p.accepted.includes(party));
}

/** The open proposals to `party` that await its answer (it may accept or reject them). */
export function openProposalsFor(world: World, party: PartyId) {
  return acceptableProposalsFor(world, party).filter((p) => !p.rejected.includes(party));
}

/** The command types `party` may issue now (a propose still needs valid terms, and so on). */
export function legalCommandTypes(game: Game, world: World, party: PartyId): CommandType[] {
  if (world.phase === 'briefing') return ['begin'];
  if (world.phase === 'ratification' || world.phase === 'implementation') return ['continue'];
  if (world.phase === 'ended' || currentActor(world, game) !== party) return [];
  if (world.phase === 'signing') return ['sign', 'refuse'];
  const me = world.parties[party]!;
  if (me.status === 'walked-out') return ['return', 'pass'];
  const types: CommandType[] = ['propose', 'statement'];
  // A mediator signs nothing, so it accepts nothing; it may still turn a proposal down.
  if (game.party[party]!.role !== 'mediator' && acceptableProposalsFor(world, party).length > 0) types.push('accept');
  if (openProposalsFor(world, party).length > 0) types.push('reject');
  if (clarifiable(world, party).length > 0) types.push('clarify');
  const channels = game.party[party]!.channels;
  if (channels.includes('relay') && relayable(world, party).length > 0) types.push('relay');
  if (channels.includes('readout') && readable(world, party).length > 0) types.push('readout');
  if (game.party[party]!.levers.length > 0) types.push('lever');
  if (summitPartners(game, world, party).length > 0) types.push('summit');
  types.push('walk-out', 'pass');
  return types;
}

/** Messages `party` heard second-hand (through an envoy, or passed on by someone) and has not had clarified. */
export function clarifiable(world: World, party: PartyId) {
  return world.messages.filter(
    (m) =>
      (m.channel === 'envoy' || m.channel === 'relay') &&
      (m.said.kind === 'proposal' || m.said.kind === 'account') &&
      m.to.includes(party) &&
      !m.exposedTo.includes(party) &&
      !m.clarified.includes(party),
  );
}

/** Messages `party` received that carry terms it could pass on: proposals, and accounts of them. */
export function relayable(world: World, party: PartyId) {
  return world.messages.filter((m) => m.from !== party && m.to.includes(party) && (m.said.kind === 'proposal' || m.said.kind === 'account'));
}

/** Off-the-record talks `party` took part in and has not yet given its account of. */
export function readable(world: World, party: PartyId) {
  return world.messages.filter(
    (m) =>
      !m.record &&
      (m.channel === 'direct' || m.channel === 'envoy') &&
      m.said.kind === 'proposal' &&
      (m.from === party || m.to.includes(party)) &&
      !world.messages.some((r) => r.channel === 'readout' && r.from === party && r.said.kind === 'account' && r.said.of === m.id),
  );
}

export function summitPartners(game: Game, world: World, party: PartyId): PartyId[] {
  return game.partyIds.filter(
    (other) =>
      other !== party &&
      world.parties[other]!.status === 'active' &&
      !world.summits.some((s) => s.round === world.round && ((s.a === party && s.b === other) || (s.a === other && s.b === party))),
  );
}

function validTerms(game: Game, terms: readonly number[]): string | null {
  const issues = game.scenario.issues;
  if (!Array.isArray(terms) || terms.length !== issues.length) return `a package needs an option for each of the ${issues.length} issues`;
  for (let i = 0; i < issues.length; i++) {
    const t: unknown = terms[i];
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t >= issues[i]!.options.length) return `no option ${String(t)} for ${issues[i]!.name}`;
  }
  return null;
}

/** An own property only: ids come from commands and saves, and "constructor" must not find Object's. */
const own = <T>(record: Record<string, T>, key: unknown): T | undefined => (typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined);

const REASONS = ['red-line', 'commitment', 'batna', 'target'];

function badReason(game: Game, reason: unknown): string | null {
  const r = reason as { issue?: unknown; why?: unknown } | null;
  if (typeof r !== 'object' || r === null) return 'a reason names an issue and why';
  if (!Number.isInteger(r.issue) || (r.issue as number) < 0 || (r.issue as number) >= game.scenario.issues.length) return 'the reason names no issue of this scenario';
  if (!REASONS.includes(r.why as string)) return `a reason is one of ${REASONS.join(', ')}`;
  const other = (r as { with?: unknown }).with;
  if (other !== undefined && (!Number.isInteger(other) || (other as number) < 0 || (other as number) >= game.scenario.issues.length || other === r.issue)) {
    return 'a combination names another issue of this scenario';
  }
  const wants = (r as { wants?: unknown }).wants;
  if (wants !== undefined) {
    const count = game.scenario.issues[r.issue as number]!.options.length;
    if (!Number.isInteger(wants) || (wants as number) < 0 || (wants as number) >= count) return 'the option a reason asks for is not one of that issue';
  }
  return null;
}

/** Why `command` is not legal now, or null when it is. */
export function validate(game: Game, world: World, command: Command): string | null {
  if (world.phase === 'ended') return 'the game is over';
  if (command.type === 'begin') return world.phase === 'briefing' ? null : 'the game has already begun';
  if (command.type === 'posture') {
    const party = own(game.party, command.party);
    if (!party) return `no party "${command.party}"`;
    if (!own(party.postures.states, command.posture)) return `${party.name} has no posture "${command.posture}"`;
    return null;
  }
  if (command.type === 'continue') {
    return world.phase === 'ratification' || world.phase === 'implementation' ? null : 'time only runs on its own during ratification and implementation';
  }
  const by = command.by;
  const party = own(game.party, by);
  if (!party) return `no party "${by}"`;
  const actor = currentActor(world, game);
  if (actor === undefined) return `no party acts during ${world.phase}`;
  if (actor !== by) return `it is ${game.party[actor]!.name}'s turn, not ${party.name}'s`;
  const me = world.parties[by]!;
  if (world.phase === 'signing') {
    return command.type === 'sign' || command.type === 'refuse' ? null : 'the table is signing: sign or refuse';
  }
  if (command.type === 'sign' || command.type === 'refuse') return 'there is nothing to sign';
  if (me.status === 'walked-out' && command.type !== 'return' && command.type !== 'pass') {
    return `${party.name} has walked out: it can only come back or wait`;
  }
  switch (command.type) {
    case 'propose': {
      const bad = validTerms(game, command.terms);
      if (bad) return bad;
      if (command.channel !== 'direct' && command.channel !== 'envoy' && command.channel !== 'public') {
        return 'a proposal goes by direct talks, an envoy, or in public';
      }
      if (!party.channels.includes(command.channel)) return `${party.name} cannot use the ${command.channel} channel in this scenario`;
      if (command.to !== undefined) {
        if (command.channel === 'public') return 'a public proposal is heard by everyone: it takes no recipients';
        if (!Array.isArray(command.to) || command.to.length === 0) return 'a proposal needs at least one recipient';
        if (new Set(command.to).size !== command.to.length) return 'a recipient is named twice';
      }
      if (command.notetaker !== undefined && command.channel !== 'direct') return 'only direct talks can have a notetaker';
      if (command.channel === 'envoy') {
        if (!party.envoys.some((e) => e.id === command.envoy)) return `${party.name} has no envoy "${command.envoy ?? ''}"`;
        if (!command.to || command.to.length !== 1) return 'an envoy carries a proposal to exactly one party';
      } else if (command.envoy !== undefined) {
        return 'only the envoy channel takes an envoy';
      }
      for (const to of command.to ?? []) {
        if (to === by || !own(world.parties, to)) return `cannot send a proposal to "${to}"`;
        if (world.parties[to]!.status !== 'active') return `${game.party[to]!.name} has walked out`;
      }
      if (command.replyTo !== undefined && !world.proposals[command.replyTo - 1]) return `no proposal #${command.replyTo}`;
      if (command.reason !== undefined) {
        if (command.replyTo === undefined) return 'a reason goes with a counter-offer: say which offer it answers';
        return badReason(game, command.reason);
      }
      return null;
    }
    case 'accept':
    case 'reject': {
      if (command.type === 'accept' && party.role === 'mediator') return `${party.name} is the mediator: it signs nothing, so it accepts nothing (table a text instead)`;
      const open = command.type === 'accept' ? acceptableProposalsFor(world, by) : openProposalsFor(world, by);
      if (!open.some((p) => p.id === command.proposal)) {
        const rejected = acceptableProposalsFor(world, by).some((p) => p.id === command.proposal);
        return rejected
          ? `${party.name} has already rejected proposal #${command.proposal} (it may still accept it)`
          : `proposal #${command.proposal} is not open to ${party.name}`;
      }
      if (command.type === 'reject' && command.reason !== undefined) return badReason(game, command.reason);
      return null;
    }
    case 'statement': {
      const issue = game.scenario.issues[command.issue];
      if (!issue || !Number.isInteger(command.option) || command.option < 0 || command.option >= issue.options.length) return 'no such issue or option';
      if (me.commitments.some((c) => c.issue === command.issue && !c.broken)) return `${party.name} has already committed itself on ${issue.name}`;
      return null;
    }
    case 'clarify':
      return clarifiable(world, by).some((m) => m.id === command.message) ? null : `m${command.message} cannot be clarified`;
    case 'relay': {
      if (!party.channels.includes('relay')) return `${party.name} cannot pass messages on in this scenario`;
      if (!relayable(world, by).some((m) => m.id === command.message)) return `${party.name} received no proposal #${command.message} to pass on`;
      if (!Array.isArray(command.to) || command.to.length === 0) return 'pass it on to at least one party';
      if (new Set(command.to).size !== command.to.length) return 'a recipient is named twice';
      for (const to of command.to) if (to === by || !own(world.parties, to)) return `cannot pass a message on to "${to}"`;
      return command.terms === undefined ? null : validTerms(game, command.terms);
    }
    case 'readout': {
      if (!party.channels.includes('readout')) return `${party.name} cannot publish readouts in this scenario`;
      if (!readable(world, by).some((m) => m.id === command.message)) return `m${command.message} is not off-the-record talks ${party.name} can give an account of`;
      return command.terms === undefined ? null : validTerms(game, command.terms);
    }
    case 'lever': {
      if (!party.levers.some((l) => l.id === command.lever)) return `${party.name} has no lever "${command.lever}"`;
      const applied = me.levers.includes(command.lever);
      if (command.apply && applied) return 'that lever is already applied';
      if (!command.apply && !applied) return 'that lever is not applied';
      return null;
    }
    case 'summit':
      return summitPartners(game, world, by).includes(command.with) ? null : `no summit with "${command.with}" is possible now`;
    case 'walk-out':
      return null;
    case 'return':
      return me.status === 'walked-out' ? null : `${party.name} has not walked out`;
    case 'pass':
      return null;
  }
}
