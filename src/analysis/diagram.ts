// A scenario drawn for its author (`backchannel diagram`): each party's posture machine with the conditions on
// its transitions, the issues and who must sign them, and the events with what triggers them — as text for the
// terminal, as Mermaid (GitHub, many editors) or as Graphviz dot.
import type { Scenario } from '../scenario/schema.js';
import type { Condition } from '../scenario/vocabulary.js';

export type DiagramFormat = 'text' | 'mermaid' | 'dot';

const BOUND: Record<string, string> = { gte: '≥', lte: '≤', gt: '>', lt: '<', eq: '=' };

function bounds(c: Record<string, unknown>): string {
  return Object.entries(BOUND)
    .filter(([k]) => typeof c[k] === 'number')
    .map(([k, sign]) => `${sign} ${String(c[k])}`)
    .join(' and ');
}

/** A condition in words: "round ≥ 8 and not posture summit-bound". `self` is whose transition it is. */
export function conditionText(c: Condition, self?: string): string {
  const who = (party: string | undefined) => party ?? self ?? 'its';
  if ('round' in c) return `round ${bounds(c.round)}`;
  if ('control' in c) return `control of ${c.control.territory} ${bounds(c.control)}`;
  if ('pressure' in c) return `pressure on ${who(c.pressure.party)} ${bounds(c.pressure)}`;
  if ('batna' in c) return `BATNA of ${who(c.batna.party)} ${bounds(c.batna)}`;
  if ('credibility' in c) return `credibility of ${who(c.credibility.party)} ${bounds(c.credibility)}`;
  if ('trust' in c) return `trust of ${who(c.trust.party)} in ${c.trust.toward} ${bounds(c.trust)}`;
  if ('offer' in c) return `an offer${c.offer.from ? ` from ${c.offer.from}` : ''} worth ${bounds(c.offer)} to ${who(c.offer.party)}`;
  if ('posture' in c) return `${who(c.posture.party)} in posture ${c.posture.is}`;
  if ('walkedOut' in c) return `${c.walkedOut} walked out`;
  if ('ceasefire' in c) return c.ceasefire ? 'a ceasefire holds' : 'no ceasefire';
  if ('event' in c) return `after event ${c.event}`;
  if ('meeting' in c) return `after meeting ${c.meeting}`;
  if ('all' in c) return c.all.map((x) => wrap(x, self)).join(' and ');
  if ('any' in c) return c.any.map((x) => wrap(x, self)).join(' or ');
  return `not ${wrap(c.not, self)}`;
}

const wrap = (c: Condition, self?: string) => ('all' in c || 'any' in c ? `(${conditionText(c, self)})` : conditionText(c, self));

/** Ids as Mermaid and dot accept them. */
const nodeId = (...parts: string[]) => parts.join('__').replace(/[^A-Za-z0-9_]/g, '_');
/** Label text safe inside double quotes in Mermaid and dot. */
const label = (text: string) => text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');

export function diagram(scenario: Scenario, format: DiagramFormat): string {
  switch (format) {
    case 'text':
      return textDiagram(scenario);
    case 'mermaid':
      return mermaid(scenario);
    case 'dot':
      return dot(scenario);
  }
}

function textDiagram(s: Scenario): string {
  const out: string[] = [`${s.meta.title} (${s.meta.id})`, ''];
  for (const p of s.parties) {
    out.push(`${p.name} — postures (starts in ${p.postures.initial})`);
    for (const [id, state] of Object.entries(p.postures.states)) {
      const st = state.strategy;
      out.push(
        `  ${id === p.postures.initial ? '▶' : '•'} ${id} "${state.label}": ${st.policy}${st.floor !== undefined ? `, floor ${st.floor}` : ''}${st.statements ? ', public statements' : ''}`,
      );
    }
    for (const t of p.postures.transitions) out.push(`    ${t.from} → ${t.to}  when ${conditionText(t.when, p.id)}`);
    out.push('');
  }
  out.push('Issues (who must sign)');
  for (const i of s.issues) out.push(`  ${i.id}: ${i.options.map((o) => o.id).join(' | ')}  — signed by ${(i.signatories ?? s.parties.map((p) => p.id)).join(', ')}`);
  if (s.events.length) {
    out.push('', 'Events');
    for (const e of s.events) out.push(`  ${e.id}${e.fiction ? ' (invented)' : ''}: when ${conditionText(e.when)}${e.repeat ? ', every round it holds' : ''}`);
  }
  if (s.meetings.length) {
    out.push('', 'Meetings');
    for (const m of s.meetings)
      out.push(
        `  round ${m.round}: ${m.host} → ${m.guest}${m.envoy ? ` (through ${m.envoy})` : ''}${m.notetaker === true ? ', on the record' : m.notetaker === false ? ', no notetaker' : ''}${m.versions ? `, ${m.versions.length} contested accounts` : ''}`,
      );
  }
  return `${out.join('\n')}\n`;
}

