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
