// What the rules accept, restated from src/model/rules.ts for the AI tests (they must not depend on step.ts):
// why a command is not legal for the party whose view this is, or null — keep in sync with `validate`,
// `clarifiable`, `relayable` and `readable` there. Also checks the AI's own promises: no proposal, acceptance
// or signature across its red lines, no proposal against its own commitments, only its own channels, and a
// `notetaker` only on one-to-one direct talks.
import { crossesRedLine, utility } from '../../src/model/game.js';
import type { Command } from '../../src/model/types.js';
import type { PlayerView } from '../../src/model/view.js';

export function illegal(view: PlayerView, command: Command): string | null {
  const self = view.self;
  if (!('by' in command) || command.by !== self) return 'not issued by the party itself';
  const me = view.parties[self]!;
  if (view.phase === 'signing') return command.type === 'sign' || command.type === 'refuse' ? null : `${command.type} during signing`;
  if (view.phase !== 'diplomacy') return command.type === 'pass' ? null : `${command.type} outside diplomacy`;
  if (me.status === 'walked-out') return command.type === 'return' || command.type === 'pass' ? null : `${command.type} while walked out`;
  const own = view.game.parties.find((p) => p.id === self)!;
  const active = (id: string) => view.parties[id]?.status === 'active';
  const channels: readonly string[] = own.channels;
  const validTerms = (terms: readonly number[]): string | null => {
    const issues = view.game.issues;
    if (terms.length !== issues.length) return 'wrong number of terms';
    for (let i = 0; i < issues.length; i++) {
      const o = terms[i]!;
      if (!Number.isInteger(o) || o < 0 || o >= issues[i]!.options.length) return `bad option on issue ${i}`;
    }
    return null;
  };
  switch (command.type) {
    case 'propose': {
      const bad = validTerms(command.terms);
      if (bad) return bad;
      if (!channels.includes(command.channel)) return `the ${command.channel} channel is not its to use`;
      if (command.notetaker !== undefined && (command.channel !== 'direct' || command.to?.length !== 1)) return 'a notetaker outside one-to-one direct talks';
      if (crossesRedLine(view.preferences, command.terms)) return 'proposes across its own red line';
      for (const c of me.commitments) {
        if (!c.broken && view.preferences.values[c.issue]![command.terms[c.issue]!]! < view.preferences.values[c.issue]![c.option]! - 1e-9) {
          return 'proposes against its own commitment';
        }
      }
      if (command.channel === 'envoy') {
        if (!own.envoys.some((e) => e.id === command.envoy)) return 'not its envoy';
        if (!command.to || command.to.length !== 1) return 'an envoy goes to exactly one party';
      } else if (command.envoy !== undefined) return 'envoy on a non-envoy channel';
      for (const to of command.to ?? []) if (to === self || !active(to)) return `cannot send to ${to}`;
      if (command.replyTo !== undefined && !view.proposals.some((p) => p.id === command.replyTo)) return 'replyTo unknown';
      return null;
    }
    case 'accept':
    case 'reject': {
      const p = view.proposals.find((x) => x.id === command.proposal);
      if (!p || p.status !== 'open' || !p.to.includes(self) || p.accepted.includes(self)) return 'not open to it';
      // An offer it rejected may still be accepted while it is open (a change of mind), not rejected again.
      if (command.type === 'reject' && p.rejected.includes(self)) return 'rejects it twice';
      if (command.type === 'accept') {
        if (crossesRedLine(view.preferences, p.terms)) return 'accepts across its red line';
        if (utility(view.preferences, p.terms) < view.batna - 1e-9) return 'accepts below its BATNA';
      }
      return null;
    }
    case 'statement': {
      const issue = view.game.issues[command.issue];
      if (!issue || command.option < 0 || command.option >= issue.options.length) return 'no such issue or option';
      if (me.commitments.some((c) => c.issue === command.issue && !c.broken)) return 'already committed on that issue';
      return null;
    }
    case 'clarify': {
      // rules.ts `clarifiable`: an envoy's report or a relay to us, not exposed, not yet clarified by us.
      const m = view.messages.find((x) => x.id === command.message);
      if (!m || (m.channel !== 'envoy' && m.channel !== 'relay') || !m.to.includes(self) || m.exposed || m.clarified) return 'not clarifiable';
      return null;
    }
    case 'relay': {
      // rules.ts `relayable`: a proposal or an account we received from someone else.
      if (!channels.includes('relay')) return 'the relay channel is not its to use';
      const m = view.messages.find((x) => x.id === command.message);
      if (!m || m.from === self || !m.to.includes(self) || (m.body.kind !== 'proposal' && m.body.kind !== 'account')) return 'nothing to pass on';
      if (command.to.length === 0) return 'passed on to nobody';
      for (const to of command.to) if (to === self || !view.parties[to]) return `cannot pass on to ${to}`;
      return command.terms === undefined ? null : validTerms(command.terms);
    }
    case 'readout': {
      // rules.ts `readable`: off-the-record direct or envoy talks with a proposal, that we took part in, and
      // have given no readout of yet.
      if (!channels.includes('readout')) return 'the readout channel is not its to use';
      const m = view.messages.find((x) => x.id === command.message);
      if (!m || m.record || (m.channel !== 'direct' && m.channel !== 'envoy') || m.body.kind !== 'proposal') return 'not off-record talks';
      if (m.from !== self && !m.to.includes(self)) return 'not talks it took part in';
      if (view.messages.some((r) => r.channel === 'readout' && r.from === self && r.body.kind === 'account' && r.body.of === m.id)) return 'readout already given';
      return command.terms === undefined ? null : validTerms(command.terms);
    }
    case 'lever': {
      if (!own.levers.some((l) => l.id === command.lever)) return 'not its lever';
      const applied = me.levers.includes(command.lever);
      return command.apply === applied ? 'lever already in that state' : null;
    }
    case 'summit':
      return command.with !== self && active(command.with) ? null : 'no such summit';
    case 'walk-out':
    case 'pass':
      return null;
    case 'return':
      return 'returns while at the table';
    default:
      return `${command.type} is not a party's diplomatic move`;
  }
}
