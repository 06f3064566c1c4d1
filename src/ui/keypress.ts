// Splitting what the terminal sent into single keypresses. Ink 6 hands its input listeners one event per escape
// sequence but leaves a run of ordinary characters in one piece: `tmux send-keys 'pjjl'`, a paste, or keys
// typed faster than the screen redraws arrive as "pjjl". The input owner splits such a run here — printable
// characters one by one, escape sequences (arrows, Home/End, PgUp/PgDn), Enter, Esc, Tab and Backspace as whole
// units — and reads each piece the way Ink reads a single key. Esc followed at once by a character ("\x1bh",
// what `send-keys Escape h` or a quick Esc then h sends) is Esc, then h: the game binds no Alt keys, and Ink
// would read it as Alt+h (or, for "\x1b?", drop the Esc). Plain functions, no React.
import type { Key } from 'ink';

/** One keypress: what `useInput` would have been given for it alone. */
export interface Keypress {
  input: string;
  key: Key;
}

const ESC = '\u001B';

export function blankKey(over: Partial<Key> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...over,
  };
}

const codePointLength = (text: string, at: number) => ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);

/** The length of the escape sequence that starts at `at` (text[at] is ESC): 1 for Esc on its own. */
function escapeLength(text: string, at: number): number {
  const next = text[at + 1];
  if (next === '[') {
    // CSI: ESC [ (a legacy second [) parameters… intermediates… final byte.
    let j = at + 2;
    if (text[j] === '[') j++;
    while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f) j++;
    const final = text.charCodeAt(j);
    return j < text.length && final >= 0x40 && final <= 0x7e ? j + 1 - at : 1;
  }
  // SS3: ESC O and a letter (arrows, Home, End, F1–F4 in application mode).
  if (next === 'O' && /^[A-Za-z]$/.test(text[at + 2] ?? '')) return 3;
  // Esc on its own — also before a character (Esc, then h), or before another Esc.
  return 1;
}

/** The single keys in `data`, in order: "p\x1b[Bj" → ["p", "\x1b[B", "j"]. */
export function splitKeypresses(data: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < data.length) {
    const length = data[i] === ESC ? escapeLength(data, i) : data[i] === '\r' && data[i + 1] === '\n' ? 2 : codePointLength(data, i);
    out.push(data.slice(i, i + length));
    i += length;
  }
  return out;
}

const LETTER_KEYS: Record<string, keyof Key> = { A: 'upArrow', B: 'downArrow', C: 'rightArrow', D: 'leftArrow', H: 'home', F: 'end' };
const NUMBER_KEYS: Record<string, keyof Key> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageUp', '6': 'pageDown' };

/** Reads one key (a piece from `splitKeypresses`) as Ink's `useInput` would. */
export function parseKeypress(piece: string): Keypress {
  if (piece === '\r' || piece === '\r\n') return { input: '', key: blankKey({ return: true }) };
  if (piece === '\t') return { input: '', key: blankKey({ tab: true }) };
  if (piece === '\b') return { input: '', key: blankKey({ backspace: true }) };
  // Ink reads DEL (what most terminals send for Backspace) as `delete`.
  if (piece === '\u007F') return { input: '', key: blankKey({ delete: true }) };
  if (piece === ESC || piece === ESC + ESC) return { input: '', key: blankKey({ escape: true, meta: true }) };
  if (piece.startsWith(ESC + '[') || piece.startsWith(ESC + 'O')) {
    const body = piece.slice(2).replace(/^\[/, '');
    const final = body.at(-1) ?? '';
    const params = body.slice(0, -1).split(';');
    const modifier = Math.max(0, Number(params[1] ?? 1) - 1) || 0;
    const mods = { shift: (modifier & 1) !== 0, meta: (modifier & 2) !== 0, ctrl: (modifier & 4) !== 0 };
    if (final === 'Z') return { input: '', key: blankKey({ tab: true, shift: true }) };
    const name = final === '~' ? NUMBER_KEYS[params[0] ?? ''] : LETTER_KEYS[final];
    return { input: '', key: name ? blankKey({ ...mods, [name]: true }) : blankKey(mods) };
  }
  if (piece.startsWith(ESC)) {
    // Meta with a character: Ink passes the character, with `meta`.
    const input = piece.slice(1);
    return { input, key: blankKey({ meta: true, shift: /^[A-Z]$/.test(input) }) };
  }
  const code = piece.charCodeAt(0);
  if (piece.length === 1 && code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: blankKey({ ctrl: true }) };
  return { input: piece, key: blankKey({ shift: /^[A-Z]$/.test(piece) }) };
}

/** Whether Ink read an event as one special key (an arrow, Enter, Esc…) rather than as text. */
function isSpecial(key: Key): boolean {
  return (
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end ||
    key.return ||
    key.escape ||
    key.tab ||
    key.backspace ||
    key.delete
  );
}

/** The keypresses in one raw input event (as Ink's input parser hands it to its listeners). */
export function rawKeypresses(data: string): Keypress[] {
  return splitKeypresses(data).map(parseKeypress);
}

/**
 * The keypresses in one `useInput` event (the fallback when the raw events cannot be read). A single key passes through as Ink read it; a run of several
 * characters (which Ink gives as one piece) is split and each piece read on its own.
 */
export function keypresses(input: string, key: Key): Keypress[] {
  if (isSpecial(key) || key.ctrl || Array.from(input).length <= 1) return [{ input, key }];
  return splitKeypresses(input).map(parseKeypress);
}
