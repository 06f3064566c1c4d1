// The scenario format's small closed vocabulary, data not code: conditions (when a posture changes or an event
// fires) and effects (what events and implemented options change in the world). The rest of the format is in
// schema.ts.
import { z } from 'zod';

// ── Conditions: a small closed vocabulary, data not code ──────────────────────────────────────────────────

export const Comparison = z
  .strictObject({
    gte: z.number().optional().meta({ description: 'True when the value is greater than or equal to this.' }),
    lte: z.number().optional().meta({ description: 'True when the value is less than or equal to this.' }),
    gt: z.number().optional().meta({ description: 'True when the value is strictly greater than this.' }),
    lt: z.number().optional().meta({ description: 'True when the value is strictly less than this.' }),
    eq: z.number().optional().meta({ description: 'True when the value equals this.' }),
  })
  .meta({ description: 'A comparison; every bound given must hold.' });
export type Comparison = z.infer<typeof Comparison>;

const partyRef = z.string().optional().meta({ description: "A party id. In a party's own transitions it may be left out to mean that party." });

export type Condition =
  | { round: Comparison }
  | { control: Comparison & { territory: string } }
  | { pressure: Comparison & { party?: string } }
  | { batna: Comparison & { party?: string } }
  | { credibility: Comparison & { party?: string } }
  | { trust: Comparison & { party?: string; toward: string } }
  | { offer: Comparison & { party?: string; from?: string } }
  | { posture: { party?: string; is: string } }
  | { walkedOut: string }
  | { ceasefire: boolean }
  | { event: string }
  | { meeting: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const cmp = Comparison.shape;
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ round: Comparison }).meta({ description: 'The current round (1-based) compared to a number.' }),
    z
      .strictObject({ control: z.strictObject({ ...cmp, territory: z.string().meta({ description: 'Territory id.' }) }) })
      .meta({ description: "The occupier's share of a territory (0–1) compared to a number." }),
    z.strictObject({ pressure: z.strictObject({ ...cmp, party: partyRef }) }).meta({ description: "A party's pressure (0–100) compared to a number." }),
    z.strictObject({ batna: z.strictObject({ ...cmp, party: partyRef }) }).meta({ description: "A party's BATNA (the utility of no deal, 0–1) compared to a number." }),
    z.strictObject({ credibility: z.strictObject({ ...cmp, party: partyRef }) }).meta({ description: "A party's public credibility (0–1) compared to a number." }),
    z
      .strictObject({
        trust: z.strictObject({
          ...cmp,
          party: partyRef,
          toward: z.string().meta({ description: 'The party trusted.' }),
        }),
      })
      .meta({ description: 'How much a party trusts another (0–1) compared to a number.' }),
    z
      .strictObject({
        offer: z.strictObject({
          ...cmp,
          party: partyRef,
          from: z.string().optional().meta({ description: 'Only offers from this party count.' }),
        }),
      })
      .meta({ description: 'The best utility (0–1), for the party, of an offer it has heard this round.' }),
    z
      .strictObject({
        posture: z.strictObject({ party: partyRef, is: z.string().meta({ description: 'A posture id of that party.' }) }),
      })
      .meta({ description: 'True while the party is in this posture.' }),
    z.strictObject({ walkedOut: z.string().meta({ description: 'Party id.' }) }).meta({ description: 'True while that party has walked out of the talks.' }),
    z.strictObject({ ceasefire: z.boolean() }).meta({ description: 'True when the ceasefire state matches.' }),
    z.strictObject({ event: z.string() }).meta({ description: 'True once the event with this id has fired.' }),
    z.strictObject({ meeting: z.string() }).meta({ description: 'True once the meeting with this id has been held.' }),
    z.strictObject({ all: z.array(Condition).min(1) }).meta({ description: 'True when every condition holds.' }),
    z.strictObject({ any: z.array(Condition).min(1) }).meta({ description: 'True when at least one condition holds.' }),
    z.strictObject({ not: Condition }).meta({ description: 'True when the condition does not hold.' }),
  ]),
);

// ── Effects: what events and implemented options change in the world ─────────────────────────────────────

