// Bargaining helpers the debrief and the UI share: BATNA gaps, concession curves, logrolling opportunities,
// and plain-words descriptions of packages and commands. Pure functions over Preferences, Terms and the
// public game structure.
import type { Preferences, PublicGame } from '../model/game.js';
import type { Command, PartyId, Terms } from '../model/types.js';
import { cleanText } from '../scenario/clean-text.js';
import { utilities } from './frontier.js';

// ── BATNA gaps ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Each party's utility for `terms` minus its BATNA (parties in the order given): positive means the package
 * beats no deal for that party, negative means it should walk away.
 */
export function batnaGaps(prefs: readonly Preferences[], batnas: readonly number[], terms: Terms): number[] {
  return utilities(prefs, terms).map((u, p) => u - (batnas[p] ?? 0));
}

// ── concession curves ────────────────────────────────────────────────────────────────────────────────────

export interface ConcessionPoint {
  round: number;
  /** The offer's utility in the offering party's own terms. */
  utility: number;
  /** Change from its previous offer: negative is a concession, positive a hardening. */
  step: number;
  /** How much it has given up since its first offer (first utility − this utility). */
  conceded: number;
}

/**
 * The utility, to the offering party itself, of its successive offers: how far and how fast it conceded.
 * `prefs` are that party's preferences and `offers` its own offers in the order made.
 */
export function concessionCurve(prefs: Preferences, offers: readonly { round: number; terms: Terms }[]): ConcessionPoint[] {
  const out: ConcessionPoint[] = [];
  let first: number | undefined;
  let previous: number | undefined;
  for (const offer of offers) {
    const u = utilities([prefs], offer.terms)[0]!;
    first ??= u;
    out.push({ round: offer.round, utility: u, step: previous === undefined ? 0 : u - previous, conceded: first - u });
    previous = u;
  }
  return out;
}

export type ConcessionStyle = 'none' | 'hardline' | 'conceder' | 'linear' | 'boulware';

export interface ConcessionSummary {
  offers: number;
  first?: number;
  last?: number;
  /** Utility given up from the first offer to the last (negative: it hardened). */
  conceded: number;
  /**
   * How it conceded, by when half of its total concession was made (rounds from its first offer to its last):
   * before 35 % of the way 'conceder', after 65 % 'boulware', else 'linear' (also with only two offers); under
   * 0.02 conceded 'hardline'; no offers 'none'. The same words as the AI policies (DESIGN §6).
   */
  style: ConcessionStyle;
}

export function concessionSummary(curve: readonly ConcessionPoint[]): ConcessionSummary {
  const firstPoint = curve[0];
  const lastPoint = curve[curve.length - 1];
  if (!firstPoint || !lastPoint) return { offers: 0, conceded: 0, style: 'none' };
  const conceded = firstPoint.utility - lastPoint.utility;
  const base = { offers: curve.length, first: firstPoint.utility, last: lastPoint.utility, conceded };
  if (conceded < 0.02) return { ...base, style: 'hardline' };
  // Two offers show how far, not how: call it linear.
  if (curve.length < 3) return { ...base, style: 'linear' };
  const span = lastPoint.round - firstPoint.round;
  const half = curve.find((c) => c.conceded >= conceded / 2) ?? lastPoint;
  const at = span > 0 ? (half.round - firstPoint.round) / span : curve.indexOf(half) / Math.max(1, curve.length - 1);
  return { ...base, style: at < 0.35 ? 'conceder' : at > 0.65 ? 'boulware' : 'linear' };
}

// ── issue trade-offs (logrolling) ────────────────────────────────────────────────────────────────────────

export interface IssueTradeoff {
  issue: number;
  /** Index of the party that cares more about this issue, and of the one that cares less. */
  caresMore: number;
  caresLess: number;
  /** What the issue can swing for each party of the pair: weight × (best − worst option value), as [a, b]. */
  stakes: [number, number];
  /** stakes of the one who cares more ÷ stakes of the other (Infinity when the other does not care at all). */
  ratio: number;
  /** Whether their favourite options differ: only then is there something to trade. */
  opposed: boolean;
}

