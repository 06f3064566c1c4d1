// A lesson's plan: students dealt to tables and seats (the AI in the rest), a seed per table. Pure and
// deterministic: the same roster, scenario and seed always give the same plan.
import type { Game } from '../model/game.js';
import { deriveSeed } from '../model/rng.js';
import type { PartyId } from '../model/types.js';

export interface RosterEntry {
  name: string;
  /** The party the student asked for, if any. */
  wants?: PartyId;
}

export interface ClassTable {
  id: string;
  seed: number;
  /** Each playable seat: the student's name, or null when the AI plays it. */
  seats: Record<PartyId, string | null>;
}

export interface ClassPlan {
  format: 'backchannel-class';
  version: 1;
  /** The scenario: its id, its content hash, and its file when it is not a bundled one. */
  scenario: { id: string; hash: string; path?: string };
  /** Whether every table plays the same seed (tables comparable) or each its own. */
  sameSeed: boolean;
  tables: ClassTable[];
}

/** Parses a roster: one student a line, "Name" or "Name, party" (a CSV with a header "name,party" works too). */
export function parseRoster(text: string, game: Game): RosterEntry[] {
  const out: RosterEntry[] = [];
  const seen = new Set<string>();
  text.split(/\r\n?|\n/).forEach((raw, k) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [name, wants] = line.split(/[,;\t]/).map((x) => x.trim());
    if (k === 0 && name?.toLowerCase() === 'name') return;
    if (!name) return;
    if (seen.has(name.toLowerCase())) throw new Error(`line ${k + 1}: "${name}" is on the roster twice`);
    seen.add(name.toLowerCase());
    if (wants && !game.party[wants]) throw new Error(`line ${k + 1}: no party "${wants}" in ${game.scenario.meta.id} (parties: ${game.partyIds.join(', ')})`);
    if (wants && !game.party[wants]!.playable) throw new Error(`line ${k + 1}: ${game.party[wants]!.name} is not playable in ${game.scenario.meta.id}`);
    out.push(wants ? { name, wants } : { name });
  });
  return out;
}

/**
 * Deals `roster` to tables of `seatsPerTable` students (at most the playable seats), the wanted party first
 * when it is free at the student's table, then the first free playable seat in the scenario's order.
 */
export function dealSeats(game: Game, scenarioHash: string, roster: readonly RosterEntry[], options: { seed: number; seatsPerTable?: number; sameSeed?: boolean }): ClassPlan {
  const playable = game.partyIds.filter((id) => game.party[id]!.playable);
  if (playable.length === 0) throw new Error(`no party is playable in ${game.scenario.meta.id}`);
  const perTable = Math.max(1, Math.min(options.seatsPerTable ?? playable.length, playable.length));
  const count = Math.max(1, Math.ceil(roster.length / perTable));
  const tables: ClassTable[] = Array.from({ length: count }, (_, t) => ({
    id: `table-${t + 1}`,
    seed: options.sameSeed ? options.seed : deriveSeed(options.seed, 'table', t) >>> 0,
    seats: Object.fromEntries(playable.map((id) => [id, null])),
  }));
  // Fill table by table, so each has `perTable` students (the last one fewer).
  roster.forEach((student, k) => {
    const table = tables[Math.floor(k / perTable)]!;
    const free = playable.filter((id) => table.seats[id] === null);
    const seat = student.wants && free.includes(student.wants) ? student.wants : free[0]!;
    table.seats[seat] = student.name;
  });
  return { format: 'backchannel-class', version: 1, scenario: { id: game.scenario.meta.id, hash: scenarioHash }, sameSeed: options.sameSeed === true, tables };
}

/** Where a student sits, or undefined when the name is not on the plan (matched without regard to case). */
export function seatOf(plan: ClassPlan, name: string): { table: ClassTable; party: PartyId; student: string } | undefined {
  for (const table of plan.tables) {
    for (const [party, student] of Object.entries(table.seats)) {
      if (student !== null && student.toLowerCase() === name.trim().toLowerCase()) return { table, party, student };
    }
  }
  return undefined;
}
