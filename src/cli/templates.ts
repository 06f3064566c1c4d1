// Starter scenarios for `backchannel new ID --template NAME`, beyond the two-party one in commands/new.ts: each
// validates, reaches deals in `simulate`, and shows in comments the part of the format it is for.
//   multilateral — two sides at war and their two backers: issues signed by some parties only, envoys, relays,
//                  a scripted meeting heard through an envoy, levers.
//   summit       — two leaders working toward a summit in the last round: public statements (audience costs), a
//                  summit the host scripts, postures that change as it nears, a deadline.

/** The head every template shares: the schema modeline and how to check the file. */
export function head(id: string, schema: string, what: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# A Backchannel scenario (${what}). Every key is described in the JSON Schema named above: an editor with the
# YAML language server shows the descriptions on hover and completes the keys. Check your work with
#   backchannel validate ${id}.yaml      (errors and warnings)
#   backchannel analyse ${id}.yaml       (is a deal possible, and where)
#   backchannel simulate ${id}.yaml --trace
# Ids are lower-case letters, digits and dashes; the rest of the file refers to things by their ids.
`;
}

export const titleOf = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');

export function multilateralScenario(id: string, schema: string): string {
  return `${head(id, schema, 'four parties: two at war, two backers')}
meta:
  id: ${id}
  title: ${titleOf(id)}
  date: 2025-03-03
  summary: >-
    Coastland and Hillmark fight over a strait. The Union arms Coastland and sanctions Hillmark; the Federation
    backs Hillmark and wants the sanctions gone. Nobody signs alone.
  sources: []
  teacherNotes: >-
    Shows two-level and multiparty bargaining: the backers sign only the issues that bind them, so a deal needs
    the belligerents to agree on the strait and the backers on guarantees and sanctions. Envoys carry offers
    between camps and may garble them.

calendar:
  roundDays: 7
  rounds: 12
  implementationRounds: 3
  deadlines:
    - { round: 8, label: The Union's budget vote }

territories:
  - id: strait
    name: The strait
    area: 3000
    population: 90000
    occupier: hillmark
    holder: coastland
    control: 0.5
    map: { col: 24, row: 3 }

issues:
  - id: strait
    name: The strait
    kind: territory
    territory: strait
    signatories: [coastland, hillmark] # only the two at war sign the line
    options:
      - { id: coastland, label: The strait returns to Coastland, effects: [{ control: { territory: strait, set: 0 } }] }
      - { id: shared, label: Joint patrols on the line }
      - { id: hillmark, label: Hillmark keeps what it holds, effects: [{ control: { territory: strait, set: 0.5 } }] }
  - id: guarantees
    name: Guarantees
    kind: security
    signatories: [coastland, union, federation] # a guarantee binds those who give it
    options:
      - { id: none, label: No guarantees }
      - { id: monitors, label: Neutral monitors }
      - { id: union-troops, label: Union troops in Coastland }
  - id: sanctions
    name: Sanctions
    kind: economic
    signatories: [union]
    options:
      - { id: kept, label: Sanctions kept }
      - { id: eased, label: Sanctions eased step by step }
      - { id: lifted, label: Sanctions lifted }

parties:
  - id: coastland
    name: Coastland
    leader: The Prime Minister
    colour: blue
    briefing: >-
      Half the strait is occupied. You want it back and a guarantee that it will not happen again; the Union
      pays for your army, so you cannot ignore what it wants.
    pressure: 45
    trust: { hillmark: 0.1, union: 0.8, federation: 0.2 }
    preferences:
      weights: { strait: 0.5, guarantees: 0.4, sanctions: 0.1 }
      values:
        strait: { coastland: 1, shared: 0.6, hillmark: 0 }
        guarantees: { none: 0, monitors: 0.6, union-troops: 1 }
        sanctions: { kept: 1, eased: 0.5, lifted: 0 }
      reservation: 0.4
    postures:
      initial: firm
      states:
        firm: { label: Firm, strategy: { policy: boulware, aspiration: 0.95, floor: 0.55 } }
        pragmatic: { label: Pragmatic, strategy: { policy: linear, aspiration: 0.8, floor: 0.45 } }
      transitions:
        - { from: firm, to: pragmatic, when: { any: [{ round: { gte: 6 } }, { pressure: { gte: 65 } }] }, note: The cost of the war bites. }
    channels: [direct, public, relay]

  - id: hillmark
    name: Hillmark
    leader: The Marshal
    colour: red
    briefing: >-
      You hold half the strait. Sanctions hurt; foreign troops next door would be worse. You would trade a
      share of the strait for the sanctions, if the price is right.
    pressure: 35
    trust: { coastland: 0.1, union: 0.2, federation: 0.8 }
    preferences:
      weights: { strait: 0.45, guarantees: 0.3, sanctions: 0.25 }
      values:
        strait: { coastland: 0, shared: 0.6, hillmark: 1 }
        guarantees: { none: 1, monitors: 0.6, union-troops: 0 }
        sanctions: { kept: 0, eased: 0.6, lifted: 1 }
      reservation: 0.4
      redLines:
        - { issue: guarantees, option: union-troops }
    postures:
      initial: maximalist
      states:
        maximalist: { label: Maximalist, strategy: { policy: hardline, aspiration: 0.95, floor: 0.6, channel: envoy } }
        bargaining: { label: Bargaining, strategy: { policy: linear, aspiration: 0.8, floor: 0.45, channel: envoy } }
      transitions:
        - { from: maximalist, to: bargaining, when: { pressure: { gte: 60 } }, note: Sanctions and losses add up. }
    envoys:
      - { id: banker, name: A banker close to the Marshal, fidelity: 0.7, bias: optimistic }

  - id: union
    name: The Union
    leader: The Council
    colour: yellow
    briefing: >-
      You arm Coastland and sanction Hillmark. Your voters want the war over before the budget vote; your
      members will not send troops unless they must.
    pressure: 40
    trust: { coastland: 0.8, hillmark: 0.1, federation: 0.3 }
    preferences:
      weights: { strait: 0.3, guarantees: 0.3, sanctions: 0.4 }
      values:
        strait: { coastland: 1, shared: 0.7, hillmark: 0 }
        guarantees: { none: 0.2, monitors: 1, union-troops: 0.5 }
        sanctions: { kept: 0.6, eased: 1, lifted: 0 }
      reservation: 0.45
    postures:
      initial: steady
      states:
        steady: { label: Steady, strategy: { policy: linear, aspiration: 0.9, floor: 0.55, levers: true } }
      transitions: []
    levers:
      - { id: new-sanctions, label: A new sanctions package, target: hillmark, pressure: 8, batna: -0.02, cost: 3 }

  - id: federation
    name: The Federation
    leader: The President
    colour: magenta
    briefing: >-
      Hillmark is your ally and your market. You want the sanctions gone and no Union troops on the coast; you
      can live with monitors.
    pressure: 30
    trust: { coastland: 0.2, hillmark: 0.8, union: 0.3 }
    preferences:
      weights: { strait: 0.2, guarantees: 0.4, sanctions: 0.4 }
      values:
        strait: { coastland: 0, shared: 0.7, hillmark: 1 }
        guarantees: { none: 1, monitors: 0.7, union-troops: 0 }
        sanctions: { kept: 0, eased: 0.7, lifted: 1 }
      reservation: 0.45
    postures:
      initial: patron
      states:
        patron: { label: Patron, strategy: { policy: conceder, aspiration: 0.85, floor: 0.5, channel: envoy } }
      transitions: []
    envoys:
      - { id: special-envoy, name: The Federation's special envoy, fidelity: 0.8, bias: hillmark }

dynamics:
  front:
    - { territory: strait, drift: 0.005, volatility: 0.02 }
  perRound:
    - { party: coastland, pressure: 3, batna: -0.005 }
    - { party: hillmark, pressure: 3, batna: -0.005 }
    - { party: union, pressure: 2 }
  controlToBatna: { coastland: -0.3, hillmark: 0.3 }

meetings:
  # The Federation's envoy hears Hillmark's terms in person in round 2 and reports them to his president.
  - id: capital-visit
    title: The special envoy in Hillmark's capital
    round: 2
    host: hillmark
    guest: federation
    envoy: special-envoy
    terms: { strait: hillmark, guarantees: none, sanctions: lifted }

events:
  - id: budget-vote
    title: The Union's budget vote
    text: The Union's parliament votes on another year of aid to Coastland.
    when: { round: { gte: 8 } }
    effects:
      - pressure: { party: union, add: 10 }
      - pressure: { party: coastland, add: 5 }

scoring:
  baseline: initial-batna
`;
}

export function summitScenario(id: string, schema: string): string {
  return `${head(id, schema, 'two leaders and a summit')}
meta:
  id: ${id}
  title: ${titleOf(id)}
  date: 2025-06-02
  summary: >-
    Two rival powers have a month to prepare a summit. What their leaders say in public before it binds them
    at the table.
  sources: []
  teacherNotes: >-
    Shows audience costs: a public statement ("nothing less than …") makes a party's threats believable and its
    concessions expensive. The summit in the last round puts the host's terms on the table in person.

calendar:
  roundDays: 7
  rounds: 6 # round 6 is the summit
  implementationRounds: 2
  deadlines:
    - { round: 6, label: The summit }

territories: []

issues:
  - id: arms
    name: Missile limits
    kind: security
    signatories: [north, south]
    options:
      - { id: none, label: No limits }
      - { id: freeze, label: A freeze at today's numbers }
      - { id: cuts, label: "Cuts by a third, with inspections" } # a comma inside { } needs quotes
  - id: trade
    name: Trade
    kind: economic
    signatories: [north, south]
    options:
      - { id: tariffs, label: Tariffs stay }
      - { id: quotas, label: Quotas instead of tariffs }
      - { id: free, label: Free trade }
  - id: hotline
    name: A crisis hotline
    kind: political
    signatories: [north, south]
    options:
      - { id: no, label: No hotline }
      - { id: yes, label: A hotline between the leaders }

parties:
  - id: north
    name: Northern Republic
    leader: The Premier
    colour: red
    briefing: >-
      Your missiles are your leverage; cuts with inspections would expose your weakness. You want the tariffs
      gone, and a summit with your rival is a prize at home.
    pressure: 35
    trust: { south: 0.3 }
    preferences:
      weights: { arms: 0.4, trade: 0.45, hotline: 0.15 }
      values:
        arms: { none: 1, freeze: 0.6, cuts: 0 }
        trade: { tariffs: 0, quotas: 0.6, free: 1 }
        hotline: { no: 0.3, yes: 1 }
      reservation: 0.4
    postures:
      initial: posturing
      states:
        posturing:
          label: Posturing
          description: Speaks to the audience at home; makes public statements.
          strategy: { policy: hardline, aspiration: 0.95, floor: 0.65, statements: true }
        summit-bound:
          label: Summit-bound
          strategy: { policy: conceder, aspiration: 0.8, floor: 0.45 }
      transitions:
        - { from: posturing, to: summit-bound, when: { round: { gte: 6 } }, note: "At the summit, face to face." }

  - id: south
    name: Southern Union
    leader: The Chancellor
    colour: blue
    briefing: >-
      Northern missiles are the threat you must reduce; the tariffs protect your factories. You host the summit
      and will put your terms to the Premier in person.
    pressure: 40
    trust: { north: 0.3 }
    preferences:
      weights: { arms: 0.5, trade: 0.3, hotline: 0.2 }
      values:
        arms: { none: 0, freeze: 0.7, cuts: 1 }
        trade: { tariffs: 1, quotas: 0.6, free: 0 }
        hotline: { no: 0, yes: 1 }
      reservation: 0.4
    postures:
      initial: firm
      states:
        firm: { label: Firm, strategy: { policy: hardline, aspiration: 0.9, floor: 0.65, statements: true } }
        host: { label: Host, strategy: { policy: linear, aspiration: 0.8, floor: 0.45 } }
      transitions:
        - { from: firm, to: host, when: { round: { gte: 6 } }, note: The host wants its summit to succeed. }
    domestic:
      hawkishness: 0.6
      vetoPlayers:
        - { name: The Senate, threshold: 0.45 }

dynamics:
  front: []
  perRound:
    - { party: north, pressure: 2 }
    - { party: south, pressure: 4 }
  controlToBatna: {}

meetings:
  # The leaders meet in person (no envoy): the host puts its terms on the table, on the record.
  - id: summit
    title: The summit, in the South's capital
    round: 6
    host: south
    guest: north
    notetaker: true
    terms: { arms: freeze, trade: quotas, hotline: yes }

events:
  - id: summit-announced
    title: The summit is announced
    text: Both capitals confirm a meeting of the leaders in a month.
    when: { round: { gte: 2 } }
    effects:
      - pressure: { party: north, add: 5 }
      - pressure: { party: south, add: 5 }

scoring:
  baseline: initial-batna
`;
}
