// Plain mode's command language: one line in, one action out. Names are forgiving (an id, a name, a unique
// prefix, or the number shown by `terms`), and every mistake becomes one line that says what was expected.
import { idealTerms, type Game } from '../../model/game.js';
import type { Command, PartyId, Terms } from '../../model/types.js';
import type { PlayerView } from '../../model/view.js';

/** A word of the player's echoed back in a message: never more than a line's worth. */
const short = (word: string) => (Array.from(word).length > 40 ? `${Array.from(word).slice(0, 39).join('')}…` : word);

export type PlainAction =
  | { kind: 'command'; command: Command }
  | { kind: 'preview'; terms: number[] }
  | { kind: 'help'; topic?: string }
  | { kind: 'show' }
  | { kind: 'package'; id: number }
  | { kind: 'message'; id: number }
  | { kind: 'terms' }
  | { kind: 'briefing' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/** What the parser needs to know: the game and what the acting party sees. */
export interface ParseContext {
  game: Game;
  view: PlayerView;
}

class ParseError extends Error {}

const fail = (message: string): never => {
  throw new ParseError(message);
};

const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');

/** Finds one of `items` by 1-based number, exact id or name, or a unique prefix of either. */
function pick<T>(token: string, items: readonly T[], keys: (item: T) => string[], what: string, list: string): T {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    if (n >= 1 && n <= items.length) return items[n - 1]!;
    return fail(`no ${what} number ${token} (there are ${items.length}: ${list})`);
  }
  const t = norm(token);
  const exact = items.filter((item) => keys(item).some((k) => norm(k) === t));
  if (exact.length === 1) return exact[0]!;
  const prefixed = items.filter((item) => keys(item).some((k) => norm(k).startsWith(t)));
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) return fail(`"${short(token)}" could be more than one ${what}: ${list}`);
  return fail(`no ${what} "${short(token)}" (${list})`);
}

export function matchParty(ctx: ParseContext, token: string, opts: { notSelf?: boolean } = {}): PartyId {
  const parties = ctx.view.game.parties.filter((p) => !opts.notSelf || p.id !== ctx.view.self);
  // Initials count too: "us" for United States.
  const initials = (name: string) =>
    name.trim().includes(' ')
      ? name
          .split(/\s+/)
          .map((w) => w[0])
          .join('')
      : '';
  return pick(token, parties, (p) => [p.id, p.name, initials(p.name)].filter(Boolean), 'party', parties.map((p) => p.id).join(', ')).id;
}

export function matchIssue(ctx: ParseContext, token: string): number {
  const issues = ctx.view.game.issues.map((issue, index) => ({ ...issue, index }));
  return pick(token, issues, (i) => [i.id, i.name], 'issue', `1–${issues.length} or an id; \`terms\` lists them`).index;
}

export function matchOption(ctx: ParseContext, issue: number, token: string): number {
  const i = ctx.view.game.issues[issue]!;
  const options = i.options.map((o, index) => ({ ...o, index }));
  return pick(token, options, (o) => [o.id, o.label], `option of ${i.id}`, options.map((o, n) => `${n + 1} ${o.id}`).join(', ')).index;
}

/** The package a change list starts from: the party's own latest proposal, else its ideal package. */
export function basePackage(ctx: ParseContext): number[] {
  const mine = ctx.view.proposals.filter((p) => p.by === ctx.view.self);
  const last = mine[mine.length - 1];
  return last ? [...last.terms] : idealTerms(ctx.view.preferences);
}

/**
 * Terms from tokens: either one option number per issue ("2 1 1 3 …"), or `issue=option` changes applied to
 * `base`. An empty list is the base itself.
 */
export function parseTerms(ctx: ParseContext, tokens: string[], base: Terms): number[] {
  const issues = ctx.view.game.issues;
  if (tokens.length > 0 && tokens.every((t) => /^\d+$/.test(t))) {
    if (tokens.length !== issues.length) {
      return fail(
        `give an option number for each of the ${issues.length} issues (${tokens.length} given), or changes as issue=option, e.g. ${issues[0]!.id}=${issues[0]!.options[0]!.id}`,
      );
    }
    return tokens.map((t, i) => matchOption(ctx, i, t));
  }
  const terms = [...base];
  for (const token of tokens) {
    const eq = token.indexOf('=');
    if (eq <= 0 || eq === token.length - 1) {
      return fail(`"${short(token)}" is not a change: write issue=option, e.g. ${issues[0]!.id}=${issues[0]!.options[0]!.id} (\`terms\` lists them)`);
    }
    const issue = matchIssue(ctx, token.slice(0, eq));
    terms[issue] = matchOption(ctx, issue, token.slice(eq + 1));
  }
  return terms;
}

