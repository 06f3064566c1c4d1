import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioFile, MAX_SCENARIO_BYTES, parseScenario, scenarioHash } from '../../src/scenario/load.js';
import { edit, GOOD } from './fixture.js';

/** The problems of a text, formatted, or 'ok'. */
function problems(text: string): string[] | 'ok' {
  const result = parseScenario(text, 'f.yaml');
  return result.ok ? 'ok' : result.problems.map(formatProblem);
}

describe('parseScenario on good input', () => {
  const result = parseScenario(GOOD, 'good.yaml');

  it('loads the scenario with defaults filled in', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.meta.title).toBe('Fixture');
    expect(s.calendar.roundDays).toBe(7);
    expect(s.parties.map((p) => p.id)).toEqual(['red', 'blue']);
    expect(s.parties[0]!.envoys[0]!.bias).toBe('blue');
    expect(s.parties[1]!.domestic).toEqual({ hawkishness: 0.5, vetoPlayers: [] });
    expect(s.scoring.baseline).toBe('initial-batna');
  });

  it('returns a deeply frozen scenario', () => {
    if (!result.ok) throw new Error('not ok');
    expect(Object.isFrozen(result.scenario)).toBe(true);
    expect(Object.isFrozen(result.scenario.parties[0]!.preferences!.values.border)).toBe(true);
    expect(() => {
      (result.scenario.meta as { title: string }).title = 'x';
    }).toThrow();
  });

  it('hashes the text: 16 hex digits of its SHA-256, stable and content-sensitive', () => {
    if (!result.ok) throw new Error('not ok');
    expect(result.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(result.hash).toBe(scenarioHash(GOOD));
    expect(scenarioHash(`${GOOD}# a comment\n`)).not.toBe(result.hash);
  });

  it('loads the same scenario written as JSON', async () => {
    const { parse } = await import('yaml');
    const json = parseScenario(JSON.stringify(parse(GOOD), null, 2), 'good.json');
    expect(json.ok).toBe(true);
    if (json.ok && result.ok) expect(json.scenario).toEqual(result.scenario);
  });

  it('accepts anchors and aliases within reason, CRLF line ends and a byte-order mark', () => {
    const anchored = edit('when: { pressure: { gte: 60 } }', 'when: &late { pressure: { party: red, gte: 60 } }');
    expect(problems(edit('when: { all: [{ round: { gte: 4 } }, { posture: { party: red, is: soft } }] }', 'when: *late', anchored))).toBe('ok');
    expect(problems(GOOD.replace(/\n/g, '\r\n'))).toBe('ok');
    expect(problems(`\ufeff${GOOD}`)).toBe('ok');
  });

  it('reads a file with CR-only line ends (old Mac) as the same scenario, with the same lines in problems', () => {
    const cr = GOOD.replace(/\n/g, '\r');
    expect(problems(cr)).toBe('ok');
    const result = parseScenario(cr, 'mac.yaml');
    const lf = parseScenario(GOOD, 'unix.yaml');
    expect(result.ok && lf.ok && JSON.stringify(result.scenario) === JSON.stringify(lf.scenario)).toBe(true);
    expect(String(problems(edit('occupier: red', 'occupier: rde').replace(/\n/g, '\r')))).toMatch(/^f\.yaml:15:15: unknown party "rde"/);
  });
});