function mermaid(s: Scenario): string {
  const out: string[] = ['flowchart LR'];
  for (const p of s.parties) {
    out.push(`  subgraph ${nodeId(p.id)}["${label(p.name)}"]`);
    for (const [id, state] of Object.entries(p.postures.states)) out.push(`    ${nodeId(p.id, id)}(["${label(state.label)}${id === p.postures.initial ? ' ▶' : ''}"])`);
    out.push('  end');
    for (const t of p.postures.transitions) {
      const sources = t.from === '*' ? Object.keys(p.postures.states).filter((x) => x !== t.to) : [t.from];
      for (const from of sources) out.push(`  ${nodeId(p.id, from)} -- "${label(conditionText(t.when, p.id))}" --> ${nodeId(p.id, t.to)}`);
    }
  }
  out.push('  subgraph issues["Issues: who signs"]');
  for (const i of s.issues) out.push(`    ${nodeId('issue', i.id)}["${label(i.name)}"]`);
  out.push('  end');
  for (const i of s.issues)
    for (const party of i.signatories ?? s.parties.map((p) => p.id)) out.push(`  ${nodeId('issue', i.id)} -.- ${nodeId('sign', party)}(("${label(party)}"))`);
  for (const e of s.events) out.push(`  ${nodeId('event', e.id)}{{"${label(e.id)}${e.fiction ? ' (invented)' : ''}: ${label(conditionText(e.when))}"}}`);
  return `${out.join('\n')}\n`;
}

function dot(s: Scenario): string {
  const out: string[] = [`digraph "${label(s.meta.id)}" {`, '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const p of s.parties) {
    out.push(`  subgraph cluster_${nodeId(p.id)} {`, `    label="${label(p.name)}";`);
    for (const [id, state] of Object.entries(p.postures.states))
      out.push(`    ${nodeId(p.id, id)} [label="${label(state.label)}"${id === p.postures.initial ? ', shape=doublecircle' : ', shape=ellipse'}];`);
    out.push('  }');
    for (const t of p.postures.transitions) {
      const sources = t.from === '*' ? Object.keys(p.postures.states).filter((x) => x !== t.to) : [t.from];
      for (const from of sources) out.push(`  ${nodeId(p.id, from)} -> ${nodeId(p.id, t.to)} [label="${label(conditionText(t.when, p.id))}"];`);
    }
  }
  out.push('  subgraph cluster_issues {', '    label="Issues: who signs";');
  for (const i of s.issues) out.push(`    ${nodeId('issue', i.id)} [label="${label(i.name)}", shape=box];`);
  out.push('  }');
  for (const i of s.issues)
    for (const party of i.signatories ?? s.parties.map((p) => p.id)) out.push(`  ${nodeId('issue', i.id)} -> ${nodeId('sign', party)} [style=dashed, arrowhead=none];`);
  for (const party of s.parties) out.push(`  ${nodeId('sign', party.id)} [label="${label(party.id)}", shape=circle];`);
  for (const e of s.events) out.push(`  ${nodeId('event', e.id)} [label="${label(e.id)}${e.fiction ? ' (invented)' : ''}\\n${label(conditionText(e.when))}", shape=hexagon];`);
  out.push('}');
  return `${out.join('\n')}\n`;
}