interface Modifiers {
  rest: string[];
  to?: PartyId[];
  channel: 'direct' | 'public';
  /** Direct talks without a notetaker: no official record. */
  offRecord: boolean;
}

/** Splits off the `to PARTY[,PARTY]`, `public` and `off-record` modifiers of a proposal. */
function proposalModifiers(ctx: ParseContext, tokens: string[]): Modifiers {
  const rest: string[] = [];
  let to: PartyId[] | undefined;
  let channel: 'direct' | 'public' = 'direct';
  let offRecord = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.toLowerCase();
    if (lower === 'public') channel = 'public';
    else if (lower === 'direct') channel = 'direct';
    else if (lower === 'off-record' || lower === 'off-the-record' || lower === 'no-notetaker') offRecord = true;
    else if (lower === 'to' || lower.startsWith('to=')) {
      const list = lower === 'to' ? tokens[++i] : t.slice(3);
      if (!list) fail('`to` needs one or more parties, e.g. to russia,united-states');
      to = list!
        .split(',')
        .filter(Boolean)
        .map((p) => matchParty(ctx, p, { notSelf: true }));
    } else rest.push(t);
  }
  if (offRecord && channel !== 'direct') fail('only direct talks can be off the record; public statements always are on it');
  return to ? { rest, to, channel, offRecord } : { rest, channel, offRecord };
}

/** The engine's propose command from the parsed modifiers. */
function proposal(by: PartyId, terms: number[], m: Modifiers, replyTo?: number): Command {
  return {
    type: 'propose',
    by,
    terms,
    channel: m.channel,
    ...(m.to ? { to: m.to } : {}),
    ...(replyTo !== undefined ? { replyTo } : {}),
    ...(m.offRecord ? { notetaker: false } : {}),
  };
}

/** The terms a message carries as this party has it (a proposal, or someone's account of one). */
function messageTerms(ctx: ParseContext, id: number): Terms {
  const m = ctx.view.messages.find((x) => x.id === id);
  if (!m) return fail(`no message m${id} that you know of (show lists the cables)`);
  if (m.body.kind === 'proposal' || m.body.kind === 'account') return m.body.terms;
  return fail(`message m${id} carries no package`);
}

