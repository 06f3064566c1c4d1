// The plain-text helpers the screens and the plain mode share, the keymap's data, and the pure flow rules.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { playSession } from '../../src/engine/headless.js';
import { initialWorld } from '../../src/model/world.js';
import { afterBriefing, firstScreen, handover } from '../../src/ui/flow.js';
import {
  nextDeadline,
  placeMapItems,
  batnaWords,
  redLineLines,
  goalLines,
  cableLook,
  messagePackage,
  messageRef,
  roundLabel,
  talksName,
  upcomingDeadline,
  leverWords,
} from '../../src/ui/format.js';
import { fit, truncate, wrap, wrapCells, wrapIndented } from '../../src/ui/text.js';
import { playerView } from '../../src/model/view.js';
import { keyBarItems } from '../../src/ui/components/KeyBar.js';
import { wrapRich, richWidth } from '../../src/ui/components/RichText.js';
import { listReducer } from '../../src/ui/hooks/use-list.js';
import { infoGame, MSG } from '../analysis/info-fixture.js';
import { builderReducer, initialBuilder } from '../../src/ui/hooks/use-builder.js';
import { scrollBy } from '../../src/ui/hooks/use-scroll.js';
import { actionFor, barItems, KEYMAP, keyOf } from '../../src/ui/keymap.js';
import { tableLayout } from '../../src/ui/layout.js';
import { alaska, mini } from '../helpers/games.js';

const key = (over: Partial<Key> = {}): Key => ({
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
  ...over,
});

describe('text helpers', () => {
  it('wraps words to the width and keeps paragraphs apart', () => {
    const lines = wrap('one two three four five\nsix', 9);
    expect(lines).toEqual(['one two', 'three', 'four five', '', 'six']);
    expect(lines.every((l) => l.length <= 9)).toBe(true);
  });
  it('strips escape sequences from scenario text', () => {
    expect(wrap('safe \u001b[2Jtext', 20)).toEqual(['safe text']);
  });
  it('truncates and fits to a width', () => {
    expect(truncate('Zaporizhzhia', 6)).toBe('Zapor…');
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('abcdef', 4)).toBe('abc…');
  });
  it('names the next deadline with its round and distance', () => {
    expect(nextDeadline(alaska().public, 1)).toMatch(/round 2, in 1 week/);
    expect(nextDeadline(alaska().public, 3)).toMatch(/the last week of the talks .*round 17, in 14 weeks/);
  });
  it('puts the briefing facts in plain words', () => {
    const game = alaska();
    expect(batnaWords(game.prefs.ukraine!, 0.52)).toMatch(/No deal .* worth about 0\.52/);
    expect(redLineLines(game.public, game.prefs.ukraine!).join('\n')).toMatch(/Recognition of occupied land: never "De jure"/);
    expect(goalLines(game.public, game.prefs.ukraine!)[0]).toMatch(/^Security guarantees/);
  });
  it('places map labels without overlaps, inside the map', () => {
    const items = alaska().scenario.territories.map((t) => ({ id: t.id, col: t.map.col, row: t.map.row, width: 20 }));
    for (const [w, h] of [
      [80, 3],
      [100, 4],
      [60, 5],
    ] as const) {
      const placed = placeMapItems(items, w, h);
      expect(placed).toHaveLength(items.length);
      for (const a of placed) {
        expect(a.x + a.width).toBeLessThanOrEqual(w);
        expect(a.y).toBeLessThan(h);
        for (const b of placed) if (a !== b && a.y === b.y) expect(a.x + a.width < b.x || b.x + b.width < a.x).toBe(true);
      }
    }
  });
});

