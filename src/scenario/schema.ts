// The scenario format: what an author writes. Every object is strict so a typo is an error, and every field
// carries a description so the emitted JSON Schema gives hover help in an editor.
import { z } from 'zod';
import { Party } from './schema-party.js';
import { id, share, SourceRef, text } from './schema-parts.js';
import { Condition, Effect } from './vocabulary.js';

export { ChannelKind, Envoy, Lever, Party, Posture, Preferences, Strategy, Transition, VetoPlayer } from './schema-party.js';

// ── The parts of a scenario ───────────────────────────────────────────────────────────────────────────────

export const Source = z
  .strictObject({
    id: id('source').optional().meta({ description: "An id to cite it by from an event's `source` (needed only if something cites it)." }),
    title: text('What the source is: outlet, date and headline.'),
    url: z.string().optional().meta({ description: 'Where to read it, if public: a web address (http:// or https://).' }),
    note: z.string().optional().meta({ description: 'What the scenario takes from it; say here if an item is contested.' }),
    standing: z.enum(['record', 'contested', 'judgement']).default('record').meta({
      description:
        'How far it settles what it is cited for: "record" (a public fact), "contested" (a claim the record does not settle, or a weak source), or "judgement" (the author\'s reading, such as an envoy\'s fidelity). The debrief sorts what the game rests on by it.',
    }),
  })
  .meta({ description: 'A public source the scenario rests on.' });

export const Lesson = z
  .strictObject({
    short: z.array(z.string()).min(1).meta({ description: 'A 50-minute lesson, step by step, each step with its minutes: "10 min — read the briefings".' }),
    long: z.array(z.string()).min(1).meta({ description: 'A 90-minute lesson, step by step, each step with its minutes.' }),
    seats: z.record(z.string(), z.string()).default({}).meta({ description: 'Per party id: which student the seat suits, and what it asks of them.' }),
    questions: z.array(z.string()).default([]).meta({ description: 'Questions for the debrief with the class.' }),
  })
  .meta({ description: 'A lesson plan for teachers: `backchannel handouts` writes it as lesson-plan.md and a printable page.' });

