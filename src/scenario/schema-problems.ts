// The zod schema's problems in an author's words: what was expected, where, with the allowed keys and kinds and
// a "did you mean" for a misspelt key.
import type { core } from 'zod';
import { closest } from './did-you-mean.js';
import type { DataPath } from './load.js';
import { isPlainObject } from './freeze.js';
import { Scenario } from './schema.js';
import { Condition, Effect } from './vocabulary.js';

export interface Located {
  path: DataPath;
  message: string;
  at?: 'key';
  /** Other places with the same problem, named by line in the one message. */
  also?: DataPath[];
  /** A "missing required key" problem: the key that is missing. */
  missing?: string;
  /** An "unknown key" problem: the key it probably meant. */
  suggestion?: string;
}

type ZodSchema = core.$ZodType;
interface Def {
  type: string;
  innerType?: ZodSchema;
  getter?: () => ZodSchema;
  in?: ZodSchema;
  shape?: Record<string, ZodSchema>;
  element?: ZodSchema;
  valueType?: ZodSchema;
  options?: readonly ZodSchema[];
}
const defOf = (s: ZodSchema) => s._zod.def as unknown as Def;

/** Strips wrappers (optional, default, lazy, …) down to the schema that checks the value. */
function unwrap(schema: ZodSchema): ZodSchema {
  let s = schema;
  for (let guard = 0; guard < 50; guard++) {
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        s = def.innerType!;
        break;
      case 'lazy':
        s = (s._zod as unknown as { innerType?: ZodSchema }).innerType ?? def.getter!();
        break;
      case 'pipe':
        s = def.in!;
        break;
      default:
        return s;
    }
  }
  return s;
}

/** The one key of each option when a union's options are all single-key objects (Condition, Effect). */
function keyedKinds(union: ZodSchema): string[] | undefined {
  const def = defOf(union);
  if (def.type !== 'union' || !def.options) return undefined;
  const kinds: string[] = [];
  for (const option of def.options) {
    const shape = defOf(unwrap(option)).shape;
    const keys = shape ? Object.keys(shape) : [];
    if (keys.length !== 1) return undefined;
    kinds.push(keys[0]!);
  }
  return kinds;
}

const CONDITION_KINDS = keyedKinds(unwrap(Condition)) ?? [];
const EFFECT_KINDS = keyedKinds(unwrap(Effect)) ?? [];

/** The (unwrapped) schema that checks the value at a path; unions are resolved by the key the path takes. */
function schemaAt(path: DataPath): ZodSchema | undefined {
  let s = unwrap(Scenario);
  for (const step of path) {
    let def = defOf(s);
    if (def.type === 'union' && def.options) {
      const option = def.options.map(unwrap).find((o) => defOf(o).shape?.[String(step)] !== undefined);
      if (!option) return undefined;
      s = option;
      def = defOf(s);
    }
    let next: ZodSchema | undefined;
    if (def.type === 'object') next = def.shape?.[String(step)];
    else if (def.type === 'array' && typeof step === 'number') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    if (!next) return undefined;
    s = unwrap(next);
  }
  return s;
}

export function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const step of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

export const q = (s: string) => JSON.stringify(s);

