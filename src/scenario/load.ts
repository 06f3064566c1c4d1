// Loading a scenario file: YAML (or JSON, a subset of it) → the zod schema → cross-references → a frozen,
// cleaned Scenario. Every problem is reported at once, each located at file:line:col, and bad content never
// throws: an author sees the whole list, fixes it, and runs `backchannel validate` again.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { cleanText } from './clean-text.js';
import { mergeScenario, originOf } from './extends.js';
import { cleanDeep, deepFreeze } from './freeze.js';
import { bundledDir } from './package-root.js';
import { MAX_SCENARIO_BYTES, scenarioHash } from './scenario-files.js';
import { checkReferences } from './references.js';
import { Scenario } from './schema.js';
import { dropSuggestedMissing, issuesToLocated, type Located } from './schema-problems.js';
import { aliasOffset, locate, rangeStart, syntaxHint, yamlMessage } from './yaml-locations.js';

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
      /** Where a path into the data is: the file (this one, or one it extends) and the place in it. */
      locate: (path: DataPath, atKey?: boolean) => { file: string; line: number; col: number };
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
  /** Other places with the same problem (the same unknown id): named by line in the one message. */
  also?: DataPath[];
}

export { MAX_SCENARIO_BYTES, scenarioHash };

/** How many alias expansions a file may make: more is taken for an "alias bomb" (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

/** "file:line:col: message" — the format editors and terminals turn into a link. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
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

/** A scenario file read as YAML (and merged with the files it extends), before the schema checks it. */
interface Layer {
  raw: unknown;
  /** The content hash: of the file, and of every file it extends. */
  hash: string;
  /** Where a path into the (merged) data is: in this file or in one it extends. */
  where: (path: DataPath, atKey: boolean) => { file: string; line: number; col: number };
}

/** How many files a scenario may extend in a chain. */
const MAX_EXTENDS_DEPTH = 8;

function parse(original: string, file: string): LoadResult {
  const problems: Problem[] = [];
  const layer = readLayer(original, file, [], problems);
  if (!layer) return failWith(problems);
  const located: Located[] = [];
  const parsed = Scenario.safeParse(layer.raw);
  if (!parsed.success) {
    issuesToLocated(parsed.error.issues, [], layer.raw, located);
  }
  // References are checked even when the schema failed, so every problem shows at once; the check is
  // written to skip what it cannot read.
  located.push(...checkReferences(parsed.success ? parsed.data : layer.raw));

  for (const l of dropSuggestedMissing(located)) {
    const lines = (l.also ?? []).map((path) => layer.where(path, l.at === 'key').line);
    const also = lines.length ? `${/[?.]$/.test(l.message) ? '' : '.'} The same at line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}.` : '';
    const at = layer.where(l.path, l.at === 'key');
    problems.push({ file: at.file, line: at.line, col: at.col, message: cleanText(`${l.message}${also}`) });
  }

  if (problems.length > 0 || !parsed.success) return failWith(problems);
  const scenario = deepFreeze(cleanDeep(parsed.data)) as Scenario;
  return { ok: true, scenario, hash: layer.hash, locate: (path, atKey = false) => layer.where(path, atKey) };
}

/** Reads one file's YAML into data; with `extends`, reads the base first and merges. Problems go to `problems`. */
function readLayer(original: string, file: string, chain: readonly string[], problems: Problem[]): Layer | undefined {
  // Old Mac files end lines with CR alone, which YAML does not take for a line break: read every ending as LF
  // (the content hash stays that of the file as it is).
  const text = original.replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
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
  const said = new Set<string>();
  for (const error of doc.errors) {
    // One error the yaml library reports twice (or two ways) is said once, where the author must look.
    const hint = syntaxHint(error, text);
    const key = `${hint?.offset ?? error.pos[0]}:${hint?.message ?? yamlMessage(error, doc)}`;
    if (said.has(key)) continue;
    said.add(key);
    at(hint?.offset ?? error.pos[0], hint?.message ?? yamlMessage(error, doc));
  }
  for (const warning of doc.warnings) at(warning.pos[0], yamlMessage(warning, doc));
  // After a syntax error the structure is guesswork: report the syntax alone. Duplicate keys leave it intact.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return undefined;

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
      at(aliasOffset(doc), `too many YAML aliases: this file expands its aliases more than ${MAX_ALIAS_COUNT} times (an "alias bomb"); write the values out instead`);
    } else {
      at(0, `cannot read the YAML: ${message}`);
    }
    return undefined;
  }
  const raw = cleanDeep(data);
  const own = (path: DataPath, atKey: boolean) => ({ file, ...lineCounter.linePos(locate(doc, path, atKey)) });
  const ownLayer: Layer = { raw, hash: scenarioHash(original), where: own };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('extends' in raw)) return ownLayer;

  // `extends`: this file is the base with this file's changes.
  const { extends: ref, ...changes } = raw as Record<string, unknown>;
  const atExtends = (message: string) => at(locate(doc, ['extends'], false), message);
  if (typeof ref !== 'string' || ref.trim() === '') {
    atExtends('extends takes the path of another scenario file (relative to this one) or the id of a bundled scenario');
    return undefined;
  }
  const basePath = resolveBase(ref, file);
  if (basePath === undefined) {
    atExtends(`extends: no scenario "${ref}" (not a file next to this one, and not a bundled id)`);
    return undefined;
  }
  const here = resolve(file);
  if (chain.includes(resolve(basePath)) || resolve(basePath) === here) {
    atExtends(`extends: "${ref}" leads back to this file (a file cannot extend itself, even through others)`);
    return undefined;
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    atExtends(`extends: more than ${MAX_EXTENDS_DEPTH} files extend one another; merge some of them`);
    return undefined;
  }
  let baseText: string;
  try {
    const read = readLimited(basePath);
    if (typeof read === 'string') {
      atExtends(`extends: cannot read "${ref}"`);
      return undefined;
    }
    baseText = new TextDecoder('utf-8', { fatal: true }).decode(read);
  } catch (error) {
    atExtends(`extends: cannot read "${ref}": ${osReason(error)}`);
    return undefined;
  }
  const base = readLayer(baseText, basePath, [...chain, here], problems);
  if (!base) {
    atExtends(`extends: "${ref}" has problems (listed above); this file is read on top of it`);
    return undefined;
  }
  return {
    raw: mergeScenario(base.raw, changes),
    hash: createHash('sha256')
      .update(`${scenarioHash(original)} extends ${base.hash}`)
      .digest('hex')
      .slice(0, 16),
    where: (path, atKey) => {
      const origin = originOf(base.raw, changes, path);
      if (origin.child.full) return own(origin.child.path, atKey);
      if (origin.base.full) return base.where(origin.base.path, atKey);
      // Neither file has the whole path (a required key is missing): the nearer one.
      return origin.child.path.length >= origin.base.path.length && origin.child.path.length > 0 ? own(origin.child.path, false) : base.where(origin.base.path, false);
    },
  };
}

/** The file `extends: ref` names: a path relative to the extending file, or a bundled scenario's id. */
function resolveBase(ref: string, from: string): string | undefined {
  const near = resolve(dirname(from), ref);
  if (existsSync(near) && statSync(near).isFile()) return near;
  if (/^[a-z0-9][a-z0-9-]*$/.test(ref)) {
    const bundled = join(bundledDir(), `${ref}.yaml`);
    if (existsSync(bundled)) return bundled;
  }
  return undefined;
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