describe('parseScenario on bad input: every problem at file:line:col', () => {
  const cases: [string, string, string[]][] = [
    // [what, text, expected problems]
    ['unknown key, with did-you-mean', edit('      weights: { border: 0.7', '      weigths: { border: 0.7'), ['f.yaml:47:7: unknown key "weigths" — did you mean "weights"?']],
    [
      'unknown key, far from every allowed key',
      edit('  rounds: 8', '  rounds: 8\n  colour: red'),
      ['f.yaml:8:3: unknown key "colour" (allowed here: roundDays, rounds, implementationRounds, deadlines)'],
    ],
    ['missing key (at the mapping that lacks it)', edit('  title: Fixture\n', ''), ['f.yaml:1:1: missing required key "title"']],
    ['wrong type', edit('area: 1000', 'area: large'), ['f.yaml:13:11: "area" must be a number, not the text "large"']],
    ['empty value', edit('  summary: A small scenario for tests.', '  summary:'), ['f.yaml:5:11: "summary" is empty: it must be a string']],
    ['not a whole number', edit('rounds: 8', 'rounds: 8.5'), ['f.yaml:7:11: "rounds" must be a whole number, not 8.5']],
    ['out of range', edit('control: 0.5', 'control: 1.5'), ['f.yaml:17:14: "control" must be at most 1, not 1.5']],
    [
      'enum with did-you-mean',
      edit('colour: red', 'colour: rde'),
      ['f.yaml:43:13: "colour" must be one of red, green, yellow, blue, magenta, cyan, white, gray, not the text "rde" — did you mean "red"?'],
    ],
    ['bad date format', edit('date: 2025-08-01', 'date: 1 August 2025'), ['f.yaml:4:9: "date": dates are written YYYY-MM-DD (got "1 August 2025")']],
    ['impossible date', edit('date: 2025-08-01', 'date: 2025-02-30'), ['f.yaml:4:9: "2025-02-30" is not a date on the calendar']],
    [
      'too few options (and the references to the one removed)',
      edit('      - { id: closed, label: Closed }\n', ''),
      [
        'f.yaml:37:7: "options" needs at least 2 items (it has 1)',
        // Two references to the one removed: one message, naming both places.
        'f.yaml:49:18: unknown option "closed" of issue "trade" (options: open). The same at line 72.',
      ],
    ],
    ['unknown condition kind', edit('{ round: { gte: 4 } }', '{ rounds: { gte: 4 } }'), ['f.yaml:88:21: unknown condition "rounds" — did you mean "round"?']],
    [
      'an unquoted ": " in a value inside { }: a hint to quote it, not "block collections"',
      edit('{ id: split, label: Split it }', '{ id: split, label: Not in the text: a split }'),
      ['f.yaml:27:29: the value of "label" has ": " in it, so YAML reads a second key: put it in quotes — label: "Not in the text: a split"'],
    ],
    [
      'an unquoted ": " in a block value',
      edit('    name: Trade\n', '    name: Trade: who opens first\n'),
      ['f.yaml:33:11: the value of "name" has ": " in it, so YAML reads a second key: put it in quotes — name: "Trade: who opens first"'],
    ],
    [
      'a key indented deeper than the one above: pointed at, not the line before it',
      edit('    name: Trade\n    kind: economic\n', '    name: Trade\n      kind: economic\n'),
      ['f.yaml:34:7: "kind" is indented more than "name" above it: the keys of one mapping line up (indent it by 4 spaces), and a deeper key belongs under a key that ends in ":"'],
    ],
    [
      'a duplicate id: the references to the id it replaced are one message, which asks about the duplicate',
      edit('  - id: trade\n', '  - id: border\n'),
      [
        'f.yaml:32:9: duplicate issue id "border"',
        'f.yaml:47:31: unknown issue "trade" (issues: border) — or is it the second "border", whose id is given twice? The same at lines 50, 70, 73.',
      ],
    ],
    [
      'an id in capitals: one error, and the references to its lower-case form are taken as meant',
      edit('  - id: trade\n', '  - id: Trade\n'),
      ['f.yaml:32:9: "id": issue ids are lower-case letters, digits and dashes, starting with a letter (got "Trade") — try "trade"'],
    ],
    [
      'unknown condition kind, nothing close',
      edit('{ round: { gte: 4 } }', '{ deadline: 4 }'),
      [
        'f.yaml:88:21: unknown condition "deadline" (conditions: round, control, pressure, batna, credibility, trust, offer, posture, walkedOut, ceasefire, event, meeting, all, any, not)',
      ],
    ],
    [
      'two kinds in one condition',
      edit('{ round: { gte: 4 } }', '{ round: { gte: 4 }, ceasefire: false }'),
      ['f.yaml:88:19: a condition has exactly one key, but this one has "round" and "ceasefire" — combine conditions with "all" or "any"'],
    ],
    ['bad value inside a condition', edit('{ round: { gte: 4 } }', '{ round: { gte: four } }'), ['f.yaml:88:35: "gte" must be a number, not the text "four"']],
    [
      'unknown key inside a condition',
      edit('{ posture: { party: red, is: soft } }', '{ posture: { party: red, si: soft } }'),
      ['f.yaml:88:67: unknown key "si" — did you mean "is"?'],
    ],
    [
      'a condition that is not a mapping',
      edit('{ round: { gte: 4 } }', 'round 4'),
      [
        'f.yaml:88:19: a condition is a mapping with one key (round, control, pressure, batna, credibility, trust, offer, posture, walkedOut, ceasefire, event, meeting, all, any, not), not the text "round 4"',
      ],
    ],
    ['an envoy whose fidelity is outside [0, 1]', edit('fidelity: 0.8', 'fidelity: 1.5'), ['f.yaml:61:42: "fidelity" must be at most 1, not 1.5']],
    ['unknown effect kind', edit('- trust: { party: blue', '- trusts: { party: blue'), ['f.yaml:90:9: unknown effect "trusts" — did you mean "trust"?']],
    ['effect missing a key', edit('- trust: { party: blue, toward: red, add: 0.1 }', '- trust: { party: blue, toward: red }'), ['f.yaml:90:9: missing required key "add"']],
    ['duplicate key', edit('  rounds: 8', '  rounds: 8\n  rounds: 9'), ['f.yaml:8:3: duplicate key "rounds": a key may appear only once in a mapping']],
    [
      "YAML syntax error (yaml's own position)",
      edit('  rounds: 8', '  rounds: [8'),
      ['f.yaml:8:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
    ['a second document', `${GOOD}---\nmeta: {}\n`, ['f.yaml:91:1: a scenario file holds one YAML document, but a "---" or "..." line starts another here']],
    ['unknown alias', edit('  rounds: 8', '  rounds: *eight'), ['f.yaml:7:11: unknown YAML alias "*eight": define the anchor "&eight" before using it']],
    ['unsupported tag', edit('title: Fixture', 'title: !!binary Rml4dHVyZQ=='), ['f.yaml:3:10: unsupported YAML tag !!binary: write plain values']],
    ['a key that is a list', edit('  rounds: 8', '  rounds: 8\n  ? [a]\n  : 1'), ['f.yaml:8:5: a key must be a plain name, not a list, a mapping or an alias']],
    ['empty file', '', ['f.yaml:1:1: the file is empty: a scenario is a mapping with the keys meta, calendar, issues and parties (at least)']],
    ['a list, not a mapping', '- a\n- b\n', ['f.yaml:1:1: a scenario is a mapping with the keys meta, calendar, issues and parties (at least), not a list']],
  ];

  it.each(cases)('%s', (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reports every problem at once, in file order: syntax-free schema problems and broken references together', () => {
    const text = edit('area: 1000', 'area: large', edit('occupier: red', 'occupier: rde', edit('      weights: { border: 0.7', '      weigths: { border: 0.7')));
    expect(problems(text)).toEqual([
      'f.yaml:13:11: "area" must be a number, not the text "large"',
      'f.yaml:15:15: unknown party "rde" — did you mean "red"?',
      'f.yaml:47:7: unknown key "weigths" — did you mean "weights"?',
    ]);
  });

  it('does not report a missing key beside the misspelling that meant it', () => {
    expect(problems(edit('  title: Fixture', '  titel: Fixture'))).toEqual(['f.yaml:3:3: unknown key "titel" — did you mean "title"?']);
  });
});

describe('scenarios that load but could never be played', () => {
  it('refuses a scenario where no party can be played', () => {
    const none = GOOD.replace(/(\n {4}name: (Red|Blue)\n)/g, '$1    playable: false\n');
    expect(none).not.toBe(GOOD);
    expect(String(problems(none))).toMatch(/:\d+:\d+: no party is playable: set playable: true \(the default\) on at least one/);
  });

  it('refuses weights too large to add up, and weights that add up to 0', () => {
    expect(String(problems(edit('      weights: { border: 0.7, trade: 0.3 }', '      weights: { border: 1e308, trade: 1e308 }')))).toMatch(/the weights are too large to add up/);
    expect(String(problems(edit('      weights: { border: 0.7, trade: 0.3 }', '      weights: { border: 0, trade: 0 }')))).toMatch(/the weights add up to 0/);
  });
});

describe('limits', () => {
  it('refuses text over 1 MiB before parsing it', () => {
    const big = `${GOOD}#${'x'.repeat(MAX_SCENARIO_BYTES)}\n`;
    expect(problems(big)).toEqual(['f.yaml:1:1: file is larger than 1 MiB (the limit for a scenario file is 1048576 bytes)']);
  });

  it('refuses an alias bomb with a clear message at the first alias', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
    ] as const) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    expect(problems(`${levels.join('\n')}\n`)).toEqual([
      'f.yaml:2:8: too many YAML aliases: this file expands its aliases more than 100 times (an "alias bomb"); write the values out instead',
    ]);
  });
});

