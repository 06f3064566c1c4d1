// The keys of the screen underneath, straight from the keymap, plus a few lines on how the game works.
import { Box } from 'ink';
import { useKeys, PRIORITY } from '../context/keys.js';
import { cableLegend, DISAGREE_FLAG, FOUND_OUT_LOOK } from '../format.js';
import { cells, padCells, wrap, wrapIndented } from '../text.js';
import { bindingKeys, KEYMAP, type Scope } from '../keymap.js';
import { useTheme, type Theme } from '../theme.js';
import { useScroll } from '../hooks/use-scroll.js';
import { KeyBar } from './KeyBar.js';
import { RichWindow, scrollHint, wrapRich, type RichLine } from './RichText.js';
import { Section } from './Section.js';

const SCOPE_TITLE: Record<Scope, string> = {
  title: 'Title screen',
  scenarios: 'Choosing a scenario',
  roles: 'Choosing your side',
  briefing: 'Your briefing',
  pass: 'Passing the keyboard',
  table: 'At the table',
  builder: 'The proposal builder',
  offers: 'Open proposals',
  pick: 'Choosing',
  history: 'The log',
  intel: 'What we know',
  signing: 'Signing',
  confirm: 'A question',
  debrief: 'The debrief',
  help: 'Help',
  'too-small': 'Terminal too small',
};

export const HOW_TO_PLAY =
  'Each round is a week. On your turn you take one action: propose a package (an option on every issue), ' +
  'accept or reject what is on the table, commit yourself in public, send an envoy, ask for a clarification, ' +
  'apply pressure, call a summit, walk out — or pass. When every party whose signature is needed accepts the ' +
  'same package, it goes to signing, then home for ratification. Your score is the deal against your BATNA: ' +
  'what no deal (the war going on, or the dispute) is worth to you. Envoys carry messages off the record and may garble ' +
  'them; direct talks keep an official record. i shows what you know for sure and what you were only told.';

/** A legend entry: a symbol (or a sample) and what it means. */
type Entry = [sample: string, meaning: string];

const DOTS: Entry[] = [
  ['●●●●○', 'what an option is worth to you: five dots for your best option on that issue, none for your worst'],
  ['✗', 'after the dots, or in a warning: it crosses one of your red lines — you could not sign it'],
  ['⚠', 'a warning: e.g. it breaks a public line you took (you lose credibility if you go back on it)'],
  ['14%', 'beside an issue: its weight, the share of all you care about'],
];
const ESTIMATE: Entry[] = [
  ['✓ ~ ✗', 'your estimate of how a party would take the package: likely yes, maybe, unlikely (or no)'],
  ['?', 'after an estimate: a guess — nothing from that party to go on yet (no offers, no public line)'],
];
const PERCENT: Entry = [
  '70%',
  'on a cable: how sure you can be of the words as you heard them, from the channel — on the record or in public 100%, talks with no notetaker 90%, a leak 80%, an envoy 70%, a readout 60%, passed on 50%; confirmed 100%, exposed 0%',
];
const cables = (): Entry[] => [
  ...cableLegend().map((c): Entry => [`${c.symbol} ${c.word}`, c.meaning]),
  PERCENT,
  [DISAGREE_FLAG, 'another account of the same talks reached you, and it tells them differently'],
];

