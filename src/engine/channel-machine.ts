// The life of a cable, as the party holding it sees it: an xstate machine. Words on the record stay there;
// hearsay (an envoy's report, direct talks without a notetaker, a relay, a readout, a leak) can be confirmed
// by a clarification call, disputed by another account of the same talks, or exposed as distorted.
// The machine is fed the facts the party's view holds about the message, in the order they can happen.
import { initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { ViewMessage } from '../model/view.js';

export type CableEvent = { type: 'HEARD'; record: boolean } | { type: 'CONFIRMED' } | { type: 'CONTRADICTED' } | { type: 'EXPOSED' };

export type CableStatus = 'sent' | 'on-record' | 'hearsay' | 'confirmed' | 'disputed' | 'exposed';

export const cableMachine = setup({ types: { events: {} as CableEvent } }).createMachine({
  id: 'cable',
  initial: 'sent',
  states: {
    sent: {
      on: {
        HEARD: [{ guard: ({ event }) => event.record, target: 'on-record' }, { target: 'hearsay' }],
      },
    },
    // What was said, provably: nothing can change it.
    'on-record': {},
    hearsay: {
      on: { CONFIRMED: 'confirmed', CONTRADICTED: 'disputed', EXPOSED: 'exposed' },
    },
    // A clarification call confirmed it; a different account later still throws doubt on it.
    confirmed: {
      on: { CONTRADICTED: 'disputed' },
    },
    disputed: {
      on: { CONFIRMED: 'confirmed', EXPOSED: 'exposed' },
    },
    exposed: { type: 'final' },
  },
});

export type CableSnapshot = SnapshotFrom<typeof cableMachine>;

/** The events a message has been through, for the party whose view it is in. */
export function cableEvents(m: ViewMessage): CableEvent[] {
  const events: CableEvent[] = [{ type: 'HEARD', record: m.record }];
  if (m.disputed) events.push({ type: 'CONTRADICTED' });
  if (m.clarified && !m.exposed) events.push({ type: 'CONFIRMED' });
  if (m.exposed) events.push({ type: 'EXPOSED' });
  return events;
}

/**
 * Where a cable stands for its holder: on the record, hearsay, confirmed, disputed or exposed — or, for the
 * holder's own words (`self` sent it), simply sent: what it said is what it knows for sure.
 */
export function cableStatus(m: ViewMessage, self?: string): CableStatus {
  if (self !== undefined && m.from === self) return 'sent';
  let [snapshot] = initialTransition(cableMachine);
  for (const event of cableEvents(m)) [snapshot] = transition(cableMachine, snapshot, event);
  return snapshot.value;
}
