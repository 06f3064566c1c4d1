// The format's parties: preferences, postures and their strategies, envoys, levers, politics at home, and the
// mediator's role. Part of the scenario schema (schema.ts).
import { z } from 'zod';
import { id, share, SourceRef, text } from './schema-parts.js';
import { Condition } from './vocabulary.js';

export const Strategy = z
  .strictObject({
    policy: z.enum(['boulware', 'linear', 'conceder', 'tit-for-tat', 'hardline']).meta({
      description: 'How the party concedes over time: boulware (late), linear, conceder (early), tit-for-tat (mirrors the others), hardline (does not move).',
    }),
    beta: z.number().positive().optional().meta({ description: 'Concession exponent: below 1 concedes late (Boulware), above 1 concedes early (Conceder). Defaults by policy.' }),
    aspiration: share('The utility it asks for at the start of this posture.').default(0.9),
    floor: share('The lowest aspiration it concedes to; never below its BATNA.').optional(),
    walkOutBelow: share('It walks out when its BATNA exceeds the best offer it heard by this margin (omit: never walks out).').optional(),
    statements: z.boolean().default(false).meta({ description: 'Whether it makes public statements (commitments) in this posture.' }),
    channel: z
      .enum(['direct', 'envoy', 'public'])
      .default('direct')
      .meta({ description: 'How it prefers to send proposals: direct talks (on the record), its envoy (one party, off the record), or in public.' }),
    envoy: z
      .string()
      .optional()
      .meta({ description: 'The envoy it sends when it proposes through an envoy (an envoy id of its own). Default: its most faithful envoy not yet caught misreporting.' }),
    levers: z.boolean().default(false).meta({ description: 'Whether it applies pressure (its levers) on parties that reject its proposals.' }),
    notetaker: share('In direct talks, the chance it brings a notetaker (an official record); without one, each side keeps its own version.').default(1),
    candour: share('When it passes on what it heard (a relay or a readout), the chance it reports faithfully rather than toward its own interest.').default(1),
    briefing: share(
      'The chance, each turn, that it passes on to its partners an offer they did not hear (when it has one and the relay channel): an ally that briefs at once, or one that keeps things to itself.',
    ).default(0.35),
  })
  .meta({ description: 'The strategy a posture plays.' });

export const Posture = z
  .strictObject({
    label: text('The posture as shown at the table.'),
    description: z.string().default('').meta({ description: 'What the party does in this posture.' }),
    strategy: Strategy,
  })
  .meta({ description: 'A posture: a state of the party, with the strategy it plays.' });

export const Transition = z
  .strictObject({
    from: z.string().meta({ description: 'Posture id, or "*" for any.' }),
    to: z.string().meta({ description: 'Posture id.' }),
    when: Condition.meta({ description: 'The condition that triggers the transition, checked after every round.' }),
    note: z.string().default('').meta({ description: 'Why the party changes posture, shown in the log.' }),
  })
  .meta({ description: 'A guarded move from one posture to another.' });

export const Envoy = z
  .strictObject({
    id: id('envoy'),
    name: text("The envoy's name."),
    fidelity: share('How faithfully the envoy reports: 1 always, 0 never.'),
    bias: z.string().default('optimistic').meta({
      description: 'Which way his errors lean: "optimistic" (offers sound better for the listener), "pessimistic", or a party id (errors favour that party).',
    }),
  })
  .meta({ description: 'An envoy a party can send.' });

export const Lever = z
  .strictObject({
    id: id('lever'),
    label: text('The lever as shown in the actions menu, e.g. "Secondary tariffs on buyers of Russian oil".'),
    target: z.string().meta({ description: 'The party it presses.' }),
    pressure: z.number().default(0).meta({ description: 'Pressure added to the target while applied (negative relieves).' }),
    batna: z.number().default(0).meta({ description: "Change to the target's BATNA while applied." }),
    cost: z.number().default(0).meta({ description: 'Pressure the user bears itself when applying it.' }),
    applied: z.boolean().default(false).meta({ description: 'Whether it is already applied at the start.' }),
  })
  .meta({ description: 'A lever of pressure a party can apply or lift: sanctions, tariffs, aid.' });

export const VetoPlayer = z
  .strictObject({
    name: text('Who can block ratification: a parliament, a court, a public vote.'),
    threshold: share('The lowest utility of the deal, for the party, this veto player accepts.'),
  })
  .meta({ description: 'A veto player at home.' });

