// One game's debrief as Markdown: the teacher's report, and the transcript a player saves.
import { sameTerms } from '../../model/game.js';
import type { Terms } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import { beliefSentence } from './beliefs.js';
import { signatureSentence } from './signatures.js';
import {
  andList,
  cell,
  distortionCost,
  distortionTeller,
  distortionTitle,
  fmt,
  informationSummary,
  linesList,
  listenerFate,
  MOVE_RULE,
  moveValueText,
  nameIn,
  pct,
  plural,
  recordSections,
  poss,
  scoreBasis,
  scoreBasisSentence,
  signed,
  sourceLine,
  talksLength,
} from './text.js';
import { inertMarkdown } from './text.js';
import type { BenchmarkPoint, Debrief, DistortionListener, MoveAssessment, ZopaSummary } from './types.js';

function pointTable(d: Debrief, point: BenchmarkPoint): string[] {
  const out = ['| party | utility | score | vs outcome |', '|---|---:|---:|---:|'];
  for (const p of d.parties) {
    out.push(`| ${cell(p.name)} | ${fmt(point.utilities[p.id]!)} | ${point.scores[p.id]!.toFixed(1)} | ${signed(point.versusOutcome[p.id]!)} |`);
  }
  return out;
}

function zopaLine(z: ZopaSummary): string {
  const size = `${pct(z.size.fraction)} of ${z.size.exhaustive ? 'all' : 'a sample of'} ${z.size.sampled} packages beat every BATNA`;
  if (z.exists) return `a ZOPA existed (${size}).`;
  return z.certain ? `there was no ZOPA: no signable package beat every party's BATNA.` : `no ZOPA was found (the search was cut short; ${size}).`;
}

function saidAndHeardMarkdown(d: Debrief): string[] {
  const out = ['## What was said, and what was heard', ''];
  if (d.saidAndHeard.length === 0) {
    out.push('Every message arrived as it was said: no envoy garbled an offer, and no one passed one on otherwise.', '');
    return out;
  }
  out.push(
    "Every message that reached someone otherwise than it was said — an envoy's garbled report, a bent relay, a readout at odds with the talks — with what each party heard next to what was really said (**bold**: what differs), how it came out, and what it cost.",
    '',
  );
  d.saidAndHeard.forEach((x, k) => {
    out.push(`### ${k + 1}. ${cell(distortionTitle(x))}`, '', distortionTeller(x), '');
    // One column per distinct version heard.
    const columns: { names: string[]; listener: DistortionListener }[] = [];
    for (const l of x.listeners) {
      const same = columns.find((c) => c.listener.heard.every((h, i) => h.option === l.heard[i]!.option));
      if (same) same.names.push(l.name);
      else columns.push({ names: [l.name], listener: l });
    }
    out.push(`| issue | ${cell(x.speaker.name)} said | ${columns.map((c) => `${cell(c.names.join(', '))} heard`).join(' | ')} |`, `|---|---|${columns.map(() => '---|').join('')}`);
    x.said.forEach((line, i) => {
      const cells = columns.map((c) => {
        const h = c.listener.heard[i]!;
        return h.option === line.option ? cell(h.optionLabel) : `**${cell(h.optionLabel)}**`;
      });
      out.push(`| ${cell(line.issueName)} | ${cell(line.optionLabel)} | ${cells.join(' | ')} |`);
    });
    out.push('');
    for (const l of x.listeners) {
      out.push(
        `- ${l.name} heard it worth ${fmt(l.value.heard)} to it (really ${fmt(l.value.said)})${l.answered ? ` and ${l.answered} it on that basis` : ''}; ${listenerFate(l)}.`,
      );
    }
    out.push(`- Cost: ${distortionCost(x)}`, '');
  });
  return out;
}

type BenchmarkName = 'improvement' | 'nash' | 'kalai';
const BENCHMARK_NAMES: Record<BenchmarkName, string> = {
  improvement: 'the most even improvement',
  nash: 'the Nash point',
  kalai: 'the Kalai–Smorodinsky point',
};

