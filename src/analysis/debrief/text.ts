// The debrief's words: numbers, names, lengths and the sentences the Markdown report and the debrief screen share.
import type { PartyId } from '../../model/types.js';
import { cleanText, isWebAddress } from '../../scenario/clean-text.js';
import { round3 } from './terms.js';
import type { Debrief, Distortion, DistortionListener, MoveAssessment, TermLine } from './types.js';

/** Rated moves whose value rounds to zero are neither best nor worst. */
export const NOTICEABLE = 0.05;

/** A utility to two decimals, the one rounding the report and the screens share (never "-0.00"). */
export const fmt = (x: number) => {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
};
export const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(round3(x)).toFixed(2)}`;
/** A share as a percentage: one decimal, or two significant digits below 1 % (a small share never shows as 0). */
export const pct = (x: number) => (x === 0 ? '0 %' : x < 0.01 ? `${(x * 100).toPrecision(2)} %` : `${(x * 100).toFixed(1)} %`);
/** "Russia's", "United States'". */
export const poss = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
/** "Europe", "Europe and Ukraine", "Europe, Ukraine and Russia". */
export const andList = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Table cells: no pipes or newlines from scenario text. */
export const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function nameIn(d: Debrief, id: PartyId): string {
  return d.parties.find((p) => p.id === id)?.name ?? id;
}

export function linesList(lines: readonly TermLine[]): string[] {
  return lines.map((l) => `- ${l.issueName}: ${l.optionLabel}`);
}

/** A title for a distorted message: "Package #1 (The palace meeting), round 1: Red's words, through Blue Aide". */
export function distortionTitle(x: Distortion): string {
  const pkg = `Package #${x.proposal ?? '?'}${x.meeting ? ` (${x.meeting})` : ''}, round ${x.round}`;
  switch (x.channel) {
    case 'envoy':
      return `${pkg}: ${poss(x.speaker.name)} words, through ${x.teller.envoy ?? 'an envoy'}`;
    case 'readout':
      return `${pkg}: ${poss(x.teller.name)} readout of ${poss(x.speaker.name)} words`;
    case 'relay':
      return `${pkg}: ${poss(x.speaker.name)} words, passed on by ${x.teller.name}`;
    default:
      return `${pkg}: ${poss(x.speaker.name)} words, ${x.channel}`;
  }
}

/** Who told it otherwise, in a sentence. */
export function distortionTeller(x: Distortion): string {
  if (x.channel === 'envoy') {
    return x.teller.party === x.speaker.party
      ? `${x.speaker.name} sent it through its own envoy, ${x.teller.envoy ?? 'an envoy'}, who delivered it otherwise.`
      : `${x.speaker.name} put it to ${poss(x.teller.name)} envoy, ${x.teller.envoy ?? 'an envoy'}, who reported it otherwise.`;
  }
  return x.asHeard ? `${x.teller.name} told it as it had heard it: misled in turn, it passed the distortion on.` : `${x.teller.name} told it otherwise than it had heard it.`;
}

/** What it cost, in a sentence. */
export function distortionCost(x: Distortion): string {
  if (!x.listeners.some((l) => l.exposure)) return 'none — it never came out.';
  if (x.cost.credibility === 0 && x.cost.trust.length === 0) return `none — ${x.answers.name} found out in private that its own envoy had misled it.`;
  const trust = x.cost.trust.map((t) => `${poss(t.name)} trust in ${x.answers.name} ${signed(t.change)}`).join(', ');
  return `${poss(x.answers.name)} credibility ${signed(x.cost.credibility)}${trust ? `; ${trust}` : ''}.`;
}

/** How one party found out, in words: "found out in round 4: A clarification call with Red". */
export function listenerFate(l: DistortionListener): string {
  if (!l.exposure) return l.contradicted ? 'never found out, though another account it held told it otherwise' : 'never found out';
  return `found out${l.exposure.round !== undefined ? ` in round ${l.exposure.round}` : ''}: ${l.exposure.text.charAt(0).toLowerCase()}${l.exposure.text.slice(1)}`;
}

/** How a human's moves are rated, in one sentence (the screen and the Markdown say the same). */
export const MOVE_RULE =
  "Each move is rated by what the game would have been had you waited instead, everything else played by the AI: from just before the move, the game is played to its end once after your move and once after a wait in its place (when signing: the other of signing and refusing), every party — you included — played by the AI, and the move's value is your score in the first minus your score in the second; waiting itself is not rated.";

/**
 * How long the talks ran, apart from what came after a signature: "signed in round 14 of 18; carried out over
 * 3 more rounds", "the talks ran all 18 rounds without a signed agreement".
 */
export function talksLength(d: Debrief): string {
  const of = `of ${d.maxRounds}`;
  if (d.signedIn !== undefined) {
    const after = d.afterSigning ?? 0;
    const more = plural(after, 'more round', 'more rounds');
    if (d.outcome.kind === 'deal') return after === 0 ? `signed and carried out in round ${d.signedIn} ${of}` : `signed in round ${d.signedIn} ${of}; carried out over ${more}`;
    if (d.outcome.reason === 'collapse') return `signed in round ${d.signedIn} ${of}; it collapsed during implementation, ${plural(after, 'round', 'rounds')} later`;
    return `signed in round ${d.signedIn} ${of}; the game stopped ${after === 0 ? 'before it was carried out' : `${more} on, before it was carried out`}`;
  }
  if (d.outcome.kind === 'unfinished') return `the game stopped in round ${d.rounds} ${of}, with no agreement signed`;
  if (d.rounds >= d.maxRounds) return `the talks ran all ${d.maxRounds} rounds without a signed agreement`;
  return `the talks ended in round ${d.rounds} ${of} without a signed agreement`;
}

