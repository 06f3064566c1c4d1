// The one keymap: every key of every screen, as data. The single input owner (KeysProvider) turns a raw key
// into a named action with `actionFor`; the help overlay and the key bar list the same bindings, so what the
// screen says and what the keys do cannot drift apart. Views never look at raw keys.
import type { Key } from 'ink';

/** A named action a screen can handle. */
export type Action =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'select'
  | 'toggle'
  | 'back'
  | 'help'
  | 'quit'
  | 'yes'
  | 'no'
  | 'propose'
  | 'accept'
  | 'reject'
  | 'counter'
  | 'offers'
  | 'statement'
  | 'envoy'
  | 'clarify'
  | 'relay'
  | 'readout'
  | 'lever'
  | 'summit'
  | 'walk'
  | 'pass'
  | 'history'
  | 'intel'
  | 'channel'
  | 'recipients'
  | 'package'
  | 'sign'
  | 'refuse'
  | 'debrief'
  | 'transcript'
  | 'details';

type Special = 'up' | 'down' | 'left' | 'right' | 'enter' | 'escape' | 'tab' | 'space' | 'pageUp' | 'pageDown';

/** One key: a printable character, or a special key. */
export type KeySpec = { char: string } | { special: Special };

export interface Binding {
  action: Action;
  keys: KeySpec[];
  /** What the key does, for the help overlay. */
  help: string;
  /** A word or two for the key bar; bindings without one appear only in the help overlay. */
  bar?: string;
}

/** Where keys are read: each screen, panel and overlay has its own set. */
export type Scope =
  'title' | 'scenarios' | 'roles' | 'briefing' | 'pass' | 'table' | 'builder' | 'offers' | 'pick' | 'history' | 'intel' | 'signing' | 'confirm' | 'debrief' | 'help' | 'too-small';

const ch = (char: string): KeySpec => ({ char });
const sp = (special: Special): KeySpec => ({ special });

const move: Binding[] = [
  { action: 'up', keys: [sp('up'), ch('k')], help: 'move up', bar: 'move' },
  { action: 'down', keys: [sp('down'), ch('j')], help: 'move down' },
];
const scroll: Binding[] = [
  { action: 'up', keys: [sp('up'), ch('k')], help: 'scroll up', bar: 'scroll' },
  { action: 'down', keys: [sp('down'), ch('j')], help: 'scroll down' },
  { action: 'pageUp', keys: [sp('pageUp')], help: 'page up' },
  { action: 'pageDown', keys: [sp('pageDown'), sp('space')], help: 'page down' },
];
const help: Binding = { action: 'help', keys: [ch('?')], help: 'this help', bar: 'help' };
const quit: Binding = { action: 'quit', keys: [ch('q')], help: 'quit (asks first; the game is saved)', bar: 'quit' };
const back: Binding = { action: 'back', keys: [sp('escape')], help: 'go back', bar: 'back' };

const intel: Binding = { action: 'intel', keys: [ch('i')], help: 'what we know: for sure vs what we were told, talks by talks', bar: 'intel' };

