// Loading a scenario file: YAML (or JSON, a subset of it) → the zod schema → cross-references → a frozen,
// cleaned Scenario. Every problem is reported at once, each located at file:line:col, and bad content never
// throws: an author sees the whole list, fixes it, and runs `backchannel validate` again.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { core } from 'zod';
import { cleanText } from './clean-text.js';
import { Condition, Effect, Scenario } from './schema.js';

/** One problem in a scenario file, at a 1-based line and column. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export type LoadResult =
  | {
      ok: true;
      /** The validated scenario with defaults filled in, every string cleaned, deeply frozen. */
      scenario: Scenario;
      /** The content hash: see scenarioHash(). */
      hash: string;
      /** Where a path into the data is in the file (for warnings found after loading). */
      locate: (path: DataPath, atKey?: boolean) => { line: number; col: number };
    }
  | { ok: false; problems: Problem[] };

/** A path into the scenario data: object keys and array indices. */
export type DataPath = (string | number)[];

/** A broken cross-reference (or another rule the schema cannot express), located by its path in the data. */
export interface ReferenceProblem {
  path: DataPath;
  message: string;
  /** Point at the key of the last path element rather than at its value (record keys such as weight ids). */
  at?: 'key';
}

/** Scenario files larger than this are refused before parsing. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** How many alias expansions a file may make: more is taken for an "alias bomb" (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

/** "file:line:col: message" — the format editors and terminals turn into a link. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/**
 * The content hash saves and replays carry to recognise a scenario: the first 16 hex digits (64 bits) of the
 * SHA-256 of the file's text encoded as UTF-8 (a leading byte-order mark is not part of the text).
 */
export function scenarioHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Reads and parses a scenario file. Never throws: an unreadable file is one Problem at 1:1. */
export function loadScenarioFile(path: string): LoadResult {
  let bytes: Buffer;
  try {
    const read = readLimited(path);
    if (read === 'too-large') return fail(path, 1, 1, tooLarge());
    if (read === 'folder') return fail(path, 1, 1, 'cannot read the file: this is a folder, not a file');
    if (read === 'not-a-file') return fail(path, 1, 1, 'cannot read the file: not a regular file');
    bytes = read;
  } catch (error) {
    return fail(path, 1, 1, osReason(error));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(path, 1, 1, 'the file is not UTF-8 text');
  }
  return parseScenario(text, path);
}

/** Parses scenario text (YAML or JSON). `file` only names the source in problems. Never throws. */
export function parseScenario(text: string, file: string): LoadResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_SCENARIO_BYTES) return fail(file, 1, 1, tooLarge());
  try {
    return parse(text, file);
  } catch (error) {
    // Not expected; but bad content must never become a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    if (/call stack/i.test(reason)) return fail(file, 1, 1, 'the file is nested too deeply to read');
    return fail(file, 1, 1, `cannot read this file: ${cleanText(reason)}`);
  }
}

// ── Parsing ─────────────────────────────────────────────────────────────────────────────────────────────

function parse(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const at = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file, line, col, message: cleanText(message) });
  };

  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    logLevel: 'error', // errors and warnings are collected in doc.errors / doc.warnings, never printed
    resolveKnownTags: false,
  });
  for (const error of doc.errors) at(error.pos[0], yamlMessage(error, doc));
  for (const warning of doc.warnings) at(warning.pos[0], yamlMessage(warning, doc));
  // After a syntax error the structure is guesswork: report the syntax alone. Duplicate keys leave it intact.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return failWith(problems);

  // Keys must be plain names; a list or mapping as a key is dropped (and reported) before conversion.
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        at(rangeStart(pair.key) ?? 0, 'a key must be a plain name, not a list, a mapping or an alias');
        return visit.REMOVE;
      }
      return undefined;
    },
  });

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /Unresolved alias[^:]*: (.*)$/.exec(message);
    if (unresolved) {
      const name = unresolved[1] ?? '';
      at(aliasOffset(doc, name), `unknown YAML alias "*${name}": define the anchor "&${name}" before using it`);
    } else if (/alias count/i.test(message)) {
      at(
        aliasOffset(doc),
        `too many YAML aliases: this file expands its aliases more than ${MAX_ALIAS_COUNT} times (an "alias bomb"); write the values out instead`,
      );
    } else {
      at(0, `cannot read the YAML: ${message}`);
    }
    return failWith(problems);
  }

  const raw = cleanDeep(data);
  const located: Located[] = [];
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    issuesToLocated(parsed.error.issues, [], raw, located);
  }
  // References are checked even when the schema failed, so every problem shows at once; the check is
  // written to skip what it cannot read.
  located.push(...checkReferences(parsed.success ? parsed.data : raw));

  for (const l of dropSuggestedMissing(located)) at(locate(doc, l.path, l.at === 'key'), l.message);

  if (problems.length > 0 || !parsed.success) return failWith(problems);
  const scenario = deepFreeze(cleanDeep(parsed.data)) as Scenario;
  return { ok: true, scenario, hash: scenarioHash(text), locate: (path, atKey = false) => lineCounter.linePos(locate(doc, path, atKey)) };
}