export const Preferences = z
  .strictObject({
    weights: z.record(z.string(), z.number().min(0)).meta({ description: 'Weight per issue id; normalised to sum to 1. Issues left out weigh 0.' }),
    values: z
      .record(z.string(), z.record(z.string(), share('Value of the option, 0 (worst) to 1 (best).')))
      .meta({ description: 'For each issue id, the value (0–1) of each option id.' }),
    reservation: share('The utility of no deal at the start: the BATNA.'),
    redLines: z
      .array(
        z
          .strictObject({
            issue: z.string().meta({ description: 'Issue id.' }),
            option: z.string().meta({ description: 'Option id.' }),
            with: z
              .strictObject({
                issue: z.string().meta({ description: 'Another issue id.' }),
                option: z.string().meta({ description: 'An option id of that issue.' }),
              })
              .optional()
              .meta({
                description:
                  'Makes the red line conditional: the party never signs the option together with this one (e.g. Article-5-like guarantees with no army cap). Without it, never at all.',
              }),
          })
          .meta({ description: 'An option the party will never sign — alone, or (with `with`) together with an option of another issue.' }),
      )
      .default([])
      .meta({ description: 'Options the party will never sign, alone or in a combination.' }),
    discount: z.number().gt(0).max(1).default(1).meta({ description: 'Patience: each round of waiting multiplies the value of a deal by this.' }),
  })
  .meta({ description: 'Private preferences: linear additive utility over packages.' });

export const ChannelKind = z.enum(['direct', 'envoy', 'public', 'relay', 'readout']).meta({
  description: 'A way to send words: direct talks, an envoy, a public statement, passing on what you heard (relay), or your account of a meeting (readout).',
});

export const Party = z
  .strictObject({
    id: id('party'),
    name: text("The party's name."),
    leader: text('Who leads it.'),
    colour: z.enum(['red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray']).meta({ description: 'Its colour on the terminal.' }),
    playable: z.boolean().default(true).meta({ description: 'Whether a player may take this role.' }),
    role: z.enum(['party', 'mediator']).default('party').meta({
      description:
        'A party bargains for itself. A mediator (Carter at Camp David) has no preferences of its own: it values a package by the average of what it gives the parties, signs nothing, and runs a single negotiating text, tabling it and amending it from what the parties object.',
    }),
    briefing: text("The confidential briefing shown only to this party's player."),
    pressure: z.number().min(0).max(100).default(30).meta({ description: 'Pressure at the start (0–100): how much it needs a deal.' }),
    credibility: share('Public credibility at the start.').default(0.7),
    trust: z.record(z.string(), share('Trust toward that party.')).default({}).meta({ description: 'Trust toward each other party at the start (default 0.5).' }),
    preferences: Preferences.optional().meta({ description: 'Private preferences: required for a party; a mediator has none.' }),
    source: SourceRef.meta({
      description: 'The id (or ids) of the meta.sources its position (briefing, preferences, red lines) rests on: a contested one marks the position as contested in the debrief.',
    }),
    postures: z
      .strictObject({
        initial: z.string().meta({ description: 'The posture it starts in.' }),
        states: z.record(z.string(), Posture).meta({ description: 'Its postures by id.' }),
        transitions: z.array(Transition).default([]).meta({ description: 'How it moves between postures.' }),
      })
      .meta({ description: 'The party as a state machine of postures.' }),
    envoys: z.array(Envoy).default([]).meta({ description: 'Envoys it can send.' }),
    channels: z.array(ChannelKind).default(['direct', 'envoy', 'public', 'relay', 'readout']).meta({ description: 'The channels it may use (default: all).' }),
    levers: z.array(Lever).default([]).meta({ description: 'Levers of pressure it can apply or lift.' }),
    domestic: z
      .strictObject({
        hawkishness: share('How much opinion at home punishes concessions (0 dovish, 1 hawkish).').default(0.5),
        vetoPlayers: z.array(VetoPlayer).default([]).meta({ description: 'Who must approve a deal at home.' }),
      })
      .default({ hawkishness: 0.5, vetoPlayers: [] })
      .meta({ description: 'Domestic politics: ratification at home.' }),
  })
  .meta({ description: 'A party at the table.' });
