// The --seed flag, apart from the scenario reader so that commands that only need a seed do not load it.
import { CliError } from './errors.js';

/** Parses a --seed value: a non-negative integer below 2^32. */
export function parseSeed(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new CliError(`--seed takes a whole number from 0 to 4294967295, not "${value}"`, 2);
  return Number(value);
}
