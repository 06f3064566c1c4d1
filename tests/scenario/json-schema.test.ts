import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledSchemaPath } from '../../src/scenario/bundled.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

describe('the JSON Schema', () => {
  const schema = scenarioJsonSchema() as {
    $schema: string;
    properties: Record<string, unknown>;
    definitions: Record<string, { anyOf?: unknown[]; description?: string }>;
  };

  it('is draft-07 with the recursive Condition under a readable name', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.definitions)).toEqual(['Condition']);
    expect(schema.definitions.Condition!.anyOf).toHaveLength(15);
    expect(schema.definitions.Condition!.description).toMatch(/^A condition/);
    const text = JSON.stringify(schema);
    expect(text).not.toContain('__schema');
    // Every reference resolves.
    for (const [, name] of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) expect(schema.definitions).toHaveProperty(name!);
  });

  it('describes the author-facing keys (editors show these on hover)', () => {
    expect(Object.keys(schema.properties)).toEqual([
      '$schema',
      'extends',
      'meta',
      'calendar',
      'territories',
      'outsiders',
      'issues',
      'parties',
      'dynamics',
      'events',
      'meetings',
      'information',
      'scoring',
    ]);
    expect(JSON.stringify(schema.properties.parties)).toContain('"description":"Weight per issue id');
  });

  it('is committed up to date in scenarios/scenario.schema.json (regenerate: backchannel schema > scenarios/scenario.schema.json)', () => {
    const committed = readFileSync(bundledSchemaPath(), 'utf8');
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});

describe('the format reference for authors', () => {
  it('is committed up to date in scenarios/FORMAT.md (regenerate: backchannel schema --markdown > scenarios/FORMAT.md)', async () => {
    const { formatReference } = await import('../../src/scenario/format-reference.js');
    const committed = readFileSync(bundledSchemaPath().replace(/scenario\.schema\.json$/, 'FORMAT.md'), 'utf8');
    expect(committed).toBe(formatReference());
  });

  it('lists every key the schema has, and every kind of condition and effect', async () => {
    const { formatReference } = await import('../../src/scenario/format-reference.js');
    const text = formatReference();
    for (const key of [
      'meta.sources[].id',
      'parties[].preferences.redLines[].with',
      'meetings[].versions[].weight',
      'events[].fiction',
      'parties[].postures.states.<id>.strategy.floor',
    ])
      expect(text).toContain(`\`${key}\``);
    for (const kind of ['round', 'control', 'pressure', 'batna', 'credibility', 'trust', 'offer', 'posture', 'walkedOut', 'ceasefire', 'event', 'meeting', 'all', 'any', 'not'])
      expect(text).toContain(`- \`{ ${kind}:`);
    expect(text).toContain('- `{ pressure: { party, add } }`');
  });
});
