// Information moves: checking hearsay, giving our account of talks, passing news on. Each costs the turn, so at
// most one is considered a turn — the one with the best chance (ties: verify, then readout, then relay) — and
// decide.ts takes it on that seeded coin, or, when it has nothing better to do than wait, instead of waiting
// (unless it is a routine one: a chance below decide.ts's IDLE_WORTH).
//   verify  — a disputed or too-good relay or envoy report (clarify.ts);
//   readout — our account of off-record talks we took part in (readout.ts);
//   relay   — an offer heard in talks the other signatories were not at, passed on to them (relay.ts).
// Readouts and relays are faithful with probability `candour`, otherwise shaded (shade.ts). The reason a player
// reads is the one the party gives in public: it does not say whether the account was shaded.
import type { Rng } from '../model/rng.js';
import type { Command, Terms } from '../model/types.js';
import type { PlayerView } from '../model/view.js';
import type { Strategy } from '../scenario/schema.js';
import { termsOf } from './accounts.js';
import { hearsayToVerify, type Doubt } from './clarify.js';
import type { Beliefs } from './beliefs.js';
import { readoutCandidate, type ReadoutPlan } from './readout.js';
import { names, partyName } from './reasons.js';
import { RELAY_CHANCE, relayCandidate, type RelayPlan } from './relay.js';
import { faithful, shade } from './shade.js';
import type { Tables } from './tables.js';

export type InformationPlan =
  { kind: 'verify'; chance: number; doubt: Doubt } | { kind: 'readout'; chance: number; readout: ReadoutPlan } | { kind: 'relay'; chance: number; relay: RelayPlan };

/** The information move most worth making now, with its chance; undefined when there is none. */
export function informationPlan(view: PlayerView, t: Tables, reliance?: Float64Array, briefing = RELAY_CHANCE): InformationPlan | undefined {
  let best: InformationPlan | undefined;
  const doubt = hearsayToVerify(view, t, reliance);
  if (doubt) best = { kind: 'verify', chance: doubt.chance, doubt };
  const readout = readoutCandidate(view);
  if (readout && (!best || readout.chance > best.chance)) best = { kind: 'readout', chance: readout.chance, readout };
  const relay = relayCandidate(view);
  if (relay && (!best || briefing > best.chance)) best = { kind: 'relay', chance: briefing, relay };
  return best;
}

/** The command (and the reason given) for a plan. `model` models the other signatories, for shading. */
export function informationMove(
  view: PlayerView,
  t: Tables,
  strategy: Pick<Strategy, 'candour'>,
  plan: InformationPlan,
  model: () => Beliefs,
  rng: Rng,
): { command: Command; reason: string } {
  const self = view.self;
  switch (plan.kind) {
    case 'verify': {
      const { message: m, why } = plan.doubt;
      const what = m.channel === 'relay' ? `what ${partyName(view, m.from)} passed on (m${m.id})` : `#${proposalOf(m) ?? m.id}`;
      return {
        command: { type: 'clarify', by: self, message: m.id },
        reason:
          why === 'disputed'
            ? `asked for confirmation of ${what}: another account of the same talks disagrees`
            : `asked for confirmation of ${what}: it sounds far better than anything offered before`,
      };
    }
    case 'readout': {
      const m = plan.readout.message;
      const heard = termsOf(m)!;
      const others = view.game.signatories.filter((id) => id !== self);
      const terms = tell(view, t, strategy, heard, others, model, rng, m.from === self ? undefined : m.from);
      const command: Extract<Command, { type: 'readout' }> = { type: 'readout', by: self, message: m.id };
      if (terms) command.terms = terms;
      const counterpart = m.from === self ? names(view, m.to) : partyName(view, m.from);
      return {
        command,
        reason:
          plan.readout.why === 'disputed'
            ? `published our readout of the talks with ${counterpart} (#${proposalOf(m) ?? m.id}): the accounts going round are not what was said`
            : `published our readout of the talks with ${counterpart} (#${proposalOf(m) ?? m.id})`,
      };
    }
    case 'relay': {
      const { message: m, to } = plan.relay;
      const heard = termsOf(m)!;
      const terms = tell(view, t, strategy, heard, to, model, rng, m.from);
      const command: Extract<Command, { type: 'relay' }> = { type: 'relay', by: self, message: m.id, to: [...to] };
      if (terms) command.terms = terms;
      return {
        command,
        reason: `told ${names(view, to)} what ${partyName(view, m.from)} put to us (#${proposalOf(m) ?? m.id}), which they did not hear`,
      };
    }
  }
}

/** The terms to tell: undefined to report what we heard (faithful), or a shaded version. */
function tell(
  view: PlayerView,
  t: Tables,
  strategy: Pick<Strategy, 'candour'>,
  heard: Terms,
  listeners: readonly string[],
  model: () => Beliefs,
  rng: Rng,
  speaker: string | undefined,
): number[] | undefined {
  if (faithful(strategy.candour, rng)) return undefined;
  return shade(view, t, heard, listeners, model(), rng, speaker)?.terms;
}

function proposalOf(m: { body: PlayerView['messages'][number]['body'] }): number | undefined {
  return m.body.kind === 'proposal' ? m.body.proposal : undefined;
}
