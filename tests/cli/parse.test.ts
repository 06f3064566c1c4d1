// Plain mode's command language, in process: every command parses to the engine command it names, and every
// mistake becomes one line that says what was expected.
import { describe, expect, it } from 'vitest';
import { idealTerms } from '../../src/model/game.js';
import type { Command } from '../../src/model/types.js';
import { playerView } from '../../src/model/view.js';
import { initialWorld } from '../../src/model/world.js';
import { basePackage, parseLine, parseTerms, type ParseContext, type PlainAction } from '../../src/cli/plain/parse.js';
import { alaska } from '../helpers/games.js';

const game = alaska();
const world = initialWorld(game, 5);
const ctx: ParseContext = { game, view: playerView(world, game, 'ukraine') };
const ideal = idealTerms(game.prefs.ukraine!);
const command = (line: string) => {
  const action = parseLine(ctx, line);
  if (action.kind !== 'command') throw new Error(`expected a command from "${line}", got ${JSON.stringify(action)}`);
  return action.command;
};
const error = (line: string) => {
  const action = parseLine(ctx, line);
  if (action.kind !== 'error') throw new Error(`expected an error from "${line}", got ${JSON.stringify(action)}`);
  return action.message;
};
const issue = (id: string) => game.scenario.issues.findIndex((i) => i.id === id);
const option = (i: string, o: string) => game.scenario.issues[issue(i)]!.options.findIndex((x) => x.id === o);