function readLimited(path: string): Buffer | 'too-large' | 'folder' | 'not-a-file' {
  // Look before opening: opening a named pipe would wait for a writer.
  const before = statSync(path);
  if (before.isDirectory()) return 'folder';
  if (!before.isFile()) return 'not-a-file';
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'not-a-file';
    if (stat.size > MAX_SCENARIO_BYTES) return 'too-large';
    // Read at most one byte past the limit, whatever stat said: the file may be growing.
    const buffer = Buffer.alloc(MAX_SCENARIO_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_SCENARIO_BYTES) return 'too-large';
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

const tooLarge = () => `file is larger than 1 MiB (the limit for a scenario file is ${MAX_SCENARIO_BYTES} bytes)`;

const OS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a folder)',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the file name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function osReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && OS_REASONS[code]) return `cannot read the file: ${OS_REASONS[code]}`;
  const message = error instanceof Error ? error.message : String(error);
  return `cannot read the file: ${cleanText(message)}`;
}

function fail(file: string, line: number, col: number, message: string): LoadResult {
  return { ok: false, problems: [{ file, line, col, message }] };
}

/** Problems in file order, each once. */
function failWith(problems: Problem[]): LoadResult {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.line - b.line || a.col - b.col);
  return { ok: false, problems: unique };
}

function yamlMessage(error: YAMLError, doc: Document): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      let key: string | undefined;
      visit(doc, {
        Pair(_, pair) {
          if (isScalar(pair.key) && rangeStart(pair.key) === error.pos[0]) {
            key = String(pair.key.value);
            return visit.BREAK;
          }
          return undefined;
        },
      });
      return `duplicate key${key === undefined ? '' : ` ${JSON.stringify(key)}`}: a key may appear only once in a mapping`;
    }
    case 'MULTIPLE_DOCS':
      return 'a scenario file holds one YAML document, but a "---" or "..." line starts another here';
    case 'TAB_AS_INDENT':
      return 'YAML syntax error: tabs are not allowed as indentation; indent with spaces';
    case 'TAG_RESOLVE_FAILED': {
      const tag = (/tag: (.*)$/.exec(error.message)?.[1] ?? 'this tag').replace(/^tag:yaml\.org,2002:/, '!!');
      return `unsupported YAML tag ${tag}: write plain values`;
    }
    default:
      if (/call stack/i.test(error.message)) return 'the YAML is nested too deeply';
      return `YAML ${error.name === 'YAMLWarning' ? 'warning' : 'syntax error'}: ${error.message}`;
  }
}

/** The first alias node (with this name, if given), as an offset. */
function aliasOffset(doc: Document, name?: string): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (name !== undefined && node.source !== name) return undefined;
      offset = rangeStart(node) ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: unknown } | null)?.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

/**
 * The source offset of a data path: the node at the path, or (when `atKey`) the key of the last step; when the
 * path leads nowhere (a missing key, a default), the deepest node on the way.
 */