describe('wrapping, never cutting', () => {
  const text = 'R12 Russia says that strikes on energy infrastructure are legitimate targets while the talks go on.';
  it('wraps with a hanging indent: every line, indent included, fits, and no word is lost', () => {
    for (const width of [20, 33, 80]) {
      const lines = wrapIndented(text, width, '', '   ');
      expect(lines.every((l) => Array.from(l).length <= width)).toBe(true);
      expect(lines.slice(1).every((l) => l.startsWith('   '))).toBe(true);
      expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
    }
    expect(wrapIndented('a b c d e f', 7, '  • ')).toEqual(['  • a b', '    c d', '    e f']);
    expect(wrap('aaa bbb ccc', 7, 3)).toEqual(['aaa bbb', 'ccc']);
  });
  it('wraps table cells in their columns, padded', () => {
    expect(wrapCells(['Kherson and Zaporizhzhia', 'Frozen; Russia does not press for recognition'], [14, 20])).toEqual([
      ['Kherson and   ', 'Frozen; Russia does '],
      ['Zaporizhzhia  ', 'not press for       '],
      ['              ', 'recognition         '],
    ]);
  });
  it('wraps a styled line word by word, keeping a word whole across pieces', () => {
    const line = [
      { text: 'Your estimate: ' },
      { text: 'United\u00A0States', bold: true },
      { text: '\u00A0✗\u00A0unlikely?', color: 'red' },
      { text: '  Europe', bold: true },
      { text: '\u00A0✓\u00A0likely', color: 'green' },
    ];
    const lines = wrapRich(line, 30, '  ');
    expect(lines.every((l) => richWidth(l) <= 30)).toBe(true);
    expect(lines.map((l) => l.map((p) => p.text).join(''))).toEqual(['Your estimate:', '  United\u00A0States\u00A0✗\u00A0unlikely?', '  Europe\u00A0✓\u00A0likely']);
    expect(wrapRich([{ text: 'short' }], 30)).toEqual([[{ text: 'short' }]]);
  });
});

describe('numbers and words', () => {
  const played = infoGame();
  const view = playerView(played.world, played.game, 'green');
  it('writes packages as "#n" and messages as "mn"', () => {
    expect(messageRef(38)).toBe('m38');
    expect(messagePackage(view, MSG.blueOnRecord)).toBe(`package #2 (m${MSG.blueOnRecord})`);
    expect(messagePackage(view, MSG.redRelay)).toMatch(new RegExp(`^package #2 \\(m${MSG.redRelay}\\)$`));
    expect(messagePackage(view, 999)).toBe('m999');
    expect(talksName(view, 999)).toBe('the talks behind m999');
  });
  it('shows a leak as "leaked", not "on the record"', () => {
    const m = view.messages.find((x) => x.id === MSG.blueOnRecord)!;
    expect(cableLook(m)).toMatchObject({ status: 'on-record', symbol: '■', word: 'on the record' });
    expect(cableLook({ ...m, channel: 'leak', confidence: 0.8 })).toMatchObject({ status: 'on-record', symbol: '◆', word: 'leaked' });
    expect(cableLook({ ...m, channel: 'leak', record: false })).toMatchObject({ word: 'leaked' });
  });
  it('says "Today" for a deadline on the current round, and never "Round 11/10"', () => {
    const game = alaska().public;
    const first = [...game.deadlines].sort((a, b) => a.round - b.round)[0]!;
    expect(upcomingDeadline(game, first.round)).toMatchObject({ today: true });
    expect(upcomingDeadline(game, first.round - 1)).toMatchObject({ today: false });
    expect(nextDeadline(game, first.round)).toBe(upcomingDeadline(game, first.round)!.text);
    expect(roundLabel(game, 3, 'diplomacy')).toBe(`Round 3/${game.rounds} · Diplomacy`);
    expect(roundLabel(game, game.rounds + 1, 'implementation')).toBe(`Implementation, round ${game.rounds + 1}`);
  });
});

