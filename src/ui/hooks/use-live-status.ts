// A seat at a live table (backchannel serve) hears the room: whom the table waits for, a pause, the teacher's
// word, the end of the lesson. Every screen of the seat reads it through this hook, kept current.
import type { LiveSeat, LiveStatus } from '../app-options.js';
import { useStoreValue } from './use-store-value.js';

const noSeat = () => () => undefined;
const noStatus = () => undefined;

/** The live table's status for this seat (undefined away from a live table). */
export function useLiveStatus(live: LiveSeat | undefined): LiveStatus | undefined {
  return useStoreValue<LiveStatus | undefined>(live?.subscribe ?? noSeat, live ? live.status : noStatus);
}
