// What the record does not settle: at a contested meeting each game drew one of the accounts the sources
// support as what was really said. The debrief says which, and that another game may have drawn another.
import type { Game } from '../../model/game.js';
import type { World } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import { citation } from './record.js';

export interface ContestedMeeting {
  meeting: string;
  title: string;
  round: number;
  /** The account this game took for the truth. */
  drawn: string;
  /** Every account, with its chance of being drawn and the sources behind it ("[id] title"). */
  versions: { label: string; chance: number; sources: string[] }[];
}

export function contestedMeetings(game: Game, world: World): ContestedMeeting[] {
  const out: ContestedMeeting[] = [];
  const sources = game.scenario.meta.sources;
  for (const p of world.proposals) {
    if (p.meeting === undefined || p.version === undefined) continue;
    const meeting = game.scenario.meetings.find((m) => m.id === p.meeting);
    const versions = meeting?.versions;
    if (!meeting || !versions) continue;
    const total = versions.reduce((sum, v) => sum + v.weight, 0);
    out.push({
      meeting: meeting.id,
      title: cleanText(meeting.title),
      round: p.round,
      drawn: cleanText(versions[p.version]!.label),
      versions: versions.map((v) => {
        const ids = v.source === undefined ? [] : Array.isArray(v.source) ? v.source : [v.source];
        return { label: cleanText(v.label), chance: v.weight / total, sources: ids.map((id) => citation(sources.find((s) => s.id === id) ?? { id, title: id })) };
      }),
    });
  }
  return out;
}

/** "The record does not settle what was offered at …: in this game, …; the sources support …". */
export function contestedSentence(c: ContestedMeeting): string {
  const accounts = c.versions.map((v) => `"${v.label}" (${Math.round(v.chance * 100)} %${v.sources.length ? `; ${v.sources.join('; ')}` : ''})`).join(', ');
  return `${c.title}: the record does not settle what was offered. This game took "${c.drawn}" for the truth; the accounts the sources support are ${accounts}. Another seed may draw another.`;
}
