// How the cross-reference check reads data that may not have passed the schema (every reader tolerates
// anything), and how it reports: sets of ids, and "unknown X — did you mean Y?" for a reference to none of them.
import { closest } from './did-you-mean.js';
import type { DataPath, ReferenceProblem } from './load.js';
import { q } from './schema-problems.js';

export type Rec = Record<string, unknown>;
export const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
export const rec = (x: unknown): Rec => (isRec(x) ? x : {});
export const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** The ids of one kind of thing, and whether every one of them could be read (else unknown ids are not reported). */
export interface IdSet {
  noun: string;
  plural: string;
  /** Words after the quoted id in "unknown option "x" of issue "y"". */
  of?: string;
  ids: string[];
  complete: boolean;
}

/** Collects the problems of one check. */
export class ReferenceReport {
  readonly problems: ReferenceProblem[] = [];

  report(path: DataPath, message: string, at?: 'key'): void {
    this.problems.push(at ? { path, message, at } : { path, message });
  }

  /** `list` is read as a list of things with ids; an absent list is empty, anything else unreadable. */
  collect(list: unknown, path: DataPath, noun: string, plural: string, of?: string): IdSet {
    const ids: string[] = [];
    let complete = list === undefined || Array.isArray(list);
    arr(list).forEach((item, i) => {
      const id = str(rec(item).id);
      if (id === undefined) {
        complete = false;
        return;
      }
      if (ids.includes(id)) this.report([...path, i, 'id'], `duplicate ${noun} id ${q(id)}${of ? ` ${of}` : ''}`);
      else ids.push(id);
    });
    return { noun, plural, ids, complete, ...(of ? { of } : {}) };
  }

  /** Reports an unknown id; true when the value is a known id. */
  ref(value: unknown, set: IdSet, path: DataPath, at?: 'key'): value is string {
    if (typeof value !== 'string') return false;
    if (set.ids.includes(value)) return true;
    if (!set.complete) return false;
    const suggestion = closest(value, set.ids);
    const shown = set.ids.length > 12 ? `${set.ids.slice(0, 12).join(', ')}, …` : set.ids.join(', ');
    const tail = suggestion ? ` — did you mean ${q(suggestion)}?` : set.ids.length > 0 ? ` (${set.plural}: ${shown})` : ` (there are no ${set.plural})`;
    this.report(path, `unknown ${set.noun} ${q(value)}${set.of ? ` ${set.of}` : ''}${tail}`, at);
    return false;
  }
}
