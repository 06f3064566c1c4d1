// A small valid scenario whose layout the loader tests rely on: the bad cases edit one line of it and assert
// the exact line:col of the problem. Change it only together with those tests.
export const GOOD = `meta:
  id: fixture
  title: Fixture
  date: 2025-08-01
  summary: A small scenario for tests.
calendar:
  rounds: 8
  deadlines:
    - { round: 4, label: Summit }
territories:
  - id: east
    name: East
    area: 1000
    population: 5000
    occupier: red
    holder: blue
    control: 0.5
    map: { col: 10, row: 2 }
issues:
  - id: border
    name: Border
    kind: territory
    territory: east
    signatories: [red, blue]
    options:
      - { id: keep, label: Red keeps it }
      - { id: split, label: Split it }
      - id: return
        label: Blue gets it back
        effects:
          - control: { territory: east, set: 0 }
  - id: trade
    name: Trade
    kind: economic
    signatories: [red, blue]
    options:
      - { id: closed, label: Closed }
      - { id: open, label: Open }
parties:
  - id: red
    name: Red
    leader: Ruby
    colour: red
    briefing: Keep the east.
    trust: { blue: 0.4 }
    preferences:
      weights: { border: 0.7, trade: 0.3 }
      values:
        border: { keep: 1, split: 0.5, return: 0 }
        trade: { closed: 0, open: 1 }
      reservation: 0.4
      redLines: [{ issue: border, option: return }]
    postures:
      initial: hard
      states:
        hard: { label: Hard, strategy: { policy: boulware } }
        soft: { label: Soft, strategy: { policy: conceder } }
      transitions:
        - { from: hard, to: soft, when: { pressure: { gte: 60 } } }
    envoys:
      - { id: envoy, name: Ed, fidelity: 0.8, bias: blue }
    levers:
      - { id: gas, label: Gas, target: blue, pressure: 5 }
  - id: blue
    name: Blue
    leader: Bea
    colour: blue
    briefing: Get the east back.
    preferences:
      weights: { border: 0.5, trade: 0.5 }
      values:
        border: { keep: 0, split: 0.5, return: 1 }
        trade: { closed: 0.2, open: 1 }
      reservation: 0.3
    postures:
      initial: wait
      states:
        wait: { label: Wait, strategy: { policy: linear } }
dynamics:
  front:
    - { territory: east, drift: 0.01, volatility: 0.02 }
  perRound:
    - { party: red, pressure: 2 }
  controlToBatna: { red: 0.2, blue: -0.2 }
events:
  - id: summit
    title: A summit
    when: { all: [{ round: { gte: 4 } }, { posture: { party: red, is: soft } }] }
    effects:
      - trust: { party: blue, toward: red, add: 0.1 }
`;

/** GOOD with one exact substring replaced (the substring must occur once). */
export function edit(from: string, to: string, text: string = GOOD): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture edit: ${JSON.stringify(from)} must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
