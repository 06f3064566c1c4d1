// Plain mode's title, scenario and role screens: numbered lists and a question, answered by one line.
import type { PartyId } from '../../model/types.js';
import { roundDate } from '../../ui/format.js';
import { cleanText } from '../../scenario/clean-text.js';
import type { LoadedGame } from '../scenario-arg.js';
import { EOF, INTERRUPT, type LineSource } from './input.js';

export type Picked<T> = { ok: true; value: T } | { ok: false; reason: typeof EOF | typeof INTERRUPT };

type Write = (text: string) => void;
const say = (write: Write, ...lines: string[]) => write(lines.map((l) => `${cleanText(l)}\n`).join(''));

/** Asks until `decode` accepts a line (it returns a value, or a string saying what was wrong). */
async function ask<T>(input: LineSource, write: Write, question: string, decode: (line: string) => T | string): Promise<Picked<T>> {
  for (;;) {
    write(`${question} `);
    const line = await input.next();
    if (line === EOF || line === INTERRUPT) {
      write('\n');
      return { ok: false, reason: line };
    }
    if (!line.trim()) continue;
    const result = decode(line.trim());
    if (typeof result === 'string') say(write, result);
    else return { ok: true, value: result };
  }
}

/** The scenario picker: skipped when there is only one. */
export async function pickScenario(choices: LoadedGame[], input: LineSource, write: Write): Promise<Picked<LoadedGame>> {
  if (choices.length === 1) {
    const only = choices[0]!;
    say(write, `Scenario: ${only.game.scenario.meta.title} (${only.game.scenario.meta.id})`);
    return { ok: true, value: only };
  }
  say(write, 'Scenarios:');
  choices.forEach((c, i) => {
    const { meta } = c.game.scenario;
    say(write, `  ${i + 1}. ${meta.id} — ${meta.title} (from ${roundDate(c.game.public, 1)})`, `     ${meta.summary.replace(/\s+/g, ' ').trim()}`);
  });
  return ask(input, write, 'Choose a scenario (number or id):', (line) => {
    const n = Number(line);
    const found = /^\d+$/.test(line) ? choices[n - 1] : choices.find((c) => c.game.scenario.meta.id === line);
    return found ?? `No scenario "${line}": give a number from 1 to ${choices.length} or an id.`;
  });
}

/** The role picker: one party, or several separated by commas for hot-seat. Returns them in turn order. */
export async function pickParties(loaded: LoadedGame, input: LineSource, write: Write): Promise<Picked<PartyId[]>> {
  const playable = loaded.game.scenario.parties.filter((p) => p.playable);
  say(write, 'Parties you can play:');
  playable.forEach((p, i) => say(write, `  ${i + 1}. ${p.id} — ${p.name} (${p.leader})`));
  return ask(input, write, 'Choose your party (number or id; several separated by commas for players at one keyboard):', (line) => {
    const picked: PartyId[] = [];
    for (const token of line
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)) {
      const n = Number(token);
      const found = /^\d+$/.test(token) ? playable[n - 1] : playable.find((p) => p.id === token.toLowerCase() || p.name.toLowerCase() === token.toLowerCase());
      if (!found) return `No playable party "${token}": give numbers from 1 to ${playable.length} or ids (${playable.map((p) => p.id).join(', ')}).`;
      if (!picked.includes(found.id)) picked.push(found.id);
    }
    if (picked.length === 0) return 'Choose at least one party.';
    return loaded.game.partyIds.filter((id) => picked.includes(id));
  });
}
