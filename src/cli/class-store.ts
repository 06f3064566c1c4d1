// A class folder on disk: class.json (the plan: tables, seats, seeds), class.key (the key that signs the
// students' saves, readable by the teacher alone) and saves/ (one save per student). A save signed with the
// class key is a game played through `play --class`; an edited one no longer matches its signature.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassPlan } from '../engine/class-plan.js';
import type { SaveFile } from '../engine/save.js';
import { cleanText } from '../scenario/clean-text.js';
import { CliError } from './errors.js';
import { hmacHex, sameSignature } from './hmac.js';
import { safeName, writeFileAtomic } from './save-store.js';

const PLAN = 'class.json';
const KEY = 'class.key';

export const savesDir = (dir: string) => join(dir, 'saves');

/** Writes a new class folder; refuses a folder that already holds a class. */
export function createClass(dir: string, plan: ClassPlan): void {
  if (existsSync(join(dir, PLAN))) throw new CliError(`${cleanText(dir)} already holds a class (class.json); choose another folder`);
  mkdirSync(savesDir(dir), { recursive: true });
  writeFileSync(join(dir, KEY), randomBytes(32), { mode: 0o600, flag: 'wx' });
  writeFileAtomic(join(dir, PLAN), `${JSON.stringify(plan, null, 2)}\n`);
}

export function loadClass(dir: string): ClassPlan {
  let text: string;
  try {
    text = readFileSync(join(dir, PLAN), 'utf8');
  } catch {
    throw new CliError(`${cleanText(dir)} is not a class folder (no class.json; make one with backchannel class new)`);
  }
  let plan: ClassPlan;
  try {
    plan = JSON.parse(text) as ClassPlan;
  } catch {
    throw new CliError(`${cleanText(join(dir, PLAN))} is not valid JSON`);
  }
  if (plan.format !== 'backchannel-class' || !Array.isArray(plan.tables)) throw new CliError(`${cleanText(join(dir, PLAN))} is not a Backchannel class plan`);
  return plan;
}

function classKey(dir: string): Buffer {
  try {
    const key = readFileSync(join(dir, KEY));
    if (key.length >= 32) return key;
  } catch {
    // Reported below.
  }
  throw new CliError(`${cleanText(dir)}: the class key (class.key) is missing; saves cannot be signed or checked`);
}

/**
 * The codes that let people into a class served over SSH (backchannel serve): one for the students, one for
 * the teacher. Derived from the class key, so they need no file of their own and change only with the class.
 */
export function classCodes(dir: string): { student: string; teacher: string } {
  const key = classKey(dir);
  // No 0/o, 1/l/i: a code read aloud or from a projector is typed right the first time.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const code = (purpose: string) => {
    const bytes = Buffer.from(hmacHex(key, `backchannel ${purpose} code`), 'hex');
    const chars = [...bytes.subarray(0, 8)].map((b) => alphabet[b % alphabet.length]!);
    return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
  };
  return { student: code('student'), teacher: code('teacher') };
}

/** The save's signature with the class key (over the save without its signature). */
export function signatureOf(dir: string, save: SaveFile): string {
  const { signature: _ignored, ...rest } = save;
  return hmacHex(classKey(dir), JSON.stringify(rest));
}

/** Whether a save carries a signature that the class key confirms. */
export function authentic(dir: string, save: SaveFile): boolean {
  return save.signature !== undefined && sameSignature(save.signature, signatureOf(dir, save));
}

/** Where a student's save goes in the class folder. */
export function studentSavePath(dir: string, table: string, name: string): string {
  return join(savesDir(dir), `${safeName(table)}-${safeName(name.toLowerCase())}.json`);
}

/** The save files in the class folder. */
export function classSaves(dir: string): string[] {
  try {
    return readdirSync(savesDir(dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(savesDir(dir), f));
  } catch {
    return [];
  }
}
