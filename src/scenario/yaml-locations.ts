// Where things are in a YAML file: the line and column of a path into the data, of an alias, of a node; and
// the yaml library's parse errors in an author's words.
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type YAMLError } from 'yaml';
import { cleanText } from './clean-text.js';
import type { DataPath } from './load.js';

export function yamlMessage(error: YAMLError, doc: Document): string {
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

/**
 * What an author most likely got wrong where the yaml library's words do not say: a value with ": " in it that
 * is not quoted (YAML reads a second key), or a key indented deeper than the one above it (YAML blames the line
 * above). Returns where to point and what to say, or undefined to keep the library's message.
 */
export function syntaxHint(error: YAMLError, text: string): { offset: number; message: string } | undefined {
  if (error.code !== 'BLOCK_IN_FLOW' && error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const start = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? undefined : end);
  // key: value that goes on with ": " — in a block line, or inside { … } up to the next comma or brace.
  const colon = /([A-Za-z][\w-]*): ([^"'{[\s][^,{}]*?: [^,{}]*?)\s*(?=[,}]|$)/.exec(line);
  if (colon) {
    const [, key, value] = colon;
    return {
      offset: start + colon.index + key!.length + 2,
      message: `the value of "${key}" has ": " in it, so YAML reads a second key: put it in quotes — ${key}: "${value!.replace(/"/g, '\\"')}"`,
    };
  }
  // A key indented more than the key above it: point at the deeper line, and say what it should line up with.
  const next =
    end < 0
      ? ''
      : (text
          .slice(end + 1)
          .split('\n')
          .find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '');
  const indent = (l: string) => /^ */.exec(l)![0].length + (/^ *- /.test(l) ? 2 : 0);
  const keyHere = /^ *(?:- )?([A-Za-z][\w-]*):\s*\S/.exec(line);
  const keyNext = /^ *([A-Za-z][\w-]*):/.exec(next);
  if (keyHere && keyNext && indent(next) > indent(line)) {
    const nextStart = end + 1 + text.slice(end + 1).indexOf(next);
    return {
      offset: nextStart + indent(next) - (/^ *- /.test(next) ? 2 : 0),
      message: `"${keyNext[1]}" is indented more than "${keyHere[1]}" above it: the keys of one mapping line up (indent it by ${indent(line)} spaces), and a deeper key belongs under a key that ends in ":"`,
    };
  }
  return undefined;
}

/** The first alias node (with this name, if given), as an offset. */
export function aliasOffset(doc: Document, name?: string): number {
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

export function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: unknown } | null)?.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

/**
 * The source offset of a data path: the node at the path, or (when `atKey`) the key of the last step; when the
 * path leads nowhere (a missing key, a default), the deepest node on the way.
 */
export function locate(doc: Document, path: DataPath, atKey: boolean): number {
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
