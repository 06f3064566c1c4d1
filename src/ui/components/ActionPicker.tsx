// The small choices behind the table's action keys: the issue and option of a statement, the envoy and the
// recipient of an envoy's errand, the message to clarify, the lever, the summit partner. Each ends in a command,
// the next choice, or the proposal builder.
import type { Game } from '../../model/game.js';
import { clarifiable, readable, relayable, summitPartners } from '../../model/rules.js';
import type { Command, World } from '../../model/types.js';
import type { PlayerView } from '../../model/view.js';
import { cableStatus } from '../../engine/channel-machine.js';
import { cableLine, leverWords, messagePackage, partyName, safeText, talksRefs } from '../format.js';
import type { BuilderSetup } from '../hooks/use-builder.js';
import { useTheme } from '../theme.js';
import { PickList, type PickItem } from './PickList.js';
import { valueDots } from './TermsList.js';

export type Pick =
  | { what: 'statement-issue' }
  | { what: 'statement-option'; issue: number }
  | { what: 'envoy' }
  | { what: 'envoy-to'; envoy: string }
  | { what: 'clarify' }
  | { what: 'relay' }
  | { what: 'relay-to'; message: number }
  | { what: 'readout' }
  | { what: 'lever' }
  | { what: 'summit' };

export interface ActionPickerProps {
  pick: Pick;
  game: Game;
  world: World;
  view: PlayerView;
  /** Where a new proposal starts from (for the envoy's errand). */
  startTerms: readonly number[];
  width: number;
  rows: number;
  onCommand: (command: Command) => void;
  onNext: (pick: Pick) => void;
  onBuilder: (setup: BuilderSetup) => void;
  onCancel: () => void;
}

interface Choice extends PickItem {
  then: () => void;
}

