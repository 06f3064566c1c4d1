// The cross-references of one party's preferences: weights and values of issues and options that exist, a
// value for every option of an issue that weighs, weights that add up, and red lines (conditional ones too)
// on options that exist.
import { closest } from './did-you-mean.js';
import { arr, rec, str, type IdSet, type Rec, type ReferenceReport } from './id-sets.js';
import type { DataPath } from './load.js';
import { q } from './schema-problems.js';

export function checkPreferences(c: ReferenceReport, prefs: Rec, pp: DataPath, issues: readonly unknown[], issueSet: IdSet, optionSets: ReadonlyMap<string, IdSet>): void {
  const weights = rec(prefs.weights);
  const values = rec(prefs.values);
  for (const key of Object.keys(weights)) c.ref(key, issueSet, [...pp, 'weights', key], 'key');
  // Weights are normalised by their sum: it must be a positive, finite number.
  const sum = Object.values(weights).reduce((total: number, w) => total + (typeof w === 'number' ? w : 0), 0);
  if (Object.keys(weights).length > 0 && !(Number.isFinite(sum) && sum > 0)) {
    c.report(
      [...pp, 'weights'],
      Number.isFinite(sum) ? 'the weights add up to 0: give at least one issue a weight above 0' : 'the weights are too large to add up: use numbers like 0.3 or 30',
    );
  }
  for (const [key, inner] of Object.entries(values)) {
    if (!c.ref(key, issueSet, [...pp, 'values', key], 'key')) continue;
    const options = optionSets.get(key);
    if (options) for (const option of Object.keys(rec(inner))) c.ref(option, options, [...pp, 'values', key, option], 'key');
  }
  for (const issue of issues) {
    const id = str(rec(issue).id);
    const weight = id === undefined ? undefined : weights[id];
    if (id === undefined || typeof weight !== 'number' || !(weight > 0)) continue;
    const given = rec(values[id]);
    const options = optionSets.get(id)?.ids ?? [];
    // A misspelt option id is reported as unknown, with its likely meaning: not also as a missing value.
    const meant = Object.keys(given)
      .filter((key) => !options.includes(key))
      .map((key) => closest(key, options));
    const missing = options.filter((option) => given[option] === undefined && !meant.includes(option));
    if (missing.length === 0) continue;
    c.report(
      values[id] === undefined ? [...pp, 'values'] : [...pp, 'values', id],
      `no value for ${missing.length === 1 ? 'option' : 'options'} ${missing.map(q).join(', ')} of issue ${q(id)} (its weight is ${weight})`,
      'key',
    );
  }
  arr(prefs.redLines).forEach((line, k) => {
    const l = rec(line);
    const lp = [...pp, 'redLines', k];
    if (!c.ref(l.issue, issueSet, [...lp, 'issue'])) return;
    const options = optionSets.get(l.issue);
    if (options) c.ref(l.option, options, [...lp, 'option']);
    if (l.with === undefined) return;
    // A conditional red line: never this option together with that one, on another issue.
    const w = rec(l.with);
    if (!c.ref(w.issue, issueSet, [...lp, 'with', 'issue'])) return;
    if (w.issue === l.issue) c.report([...lp, 'with', 'issue'], `a red line "with" another option names another issue, not ${q(String(l.issue))} again`);
    const withOptions = optionSets.get(w.issue);
    if (withOptions) c.ref(w.option, withOptions, [...lp, 'with', 'option']);
  });
}

/** A party's preferences, or — for a mediator — their absence, and that it signs nothing. */
export function checkPartyPreferences(c: ReferenceReport, party: Rec, path: DataPath, issues: readonly unknown[], issueSet: IdSet, optionSets: ReadonlyMap<string, IdSet>): void {
  const self = str(party.id);
  if (party.role === 'mediator') {
    if (party.preferences !== undefined) {
      c.report([...path, 'preferences'], "a mediator has no preferences of its own (it values a package by the parties' average): remove them, or make it a party", 'key');
    }
    issues.forEach((issue, k) => {
      const at = arr(rec(issue).signatories).indexOf(self);
      if (self !== undefined && at >= 0) c.report(['issues', k, 'signatories', at], `${q(self)} is a mediator: a mediator signs nothing`);
    });
  } else if (party.preferences === undefined) {
    c.report(path, `party ${q(self ?? String(path[path.length - 1]))} has no preferences: every party needs them (only a mediator, role: mediator, has none)`);
  } else {
    checkPreferences(c, rec(party.preferences), [...path, 'preferences'], issues, issueSet, optionSets);
  }
}

/** An event's `preferences` effect: issues and options that exist, and never a mediator's. */
export function checkPreferenceChange(c: ReferenceReport, change: Rec, bp: DataPath, mediator: boolean, issueSet: IdSet, optionSets: ReadonlyMap<string, IdSet>): void {
  if (mediator) {
    c.report([...bp, 'party'], `${q(str(change.party) ?? '')} is a mediator: its preferences are the parties' average, so change a party's instead`);
    return;
  }
  for (const issue of Object.keys(rec(change.weights))) c.ref(issue, issueSet, [...bp, 'weights', issue], 'key');
  for (const [issue, options] of Object.entries(rec(change.values))) {
    if (!c.ref(issue, issueSet, [...bp, 'values', issue], 'key')) continue;
    const set = optionSets.get(issue);
    if (set) for (const option of Object.keys(rec(options))) c.ref(option, set, [...bp, 'values', issue, option], 'key');
  }
  for (const list of ['add', 'remove'] as const) {
    arr(rec(change.redLines)[list]).forEach((line, k) => {
      const l = rec(line);
      const set = optionSets.get(str(l.issue) ?? '');
      if (c.ref(l.issue, issueSet, [...bp, 'redLines', list, k, 'issue']) && set) c.ref(l.option, set, [...bp, 'redLines', list, k, 'option']);
    });
  }
}
