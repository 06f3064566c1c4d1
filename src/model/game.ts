// A scenario compiled for play: ids resolved to indices and preferences to arrays, so the hot loop (utility,
// AI search) does arithmetic instead of look-ups. Built once per scenario; never changes during a game.
import type { Setting } from './setting.js';
import type { Party, Scenario } from '../scenario/schema.js';
import type { PartyId, RawPreferences, Terms, World } from './types.js';

export interface Preferences {
  /** Weight per issue index, summing to 1. */
  weights: number[];
  /** values[issue][option] in [0, 1]. */
  values: number[][];
  /** The lowest and highest utility any package can give this party (for normalising). */
  min: number;
  max: number;
  reservation: number;
  /** redLine[issue][option]: the party never signs a package with this option. */
  redLine: boolean[][];
  /** Combinations the party never signs: option `option` of `issue` together with option `withOption` of `with`. */
  redPairs: RedPair[];
  discount: number;
}

/** A conditional red line: never option `option` of `issue` together with option `withOption` of issue `with`. */
export interface RedPair {
  issue: number;
  option: number;
  with: number;
  withOption: number;
}

/** Which red line a package crosses: an option, or a combination of two. */
export interface RedLineCrossed {
  issue: number;
  option: number;
  with?: { issue: number; option: number };
}

export interface PublicIssue {
  id: string;
  name: string;
  kind: string;
  options: { id: string; label: string }[];
  signatories: PartyId[];
}

export interface PublicParty {
  id: PartyId;
  name: string;
  leader: string;
  colour: string;
  playable: boolean;
  /** Set for a mediator, which runs the single text and signs nothing. */
  role?: 'mediator';
  envoys: { id: string; name: string }[];
  levers: { id: string; label: string; target: PartyId }[];
  /** The channels it may use. */
  channels: string[];
  postures: Record<string, string>;
}

/** What every player may know about the game's structure: no private preferences. */
export interface PublicGame {
  scenarioId: string;
  title: string;
  startDate: string;
  /** What is at stake without a deal: a war, or a dispute in peacetime (model/setting.ts). */
  setting: Setting;
  /** Powers not at the table that hold or occupy territory: named on the map, nowhere else. */
  outsiders: { id: string; name: string; colour: string }[];
  roundDays: number;
  rounds: number;
  deadlines: { round: number; label: string }[];
  issues: PublicIssue[];
  parties: PublicParty[];
  /** Every party whose signature a deal needs, in turn order. */
  signatories: PartyId[];
}

export interface Game {
  scenario: Scenario;
  public: PublicGame;
  partyIds: PartyId[];
  party: Record<PartyId, Party>;
  prefs: Record<PartyId, Preferences>;
  /** The parties that bargain for themselves: every party but a mediator (analysis measures deals by them). */
  bargainers: PartyId[];
  /** Total area of the territories, for area-weighted control. */
  totalArea: number;
}

/**
 * A mediator's preferences: the parties' average utility, itself linear and additive (weight the mean of their
 * weights, each option the mean of what it is worth to them). No red lines: a mediator signs nothing.
 */
export function mediatorPreferences(parties: readonly Preferences[]): Preferences {
  const n = Math.max(1, parties.length);
  const issues = parties[0]?.weights.length ?? 0;
  const weights = Array.from({ length: issues }, (_, i) => parties.reduce((a, p) => a + p.weights[i]!, 0) / n);
  const values = Array.from({ length: issues }, (_, i) =>
    (parties[0]?.values[i] ?? []).map((_, o) => (weights[i]! > 0 ? parties.reduce((a, p) => a + p.weights[i]! * p.values[i]![o]!, 0) / n / weights[i]! : 0)),
  );
  let min = 0;
  let max = 0;
  weights.forEach((w, i) => {
    min += w * Math.min(...values[i]!);
    max += w * Math.max(...values[i]!);
  });
  return {
    weights,
    values,
    min,
    max,
    reservation: parties.reduce((a, p) => a + p.reservation, 0) / n,
    redLine: values.map((row) => row.map(() => false)),
    redPairs: [],
    discount: 1,
  };
}

