// `backchannel new ID [--out FILE] [--template NAME]`: writes a commented starter scenario that validates and
// reaches deals, for an author to edit.
import { writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { bundledSchemaPath, packageRoot } from '../../scenario/bundled.js';
import { parseCommand } from '../args.js';
import { CliError, usageError } from '../errors.js';
import { commandHint } from '../hint.js';
import { mediatedScenario } from '../template-mediated.js';
import { multilateralScenario, summitScenario } from '../templates.js';

const TEMPLATES = {
  bilateral: 'two neighbours, three issues, a territory: postures, a transition, an envoy, a lever, an event',
  multilateral: 'two sides at war and their backers: issues signed by some parties only, envoys, a scripted meeting',
  summit: 'two leaders and a summit in the last round: public statements, a meeting in person, a deadline',
  mediated: 'two parties in peacetime and a mediator who runs a single negotiating text',
} as const;
type Template = keyof typeof TEMPLATES;

const help = `Usage: backchannel new ID [--out FILE] [--template NAME]

Writes ID.yaml (or FILE): a small, commented scenario that passes validation and reaches deals, to edit into
your own. ID is lower-case letters, digits and dashes, starting with a letter (e.g. border-talks).

Templates (--template, default bilateral):
${Object.entries(TEMPLATES)
  .map(([name, what]) => `  ${name.padEnd(13)}${what}`)
  .join('\n')}
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('new', argv, { out: { type: 'string', short: 'o' }, template: { type: 'string', short: 't' } });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const [id, ...extra] = positionals;
  if (id === undefined) throw usageError('new: give the new scenario an id, e.g. backchannel new border-talks');
  if (extra.length > 0) throw usageError(`new: one id only (unexpected ${JSON.stringify(extra[0])})`);
  if (!/^[a-z][a-z0-9-]*$/.test(id) || id.length > 64) {
    throw usageError(`new: invalid id ${JSON.stringify(id)}: use lower-case letters, digits and dashes, starting with a letter (e.g. border-talks)`);
  }
  const template = values.template ?? 'bilateral';
  if (!(template in TEMPLATES)) throw usageError(`new: no template ${JSON.stringify(template)}; choose one of ${Object.keys(TEMPLATES).join(', ')}`);
  const out = values.out ?? `${id}.yaml`;
  const text = templateText(template as Template, id, schemaReference(out));
  try {
    writeFileSync(out, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') throw new CliError(`new: ${out} already exists; not overwriting it (choose another name with --out)`);
    if (code === 'ENOENT') throw new CliError(`new: cannot write ${out}: no such folder`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`new: cannot write ${out}: permission denied`);
    if (code === 'EISDIR') throw new CliError(`new: cannot write ${out}: it is a folder`);
    throw new CliError(`new: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(`wrote ${out} — edit it, then check it with: ${commandHint('validate', out)}\n`);
  return 0;
}

/**
 * The bundled JSON Schema for the yaml-language-server modeline: relative to the new file when it is inside the
 * package (the bundled scenarios, a checkout), else absolute, so that the reference survives the file moving.
 */