/** A readable report for a teacher: the outcome, the concepts as they applied in this game, and the details. */
export function debriefMarkdown(d: Debrief): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const humanNames = d.parties.filter((p) => p.human).map((p) => p.name);
  push(`# Debrief: ${d.title}`, '');
  push(`Scenario \`${d.scenarioId}\`, seed ${d.seed}; ${talksLength(d)}. Parties: ${d.parties.map((p) => (p.human ? `${p.name} (player)` : p.name)).join(', ')}.`, '');

  // Outcome
  push('## Outcome', '');
  const length = talksLength(d);
  const headline =
    d.outcome.kind === 'deal'
      ? `**Deal** (${length}).`
      : d.outcome.kind === 'no-deal'
        ? `**No deal** — ${d.outcome.reason ?? 'talks failed'} (${length}).`
        : `**Unfinished** (${length}).`;
  push(`${headline} ${d.outcome.summary}`, '');
  if (d.outcome.lines) push('Terms:', '', ...linesList(d.outcome.lines), '');
  push(scoreBasisSentence(d), '');
  push(`| party | utility | score | scored against (${scoreBasis(d)}) | BATNA at the start → when the talks ended |`, '|---|---:|---:|---:|---|');
  for (const r of d.results) {
    push(`| ${cell(r.name)}${r.human ? ' (player)' : ''} | ${fmt(r.utility)} | ${r.score.toFixed(1)} | ${fmt(r.baseline)} | ${fmt(r.initialBatna)} → ${fmt(r.endBatna)} |`);
  }
  push('');
  if (d.signatures.length > 0) push(...d.signatures.map((n) => `- **${signatureSentence(n)}**`), '');

  // Concepts
  push('## The concepts in this game', '');
  push(
    '### BATNA',
    '',
    "The Best Alternative To a Negotiated Agreement: what a party gets if talks fail. Here it is the utility of no deal — the war going on — and it moved with the front, the costs of war, events and levers until the talks ended; once an agreement is signed, nothing moves it. Each party's BATNA at the start, and when the talks ended:",
    '',
    ...d.results.map((r) => {
      const change = Math.abs(r.endBatna - r.initialBatna) < 0.005 ? 'unchanged' : r.endBatna > r.initialBatna ? 'stronger when the talks ended' : 'weaker when the talks ended';
      return `- ${r.name}: ${fmt(r.initialBatna)} → ${fmt(r.endBatna)} (${change}).`;
    }),
    '',
  );
  const fell = d.results.filter((r) => r.endBatna < r.initialBatna - 0.005);
  if (d.baseline === 'initial-batna' && fell.length > 0) {
    push(
      `The scores above are against the BATNA at the start, not the one when the talks ended: ${andList(fell.map((r) => r.name))} ${fell.length === 1 ? 'was' : 'were'} worse off without a deal at the end than at the start, so no deal would have scored below 0.`,
      '',
    );
  }
  const below = d.results.filter((r) => r.utility < r.initialBatna - 1e-9);
  push(
    '### Reservation value',
    '',
    'The worst package a party should accept: anything below it is worse than walking away. Each party started with its reservation value equal to its BATNA; a rational party rejects packages below it.',
    '',
    d.outcome.kind === 'deal'
      ? below.length > 0
        ? `The deal was below the reservation value of ${below.map((r) => r.name).join(', ')}: they accepted less than their starting walk-away point (their BATNA may have fallen, or pressure pushed them).`
        : "The deal cleared every party's reservation value."
      : 'Without a deal, each party was left with its BATNA.',
    '',
  );
  push(
    '### ZOPA (zone of possible agreement)',
    '',
    'The packages every party prefers to its BATNA. If it is empty, no deal is rational for everyone; the larger it is, the easier a deal.',
    '',
    `- At the start: ${zopaLine(d.zopa.start)}`,
    `- When the talks ended: ${zopaLine(d.zopa.end)}`,
    '',
  );
  const improvement = d.frontier.improvement;
  push(
    '### Pareto frontier',
    '',
    'The packages that cannot be improved for one party without making another worse off. A deal off the frontier leaves value on the table that every party could have shared.',
    '',
    `${d.frontier.size} supported Pareto-optimal packages were found (packages crossing a red line excluded). The best total utility possible was ${fmt(d.frontier.welfare.max)}; the outcome gave ${fmt(d.frontier.welfare.outcome)} (gap ${fmt(d.frontier.welfare.gap)}).`,
    '',
  );
  if (d.outcome.kind === 'deal') {
    push(
      d.frontier.paretoOptimal === undefined
        ? 'Whether another package was better for someone at no one’s cost is not known: the search did not finish.'
        : d.frontier.paretoOptimal
          ? 'No package was better for one party without being worse for another: the deal was on the frontier.'
          : "The deal was off the frontier: another package was better for someone at no one's cost.",
      '',
    );
  }
  // The three benchmark packages can be one and the same: each is printed once.
  const shown: { name: BenchmarkName; terms: Terms }[] = [];
  const benchmarkBlock = (name: BenchmarkName, point: BenchmarkPoint, intro: string): string[] => {
    const same = shown.filter((x) => sameTerms(x.terms, point.terms)).map((x) => x.name);
    shown.push({ name, terms: point.terms });
    if (same.length === 0) return [intro, '', ...linesList(point.lines), '', ...pointTable(d, point), ''];
    const label = BENCHMARK_NAMES[name].replace(/^the /, '');
    const Label = label.charAt(0).toUpperCase() + label.slice(1);
    const coincide =
      name === 'kalai' && same.includes('nash')
        ? `the Nash and Kalai–Smorodinsky points coincide here${same.includes('improvement') ? ', and with the most even improvement' : ''}`
        : `${BENCHMARK_NAMES[same[0]!]} and ${BENCHMARK_NAMES[name]} coincide here`;
    return [`${Label}: the same package as ${andList(same.map((x) => BENCHMARK_NAMES[x]))} above — ${coincide}.`, ''];
  };
  if (improvement) {
    push(...benchmarkBlock('improvement', improvement, 'Every party could have gained at once — the most even improvement over the outcome:'));
  } else {
    push('No package would have made every party better off at once than the outcome.', '');
  }
  push(
    '### Nash bargaining point',
    '',
    "The package that maximises the product of the parties' gains over their BATNAs (here: their scoring baselines): the classic fair and efficient benchmark. The Kalai–Smorodinsky point instead gives every party the same share of its best possible gain.",
    '',
  );
  if (d.nash) {
    push(...benchmarkBlock('nash', d.nash, 'Nash point:'));
    if (!d.nash.exact) push('_(The search was cut short: this is the best package found, not a proven optimum.)_', '');
  } else {
    push("There was no Nash point: no signable package beat every party's baseline.", '');
  }
  if (d.kalai) push(...benchmarkBlock('kalai', d.kalai, 'Kalai–Smorodinsky point:'));
  const logrolls = d.tradeoffs.filter((t) => t.logroll);
  push('### Logrolling', '', 'Trading concessions across issues: each side gives way where it cares less and wins where it cares more, so both gain.', '');
  if (logrolls.length === 0) push('No pair of parties had opposed issues each cared much more about than the other.', '');
  for (const t of logrolls) {
    push(
      `- ${nameIn(d, t.a)} and ${nameIn(d, t.b)}: ${t.issues.map((x) => `${x.name} matters more to ${nameIn(d, x.caresMore)}${x.ratio !== null ? ` (×${x.ratio.toFixed(1)})` : ''}`).join('; ')}.`,
    );
  }
  if (logrolls.length > 0) push('');
  const statements = d.results.reduce((s, r) => s + r.commitments.made, 0);
  const broken = d.results.filter((r) => r.commitments.broken > 0);
  push(
    '### Audience costs',
    '',
    'A public statement binds the one who makes it: backing down in front of the home audience and the world costs credibility. That is what makes a commitment believable — and a deal harder.',
    '',
    statements === 0
      ? 'No party made a public commitment in this game.'
      : `${plural(statements, 'public commitment was', 'public commitments were')} made. ${broken.length === 0 ? 'None was broken.' : `Broken: ${broken.map((r) => `${r.name} (${r.commitments.broken}; credibility ${fmt(r.credibility.start)} → ${fmt(r.credibility.end)})`).join(', ')}.`}`,
    '',
  );
  const info = d.information;
  const v = info.verification;
  const summary = informationSummary(d);
  const publicReadouts = d.saidAndHeard.filter((x) => x.channel === 'readout');
  push(
    `Words said in public reach everyone as they were said${info.public === 0 ? ', but nobody spoke in public in this game' : `: ${plural(info.public, 'public message', 'public messages')} could not be garbled on the way`}. A readout is a party's own account in front of everyone — a public claim it must stand by. ${v.readouts === 0 ? 'No readout was published.' : `${plural(v.readouts, 'readout was', 'readouts were')} published${publicReadouts.length > 0 ? `; ${publicReadouts.map((x) => `${poss(x.teller.name)} told package #${x.proposal ?? '?'} otherwise than it went`).join('; ')}` : ', none at odds with what was said'}.`}`,
    '',
  );
  const agents = d.saidAndHeard.filter((x) => x.teller.envoy !== undefined);
  const passers = d.saidAndHeard.filter((x) => x.channel === 'relay');
  push(
    '### Principal–agent and information problems',
    '',
    "A leader (the principal) negotiates through agents — envoys with their own fidelity and bias — and must sell the deal to principals at home (veto players who ratify). The agent knows what was said; the principal knows only what the agent reports, and answers for it. What a party heard can differ from what was said; without a notetaker's record, nobody can settle it.",
    '',
    `${summary.sent} ${summary.distorted}${info.distorted > 0 ? ' Each is listed under “What was said, and what was heard” below.' : ''}`,
    '',
  );
  for (const x of agents) {
    const found = x.listeners.filter((l) => l.exposure).length;
    push(
      `- ${x.teller.envoy}, ${poss(x.teller.name)} envoy, carried ${poss(x.speaker.name)} package #${x.proposal ?? '?'} (round ${x.round}) to ${andList(x.listeners.map((l) => l.name))} otherwise than it was said${
        found === 0
          ? '; it never came out, so nobody paid for it'
          : x.cost.credibility === 0
            ? `; ${x.teller.name} found out in private, and nobody else was misled`
            : `; it came out, and ${x.answers.name} answered for its agent (credibility ${signed(x.cost.credibility)})`
      }.`,
    );
  }
  for (const x of passers) {
    push(
      `- ${x.teller.name} passed ${poss(x.speaker.name)} package #${x.proposal ?? '?'} on to ${andList(x.listeners.map((l) => l.name))} ${
        x.asHeard
          ? `as it had heard it — misled in turn, it spread the distortion${x.answers.party !== x.teller.party ? `, and the blame went back to ${x.answers.name}` : ''}`
          : 'otherwise than it had heard it'
      }.`,
    );
  }
  if (agents.length + passers.length > 0) push('');
  push(
    '### Verification',
    '',
    `Words can be checked: an official record (a notetaker at direct talks, or words said in public), a clarification call to whoever spoke, another account of the same talks (a readout, a relay), a leak — and in the end the text tabled for signing. Checking has costs: a notetaker makes the other side speak less freely (its trust ${signed(v.costs.notetaker)}), and a call takes a turn; a call that confirms a report earns the teller ${signed(v.costs.confirmed)} trust.`,
    '',
    `- ${v.onRecord} of ${plural(v.proposals, 'proposal', 'proposals')} went on the record.`,
    `- ${summary.calls}`,
    `- ${plural(v.leaks, 'leak', 'leaks')}, ${plural(v.readouts, 'readout', 'readouts')}, ${plural(v.relays, 'relay', 'relays')}.`,
    `- ${summary.misled ?? 'Nobody was misled: every message that carried a package reached everyone as it was said.'}`,
    `- Each time, whoever told it otherwise lost ${fmt(Math.abs(v.costs.credibility))} credibility, and the party it misled trusted it ${fmt(Math.abs(v.costs.trust))} less.`,
    '',
  );
  if (d.ratification) {
    push(
      `Ratification at home: ${Object.entries(d.ratification)
        .map(([id, ok]) => `${nameIn(d, id)} ${ok ? 'ratified' : 'blocked it'}`)
        .join(', ')}.`,
      '',
    );
  }

  push(...saidAndHeardMarkdown(d));

  // Concessions
  push('## Concession curves', '', "The utility of each party's own offers, in its own terms, round by round: how far and how fast it conceded.", '');
  for (const c of d.concessions) {
    if (c.curve.length === 0) {
      push(`- ${nameIn(d, c.party)}: made no offers.`);
      continue;
    }
    const points = c.curve.map((x) => `r${x.round} ${fmt(x.utility)}`).join(', ');
    push(`- ${nameIn(d, c.party)} (${c.summary.style}, conceded ${fmt(c.summary.conceded)}): ${points}`);
  }
  push('');

  // Moments
  push('## Key moments', '');
  if (d.moments.length === 0) push('Nothing stood out.');
  for (const m of d.moments) push(`- Round ${m.round} (${m.kind}): ${m.text}`);
  push('');

  // Humans
  for (const h of d.humans) {
    push(`## ${nameIn(d, h.party)}: your moves`, '');
    push(MOVE_RULE, '');
    const describe = (m: MoveAssessment) => `- Round ${m.round}: ${m.text}${m.reason ? ` — “${cleanText(m.reason)}”` : ''}: ${moveValueText(m)}.`;
    const made = h.moves.length - h.waits;
    if (h.rated === 0 && made > 0) {
      push(`_Your moves were not rated in this report: ${plural(made, 'move is', 'moves are')} listed below as not rated._`, '');
    } else {
      push('Best moves:', '', ...(h.best.length > 0 ? h.best.map(describe) : ['- No move of yours did better than waiting would have.']), '');
      push('Worst moves:', '', ...(h.worst.length > 0 ? h.worst.map(describe) : ['- No move of yours did worse than waiting would have.']), '');
    }
    if (h.moves.length > 0) push('Every move, in order:', '', ...h.moves.map(describe), '');
  }
  if (humanNames.length === 0) push('_No human players: every party was played by the AI._', '');

  const record = recordSections(d.record);
  if (record.length > 0) {
    push('## What really happened, and what the game invented', '');
    for (const s of record) push(`### ${s.heading}`, '', ...s.items.map((x) => `- ${x}`), '');
    if (d.record.uncited > 0) push(`_${d.record.uncited} more event${d.record.uncited === 1 ? '' : 's'} of this game cite no source._`, '');
  }

  // Revealed
  if (d.beliefs.length > 0) {
    push('## What the AIs believed at the end', '');
    push("Each AI learned the others' preferences from what it saw and heard: offers, answers and their reasons, statements, accounts. Against the truth:", '');
    push(...d.beliefs.map((b) => `- ${beliefSentence(b, (id) => nameIn(d, id))}`), '');
  }

  push('## Hidden preferences revealed', '');
  for (const r of d.revealed) {
    push(`### ${r.name}`, '', `Reservation value ${fmt(r.reservation)} (BATNA when the talks ended ${fmt(r.endBatna)}); patience ${r.discount} a round.`, '');
    push('| issue | weight | best option | worst option |', '|---|---:|---|---|');
    for (const i of r.issues) {
      const best = i.options[0];
      const worst = i.options[i.options.length - 1];
      push(`| ${cell(i.name)} | ${(i.weight * 100).toFixed(0)} % | ${cell(best?.label ?? '')} | ${cell(worst?.label ?? '')} |`);
    }
    push('', r.redLines.length > 0 ? `Red lines: ${r.redLines.map((l) => `${l.issueName}: ${l.optionLabel}`).join('; ')}.` : 'No red lines.', '');
  }

  // The scenario's own notes for teachers, and what it rests on
  if (d.teacherNotes.length > 0) push('## Teacher notes', '', ...d.teacherNotes.flatMap((p) => [p, '']));
  if (d.sources.length > 0) {
    push('## Sources', '');
    for (const x of d.sources) push(`- ${sourceLine(x)}`);
    push('');
  }
  return inertMarkdown(out.join('\n'));
}
