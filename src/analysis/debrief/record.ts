// What really happened, and what the game made up: what this game rests on, sorted by how far the record
// settles it. On the record: the events that fired and the positions that cite a public fact. Contested: the
// meetings whose content the record does not settle (the account this game drew), and whatever cites a
// contested source. Invented or judged: the scenario's invented events, and what rests on the author's reading
// (an envoy's fidelity). Every item names its sources by id, as the scenario's source list does.
import type { Game } from '../../model/game.js';
import type { World } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import type { Scenario } from '../../scenario/schema.js';
import { contestedSentence, type ContestedMeeting } from './contested.js';

export interface RecordItem {
  text: string;
  /** The sources it rests on: "[id] title" ("title" alone for a source without an id). */
  sources: string[];
}

export interface GameRecord {
  known: RecordItem[];
  contested: RecordItem[];
  invented: RecordItem[];
  /** Events that fired and cite no source (neither record nor invention is claimed for them). */
  uncited: number;
}

type Source = Scenario['meta']['sources'][number];
type Standing = Source['standing'];

/** How a source is cited in the debrief: "[reuters-misreport] Reuters via Kyiv Independent, 28 Aug 2025". */
export const citation = (s: { id?: string; title: string }) => (s.id ? `[${s.id}] ${cleanText(s.title)}` : cleanText(s.title));

const ids = (cited: string | string[] | undefined) => (cited === undefined ? [] : Array.isArray(cited) ? cited : [cited]);

export function gameRecord(game: Game, world: World, contested: readonly ContestedMeeting[]): GameRecord {
  const sources = game.scenario.meta.sources;
  const byId = new Map<string, Source>();
  for (const s of sources) if (s.id) byId.set(s.id, s);
  const record: GameRecord = { known: [], contested: [], invented: [], uncited: 0 };
  const cited = new Set<string>();
  /** Files an item by the weakest standing among its sources. */
  const file = (text: string, refs: string[]) => {
    const found = refs.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
    for (const s of found) cited.add(s.id!);
    const standing: Standing = found.some((s) => s.standing === 'contested') ? 'contested' : found.some((s) => s.standing === 'judgement') ? 'judgement' : 'record';
    const item = { text, sources: found.map(citation) };
    (standing === 'record' ? record.known : standing === 'contested' ? record.contested : record.invented).push(item);
  };

  for (const c of contested) {
    const meeting = game.scenario.meetings.find((m) => m.id === c.meeting);
    for (const v of meeting?.versions ?? []) for (const id of ids(v.source)) cited.add(id);
    record.contested.push({ text: contestedSentence(c), sources: [] });
  }
  for (const event of game.scenario.events) {
    if (!world.firedEvents.includes(event.id)) continue;
    const title = cleanText(event.title);
    if (event.fiction) record.invented.push({ text: `${title}: invented by the scenario (it did not happen).`, sources: [] });
    else if (event.source === undefined) record.uncited++;
    else file(title, ids(event.source));
  }
  for (const party of game.scenario.parties) {
    if (party.source === undefined) continue;
    file(`${cleanText(party.name)}'s position: its briefing, what it wants and its red lines.`, ids(party.source));
  }
  // The author's readings nothing above cites (an envoy's fidelity) are still what the game rests on.
  for (const s of sources) {
    if (s.standing === 'judgement' && !(s.id && cited.has(s.id))) record.invented.push({ text: cleanText(s.note ?? s.title), sources: [citation(s)] });
    if (s.standing === 'contested' && !(s.id && cited.has(s.id))) record.contested.push({ text: cleanText(s.note ?? s.title), sources: [citation(s)] });
  }
  return record;
}