function locate(doc: Document, path: DataPath, atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && cleanText(String(p.key.value)) === String(step));
      if (!pair) return offset;
      const keyStart = rangeStart(pair.key) ?? offset;
      if (atKey && i === path.length - 1) return keyStart;
      const valueStart = rangeStart(pair.value);
      if (valueStart === undefined) return keyStart;
      node = pair.value;
      offset = valueStart;
    } else if (isSeq(node) && typeof step === 'number') {
      const item: unknown = node.items[step];
      const itemStart = rangeStart(item);
      if (itemStart === undefined) return offset;
      node = item;
      offset = itemStart;
    } else {
      return offset;
    }
  }
  return offset;
}

// ── Cleaning and freezing ───────────────────────────────────────────────────────────────────────────────

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Fields shown on one line (a name in a log line, a label in a list): a newline there could forge a line. */
const ONE_LINE = new Set(['id', 'name', 'leader', 'label', 'title', 'host', 'guest', 'envoy', 'party', 'toward', 'territory', 'issue', 'option']);

/** A copy with every string (keys included) passed through cleanText, and one-line fields kept to one line. */
function cleanDeep(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    const clean = cleanText(value);
    return key !== undefined && ONE_LINE.has(key) ? clean.replace(/\s*\n\s*/g, ' ') : clean;
  }
  if (Array.isArray(value)) return value.map((item) => cleanDeep(item, key));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanDeep(v, k);
    return out;
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ── Schema problems: zod issues in an author's words ────────────────────────────────────────────────────

