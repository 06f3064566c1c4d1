// The scenario format as a reference for authors, in Markdown, generated from the same schema that checks the
// files (through its JSON Schema): every key with its type, whether it is required or its default, and its
// description; then every kind of condition and of effect. `backchannel schema --markdown` prints it, and
// scenarios/FORMAT.md is it, committed (a test keeps the two equal).
import { scenarioJsonSchema } from './json-schema.js';

type Node = { [key: string]: unknown };
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

interface Row {
  path: string;
  type: string;
  need: string;
  description: string;
}

/** The part of a union that is not a bare Condition/Effect reference or a list of them. */
function typeOf(node: Node): string {
  if (typeof node.$ref === 'string') return node.$ref.replace('#/definitions/', '');
  if (Array.isArray(node.anyOf)) {
    const kinds = node.anyOf.filter(isNode);
    if (kinds.length > 0 && kinds.every((k) => Array.isArray(k.required) && k.required.length === 1)) return 'one of the kinds below';
    return kinds.map(typeOf).join(' or ');
  }
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(' · ');
  if (node.type === 'array') return `list of ${isNode(node.items) ? typeOf(node.items) : 'values'}`;
  if (node.type === 'object' && isNode(node.additionalProperties) && !isNode(node.properties)) return `map of id → ${typeOf(node.additionalProperties)}`;
  if (typeof node.type === 'string') {
    const range = [typeof node.minimum === 'number' ? `≥ ${node.minimum}` : '', typeof node.maximum === 'number' && node.maximum < 1e15 ? `≤ ${node.maximum}` : '']
      .filter(Boolean)
      .join(', ');
    return `${node.type === 'integer' ? 'whole number' : node.type}${range ? ` (${range})` : ''}`;
  }
  return 'value';
}

function walk(node: Node, path: string, required: boolean, rows: Row[]): void {
  const description = typeof node.description === 'string' ? node.description.replace(/\|/g, '\\|').replace(/\n/g, ' ') : '';
  const need = node.default !== undefined ? `default \`${JSON.stringify(node.default)}\`` : required ? 'required' : 'optional';
  if (path) rows.push({ path, type: typeOf(node), need, description });
  const properties = isNode(node.properties) ? node.properties : undefined;
  const requiredKeys = Array.isArray(node.required) ? (node.required as string[]) : [];
  if (properties) {
    for (const [key, child] of Object.entries(properties)) if (isNode(child) && key !== '$schema') walk(child, path ? `${path}.${key}` : key, requiredKeys.includes(key), rows);
    return;
  }
  if (node.type === 'array' && isNode(node.items) && isNode(node.items.properties)) walk({ ...node.items, description: undefined }, `${path}[]`, true, rows);
  else if (node.type === 'object' && isNode(node.additionalProperties) && isNode(node.additionalProperties.properties))
    walk({ ...node.additionalProperties, description: undefined }, `${path}.<id>`, true, rows);
}

function table(rows: readonly Row[]): string[] {
  return ['| key | type | | what it is |', '|---|---|---|---|', ...rows.map((r) => `| \`${r.path}\` | ${r.type} | ${r.need} | ${r.description} |`)];
}

/** Each alternative of a union whose members are one-key mappings ("kinds"): its key, its fields, its description. */
function kinds(union: unknown): string[] {
  const out: string[] = [];
  const members = isNode(union) && Array.isArray(union.anyOf) ? union.anyOf.filter(isNode) : [];
  for (const member of members) {
    const key = Array.isArray(member.required) ? String(member.required[0]) : '?';
    const body = isNode(member.properties) ? member.properties[key] : undefined;
    const fields = isNode(body) && isNode(body.properties) ? Object.keys(body.properties).filter((f) => f !== '$schema') : [];
    // all/any/not nest conditions (a recursive reference the walk does not follow).
    const nested: Record<string, string> = { all: '[condition, …]', any: '[condition, …]', not: 'condition' };
    const shape = fields.length ? `{ ${key}: { ${fields.join(', ')} } }` : `{ ${key}: ${nested[key] ?? (isNode(body) ? typeOf(body) : 'value')} }`;
    out.push(`- \`${shape}\` — ${typeof member.description === 'string' ? member.description : ''}`);
  }
  return out;
}

export function formatReference(): string {
  const schema = scenarioJsonSchema() as Node;
  const properties = schema.properties as Node;
  const definitions = (schema.definitions ?? {}) as Node;
  const out: string[] = [
    '# The scenario format',
    '',
    '<!-- Generated from src/scenario/schema.ts by `backchannel schema --markdown`; a test keeps it current. Do not edit by hand. -->',
    '',
    'A scenario is one YAML (or JSON) file. These are all its keys, section by section. `[]` is an item of a list,',
    '`<id>` a key you choose (an issue id, a posture id). `backchannel validate FILE` checks a file against exactly',
    'this, and `backchannel new ID` writes a commented starter. For how the AI plays what you write, and how to',
    'balance a scenario, see AUTHORING.md next to this file.',
    '',
  ];
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const [key, node] of Object.entries(properties)) {
    if (key === '$schema' || !isNode(node)) continue;
    const rows: Row[] = [];
    walk(node, key, required.includes(key), rows);
    out.push(`## \`${key}\``, '', ...(typeof node.description === 'string' ? [node.description, ''] : []), ...table(rows), '');
  }
  out.push('## Conditions', '', 'Used by posture transitions (`when`) and events (`when`). Every bound given must hold: `{ round: { gte: 4, lte: 8 } }`.', '');
  out.push(...kinds(definitions.Condition), '');
  const effects = (((properties.events as Node).items as Node).properties as Node).effects as Node;
  out.push('## Effects', '', 'Used by events and by the options of issues.', '', ...kinds(effects.items), '');
  return `${out.join('\n')}\n`;
}
