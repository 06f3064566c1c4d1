// How the cross-reference check reads data that may not have passed the schema (every reader tolerates
// anything), and how it reports: sets of ids, and "unknown X — did you mean Y?" for a reference to none of them.
import { closest } from './did-you-mean.js';
import type { DataPath, ReferenceProblem } from './load.js';
import { idFix, q } from './schema-problems.js';

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
  /**
   * The ids an author meant by ids the format refuses ("sanctions" for "Sanctions"): a reference to one is not
   * reported (the id's own error says to fix it), and never suggested in place of the refused one.
   */
  meant?: string[];
  /** Ids given twice: a reference to an unknown id may mean the second of them. */
  duplicates?: string[];
}

/** Collects the problems of one check. */
export class ReferenceReport {
  readonly problems: ReferenceProblem[] = [];
  /** Unknown ids reported so far: a second reference to the same one is named in the first one's message. */
  private readonly unknown = new Map<string, ReferenceProblem>();

  report(path: DataPath, message: string, at?: 'key'): void {
    this.problems.push(at ? { path, message, at } : { path, message });
  }

  /** `list` is read as a list of things with ids; an absent list is empty, anything else unreadable. */
  collect(list: unknown, path: DataPath, noun: string, plural: string, of?: string): IdSet {
    const ids: string[] = [];
    const meant: string[] = [];
    const duplicates: string[] = [];
    let complete = list === undefined || Array.isArray(list);
    arr(list).forEach((item, i) => {
      const id = str(rec(item).id);
      if (id === undefined) {
        complete = false;
        return;
      }
      if (ids.includes(id)) {
        this.report([...path, i, 'id'], `duplicate ${noun} id ${q(id)}${of ? ` ${of}` : ''}`);
        duplicates.push(id);
      } else ids.push(id);
      const fix = idFix(id);
      if (fix) meant.push(fix);
    });
    return { noun, plural, ids, complete, ...(of ? { of } : {}), ...(meant.length ? { meant } : {}), ...(duplicates.length ? { duplicates } : {}) };
  }

  /** Reports an unknown id; true when the value is a known id. */
  ref(value: unknown, set: IdSet, path: DataPath, at?: 'key'): value is string {
    if (typeof value !== 'string') return false;
    if (set.ids.includes(value) || set.meant?.includes(value)) return true;
    if (!set.complete) return false;
    // Suggest what the author meant, not an id the format refuses.
    const suggestion = closest(value, [...set.ids.filter((id) => !idFix(id)), ...(set.meant ?? [])]);
    const shown = set.ids.length > 12 ? `${set.ids.slice(0, 12).join(', ')}, …` : set.ids.join(', ');
    const tail = suggestion ? ` — did you mean ${q(suggestion)}?` : set.ids.length > 0 ? ` (${set.plural}: ${shown})` : ` (there are no ${set.plural})`;
    const twice = !suggestion && set.duplicates?.length ? ` — or is it the second ${q(set.duplicates[0]!)}, whose id is given twice?` : '';
    const key = `${set.noun} ${set.of ?? ''} ${value}`;
    const seen = this.unknown.get(key);
    if (seen) {
      (seen.also ??= []).push(path);
      return false;
    }
    this.report(path, `unknown ${set.noun} ${q(value)}${set.of ? ` ${set.of}` : ''}${tail}${twice}`, at);
    this.unknown.set(key, this.problems[this.problems.length - 1]!);
    return false;
  }
}