describe('plain mode commands', () => {
  it('propose with no changes tables the ideal package (no proposal made yet), to everyone, on the record', () => {
    expect(basePackage(ctx)).toEqual(ideal);
    expect(command('propose')).toEqual({ type: 'propose', by: 'ukraine', terms: ideal, channel: 'direct' });
  });

  it('propose with issue=option changes, by id, prefix, name or number', () => {
    const expected = [...ideal];
    expected[issue('donetsk')] = option('donetsk', 'mutual-pullback');
    expected[issue('sanctions')] = option('sanctions', 'phased-g8');
    expected[issue('guarantees')] = 1;
    const c = command('propose donetsk=mutual sanctions=phased-g8 8=2 to russia,us public');
    expect(c).toMatchObject({ type: 'propose', by: 'ukraine', terms: expected, channel: 'public' });
    expect(c).toMatchObject({ to: ['russia', 'united-states'] });
    expect(command('propose to russia,united')).toMatchObject({ to: ['russia', 'united-states'] });
    expect(error('propose to nowhere')).toMatch(/no party "nowhere"/);
  });

  it('propose with one option number per issue', () => {
    const numbers = game.scenario.issues.map(() => '1');
    expect(command(`propose ${numbers.join(' ')}`)).toMatchObject({ terms: game.scenario.issues.map(() => 0) });
    expect(error('propose 1 2 3')).toMatch(/give an option number for each of the 14 issues \(3 given\)/);
    expect(error('propose donetsk=9')).toMatch(/no option of donetsk number 9/);
    expect(error('propose donetsk')).toMatch(/"donetsk" is not a change: write issue=option/);
  });

  it('answers, statements, envoys, levers, summits and the one-word moves', () => {
    expect(command('accept 3')).toEqual({ type: 'accept', by: 'ukraine', proposal: 3 });
    expect(command('reject #4')).toEqual({ type: 'reject', by: 'ukraine', proposal: 4 });
    expect(command('statement guarantees nato')).toEqual({ type: 'statement', by: 'ukraine', issue: issue('guarantees'), option: option('guarantees', 'nato') });
    expect(command('envoy umerov russia donetsk=freeze')).toMatchObject({ type: 'propose', channel: 'envoy', envoy: 'umerov', to: ['russia'] });
    expect(command('clarify 7')).toEqual({ type: 'clarify', by: 'ukraine', message: 7 });
    expect(command('lever refinery on')).toEqual({ type: 'lever', by: 'ukraine', lever: 'refinery-strikes', apply: true });
    expect(command('lever refinery-strikes off')).toEqual({ type: 'lever', by: 'ukraine', lever: 'refinery-strikes', apply: false });
    expect(command('summit Russia')).toEqual({ type: 'summit', by: 'ukraine', with: 'russia' });
    for (const [line, type] of [
      ['walkout', 'walk-out'],
      ['return', 'return'],
      ['pass', 'pass'],
      ['sign', 'sign'],
      ['refuse', 'refuse'],
    ] as const) {
      expect(command(line)).toEqual({ type, by: 'ukraine' });
    }
  });

  it('off-the-record talks, relays and readouts', () => {
    expect(command('propose off-record to russia')).toMatchObject({ type: 'propose', channel: 'direct', notetaker: false, to: ['russia'] });
    expect(error('propose public off-record')).toMatch(/only direct talks can be off the record/);
    const terms = game.scenario.issues.map(() => 1);
    const heard = {
      id: 4,
      round: 1,
      from: 'russia',
      to: ['ukraine'],
      channel: 'envoy' as const,
      record: false,
      body: { kind: 'proposal' as const, proposal: 2, terms },
      exposed: false,
    };
    const view = { ...ctx.view, messages: [heard] } as unknown as typeof ctx.view;
    const c = { game, view };
    expect(parseLine(c, 'relay 4 to europe')).toEqual({ kind: 'command', command: { type: 'relay', by: 'ukraine', message: 4, to: ['europe'] } });
    const told = parseLine(c, 'relay 4 to europe,us donetsk=freeze');
    const expected = [...terms];
    expected[issue('donetsk')] = option('donetsk', 'freeze');
    expect(told).toEqual({ kind: 'command', command: { type: 'relay', by: 'ukraine', message: 4, to: ['europe', 'united-states'], terms: expected } });
    expect(parseLine(c, 'relay m4 to europe')).toEqual({ kind: 'command', command: { type: 'relay', by: 'ukraine', message: 4, to: ['europe'] } });
    expect(parseLine(c, 'relay 4')).toMatchObject({ kind: 'error', message: expect.stringMatching(/relay mN to PARTY/) });
    expect(parseLine(c, 'relay 9 to europe')).toMatchObject({ kind: 'error', message: expect.stringMatching(/no message m9/) });
    // Packages are #N, messages mN: one is never taken for the other.
    expect(parseLine(c, 'relay #4 to europe')).toMatchObject({ kind: 'error', message: '#4 is a package; relay takes a message number like m4 (show lists the cables)' });
    expect(parseLine(c, 'accept m4')).toMatchObject({ kind: 'error', message: 'm4 is a message; accept takes a package number like #3' });
    expect(parseLine(c, 'show m4')).toEqual({ kind: 'message', id: 4 });
    expect(parseLine(c, 'show #4')).toEqual({ kind: 'package', id: 4 });
    expect(parseLine(c, 'readout 4')).toEqual({ kind: 'command', command: { type: 'readout', by: 'ukraine', message: 4 } });
    expect(parseLine(c, 'readout 4 donetsk=freeze')).toEqual({ kind: 'command', command: { type: 'readout', by: 'ukraine', message: 4, terms: expected } });
  });

  it('counter starts from the package it answers', () => {
    const heard = game.scenario.issues.map(() => 0);
    const view = {
      ...ctx.view,
      proposals: [
        { id: 2, round: 1, by: 'russia', terms: heard, channel: 'direct' as const, to: ['ukraine'], accepted: ['russia'], rejected: [], status: 'open' as const, exposed: false },
      ],
    };
    const action = parseLine({ game, view }, 'counter 2 donetsk=freeze');
    expect(action).toMatchObject({ kind: 'command', command: { type: 'propose', replyTo: 2 } });
    const terms = ((action as Extract<PlainAction, { kind: 'command' }>).command as Extract<Command, { type: 'propose' }>).terms;
    expect(terms[issue('donetsk')]).toBe(option('donetsk', 'freeze'));
    expect(terms.filter((t, i) => i !== issue('donetsk') && t !== 0)).toEqual([]);
    expect(parseLine({ game, view }, 'counter 9')).toMatchObject({ kind: 'error', message: 'no package #9 that you know of' });
  });

  it('meta commands, and mistakes in one line each', () => {
    expect(parseLine(ctx, 'help')).toEqual({ kind: 'help' });
    expect(parseLine(ctx, 'show')).toEqual({ kind: 'show' });
    expect(parseLine(ctx, 'show 3')).toEqual({ kind: 'package', id: 3 });
    expect(parseLine(ctx, 'terms')).toEqual({ kind: 'terms' });
    expect(parseLine(ctx, 'quit')).toEqual({ kind: 'quit' });
    expect(parseLine(ctx, '   ')).toEqual({ kind: 'empty' });
    expect(parseLine(ctx, 'preview donetsk=freeze')).toMatchObject({ kind: 'preview' });
    expect(error('dance')).toBe('unknown command "dance" (type help for the list)');
    expect(error('accept')).toBe('accept needs a package number, e.g. accept #3');
    expect(error('pass now')).toBe('pass takes nothing after it');
    expect(error('lever refinery maybe')).toMatch(/on\|off/);
    expect(error('summit ukraine')).toMatch(/no party "ukraine"/);
    expect(error('statement guarantees')).toMatch(/statement ISSUE OPTION/);
  });

  it('parseTerms keeps the base when given nothing', () => {
    expect(parseTerms(ctx, [], ideal)).toEqual(ideal);
  });
});
