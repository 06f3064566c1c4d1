// A student still reading the briefing at a live table hears the room as the table's screen does: the teacher's
// message, a pause, the end of the lesson — and, once read, goes to the table while the briefing tells the room.
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveSeat, LiveStatus } from '../../src/ui/app-options.js';
import { GameScreens } from '../../src/ui/screens/GameScreens.js';
import type { Screen } from '../../src/ui/flow.js';
import { startSession } from '../../src/ui/session.js';
import { alaskaChoice } from './fixtures.js';
import { KEYS, Providers, renderApp, type Terminal } from './render.js';

let t: Terminal | undefined;
afterEach(() => t?.unmount());

function seat() {
  const session = startSession({ choice: alaskaChoice(), seed: 3, humans: ['ukraine'] });
  const listeners = new Set<() => void>();
  let status: LiveStatus = { paused: false, briefed: false, aiPlays: false, ended: false };
  const read: string[] = [];
  const live: LiveSeat = {
    session,
    party: 'ukraine',
    student: 'Ana',
    status: () => status,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readBriefing: () => read.push('ukraine'),
  };
  const set = (next: Partial<LiveStatus>) => {
    status = { ...status, ...next };
    listeners.forEach((l) => l());
  };
  return { live, set, read };
}

describe('the briefing at a live table', () => {
  it('shows the teacher’s message, a pause and the end of the lesson while the student reads', async () => {
    const { live, set, read } = seat();
    let screen: Screen = { name: 'briefing', party: 'ukraine' };
    const shown: Screen[] = [];
    const tree = () => (
      <Providers>
        <GameScreens
          session={live.session}
          screen={screen}
          setScreen={(s) => {
            screen = s;
            shown.push(s);
          }}
          width={100}
          height={30}
          paused={false}
          aiDelayMs={0}
          saveTranscript={() => ''}
          live={live}
        />
      </Providers>
    );
    t = renderApp(tree());
    await t.waitFor('Briefing for Ukraine');
    expect(t.screen()).not.toContain('Teacher:');

    set({ paused: true });
    expect(await t.waitFor('The teacher has paused the tables for a moment…')).toContain('Press Enter to go to the table.');
    set({ message: 'Five minutes left' });
    await t.waitFor('Teacher: Five minutes left');
    set({ message: undefined, paused: false });
    await t.waitFor((s) => !s.includes('Teacher:') && !s.includes('The teacher has paused'));
    set({ ended: true });
    await t.waitFor('The lesson has ended: the teacher has the class report. Press q to leave.');

    await t.press(KEYS.enter);
    expect(read).toEqual(['ukraine']);
    expect(shown).toEqual([{ name: 'table', viewer: 'ukraine' }]);
  });
});
