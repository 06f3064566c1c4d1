// The teacher's view of a class played live: every table at a glance (the round, whose move it is, who is
// connected, the offers on the table, the deals), and what a teacher does during a lesson: pause and resume the
// tables, speak to the class, let the AI take over a seat, move a student, end the lesson and read the report.
import { useRef, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import type { PartyId } from '../../model/types.js';
import { useStoreValue } from '../hooks/use-store-value.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { markdownLines } from '../markdown-lines.js';
import { fit, truncate } from '../text.js';
import { useTheme } from '../theme.js';

export interface DashboardSeat {
  party: PartyId;
  /** The seat's name in the scenario ("Ukraine"). */
  name: string;
  student: string | null;
  connected: boolean;
  /** The AI plays it although a student holds it. */
  ai: boolean;
}

export interface DashboardTable {
  id: string;
  /** "Round 3/12 · diplomacy", or how the game ended. */
  state: string;
  /** Whose move it is: "Ukraine (Ana)", "Russia (AI)"; empty when nobody's. */
  toMove: string;
  roundsLeft: number;
  seats: DashboardSeat[];
  /** The open offers, one line each. */
  offers: string[];
  /** The deal, or how the talks ended, once they have. */
  outcome?: string;
}

export interface RoomSnapshot {
  title: string;
  students: number;
  connected: number;
  paused: boolean;
  ended: boolean;
  tables: DashboardTable[];
  /** The class report, once the lesson has ended. */
  report?: string[];
}

/** What the dashboard reads and what a teacher can do. Each change returns a line to show (done, or why not). */
export interface ClassRoom {
  snapshot: () => RoomSnapshot;
  subscribe: (listener: () => void) => () => void;
  setPaused: (paused: boolean) => string;
  broadcast: (message: string) => string;
  setAi: (table: string, party: PartyId, ai: boolean) => string;
  move: (student: string, table: string, party: PartyId) => string;
  endLesson: () => string;
}

export interface DashboardProps {
  room: ClassRoom;
  onExit: () => void;
}

type Mode =
  { kind: 'main' } | { kind: 'say'; text: string } | { kind: 'seat' } | { kind: 'move-who' } | { kind: 'move-where'; student: string } | { kind: 'end' } | { kind: 'report' };

export function Dashboard({ room, onExit: reportExit }: DashboardProps) {
  const theme = useTheme();
  const { exit } = useApp();
  const onExit = () => {
    reportExit();
    exit();
  };
  const { columns, rows } = useTerminalSize();
  const snap = useStoreValue(room.subscribe, room.snapshot);
  // Keys can arrive faster than frames (Down and Enter in one read): the handlers read and write refs, so the
  // second key sees what the first did; the state only redraws.
  const [, redraw] = useState(0);
  const cursorRef = useRef(0);
  const modeRef = useRef<Mode>({ kind: 'main' });
  const selectedRef = useRef(0);
  const cursor = cursorRef.current;
  const mode = modeRef.current;
  const selected = selectedRef.current;
  const setCursor = (next: number | ((c: number) => number)) => {
    cursorRef.current = typeof next === 'function' ? next(cursorRef.current) : next;
    redraw((n) => n + 1);
  };
  const setMode = (next: Mode) => {
    modeRef.current = next;
    redraw((n) => n + 1);
  };
  const setSelected = (next: (s: number) => number) => {
    selectedRef.current = next(selectedRef.current);
    redraw((n) => n + 1);
  };
  const [said, setSaid] = useState<string>();
  const [scroll, setScroll] = useState(0);
  const table = snap.tables[Math.min(selected, snap.tables.length - 1)];
  const students = snap.tables.flatMap((t) => t.seats.filter((s) => s.student !== null).map((s) => ({ student: s.student!, where: `${t.id} · ${s.name}` })));
  const places = snap.tables.flatMap((t) => t.seats.map((s) => ({ table: t.id, party: s.party, label: `${t.id} · ${s.name}`, who: s.student ?? 'AI' })));
  const width = columns;
  const height = rows - 1;

  const pick = (count: number, input: string, key: { upArrow: boolean; downArrow: boolean }) => {
    if (key.upArrow) setCursor((c) => (c + count - 1) % Math.max(1, count));
    if (key.downArrow) setCursor((c) => (c + 1) % Math.max(1, count));
    return input;
  };
  useInput((input, key) => {
    const mode = modeRef.current;
    const cursor = cursorRef.current;
    const table = snap.tables[Math.min(selectedRef.current, snap.tables.length - 1)];
    if (key.ctrl && input === 'c') return onExit();
    const back = () => {
      setMode({ kind: 'main' });
      setCursor(0);
    };
    switch (mode.kind) {
      case 'say': {
        if (key.escape) return back();
        if (key.backspace || key.delete) return setMode({ kind: 'say', text: mode.text.slice(0, -1) });
        // Typed fast or pasted, the text and Enter can come in one piece. Printable text only reaches the students.
        const typed = key.ctrl || key.meta ? '' : input.split(/[\r\n]/)[0]!.replace(/\p{Cc}/gu, '');
        const text = (mode.text + typed).slice(0, 200);
        if (key.return || /[\r\n]/.test(input)) {
          if (text.trim()) setSaid(room.broadcast(text.trim()));
          return back();
        }
        return setMode({ kind: 'say', text });
      }
      case 'seat': {
        const seats = table?.seats.filter((s) => s.student !== null) ?? [];
        if (key.escape) return back();
        pick(seats.length, input, key);
        const seat = seats[cursor];
        if (key.return && table && seat) {
          setSaid(room.setAi(table.id, seat.party, !seat.ai));
          back();
        }
        return;
      }
      case 'move-who':
        if (key.escape) return back();
        pick(students.length, input, key);
        if (key.return && students[cursor]) {
          setMode({ kind: 'move-where', student: students[cursor].student });
          setCursor(0);
        }
        return;
      case 'move-where':
        if (key.escape) return back();
        pick(places.length, input, key);
        if (key.return && places[cursor]) {
          setSaid(room.move(mode.student, places[cursor].table, places[cursor].party));
          back();
        }
        return;
      case 'end':
        if (input === 'y') {
          setSaid(room.endLesson());
          setScroll(0);
          return setMode({ kind: 'report' });
        }
        return back();
      case 'report':
        if (key.escape || input === 'r') return back();
        if (input === 'q') return onExit();
        if (key.upArrow) setScroll((s) => Math.max(0, s - 1));
        if (key.downArrow || input === ' ') setScroll((s) => s + (input === ' ' ? height - 4 : 1));
        return;
      case 'main':
        if (key.upArrow) setSelected((s) => Math.max(0, s - 1));
        if (key.downArrow) setSelected((s) => Math.min(snap.tables.length - 1, s + 1));
        if (input === 'q') return onExit();
        if (snap.ended) {
          if (input === 'r') setMode({ kind: 'report' });
          return;
        }
        if (input === 'p') setSaid(room.setPaused(!snap.paused));
        if (input === 'b') setMode({ kind: 'say', text: '' });
        if (input === 'a') setMode({ kind: 'seat' });
        if (input === 'm') setMode({ kind: 'move-who' });
        if (input === 'e') setMode({ kind: 'end' });
        return;
    }
  });

  const header = `${snap.title} — ${snap.connected} of ${snap.students} students connected · ${snap.ended ? 'the lesson has ended' : snap.paused ? 'PAUSED' : 'tables running'}`;
  let body: { text: string; color?: string | undefined; bold?: boolean }[] = [];
  let keys: string;
  if (mode.kind === 'report') {
    const lines = markdownLines(snap.report ?? ['No report yet.'], width);
    const top = Math.min(scroll, Math.max(0, lines.length - (height - 4)));
    body = lines.slice(top, top + height - 4).map((l) => ({ text: l.text, bold: l.bold, color: l.heading ? theme.accent : undefined }));
    keys = '↑↓ Space scroll · r the tables · q leave';
  } else if (mode.kind === 'seat' || mode.kind === 'move-who' || mode.kind === 'move-where') {
    const items =
      mode.kind === 'seat'
        ? (table?.seats.filter((s) => s.student !== null) ?? []).map(
            (s) => `${s.name}: ${s.student}${s.ai ? ' — the AI plays it: Enter gives it back' : ' — Enter lets the AI play it'}`,
          )
        : mode.kind === 'move-who'
          ? students.map((s) => `${s.student} (${s.where})`)
          : places.map((p) => `${p.label} (${p.who})`);
    const title =
      mode.kind === 'seat'
        ? `Let the AI take over a seat at ${table?.id ?? ''}`
        : mode.kind === 'move-who'
          ? 'Move which student?'
          : `Move ${mode.student} to which seat? (its student, if any, takes ${mode.student}'s)`;
    body = [
      { text: title, bold: true },
      { text: '' },
      ...items.map((text, i) => ({ text: `${i === cursor ? '›' : ' '} ${text}`, color: i === cursor ? theme.accent : undefined })),
    ];
    keys = '↑↓ choose · Enter do it · Esc back';
  } else {
    snap.tables.forEach((t, i) => {
      const mark = i === selected ? '›' : ' ';
      body.push({ text: `${mark} ${t.id} · ${t.state}${t.toMove ? ` · to move: ${t.toMove}` : ''}`, bold: true, color: i === selected ? theme.accent : undefined });
      body.push({ text: `    ${t.seats.map((s) => `${s.name}: ${s.student === null ? 'AI' : `${s.student}${s.ai ? ' (AI plays)' : s.connected ? ' ●' : ' ○'}`}`).join(' · ')}` });
      if (t.outcome) body.push({ text: `    ${t.outcome}`, color: theme.good });
      else body.push({ text: `    ${t.offers.length === 0 ? 'No offer on the table.' : `On the table: ${t.offers.join(' · ')}`}`, color: theme.muted });
    });
    if (mode.kind === 'say') body.push({ text: '' }, { text: `Say to the class: ${mode.text}▏`, bold: true });
    if (mode.kind === 'end')
      body.push({ text: '' }, { text: 'End the lesson? Every table stops and you get the class report. y ends it, any other key goes back.', bold: true, color: theme.warn });
    keys = snap.ended
      ? '↑↓ table · r the report · q leave'
      : mode.kind === 'say'
        ? 'Enter sends to every student · Esc cancels'
        : `↑↓ table · p ${snap.paused ? 'resume' : 'pause'} all · b say to all · a AI seat · m move student · e end lesson · q leave`;
  }
  const shown = body.slice(0, Math.max(0, height - 4));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent}>
        {truncate(header, width)}
      </Text>
      <Text color={theme.muted}>{'─'.repeat(width)}</Text>
      <Box flexDirection="column" height={height - 4} overflow="hidden">
        {shown.map((line, i) => (
          <Text key={i} bold={line.bold ?? false} color={line.color} wrap="truncate">
            {fit(line.text, width)}
          </Text>
        ))}
      </Box>
      <Text color={theme.muted}>{truncate(said ?? '', width)}</Text>
      <Text color={theme.accent}>{truncate(keys, width)}</Text>
    </Box>
  );
}
