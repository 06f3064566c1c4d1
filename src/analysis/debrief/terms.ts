// Terms and numbers as the debrief writes them down.
import type { Game } from '../../model/game.js';
import type { PartyId, Terms } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import type { TermLine } from './types.js';

export const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function termLines(game: Game, terms: Terms): TermLine[] {
  return game.scenario.issues.map((issue, i) => {
    const option = issue.options[terms[i]!];
    return {
      issue: issue.id,
      issueName: cleanText(issue.name),
      option: option?.id ?? String(terms[i]),
      optionLabel: cleanText(option?.label ?? String(terms[i])),
    };
  });
}

export function byParty(ids: readonly PartyId[], values: readonly number[]): Record<PartyId, number> {
  const out: Record<PartyId, number> = {};
  ids.forEach((id, p) => {
    out[id] = values[p]!;
  });
  return out;
}
