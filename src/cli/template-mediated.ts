// The `mediated` starter scenario for `backchannel new ID --template mediated`: two parties in a dispute in
// peacetime and a mediator who runs a single negotiating text (the procedure of Camp David, 1978). It validates
// without a warning and reaches deals in `simulate`; its comments show the parts of the format it is for.
import { head, titleOf } from './templates.js';

export function mediatedScenario(id: string, schema: string): string {
  return `${head(id, schema, 'two parties and a mediator with a single text')}
meta:
  id: ${id}
  title: ${titleOf(id)}
  date: 2025-05-05
  # Peacetime talks: the log, the briefings and the AI's reasons say "the dispute goes on", never "the war".
  setting: peace
  summary: >-
    Riverland and Hillport dispute the water of the river they share. A mediator drafts one text, hears both
    sides' objections and rewrites it until both can sign.
  sources: []
  teacherNotes: >-
    Shows the single negotiating text: neither party concedes to the other, each only says yes or no to the
    mediator's draft. Try the same talks without the mediator (a file with \`extends: ${id}.yaml\` and
    \`parties: [{ id: mediator, remove: true }]\`) and compare with simulate.

calendar:
  roundDays: 1
  rounds: 10
  implementationRounds: 2
  deadlines:
    - { round: 10, label: The mediator goes home }

issues:
  - id: water
    name: Water share
    kind: economic
    signatories: [riverland, hillport] # the mediator signs nothing: it is never a signatory
    options:
      - { id: riverland-60, label: "60% to Riverland" }
      - { id: even, label: "Half each" }
      - { id: hillport-60, label: "60% to Hillport" }
  - id: dam
    name: The dam
    kind: security
    signatories: [riverland, hillport]
    options:
      - { id: built, label: Hillport builds its dam }
      - { id: joint, label: "A joint dam, run by a commission" }
      - { id: none, label: No dam }
  - id: monitoring
    name: Monitoring
    kind: political
    signatories: [riverland, hillport]
    options:
      - { id: none, label: No monitoring }
      - { id: commission, label: A joint commission }
      - { id: outside, label: "Monitors from outside" }

parties:
  - id: riverland
    name: Riverland
    leader: R. Minister
    colour: green
    briefing: >-
      You are downstream: every drop Hillport keeps is a drop your farms lose. You want the larger share and no
      dam you do not control. Without a deal the dispute goes on, and the dry season is coming.
    pressure: 40
    preferences:
      weights: { water: 5, dam: 3, monitoring: 2 }
      values:
        water: { riverland-60: 1, even: 0.6, hillport-60: 0 }
        dam: { built: 0, joint: 0.6, none: 1 }
        monitoring: { none: 0, commission: 0.7, outside: 1 }
      reservation: 0.4
      redLines: [{ issue: dam, option: built }]
    postures:
      initial: firm
      states:
        firm: { label: Firm, strategy: { policy: boulware, aspiration: 0.9 } }
    channels: [direct, public]

  - id: hillport
    name: Hillport
    leader: H. Minister
    colour: blue
    briefing: >-
      You are upstream, and you need the dam for power. You would share the water evenly, but not be watched by
      outsiders. Without a deal the dispute goes on, and so does the cost of your stalled dam.
    pressure: 40
    preferences:
      weights: { water: 3, dam: 5, monitoring: 2 }
      values:
        water: { riverland-60: 0, even: 0.6, hillport-60: 1 }
        dam: { built: 1, joint: 0.7, none: 0 }
        monitoring: { none: 1, commission: 0.6, outside: 0 }
      reservation: 0.4
    postures:
      initial: firm
      states:
        firm: { label: Firm, strategy: { policy: boulware, aspiration: 0.9 } }
    channels: [direct, public]

  # The mediator: role: mediator, and no preferences. It values a package by the two parties' average, signs
  # nothing, and (played by the AI) tables one text to both once each has said what it wants, waits for the
  # answers, and amends the text after an objection. Its strategy is not used for bargaining; a posture is
  # still needed, with a label for the table.
  - id: mediator
    name: The Mediator
    leader: M. Envoy
    colour: yellow
    role: mediator
    briefing: >-
      You have no stake in the river. Write one text, give it to both ministers, listen to every objection and
      rewrite it until both say yes. Neither has to give anything to the other: only to your draft.
    postures:
      initial: single-text
      states:
        single-text: { label: One text, strategy: { policy: linear } }
    channels: [direct]

dynamics:
  # Peacetime: no front, nothing moves unless an event moves it.
  ceasefire: true
  perRound:
    - { party: riverland, pressure: 3 }
    - { party: hillport, pressure: 3 }
`;
}
