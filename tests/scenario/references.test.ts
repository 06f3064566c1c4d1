import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem, parseScenario } from '../../src/scenario/load.js';
import { checkReferences } from '../../src/scenario/references.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';
import { edit, GOOD } from './fixture.js';

/** The fixture as author input, changed by `change`, parsed by the schema, then cross-checked. */
function check(change: (s: ScenarioInput) => void) {
  const input = parse(GOOD) as ScenarioInput;
  change(input);
  return checkReferences(Scenario.parse(input));
}

type Input = ScenarioInput;
const red = (s: Input) => s.parties[0]!;
const blue = (s: Input) => s.parties[1]!;

describe('checkReferences', () => {
  it('finds nothing wrong with the fixture', () => {
    expect(check(() => {})).toEqual([]);
  });

  it('takes only web addresses as sources, so no report can carry a javascript: link', () => {
    const found = check((s) => {
      s.meta.sources = [
        { title: 'ok', url: 'https://example.org/a' },
        { title: 'bad', url: 'javascript:alert(1)' },
        { title: 'worse', url: 'https://x.org/a b' },
      ];
    });
    expect(found).toEqual([
      { path: ['meta', 'sources', 1, 'url'], message: '"javascript:alert(1)" is not a web address (http:// or https://, no spaces)' },
      { path: ['meta', 'sources', 2, 'url'], message: '"https://x.org/a b" is not a web address (http:// or https://, no spaces)' },
    ]);
  });

  const cases: [string, (s: Input) => void, ReturnType<typeof checkReferences>][] = [
    [
      'a meeting with an unknown party, an envoy the guest does not have, and an unknown option',
      (s) => {
        s.meetings = [
          { id: 'talks', title: 'Talks', round: 2, host: 'red', guest: 'bleu', terms: {} },
          { id: 'kremlin', title: 'Kremlin', round: 99, host: 'red', guest: 'blue', envoy: 'ed', terms: { border: 'kep', tarde: 'open' } },
        ];
      },
      [
        { path: ['meetings', 0, 'guest'], message: 'unknown party "bleu" — did you mean "blue"?' },
        { path: ['meetings', 1, 'round'], message: 'round 99 is after the last round (8)' },
        { path: ['meetings', 1, 'envoy'], message: 'unknown envoy "ed" of "blue" (there are no envoys)' },
        { path: ['meetings', 1, 'terms', 'border'], message: 'unknown option "kep" of issue "border" — did you mean "keep"?' },
        { path: ['meetings', 1, 'terms', 'tarde'], message: 'unknown issue "tarde" — did you mean "trade"?', at: 'key' },
      ],
    ],
    [
      'a briefing and a clarification call with unknown parties, meetings and envoys',
      (s) => {
        s.events![0]!.effects = [{ brief: { party: 'bleu', meeting: 'kremlin', to: ['red', 'gren'], envoy: 'ed' } }, { check: { party: 'red', meeting: 'kremln' } }];
      },
      [
        { path: ['events', 0, 'effects', 0, 'brief', 'party'], message: 'unknown party "bleu" — did you mean "blue"?' },
        { path: ['events', 0, 'effects', 0, 'brief', 'meeting'], message: 'unknown meeting "kremlin" (there are no meetings)' },
        { path: ['events', 0, 'effects', 0, 'brief', 'to', 1], message: 'unknown party "gren" (parties: red, blue)' },
        { path: ['events', 0, 'effects', 1, 'check', 'meeting'], message: 'unknown meeting "kremln" (there are no meetings)' },
      ],
    ],
    [
      'a territory held by a power not at the table: an outsider, known by id, never a party too',
      (s) => {
        s.outsiders = [
          { id: 'green', name: 'Greenland' },
          { id: 'red', name: 'Red again' },
        ];
        s.territories![0]!.holder = 'green';
        s.territories![0]!.occupier = 'gren';
      },
      [
        { path: ['outsiders'], message: '"red" is a party at the table; an outsider is a power that is not' },
        { path: ['territories', 0, 'occupier'], message: 'unknown party or outsider "gren" — did you mean "green"?' },
      ],
    ],
    [
      'a condition naming a meeting that does not exist',
      (s) => {
        s.events![0]!.when = { meeting: 'kremlin' };
      },
      [{ path: ['events', 0, 'when', 'meeting'], message: 'unknown meeting "kremlin" (there are no meetings)' }],
    ],
    [
      'a posture preferring a channel its party cannot use',
      (s) => {
        blue(s).channels = ['direct', 'public'];
        blue(s).postures.states.wait!.strategy.channel = 'envoy';
        red(s).postures.states.hard!.strategy.channel = 'envoy';
        red(s).envoys = [];
      },
      [
        { path: ['parties', 0, 'postures', 'states', 'hard', 'strategy', 'channel'], message: 'the envoy channel needs an envoy, and "red" has none' },
        { path: ['parties', 1, 'postures', 'states', 'wait', 'strategy', 'channel'], message: '"blue" cannot use the "envoy" channel (its channels: direct, public)' },
      ],
    ],
    ['duplicate party id', (s) => void s.parties.push({ ...blue(s) }), [{ path: ['parties', 2, 'id'], message: 'duplicate party id "blue"' }]],
    [
      'duplicate issue, option, territory, event, envoy and lever ids',
      (s) => {
        s.issues[1]!.options.push({ id: 'open', label: 'Open again' });
        s.territories!.push({ ...s.territories![0]! });
        s.events!.push({ ...s.events![0]!, title: 'Again' });
        red(s).envoys!.push({ id: 'envoy', name: 'Al', fidelity: 1 });
        red(s).levers!.push({ id: 'gas', label: 'Gas again', target: 'blue' });
      },
      [
        { path: ['territories', 1, 'id'], message: 'duplicate territory id "east"' },
        { path: ['events', 1, 'id'], message: 'duplicate event id "summit"' },
        { path: ['issues', 1, 'options', 2, 'id'], message: 'duplicate option id "open" of issue "trade"' },
        { path: ['parties', 0, 'envoys', 1, 'id'], message: 'duplicate envoy id "envoy"' },
        { path: ['parties', 0, 'levers', 1, 'id'], message: 'duplicate lever id "gas"' },
      ],
    ],
    [
      'territory occupier and holder',
      (s) => {
        s.territories![0]!.occupier = 'rde';
        s.territories![0]!.holder = 'green';
      },
      [
        { path: ['territories', 0, 'occupier'], message: 'unknown party "rde" — did you mean "red"?' },
        { path: ['territories', 0, 'holder'], message: 'unknown party "green" (parties: red, blue)' },
      ],
    ],
    [
      'issue territory and signatories',
      (s) => {
        s.issues[0]!.territory = 'west';
        s.issues[0]!.signatories = ['red', 'blu', 'red'];
      },
      [
        { path: ['issues', 0, 'territory'], message: 'unknown territory "west" (territories: east)' },
        { path: ['issues', 0, 'signatories', 1], message: 'unknown party "blu" — did you mean "blue"?' },
        { path: ['issues', 0, 'signatories', 2], message: 'party "red" is listed twice' },
      ],
    ],
    [
      'preference weights and values',
      (s) => {
        red(s).preferences!.weights = { border: 0.7, trad: 0.3 };
        red(s).preferences!.values = { border: { keep: 1, split: 0.5, retrun: 0 }, trade: { closed: 0, open: 1 }, peace: {} };
        blue(s).preferences!.values = { border: { keep: 0, split: 0.5, return: 1 } };
      },
      [
        { path: ['parties', 0, 'preferences', 'weights', 'trad'], at: 'key', message: 'unknown issue "trad" — did you mean "trade"?' },
        { path: ['parties', 0, 'preferences', 'values', 'border', 'retrun'], at: 'key', message: 'unknown option "retrun" of issue "border" — did you mean "return"?' },
        { path: ['parties', 0, 'preferences', 'values', 'peace'], at: 'key', message: 'unknown issue "peace" (issues: border, trade)' },
        { path: ['parties', 1, 'preferences', 'values'], at: 'key', message: 'no value for options "closed", "open" of issue "trade" (its weight is 0.5)' },
      ],
    ],
    [
      'an issue weighing nothing needs no values',
      (s) => {
        blue(s).preferences!.weights = { border: 1 };
        blue(s).preferences!.values = { border: { keep: 0, split: 0.5, return: 1 } };
      },
      [],
    ],
    [
      'red lines',
      (s) => {
        red(s).preferences!.redLines = [
          { issue: 'border', option: 'retrun' },
          { issue: 'borders', option: 'return' },
        ];
      },
      [
        { path: ['parties', 0, 'preferences', 'redLines', 0, 'option'], message: 'unknown option "retrun" of issue "border" — did you mean "return"?' },
        { path: ['parties', 0, 'preferences', 'redLines', 1, 'issue'], message: 'unknown issue "borders" — did you mean "border"?' },
      ],
    ],
    [
      'postures: initial, transitions, posture conditions',
      (s) => {
        red(s).postures.initial = 'hardd';
        red(s).postures.transitions = [
          { from: 'sft', to: 'hrd', when: { posture: { party: 'blue', is: 'soft' } } },
          { from: '*', to: 'soft', when: { posture: { is: 'wait' } } },
        ];
      },
      [
        { path: ['parties', 0, 'postures', 'initial'], message: 'unknown posture "hardd" of party "red" — did you mean "hard"?' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'from'], message: 'unknown posture "sft" of party "red" — did you mean "soft"?' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'to'], message: 'unknown posture "hrd" of party "red" — did you mean "hard"?' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'when', 'posture', 'is'], message: 'unknown posture "soft" of party "blue" (postures: wait)' },
        { path: ['parties', 0, 'postures', 'transitions', 1, 'when', 'posture', 'is'], message: 'unknown posture "wait" of party "red" (postures: hard, soft)' },
      ],
    ],
    [
      'posture ids',
      (s) => {
        blue(s).postures = { initial: 'Wait', states: { Wait: { label: 'Wait', strategy: { policy: 'linear' } } } };
      },
      [{ path: ['parties', 1, 'postures', 'states', 'Wait'], at: 'key', message: 'posture ids are lower-case letters, digits and dashes, starting with a letter (got "Wait")' }],
    ],
    [
      'conditions in events must name their party',
      (s) => {
        s.events![0]!.when = { any: [{ pressure: { gte: 50 } }, { not: { posture: { is: 'soft' } } }, { trust: { toward: 'red', gte: 0.5 } }] };
      },
      [
        { path: ['events', 0, 'when', 'any', 0, 'pressure'], at: 'key', message: "party is required here (only a party's own transitions may leave it out)" },
        { path: ['events', 0, 'when', 'any', 1, 'not', 'posture'], at: 'key', message: "party is required here (only a party's own transitions may leave it out)" },
        { path: ['events', 0, 'when', 'any', 2, 'trust'], at: 'key', message: "party is required here (only a party's own transitions may leave it out)" },
      ],
    ],
    [
      'condition references',
      (s) => {
        red(s).postures.transitions = [
          {
            from: 'hard',
            to: 'soft',
            when: {
              all: [
                { control: { territory: 'est', gte: 0.5 } },
                { trust: { toward: 'red', lt: 0.2 } },
                { offer: { from: 'bleu', gte: 0.6 } },
                { walkedOut: 'blu' },
                { event: 'sumit' },
                { round: {} },
              ],
            },
          },
        ];
      },
      [
        { path: ['parties', 0, 'postures', 'transitions', 0, 'when', 'all', 0, 'control', 'territory'], message: 'unknown territory "est" — did you mean "east"?' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'when', 'all', 1, 'trust', 'toward'], message: 'a party has no trust toward itself: "toward" must be another party' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'when', 'all', 2, 'offer', 'from'], message: 'unknown party "bleu" — did you mean "blue"?' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'when', 'all', 3, 'walkedOut'], message: 'unknown party "blu" — did you mean "blue"?' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'when', 'all', 4, 'event'], message: 'unknown event "sumit" — did you mean "summit"?' },
        { path: ['parties', 0, 'postures', 'transitions', 0, 'when', 'all', 5, 'round'], at: 'key', message: 'a comparison needs at least one of gte, lte, gt, lt, eq' },
      ],
    ],
    [
      'effect references',
      (s) => {
        s.events![0]!.effects = [
          { pressure: { party: 'rd', add: 1 } },
          { trust: { party: 'blue', toward: 'blue', add: 1 } },
          { control: { territory: 'east' } },
          { control: { territory: 'eats', add: 0.1, set: 0.5 } },
        ];
      },
      [
        { path: ['events', 0, 'effects', 0, 'pressure', 'party'], message: 'unknown party "rd" — did you mean "red"?' },
        { path: ['events', 0, 'effects', 1, 'trust', 'toward'], message: 'a party has no trust toward itself: "toward" must be another party' },
        { path: ['events', 0, 'effects', 2, 'control'], at: 'key', message: 'a control effect needs "add" or "set"' },
        { path: ['events', 0, 'effects', 3, 'control', 'territory'], message: 'unknown territory "eats" — did you mean "east"?' },
        { path: ['events', 0, 'effects', 3, 'control'], at: 'key', message: 'a control effect takes "add" or "set", not both' },
      ],
    ],
    [
      'envoy bias, lever target, trust keys',
      (s) => {
        red(s).envoys = [
          { id: 'a', name: 'A', fidelity: 1, bias: 'pessimist' },
          { id: 'b', name: 'B', fidelity: 1, bias: 'red' },
        ];
        red(s).levers = [
          { id: 'a', label: 'A', target: 'red' },
          { id: 'b', label: 'B', target: 'green' },
        ];
        red(s).trust = { red: 1, bleu: 0.2 };
      },
      [
        { path: ['parties', 0, 'trust', 'red'], at: 'key', message: 'a party has no trust toward itself: remove "red"' },
        { path: ['parties', 0, 'trust', 'bleu'], at: 'key', message: 'unknown party "bleu" — did you mean "blue"?' },
        { path: ['parties', 0, 'envoys', 0, 'bias'], message: 'unknown bias "pessimist": use "optimistic", "pessimistic" or a party id — did you mean "pessimistic"?' },
        { path: ['parties', 0, 'levers', 0, 'target'], message: 'a lever must target another party, not its own ("red")' },
        { path: ['parties', 0, 'levers', 1, 'target'], message: 'unknown party "green" (parties: red, blue)' },
      ],
    ],
    [
      'dynamics and deadlines',
      (s) => {
        s.dynamics = { front: [{ territory: 'west', drift: 0, volatility: 0 }], perRound: [{ party: 'blu' }], controlToBatna: { rde: 0.1 } };
        s.calendar.deadlines = [{ round: 9, label: 'Too late' }];
      },
      [
        { path: ['calendar', 'deadlines', 0, 'round'], message: 'deadline round 9 is after the last round (calendar.rounds is 8)' },
        { path: ['dynamics', 'front', 0, 'territory'], message: 'unknown territory "west" (territories: east)' },
        { path: ['dynamics', 'perRound', 0, 'party'], message: 'unknown party "blu" — did you mean "blue"?' },
        { path: ['dynamics', 'controlToBatna', 'rde'], at: 'key', message: 'unknown party "rde" — did you mean "red"?' },
      ],
    ],
  ];

  it.each(cases)('%s', (_what, change, expected) => {
    expect(check(change)).toEqual(expected);
  });
});

describe('broken references in a file, located', () => {
  it('point at the value, or at the key for ids used as keys', () => {
    const text = edit('weights: { border: 0.5, trade: 0.5 }', 'weights: { border: 0.5, trad: 0.5 }', edit('occupier: red', 'occupier: rusia'));
    const result = parseScenario(text, 'f.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'f.yaml:15:15: unknown party "rusia" (parties: red, blue)',
      'f.yaml:70:31: unknown issue "trad" — did you mean "trade"?',
    ]);
  });

  it('are checked even when the schema fails elsewhere', () => {
    const text = edit('area: 1000', 'area: -5', edit('to: soft', 'to: sfot'));
    const result = parseScenario(text, 'f.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'f.yaml:13:11: "area" must be greater than 0, not -5',
      'f.yaml:59:29: unknown posture "sfot" of party "red" — did you mean "soft"?',
    ]);
  });
});