export function ActionPicker({ pick, game, world, view, startTerms, width, rows, onCommand, onNext, onBuilder, onCancel }: ActionPickerProps) {
  const theme = useTheme();
  const self = view.self;
  const pub = view.game;
  const me = pub.parties.find((p) => p.id === self)!;
  const talks = talksRefs(view, game.scenario.meetings);
  let title = '';
  let intro: string | undefined;
  let choices: Choice[] = [];
  switch (pick.what) {
    case 'statement-issue': {
      title = 'Public statement: on which issue?';
      intro = 'A statement commits you in front of everyone: "nothing less than …". Believable — and costly to take back.';
      const committed = new Set(view.parties[self]!.commitments.filter((c) => !c.broken).map((c) => c.issue));
      choices = pub.issues.map((issue, i) => ({
        label: safeText(issue.name),
        ...(committed.has(i) ? { disabled: 'you have already committed yourself on this issue' } : {}),
        then: () => onNext({ what: 'statement-option', issue: i }),
      }));
      break;
    }
    case 'statement-option': {
      const issue = pub.issues[pick.issue]!;
      title = `Public statement on ${safeText(issue.name)}: nothing less than…`;
      choices = issue.options.map((o, k) => ({
        label: safeText(o.label),
        detail: `${valueDots(view.preferences.values[pick.issue]?.[k] ?? 0)}${view.preferences.redLine[pick.issue]?.[k] ? ' ✗ your red line' : ''}`,
        then: () => onCommand({ type: 'statement', by: self, issue: pick.issue, option: k }),
      }));
      break;
    }
    case 'envoy':
      title = 'Send an envoy: who goes?';
      intro = 'An envoy carries a package to one party, off the record. No notetaker: what arrives may not be what you said.';
      // An envoy's fidelity is private: what you can go on is what you have seen of it.
      choices = me.envoys.map((e) => ({ label: safeText(e.name), detail: envoyRecord(view, e.id), then: () => onNext({ what: 'envoy-to', envoy: e.id }) }));
      break;
    case 'envoy-to':
      title = 'Send the envoy to…';
      choices = pub.parties
        .filter((p) => p.id !== self)
        .map((p) => ({
          label: partyName(pub, p.id),
          color: theme.party(pub, p.id),
          ...(view.parties[p.id]!.status !== 'active' ? { disabled: 'it has walked out' } : {}),
          then: () => onBuilder({ terms: startTerms, options: pub.issues.map((i) => i.options.length), channel: 'envoy', envoy: pick.envoy, to: [p.id] }),
        }));
      break;
    case 'clarify': {
      title = 'Ask for a clarification: which message?';
      intro = 'A call to the sender checks what an envoy told you. If it was garbled, it comes out — and it costs the sender.';
      const ids = new Set(clarifiable(world, self).map((m) => m.id));
      choices = view.messages
        .filter((m) => ids.has(m.id))
        .map((m) => ({ label: safeText(cableLine(view, m, talks)), then: () => onCommand({ type: 'clarify', by: self, message: m.id }) }));
      break;
    }
    case 'relay': {
      title = 'Pass on: which offer?';
      intro = 'Tell others what was put to you — faithfully, or bent your way. No record: a bent account can come out.';
      const ids = new Set(relayable(world, self).map((m) => m.id));
      choices = view.messages.filter((m) => ids.has(m.id)).map((m) => ({ label: safeText(cableLine(view, m, talks)), then: () => onNext({ what: 'relay-to', message: m.id }) }));
      break;
    }
    case 'relay-to': {
      title = `Pass on ${messagePackage(view, pick.message, talks)} to…`;
      const source = view.messages.find((m) => m.id === pick.message);
      const heard = source && (source.body.kind === 'proposal' || source.body.kind === 'account') ? source.body.terms : startTerms;
      choices = pub.parties
        .filter((p) => p.id !== self && p.id !== source?.from)
        .map((p) => ({
          label: partyName(pub, p.id),
          color: theme.party(pub, p.id),
          then: () => onBuilder({ purpose: 'relay', message: pick.message, to: [p.id], terms: heard, options: pub.issues.map((i) => i.options.length), channel: 'direct' }),
        }));
      break;
    }
    case 'readout': {
      title = 'Readout: of which talks?';
      intro = 'Publish your account of talks that had no notetaker. It goes on the record — for everyone to compare.';
      const ids = new Set(readable(world, self).map((m) => m.id));
      choices = view.messages
        .filter((m) => ids.has(m.id))
        .map((m) => ({
          label: safeText(cableLine(view, m, talks)),
          then: () =>
            onBuilder({
              purpose: 'readout',
              message: m.id,
              terms: m.body.kind === 'proposal' || m.body.kind === 'account' ? m.body.terms : startTerms,
              options: pub.issues.map((i) => i.options.length),
              channel: 'direct',
            }),
        }));
      break;
    }
    case 'lever': {
      title = 'Pressure: apply or lift a lever';
      const applied = new Set(view.parties[self]!.levers);
      // Whom it presses and whom it costs, in the lever's own numbers (the party's own knowledge of its levers).
      choices = game.party[self]!.levers.map((l) => ({
        label: `${applied.has(l.id) ? 'Lift' : 'Apply'}: ${safeText(l.label)}`,
        detail: `${applied.has(l.id) ? 'applied now · lifting ' : ''}${leverWords(pub, l, !applied.has(l.id))}`,
        then: () => onCommand({ type: 'lever', by: self, lever: l.id, apply: !applied.has(l.id) }),
      }));
      break;
    }
    case 'summit': {
      title = 'Call a summit with…';
      intro = "Leaders meet in person: it raises both sides' trust a little, and both sides' pressure (expectations at home).";
      const partners = new Set(summitPartners(game, world, self));
      choices = pub.parties
        .filter((p) => p.id !== self)
        .map((p) => ({
          label: partyName(pub, p.id),
          color: theme.party(pub, p.id),
          detail: 'trust ▲ both ways · pressure ▲ on both',
          ...(partners.has(p.id) ? {} : { disabled: 'not possible this round (walked out, or you met already)' }),
          then: () => onCommand({ type: 'summit', by: self, with: p.id }),
        }));
      break;
    }
  }
  return <PickList key={JSON.stringify(pick)} title={title} intro={intro} items={choices} width={width} rows={rows} onPick={(i) => choices[i]?.then()} onCancel={onCancel} />;
}

/** What the viewer has seen of an envoy: how many of its reports reached it (or were sent through it), how many came out garbled. */
export function envoyRecord(view: PlayerView, envoy: string): string {
  const carried = view.messages.filter((m) => m.channel === 'envoy' && m.envoy === envoy);
  if (carried.length === 0) return 'nothing seen of this envoy yet';
  const exposed = carried.filter((m) => m.exposed || cableStatus(m) === 'exposed').length;
  const confirmed = carried.filter((m) => cableStatus(m) === 'confirmed').length;
  const parts = [`${carried.length} report${carried.length === 1 ? '' : 's'} seen`, `${exposed} exposed as garbled`];
  if (confirmed > 0) parts.push(`${confirmed} confirmed`);
  return parts.join(' · ');
}