export const Meta = z
  .strictObject({
    id: id('scenario'),
    title: text('The title shown in the scenario picker.'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
      .meta({ description: 'The date of round 1, YYYY-MM-DD.' }),
    summary: text('Two or three sentences shown in the scenario picker.'),
    sources: z.array(Source).default([]).meta({ description: 'The public sources the facts come from.' }),
    teacherNotes: z.string().default('').meta({ description: 'Notes for teachers: the concepts this scenario shows and what really happened.' }),
    lesson: Lesson.optional(),
    setting: z.enum(['war', 'peace']).default('war').meta({
      description:
        'What is at stake without a deal: "war" (the default: no deal means the war goes on) or "peace" (talks in peacetime, such as a border dispute or a treaty: no deal means the dispute goes on). It sets the words of the log, the briefings and the AI\'s reasons. Set dynamics.ceasefire for talks that open without fighting.',
    }),
  })
  .meta({ description: 'What the scenario is.' });

export const Deadline = z
  .strictObject({
    round: z.number().int().min(1).meta({ description: 'The round the deadline falls on.' }),
    label: text('What the deadline is, as shown on the table.'),
  })
  .meta({ description: 'A deadline shown to the players.' });

export const Calendar = z
  .strictObject({
    roundDays: z.number().int().min(1).max(366).default(7).meta({ description: 'Days per round (7 = a week).' }),
    rounds: z.number().int().min(1).max(200).meta({ description: 'The last round of talks: without a signed deal by then, there is no deal.' }),
    implementationRounds: z.number().int().min(0).max(50).default(3).meta({ description: 'Rounds of implementation after a deal is ratified.' }),
    deadlines: z.array(Deadline).default([]).meta({ description: 'Deadlines shown to the players.' }),
  })
  .meta({ description: 'How time runs.' });

export const Territory = z
  .strictObject({
    id: id('territory'),
    name: text('The name shown on the map.'),
    area: z.number().positive().meta({ description: 'Area in km².' }),
    population: z.number().int().min(0).meta({ description: 'Pre-war population.' }),
    occupier: z.string().meta({ description: 'The party (or outsider) whose share of control `control` measures.' }),
    holder: z.string().meta({ description: 'The party (or outsider) that holds the rest.' }),
    control: share("The occupier's share of the territory at the start (0–1)."),
    places: z
      .array(z.strictObject({ name: text('Place name.'), note: z.string().default('').meta({ description: 'Why it matters.' }) }))
      .default([])
      .meta({ description: 'Key places.' }),
    map: z
      .strictObject({
        col: z.number().int().min(0).max(60).meta({ description: 'Column of the label on the terminal map.' }),
        row: z.number().int().min(0).max(10).meta({ description: 'Row of the label on the terminal map.' }),
      })
      .meta({ description: 'Where the territory sits on the terminal map.' }),
  })
  .meta({ description: 'A territory whose control the war moves.' });

export const Option = z
  .strictObject({
    id: id('option'),
    label: text('The option as shown in the proposal builder.'),
    description: z.string().default('').meta({ description: 'What the option means, in a sentence or two.' }),
    effects: z.array(Effect).default([]).meta({ description: 'What it changes in the world when the deal is implemented.' }),
  })
  .meta({ description: 'One way an issue can be settled.' });

export const Issue = z
  .strictObject({
    id: id('issue'),
    name: text('The issue as shown at the table.'),
    kind: z.enum(['territory', 'security', 'political', 'economic', 'humanitarian', 'sequencing']).meta({ description: 'What sort of issue this is.' }),
    description: z.string().default('').meta({ description: 'What is at stake.' }),
    territory: z.string().optional().meta({ description: 'For territorial issues, the territory concerned.' }),
    signatories: z.array(z.string()).min(1).meta({ description: 'The parties whose signature this issue needs; a deal needs every signatory of every issue.' }),
    options: z.array(Option).min(2).meta({ description: 'The options on the table, at least two.' }),
  })
  .meta({ description: 'An issue on the table.' });

export const Dynamics = z
  .strictObject({
    front: z
      .array(
        z.strictObject({
          territory: z.string().meta({ description: 'Territory id.' }),
          drift: z.number().min(-1).max(1).meta({ description: "Mean change of the occupier's share per round without a ceasefire." }),
          volatility: z.number().min(0).max(1).meta({ description: 'Spread of the change per round (a seeded random draw).' }),
        }),
      )
      .default([])
      .meta({ description: 'How the front moves while there is no ceasefire.' }),
    ceasefire: z.boolean().default(false).meta({ description: 'Whether the talks open under a ceasefire (or in peacetime): the front stays where it is until an event ends it.' }),
    perRound: z
      .array(
        z.strictObject({
          party: z.string().meta({ description: 'Party id.' }),
          pressure: z.number().default(0).meta({ description: 'Pressure added each round of war.' }),
          batna: z.number().default(0).meta({ description: 'BATNA change each round of war.' }),
        }),
      )
      .default([])
      .meta({ description: 'What each round of war costs each party.' }),
    controlToBatna: z
      .record(z.string(), z.number())
      .default({})
      .meta({ description: "Per party: BATNA change per unit of the occupier's area-weighted share gained (negative for the side losing ground)." }),
    violationChance: share('During implementation, the chance per round that the ceasefire is violated.').default(0.1),
  })
  .meta({ description: 'The war around the talks.' });

export const ScenarioEvent = z
  .strictObject({
    id: id('event'),
    title: text('The headline shown when the event fires.'),
    text: z.string().default('').meta({ description: 'What happened, shown in the log.' }),
    when: Condition.meta({ description: 'When the event fires; checked at the start of each round.' }),
    repeat: z.boolean().default(false).meta({ description: 'Fire every round the condition holds, not only once.' }),
    effects: z.array(Effect).default([]).meta({ description: 'What the event changes.' }),
    source: SourceRef.meta({ description: 'The id (or ids) of the meta.sources it rests on. An event that quotes someone needs one, or `fiction: true`.' }),
    fiction: z
      .boolean()
      .default(false)
      .meta({ description: 'An event the scenario invents (a counterfactual, a possible future): the log marks it "(invented)" so nobody takes it for the record.' }),
  })
  .meta({ description: 'A scripted event.' });

export const Information = z
  .strictObject({
    exposure: z
      .strictObject({
        credibility: z.number().max(0).default(-0.1).meta({ description: "Change to the credibility of whoever's words were found distorted." }),
        trust: z.number().max(0).default(-0.15).meta({ description: 'Change to the trust of whoever was misled toward that party.' }),
      })
      .default({ credibility: -0.1, trust: -0.15 })
      .meta({ description: 'What it costs when a distortion is exposed.' }),
    notetaker: z
      .strictObject({
        trust: z.number().default(-0.03).meta({ description: "Change to the other side's trust toward you when you bring a notetaker: it speaks less freely." }),
      })
      .default({ trust: -0.03 })
      .meta({ description: 'What an official record costs.' }),
    clarification: z
      .strictObject({
        confirmed: z.number().default(0.03).meta({ description: 'Trust gained toward the sender when a clarification confirms what was heard.' }),
      })
      .default({ confirmed: 0.03 })
      .meta({ description: 'What a clarification call does.' }),
    leakChance: share('Each round, the chance that each off-the-record message of that round leaks to everyone.').default(0.1),
  })
  .meta({ description: 'How information travels: the costs of exposure, records and leaks.' });

export const Meeting = z
  .strictObject({
    id: id('meeting'),
    title: text('What the meeting is, as shown in the log: "Kremlin, three hours".'),
    round: z.number().int().min(1).meta({ description: 'The round it takes place in.' }),
    host: z.string().meta({ description: 'The party that makes its offer at the meeting.' }),
    guest: z.string().meta({ description: 'The party that hears it (through its envoy, when `envoy` is set).' }),
    envoy: z.string().optional().meta({ description: "The guest's envoy who attends and reports back; omit for leaders meeting in person." }),
    notetaker: z.boolean().optional().meta({ description: "Whether an official record is kept; leave it out to let the guest decide (its posture's notetaker chance)." }),
    terms: z
      .record(z.string(), z.string())
      .meta({ description: "What the host actually offers at the meeting: an option id per issue id (issues left out: the host's ideal option)." }),
    versions: z
      .array(
        z.strictObject({
          label: text('What this account says was offered, in a few words: "no withdrawal, only no push for recognition".'),
          weight: z.number().positive().default(1).meta({ description: 'How likely this account is to be the truth, against the others (weights need not sum to 1).' }),
          terms: z.record(z.string(), z.string()).meta({ description: 'The issues on which this account differs from `terms`: an option id per issue id.' }),
          source: z
            .union([z.string(), z.array(z.string())])
            .optional()
            .meta({ description: 'The id (or ids) of the meta.sources that support this account.' }),
        }),
      )
      .min(2)
      .optional()
      .meta({
        description:
          'When the record does not settle what was offered: the accounts the sources support. Each game draws one (by weight, from its seed) as what was really said; the debrief says the record does not settle it.',
      }),
  })
  .meta({ description: 'A scripted meeting: the host makes an offer, and what the guest hears depends on the channel.' });

export const Scoring = z
  .strictObject({
    baseline: z.enum(['initial-batna', 'final-batna']).default('initial-batna').meta({ description: 'What an outcome is scored against: the BATNA at the start or at the end.' }),
  })
  .meta({ description: "How an outcome becomes each party's score (-100 to 100, 0 = as good as its BATNA)." });

export const Scenario = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path to the JSON Schema, for editors.' }),
    extends: z.string().optional().meta({
      description:
        'Another scenario this one changes: a file (relative to this one) or a bundled id. Mappings merge key by key; lists of items with ids merge by id (a new id is added, `remove: true` drops one); anything else replaces. The merged file must be a whole scenario.',
    }),
    meta: Meta,
    calendar: Calendar,
    territories: z.array(Territory).default([]).meta({ description: 'Territories on the map.' }),
    outsiders: z
      .array(
        z.strictObject({
          id: id('outsider'),
          name: text('Its name, as the map shows it: "Syria".'),
          colour: z.enum(['red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray']).default('gray').meta({ description: 'Its colour on the map.' }),
        }),
      )
      .default([])
      .meta({ description: "Powers not at the table that hold or occupy a territory (a territory's occupier or holder may be one of them): they do not negotiate, sign or move." }),
    issues: z.array(Issue).min(1).meta({ description: 'The issues on the table.' }),
    parties: z.array(Party).min(2).meta({ description: 'The parties, in turn order.' }),
    dynamics: Dynamics.default({ front: [], ceasefire: false, perRound: [], controlToBatna: {}, violationChance: 0.1 }),
    events: z.array(ScenarioEvent).default([]).meta({ description: 'Scripted events.' }),
    meetings: z.array(Meeting).default([]).meta({ description: 'Scripted meetings, each opening its round.' }),
    information: Information.default({
      exposure: { credibility: -0.1, trust: -0.15 },
      notetaker: { trust: -0.03 },
      clarification: { confirmed: 0.03 },
      leakChance: 0.1,
    }),
    scoring: Scoring.default({ baseline: 'initial-batna' }),
  })
  .meta({ description: 'A Backchannel scenario.' });

export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.output<typeof Scenario>;
export type Party = Scenario['parties'][number];
export type Issue = Scenario['issues'][number];
export type Territory = Scenario['territories'][number];
export type Strategy = z.output<typeof Strategy>;
export type ScenarioEvent = Scenario['events'][number];