/** How a path's value is named in a message: "rounds", or "signatories" item 2. */
export function nameOf(path: DataPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the scenario';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return typeof parent === 'string' ? `item ${last + 1} of ${q(parent)}` : `item ${last + 1}`;
  }
  return q(last);
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'empty';
  if (typeof v === 'string') return `the text ${q(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Uint8Array) return 'binary data';
  if (isPlainObject(v)) return 'a mapping';
  return 'an unsupported value';
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** Turns zod issues (relative to `base`) into located problems. */
export function issuesToLocated(issues: readonly core.$ZodIssue[], base: DataPath, data: unknown, out: Located[]): void {
  for (const issue of issues) {
    const path: DataPath = [...base, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const value = valueAt(data, path);
    const name = nameOf(path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const schema = schemaAt(path);
        const allowed = schema && defOf(schema).shape ? Object.keys(defOf(schema).shape!) : [];
        for (const key of issue.keys) {
          const suggestion = closest(key, allowed);
          const tail = suggestion ? ` — did you mean ${q(suggestion)}?` : allowed.length > 0 ? ` (allowed here: ${allowed.join(', ')})` : '';
          out.push({ path: [...path, key], at: 'key', message: `unknown key ${q(key)}${tail}`, ...(suggestion ? { suggestion } : {}) });
        }
        break;
      }
      case 'invalid_union':
        unionToLocated(issue, path, data, out);
        break;
      case 'invalid_type': {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        const parentPath = path.slice(0, -1);
        const last = path[path.length - 1];
        if (path.length === 0) {
          out.push({
            path,
            message:
              value === null || value === undefined
                ? 'the file is empty: a scenario is a mapping with the keys meta, calendar, issues and parties (at least)'
                : `a scenario is a mapping with the keys meta, calendar, issues and parties (at least), not ${describeValue(value)}`,
          });
        } else if (value === undefined && typeof last === 'string' && isPlainObject(valueAt(data, parentPath))) {
          out.push({ path: parentPath, at: 'key', message: `missing required key ${q(last)}`, missing: last });
        } else if (value === null) {
          out.push({ path, message: `${name} is empty: it must be ${expected}` });
        } else {
          out.push({ path, message: `${name} must be ${expected}, not ${describeValue(value)}` });
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = Number(small ? issue.minimum : issue.maximum);
        if (issue.origin === 'array') {
          const n = Array.isArray(value) ? value.length : 0;
          const items = (k: number) => `${k} ${k === 1 ? 'item' : 'items'}`;
          out.push({ path, message: `${name} needs ${small ? 'at least' : 'at most'} ${items(bound)} (it has ${n})` });
        } else if (issue.origin === 'string') {
          out.push({ path, message: `${name} must be ${small ? 'at least' : 'at most'} ${bound} characters long` });
        } else {
          const inclusive = issue.inclusive !== false;
          const relation = small ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than';
          out.push({ path, message: `${name} must be ${relation} ${bound}, not ${describeValue(value)}` });
        }
        break;
      }
      case 'invalid_format': {
        const got = typeof value === 'string' ? q(value) : describeValue(value);
        let message = `${name}: ${issue.format === 'regex' ? issue.message : `not a valid ${issue.format}`} (got ${got})`;
        if (typeof value === 'string' && issue.pattern === '/^[a-z][a-z0-9-]*$/') {
          const fixed = idFix(value);
          if (fixed) message += ` — try ${q(fixed)}`;
        }
        out.push({ path, message });
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map((v) => String(v));
        const suggestion = typeof value === 'string' ? closest(value, values) : undefined;
        out.push({
          path,
          message: `${name} must be one of ${values.join(', ')}, not ${describeValue(value)}${suggestion ? ` — did you mean ${q(suggestion)}?` : ''}`,
        });
        break;
      }
      case 'invalid_key':
      case 'invalid_element':
        issuesToLocated(issue.issues, path, data, out);
        break;
      default:
        out.push({ path, message: `${name}: ${issue.message}` });
    }
  }
}

/**
 * A value matched no option of a union. For Condition and Effect — unions of single-key mappings — the key
 * says which option was meant: report an unknown kind (with "did you mean"), or that option's own problems,
 * rather than every alternative's.
 */
function unionToLocated(issue: core.$ZodIssueInvalidUnion, path: DataPath, data: unknown, out: Located[]): void {
  const union = schemaAt(path);
  const kinds = union ? keyedKinds(union) : undefined;
  if (!kinds) {
    // Any other union: the alternative that came closest.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (best && best.length > 0) issuesToLocated(best, path, data, out);
    else out.push({ path, message: `${nameOf(path)} matches none of the allowed forms` });
    return;
  }
  const noun = sameList(kinds, CONDITION_KINDS) ? 'condition' : sameList(kinds, EFFECT_KINDS) ? 'effect' : 'value';
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  const list = kinds.join(', ');
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  if (value === undefined && typeof last === 'string' && isPlainObject(valueAt(data, path.slice(0, -1)))) {
    out.push({ path: path.slice(0, -1), at: 'key', message: `missing required key ${q(last)}`, missing: last });
    return;
  }
  if (value === null || value === undefined || (isPlainObject(value) && Object.keys(value).length === 0)) {
    out.push({ path, message: `empty ${noun}: give one of ${list}` });
    return;
  }
  if (!isPlainObject(value)) {
    out.push({ path, message: `${article} ${noun} is a mapping with one key (${list}), not ${describeValue(value)}` });
    return;
  }
  const keys = Object.keys(value);
  const known = keys.filter((k) => kinds.includes(k));
  for (const key of keys) {
    if (kinds.includes(key)) continue;
    const suggestion = closest(key, kinds);
    out.push({
      path: [...path, key],
      at: 'key',
      message: `unknown ${noun} ${q(key)}${suggestion ? ` — did you mean ${q(suggestion)}?` : ` (${noun}s: ${list})`}`,
    });
  }
  if (known.length > 1) {
    const hint = noun === 'condition' ? ' — combine conditions with "all" or "any"' : ' — give each change as its own list item';
    out.push({ path, message: `${article} ${noun} has exactly one key, but this one has ${known.map(q).join(' and ')}${hint}` });
  } else if (known.length === 1) {
    const errors = issue.errors[kinds.indexOf(known[0]!)] ?? [];
    // Unknown keys beside the known one are reported above.
    issuesToLocated(
      errors.filter((e) => !(e.code === 'unrecognized_keys' && e.path.length === 0)),
      path,
      data,
      out,
    );
  }
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A missing key reported next to an unknown key that is its misspelling says the same thing twice. */
export function dropSuggestedMissing(located: Located[]): Located[] {
  const suggested = new Set(located.filter((l) => l.suggestion !== undefined).map((l) => JSON.stringify([...l.path.slice(0, -1), l.suggestion])));
  return located.filter((l) => l.missing === undefined || !suggested.has(JSON.stringify([...l.path, l.missing])));
}

/** The id an author most likely meant by an id the format refuses ("Sanctions" → "sanctions"), if there is one. */
export function idFix(value: string): string | undefined {
  const fixed = value
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(/[^a-z0-9-]/g, '');
  return /^[a-z][a-z0-9-]*$/.test(fixed) && fixed !== value ? fixed : undefined;
}
