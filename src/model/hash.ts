// A fingerprint of a World: two independent 32-bit FNV-1a hashes over its canonical JSON. Saves carry it so
// that a replay can prove it reproduced the same game.
import type { LogLine, World } from './types.js';

export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function hashWorld(world: World): string {
  return hashText(JSON.stringify(world));
}

/**
 * The hash an older save recorded for the same world. Each version since added bookkeeping and changed nothing
 * else, so an older game replays to the same world less what came later: version 3 a line for every proposal
 * that leaves the table other than by agreement, the issues (and the message) an exposure line names, and messages called mN
 * in the line of a faithful clarification; version 2 the round each posture began and the reasons given
 * for rejections.
 */
export function hashWorldAs(version: number, world: World): string {
  if (version >= 3) return hashWorld(world);
  const closings = world.proposals.filter((p) => p.status === 'superseded' || p.status === 'expired' || p.status === 'rejected').length;
  const before3: World = {
    ...world,
    recent: world.recent.filter((line) => line.kind !== 'closed').map(asBefore3),
    logCount: world.logCount - closings,
  };
  if (version === 2) return hashWorld(before3);
  return hashText(
    JSON.stringify(before3, function (key, value: unknown) {
      if (key === 'postureSince' && typeof value === 'number') return undefined;
      if (key === 'reasons' && Array.isArray((this as { accepted?: unknown }).accepted)) return undefined;
      return value;
    }),
  );
}

/** A log line as a save before version 3 wrote it. */
function asBefore3(line: LogLine): LogLine {
  if (line.kind === 'exposure') {
    const { message: _, ...rest } = line;
    return { ...rest, text: line.text.replace(/ \(Where it differs: .*\)$/, '') };
  }
  if (line.kind === 'action') return { ...line, text: line.text.replace(/ checks m(\d+) with /, ' checks message #$1 with ') };
  return line;
}
