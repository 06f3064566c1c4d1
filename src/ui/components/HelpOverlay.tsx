// The keys of the screen underneath, straight from the keymap, plus a few lines on how the game works.
import { Box } from 'ink';
import { useKeys, PRIORITY } from '../context/keys.js';
import { wrap } from '../format.js';
import { bindingKeys, KEYMAP, type Scope } from '../keymap.js';
import { useTheme } from '../theme.js';
import { useScroll } from '../hooks/use-scroll.js';
import { KeyBar } from './KeyBar.js';
import { RichWindow, scrollHint, type RichLine } from './RichText.js';
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
  'what no deal — the war going on — is worth to you. Envoys carry messages off the record and may garble ' +
  'them; direct talks keep an official record. i shows what you know for sure and what you were only told.';

export function HelpOverlay({ scope, width, height, onClose, intro }: { scope: Scope; width: number; height: number; onClose: () => void; intro?: boolean }) {
  const theme = useTheme();
  const bindings = KEYMAP[scope];
  const keyW = Math.max(...bindings.map((b) => bindingKeys(b).length), 5) + 4;
  const lines: RichLine[] = bindings.map((b) => [
    { text: `  ${bindingKeys(b)}`.padEnd(keyW), bold: true, color: theme.accent },
    { text: b.help },
  ]);
  lines.push([{ text: '  Ctrl+C'.padEnd(keyW), bold: true, color: theme.accent }, { text: 'save the game and quit at once, from anywhere' }]);
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