export const KEYMAP: Record<Scope, Binding[]> = {
  title: [...move, { action: 'select', keys: [sp('enter')], help: 'choose', bar: 'choose' }, help, { ...quit, help: 'quit' }],
  scenarios: [...move, { action: 'select', keys: [sp('enter')], help: 'play this scenario', bar: 'choose' }, back, help, { ...quit, help: 'quit' }],
  roles: [
    ...move,
    { action: 'toggle', keys: [sp('space')], help: 'add or remove a party (several parties: hot-seat at one keyboard)', bar: 'hot-seat' },
    { action: 'select', keys: [sp('enter')], help: 'play the chosen party (or the one under the cursor)', bar: 'start' },
    back,
    help,
    { ...quit, help: 'quit' },
  ],
  briefing: [...scroll, { action: 'select', keys: [sp('enter')], help: 'go to the table', bar: 'to the table' }, help, quit],
  pass: [{ action: 'select', keys: [sp('enter')], help: 'take the keyboard and show your view', bar: 'continue' }, help, quit],
  table: [
    { action: 'propose', keys: [ch('p')], help: 'propose a package (opens the proposal builder)', bar: 'propose' },
    { action: 'accept', keys: [ch('a')], help: 'accept an open proposal (pick one)', bar: 'accept' },
    { action: 'reject', keys: [ch('r')], help: 'reject an open proposal (pick one)', bar: 'reject' },
    { action: 'pass', keys: [ch('n')], help: 'pass: end your turn', bar: 'pass' },
    intel,
    { action: 'statement', keys: [ch('s')], help: 'public statement: commit yourself on an issue', bar: 'statement' },
    { action: 'envoy', keys: [ch('e')], help: 'send a proposal through an envoy (off the record)', bar: 'envoy' },
    { action: 'clarify', keys: [ch('c')], help: 'ask for a clarification of what you heard second-hand', bar: 'clarify' },
    { action: 'relay', keys: [ch('f')], help: 'pass on (forward) what someone offered you — as heard, or as you tell it', bar: 'pass on' },
    { action: 'readout', keys: [ch('o')], help: 'publish your readout of off-the-record talks', bar: 'readout' },
    { action: 'lever', keys: [ch('l')], help: 'apply or lift pressure (sanctions, tariffs, aid)', bar: 'lever' },
    { action: 'summit', keys: [ch('m')], help: 'call a summit with another leader', bar: 'summit' },
    { action: 'walk', keys: [ch('w')], help: 'walk out of the talks, or come back', bar: 'walk out' },
    { action: 'history', keys: [ch('h')], help: 'the full log of what you have seen', bar: 'log' },
    { action: 'debrief', keys: [sp('enter')], help: 'when the talks are over: the debrief', bar: 'debrief' },
    help,
    quit,
  ],
  builder: [
    { action: 'up', keys: [sp('up'), ch('k')], help: 'previous issue', bar: 'issue' },
    { action: 'down', keys: [sp('down'), ch('j')], help: 'next issue' },
    { action: 'left', keys: [sp('left'), ch('h')], help: 'previous option', bar: 'option' },
    { action: 'right', keys: [sp('right'), ch('l')], help: 'next option' },
    { action: 'channel', keys: [sp('tab')], help: 'switch channel: direct talks with or without a notetaker, or in public', bar: 'channel' },
    { action: 'recipients', keys: [ch('t')], help: 'who it goes to in direct talks: the whole table, or one party alone', bar: 'to' },
    { action: 'details', keys: [ch('d')], help: 'read what the option under the cursor means, in full (d again: one line)', bar: 'details' },
    { action: 'select', keys: [sp('enter')], help: 'send it', bar: 'send' },
    { action: 'back', keys: [sp('escape')], help: 'cancel', bar: 'cancel' },
    help,
  ],
  offers: [
    ...move,
    { action: 'accept', keys: [ch('a')], help: 'accept this proposal', bar: 'accept' },
    { action: 'reject', keys: [ch('r')], help: 'reject this proposal', bar: 'reject' },
    // p proposes, here as at the table: a counter-proposal starts from these terms. c clarifies, as at the table.
    { action: 'counter', keys: [ch('p')], help: 'counter: propose a package of your own, starting from these terms', bar: 'counter' },
    { action: 'clarify', keys: [ch('c')], help: 'ask the sender to confirm what you heard (hearsay you have not checked yet)', bar: 'clarify' },
    { ...intel, help: 'what we know about this package: every account of its talks' },
    { action: 'pageUp', keys: [sp('pageUp')], help: 'scroll the terms up (when they do not all fit)' },
    { action: 'pageDown', keys: [sp('pageDown')], help: 'scroll the terms down' },
    back,
    help,
  ],
  pick: [...move, { action: 'select', keys: [sp('enter')], help: 'choose', bar: 'choose' }, { ...back, bar: 'cancel', help: 'cancel' }, help],
  history: [...scroll, { action: 'back', keys: [sp('escape'), ch('h')], help: 'back to the table', bar: 'back' }, help],
  intel: [
    ...scroll,
    { action: 'left', keys: [sp('left'), ch('[')], help: 'the previous set of talks', bar: 'talks' },
    { action: 'right', keys: [sp('right'), ch(']')], help: 'the next set of talks' },
    { action: 'package', keys: [...'0123456789'].map(ch), help: 'type a package number to jump to its talks (1 then 2: #12)', bar: 'package' },
    { action: 'back', keys: [sp('escape'), ch('i')], help: 'back to the table', bar: 'back' },
    help,
  ],
  signing: [
    { action: 'sign', keys: [ch('s')], help: 'sign the agreement as written', bar: 'sign' },
    { action: 'refuse', keys: [ch('x')], help: 'refuse to sign (the agreement falls apart)', bar: 'refuse' },
    intel,
    { action: 'history', keys: [ch('h')], help: 'the full log of what you have seen', bar: 'log' },
    help,
    quit,
  ],
  confirm: [
    { action: 'yes', keys: [ch('y')], help: 'yes', bar: 'yes' },
    { action: 'no', keys: [ch('n'), sp('escape')], help: 'no, go back', bar: 'no' },
  ],
  debrief: [
    ...scroll,
    { action: 'transcript', keys: [ch('t')], help: 'save a transcript (Markdown)', bar: 'transcript' },
    help,
    { action: 'quit', keys: [ch('q')], help: 'quit (the game is saved)', bar: 'quit' },
  ],
  help: [...scroll, { action: 'back', keys: [sp('escape'), ch('?'), sp('enter'), ch('q')], help: 'close the help', bar: 'close' }],
  'too-small': [{ action: 'quit', keys: [ch('q')], help: 'save and quit', bar: 'quit' }],
};

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if ('char' in spec) return !key.ctrl && !key.meta && input === spec.char;
  switch (spec.special) {
    case 'up':
      return key.upArrow;
    case 'down':
      return key.downArrow;
    case 'left':
      return key.leftArrow;
    case 'right':
      return key.rightArrow;
    case 'enter':
      return key.return;
    case 'escape':
      return key.escape;
    case 'tab':
      return key.tab && !key.shift;
    case 'space':
      return input === ' ';
    case 'pageUp':
      return key.pageUp;
    case 'pageDown':
      return key.pageDown;
  }
}

