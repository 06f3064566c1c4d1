// Who signed what they had said they never would, or for less than their reservation value, and why. The AI
// signs below its reservation value only when the scenario's pressure slides its walk-away point toward its
// BATNA (ai/aspiration.ts); a player may do either, after a confirmation. The debrief says which it was.
import { LAST_ROUND_GIVES, PRESSURE_GIVES } from '../../ai/aspiration.js';
import { prefsOf, utility, type Game } from '../../model/game.js';
import type { PartyId, World } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import { redLinesCrossed } from '../bargaining.js';

export interface SignatureNote {
  party: PartyId;
  name: string;
  human: boolean;
  /** The issues where the signed terms cross its own red lines ("Donetsk", "Security guarantees with Army"). */
  crossed: string[];
  /** Present when it signed for less than its reservation value. */
  below?: {
    utility: number;
    reservation: number;
    /** Its BATNA and the pressure on it when the game ended. */
    batna: number;
    pressure: number;
    /** Why, in one sentence. */
    why: string;
  };
}

const f2 = (x: number) => x.toFixed(2);

/** One note per signatory of a signed agreement that crossed its red lines or went below its reservation. */
export function signatureNotes(game: Game, world: World, humans: ReadonlySet<PartyId>): SignatureNote[] {
  const agreement = world.agreement;
  if (!agreement || !agreement.signatories.every((id) => agreement.signed.includes(id))) return [];
  const terms = agreement.terms;
  const notes: SignatureNote[] = [];
  for (const id of agreement.signatories) {
    // What it wanted when it signed: an event may have changed it since the start.
    const prefs = prefsOf(game, world, id);
    const name = cleanText(game.party[id]!.name);
    const human = humans.has(id);
    const crossed = redLinesCrossed(game.public, prefs, terms);
    const u = utility(prefs, terms);
    const state = world.parties[id]!;
    // As the game ended, which is how the rest of the debrief reads BATNAs too.
    const { batna, pressure } = state;
    let below: SignatureNote['below'];
    if (u < prefs.reservation - 1e-9) {
      const lastRound = agreement.round >= game.public.rounds;
      const pressed = pressure > PRESSURE_GIVES || (lastRound && pressure >= LAST_ROUND_GIVES);
      const why = human
        ? batna < u
          ? `You signed for less than your reservation value, but more than fighting on was then worth to you (BATNA ${f2(batna)}).`
          : `You signed for less than your reservation value and less than no deal was worth (BATNA ${f2(batna)}): a concession nothing forced.`
        : pressed
          ? `Pressure ${Math.round(pressure)}/100${lastRound ? ' in the last round' : ''} slid its walk-away point from its reservation value toward its BATNA (${f2(batna)}): the deal still beat fighting on.`
          : `Its BATNA (${f2(batna)}) had fallen below the deal's worth to it.`;
      below = { utility: u, reservation: prefs.reservation, batna, pressure, why };
    }
    if (crossed.length > 0 || below) notes.push({ party: id, name, human, crossed, ...(below ? { below } : {}) });
  }
  return notes;
}

/** One sentence a note: "Ukraine (player) signed across its own red line on Donetsk." */
export function signatureSentence(n: SignatureNote): string {
  const who = `${n.name}${n.human ? ' (player)' : ''}`;
  const parts: string[] = [];
  if (n.crossed.length > 0) parts.push(`signed across its own red line on ${n.crossed.join(', ')}`);
  if (n.below) parts.push(`${parts.length ? 'and ' : 'signed '}for ${f2(n.below.utility)}, below its reservation value of ${f2(n.below.reservation)}`);
  return `${who} ${parts.join(' ')}.${n.below ? ` ${n.below.why}` : ''}`;
}