describe('the keymap', () => {
  it('turns keys into the actions of the scope', () => {
    expect(actionFor('table', 'p', key())).toBe('propose');
    expect(actionFor('table', 'x', key())).toBeUndefined();
    expect(actionFor('builder', '', key({ rightArrow: true }))).toBe('right');
    expect(actionFor('roles', ' ', key())).toBe('toggle');
    expect(actionFor('signing', 's', key())).toBe('sign');
    expect(actionFor('table', 'c', key({ ctrl: true }))).toBeUndefined();
  });
  it('gives every key once per scope', () => {
    for (const [scope, bindings] of Object.entries(KEYMAP)) {
      const labels = bindings.flatMap((b) => b.keys.map((k) => JSON.stringify(k)));
      expect(new Set(labels).size, scope).toBe(labels.length);
    }
  });
  it('says "? more keys" when the key bar cannot show them all, and what a key does now', () => {
    const narrow = keyBarItems('table', 80).map((i) => `${i.keys} ${i.word}`);
    expect(narrow).toContain('? more keys');
    expect(narrow.join('  ').length).toBeLessThanOrEqual(80);
    expect(narrow).not.toContain('w walk out');
    const wide = keyBarItems('table', 300).map((i) => `${i.keys} ${i.word}`);
    expect(wide).toContain('? help');
    expect(wide).toContain('m summit');
    expect(keyBarItems('table', 300, undefined, { walk: 'come back' }).map((i) => `${i.keys} ${i.word}`)).toContain('w come back');
  });
  it('in the open proposals: p counters (it proposes, as at the table) and c clarifies (as at the table)', () => {
    expect(actionFor('offers', 'p', key())).toBe('counter');
    expect(actionFor('offers', 'c', key())).toBe('clarify');
    expect(actionFor('table', 'c', key())).toBe('clarify');
    expect(actionFor('builder', 'd', key())).toBe('details');
  });
  it('builds the key bar from the same data', () => {
    expect(barItems('builder').map((i) => `${i.keys} ${i.word}`)).toContain('←→ option');
    expect(barItems('table', new Set(['pass'])).map((i) => i.word)).toEqual(['pass']);
    expect(keyOf('briefing', 'select')).toBe('Enter');
  });
});

describe('widgets and flow', () => {
  it('changes the option of the issue under the cursor, wrapping around', () => {
    const start = initialBuilder({ terms: [0, 0], options: [3, 2], channel: 'direct' });
    expect(builderReducer(start, { type: 'right' }).terms).toEqual([1, 0]);
    expect(builderReducer(start, { type: 'left' }).terms).toEqual([2, 0]);
    expect(builderReducer(builderReducer(start, { type: 'down' }), { type: 'right' }).terms).toEqual([0, 1]);
    expect(start.original).toEqual([0, 0]);
  });
  it('cycles the channel with Tab: direct with a notetaker, without one, in public', () => {
    let state = initialBuilder({ terms: [0], options: [2], channel: 'direct', channels: ['direct', 'envoy', 'public'] });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      state = builderReducer(state, { type: 'channel' });
      seen.push(`${state.channel}${state.notetaker === false ? ' (no notetaker)' : ''}`);
    }
    expect(seen).toEqual(['direct (no notetaker)', 'public', 'direct']);
    const envoy = initialBuilder({ terms: [0], options: [2], channel: 'envoy', envoy: 'x' });
    expect(builderReducer(envoy, { type: 'channel' })).toBe(envoy);
  });
  it('stops at the ends of a list that must not wrap (the title menu)', () => {
    const menu = listReducer(3, false);
    expect(menu({ index: 0, marked: [] }, { type: 'up' }).index).toBe(0);
    expect(menu({ index: 2, marked: [] }, { type: 'down' }).index).toBe(2);
    expect(listReducer(3)({ index: 0, marked: [] }, { type: 'up' }).index).toBe(2);
  });
  it('scrolls within the text', () => {
    expect(scrollBy(0, { type: 'up' }, 50, 10)).toBe(0);
    expect(scrollBy(0, { type: 'pageDown' }, 50, 10)).toBe(9);
    expect(scrollBy(38, { type: 'pageDown' }, 50, 10)).toBe(40);
  });
  it('lays the table out in 23 rows at 80×24', () => {
    const l = tableLayout(80, 23, 4);
    expect(2 + 5 + l.mapRows + l.bandRows + l.movesRows + l.cablesRows + l.newsRows + 2).toBe(23);
    expect(l.leftWidth + 1 + l.rightWidth).toBe(80);
  });
  it('passes the keyboard between people in hot-seat, never in a solo game', () => {
    const game = mini();
    const world = initialWorld(game, 1);
    const hot = { game, humans: ['blue', 'red'] };
    expect(firstScreen(hot, world)).toEqual({ name: 'pass', party: 'blue', next: 'briefing' });
    expect(firstScreen({ game, humans: ['red'] }, world)).toEqual({ name: 'briefing', party: 'red' });
    expect(afterBriefing(hot, 'blue')).toEqual({ screen: { name: 'pass', party: 'red', next: 'briefing' }, open: false });
    expect(afterBriefing(hot, 'red').open).toBe(true);
    const talking = { ...world, phase: 'diplomacy' as const, turn: 0 };
    expect(handover(hot, { name: 'table', viewer: 'red' }, talking)).toEqual({ name: 'pass', party: 'blue', next: 'table' });
    expect(handover(hot, { name: 'table', viewer: 'blue' }, talking)).toBeUndefined();
    expect(handover({ game, humans: ['red'] }, { name: 'table', viewer: 'red' }, talking)).toBeUndefined();
    const ended = playSession(game, 3).world;
    expect(firstScreen(hot, ended)).toEqual({ name: 'table', viewer: 'blue' });
  });
});