/** The action a key means in `scope`, if any. */
export function actionFor(scope: Scope, input: string, key: Key): Action | undefined {
  return KEYMAP[scope].find((b) => b.keys.some((k) => matches(k, input, key)))?.action;
}

const SPECIAL_LABEL: Record<Special, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  space: 'Space',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
};

export const keyLabel = (spec: KeySpec) => ('char' in spec ? spec.char : SPECIAL_LABEL[spec.special]);

/** The digits, as one key range. */
const isDigits = (b: Binding) => b.keys.length === 10 && b.keys.every((k) => 'char' in k && k.char >= '0' && k.char <= '9');

/** The keys of a binding as the help overlay shows them: "↑ k", "0–9". */
export const bindingKeys = (b: Binding) => (isDigits(b) ? '0–9' : b.keys.map(keyLabel).join(' '));

/** The key of an action in a scope, for prompts written in words ("press Enter"). */
export function keyOf(scope: Scope, action: Action): string {
  const b = KEYMAP[scope].find((x) => x.action === action);
  return b ? keyLabel(b.keys[0]!) : '?';
}

/**
 * The key bar of a scope: the bindings with a bar word, in keymap order; pairs that share a word (↑/↓) are
 * shown once. `only` keeps just those actions (e.g. the legal ones).
 */
export function barItems(scope: Scope, only?: ReadonlySet<Action>): { keys: string; word: string }[] {
  return barEntries(scope, only).map(({ keys, word }) => ({ keys, word }));
}

/** The key bar of a scope as `barItems` gives it, with the action of each item. */
export function barEntries(scope: Scope, only?: ReadonlySet<Action>): { action: Action; keys: string; word: string }[] {
  const out: { action: Action; keys: string; word: string }[] = [];
  const bindings = KEYMAP[scope];
  bindings.forEach((b, i) => {
    if (!b.bar) return;
    if (only && !only.has(b.action)) return;
    // A movement pair: "↑↓ move", "←→ option".
    const next = bindings[i + 1];
    const pair = next && !next.bar && (b.action === 'up' || b.action === 'left' || b.action === 'pageUp');
    const keys = pair ? `${keyLabel(b.keys[0]!)}${keyLabel(next.keys[0]!)}` : isDigits(b) ? '0–9' : keyLabel(b.keys[0]!);
    out.push({ action: b.action, keys, word: b.bar });
  });
  return out;
}