export function compilePreferences(scenario: Scenario, party: Party): Preferences {
  return compileRawPreferences(scenario, party.preferences!);
}

/** Preferences as a scenario writes them, compiled to arrays in the scenario's issue and option order. */
export function compileRawPreferences(scenario: Scenario, p: RawPreferences): Preferences {
  const rawWeights = scenario.issues.map((issue) => p.weights[issue.id] ?? 0);
  const sum = rawWeights.reduce((a, b) => a + b, 0);
  const weights = rawWeights.map((w) => (sum > 0 ? w / sum : 1 / rawWeights.length));
  const values = scenario.issues.map((issue) => issue.options.map((option) => p.values[issue.id]?.[option.id] ?? 0));
  const redLine = scenario.issues.map((issue) => issue.options.map((option) => p.redLines.some((r) => r.with === undefined && r.issue === issue.id && r.option === option.id)));
  const indexOf = (issue: string, option: string) => {
    const i = scenario.issues.findIndex((x) => x.id === issue);
    return [i, i < 0 ? -1 : scenario.issues[i]!.options.findIndex((o) => o.id === option)] as const;
  };
  const redPairs: RedPair[] = p.redLines.flatMap((r) => {
    if (r.with === undefined) return [];
    const [issue, option] = indexOf(r.issue, r.option);
    const [other, withOption] = indexOf(r.with.issue, r.with.option);
    return issue < 0 || option < 0 || other < 0 || withOption < 0 ? [] : [{ issue, option, with: other, withOption }];
  });
  let min = 0;
  let max = 0;
  weights.forEach((w, i) => {
    const row = values[i] ?? [];
    min += w * Math.min(...row);
    max += w * Math.max(...row);
  });
  return { weights, values, min, max, reservation: p.reservation, redLine, redPairs, discount: p.discount };
}

export function compileGame(scenario: Scenario): Game {
  const partyIds = scenario.parties.map((p) => p.id);
  const party: Record<PartyId, Party> = {};
  const prefs: Record<PartyId, Preferences> = {};
  for (const p of scenario.parties) {
    party[p.id] = p;
    if (p.role !== 'mediator') prefs[p.id] = compilePreferences(scenario, p);
  }
  const bargaining = scenario.parties.filter((p) => p.role !== 'mediator').map((p) => prefs[p.id]!);
  for (const p of scenario.parties) if (p.role === 'mediator') prefs[p.id] = mediatorPreferences(bargaining);
  const signatories = partyIds.filter((id) => scenario.issues.some((issue) => issue.signatories.includes(id)));
  const pub: PublicGame = {
    scenarioId: scenario.meta.id,
    title: scenario.meta.title,
    startDate: scenario.meta.date,
    setting: scenario.meta.setting,
    outsiders: scenario.outsiders.map((o) => ({ id: o.id, name: o.name, colour: o.colour })),
    roundDays: scenario.calendar.roundDays,
    rounds: scenario.calendar.rounds,
    deadlines: scenario.calendar.deadlines,
    issues: scenario.issues.map((issue) => ({
      id: issue.id,
      name: issue.name,
      kind: issue.kind,
      options: issue.options.map((o) => ({ id: o.id, label: o.label })),
      signatories: issue.signatories,
    })),
    parties: scenario.parties.map((p) => ({
      id: p.id,
      name: p.name,
      leader: p.leader,
      colour: p.colour,
      playable: p.playable,
      ...(p.role === 'mediator' ? { role: 'mediator' as const } : {}),
      envoys: p.envoys.map((e) => ({ id: e.id, name: e.name })),
      levers: p.levers.map((l) => ({ id: l.id, label: l.label, target: l.target })),
      channels: [...p.channels],
      postures: Object.fromEntries(Object.entries(p.postures.states).map(([k, v]) => [k, v.label])),
    })),
    signatories,
  };
  const totalArea = scenario.territories.reduce((a, t) => a + t.area, 0);
  const bargainers = partyIds.filter((id) => party[id]!.role !== 'mediator');
  return { scenario, public: pub, partyIds, party, prefs, bargainers, totalArea };
}

