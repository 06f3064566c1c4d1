// The teacher's debrief: what happened, how good it was against what was possible, and which concepts of
// negotiation analysis it shows, as plain data (types.ts). markdown.ts renders one game, aggregate.ts a class.
import { score, type Game, type Preferences } from '../../model/game.js';
import type { PartyId, World, LogLine } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import { concessionCurve, concessionSummary, issueTradeoffs, partyName } from '../bargaining.js';
import { egalitarianPoint, kalaiPoint, nashPoint } from '../bargaining-points.js';
import { isDominated } from '../dominance.js';
import { maxWelfare, paretoFrontier, utilities, type BargainingPoint } from '../frontier.js';
import { zopa } from '../zopa.js';
import { beliefNotes } from './beliefs.js';
import { contestedMeetings } from './contested.js';
import { paragraphs } from './text.js';
import { gameRecord } from './record.js';
import { assessMoves, keyMoments } from './moments.js';
import { distortionCounts, distortions, verification } from './said-and-heard.js';
import { signatureNotes } from './signatures.js';
import { byParty, termLines } from './terms.js';
import type { BenchmarkPoint, CommandRecord, Debrief, DebriefOptions, PartyResult, RevealedIssue, RevealedPreferences, TermLine, TradeoffSummary, ZopaSummary } from './types.js';

// ── hidden preferences ───────────────────────────────────────────────────────────────────────────────────

function reveal(game: Game, world: World, id: PartyId): RevealedPreferences {
  const prefs = game.prefs[id]!;
  const issues: RevealedIssue[] = game.scenario.issues.map((issue, i) => ({
    issue: issue.id,
    name: cleanText(issue.name),
    weight: prefs.weights[i] ?? 0,
    options: issue.options
      .map((o, k) => ({ option: o.id, label: cleanText(o.label), value: prefs.values[i]?.[k] ?? 0, redLine: prefs.redLine[i]?.[k] === true }))
      .sort((a, b) => b.value - a.value),
  }));
  const ideal = prefs.values.map((row) => row.indexOf(Math.max(...row)));
  const redLines: TermLine[] = [];
  game.scenario.issues.forEach((issue, i) => {
    issue.options.forEach((o, k) => {
      if (prefs.redLine[i]?.[k]) redLines.push({ issue: issue.id, issueName: cleanText(issue.name), option: o.id, optionLabel: cleanText(o.label) });
    });
  });
  for (const r of prefs.redPairs) {
    const issue = game.scenario.issues[r.issue]!;
    const other = game.scenario.issues[r.with]!;
    redLines.push({
      issue: issue.id,
      issueName: cleanText(issue.name),
      option: issue.options[r.option]!.id,
      optionLabel: cleanText(`${issue.options[r.option]!.label}, together with ${other.name}: ${other.options[r.withOption]!.label}`),
    });
  }
  return {
    party: id,
    name: partyName(game.public, id),
    reservation: prefs.reservation,
    endBatna: world.parties[id]?.batna ?? prefs.reservation,
    discount: prefs.discount,
    issues: issues.sort((a, b) => b.weight - a.weight),
    ideal: termLines(game, ideal),
    redLines,
  };
}

// ── the debrief ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * The data of the teacher's debrief for one game: `world` is the final World, `commands` every accepted
 * command in order, `log` the full log (World keeps only recent lines). Benchmarks exclude packages that cross
 * anyone's red line (nobody could sign them); the Nash and Kalai points use each party's scoring baseline as
 * its disagreement point; utilities are not discounted for time.
 */
