// The scenario format as JSON Schema (draft-07), for editors: `backchannel schema` prints it and
// scenarios/scenario.schema.json is this, committed (a test keeps the two equal). Scenario files point at it
// with `# yaml-language-server: $schema=./scenario.schema.json`.
import { z } from 'zod';
import { Scenario } from './schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (x: Json | undefined): x is { [key: string]: Json } => typeof x === 'object' && x !== null && !Array.isArray(x);

const CONDITION_DESCRIPTION =
  'A condition: a mapping with exactly one key that names its kind — round, control, pressure, batna, credibility, ' +
  'trust, offer, posture, walkedOut, ceasefire, event, meeting — or combines others: all, any, not.';

/**
 * The JSON Schema of a scenario file as an author writes it (input side: keys with defaults are optional).
 * zod names the recursive Condition "__schema0"; it is renamed "Condition" and described, so that editors show
 * a readable name on hover.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { target: 'draft-07', io: 'input' }) as { [key: string]: Json };
  const definitions = schema.definitions;
  if (!isObject(definitions)) {
    return { title: 'Backchannel scenario', ...schema };
  }
  const renames = new Map<string, string>();
  for (const [name, definition] of Object.entries(definitions)) {
    if (!/^__schema\d+$/.test(name)) continue;
    const anyOf = isObject(definition) ? definition.anyOf : undefined;
    const isCondition = Array.isArray(anyOf) && anyOf.some((option) => isObject(option) && Array.isArray(option.required) && option.required.includes('round'));
    if (isCondition) renames.set(name, 'Condition');
  }
  const renamed: { [key: string]: Json } = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const to = renames.get(name) ?? name;
    renamed[to] = to === 'Condition' && isObject(definition) ? { description: CONDITION_DESCRIPTION, ...definition } : definition;
  }
  const fixRefs = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(fixRefs);
    if (node === null || typeof node !== 'object') return node;
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = /^#\/definitions\/(.+)$/.exec(value)?.[1];
        out[key] = name !== undefined && renames.has(name) ? `#/definitions/${renames.get(name)}` : value;
      } else {
        out[key] = fixRefs(value);
      }
    }
    return out;
  };
  const { $schema, definitions: _old, ...rest } = schema;
  return {
    $schema: $schema ?? 'http://json-schema.org/draft-07/schema#',
    title: 'Backchannel scenario',
    ...(fixRefs(rest) as object),
    definitions: fixRefs(renamed),
  };
}
