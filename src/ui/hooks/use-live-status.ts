// A seat at a live table (backchannel serve) hears the room: whom the table waits for, a pause, the teacher's
// word, the end of the lesson. Every screen of the seat reads it through this hook, kept current.
import type { LiveSeat, LiveStatus } from '../app-options.js';
import type { Status } from '../components/StatusLine.js';
import { safeText } from '../format.js';
import { useStoreValue } from './use-store-value.js';

const noSeat = () => () => undefined;
const noStatus = () => undefined;

/** The live table's status for this seat (undefined away from a live table). */
export function useLiveStatus(live: LiveSeat | undefined): LiveStatus | undefined {
  return useStoreValue<LiveStatus | undefined>(live?.subscribe ?? noSeat, live ? live.status : noStatus);
}

/**
 * What the room says to a seat whatever its screen: the end of the lesson, the teacher's word (with "Your move"
 * when the table waits for this student, so the message does not hide it), a pause. Undefined when it is silent.
 */
export function roomWord(live: LiveStatus, yourMove = false): Status | undefined {
  if (live.ended) return { text: 'The lesson has ended: the teacher has the class report. Press q to leave.', tone: 'good' };
  if (live.message) return { text: `Teacher: ${safeText(live.message)}${yourMove && !live.paused ? ' · Your move.' : ''}`, tone: 'info' };
  if (live.paused) return { text: 'The teacher has paused the tables for a moment…', tone: 'wait' };
  return undefined;
}
