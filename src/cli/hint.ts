// Commands printed for the user to run next: as they run after the README's set-up (`npx backchannel …` from
// the project folder), with every argument quoted for the shell when it needs to be, so a hint can be pasted.

/** An argument as a POSIX shell reads it back unchanged. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** "npx backchannel debrief '/tmp/my saves/a.json'". */
export function commandHint(...args: string[]): string {
  return ['npx', 'backchannel', ...args].map((a, i) => (i < 2 ? a : shellQuote(a))).join(' ');
}
