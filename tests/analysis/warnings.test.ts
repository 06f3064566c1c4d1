// What `validate` warns about in a valid scenario: floors that never matter or that block every deal, posture
// combinations that cannot agree, and postures a party can be trapped in. Each case edits the bundled Moscow
// scenario (which has no warnings) in one place and checks the warning names that place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/analysis/warnings.js';
import { compileGame } from '../../src/model/game.js';
import { listBundled } from '../../src/scenario/bundled.js';
import { parseScenario } from '../../src/scenario/load.js';

const moscowPath = listBundled().find((b) => b.id === 'moscow-2025-08')!.path;
const moscow = readFileSync(moscowPath, 'utf8');

/** Replace the n-th (1-based) occurrence of `from` after `after` with `to`. */
function edit(text: string, after: string, from: string, to: string): string {
  const start = text.indexOf(after);
  expect(start, after).toBeGreaterThanOrEqual(0);
  const at = text.indexOf(from, start);
  expect(at, from).toBeGreaterThanOrEqual(0);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function warnings(text: string) {
  const result = parseScenario(text, 'moscow.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return scenarioWarnings(compileGame(result.scenario)).map((w) => ({ ...w, at: result.locate(w.path) }));
}

const lineOf = (text: string, needle: string, after: string) => text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;

describe('scenario warnings', () => {
  it('has none for the bundled scenarios', () => {
    for (const b of listBundled()) expect(warnings(readFileSync(b.path, 'utf8')), b.id).toEqual([]);
  });

  it('warns about a floor above the most the party can get in any package the others could sign', () => {
    const text = edit(moscow, 'defiant:\n          label: Defiant', 'floor: 0.6', 'floor: 0.97');
    const found = warnings(text);
    expect(found[0]!.message).toMatch(
      /^Ukraine's floor in "Defiant" \(0\.97\) is above the most it can get in any package the others could sign \(0\.\d\d\): in this posture it never makes a deal$/,
    );
    expect(found[0]!.at.line).toBe(lineOf(text, 'floor: 0.97', 'defiant:\n          label: Defiant'));
  });

  it('warns about a floor below the reservation value, which has no effect', () => {
    const text = edit(moscow, 'bargaining:\n          label: Bargaining', 'floor: 0.48', 'floor: 0.3');
    expect(warnings(text).map((w) => w.message)).toEqual([
      `Ukraine's floor in "Bargaining" (0.30) is below its reservation value (0.48) and has no effect: an AI never goes below its reservation value unless pressure makes it`,
    ]);
  });

  it('warns when postures reachable before the last third leave no package above every floor, and points at the common one', () => {
    const text = edit(moscow, 'ambiguous-maximalist:\n          label:', 'floor: 0.68', 'floor: 0.74');
    const found = warnings(text);
    const blocked = found.find((w) => w.message.startsWith('no package clears'));
    expect(blocked?.message).toMatch(/Russia Ambiguous maximalist/);
    expect(blocked?.path).toEqual(['parties', 1, 'postures', 'states', 'ambiguous-maximalist', 'strategy', 'floor']);
  });

  it('warns about a harder posture with no way out, but not about a softest posture that is kept', () => {
    const noExit = moscow.replace(/ {8}- from: defiant\n {10}to: bargaining\n.*\n.*\n/, '');
    expect(noExit).not.toBe(moscow);
    expect(warnings(noExit).map((w) => w.message)).toEqual([
      'Ukraine can enter "Defiant" but no transition can ever take it out again, so it can never come back to a softer posture (floor 0.60, softest 0.48; it does not move at all there)',
    ]);
  });

  it('warns about a posture no transition leads to, and an event that can never happen', () => {
    // Ukraine's only way into "Bargaining" needs a round after the last; Moscow has 10 rounds.
    let text = moscow.replace(/( {8}- from: firm\n {10}to: bargaining\n {10}when: )[^\n]*/, '$1{ round: { gte: 11 } }');
    text = text.replace(/( {8}- from: defiant\n {10}to: bargaining\n {10}when: )[^\n]*/, '$1{ round: { gte: 12 } }');
    expect(text).not.toBe(moscow);
    const found = warnings(text).map((w) => w.message);
    expect(found).toContain('Ukraine can never enter "Bargaining": no transition leads there before the talks end');
    const late = edit(moscow, '  - id: india-tariff', 'when: { round: { gte: 1 } }', 'when: { round: { gte: 11 } }');
    expect(warnings(late).map((w) => w.message)).toEqual(['event "india-tariff" can never happen: its condition cannot hold before the talks end']);
  });

  it('warns about a red line on the option a party values most, and a transition to the same posture', () => {
    // Russia values "ukrainian-withdrawal" in Donbas most.
    let text = moscow.replace(
      '        - { issue: guarantees, option: reassurance-force }\n',
      '        - { issue: guarantees, option: reassurance-force }\n        - { issue: donbas, option: ukrainian-withdrawal }\n',
    );
    text = text.replace('        - from: defiant\n          to: bargaining', '        - from: defiant\n          to: defiant');
    expect(text).not.toBe(moscow);
    const found = warnings(text).map((w) => w.message);
    expect(found).toContain('Russia\'s red line on Donetsk and Luhansk is the option it values most ("ukrainian-withdrawal"): it would refuse its own best outcome there');
    expect(found).toContain('a transition from "defiant" to itself does nothing');
  });

  it('warns about a quotation in an event that cites no source, and not about one marked as fiction', () => {
    const quoted = edit(moscow, '  - id: india-tariff', '    source: mondaq\n', '');
    const q = quoted.replace('two days before Trump\'s deadline."', 'two days before \\"the deadline\\"."');
    expect(warnings(q).map((w) => w.message)).toEqual([
      'event "india-tariff" quotes "the deadline" but cites no source: add source: (an id from meta.sources), or mark it fiction: true',
    ]);
  });
});
