// "What we know" as styled lines for the screen: per set of talks, the versions known for sure and those only
// told, then their terms side by side — one column per distinct version, the issues where they differ marked ≠.
import type { CableStatus } from '../engine/channel-machine.js';
import type { PublicGame } from '../model/game.js';
import type { RichLine } from './components/RichText.js';
import { DISAGREE_FLAG, FOUND_OUT_LOOK, partyName, percent, possessive, safeText, statusLook } from './format.js';
import { cells, fit, truncate, wrapCells, wrapIndented } from './text.js';
import { differingIssues, setLetter, type TalksGroup, type TalksVersion } from './intel.js';
import type { Theme } from './theme.js';

export interface IntelLines {
  lines: RichLine[];
  /** The line each set of talks starts at, for jumping between them. */
  starts: number[];
}

/** The symbol and word of a version: its cable status (a leak: "leaked"), or "found out" for the truth an exposure revealed. */
export function versionLook(v: TalksVersion): { symbol: string; word: string } {
  return v.status ? statusLook(v.status, v.channel) : { ...FOUND_OUT_LOOK };
}

/** The colour of a cable status (undefined: the truth an exposure revealed); the symbol carries it without colour. */
export function statusColor(status: CableStatus | undefined, theme: Theme): string | undefined {
  switch (status) {
    case 'on-record':
    case 'confirmed':
    case undefined:
      return theme.good;
    case 'exposed':
      return theme.bad;
    case 'sent':
      return theme.muted;
    default:
      return theme.warn;
  }
}

/** The heading of a set of talks: "Russia's package #1 to United States, R1". */
export function talksTitle(game: PublicGame, self: string, g: TalksGroup): string {
  const whose = g.speaker === self ? 'Your package' : `${possessive(partyName(game, g.speaker))} package`;
  const to = [...(g.listeners.includes(self) ? ['you'] : []), ...g.listeners.filter((id) => id !== self).map((id) => partyName(game, id))];
  const toWords = to.length ? `to ${to.join(', ')}` : '';
  return safeText(`${whose} #${g.proposal ?? '?'}${toWords ? ` ${toWords}` : ''}, R${g.round}`);
}

export function intelLines(groups: readonly TalksGroup[], game: PublicGame, self: string, width: number, theme: Theme): IntelLines {
  const lines: RichLine[] = [];
  const starts: number[] = [];
  const disagree = groups.filter((g) => g.termSets.length > 1).length;
  lines.push([
    { text: truncate(`${groups.length} set${groups.length === 1 ? '' : 's'} of talks · ${disagree} told differently · ← → jump between them`, width), color: theme.muted },
  ]);
  if (groups.length === 0) {
    lines.push([], [{ text: 'No talks yet: nothing has been put on the table to you or by you.', color: theme.muted }]);
    return { lines, starts };
  }
  for (const g of groups) {
    lines.push([]);
    // The first set of talks starts at the top, with the summary above it.
    starts.push(starts.length === 0 ? 0 : lines.length);
    // The talks on one line; then what is wrong with them, and where they were held.
    lines.push([{ text: truncate(talksTitle(game, self, g), width), bold: true, color: theme.accent }]);
    const flags = [g.disputed ? DISAGREE_FLAG : '', g.exposed ? '✗ distortion exposed' : ''].filter(Boolean).join(' · ');
    if (flags || g.meeting) {
      const where = g.meeting ? `${flags ? ' · ' : ''}${safeText(g.meeting)}` : '';
      lines.push([
        { text: ` ${flags}`, bold: true, color: g.exposed ? theme.bad : theme.warn },
        { text: truncate(where, Math.max(0, width - 1 - cells(flags))), color: theme.muted },
      ]);
    }
    versionSection(lines, g, 'sure', width, theme);
    versionSection(lines, g, 'told', width, theme);
    termsTable(lines, g, game, width, theme);
  }
  return { lines, starts };
}

function versionSection(lines: RichLine[], g: TalksGroup, certainty: 'sure' | 'told', width: number, theme: Theme): void {
  const versions = g.versions.filter((v) => v.certainty === certainty);
  const title = certainty === 'sure' ? 'What we know for sure' : 'What we were told';
  if (versions.length === 0) {
    const none = certainty === 'sure' ? 'nothing — no record, no confirmation, no leak' : 'nothing second-hand';
    lines.push([
      { text: ` ${title}: `, bold: true },
      { text: none, color: theme.muted },
    ]);
    return;
  }
  lines.push([{ text: ` ${title}`, bold: true }]);
  const sourceW = Math.max(8, width - 36);
  for (const v of versions) {
    const { symbol, word } = versionLook(v);
    const flag = v.disputed && v.status !== 'disputed' ? ' ⚠' : '';
    lines.push([
      { text: `  ${setLetter(v.set)} `, bold: true, color: theme.accent },
      { text: `${symbol} ${fit(word, 15)}`, color: statusColor(v.status, theme) },
      { text: fit(safeText(v.source), sourceW) },
      { text: ` ${`R${v.round}`.padStart(3)} ${percent(v.confidence).padStart(4)}`, color: theme.muted },
      { text: flag, color: theme.warn },
    ]);
  }
}

