// Words and numbers as the player reads them, shared by the Ink screens and the plain line-by-line mode.
// Plain strings only: no React here, so the plain mode can use it without loading the UI.
import { fmt } from '../analysis/debrief/text.js';
import { utility, type Preferences, type PublicGame } from '../model/game.js';
import { cableStatus, type CableStatus } from '../engine/channel-machine.js';
import { describeRedLines } from '../analysis/bargaining.js';
import type { PlayerView, ViewMessage } from '../model/view.js';
import type { Commitment, LogLine, PartyId, Phase, Terms } from '../model/types.js';
import { cleanText } from '../scenario/clean-text.js';
import { possessive } from '../model/step/effects.js';
import { settingWords, type Setting } from '../model/setting.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar date of a round: "15 Aug 2025". Computed in UTC from the scenario's start date. */
export function roundDate(game: PublicGame, round: number): string {
  const [y, m, d] = game.startDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + (round - 1) * game.roundDays));
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A bar of `width` cells for a value in [0, 1]: "█████░░░░░". */
export function bar(value: number, width: number): string {
  const filled = Math.max(0, Math.min(width, Math.round(value * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function partyName(game: PublicGame, id: PartyId): string {
  return game.parties.find((p) => p.id === id)?.name ?? game.outsiders.find((o) => o.id === id)?.name ?? id;
}

export function postureLabel(game: PublicGame, id: PartyId, posture: string): string {
  return game.parties.find((p) => p.id === id)?.postures[posture] ?? posture;
}

/** One line per issue: "Donetsk: freeze on the contact line". */
export function termsLines(game: PublicGame, terms: Terms): string[] {
  return game.issues.map((issue, i) => `${issue.name}: ${issue.options[terms[i]!]?.label ?? '?'}`);
}

/** How a cable stands for its holder, as a symbol and a word: the symbol carries it without colour (NO_COLOR). */
export const CABLE_LOOK: Record<CableStatus, { symbol: string; word: string }> = {
  sent: { symbol: '·', word: 'sent' },
  'on-record': { symbol: '■', word: 'on the record' },
  hearsay: { symbol: '≈', word: 'hearsay' },
  confirmed: { symbol: '✓', word: 'confirmed' },
  disputed: { symbol: '≠', word: 'disputed' },
  exposed: { symbol: '✗', word: 'exposed' },
};

/** How a leak looks while nothing has been learnt about it: its own word, not "on the record" or "hearsay". */
export const LEAK_LOOK = { symbol: '◆', word: 'leaked' } as const;

/** How the truth an exposure revealed looks in "What we know". */
export const FOUND_OUT_LOOK = { symbol: '!', word: 'found out' } as const;

/** The look of a cable's status, by its channel: a leak that is only on record or hearsay shows as "leaked". */
export function statusLook(status: CableStatus, channel?: string): { symbol: string; word: string } {
  if (channel === 'leak' && (status === 'on-record' || status === 'hearsay')) return { ...LEAK_LOOK };
  return CABLE_LOOK[status];
}

/** The flag on words that another account of the same talks tells differently. */
export const DISAGREE_FLAG = '⚠ accounts disagree';

/** A cable's status (from the cable machine) with its symbol and word. */
export function cableLook(m: ViewMessage, self?: string): { status: CableStatus; symbol: string; word: string } {
  const status = cableStatus(m, self);
  return { status, ...statusLook(status, m.channel) };
}

/** What each cable symbol means, in the order a legend lists them. */
export function cableLegend(): { symbol: string; word: string; meaning: string }[] {
  const meaning: Record<CableStatus, string> = {
    'on-record': 'said at the table with a notetaker, or in public: provably what was said',
    hearsay: 'second-hand: an envoy, a relay, a readout or talks with no notetaker — may be garbled',
    confirmed: 'hearsay that a clarification call with the sender confirmed',
    disputed: 'another account of the same talks tells it differently',
    exposed: 'found to differ from what was really said',
    sent: 'your own words, as you sent them',
  };
  const order: CableStatus[] = ['on-record', 'hearsay', 'confirmed', 'disputed', 'exposed', 'sent'];
  return [
    ...order.map((status) => ({ ...CABLE_LOOK[status], meaning: meaning[status] })),
    { ...LEAK_LOOK, meaning: 'published by a leak: what was said, told by someone who was not meant to' },
  ];
}

/** "m38": how a message's number is written everywhere (plain mode too), so it is never taken for a package's "#21". */
export const messageRef = (id: number) => `m${id}`;

/**
 * The package a message carries, with the message's own number: "package #21 (m38)"; just
 * "m38" when it carries none the view can name.
 */
export function messagePackage(view: PlayerView, id: number, talks?: ReadonlyMap<number, TalksRef>): string {
  const m = view.messages.find((x) => x.id === id);
  let proposal: number | undefined;
  if (m?.body.kind === 'proposal' || m?.body.kind === 'response') proposal = m.body.proposal;
  else if (m?.body.kind === 'account') {
    const of = m.body.of;
    const source = view.messages.find((x) => x.id === of);
    proposal = talks?.get(of)?.proposal ?? (source?.body.kind === 'proposal' ? source.body.proposal : undefined);
  }
  return proposal === undefined ? messageRef(id) : `package #${proposal} (${messageRef(id)})`;
}

/** "Russia's", "United States'". */
export { possessive };

/** How a proposal or an answer travelled, in a few words: "at the table", "via Steve Witkoff", "in public". */
export function viaWords(game: PublicGame, m: Pick<ViewMessage, 'channel' | 'record' | 'from' | 'envoy'>): string {
  switch (m.channel) {
    case 'envoy':
      return `via ${envoyName(game, m.from, m.envoy) ?? 'an envoy'}`;
    case 'public':
      return 'in public';
    case 'relay':
      return 'passed on';
    case 'readout':
      return 'in a readout';
    case 'leak':
      return 'in a leak';
    default:
      return m.record ? 'at the table' : 'in talks with no notetaker';
  }
}

/** An envoy's name: the sender's own envoy, or (at a meeting) the guest's envoy who heard it. */
export function envoyName(game: PublicGame, from: PartyId, envoy: string | undefined): string | undefined {
  if (envoy === undefined) return undefined;
  const own = game.parties.find((p) => p.id === from)?.envoys.find((e) => e.id === envoy);
  return (own ?? game.parties.flatMap((p) => p.envoys).find((e) => e.id === envoy))?.name;
}

/** What is known about the talks an account describes: who put which package on the table, and where. */
export interface TalksRef {
  /** The message that put the package on the table. */
  root: number;
  speaker: PartyId;
  proposal?: number;
  round: number;
  /** The title of the scripted meeting it was put at. */
  meeting?: string;
  /** Who it was put to. */
  listeners: PartyId[];
}

/** The talks behind each proposal and account `view` holds (an account names the talks it describes). */
export function talksRefs(view: PlayerView, meetings: readonly { id: string; title: string }[]): Map<number, TalksRef> {
  const refs = new Map<number, TalksRef>();
  for (const m of view.messages) {
    const t = m.talks;
    if (!t || refs.has(t.root)) continue;
    const title = t.meeting === undefined ? undefined : meetings.find((x) => x.id === t.meeting)?.title;
    refs.set(t.root, { root: t.root, speaker: t.speaker, proposal: t.proposal, round: t.round, listeners: t.listeners, ...(title ? { meeting: cleanText(title) } : {}) });
  }
  return refs;
}

/**
 * "Russia's package #1", "your package #2", "its package #3" (told by the one who proposed it), or "the talks
 * behind m4" when nothing more is known (packages are "#n", messages "mn").
 */
export function talksName(view: PlayerView, about: number, talks?: ReadonlyMap<number, TalksRef>, teller?: PartyId, named?: PartyId): string {
  const ref = talks?.get(about);
  const source = view.messages.find((x) => x.id === about);
  const speaker = ref?.speaker ?? named ?? source?.from;
  const proposal = ref?.proposal ?? (source?.body.kind === 'proposal' ? source.body.proposal : undefined);
  if (speaker === undefined) return `the talks behind ${messageRef(about)}`;
  if (proposal === undefined) return speaker === view.self ? 'your offer' : `${possessive(partyName(view.game, speaker))} offer`;
  if (speaker === view.self) return `your package #${proposal}`;
  return speaker === teller ? `its package #${proposal}` : `${possessive(partyName(view.game, speaker))} package #${proposal}`;
}

/** A cable's sender and content, without its status: "R1 Russia via Steve Witkoff: package #1". */
export function cableText(view: PlayerView, m: ViewMessage, talks?: ReadonlyMap<number, TalksRef>): string {
  const game = view.game;
  const from = m.from === view.self ? 'You' : partyName(game, m.from);
  const body = m.body;
  let text: string;
  switch (body.kind) {
    case 'proposal':
      text = `${from} ${viaWords(game, m)}: package #${body.proposal}`;
      break;
    case 'statement': {
      const issue = game.issues[body.issue]!;
      text = `${from} in public: on ${issue.name}, nothing less than "${issue.options[body.option]!.label}"`;
      break;
    }
    case 'response':
      text = `${from} ${viaWords(game, m)}: ${body.answer === 'accept' ? 'accepts' : 'rejects'} package #${body.proposal}`;
      break;
    case 'account': {
      const what = talksName(view, body.of, talks, m.channel === 'leak' ? undefined : m.from, m.speaker);
      text =
        m.channel === 'leak'
          ? `Leak of ${what}`
          : m.channel === 'readout'
            ? `${m.from === view.self ? 'Your' : possessive(from)} readout of ${what}`
            : `${from} ${m.from === view.self ? 'pass' : 'passes'} on ${what}`;
      break;
    }
    case 'note':
      text = `${from}: ${body.text}`;
      break;
  }
  return `R${m.round} ${text}`;
}

/**
 * A cable as one line: who, through which channel, what, and how far it can be trusted — its status word,
 * how sure, and whether accounts of the same talks disagree. "R1 Russia via Steve Witkoff: package #1 — ≈ hearsay, 70% sure".
 */
export function cableLine(view: PlayerView, m: ViewMessage, talks?: ReadonlyMap<number, TalksRef>): string {
  const { symbol, word } = cableLook(m);
  return `${cableText(view, m, talks)} — ${symbol} ${word}, ${percent(m.confidence)} sure${m.disputed ? ` · ${DISAGREE_FLAG}` : ''}`;
}

// ── Layout helpers shared by the screens (still plain strings) ────────────────────────────────────────────

/** Strips escape sequences and control characters from text that came from a scenario or a save. */
export const safeText = cleanText;

/** Utility as the table shows it: "0.61". */
export const util2 = fmt;

export function phaseLabel(phase: Phase): string {
  switch (phase) {
    case 'briefing':
      return 'Briefing';
    case 'diplomacy':
      return 'Diplomacy';
    case 'signing':
      return 'Signing';
    case 'ratification':
      return 'Ratification';
    case 'implementation':
      return 'Implementation';
    case 'ended':
      return 'Over';
  }
}

/** The next deadline at or after `round`, in words: "27 Nov — answer the plan (round 17, in 14 weeks)". */
export function nextDeadline(game: PublicGame, round: number): string | undefined {
  return upcomingDeadline(game, round)?.text;
}

/** The next deadline at or after `round`, and whether it falls on `round` itself ("Today:", not "Next:"). */
export function upcomingDeadline(game: PublicGame, round: number): { text: string; today: boolean } | undefined {
  const next = [...game.deadlines].sort((a, b) => a.round - b.round).find((d) => d.round >= round);
  const last = game.rounds;
  const unit = game.roundDays === 7 ? 'week' : 'round';
  const inRounds = (r: number) => (r === round ? 'this ' + unit : `in ${r - round} ${unit}${r - round === 1 ? '' : 's'}`);
  if (next) return { text: `${cleanText(next.label)} (round ${next.round}, ${inRounds(next.round)})`, today: next.round === round };
  if (round <= last) return { text: `End of talks: ${roundDate(game, last)} (round ${last}, ${inRounds(last)})`, today: last === round };
  return undefined;
}

/**
 * The round and phase for a header: "Round 3/18 · Diplomacy" during the talks; after the last round of talks
 * (ratification, implementation) never "Round 11/10" but "Implementation, round 11".
 */
export function roundLabel(game: PublicGame, round: number, phase: Phase): string {
  if (round <= game.rounds) return `Round ${round}/${game.rounds} · ${phaseLabel(phase)}`;
  return `${phaseLabel(phase)}, round ${round}`;
}

/** Cells of a control bar for an occupier's share: the occupied part and the rest. */
export function controlCells(share: number, width: number): [occupied: string, held: string] {
  const filled = Math.max(0, Math.min(width, Math.round(share * width)));
  return ['▓'.repeat(filled), '░'.repeat(width - filled)];
}

export interface MapItem {
  id: string;
  /** Where the item's text starts: column and row inside the map area. */
  x: number;
  y: number;
  width: number;
}

/**
 * Places one-line map labels (a territory's name, shading and percentage) on a grid of `width` × `height`
 * cells, at the scenario's map coordinates (col 0–60, row 0–10) scaled to fit, moving a label sideways or to
 * a nearby row when it would overlap another. Labels that fit nowhere are placed on the last row, cut.
 */
export function placeMapItems(items: { id: string; col: number; row: number; width: number }[], width: number, height: number): MapItem[] {
  // The scenario format's map grid: columns 0–60, rows 0–10.
  const maxCol = Math.max(60, ...items.map((t) => t.col));
  const maxRow = Math.max(10, ...items.map((t) => t.row));
  const placed: MapItem[] = [];
  const overlaps = (x: number, y: number, w: number) => placed.some((p) => p.y === y && x < p.x + p.width + 1 && p.x < x + w + 1);
  const order = [...items].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const item of order) {
    const w = Math.min(item.width, width);
    const wantX = Math.round((item.col / maxCol) * Math.max(0, width - w));
    const wantY = Math.round((item.row / maxRow) * Math.max(0, height - 1));
    let best: MapItem | undefined;
    let bestCost = Infinity;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x + w <= width; x++) {
        if (overlaps(x, y, w)) continue;
        const cost = Math.abs(x - wantX) + Math.abs(y - wantY) * 12;
        if (cost < bestCost) {
          bestCost = cost;
          best = { id: item.id, x, y, width: w };
        }
      }
    }
    placed.push(best ?? { id: item.id, x: 0, y: height - 1, width: w });
  }
  return placed;
}

/** What no deal is worth to the player, in plain words. */
export function batnaWords(prefs: Preferences, batna: number, setting?: Setting): string {
  const span = prefs.max - prefs.min;
  const share = span > 1e-9 ? (batna - prefs.min) / span : 0;
  const words = settingWords(setting);
  return (
    `No deal — ${words.goingOn} — is worth about ${util2(batna)} to you, on a scale where your ideal package is ` +
    `${util2(prefs.max)} and the worst is ${util2(prefs.min)} (${percent(Math.max(0, Math.min(1, share)))} of the way up). ` +
    `A deal below that leaves you worse off than walking away; ${words.movesWith}.`
  );
}

/** The player's goals: issues by weight with the option it values most, most important first. */
export function goalLines(game: PublicGame, prefs: Preferences, count = 5): string[] {
  return prefs.weights
    .map((w, i) => ({ w, i }))
    .sort((a, b) => b.w - a.w)
    .slice(0, count)
    .map(({ w, i }) => {
      const issue = game.issues[i]!;
      const row = prefs.values[i]!;
      const best = row.indexOf(Math.max(...row));
      return `${cleanText(issue.name)} (${percent(w)}): best is "${cleanText(issue.options[best]?.label ?? '?')}"`;
    });
}

/** The player's red lines in words: "Recognition: never "De jure recognition"". */
export function redLineLines(game: PublicGame, prefs: Preferences): string[] {
  return describeRedLines(game, prefs).map((line) => line.replace(/: "/, ': never "'));
}

export { redLinesCrossed } from '../analysis/bargaining.js';

/** Whether issue `i` of `terms` is part of a red line `terms` cross (an option, or one of a combination). */
export function onRedLine(prefs: Preferences, terms: Terms, i: number): boolean {
  if (prefs.redLine[i]?.[terms[i]!] === true) return true;
  return prefs.redPairs.some((r) => terms[r.issue] === r.option && terms[r.with] === r.withOption && (r.issue === i || r.with === i));
}

/** The player's standing public commitments that `terms` would break. */
export function commitmentsBroken(prefs: Preferences, commitments: readonly Commitment[], terms: Terms): Commitment[] {
  return commitments.filter((c) => !c.broken && prefs.values[c.issue]![terms[c.issue]!]! < prefs.values[c.issue]![c.option]! - 1e-9);
}

/** Own utility of a package. */
export const ownUtility = (prefs: Preferences, terms: Terms) => utility(prefs, terms);

/** The log lines `self` may read. */
export function visibleLines(lines: readonly LogLine[], self: PartyId): LogLine[] {
  return lines.filter((line) => !line.visibleTo || line.visibleTo.includes(self));
}

/** The round and the text of a log line: "R3 The front moved: Donetsk +1%.". */
export const logLineText = (line: LogLine) => `R${line.round} ${cleanText(line.text)}`;

/**
 * What applying or lifting a lever does, and to whom, the cost first: "costs you pressure +2 · presses Russia:
 * pressure +6, its no-deal value −0.01, its trust in you falls".
 */
export function leverWords(pub: PublicGame, l: { target: PartyId; pressure: number; batna: number; cost: number }, apply: boolean): string {
  const sign = (n: number, digits = 0) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;
  const k = apply ? 1 : -1;
  const onTarget = [
    l.pressure ? `pressure ${sign(k * l.pressure)}` : '',
    l.batna ? `its no-deal value ${sign(k * l.batna, 2)}` : '',
    apply ? 'its trust in you falls' : 'its trust in you rises a little',
  ].filter(Boolean);
  const presses = `${apply ? 'presses' : 'eases off'} ${partyName(pub, l.target)}: ${onTarget.join(', ')}`;
  if (!apply) return `${presses}${l.cost ? ' · what it cost you stays spent' : ''}`;
  return `${l.cost ? `costs you pressure ${sign(l.cost)}` : 'costs you nothing'} · ${presses}`;
}

/** What a mediator's seat is, in every briefing (screen, handout, plain mode): it has no goals or red lines. */
export const MEDIATOR_ROLE = [
  'You have no stake of your own: a package is as good for you as it is, on average, for the parties. You sign nothing and accept nothing.',
  'Table one text for every party, to the whole table. Read their answers and reasons, and table it again, amended, until all of them accept it.',
] as const;
