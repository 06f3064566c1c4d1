// backchannel diagram: the posture machines, issues and events, as text, Mermaid and dot.
import { describe, expect, it } from 'vitest';
import { conditionText, diagram } from '../../src/analysis/diagram.js';
import { loadScenarioOrThrow } from '../../src/scenario/bundled.js';

const moscow = loadScenarioOrThrow('moscow-2025-08').scenario;

describe('diagram', () => {
  it('says every kind of condition in words', () => {
    expect(conditionText({ all: [{ round: { gte: 8 } }, { not: { posture: { is: 'summit-bound' } } }] }, 'united-states')).toBe(
      'round ≥ 8 and not united-states in posture summit-bound',
    );
    expect(conditionText({ any: [{ pressure: { gte: 52 } }, { event: 'tariff-deadline' }] }, 'russia')).toBe('pressure on russia ≥ 52 or after event tariff-deadline');
    expect(conditionText({ trust: { toward: 'united-states', lte: 0.25 } }, 'ukraine')).toBe('trust of ukraine in united-states ≤ 0.25');
    expect(conditionText({ control: { territory: 'donetsk', gt: 0.8, lt: 0.9 } })).toBe('control of donetsk > 0.8 and < 0.9');
    expect(conditionText({ offer: { from: 'russia', gte: 0.6 } }, 'europe')).toBe('an offer from russia worth ≥ 0.6 to europe');
    expect(conditionText({ ceasefire: false })).toBe('no ceasefire');
    expect(conditionText({ walkedOut: 'russia' })).toBe('russia walked out');
    expect(conditionText({ meeting: 'kremlin' })).toBe('after meeting kremlin');
  });

  it('as text, lists every posture, transition, issue, event and meeting', () => {
    const text = diagram(moscow, 'text');
    for (const p of moscow.parties) for (const id of Object.keys(p.postures.states)) expect(text).toContain(` ${id} "`);
    expect(text).toContain('* → summit-bound  when round ≥ 8 and not united-states in posture summit-bound');
    for (const e of moscow.events) expect(text).toContain(`  ${e.id}`);
    expect(text).toContain('kremlin-signals (invented)');
    expect(text).toMatch(/round 1: russia → united-states \(through witkoff\), no notetaker, 2 contested accounts/);
  });

  it('as Mermaid and dot, draws an edge per transition (a "*" one from every other posture)', () => {
    const edges = moscow.parties.reduce((n, p) => n + p.postures.transitions.reduce((m, t) => m + (t.from === '*' ? Object.keys(p.postures.states).length - 1 : 1), 0), 0);
    const mermaid = diagram(moscow, 'mermaid');
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid.match(/ -- ".*" --> /g)).toHaveLength(edges);
    const dot = diagram(moscow, 'dot');
    expect(dot.match(/ -> \S+ \[label=/g)).toHaveLength(edges);
    expect(dot.split('{').length).toBe(dot.split('}').length);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });
});
