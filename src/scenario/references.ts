// The rules the schema cannot express: unique ids, references to things that exist, dates on the calendar.
import { isWebAddress } from './clean-text.js';
import { closest } from './did-you-mean.js';
import { arr, isRec, rec, ReferenceReport, str, type IdSet } from './id-sets.js';
import type { DataPath, ReferenceProblem } from './load.js';
import { checkPartyPreferences, checkPreferenceChange } from './references-preferences.js';
import { q } from './schema-problems.js';

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const BOUNDS = ['gte', 'lte', 'gt', 'lt', 'eq'];

/**
 * The rules the schema cannot express: every id is unique where it must be and every reference names
 * something that exists (parties, issues, options, territories, events, postures), with "did you mean".
 * Takes a parsed Scenario, but reads defensively so that the loader can also run it on data that failed the
 * schema: whatever it cannot read, it skips.
 */
export function checkReferences(scenario: unknown): ReferenceProblem[] {
  const root = rec(scenario);

  const checker = new ReferenceReport();
  const report = checker.report.bind(checker);
  const collect = checker.collect.bind(checker);
  const ref = checker.ref.bind(checker);

  const parties = arr(root.parties);
  // Somebody must be able to sit at the table.
  if (parties.length > 0 && parties.every((p) => rec(p).playable === false)) report(['parties'], 'no party is playable: set playable: true (the default) on at least one');
  const issues = arr(root.issues);
  const territories = arr(root.territories);
  const events = arr(root.events);
  const partySet = collect(root.parties, ['parties'], 'party', 'parties');
  const issueSet = collect(root.issues, ['issues'], 'issue', 'issues');
  const territorySet = collect(root.territories, ['territories'], 'territory', 'territories');
  const eventSet = collect(root.events, ['events'], 'event', 'events');
  const meetingSet = collect(root.meetings, ['meetings'], 'meeting', 'meetings');
  // Who can hold a territory: the parties, and the powers not at the table.
  const outsiderSet = collect(root.outsiders, ['outsiders'], 'outsider', 'outsiders');
  for (const id of outsiderSet.ids) if (partySet.ids.includes(id)) report(['outsiders'], `${q(id)} is a party at the table; an outsider is a power that is not`);
  const outsiders = outsiderSet.ids.length > 0;
  const holderSet: IdSet = {
    noun: outsiders ? 'party or outsider' : 'party',
    plural: outsiders ? 'parties and outsiders' : 'parties',
    ids: [...partySet.ids, ...outsiderSet.ids],
    complete: partySet.complete && outsiderSet.complete,
  };
  // A scenario needs parties and issues (the schema says so): without any, references to them are not news.
  if (partySet.ids.length === 0) partySet.complete = false;
  if (issueSet.ids.length === 0) issueSet.complete = false;

  const optionSets = new Map<string, IdSet>();
  issues.forEach((issue, i) => {
    const id = str(rec(issue).id);
    const of = id === undefined ? undefined : `of issue ${q(id)}`;
    const set = collect(rec(issue).options, ['issues', i, 'options'], 'option', 'options', of);
    if (id !== undefined && !optionSets.has(id)) optionSets.set(id, set);
  });

  const postureSets = new Map<string, IdSet>();
  for (const party of parties) {
    const id = str(rec(party).id);
    const states = rec(party).postures === undefined ? undefined : rec(rec(party).postures).states;
    if (id === undefined || postureSets.has(id)) continue;
    postureSets.set(id, {
      noun: 'posture',
      plural: 'postures',
      of: `of party ${q(id)}`,
      ids: Object.keys(rec(states)),
      complete: isRec(states),
    });
  }

  const comparison = (body: unknown, path: DataPath) => {
    if (isRec(body) && !BOUNDS.some((b) => body[b] !== undefined)) {
      report(path, `a comparison needs at least one of ${BOUNDS.join(', ')}`, 'key');
    }
  };

  /** A trust relation: `toward` must be another party. */
  const toward = (value: unknown, who: string | undefined, path: DataPath) => {
    if (value !== undefined && value === who) report(path, `a party has no trust toward itself: "toward" must be another party`);
    else ref(value, partySet, path);
  };

  /** `self`: the party whose transitions hold the condition (a party may then be left out); none in events. */
  const condition = (c: unknown, path: DataPath, self: string | undefined): void => {
    if (!isRec(c)) return;
    const keys = Object.keys(c);
    if (keys.length !== 1) return;
    const kind = keys[0]!;
    const body = c[kind];
    const b = rec(body);
    const bp = [...path, kind];
    const who = (): string | undefined => {
      if (!isRec(body)) return undefined;
      if (b.party === undefined) {
        if (self === undefined) report(bp, `party is required here (only a party's own transitions may leave it out)`, 'key');
        return self;
      }
      return ref(b.party, partySet, [...bp, 'party']) ? b.party : undefined;
    };
    switch (kind) {
      case 'round':
        comparison(body, bp);
        break;
      case 'control':
        ref(b.territory, territorySet, [...bp, 'territory']);
        comparison(body, bp);
        break;
      case 'pressure':
      case 'batna':
      case 'credibility':
        who();
        comparison(body, bp);
        break;
      case 'trust':
        toward(b.toward, who(), [...bp, 'toward']);
        comparison(body, bp);
        break;
      case 'offer':
        who();
        if (b.from !== undefined) ref(b.from, partySet, [...bp, 'from']);
        comparison(body, bp);
        break;
      case 'posture': {
        const party = who();
        const set = party === undefined ? undefined : postureSets.get(party);
        if (set) ref(b.is, set, [...bp, 'is']);
        break;
      }
      case 'walkedOut':
        ref(body, partySet, bp);
        break;
      case 'event':
        ref(body, eventSet, bp);
        break;
      case 'meeting':
        ref(body, meetingSet, bp);
        break;
      case 'all':
      case 'any':
        arr(body).forEach((inner, k) => condition(inner, [...bp, k], self));
        break;
      case 'not':
        condition(body, bp, self);
        break;
    }
  };

  const effect = (e: unknown, path: DataPath): void => {
    if (!isRec(e)) return;
    const keys = Object.keys(e);
    if (keys.length !== 1) return;
    const kind = keys[0]!;
    const b = rec(e[kind]);
    const bp = [...path, kind];
    switch (kind) {
      case 'pressure':
      case 'batna':
      case 'credibility':
        ref(b.party, partySet, [...bp, 'party']);
        break;
      case 'trust':
        ref(b.party, partySet, [...bp, 'party']);
        toward(b.toward, str(b.party), [...bp, 'toward']);
        break;
      case 'control':
        ref(b.territory, territorySet, [...bp, 'territory']);
        if (isRec(e[kind]) && b.add === undefined && b.set === undefined) report(bp, 'a control effect needs "add" or "set"', 'key');
        if (b.add !== undefined && b.set !== undefined) report(bp, 'a control effect takes "add" or "set", not both', 'key');
        break;
      case 'preferences':
        if (ref(b.party, partySet, [...bp, 'party'])) {
          const mediator = rec(parties.find((p) => rec(p).id === b.party)).role === 'mediator';
          checkPreferenceChange(checker, b, bp, mediator, issueSet, optionSets);
        }
        break;
      case 'check':
        ref(b.party, partySet, [...bp, 'party']);
        if (b.meeting !== undefined) ref(b.meeting, meetingSet, [...bp, 'meeting']);
        break;
      case 'brief': {
        const known = ref(b.party, partySet, [...bp, 'party']);
        ref(b.meeting, meetingSet, [...bp, 'meeting']);
        arr(b.to).forEach((id, k) => ref(id, partySet, [...bp, 'to', k]));
        if (b.envoy !== undefined && known) {
          const ids = arr(parties.map(rec).find((p) => p.id === b.party)?.envoys)
            .map((x) => str(rec(x).id))
            .filter((id): id is string => id !== undefined);
          ref(b.envoy, { noun: 'envoy', plural: 'envoys', ids, complete: true, of: `of ${q(String(b.party))}` }, [...bp, 'envoy']);
        }
        break;
      }
    }
  };

  // Meta: the date must exist on the calendar (the schema checks only its shape).
  const date = str(rec(root.meta).date);
  const ymd = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
      report(['meta', 'date'], `${q(date!)} is not a date on the calendar`);
    }
  }

  // Sources: a web address (http or https) a reader can open, nothing a report could turn into a script; ids
  // unique, and every event's `source` one of them.
  // (A source needs an id only to be cited, so one without an id leaves the list complete.)
  const sourceIds: string[] = [];
  arr(rec(root.meta).sources).forEach((source, k) => {
    const id = str(rec(source).id);
    if (id === undefined) return;
    if (sourceIds.includes(id)) report(['meta', 'sources', k, 'id'], `duplicate source id ${q(id)}`);
    else sourceIds.push(id);
  });
  const sourceSet: IdSet = { noun: 'source', plural: 'sources', ids: sourceIds, complete: Array.isArray(rec(root.meta).sources) || rec(root.meta).sources === undefined };
  const cites = (cited: unknown, path: DataPath) => {
    if (cited === undefined) return;
    if (Array.isArray(cited)) cited.forEach((c, j) => ref(c, sourceSet, [...path, 'source', j]));
    else ref(cited, sourceSet, [...path, 'source']);
  };
  arr(root.events).forEach((event, k) => cites(rec(event).source, ['events', k]));
  parties.forEach((party, k) => cites(rec(party).source, ['parties', k]));
  for (const id of Object.keys(rec(rec(rec(root.meta).lesson).seats))) ref(id, partySet, ['meta', 'lesson', 'seats', id], 'key');
  arr(rec(root.meta).sources).forEach((source, k) => {
    const url = str(rec(source).url);
    if (url !== undefined && !isWebAddress(url)) report(['meta', 'sources', k, 'url'], `${q(url)} is not a web address (http:// or https://, no spaces)`);
  });

  // Calendar
  const calendar = rec(root.calendar);
  const rounds = calendar.rounds;
  if (typeof rounds === 'number') {
    arr(calendar.deadlines).forEach((d, i) => {
      const round = rec(d).round;
      if (typeof round === 'number' && round > rounds) {
        report(['calendar', 'deadlines', i, 'round'], `deadline round ${round} is after the last round (calendar.rounds is ${rounds})`);
      }
    });
  }

  // Territories
  territories.forEach((t, i) => {
    const r = rec(t);
    const path = ['territories', i];
    const occupier = ref(r.occupier, holderSet, [...path, 'occupier']);
    if (occupier && r.holder === r.occupier) report([...path, 'holder'], `holder and occupier are the same party ${q(r.occupier as string)}`);
    else ref(r.holder, holderSet, [...path, 'holder']);
  });

  // Issues
  issues.forEach((issue, i) => {
    const r = rec(issue);
    const path = ['issues', i];
    if (r.territory !== undefined) ref(r.territory, territorySet, [...path, 'territory']);
    const seen = new Set<string>();
    arr(r.signatories).forEach((s, k) => {
      if (!ref(s, partySet, [...path, 'signatories', k])) return;
      if (seen.has(s)) report([...path, 'signatories', k], `party ${q(s)} is listed twice`);
      seen.add(s);
    });
    arr(r.options).forEach((o, j) => arr(rec(o).effects).forEach((e, k) => effect(e, [...path, 'options', j, 'effects', k])));
  });

  // Parties
  parties.forEach((party, i) => {
    const r = rec(party);
    const self = str(r.id);
    const path: DataPath = ['parties', i];

    for (const key of Object.keys(rec(r.trust))) {
      if (key === self) report([...path, 'trust', key], `a party has no trust toward itself: remove ${q(key)}`, 'key');
      else ref(key, partySet, [...path, 'trust', key], 'key');
    }

    checkPartyPreferences(checker, r, path, issues, issueSet, optionSets);

    const postures = rec(r.postures);
    const mp = [...path, 'postures'];
    const states = isRec(postures.states) ? postures.states : undefined;
    const ownPostures: IdSet = {
      noun: 'posture',
      plural: 'postures',
      ...(self === undefined ? {} : { of: `of party ${q(self)}` }),
      ids: Object.keys(states ?? {}),
      complete: states !== undefined,
    };
    for (const key of Object.keys(states ?? {})) {
      if (!ID_PATTERN.test(key)) {
        report([...mp, 'states', key], `posture ids are lower-case letters, digits and dashes, starting with a letter (got ${q(key)})`, 'key');
      }
    }
    ref(postures.initial, ownPostures, [...mp, 'initial']);
    arr(postures.transitions).forEach((t, k) => {
      const tr = rec(t);
      const tp = [...mp, 'transitions', k];
      if (tr.from !== '*') ref(tr.from, ownPostures, [...tp, 'from']);
      ref(tr.to, ownPostures, [...tp, 'to']);
      condition(tr.when, [...tp, 'when'], self);
    });

    const envoys = arr(r.envoys);
    collect(r.envoys, [...path, 'envoys'], 'envoy', 'envoys');
    envoys.forEach((envoy, k) => {
      const bias = rec(envoy).bias;
      if (typeof bias !== 'string' || bias === 'optimistic' || bias === 'pessimistic' || partySet.ids.includes(bias)) return;
      if (!partySet.complete) return;
      const suggestion = closest(bias, ['optimistic', 'pessimistic', ...partySet.ids]);
      report([...path, 'envoys', k, 'bias'], `unknown bias ${q(bias)}: use "optimistic", "pessimistic" or a party id${suggestion ? ` — did you mean ${q(suggestion)}?` : ''}`);
    });

    // A posture may only prefer a channel its party can use (and an envoy channel needs an envoy).
    const channels = r.channels === undefined ? ['direct', 'envoy', 'public', 'relay', 'readout'] : arr(r.channels);
    for (const [id, posture] of Object.entries(rec(postures.states))) {
      const channel = rec(rec(posture).strategy).channel;
      if (typeof channel !== 'string') continue;
      const cp = [...mp, 'states', id, 'strategy', 'channel'];
      if (!channels.includes(channel)) report(cp, `${q(self ?? '?')} cannot use the ${q(channel)} channel (its channels: ${channels.join(', ') || 'none'})`);
      else if (channel === 'envoy' && envoys.length === 0) report(cp, `the envoy channel needs an envoy, and ${q(self ?? '?')} has none`);
    }
    // A posture that names the envoy it sends names one of its own.
    const ownEnvoys: IdSet = {
      noun: 'envoy',
      plural: 'envoys',
      ids: envoys.map((e) => str(rec(e).id)).filter((id): id is string => id !== undefined),
      complete: true,
      of: `of ${q(self ?? '?')}`,
    };
    for (const [id, posture] of Object.entries(rec(postures.states))) {
      const envoy = rec(rec(posture).strategy).envoy;
      if (envoy !== undefined) ref(envoy, ownEnvoys, [...mp, 'states', id, 'strategy', 'envoy']);
    }

    const levers = arr(r.levers);
    collect(r.levers, [...path, 'levers'], 'lever', 'levers');
    levers.forEach((lever, k) => {
      const target = rec(lever).target;
      const lp = [...path, 'levers', k, 'target'];
      if (self !== undefined && target === self) report(lp, `a lever must target another party, not its own (${q(self)})`);
      else ref(target, partySet, lp);
    });
  });

  // Dynamics
  const dynamics = rec(root.dynamics);
  arr(dynamics.front).forEach((f, i) => ref(rec(f).territory, territorySet, ['dynamics', 'front', i, 'territory']));
  arr(dynamics.perRound).forEach((p, i) => ref(rec(p).party, partySet, ['dynamics', 'perRound', i, 'party']));
  for (const key of Object.keys(rec(dynamics.controlToBatna))) ref(key, partySet, ['dynamics', 'controlToBatna', key], 'key');

  // Meetings: who meets whom, through which envoy, and the offer put on the table.
  const calendarRounds = rec(root.calendar).rounds;
  arr(root.meetings).forEach((meeting, i) => {
    const r = rec(meeting);
    const mp: DataPath = ['meetings', i];
    ref(r.host, partySet, [...mp, 'host']);
    const guestKnown = ref(r.guest, partySet, [...mp, 'guest']);
    if (typeof r.host === 'string' && r.host === r.guest) report([...mp, 'guest'], 'a meeting needs two different parties');
    if (typeof calendarRounds === 'number' && typeof r.round === 'number' && r.round > calendarRounds) {
      report([...mp, 'round'], `round ${r.round} is after the last round (${calendarRounds})`);
    }
    if (r.envoy !== undefined && guestKnown) {
      const guest = parties.map(rec).find((p) => p.id === r.guest);
      const ids = arr(guest?.envoys)
        .map((e) => str(rec(e).id))
        .filter((id): id is string => id !== undefined);
      const envoySet: IdSet = { noun: 'envoy', plural: 'envoys', ids, complete: true, of: `of ${q(String(r.guest))}` };
      ref(r.envoy, envoySet, [...mp, 'envoy']);
    }
    for (const [issue, option] of Object.entries(rec(r.terms))) {
      if (!ref(issue, issueSet, [...mp, 'terms', issue], 'key')) continue;
      const options = optionSets.get(issue);
      if (options) ref(option, options, [...mp, 'terms', issue]);
    }
    arr(r.versions).forEach((version, k) => {
      const v = rec(version);
      const vp: DataPath = [...mp, 'versions', k];
      for (const [issue, option] of Object.entries(rec(v.terms))) {
        if (!ref(issue, issueSet, [...vp, 'terms', issue], 'key')) continue;
        const options = optionSets.get(issue);
        if (options) ref(option, options, [...vp, 'terms', issue]);
      }
      cites(v.source, vp);
    });
  });

  // Events
  events.forEach((event, i) => {
    const r = rec(event);
    condition(r.when, ['events', i, 'when'], undefined);
    arr(r.effects).forEach((e, k) => effect(e, ['events', i, 'effects', k]));
  });

  return checker.problems;
}