/** What the scores are measured against, in a few words: "BATNA at the start". */
export function scoreBasis(d: Debrief): string {
  return d.baseline === 'initial-batna' ? 'BATNA at the start' : 'BATNA when the talks ended';
}

/** The scores' yardstick in a sentence, named as the scenario names it. */
export function scoreBasisSentence(d: Debrief): string {
  return d.baseline === 'initial-batna'
    ? "Scores run from −100 to 100 against each party's BATNA at the start — its reservation value (the scenario's scoring baseline, 'initial-batna') — not against its BATNA when the talks ended; 0 is as good as that starting BATNA."
    : "Scores run from −100 to 100 against each party's BATNA when the talks ended (the scenario's scoring baseline, 'final-batna'); 0 is as good as no deal at that moment.";
}

/** A move's value in words: "+12.3 points against waiting", or why it has none. */
export function moveValueText(m: MoveAssessment): string {
  if (m.command.type === 'pass') return 'not rated (waiting is the yardstick)';
  if (m.value === null) return 'not rated';
  if (Math.abs(m.value) < NOTICEABLE) return 'no different from waiting';
  return `${m.value >= 0 ? '+' : '−'}${Math.abs(m.value).toFixed(1)} points against waiting`;
}

/**
 * The information counts in words, every one of them from the list of distortions (saidAndHeard): messages
 * sent, messages told otherwise and how many came out, the parties they misled and how each found out, and the
 * clarification calls.
 */
export function informationSummary(d: Debrief): { sent: string; distorted: string; misled?: string; calls: string } {
  const info = d.information;
  const v = info.verification;
  const sent = `${plural(info.messages, 'message was', 'messages were')} sent (${info.viaEnvoy} through envoys, ${info.public} in public).`;
  const distorted =
    info.distorted === 0
      ? 'None reached anyone otherwise than it was said.'
      : info.distorted === 1
        ? `1 reached someone otherwise than it was said, and ${info.exposed === 1 ? 'it came out' : 'it never came out'}.`
        : `${info.distorted} reached someone otherwise than they were said; ${
            info.exposed === 0
              ? info.distorted === 2
                ? 'neither came out'
                : 'none of them came out'
              : info.exposed === info.distorted
                ? info.distorted === 2
                  ? 'both came out'
                  : `all ${info.distorted} came out`
                : `${info.exposed} of the ${info.distorted} came out`
          }.`;
  const misled =
    info.distorted === 0
      ? undefined
      : `Parties misled: ${info.misled} (a party counted once per message) — found out by a clarification call: ${v.exposures.clarification}; by a leak: ${v.exposures.leak}; by the text tabled for signing: ${v.exposures.signing}${
          v.exposures.other ? `; otherwise: ${v.exposures.other}` : ''
        }; never found out: ${v.unexposed}.`;
  const calls =
    info.clarifications === 0
      ? 'No clarification call was made.'
      : `${plural(info.clarifications, 'clarification call', 'clarification calls')}: ${v.confirmed} confirmed what was heard, ${v.exposures.clarification} exposed a distortion.`;
  return { sent, distorted, misled, calls };
}

/** One source in a line: its id, title, address (when public), standing and what the scenario takes from it. */
export function sourceLine(x: Debrief['sources'][number]): string {
  const url = x.url === undefined ? '' : isWebAddress(x.url) ? ` — <${x.url}>` : ` — ${x.url.replace(/[<>`]/g, '')}`;
  const standing = x.standing === 'contested' ? ' (contested)' : x.standing === 'judgement' ? " (the author's judgement)" : '';
  return `${x.id ? `[${x.id}] ` : ''}${x.title}${url}${standing}${x.note ? `: ${x.note}` : ''}`;
}

/** The sections of "What really happened": each heading with its items ("text [sources]"), empty ones left out. */
export function recordSections(r: Debrief['record']): { heading: string; items: string[] }[] {
  const item = (x: { text: string; sources: string[] }) => (x.sources.length ? `${x.text} — ${x.sources.join('; ')}` : x.text);
  return [
    { heading: 'On the record', items: r.known.map(item) },
    { heading: 'Contested: the record does not settle it', items: r.contested.map(item) },
    { heading: "Invented by the scenario, or the author's judgement", items: r.invented.map(item) },
  ].filter((s) => s.items.length > 0);
}

/**
 * A report a teacher may open in any Markdown viewer: scenario text becomes text, never markup that runs — every
 * "<" is escaped except in the report's own links to web addresses (sourceLine), so no HTML tag and no
 * javascript: link gets through.
 */
export function inertMarkdown(markdown: string): string {
  return markdown.replace(/<(?!https?:\/\/[^\s<>`"]+>)/gi, '&lt;');
}

/** A scenario's text (teacher notes) split into paragraphs: by blank lines, or by lines when it has none. */
export function paragraphs(text: string): string[] {
  const clean = cleanText(text);
  return clean
    .split(/\n[ \t]*\n/.test(clean) ? /\n[ \t]*\n/ : /\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}