/** A package number: "#3" or "3" ("m3" is a message). */
function proposalNumber(token: string | undefined, what: string): number {
  if (token && /^m\d+$/i.test(token)) return fail(`${token} is a message; ${what} takes a package number like #3`);
  const t = token?.replace(/^#/, '');
  if (!t || !/^\d+$/.test(t)) return fail(`${what} needs a package number, e.g. ${what} #3`);
  return Number(t);
}

/** A message (cable) number: "m4" or "4" ("#4" is a package). */
function messageNumber(token: string | undefined, what: string): number {
  if (token && token.startsWith('#')) return fail(`${short(token)} is a package; ${what} takes a message number like m4 (show lists the cables)`);
  const t = token?.replace(/^m/i, '');
  if (!t || !/^\d+$/.test(t)) return fail(`${what} needs a message number, e.g. ${what} m4`);
  return Number(t);
}

/** Parses one line typed by the acting party. */
export function parseLine(ctx: ParseContext, line: string): PlainAction {
  try {
    return parse(ctx, line);
  } catch (error) {
    if (error instanceof ParseError) return { kind: 'error', message: error.message };
    throw error;
  }
}

function parse(ctx: ParseContext, line: string): PlainAction {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  const [head, ...args] = tokens;
  if (!head) return { kind: 'empty' };
  const by = ctx.view.self;
  const word = head.toLowerCase();
  const none = (command: Command): PlainAction => {
    if (args.length) fail(`${word} takes nothing after it`);
    return { kind: 'command', command };
  };
  switch (word) {
    case 'help':
    case '?':
    case 'h':
      return args[0] ? { kind: 'help', topic: args[0].toLowerCase() } : { kind: 'help' };
    case 'show':
    case 'state':
    case 'look':
      if (args.length > 1) fail('show takes at most one number: show #3 for a package, show m4 for a message');
      if (!args[0]) return { kind: 'show' };
      return /^m\d+$/i.test(args[0]) ? { kind: 'message', id: messageNumber(args[0], 'show') } : { kind: 'package', id: proposalNumber(args[0], 'show') };
    case 'terms':
    case 'issues':
      return { kind: 'terms' };
    case 'briefing':
      return { kind: 'briefing' };
    case 'quit':
    case 'exit':
    case 'q':
      return { kind: 'quit' };
    case 'propose':
    case 'offer': {
      const m = proposalModifiers(ctx, args);
      return { kind: 'command', command: proposal(by, parseTerms(ctx, m.rest, basePackage(ctx)), m) };
    }
    case 'counter': {
      const id = proposalNumber(args[0], 'counter');
      const p = ctx.view.proposals.find((x) => x.id === id);
      if (!p) return fail(`no package #${id} that you know of`);
      const m = proposalModifiers(ctx, args.slice(1));
      return { kind: 'command', command: proposal(by, parseTerms(ctx, m.rest, p.terms), m, id) };
    }
    case 'relay': {
      const id = messageNumber(args[0], 'relay');
      const m = proposalModifiers(ctx, args.slice(1));
      if (!m.to) return fail('relay mN to PARTY[,PARTY] [issue=option …], e.g. relay m3 to europe');
      const heard = messageTerms(ctx, id);
      // Without changes it is passed on as heard; with changes, as you choose to tell it.
      const command: Command = { type: 'relay', by, message: id, to: m.to };
      return { kind: 'command', command: m.rest.length ? { ...command, terms: parseTerms(ctx, m.rest, heard) } : command };
    }
    case 'readout': {
      const id = messageNumber(args[0], 'readout');
      const rest = args.slice(1);
      const command: Command = { type: 'readout', by, message: id };
      return { kind: 'command', command: rest.length ? { ...command, terms: parseTerms(ctx, rest, messageTerms(ctx, id)) } : command };
    }
    case 'preview':
    case 'check': {
      const { rest } = proposalModifiers(ctx, args);
      return { kind: 'preview', terms: parseTerms(ctx, rest, basePackage(ctx)) };
    }
    case 'envoy': {
      const [envoyToken, partyToken, ...rest] = args;
      const envoys = ctx.view.game.parties.find((p) => p.id === by)?.envoys ?? [];
      if (envoys.length === 0) return fail('you have no envoys');
      if (!envoyToken || !partyToken) return fail(`envoy ENVOY PARTY [issue=option …], e.g. envoy ${envoys[0]!.id} ${ctx.view.game.parties.find((p) => p.id !== by)!.id}`);
      const envoy = pick(envoyToken, envoys, (e) => [e.id, e.name], 'envoy', envoys.map((e) => e.id).join(', '));
      const to = matchParty(ctx, partyToken, { notSelf: true });
      const terms = parseTerms(ctx, rest, basePackage(ctx));
      return { kind: 'command', command: { type: 'propose', by, terms, channel: 'envoy', envoy: envoy.id, to: [to] } };
    }
    case 'accept':
    case 'reject':
      if (args.length > 1) fail(`${word} takes one package number, e.g. ${word} 3`);
      return { kind: 'command', command: { type: word, by, proposal: proposalNumber(args[0], word) } };
    case 'statement':
    case 'declare': {
      if (args.length !== 2) return fail('statement ISSUE OPTION, e.g. statement donetsk freeze (`terms` lists them)');
      const issue = matchIssue(ctx, args[0]!);
      return { kind: 'command', command: { type: 'statement', by, issue, option: matchOption(ctx, issue, args[1]!) } };
    }
    case 'clarify':
      if (args.length > 1) fail('clarify takes one message number, e.g. clarify m4');
      return { kind: 'command', command: { type: 'clarify', by, message: messageNumber(args[0], 'clarify') } };
    case 'lever': {
      const levers = ctx.view.game.parties.find((p) => p.id === by)?.levers ?? [];
      if (levers.length === 0) return fail('you have no levers');
      const [leverToken, state] = args;
      if (!leverToken || !state || args.length > 2) return fail(`lever ID on|off, e.g. lever ${levers[0]!.id} on`);
      const lever = pick(leverToken, levers, (l) => [l.id, l.label], 'lever', levers.map((l) => l.id).join(', '));
      const s = state.toLowerCase();
      if (!['on', 'off', 'apply', 'lift'].includes(s)) return fail(`lever ${lever.id} on|off, not "${short(state)}"`);
      return { kind: 'command', command: { type: 'lever', by, lever: lever.id, apply: s === 'on' || s === 'apply' } };
    }
    case 'summit': {
      if (args.length !== 1) return fail('summit PARTY, e.g. summit russia');
      return { kind: 'command', command: { type: 'summit', by, with: matchParty(ctx, args[0]!, { notSelf: true }) } };
    }
    case 'walkout':
    case 'walk-out':
      return none({ type: 'walk-out', by });
    case 'return':
      return none({ type: 'return', by });
    case 'pass':
    case 'wait':
      return none({ type: 'pass', by });
    case 'sign':
      return none({ type: 'sign', by });
    case 'refuse':
      return none({ type: 'refuse', by });
    default:
      return fail(`unknown command "${short(head)}" (type help for the list)`);
  }
}