export const Effect = z
  .union([
    z
      .strictObject({
        pressure: z.strictObject({
          party: z.string().meta({ description: 'Party id.' }),
          add: z.number().meta({ description: 'Points to add (negative to relieve), clamped to 0–100.' }),
        }),
      })
      .meta({ description: "Change a party's pressure." }),
    z
      .strictObject({
        batna: z.strictObject({ party: z.string().meta({ description: 'Party id.' }), add: z.number().meta({ description: 'Utility to add to the BATNA, clamped to 0–1.' }) }),
      })
      .meta({ description: "Change a party's BATNA: how good no deal looks to it." }),
    z
      .strictObject({
        trust: z.strictObject({
          party: z.string().meta({ description: 'The party whose trust changes.' }),
          toward: z.string().meta({ description: 'The party it trusts more or less.' }),
          add: z.number().meta({ description: 'Amount to add, clamped to 0–1.' }),
        }),
      })
      .meta({ description: 'Change how much one party trusts another.' }),
    z
      .strictObject({
        credibility: z.strictObject({ party: z.string().meta({ description: 'Party id.' }), add: z.number().meta({ description: 'Amount to add, clamped to 0–1.' }) }),
      })
      .meta({ description: "Change a party's public credibility." }),
    z
      .strictObject({
        control: z.strictObject({
          territory: z.string().meta({ description: 'Territory id.' }),
          add: z.number().optional().meta({ description: "Add to the occupier's share (clamped to 0–1)." }),
          set: z.number().min(0).max(1).optional().meta({ description: "Set the occupier's share." }),
        }),
      })
      .meta({ description: 'Change who controls a territory.' }),
    z.strictObject({ ceasefire: z.boolean().meta({ description: 'Start (true) or end (false) a ceasefire.' }) }).meta({ description: 'Start or end a ceasefire.' }),
    z
      .strictObject({
        brief: z.strictObject({
          party: z.string().meta({ description: 'The party whose account it is: it was told the offer at the meeting.' }),
          meeting: z.string().meta({ description: 'The scripted meeting whose offer is told (meeting id).' }),
          to: z.array(z.string()).min(1).meta({ description: 'Who is told (party ids); those who were at the meeting are left out.' }),
          envoy: z.string().optional().meta({ description: 'The envoy (of `party`) who does the telling, as the log says it; the party itself when left out.' }),
        }),
      })
      .meta({
        description:
          'An account the party does not choose to give (its envoy on the phone to the allies): the others are told what it heard at the meeting, exactly as it heard it. Like a relay, it can be checked and found out; the party answers for it.',
      }),
    z
      .strictObject({
        check: z.strictObject({
          party: z.string().meta({ description: 'The party that checks what it was told.' }),
          meeting: z
            .string()
            .optional()
            .meta({ description: 'Only what it was told about the talks at this scripted meeting (meeting id); all its unchecked hearsay when left out.' }),
          how: z.string().default('A clarification call').meta({ description: 'How it is checked, as the log says it: "On the call Rubio set up".' }),
        }),
      })
      .meta({
        description:
          'A clarification call the party does not have to ask for (a call someone else sets up): every envoy report or relay it holds and has not checked is put to whoever spoke first. A distortion comes out, with the issues it garbled; a faithful account is confirmed.',
      }),
    z
      .strictObject({
        preferences: z.strictObject({
          party: z.string().meta({ description: 'The party whose preferences change (not a mediator: its follow the parties).' }),
          weights: z
            .record(z.string(), z.number().min(0))
            .optional()
            .meta({ description: "New weights for these issues, on the same scale as the party's own `weights` (the rest keep theirs; all are normalised again)." }),
          values: z
            .record(z.string(), z.record(z.string(), z.number().min(0).max(1)))
            .optional()
            .meta({ description: 'New values (0–1) for these options of these issues; the rest keep theirs.' }),
          redLines: z
            .strictObject({
              add: z
                .array(z.strictObject({ issue: z.string(), option: z.string() }))
                .default([])
                .meta({ description: 'Options the party will never sign from now on.' }),
              remove: z
                .array(z.strictObject({ issue: z.string(), option: z.string() }))
                .default([])
                .meta({ description: 'Red lines it drops (a conditional red line on that option goes too).' }),
            })
            .optional()
            .meta({ description: 'Red lines gained or dropped.' }),
        }),
      })
      .meta({
        description:
          "Change what a party wants: an election, a new government, a shock at home. Private, like all preferences: the others learn it only from how the party bargains. Scores are then measured with the party's preferences at the end.",
      }),
  ])
  .meta({ description: 'One change to the world.' });
export type Effect = z.infer<typeof Effect>;
