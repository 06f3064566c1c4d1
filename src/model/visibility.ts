// Who sees a move happen: the one rule for it. The step writes it on the move's log line, the engine on the
// logged command, and every screen (the table, plain mode, the debrief) reads it from there. Talks with part of
// the table — an envoy's errand, one-to-one talks — and the answers to them are seen only by those in them; so
// are passing something on and a clarification call; everything else is seen by everyone.
import type { Game } from './game.js';
import type { Command, PartyId, Proposal, World } from './types.js';

/**
 * The parties who see `command` happen, judged on the world just before it; undefined means everyone.
 * Commands that are not a party's (begin, continue, posture changes) are seen by everyone.
 */
export function audienceOf(game: Game, world: World, command: Command): PartyId[] | undefined {
  switch (command.type) {
    case 'propose': {
      const everyone = game.partyIds.filter((id) => id !== command.by && world.parties[id]?.status === 'active');
      const to = command.to ?? everyone;
      const privateTalks = command.channel === 'envoy' || to.length < everyone.length;
      return privateTalks ? [command.by, ...to] : undefined;
    }
    case 'accept':
    case 'reject': {
      const p = world.proposals[command.proposal - 1];
      if (!p) return undefined;
      return proposalAudience(game, p) && [command.by, ...p.to.filter((id) => id !== command.by), p.by];
    }
    case 'clarify': {
      const m = world.messages[command.message - 1];
      if (!m) return [command.by];
      const root = m.said.kind === 'account' ? world.messages[m.said.of - 1] : m;
      const speaker = root?.said.kind === 'proposal' ? root.from : m.from;
      return [command.by, speaker];
    }
    case 'relay':
      return [command.by, ...command.to];
    default:
      return undefined;
  }
}

/**
 * Who sees what happens to a proposal (an answer to it, its leaving the table): those in the talks it was made
 * in when they were with part of the table or through an envoy; undefined (everyone) otherwise.
 */
export function proposalAudience(game: Game, p: Pick<Proposal, 'by' | 'to' | 'channel'>): PartyId[] | undefined {
  const privateTalks = p.channel === 'envoy' || game.partyIds.some((id) => id !== p.by && !p.to.includes(id));
  return privateTalks ? [p.by, ...p.to] : undefined;
}

/** Whether `party` is in an audience (undefined: everyone). */
export function inAudience(audience: readonly PartyId[] | undefined, party: PartyId): boolean {
  return audience === undefined || audience.includes(party);
}