describe('a lever in words', () => {
  const pub = alaska().public;
  const lever = { target: 'russia', pressure: 6, batna: -0.01, cost: 2 };
  it('says what applying it costs you first, then whom it presses and how', () => {
    expect(leverWords(pub, lever, true)).toBe('costs you pressure +2 · presses Russia: pressure +6, its no-deal value −0.01, its trust in you falls');
  });
  it('says what lifting it gives back, and that the cost stays spent', () => {
    expect(leverWords(pub, lever, false)).toBe('eases off Russia: pressure −6, its no-deal value +0.01, its trust in you rises a little · what it cost you stays spent');
    expect(leverWords(pub, { ...lever, cost: 0, batna: 0 }, true)).toBe('costs you nothing · presses Russia: pressure +6, its trust in you falls');
  });
});

describe('t in the builder: who a direct proposal goes to', () => {
  const setup = { terms: [0, 0], options: [2, 2], channel: 'direct' as const, recipients: ['red', 'green'] };
  it('goes from one party alone to the whole table, and on to the next party alone', () => {
    let b = initialBuilder({ ...setup, to: ['red'], replyTo: 1 });
    const seen: (string[] | undefined)[] = [];
    for (let k = 0; k < 4; k++) seen.push((b = builderReducer(b, { type: 'recipients' })).to);
    expect(seen).toEqual([undefined, ['green'], undefined, ['red']]);
  });
  it('does nothing in public, through an envoy, or with one other party', () => {
    for (const b of [
      initialBuilder({ ...setup, channel: 'public' }),
      initialBuilder({ ...setup, channel: 'envoy', to: ['red'] }),
      initialBuilder({ ...setup, recipients: ['red'] }),
    ])
      expect(builderReducer(b, { type: 'recipients' })).toBe(b);
  });
  it('Tab to public speaks to the whole table', () => {
    const b = builderReducer(builderReducer(initialBuilder({ ...setup, to: ['red'], channels: ['direct', 'public'] }), { type: 'channel' }), { type: 'channel' });
    expect(b).toMatchObject({ channel: 'public', to: undefined });
  });
});