export interface PairTradeoffs {
  /** Party indices, a < b. */
  a: number;
  b: number;
  /** Issues where one side cares at least `minRatio` times more than the other, highest ratio first. */
  issues: IssueTradeoff[];
  /**
   * Whether a logroll exists: an opposed issue a cares more about and an opposed issue b cares more about, so
   * each can concede where it cares less and both gain.
   */
  logroll: boolean;
}

/** How much an issue can swing a party's utility: weight × (best − worst option value). */
export function issueStakes(prefs: Preferences, issue: number): number {
  const row = prefs.values[issue] ?? [];
  if (row.length === 0) return 0;
  return (prefs.weights[issue] ?? 0) * (Math.max(...row) - Math.min(...row));
}

/**
 * For each pair of parties, the issues where one cares much more than the other (by stakes: weight × value
 * range, so an issue whose options a party finds equal counts as zero), ranked by the ratio — the logrolling
 * opportunities. Issues where neither cares are left out.
 */
export function issueTradeoffs(prefs: readonly Preferences[], opts: { minRatio?: number } = {}): PairTradeoffs[] {
  const minRatio = opts.minRatio ?? 2;
  const out: PairTradeoffs[] = [];
  const issues = prefs[0]?.weights.length ?? 0;
  for (let a = 0; a < prefs.length; a++) {
    for (let b = a + 1; b < prefs.length; b++) {
      const pa = prefs[a]!;
      const pb = prefs[b]!;
      const found: IssueTradeoff[] = [];
      for (let i = 0; i < issues; i++) {
        const sa = issueStakes(pa, i);
        const sb = issueStakes(pb, i);
        const hi = Math.max(sa, sb);
        const lo = Math.min(sa, sb);
        if (hi <= 1e-9) continue;
        const ratio = lo <= 1e-9 ? Infinity : hi / lo;
        if (ratio < minRatio) continue;
        const rowA = pa.values[i]!;
        const rowB = pb.values[i]!;
        const maxA = Math.max(...rowA);
        const maxB = Math.max(...rowB);
        // Opposed when no option is a favourite of both (a party indifferent on the issue opposes no one).
        const opposed = !rowA.some((v, o) => v >= maxA - 1e-9 && rowB[o]! >= maxB - 1e-9);
        found.push({ issue: i, caresMore: sa >= sb ? a : b, caresLess: sa >= sb ? b : a, stakes: [sa, sb], ratio, opposed });
      }
      found.sort((x, y) => y.ratio - x.ratio || y.stakes[0] + y.stakes[1] - (x.stakes[0] + x.stakes[1]) || x.issue - y.issue);
      const logroll = found.some((t) => t.opposed && t.caresMore === a) && found.some((t) => t.opposed && t.caresMore === b);
      out.push({ a, b, issues: found, logroll });
    }
  }
  return out;
}

// ── describing packages and commands ─────────────────────────────────────────────────────────────────────

/** A party's display name (its id when unknown). */
export function partyName(game: PublicGame, party: PartyId): string {
  return cleanText(game.parties.find((p) => p.id === party)?.name ?? game.outsiders.find((o) => o.id === party)?.name ?? party);
}

/** "Donetsk: freeze on the contact line". */
export function describeOption(game: PublicGame, issue: number, option: number): string {
  const i = game.issues[issue];
  if (!i) return `issue ${issue}: option ${option}`;
  return cleanText(`${i.name}: ${i.options[option]?.label ?? `option ${option}`}`);
}

/**
 * A party's red lines in words, one each: `Recognition: "De jure"`, or for a combination
 * `Security guarantees: "Article-5-like" together with Ukraine's army cap: "No cap"`.
 */
export function describeRedLines(game: PublicGame, prefs: Preferences): string[] {
  const out: string[] = [];
  prefs.redLine.forEach((row, i) => row.forEach((red, o) => red && out.push(describeOptionQuoted(game, i, o))));
  for (const r of prefs.redPairs) out.push(`${describeOptionQuoted(game, r.issue, r.option)} together with ${describeOptionQuoted(game, r.with, r.withOption)}`);
  return out;
}

