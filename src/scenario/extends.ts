// `extends: base.yaml`: a scenario written as another one with changes, so "the same talks with a notetaker"
// is a ten-line file. The child's keys override the base's: mappings merge key by key, a list of items with
// ids merges item by item (an item whose id the base has changes that item, a new id is added at the end,
// `remove: true` drops one), a key set to null is taken away, and any other list or value replaces the base's. The merged data is then checked
// as one scenario; each problem is reported in the file its value came from.
import type { DataPath } from './load.js';

type Json = unknown;
type Item = Record<string, unknown>;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasId = (x: unknown): x is Item & { id: string } => isObject(x) && typeof x.id === 'string';

/** How two lists merge: item by item (both lists of items with ids) or the child's list instead. */
function plan(base: readonly unknown[], child: readonly unknown[]): { base?: number; child?: number }[] | 'replace' {
  if (!base.every(hasId) || !child.every(hasId)) return 'replace';
  const rows: { base?: number; child?: number }[] = base.map((b, k) => {
    const c = child.findIndex((x) => x.id === b.id);
    return c >= 0 ? { base: k, child: c } : { base: k };
  });
  child.forEach((c, k) => {
    if (!base.some((b) => b.id === c.id)) rows.push({ child: k });
  });
  // Items the child removes are not in the merged list.
  return rows.filter((r) => r.child === undefined || (child[r.child] as Item).remove !== true);
}

/** The base with the child's changes. */
export function mergeScenario(base: Json, child: Json): Json {
  if (isObject(base) && isObject(child)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(child)) {
      // A key set to null (`~` in YAML) takes the base's key away.
      if (value === null) delete out[key];
      else out[key] = key in base ? mergeScenario(base[key], value) : value;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(child)) {
    const rows = plan(base as unknown[], child as unknown[]);
    if (rows === 'replace') return child;
    return rows.map((r): unknown => {
      if (r.child === undefined) return (base as unknown[])[r.base!];
      const { remove: _remove, ...item } = child[r.child] as Item;
      return r.base === undefined ? item : mergeScenario(base[r.base], item);
    });
  }
  return child;
}

/** One side's walk along a path: where it got to in that file's data, and whether it holds the whole path. */
export interface Side {
  path: DataPath;
  full: boolean;
}

/**
 * Where a path into the merged data comes from, in the child and in the base: the path in each file's own data
 * (list indices differ once items merge by id) and how far each holds it.
 */
export function originOf(base: Json, child: Json, path: DataPath): { child: Side; base: Side } {
  const sides = { child: { node: child, path: [] as DataPath, full: true }, base: { node: base, path: [] as DataPath, full: true } };
  const go = (side: { node: Json; path: DataPath; full: boolean }, key: string | number | undefined) => {
    if (!side.full) return;
    const node = side.node;
    const next: unknown =
      key === undefined ? undefined : isObject(node) ? node[String(key)] : Array.isArray(node) && typeof key === 'number' ? (node as unknown[])[key] : undefined;
    if (next === undefined) {
      side.full = false;
      return;
    }
    side.path.push(key!);
    side.node = next;
  };
  for (const step of path) {
    const { child: c, base: b } = sides;
    if (c.full && b.full && Array.isArray(c.node) && Array.isArray(b.node) && typeof step === 'number') {
      const rows = plan(b.node, c.node);
      const row = rows === 'replace' ? { child: step } : rows[step];
      go(c, row?.child);
      go(b, row?.base);
      continue;
    }
    go(c, step);
    go(b, step);
  }
  return { child: { path: sides.child.path, full: sides.child.full }, base: { path: sides.base.path, full: sides.base.full } };
}