interface Located {
  path: DataPath;
  message: string;
  at?: 'key';
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

function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const step of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

const q = (s: string) => JSON.stringify(s);

/** How a path's value is named in a message: "rounds", or "signatories" item 2. */
function nameOf(path: DataPath): string {
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
function issuesToLocated(issues: readonly core.$ZodIssue[], base: DataPath, data: unknown, out: Located[]): void {
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
          const tail = suggestion
            ? ` — did you mean ${q(suggestion)}?`
            : allowed.length > 0
              ? ` (allowed here: ${allowed.join(', ')})`
              : '';
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
          const fixed = value
            .toLowerCase()
            .replace(/[\s_.]+/g, '-')
            .replace(/[^a-z0-9-]/g, '');
          if (/^[a-z][a-z0-9-]*$/.test(fixed)) message += ` — try ${q(fixed)}`;
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
function dropSuggestedMissing(located: Located[]): Located[] {
  const suggested = new Set(
    located.filter((l) => l.suggestion !== undefined).map((l) => JSON.stringify([...l.path.slice(0, -1), l.suggestion])),
  );
  return located.filter((l) => l.missing === undefined || !suggested.has(JSON.stringify([...l.path, l.missing])));
}

// ── Did you mean ────────────────────────────────────────────────────────────────────────────────────────

/** Optimal string alignment distance: Levenshtein plus transpositions ("weigths" → "weights" is 1). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

// ── Cross-references ────────────────────────────────────────────────────────────────────────────────────

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const rec = (x: unknown): Rec => (isRec(x) ? x : {});
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** The ids of one kind of thing, and whether every one of them could be read (else unknown ids are not reported). */
interface IdSet {
  noun: string;
  plural: string;
  /** Words after the quoted id in "unknown option "x" of issue "y"". */
  of?: string;
  ids: string[];
  complete: boolean;
}

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const BOUNDS = ['gte', 'lte', 'gt', 'lt', 'eq'];

/**
 * The rules the schema cannot express: every id is unique where it must be and every reference names
 * something that exists (parties, issues, options, territories, events, postures), with "did you mean".
 * Takes a parsed Scenario, but reads defensively so that the loader can also run it on data that failed the
 * schema: whatever it cannot read, it skips.
 */
export function checkReferences(scenario: unknown): ReferenceProblem[] {
  const out: ReferenceProblem[] = [];
  const report = (path: DataPath, message: string, at?: 'key') => out.push(at ? { path, message, at } : { path, message });
  const root = rec(scenario);

  /** `list` is read as a list of things with ids; an absent list is empty, anything else unreadable. */
  const collect = (list: unknown, path: DataPath, noun: string, plural: string, of?: string): IdSet => {
    const items = arr(list);
    const ids: string[] = [];
    let complete = list === undefined || Array.isArray(list);
    items.forEach((item, i) => {
      const id = str(rec(item).id);
      if (id === undefined) {
        complete = false;
        return;
      }
      if (ids.includes(id)) report([...path, i, 'id'], `duplicate ${noun} id ${q(id)}${of ? ` ${of}` : ''}`);
      else ids.push(id);
    });
    return { noun, plural, ids, complete, ...(of ? { of } : {}) };
  };

  /** Reports an unknown id; true when the value is a known id. */
  const ref = (value: unknown, set: IdSet, path: DataPath, at?: 'key'): value is string => {
    if (typeof value !== 'string') return false;
    if (set.ids.includes(value)) return true;
    if (!set.complete) return false;
    const suggestion = closest(value, set.ids);
    const shown = set.ids.length > 12 ? `${set.ids.slice(0, 12).join(', ')}, …` : set.ids.join(', ');
    const tail = suggestion
      ? ` — did you mean ${q(suggestion)}?`
      : set.ids.length > 0
        ? ` (${set.plural}: ${shown})`
        : ` (there are no ${set.plural})`;
    report(path, `unknown ${set.noun} ${q(value)}${set.of ? ` ${set.of}` : ''}${tail}`, at);
    return false;
  };

  const parties = arr(root.parties);
  const issues = arr(root.issues);
  const territories = arr(root.territories);
  const events = arr(root.events);
  const partySet = collect(root.parties, ['parties'], 'party', 'parties');
  const issueSet = collect(root.issues, ['issues'], 'issue', 'issues');
  const territorySet = collect(root.territories, ['territories'], 'territory', 'territories');
  const eventSet = collect(root.events, ['events'], 'event', 'events');
  const meetingSet = collect(root.meetings, ['meetings'], 'meeting', 'meetings');
  // A scenario needs parties and issues (the schema says so): without any, references to them are not news.
  if (partySet.ids.length === 0) partySet.complete = false;
  if (issueSet.ids.length === 0) issueSet.complete = false;

  const optionSets = new Map<string, IdSet>();
  issues.forEach((issue, i) => {
    const id = str(rec(issue).id);
    const of = id === undefined ? undefined : `of issue ${q(id)}`;
    const set = collect(rec(issue).options, ['issues', i, 'options'], 'option', 'options', of);
    if (id !== undefined && !optionSets.has(id)) optionSets.set(id, set);
  });

  const postureSets = new Map<string, IdSet>();
  for (const party of parties) {
    const id = str(rec(party).id);
    const states = rec(party).postures === undefined ? undefined : rec(rec(party).postures).states;
    if (id === undefined || postureSets.has(id)) continue;
    postureSets.set(id, {
      noun: 'posture',
      plural: 'postures',
      of: `of party ${q(id)}`,
      ids: Object.keys(rec(states)),
      complete: isRec(states),
    });
  }

  const comparison = (body: unknown, path: DataPath) => {
    if (isRec(body) && !BOUNDS.some((b) => body[b] !== undefined)) {
      report(path, `a comparison needs at least one of ${BOUNDS.join(', ')}`, 'key');
    }
  };

  /** A trust relation: `toward` must be another party. */
  const toward = (value: unknown, who: string | undefined, path: DataPath) => {
    if (value !== undefined && value === who) report(path, `a party has no trust toward itself: "toward" must be another party`);
    else ref(value, partySet, path);
  };

  /** `self`: the party whose transitions hold the condition (a party may then be left out); none in events. */
  const condition = (c: unknown, path: DataPath, self: string | undefined): void => {
    if (!isRec(c)) return;
    const keys = Object.keys(c);
    if (keys.length !== 1) return;
    const kind = keys[0]!;
    const body = c[kind];
    const b = rec(body);
    const bp = [...path, kind];
    const who = (): string | undefined => {
      if (!isRec(body)) return undefined;
      if (b.party === undefined) {
        if (self === undefined) report(bp, `party is required here (only a party's own transitions may leave it out)`, 'key');
        return self;
      }
      return ref(b.party, partySet, [...bp, 'party']) ? b.party : undefined;
    };
    switch (kind) {
      case 'round':
        comparison(body, bp);
        break;
      case 'control':
        ref(b.territory, territorySet, [...bp, 'territory']);
        comparison(body, bp);
        break;
      case 'pressure':
      case 'batna':
      case 'credibility':
        who();
        comparison(body, bp);
        break;
      case 'trust':
        toward(b.toward, who(), [...bp, 'toward']);
        comparison(body, bp);
        break;
      case 'offer':
        who();
        if (b.from !== undefined) ref(b.from, partySet, [...bp, 'from']);
        comparison(body, bp);
        break;
      case 'posture': {
        const party = who();
        const set = party === undefined ? undefined : postureSets.get(party);
        if (set) ref(b.is, set, [...bp, 'is']);
        break;
      }
      case 'walkedOut':
        ref(body, partySet, bp);
        break;
      case 'event':
        ref(body, eventSet, bp);
        break;
      case 'meeting':
        ref(body, meetingSet, bp);
        break;
      case 'all':
      case 'any':
        arr(body).forEach((inner, k) => condition(inner, [...bp, k], self));
        break;
      case 'not':
        condition(body, bp, self);
        break;
    }
  };

  const effect = (e: unknown, path: DataPath): void => {
    if (!isRec(e)) return;
    const keys = Object.keys(e);
    if (keys.length !== 1) return;
    const kind = keys[0]!;
    const b = rec(e[kind]);
    const bp = [...path, kind];
    switch (kind) {
      case 'pressure':
      case 'batna':
      case 'credibility':
        ref(b.party, partySet, [...bp, 'party']);
        break;
      case 'trust':
        ref(b.party, partySet, [...bp, 'party']);
        toward(b.toward, str(b.party), [...bp, 'toward']);
        break;
      case 'control':
        ref(b.territory, territorySet, [...bp, 'territory']);
        if (isRec(e[kind]) && b.add === undefined && b.set === undefined) report(bp, 'a control effect needs "add" or "set"', 'key');
        if (b.add !== undefined && b.set !== undefined) report(bp, 'a control effect takes "add" or "set", not both', 'key');
        break;
    }
  };

  // Meta: the date must exist on the calendar (the schema checks only its shape).
  const date = str(rec(root.meta).date);
  const ymd = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
      report(['meta', 'date'], `${q(date!)} is not a date on the calendar`);
    }
  }

  // Calendar
  const calendar = rec(root.calendar);
  const rounds = calendar.rounds;
  if (typeof rounds === 'number') {
    arr(calendar.deadlines).forEach((d, i) => {
      const round = rec(d).round;
      if (typeof round === 'number' && round > rounds) {
        report(['calendar', 'deadlines', i, 'round'], `deadline round ${round} is after the last round (calendar.rounds is ${rounds})`);
      }
    });
  }

  // Territories
  territories.forEach((t, i) => {
    const r = rec(t);
    const path = ['territories', i];
    const occupier = ref(r.occupier, partySet, [...path, 'occupier']);
    if (occupier && r.holder === r.occupier) report([...path, 'holder'], `holder and occupier are the same party ${q(r.occupier as string)}`);
    else ref(r.holder, partySet, [...path, 'holder']);
  });

  // Issues
  issues.forEach((issue, i) => {
    const r = rec(issue);
    const path = ['issues', i];
    if (r.territory !== undefined) ref(r.territory, territorySet, [...path, 'territory']);
    const seen = new Set<string>();
    arr(r.signatories).forEach((s, k) => {
      if (!ref(s, partySet, [...path, 'signatories', k])) return;
      if (seen.has(s)) report([...path, 'signatories', k], `party ${q(s)} is listed twice`);
      seen.add(s);
    });
    arr(r.options).forEach((o, j) => arr(rec(o).effects).forEach((e, k) => effect(e, [...path, 'options', j, 'effects', k])));
  });

  // Parties
  parties.forEach((party, i) => {
    const r = rec(party);
    const self = str(r.id);
    const path: DataPath = ['parties', i];

    for (const key of Object.keys(rec(r.trust))) {
      if (key === self) report([...path, 'trust', key], `a party has no trust toward itself: remove ${q(key)}`, 'key');
      else ref(key, partySet, [...path, 'trust', key], 'key');
    }

    const prefs = rec(r.preferences);
    const pp = [...path, 'preferences'];
    const weights = rec(prefs.weights);
    const values = rec(prefs.values);
    for (const key of Object.keys(weights)) ref(key, issueSet, [...pp, 'weights', key], 'key');
    for (const [key, inner] of Object.entries(values)) {
      if (!ref(key, issueSet, [...pp, 'values', key], 'key')) continue;
      const options = optionSets.get(key);
      if (options) for (const option of Object.keys(rec(inner))) ref(option, options, [...pp, 'values', key, option], 'key');
    }
    for (const issue of issues) {
      const id = str(rec(issue).id);
      const weight = id === undefined ? undefined : weights[id];
      if (id === undefined || typeof weight !== 'number' || !(weight > 0)) continue;
      const given = rec(values[id]);
      const options = optionSets.get(id)?.ids ?? [];
      // A misspelt option id is reported as unknown, with its likely meaning: not also as a missing value.
      const meant = Object.keys(given)
        .filter((key) => !options.includes(key))
        .map((key) => closest(key, options));
      const missing = options.filter((option) => given[option] === undefined && !meant.includes(option));
      if (missing.length === 0) continue;
      report(
        values[id] === undefined ? [...pp, 'values'] : [...pp, 'values', id],
        `no value for ${missing.length === 1 ? 'option' : 'options'} ${missing.map(q).join(', ')} of issue ${q(id)} (its weight is ${weight})`,
        'key',
      );
    }
    arr(prefs.redLines).forEach((line, k) => {
      const l = rec(line);
      const lp = [...pp, 'redLines', k];
      if (!ref(l.issue, issueSet, [...lp, 'issue'])) return;
      const options = optionSets.get(l.issue);
      if (options) ref(l.option, options, [...lp, 'option']);
      if (l.with === undefined) return;
      // A conditional red line: never this option together with that one, on another issue.
      const w = rec(l.with);
      if (!ref(w.issue, issueSet, [...lp, 'with', 'issue'])) return;
      if (w.issue === l.issue) report([...lp, 'with', 'issue'], `a red line "with" another option names another issue, not ${q(String(l.issue))} again`);
      const withOptions = optionSets.get(w.issue);
      if (withOptions) ref(w.option, withOptions, [...lp, 'with', 'option']);
    });

    const postures = rec(r.postures);
    const mp = [...path, 'postures'];
    const states = isRec(postures.states) ? postures.states : undefined;
    const ownPostures: IdSet = {
      noun: 'posture',
      plural: 'postures',
      ...(self === undefined ? {} : { of: `of party ${q(self)}` }),
      ids: Object.keys(states ?? {}),
      complete: states !== undefined,
    };
    for (const key of Object.keys(states ?? {})) {
      if (!ID_PATTERN.test(key)) {
        report([...mp, 'states', key], `posture ids are lower-case letters, digits and dashes, starting with a letter (got ${q(key)})`, 'key');
      }
    }
    ref(postures.initial, ownPostures, [...mp, 'initial']);
    arr(postures.transitions).forEach((t, k) => {
      const tr = rec(t);
      const tp = [...mp, 'transitions', k];
      if (tr.from !== '*') ref(tr.from, ownPostures, [...tp, 'from']);
      ref(tr.to, ownPostures, [...tp, 'to']);
      condition(tr.when, [...tp, 'when'], self);
    });

    const envoys = arr(r.envoys);
    collect(r.envoys, [...path, 'envoys'], 'envoy', 'envoys');
    envoys.forEach((envoy, k) => {
      const bias = rec(envoy).bias;
      if (typeof bias !== 'string' || bias === 'optimistic' || bias === 'pessimistic' || partySet.ids.includes(bias)) return;
      if (!partySet.complete) return;
      const suggestion = closest(bias, ['optimistic', 'pessimistic', ...partySet.ids]);
      report(
        [...path, 'envoys', k, 'bias'],
        `unknown bias ${q(bias)}: use "optimistic", "pessimistic" or a party id${suggestion ? ` — did you mean ${q(suggestion)}?` : ''}`,
      );
    });

    // A posture may only prefer a channel its party can use (and an envoy channel needs an envoy).
    const channels = r.channels === undefined ? ['direct', 'envoy', 'public', 'relay', 'readout'] : arr(r.channels);
    for (const [id, posture] of Object.entries(rec(postures.states))) {
      const channel = rec(rec(posture).strategy).channel;
      if (typeof channel !== 'string') continue;
      const cp = [...mp, 'states', id, 'strategy', 'channel'];
      if (!channels.includes(channel)) report(cp, `${q(self ?? '?')} cannot use the ${q(channel)} channel (its channels: ${channels.join(', ') || 'none'})`);
      else if (channel === 'envoy' && envoys.length === 0) report(cp, `the envoy channel needs an envoy, and ${q(self ?? '?')} has none`);
    }
    // A posture that names the envoy it sends names one of its own.
    const ownEnvoys: IdSet = {
      noun: 'envoy',
      plural: 'envoys',
      ids: envoys.map((e) => str(rec(e).id)).filter((id): id is string => id !== undefined),
      complete: true,
      of: `of ${q(self ?? '?')}`,
    };
    for (const [id, posture] of Object.entries(rec(postures.states))) {
      const envoy = rec(rec(posture).strategy).envoy;
      if (envoy !== undefined) ref(envoy, ownEnvoys, [...mp, 'states', id, 'strategy', 'envoy']);
    }

    const levers = arr(r.levers);
    collect(r.levers, [...path, 'levers'], 'lever', 'levers');
    levers.forEach((lever, k) => {
      const target = rec(lever).target;
      const lp = [...path, 'levers', k, 'target'];
      if (self !== undefined && target === self) report(lp, `a lever must target another party, not its own (${q(self)})`);
      else ref(target, partySet, lp);
    });
  });

  // Dynamics
  const dynamics = rec(root.dynamics);
  arr(dynamics.front).forEach((f, i) => ref(rec(f).territory, territorySet, ['dynamics', 'front', i, 'territory']));
  arr(dynamics.perRound).forEach((p, i) => ref(rec(p).party, partySet, ['dynamics', 'perRound', i, 'party']));
  for (const key of Object.keys(rec(dynamics.controlToBatna))) ref(key, partySet, ['dynamics', 'controlToBatna', key], 'key');

  // Meetings: who meets whom, through which envoy, and the offer put on the table.
  const calendarRounds = rec(root.calendar).rounds;
  arr(root.meetings).forEach((meeting, i) => {
    const r = rec(meeting);
    const mp: DataPath = ['meetings', i];
    ref(r.host, partySet, [...mp, 'host']);
    const guestKnown = ref(r.guest, partySet, [...mp, 'guest']);
    if (typeof r.host === 'string' && r.host === r.guest) report([...mp, 'guest'], 'a meeting needs two different parties');
    if (typeof calendarRounds === 'number' && typeof r.round === 'number' && r.round > calendarRounds) {
      report([...mp, 'round'], `round ${r.round} is after the last round (${calendarRounds})`);
    }
    if (r.envoy !== undefined && guestKnown) {
      const guest = parties.map(rec).find((p) => p.id === r.guest);
      const ids = arr(guest?.envoys).map((e) => str(rec(e).id)).filter((id): id is string => id !== undefined);
      const envoySet: IdSet = { noun: 'envoy', plural: 'envoys', ids, complete: true, of: `of ${q(String(r.guest))}` };
      ref(r.envoy, envoySet, [...mp, 'envoy']);
    }
    for (const [issue, option] of Object.entries(rec(r.terms))) {
      if (!ref(issue, issueSet, [...mp, 'terms', issue], 'key')) continue;
      const options = optionSets.get(issue);
      if (options) ref(option, options, [...mp, 'terms', issue]);
    }
  });

  // Events
  events.forEach((event, i) => {
    const r = rec(event);
    condition(r.when, ['events', i, 'when'], undefined);
    arr(r.effects).forEach((e, k) => effect(e, ['events', i, 'effects', k]));
  });

  return out;
}