function termsTable(lines: RichLine[], g: TalksGroup, game: PublicGame, width: number, theme: Theme): void {
  const sets = g.termSets;
  const differ = new Set(differingIssues(g));
  // The issue names whole when the labels beside them still get room (as wide as the longest, or 20 cells).
  const nameW = Math.min(30, Math.max(...game.issues.map((x) => cells(safeText(x.name)))) + 1);
  const labelW = Math.max(...game.issues.flatMap((x) => sets.map((t) => cells(safeText(x.options[t[game.issues.indexOf(x)]!]?.label ?? '?')))));
  const colFor = (issueW: number) => Math.floor((width - 2 - issueW) / Math.max(1, sets.length)) - 1;
  let issueW = Math.max(12, nameW);
  while (issueW > 12 && colFor(issueW) < Math.min(labelW, 20)) issueW--;
  const colW = Math.max(8, colFor(issueW));
  // Columns too narrow to read a label in: the versions of a differing issue are stacked under it instead.
  const stacked = sets.length > 1 && colW < 14;
  const sureSets = new Set(g.versions.filter((v) => v.certainty === 'sure').map((v) => v.set));
  const head = (s: number) => `${setLetter(s)} · ${sureSets.has(s) ? 'for sure' : 'told'}`;
  if (stacked)
    lines.push([
      { text: `  ${fit('Issue', issueW)}`, color: theme.muted },
      { text: ` ${sets.map((_, s) => head(s)).join('  ')}`, bold: true },
    ]);
  else lines.push([{ text: `  ${fit('Issue', issueW)}`, color: theme.muted }, ...sets.map((_, s) => ({ text: ` ${fit(head(s), colW)}`, bold: true }))]);
  const spanW = width - 2 - issueW - 1;
  game.issues.forEach((issue, i) => {
    const differs = differ.has(i);
    const name = safeText(issue.name);
    const labels = sets.map((terms) => safeText(issue.options[terms[i]!]?.label ?? '?'));
    if (differs && stacked) {
      // One line per version, each label in full.
      lines.push([
        { text: '≠ ', bold: true, color: theme.warn },
        { text: truncate(name, width - 2), bold: true },
      ]);
      sets.forEach((terms, s) => {
        const changed = s > 0 && terms[i] !== sets[0]![i];
        for (const line of wrapIndented(labels[s]!, width, `    ${setLetter(s)}  `)) lines.push([{ text: line, bold: true, color: changed ? theme.warn : undefined }]);
      });
      return;
    }
    if (differs) {
      // The labels that differ are what matters: wrapped in their columns, never cut.
      wrapCells([name, ...labels], [issueW, ...sets.map(() => colW)]).forEach((row, k) =>
        lines.push([
          { text: k === 0 ? '≠ ' : '  ', bold: true, color: theme.warn },
          { text: row[0]!, bold: true },
          ...sets.map((terms, s) => {
            const changed = s > 0 && terms[i] !== sets[0]![i];
            return { text: ` ${row[s + 1]}`, bold: true, color: changed ? theme.warn : undefined };
          }),
        ]),
      );
      return;
    }
    const label = labels[0] ?? '?';
    if (sets.length > 1 && cells(label) > colW) {
      // The same in every version, and too long for a column: once, across them all.
      wrapCells([name, `${label} (all versions)`], [issueW, spanW]).forEach((row) => lines.push([{ text: '  ' }, { text: row[0]! }, { text: ` ${row[1]}`, color: theme.muted }]));
      return;
    }
    wrapCells([name, ...labels], [issueW, ...sets.map(() => colW)]).forEach((row) =>
      lines.push([{ text: '  ' }, { text: row[0]! }, ...sets.map((_, s) => ({ text: ` ${row[s + 1]}`, color: theme.muted }))]),
    );
  });
  if (sets.length > 1) lines.push([{ text: `  ≠ ${differ.size} issue${differ.size === 1 ? '' : 's'} told differently`, color: theme.warn }]);
}
