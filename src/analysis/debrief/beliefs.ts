// What each AI believed about the others when the game ended, against the truth. The model is the one the AI
// bargained with (ai/beliefs.ts), learned again from the AI's final view: a teacher can show why an AI offered
// what it did, and a player can see how much their signals told it.
import { learnBeliefs } from '../../ai/beliefs.js';
import { tablesFor } from '../../ai/tables.js';
import { utility, type Game } from '../../model/game.js';
import type { PartyId, World } from '../../model/types.js';
import { playerView } from '../../model/view.js';
import { cleanText } from '../../scenario/clean-text.js';

export interface BeliefNote {
  /** The AI that held the belief, and the party it was about. */
  party: PartyId;
  about: PartyId;
  /** Whether it had anything to learn from (offers, answers, reasons), or kept its neutral prior. */
  informed: boolean;
  /** The three issues it thought weigh most for `about`, and the three that truly do (names, heaviest first). */
  believedTop: string[];
  trueTop: string[];
  /**
   * Of the pairs of packages tabled in the game that `about` truly values differently (by 0.02 or more), the share
   * the AI ordered the same way; null with fewer than two such packages.
   */
  ordered: number | null;
  /** How many of `about`'s red lines (options and combinations) it had learned, of how many there are. */
  redLines: { learned: number; total: number };
  /** Options it took for red lines that are not (a bluff believed, or a commitment read as one). */
  wrongRedLines: number;
}

/** Utility difference below which two packages count as valued alike. */
const ALIKE = 0.02;
const TOP = 3;

export function beliefNotes(game: Game, world: World, humans: ReadonlySet<PartyId>): BeliefNote[] {
  const notes: BeliefNote[] = [];
  const issueName = (i: number) => cleanText(game.scenario.issues[i]!.name);
  const tabled = uniqueTerms(world.proposals.map((p) => p.terms));
  for (const party of game.partyIds) {
    if (humans.has(party)) continue;
    const view = playerView(world, game, party);
    const t = tablesFor(view.preferences);
    const others = game.partyIds.filter((id) => id !== party);
    const b = learnBeliefs(view, t, others);
    const total = t.offset[t.issues]!;
    others.forEach((about, j) => {
      const truth = game.prefs[about]!;
      const believedWeights = Array.from({ length: t.issues }, (_, i) => b.weights[j * t.issues + i]!);
      const top = (w: readonly number[]) =>
        w
          .map((x, i) => ({ x, i }))
          .sort((p, q) => q.x - p.x || p.i - q.i)
          .slice(0, TOP)
          .map((p) => issueName(p.i));
      let agree = 0;
      let pairs = 0;
      for (let x = 0; x < tabled.length; x++) {
        for (let y = x + 1; y < tabled.length; y++) {
          const d = utility(truth, tabled[x]!) - utility(truth, tabled[y]!);
          if (Math.abs(d) < ALIKE) continue;
          pairs++;
          let e = 0;
          for (let i = 0; i < t.issues; i++) e += b.contribution[j * total + t.offset[i]! + tabled[x]![i]!]! - b.contribution[j * total + t.offset[i]! + tabled[y]![i]!]!;
          if (Math.sign(e) === Math.sign(d)) agree++;
        }
      }
      let learned = 0;
      let wrong = 0;
      let red = 0;
      for (let i = 0; i < t.issues; i++) {
        for (let o = 0; o < t.offset[i + 1]! - t.offset[i]!; o++) {
          const isRed = truth.redLine[i]?.[o] === true;
          const banned = b.banned[j * total + t.offset[i]! + o] === 1;
          if (isRed) red++;
          if (isRed && banned) learned++;
          if (!isRed && banned) wrong++;
        }
      }
      const pairsKnown = b.pairs[j] ?? [];
      for (const r of truth.redPairs) {
        red++;
        if (
          pairsKnown.some(
            ([a, x, c, y]) => (a === r.issue && x === r.option && c === r.with && y === r.withOption) || (a === r.with && x === r.withOption && c === r.issue && y === r.option),
          )
        )
          learned++;
      }
      notes.push({
        party,
        about,
        informed: b.informed[j] === 1,
        believedTop: top(believedWeights),
        trueTop: top(truth.weights),
        ordered: pairs > 0 ? agree / pairs : null,
        redLines: { learned, total: red },
        wrongRedLines: wrong,
      });
    });
  }
  return notes;
}

function uniqueTerms(all: readonly (readonly number[])[]): (readonly number[])[] {
  const seen = new Set<string>();
  return all.filter((terms) => {
    const key = terms.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "Russia about Ukraine: ordered 78 % of the tabled packages as Ukraine does; …". */
export function beliefSentence(n: BeliefNote, nameOf: (id: PartyId) => string): string {
  const head = `${nameOf(n.party)} about ${nameOf(n.about)}`;
  if (!n.informed) return `${head}: had nothing to learn from and kept its neutral guess.`;
  const parts: string[] = [];
  if (n.ordered !== null) parts.push(`ordered ${Math.round(n.ordered * 100)} % of the packages tabled as ${nameOf(n.about)} does`);
  const same = n.believedTop.join() === n.trueTop.join();
  parts.push(same ? `knew what it cares most about (${n.trueTop.join(', ')})` : `thought it cared most about ${n.believedTop.join(', ')} (in truth ${n.trueTop.join(', ')})`);
  if (n.redLines.total > 0) parts.push(`knew ${n.redLines.learned} of its ${n.redLines.total} red line${n.redLines.total === 1 ? '' : 's'}`);
  if (n.wrongRedLines > 0) parts.push(`took ${n.wrongRedLines} option${n.wrongRedLines === 1 ? '' : 's'} for red lines that are not`);
  return `${head}: ${parts.join('; ')}.`;
}