/** What the symbols and numbers of a screen mean. */
export function legendEntries(scope: Scope): Entry[] {
  switch (scope) {
    case 'table':
    case 'signing':
      return [
        ...DOTS,
        ...ESTIMATE,
        ...cables(),
        ['▓▓░░ 73%', "the front: the occupier's share of a territory (▓) and the rest (░)"],
        ['█░░░░', 'parties: its trust in you, and the pressure it is under (0–100, the number beside it)'],
        ['★', 'your own side'],
        [
          `${FOUND_OUT_LOOK.symbol} ${FOUND_OUT_LOOK.word}`,
          'on your own words: someone found out they reached it distorted (your envoy garbled them, or a relay bent them), and it cost you',
        ],
        ['#21 m38', 'a package (a proposal) is #21; a message (a cable) is m38'],
      ];
    case 'builder':
    case 'offers':
      return [...DOTS, ...ESTIMATE, ['#21 m38', 'a package (a proposal) is #21; a message (a cable) is m38']];
    case 'intel':
      return [
        ['A B', 'the distinct versions of the terms of one set of talks: accounts with the same letter tell the same terms'],
        ['for sure', 'known for sure: on the record, confirmed by a call, a leak, your own words, or the truth an exposure revealed'],
        ['told', "only told: an envoy's report, something passed on, a readout, talks with no notetaker"],
        ['≠', 'an issue the versions tell differently'],
        ...cables(),
        [`${FOUND_OUT_LOOK.symbol} ${FOUND_OUT_LOOK.word}`, 'what was really said, learnt when a distortion was exposed'],
        ['R3', 'the round it reached you'],
      ];
    default:
      return [];
  }
}

function legendLines(scope: Scope, width: number, theme: Theme): RichLine[] {
  const entries = legendEntries(scope);
  if (entries.length === 0) return [];
  const sampleW = Math.min(22, Math.max(...entries.map(([sample]) => cells(sample))) + 4);
  const lines: RichLine[] = [[], [{ text: ' What the symbols mean', bold: true }]];
  for (const [sample, meaning] of entries) {
    const long = cells(sample) + 4 > sampleW;
    const head = padCells(`  ${sample}`, sampleW);
    if (long) {
      // A long sample on a line of its own, its meaning under it.
      lines.push([{ text: `  ${sample}`, bold: true, color: theme.accent }]);
      for (const line of wrapIndented(meaning, width, ' '.repeat(sampleW))) lines.push([{ text: line, color: theme.muted }]);
      continue;
    }
    wrapIndented(meaning, width - sampleW).forEach((line, i) =>
      lines.push([
        { text: i === 0 ? head : ' '.repeat(sampleW), bold: true, color: theme.accent },
        { text: line, color: theme.muted },
      ]),
    );
  }
  return lines;
}

export function HelpOverlay({ scope, width, height, onClose, intro }: { scope: Scope; width: number; height: number; onClose: () => void; intro?: boolean }) {
  const theme = useTheme();
  const bindings = KEYMAP[scope];
  const keyW = Math.max(...bindings.map((b) => bindingKeys(b).length), 5) + 4;
  // Each key with what it does, wrapped under its text: nothing is cut.
  const lines: RichLine[] = bindings.flatMap((b) =>
    wrapRich([{ text: `  ${bindingKeys(b)}`.padEnd(keyW), bold: true, color: theme.accent }, { text: b.help }], width, ' '.repeat(keyW)),
  );
  lines.push(...wrapRich([{ text: '  Ctrl+C'.padEnd(keyW), bold: true, color: theme.accent }, { text: 'save the game and quit at once, from anywhere' }], width, ' '.repeat(keyW)));
  lines.push(...legendLines(scope, width, theme));
  if (intro || scope === 'table') {
    lines.push([], [{ text: ' How the game works', bold: true }]);
    for (const line of wrap(HOW_TO_PLAY, width - 2)) lines.push([{ text: ` ${line}`, color: theme.muted }]);
  }
  const windowHeight = height - 2;
  const { offset, dispatch } = useScroll(lines.length, windowHeight);
  useKeys(
    'help',
    (action) => {
      if (action === 'back') onClose();
      if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown') dispatch({ type: action });
    },
    { priority: PRIORITY.overlay },
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Section title={`Help: ${SCOPE_TITLE[scope]}`} width={width} right={scrollHint(offset, windowHeight, lines.length) || 'Esc closes'} />
      <RichWindow lines={lines} offset={offset} height={windowHeight} width={width} />
      <KeyBar scope="help" width={width} />
    </Box>
  );
}
