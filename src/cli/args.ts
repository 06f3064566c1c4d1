// Every command parses its flags the same way: strictly, with --help/-h, and with one clear usage line
// (exit 2) for an unknown option or a missing value.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cleanText } from '../scenario/clean-text.js';
import { usageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;
const help = { help: { type: 'boolean', short: 'h' } } as const;

export function parseCommand<const O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...options, ...help }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${command}: ${argumentProblem(error)} (try: backchannel ${command} --help)`);
  }
}

/** node:util's parseArgs errors in a few words: "unknown option --x", "option --y needs a value". */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const option = (/--[\w-]+/.exec(message) ?? /-\w\b/.exec(message))?.[0];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `option ${option} needs a value`;
  return message.replace(/\.$/, '');
}

/** A flag's whole number between `min` and `max` (`fallback` when the flag is absent); anything else is a usage error. */
export function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw usageError(`--${flag} takes a whole number from ${min} to ${max}, not "${cleanText(text)}"`);
  return Number(text);
}
