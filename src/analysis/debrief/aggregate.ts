// A class's games compared: deal rate, mean scores by party, the most common terms.
import type { PartyId } from '../../model/types.js';
import { cell, fmt, pct } from './text.js';
import { inertMarkdown } from './text.js';
import type { Debrief, TermLine } from './types.js';

// ── many games ───────────────────────────────────────────────────────────────────────────────────────────

export interface DebriefAggregate {
  games: number;
  scenarios: string[];
  deals: number;
  dealRate: number;
  /** Outcomes by reason ('implemented', 'deadline', 'walk-out', 'collapse', …, 'unfinished'). */
  reasons: Record<string, number>;
  /** The mean length of the talks, in rounds (until the signature, or until they ended without one). */
  meanRounds: number;
  parties: { party: PartyId; name: string; games: number; meanScore: number; meanUtility: number; humanGames: number }[];
  /** Deals that passed the local Pareto check. */
  paretoOptimalDeals: number;
  /** Mean over deals of the Euclidean distance between the deal's and the Nash point's utility vectors. */
  meanNashDistance?: number;
  /** Per issue, the option agreed most often in deals. */
  commonTerms: (TermLine & { count: number; share: number })[];
  /** The most frequent whole packages agreed, most frequent first (at most five). */
  commonPackages: { lines: TermLine[]; count: number }[];
  /** One row per game. */
  /** One row per game; `rounds` is the length of its talks. */
  rows: { scenarioId: string; seed: number; outcome: string; rounds: number; scores: Record<PartyId, number> }[];
}

/** Compares a class's games: deal rate, mean scores per party, the most common terms. */
export function aggregateDebriefs(debriefs: readonly Debrief[]): DebriefAggregate {
  const games = debriefs.length;
  const deals = debriefs.filter((d) => d.outcome.kind === 'deal');
  const reasons: Record<string, number> = {};
  for (const d of debriefs) {
    const key = d.outcome.kind === 'unfinished' ? 'unfinished' : (d.outcome.reason ?? d.outcome.kind);
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  const partyMap = new Map<PartyId, { name: string; games: number; score: number; utility: number; humanGames: number }>();
  for (const d of debriefs) {
    for (const r of d.results) {
      const acc = partyMap.get(r.party) ?? { name: r.name, games: 0, score: 0, utility: 0, humanGames: 0 };
      acc.games++;
      acc.score += r.score;
      acc.utility += r.utility;
      if (r.human) acc.humanGames++;
      partyMap.set(r.party, acc);
    }
  }
  const parties = [...partyMap.entries()].map(([party, a]) => ({
    party,
    name: a.name,
    games: a.games,
    meanScore: Math.round((a.score / a.games) * 10) / 10,
    meanUtility: a.utility / a.games,
    humanGames: a.humanGames,
  }));
  const termCounts = new Map<string, Map<string, { line: TermLine; count: number }>>();
  const packageCounts = new Map<string, { lines: TermLine[]; count: number }>();
  for (const d of deals) {
    const lines = d.outcome.lines ?? [];
    for (const l of lines) {
      const byOption = termCounts.get(l.issue) ?? new Map<string, { line: TermLine; count: number }>();
      const entry = byOption.get(l.option) ?? { line: l, count: 0 };
      entry.count++;
      byOption.set(l.option, entry);
      termCounts.set(l.issue, byOption);
    }
    const key = `${d.scenarioId}:${lines.map((l) => `${l.issue}=${l.option}`).join(',')}`;
    const entry = packageCounts.get(key) ?? { lines, count: 0 };
    entry.count++;
    packageCounts.set(key, entry);
  }
  const commonTerms = [...termCounts.values()].map((byOption) => {
    const top = [...byOption.values()].sort((a, b) => b.count - a.count || (a.line.option < b.line.option ? -1 : 1))[0]!;
    return { ...top.line, count: top.count, share: deals.length > 0 ? top.count / deals.length : 0 };
  });
  const distances = deals.flatMap((d) => {
    if (!d.nash) return [];
    const nash = d.nash;
    return [Math.sqrt(d.results.reduce((s, r) => s + (nash.utilities[r.party]! - r.utility) ** 2, 0))];
  });
  return {
    games,
    scenarios: [...new Set(debriefs.map((d) => d.scenarioId))],
    deals: deals.length,
    dealRate: games > 0 ? deals.length / games : 0,
    reasons,
    meanRounds: games > 0 ? debriefs.reduce((s, d) => s + d.rounds, 0) / games : 0,
    parties,
    paretoOptimalDeals: deals.filter((d) => d.frontier.paretoOptimal === true).length,
    meanNashDistance: distances.length > 0 ? distances.reduce((a, b) => a + b, 0) / distances.length : undefined,
    commonTerms,
    commonPackages: [...packageCounts.values()].sort((a, b) => b.count - a.count).slice(0, 5),
    rows: debriefs.map((d) => ({
      scenarioId: d.scenarioId,
      seed: d.seed,
      outcome: d.outcome.kind === 'deal' ? 'deal' : `${d.outcome.kind}${d.outcome.reason ? ` (${d.outcome.reason})` : ''}`,
      rounds: d.rounds,
      scores: Object.fromEntries(d.results.map((r) => [r.party, r.score])),
    })),
  };
}

/** The class report: many games side by side. */
export function aggregateMarkdown(a: DebriefAggregate): string {
  const out: string[] = [];
  out.push(`# Class debrief: ${a.games} game${a.games === 1 ? '' : 's'}`, '');
  out.push(`Scenario${a.scenarios.length === 1 ? '' : 's'}: ${a.scenarios.map((s) => `\`${s}\``).join(', ')}.`, '');
  out.push(
    `Deals: ${a.deals} of ${a.games} (${pct(a.dealRate)}). Outcomes: ${Object.entries(a.reasons)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. The talks lasted ${a.meanRounds.toFixed(1)} rounds on average (until the signature, or until they ended without one).`,
    '',
  );
  if (a.deals > 0) {
    out.push(
      `Deals on the Pareto frontier: ${a.paretoOptimalDeals} of ${a.deals}.${a.meanNashDistance !== undefined ? ` Mean distance from the Nash bargaining point: ${fmt(a.meanNashDistance)} (utility units).` : ''}`,
      '',
    );
  }
  out.push('## Scores by party', '', '| party | games | as player | mean score | mean utility |', '|---|---:|---:|---:|---:|');
  for (const p of a.parties) out.push(`| ${cell(p.name)} | ${p.games} | ${p.humanGames} | ${p.meanScore.toFixed(1)} | ${fmt(p.meanUtility)} |`);
  out.push('');
  if (a.commonTerms.length > 0) {
    out.push('## The most common terms', '', '| issue | most agreed option | share of deals |', '|---|---|---:|');
    for (const t of a.commonTerms) out.push(`| ${cell(t.issueName)} | ${cell(t.optionLabel)} | ${pct(t.share)} |`);
    out.push('');
  }
  out.push('## Games', '', '| scenario | seed | outcome | rounds of talks | scores |', '|---|---:|---|---:|---|');
  for (const r of a.rows) {
    out.push(
      `| ${r.scenarioId} | ${r.seed} | ${r.outcome} | ${r.rounds} | ${Object.entries(r.scores)
        .map(([id, s]) => `${id} ${s.toFixed(1)}`)
        .join(', ')} |`,
    );
  }
  out.push('');
  return inertMarkdown(out.join('\n'));
}