/** The issues where `terms` cross a party's red lines (both issues of a combination, named together). */
export function redLinesCrossed(game: PublicGame, prefs: Preferences, terms: Terms): string[] {
  const out: string[] = [];
  terms.forEach((o, i) => {
    if (prefs.redLine[i]?.[o]) out.push(cleanText(game.issues[i]!.name));
  });
  for (const r of prefs.redPairs) {
    if (terms[r.issue] === r.option && terms[r.with] === r.withOption) out.push(cleanText(`${game.issues[r.issue]!.name} with ${game.issues[r.with]!.name}`));
  }
  return out;
}

function describeOptionQuoted(game: PublicGame, issue: number, option: number): string {
  const i = game.issues[issue];
  return cleanText(`${i?.name ?? `issue ${issue}`}: "${i?.options[option]?.label ?? `option ${option}`}"`);
}

/** One line per issue: "Donetsk: freeze on the contact line". */
export function describeTerms(game: PublicGame, terms: Terms): string[] {
  return terms.map((option, issue) => describeOption(game, issue, option));
}

/** One line per issue that differs: "Donetsk: full withdrawal → freeze on the contact line". */
export function describeChanges(game: PublicGame, from: Terms, to: Terms): string[] {
  const out: string[] = [];
  to.forEach((option, issue) => {
    if (from[issue] === option) return;
    const i = game.issues[issue];
    const label = (o: number | undefined) => (o === undefined ? '—' : (i?.options[o]?.label ?? `option ${o}`));
    out.push(cleanText(`${i?.name ?? `issue ${issue}`}: ${label(from[issue])} → ${label(option)}`));
  });
  return out;
}

/** A command in plain words, without its actor: "proposes a package to Russia (direct talks)". */
export function describeCommand(game: PublicGame, command: Command): string {
  const names = (ids: readonly PartyId[]) => ids.map((id) => partyName(game, id)).join(', ');
  switch (command.type) {
    case 'begin':
      return 'opens the talks';
    case 'propose': {
      const envoy = command.envoy === undefined ? undefined : (game.parties.find((p) => p.id === command.by)?.envoys.find((e) => e.id === command.envoy)?.name ?? command.envoy);
      const channel =
        command.channel === 'envoy' ? (envoy ? `through the envoy ${cleanText(envoy)}` : 'through an envoy') : command.channel === 'public' ? 'in public' : 'in direct talks';
      const to = command.to && command.to.length > 0 ? ` to ${names(command.to)}` : '';
      const reply = command.replyTo !== undefined ? `, answering package #${command.replyTo}` : '';
      return `proposes a package${to} ${channel}${reply}`;
    }
    case 'accept':
      return `accepts package #${command.proposal}`;
    case 'reject':
      return `rejects package #${command.proposal}`;
    case 'statement':
      return `declares in public: nothing less than ${describeOption(game, command.issue, command.option)}`;
    case 'clarify':
      return `asks for a clarification of m${command.message}`;
    case 'lever': {
      const party = game.parties.find((p) => p.id === command.by);
      const label = party?.levers.find((l) => l.id === command.lever)?.label ?? command.lever;
      return cleanText(`${command.apply ? 'applies' : 'lifts'} pressure: ${label}`);
    }
    case 'summit':
      return `meets ${partyName(game, command.with)} at a summit`;
    case 'walk-out':
      return 'walks out of the talks';
    case 'return':
      return 'comes back to the table';
    case 'pass':
      return 'waits';
    case 'sign':
      return 'signs the agreement';
    case 'refuse':
      return 'refuses to sign';
    case 'continue':
      return 'lets time run';
    default: {
      // Commands added later (e.g. engine-issued ones) still get a readable line.
      const other = command as { type: string };
      return other.type;
    }
  }
}

/** The acting party of a command, if it has one. */
export function commandActor(command: Command): PartyId | undefined {
  return 'by' in command ? command.by : undefined;
}
