// The last line of defence between the game's text and the terminal. Ink writes colours and cursor moves (CSI
// sequences); nothing the game draws needs an operating-system command (OSC: the clipboard, the window title,
// hyperlinks), a device control string or an 8-bit control. Whatever the data's origin — a scenario, a save, a
// cache — such sequences are dropped on the way out, as plain mode strips them from its text.

/** OSC, DCS, SOS, PM and APC strings (terminated by BEL or ST, or running to the end), and C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /\u001b[\]P^_X][\s\S]*?(?:\u0007|\u001b\\|$)|[\u0080-\u009f]/g;

export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** `stream` with every string written to it passed through stripUnsafe; everything else is the stream's own. */
export function guardTerminal<T extends NodeJS.WriteStream>(stream: T): T {
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => (target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? stripUnsafe(chunk) : chunk, ...rest);
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
