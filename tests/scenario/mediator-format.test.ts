// The format's mediator: `role: mediator` takes no preferences and signs nothing; every other party needs its
// preferences. Each mistake is one located message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { fixturePath } from '../helpers/games.js';

const mini = readFileSync(fixturePath('mini.yaml'), 'utf8');
const mediator = `
  - id: grey
    name: Grey
    leader: G. Mediator
    colour: white
    role: mediator
    briefing: Bring them to one text.
    postures:
      initial: mediating
      states:
        mediating: { label: Single text, strategy: { policy: linear } }
`;
const withMediator = (extra = '') => mini.replace('dynamics:\n', `${mediator}${extra}dynamics:\n`);
const problems = (text: string) => {
  const r = parseScenario(text, 'm.yaml');
  return r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`);
};

describe('a mediator in the format', () => {
  it('needs no preferences', () => {
    expect(problems(withMediator())).toEqual([]);
  });

  it('may not have preferences of its own, nor sign an issue', () => {
    const text = withMediator('    preferences: { weights: {}, values: {}, reservation: 0.5 }\n').replace('signatories: [green]', 'signatories: [green, grey]');
    const found = problems(text);
    expect(found).toHaveLength(2);
    expect(found.some((p) => /^\d+: "grey" is a mediator: a mediator signs nothing$/.test(p))).toBe(true);
    expect(found.some((p) => /a mediator has no preferences of its own/.test(p))).toBe(true);
  });

  it('leaves every other party needing its preferences', () => {
    const text = mini.replace(/ {4}preferences:\n {6}weights: \{ north-status: 1, sanctions: 2, guarantee: 2 \}\n[\s\S]*? {6}reservation: 0\.35\n/, '');
    expect(problems(text)).toEqual([expect.stringMatching(/party "green" has no preferences: every party needs them \(only a mediator, role: mediator, has none\)/)]);
  });
});