describe('control characters', () => {
  it('are stripped from every string of the scenario, keys included', () => {
    const text = edit('title: Fixture', 'title: "Fix\\e[31mture\\e]0;owned\\a\\u202e"', edit('briefing: Keep the east.', 'briefing: "Keep\\tthe\\r\\neast.\\x9b2J"'));
    const result = parseScenario(text, 'f.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.meta.title).toBe('Fixture');
    expect(result.scenario.parties[0]!.briefing).toBe('Keep the\neast.');
  });

  it('are stripped from problem messages too', () => {
    const result = parseScenario(edit('  rounds: 8', '  rounds: 8\n  "c\\e[2Jolour": red'), 'f.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual(['unknown key "colour" (allowed here: roundDays, rounds, implementationRounds, deadlines)']);
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(result.problems.every((p) => !/[\x00-\x1f]/.test(p.message))).toBe(true);
  });
});

describe('loadScenarioFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a file and hashes its text', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, GOOD);
    const result = loadScenarioFile(file);
    expect(result.ok && result.hash).toBe(scenarioHash(GOOD));
  });

  it('turns an unreadable file into one problem at 1:1 in plain words', () => {
    const missing = join(dir, 'missing.yaml');
    expect(loadScenarioFile(missing)).toEqual({ ok: false, problems: [{ file: missing, line: 1, col: 1, message: 'cannot read the file: no such file' }] });
    expect(loadScenarioFile(dir)).toEqual({ ok: false, problems: [{ file: dir, line: 1, col: 1, message: 'cannot read the file: this is a folder, not a file' }] });
  });

  it('refuses a file over 1 MiB without parsing it', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `${GOOD}#${'x'.repeat(MAX_SCENARIO_BYTES)}\n`);
    const result = loadScenarioFile(file);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([`${file}:1:1: file is larger than 1 MiB (the limit for a scenario file is 1048576 bytes)`]);
  });

  it('refuses a file that is not UTF-8 text', () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from([0x6d, 0x65, 0x74, 0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    const result = loadScenarioFile(file);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([`${file}:1:1: the file is not UTF-8 text`]);
  });
});

describe('hardening', () => {
  it('refuses ids that every JavaScript object already has', () => {
    const result = parseScenario(GOOD.replace('  - id: border\n', '  - id: constructor\n'), 'f.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(formatProblem).join('\n')).toMatch(/"constructor", "prototype" and the like are reserved: pick another issue id/);
  });

  it('keeps names on one line, so no scenario can forge a log line', () => {
    const result = parseScenario(GOOD.replace('    name: Red\n', '    name: "Red\\nBlue accepts package #1."\n'), 'f.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.parties[0]!.name).toBe('Red Blue accepts package #1.');
  });
});