/** Raw utility: the weighted sum of option values, in [0, 1]. */
export function utility(prefs: Preferences, terms: Terms): number {
  let u = 0;
  const { weights, values } = prefs;
  for (let i = 0; i < weights.length; i++) {
    u += weights[i]! * values[i]![terms[i]!]!;
  }
  return u;
}

/** Whether two packages pick the same option on every issue. */
export function sameTerms(a: Terms, b: Terms): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the package crosses one of the party's red lines (an option, or a combination). */
export function crossesRedLine(prefs: Preferences, terms: Terms): boolean {
  return redLineCrossed(prefs, terms) !== undefined;
}

/** The first of the party's red lines the package crosses: an option it never signs, or a combination. */
export function redLineCrossed(prefs: Preferences, terms: Terms): RedLineCrossed | undefined {
  for (let i = 0; i < terms.length; i++) {
    if (prefs.redLine[i]![terms[i]!]) return { issue: i, option: terms[i]! };
  }
  for (const r of prefs.redPairs) {
    if (terms[r.issue] === r.option && terms[r.with] === r.withOption) return { issue: r.issue, option: r.option, with: { issue: r.with, option: r.withOption } };
  }
  return undefined;
}

/** The package this party likes best (ignoring everyone else). */
export function idealTerms(prefs: Preferences): number[] {
  return prefs.values.map((row) => row.indexOf(Math.max(...row)));
}

/** Score of an outcome utility against a baseline BATNA, in [-100, 100]: 0 is as good as no deal. */
export function score(utilityValue: number, baseline: number): number {
  const gain = utilityValue - baseline;
  const room = gain >= 0 ? 1 - baseline : baseline;
  if (room <= 1e-9) return 0;
  return Math.round((gain / room) * 1000) / 10;
}

/** Turns option ids into terms; unknown ids throw (callers validate first). */
export function termsFromIds(game: Game, ids: Record<string, string>): number[] {
  return game.scenario.issues.map((issue) => {
    const index = issue.options.findIndex((o) => o.id === ids[issue.id]);
    if (index < 0) throw new Error(`no option "${ids[issue.id]}" for issue "${issue.id}"`);
    return index;
  });
}

/** What a host offers at a meeting: the options it names, and its ideal option on every issue it leaves out. */
export function offeredTerms(game: Game, host: PartyId, offered: Record<string, string>): number[] {
  const ideal = idealTerms(game.prefs[host]!);
  return game.scenario.issues.map((issue, i) => {
    const chosen = issue.options.findIndex((o) => o.id === offered[issue.id]);
    return chosen >= 0 ? chosen : ideal[i]!;
  });
}

export function termsToIds(game: Game, terms: Terms): Record<string, string> {
  const out: Record<string, string> = {};
  game.scenario.issues.forEach((issue, i) => {
    out[issue.id] = issue.options[terms[i]!]!.id;
  });
  return out;
}

const changedCache = new WeakMap<Record<PartyId, RawPreferences>, Record<PartyId, Preferences>>();

/**
 * A party's preferences now: as the scenario has them, or as an event changed them (World.preferences). A
 * mediator's follow the parties' (their average), so an event that changes a party changes the mediator too.
 */
export function prefsOf(game: Game, world: World, party: PartyId): Preferences {
  const changed = world.preferences;
  if (changed === undefined) return game.prefs[party]!;
  let compiled = changedCache.get(changed);
  if (!compiled) {
    compiled = {};
    for (const id of game.bargainers) compiled[id] = changed[id] ? compileRawPreferences(game.scenario, changed[id]) : game.prefs[id]!;
    const mediated = mediatorPreferences(game.bargainers.map((id) => compiled![id]!));
    for (const id of game.partyIds) if (!game.bargainers.includes(id)) compiled[id] = mediated;
    changedCache.set(changed, compiled);
  }
  return compiled[party]!;
}