export function buildDebrief(game: Game, world: World, commands: readonly CommandRecord[], log: readonly LogLine[], opts: DebriefOptions = {}): Debrief {
  const ids = game.partyIds;
  const prefs: Preferences[] = ids.map((id) => game.prefs[id]!);
  const humans = new Set(opts.humans ?? []);
  const baselineKind = game.scenario.scoring.baseline;
  // Nothing moves a BATNA once an agreement is signed (ratification and implementation move no BATNA), so the
  // final world's BATNAs are those of the moment the talks ended.
  const endBatnas = ids.map((id, p) => world.parties[id]?.batna ?? prefs[p]!.reservation);
  const reservations = prefs.map((p) => p.reservation);
  const baselines = baselineKind === 'final-batna' ? endBatnas : reservations;

  const outcome = world.outcome;
  const dealTerms = outcome?.kind === 'deal' ? (outcome.terms ?? world.agreement?.terms) : undefined;
  const outcomeUtilities = dealTerms ? utilities(prefs, dealTerms) : endBatnas;

  const search = { ...opts.search, excludeRedLines: true };
  const frontier = paretoFrontier(prefs, search);
  const withFrontier = { ...search, frontier };

  const benchmark = (point: BargainingPoint | undefined): BenchmarkPoint | undefined =>
    point && {
      terms: point.terms,
      lines: termLines(game, point.terms),
      utilities: byParty(ids, point.utilities),
      scores: byParty(
        ids,
        point.utilities.map((u, p) => score(u, baselines[p]!)),
      ),
      versusOutcome: byParty(
        ids,
        point.utilities.map((u, p) => u - outcomeUtilities[p]!),
      ),
      exact: point.exact,
    };

  const zopaSummary = (batnas: number[]): ZopaSummary => {
    const z = zopa(prefs, batnas, withFrontier);
    return { batnas: byParty(ids, batnas), exists: z.exists, certain: z.certain, best: z.best && termLines(game, z.best), size: z.size };
  };

  const welfareTerms = maxWelfare(prefs, undefined, search);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const maxWelfareValue = welfareTerms ? sum(utilities(prefs, welfareTerms)) : sum(outcomeUtilities);

  const results: PartyResult[] = ids.map((id, p) => {
    const state = world.parties[id];
    const commitments = state?.commitments ?? [];
    return {
      party: id,
      name: partyName(game.public, id),
      human: humans.has(id),
      utility: outcomeUtilities[p]!,
      baseline: baselines[p]!,
      score: score(outcomeUtilities[p]!, baselines[p]!),
      initialBatna: reservations[p]!,
      endBatna: endBatnas[p]!,
      credibility: { start: game.party[id]?.credibility ?? 0, end: state?.credibility ?? 0 },
      commitments: { made: commitments.length, broken: commitments.filter((c) => c.broken).length },
      walkedOut: state?.status === 'walked-out',
    };
  });

  const concessions = ids.map((id) => {
    const offers = commands.flatMap((r) => (r.command.type === 'propose' && r.command.by === id ? [{ round: r.round, terms: r.command.terms }] : []));
    const curve = concessionCurve(game.prefs[id]!, offers);
    return { party: id, curve, summary: concessionSummary(curve) };
  });

  const tradeoffs: TradeoffSummary[] = issueTradeoffs(prefs).map((t) => ({
    a: ids[t.a]!,
    b: ids[t.b]!,
    logroll: t.logroll,
    issues: t.issues
      .filter((x) => x.opposed)
      .slice(0, 4)
      .map((x) => ({
        issue: game.scenario.issues[x.issue]!.id,
        name: cleanText(game.scenario.issues[x.issue]!.name),
        caresMore: ids[x.caresMore]!,
        ratio: Number.isFinite(x.ratio) ? x.ratio : null,
      })),
  }));

  // Every count of distortions comes from the one list.
  const said = distortions(game, world, log);
  const counts = distortionCounts(said);
  const checked = verification(game, world, said);
  const information = {
    messages: world.messages.length,
    viaEnvoy: world.messages.filter((m) => m.channel === 'envoy').length,
    distorted: counts.distorted,
    exposed: counts.exposed,
    misled: counts.misled,
    clarifications: checked.confirmed + checked.exposures.clarification,
    public: world.messages.filter((m) => m.channel === 'public').length,
    verification: checked,
  };

  const top = opts.topMoves ?? 3;
  const humanMoves = ids.filter((id) => humans.has(id)).map((id) => assessMoves(game, commands, id, opts.impacts?.[id], top));

  // The talks end when the agreement is signed (ratification and implementation follow), or without one.
  const maxRounds = game.public.rounds;
  const agreement = world.agreement;
  const signed = agreement !== undefined && agreement.signatories.every((id) => agreement.signed.includes(id));
  const lastRound = outcome?.round ?? world.round;
  const talkRounds = signed ? agreement.round : Math.min(lastRound, maxRounds);
  const meta = game.scenario.meta;

  const contested = contestedMeetings(game, world);
  return {
    scenarioId: meta.id,
    title: cleanText(meta.title),
    seed: world.seed,
    rounds: talkRounds,
    maxRounds,
    ...(signed ? { signedIn: agreement.round, afterSigning: Math.max(0, lastRound - agreement.round) } : {}),
    parties: ids.map((id) => ({ id, name: partyName(game.public, id), human: humans.has(id) })),
    outcome: {
      kind: outcome ? outcome.kind : 'unfinished',
      reason: outcome?.reason,
      round: outcome?.round ?? world.round,
      summary: cleanText(outcome?.summary ?? 'The game was not finished: scored as if talks ended now, without a deal.'),
      terms: dealTerms,
      lines: dealTerms && termLines(game, dealTerms),
    },
    baseline: baselineKind,
    results,
    disagreement: byParty(ids, baselines),
    frontier: {
      size: frontier.length,
      paretoOptimal: dealTerms ? paretoVerdict(prefs, dealTerms, search) : undefined,
      improvement: benchmark(egalitarianPoint(prefs, outcomeUtilities, withFrontier)),
      welfare: { outcome: sum(outcomeUtilities), max: maxWelfareValue, gap: Math.max(0, maxWelfareValue - sum(outcomeUtilities)) },
    },
    nash: benchmark(nashPoint(prefs, baselines, withFrontier)),
    kalai: benchmark(kalaiPoint(prefs, baselines, withFrontier)),
    zopa: { start: zopaSummary(reservations), end: zopaSummary(endBatnas) },
    concessions,
    tradeoffs,
    moments: keyMoments(game, world, commands, log),
    information,
    saidAndHeard: said,
    ratification: world.agreement && Object.keys(world.agreement.ratified).length > 0 ? { ...world.agreement.ratified } : undefined,
    humans: humanMoves,
    signatures: signatureNotes(game, world, humans),
    beliefs: beliefNotes(game, world, humans),
    contested,
    record: gameRecord(game, world, contested),
    revealed: ids.map((id) => reveal(game, world, id)),
    teacherNotes: paragraphs(meta.teacherNotes),
    sources: meta.sources.map((x) => ({
      ...(x.id !== undefined ? { id: x.id } : {}),
      title: cleanText(x.title),
      standing: x.standing,
      ...(x.url !== undefined ? { url: cleanText(x.url) } : {}),
      ...(x.note !== undefined ? { note: cleanText(x.note).trim() } : {}),
    })),
  };
}

/**
 * Whether no package is better for one party and no worse for any (red lines excluded): the exact search, the
 * measure simulate reports; undefined when it ran out of budget.
 */
function paretoVerdict(prefs: readonly Preferences[], terms: readonly number[], search: { excludeRedLines: boolean; nodeBudget?: number }): boolean | undefined {
  const dominated = isDominated(prefs, terms, search);
  return dominated === undefined ? undefined : !dominated;
}