export function schemaReference(out: string): string {
  const schema = bundledSchemaPath();
  const fromRoot = relative(packageRoot(), resolve(out));
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return schema.split(sep).join('/');
  const rel = relative(dirname(resolve(out)), schema)
    .split(sep)
    .join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The text of a template for scenario `id`, with the schema reference `schema`. */
export function templateText(template: Template, id: string, schema: string): string {
  switch (template) {
    case 'bilateral':
      return starterScenario(id, schema);
    case 'multilateral':
      return multilateralScenario(id, schema);
    case 'summit':
      return summitScenario(id, schema);
    case 'mediated':
      return mediatedScenario(id, schema);
  }
}

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as Template[];

/** A starter scenario: two parties, three issues, a territory, an event, postures with a transition. */
export function starterScenario(id: string, schema: string): string {
  const title = id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
  return `# yaml-language-server: $schema=${schema}
#
# A Backchannel scenario. Every key is described in the JSON Schema named above: an editor with the YAML
# language server shows the descriptions on hover and completes the keys. Check your work with
#   backchannel validate ${id}.yaml
# Ids (of parties, issues, options, territories, events, postures) are lower-case letters, digits and dashes;
# the rest of the file refers to things by their ids.

meta:
  id: ${id}
  title: ${title}
  date: 2025-01-06 # the date of round 1
  summary: >-
    Two neighbours meet over a river valley that one of them has held since the spring. Talk, or let the
    front decide.
  sources: [] # - title: "Outlet, date, headline"  url: https://…  note: what you took from it
  teacherNotes: >-
    Shows logrolling: the valley matters most to Highland, trade to Lowland, so a package that gives each side
    the issue it values most beats splitting every difference.

calendar:
  roundDays: 7 # a round is a week
  rounds: 10 # no signed deal by the end of round 10: no deal
  implementationRounds: 3
  deadlines:
    - round: 6
      label: Harvest

territories:
  - id: valley
    name: River valley
    area: 5200 # km²
    population: 240000
    occupier: highland # \`control\` is the occupier's share…
    holder: lowland # …and the holder has the rest
    control: 0.6
    places:
      - name: Ferry town
        note: The only bridge over the river.
    map: { col: 20, row: 4 } # where the label sits on the terminal map

issues:
  - id: valley
    name: The valley
    kind: territory
    territory: valley
    signatories: [highland, lowland]
    options:
      - id: highland-keeps
        label: Highland keeps what it holds
        effects:
          - control: { territory: valley, set: 0.6 }
      - id: shared
        label: Shared administration, monitors on the line
      - id: returned
        label: The valley returns to Lowland
        effects:
          - control: { territory: valley, set: 0 }
  - id: ceasefire
    name: Ceasefire
    kind: sequencing
    signatories: [highland, lowland]
    options:
      - id: now
        label: Ceasefire now, talks after
      - id: with-deal
        label: Ceasefire only with the whole deal
  - id: trade
    name: Trade
    kind: economic
    signatories: [highland, lowland]
    options:
      - id: closed
        label: Border stays closed to trade
      - id: reopened
        label: Border reopens to trade

parties:
  - id: highland
    name: Highland
    leader: The Chancellor
    colour: red
    briefing: >-
      You hold most of the valley and want to keep it. Your economy needs the border open more than you admit.
    pressure: 40 # 0–100: how much it needs a deal
    trust: { lowland: 0.3 }
    preferences:
      # Private: weight per issue (normalised), value (0–1) per option, and the BATNA (utility of no deal).
      weights: { valley: 0.5, ceasefire: 0.2, trade: 0.3 }
      values:
        valley: { highland-keeps: 1, shared: 0.5, returned: 0 }
        ceasefire: { now: 0.3, with-deal: 1 }
        trade: { closed: 0, reopened: 1 }
      reservation: 0.4
      redLines:
        - { issue: valley, option: returned }
    postures:
      initial: firm
      states:
        firm:
          label: Firm
          description: Asks for everything and concedes late.
          strategy: { policy: boulware, aspiration: 0.9, floor: 0.55 }
        bargaining:
          label: Bargaining
          description: Trades across issues to close a deal.
          strategy: { policy: linear, aspiration: 0.75, floor: 0.45 }
      transitions:
        - from: firm
          to: bargaining
          # \`party\` may be left out in a party's own transitions: it means this party.
          when: { any: [{ round: { gte: 4 } }, { pressure: { gte: 60 } }] }
          note: The cost of the war starts to bite.
    envoys:
      - id: old-friend
        name: An old school friend of the Lowland president
        fidelity: 0.8
        bias: optimistic
    levers:
      - id: gas
        label: Cut gas deliveries
        target: lowland
        pressure: 10
        cost: 5

  - id: lowland
    name: Lowland
    leader: The President
    colour: blue
    briefing: >-
      You want the valley back, but your voters care more about trade and an end to the shelling.
    pressure: 50
    trust: { highland: 0.2 }
    preferences:
      weights: { valley: 0.3, ceasefire: 0.3, trade: 0.4 }
      values:
        valley: { highland-keeps: 0, shared: 0.6, returned: 1 }
        ceasefire: { now: 1, with-deal: 0.2 }
        trade: { closed: 0.1, reopened: 1 }
      reservation: 0.35
    postures:
      initial: probing
      states:
        probing:
          label: Probing
          strategy: { policy: tit-for-tat, aspiration: 0.85 }
        closing:
          label: Closing
          strategy: { policy: conceder, aspiration: 0.7 } # no floor: down to its reservation value
      transitions:
        - from: '*'
          to: closing
          when: { round: { gte: 7 } }
          note: The harvest deadline has passed.
    domestic:
      hawkishness: 0.4
      vetoPlayers:
        - name: Parliament
          threshold: 0.45

dynamics:
  front:
    - { territory: valley, drift: 0.01, volatility: 0.02 } # per round, without a ceasefire
  perRound:
    - { party: highland, pressure: 2, batna: -0.005 }
    - { party: lowland, pressure: 3, batna: -0.01 }
  controlToBatna: { highland: 0.3, lowland: -0.3 }

events:
  - id: harvest-fails
    title: The harvest fails in the valley
    text: With the border closed, grain prices double on both sides.
    # Unlike in transitions, a condition in an event must name its party.
    when: { any: [{ round: { gte: 3 } }, { pressure: { party: lowland, gte: 70 } }] }
    effects:
      - pressure: { party: highland, add: 10 }
      - pressure: { party: lowland, add: 10 }

scoring:
  baseline: initial-batna
`;
}
