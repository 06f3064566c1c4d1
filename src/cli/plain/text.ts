// What plain mode prints: the state of the table as one party sees it, its briefing, the issues and options
// with their numbers, packages with the reader's own values, and the help. Plain strings, no escape codes;
// the shared wording comes from src/ui/format.ts so both modes say the same things the same way.
import { settingWords } from '../../model/setting.js';
import { describeRedLines } from '../../analysis/bargaining.js';
import { crossesRedLine, utility, type Game, type Preferences } from '../../model/game.js';
import { clarifiable, legalCommandTypes, readable, relayable } from '../../model/rules.js';
import type { CommandType, LogLine, PartyId, Terms, World } from '../../model/types.js';
import { offerStanding, type PlayerView } from '../../model/view.js';
import { cableLine, cableLook, leverWords, MEDIATOR_ROLE, partyName, percent, postureLabel, roundDate, viaWords } from '../../ui/format.js';

const f2 = (x: number) => x.toFixed(2);

/** "0.64 (no deal: 0.52)" — a package's worth to the reader, against its BATNA. */
export function worth(prefs: Preferences, terms: Terms, batna: number): string {
  const u = utility(prefs, terms);
  const verdict = u >= batna ? 'better than no deal' : 'worse than no deal';
  return `your utility ${f2(u)} (no deal: ${f2(batna)}, ${verdict})${crossesRedLine(prefs, terms) ? ' — CROSSES YOUR RED LINE' : ''}`;
}

/** One line per issue: "  Donetsk: Freeze on the contact line  [you: 1.00]". */
export function packageLines(view: PlayerView, terms: Terms, indent = '    '): string[] {
  const { game, preferences: prefs } = view;
  return game.issues.map((issue, i) => {
    const o = terms[i]!;
    const red = prefs.redLine[i]![o] ? ', red line' : '';
    return `${indent}${issue.name}: ${issue.options[o]?.label ?? '?'}  [you: ${f2(prefs.values[i]![o]!)}${red}]`;
  });
}

/** The next deadline at or after this round, if any. */
function nextDeadline(view: PlayerView): string {
  const d = view.game.deadlines.find((x) => x.round >= view.round);
  return d ? ` · next deadline: ${d.label} (round ${d.round}, ${roundDate(view.game, d.round)})` : '';
}

const PHASE: Record<World['phase'], string> = {
  briefing: 'briefing',
  diplomacy: 'talks',
  signing: 'signing',
  ratification: 'ratification at home',
  implementation: 'implementation',
  ended: 'the game is over',
};

/**
 * The table as one party sees it, from the header to the open proposals and the cables. Proposals whose terms
 * are in `shown` get one line (the reader saw their terms already); the others get a line per issue, and are
 * added to `shown`.
 */
export function stateText(view: PlayerView, world: World, game: Game, shown: Set<number> = new Set()): string[] {
  const g = view.game;
  const out: string[] = [];
  out.push(`== Round ${view.round} of ${g.rounds} · ${roundDate(g, view.round)} · ${PHASE[view.phase]}${nextDeadline(view)} ==`);
  const front = game.scenario.territories.map((t) => `${t.name} ${percent(view.control[t.id] ?? 0)}`).join(' · ');
  out.push(`Occupied share: ${front} · ceasefire: ${view.ceasefire ? 'yes' : 'no'}`);
  out.push('Parties:');
  const width = Math.max(...g.parties.map((p) => p.name.length)) + 6;
  for (const p of g.parties) {
    const s = view.parties[p.id]!;
    const name = `${p.name}${p.id === view.self ? ' (you)' : ''}`.padEnd(width);
    const trust = Object.entries(s.trust)
      .map(([other, t]) => `${partyName(g, other)} ${f2(t)}`)
      .join(', ');
    const out_ = s.status === 'walked-out' ? ' · WALKED OUT' : '';
    out.push(`  ${name} posture: ${postureLabel(g, p.id, s.posture)} · pressure ${Math.round(s.pressure)}/100 · credibility ${f2(s.credibility)}${out_} · trusts ${trust}`);
  }
  out.push(`Your BATNA (what no deal is worth to you now): ${f2(view.batna)}.`);
  const mine = view.parties[view.self]!;
  if (mine.commitments.length) {
    out.push(
      `Your public commitments: ${mine.commitments
        .map((c) => `${g.issues[c.issue]!.name} ≥ "${g.issues[c.issue]!.options[c.option]!.label}"${c.broken ? ' (broken)' : ''}`)
        .join('; ')}`,
    );
  }
  if (mine.levers.length) {
    const levers = g.parties.find((p) => p.id === view.self)!.levers;
    out.push(`Levers you apply: ${mine.levers.map((id) => levers.find((l) => l.id === id)?.label ?? id).join('; ')}`);
  }
  if (view.agreement) {
    out.push(
      `Agreement on the table (package #${view.agreement.proposal}), signed by: ${view.agreement.signed.map((id) => partyName(g, id)).join(', ') || 'nobody yet'} — ${worth(view.preferences, view.agreement.terms, view.batna)}`,
    );
    out.push(...packageLines(view, view.agreement.terms));
  }
  const open = view.proposals.filter((p) => offerStanding(view, p) === 'awaiting');
  if (open.length) {
    out.push('Open proposals to you (terms as you heard them):');
    for (const p of open) {
      const carrier = view.messages.find((m) => m.body.kind === 'proposal' && m.body.proposal === p.id);
      const via = viaWords(g, carrier ?? { channel: p.channel, record: p.channel !== 'envoy', from: p.by, envoy: p.envoy });
      const accepted = p.accepted.filter((id) => id !== p.by);
      out.push(
        `  #${p.id} from ${partyName(g, p.by)}, round ${p.round} (${via})${p.replyTo !== undefined ? `, answering #${p.replyTo}` : ''}${accepted.length ? `, accepted by ${accepted.map((id) => partyName(g, id)).join(', ')}` : ''}: ${worth(view.preferences, p.terms, view.batna)}`,
      );
      if (shown.has(p.id)) out.push(`    (terms as shown before; show ${p.id} lists them again)`);
      else out.push(...packageLines(view, p.terms));
      shown.add(p.id);
    }
  }
  const declined = view.proposals.filter((p) => offerStanding(view, p) === 'turned-down');
  if (declined.length) {
    out.push(
      `Still on the table though you rejected ${declined.length === 1 ? 'it' : 'them'} (accept N takes it after all): ${declined.map((p) => `#${p.id} from ${partyName(g, p.by)}: ${worth(view.preferences, p.terms, view.batna)}`).join('; ')}.`,
    );
  }
  const own = view.proposals.filter((p) => p.by === view.self && p.status === 'open');
  for (const p of own) {
    const waiting = p.to.filter((id) => !p.accepted.includes(id) && !p.rejected.includes(id));
    out.push(
      `Your package #${p.id} is open: accepted by ${
        p.accepted
          .filter((id) => id !== view.self)
          .map((id) => partyName(g, id))
          .join(', ') || 'nobody yet'
      }` +
        `${p.rejected.length ? `, rejected by ${p.rejected.map((id) => partyName(g, id)).join(', ')}` : ''}${waiting.length ? `, waiting for ${waiting.map((id) => partyName(g, id)).join(', ')}` : ''}.`,
    );
  }
  const cables = view.messages.filter((m) => m.round >= view.round - 1 && m.from !== view.self);
  if (cables.length) {
    out.push('Cables (this round and the last):');
    for (const m of cables) out.push(`  m${m.id} ${cableLine(view, m)}`);
  }
  if (view.turn === view.self && view.phase === 'diplomacy') {
    const legal = legalCommandTypes(game, world, view.self);
    const ids = (ms: { id: number }[]) => ms.map((m) => `m${m.id}`).join(', ');
    const unclear = clarifiable(world, view.self);
    if (legal.includes('lever')) {
      const on = new Set(view.parties[view.self]!.levers);
      out.push('Your levers (lever ID on|off):');
      for (const l of game.party[view.self]!.levers)
        out.push(`  ${l.id}: ${l.label} (${on.has(l.id) ? 'applied' : 'not applied'}). ${on.has(l.id) ? 'Off' : 'On'}: ${leverWords(g, l, !on.has(l.id))}`);
    }
    if (unclear.length) out.push(`Heard second-hand, not yet checked (clarify mN; show mN for the terms): ${ids(unclear)}`);
    if (legal.includes('relay')) out.push(`Packages you could pass on (relay mN to PARTY): ${ids(relayable(world, view.self))}`);
    if (legal.includes('readout')) out.push(`Off-the-record talks you could give your account of (readout mN): ${ids(readable(world, view.self))}`);
  }
  return out;
}

const ACTION_HINT: Partial<Record<CommandType, string>> = {
  propose: 'propose',
  accept: 'accept N',
  reject: 'reject N',
  statement: 'statement ISSUE OPTION',
  clarify: 'clarify mN',
  relay: 'relay mN to PARTY',
  readout: 'readout mN',
  lever: 'lever ID on|off',
  summit: 'summit PARTY',
  'walk-out': 'walkout',
  return: 'return',
  pass: 'pass',
  sign: 'sign',
  refuse: 'refuse',
};

/** "What you can do now: propose, accept N, …". */
export function movesLine(game: Game, world: World, self: PartyId): string {
  const types = legalCommandTypes(game, world, self);
  const hints = types.map((t) => (t === 'propose' && game.party[self]!.envoys.length ? 'propose, counter N, envoy' : ACTION_HINT[t])).filter(Boolean);
  return `Your move, ${game.party[self]!.name}: ${hints.join(', ')} (help explains each; show, terms, quit).`;
}

/** The party's confidential briefing, its goals, red lines and BATNA in plain words. */
export function briefingText(game: Game, self: PartyId): string[] {
  const party = game.party[self]!;
  const prefs = game.prefs[self]!;
  const issues = game.public.issues;
  const out: string[] = [];
  out.push(`== Confidential briefing for ${party.name} (${party.leader}) ==`);
  for (const para of party.briefing.split(/\n\s*\n/)) out.push(para.replace(/\s*\n\s*/g, ' ').trim(), '');
  if (party.role === 'mediator') {
    out.push('You are the mediator.', ...MEDIATOR_ROLE, `Your score is the parties' average gain: no deal is worth ${f2(prefs.reservation)} to you now.`);
    return out;
  }
  const ranked = prefs.weights
    .map((w, i) => ({ w, i }))
    .sort((a, b) => b.w - a.w)
    .filter((x) => x.w > 0);
  out.push('What matters most to you (weight, and the option you want most):');
  for (const { w, i } of ranked.slice(0, 5)) {
    const row = prefs.values[i]!;
    const best = row.indexOf(Math.max(...row));
    out.push(`  ${issues[i]!.name} (${Math.round(w * 100)}%): ${issues[i]!.options[best]!.label}`);
  }
  const reds = describeRedLines(game.public, prefs);
  if (reds.length) out.push(`Your red lines (you never sign these): ${reds.join('; ')}.`);
  const words = settingWords(game.public.setting);
  out.push(`Without a deal ${words.goesOn}: that is worth ${f2(prefs.reservation)} to you now (your BATNA), and ${words.movesWith}.`);
  return out;
}

/** Every issue and option with its number, the reader's value of each, and the marks for red lines and the base. */
export function termsText(view: PlayerView, base: Terms): string[] {
  const { game, preferences: prefs } = view;
  const out = [
    'Issues and options. Propose with one option number per issue in this order (propose 1 2 1 …), or with',
    'changes to your last proposal (or your ideal package): propose donetsk=freeze sanctions=2.',
    'In brackets: what each option is worth to you (0–1); * your red line; > the option in that base package.',
  ];
  game.issues.forEach((issue, i) => {
    out.push(`${String(i + 1).padStart(2)}. ${issue.id} — ${issue.name} (weight ${Math.round(prefs.weights[i]! * 100)}%)`);
    issue.options.forEach((o, n) => {
      const mark = base[i] === n ? '>' : ' ';
      out.push(`   ${mark}${n + 1} ${o.id} — ${o.label} [${f2(prefs.values[i]![n]!)}]${prefs.redLine[i]![n] ? ' *' : ''}`);
    });
  });
  out.push(`Base package: ${worth(prefs, base, view.batna)}.`);
  return out;
}

export function helpText(interruptCode: number): string[] {
  return [
    'Commands (one a line; names can be ids, names, unique prefixes, or the numbers `terms` shows):',
    '  show [#N | mN]               the table again, the terms of package #N, or what message mN told you',
    '  terms                        issues and options with their numbers and your values',
    '  briefing                     your confidential briefing again',
    '  propose [CHANGES] [to P,Q] [public|off-record]',
    '                               table a package. CHANGES: one option number per issue (propose 2 1 1 3 …)',
    '                               or issue=option changes to your last proposal, or your ideal package when',
    '                               you have made none (propose donetsk=freeze sanctions=phased-g8).',
    '                               Default: to every party at the table, on the record (a notetaker keeps it);',
    '                               off-record: direct talks without a notetaker, so no record to cite later.',
    '  counter N [CHANGES]          answer package #N with changes to it',
    '  preview [CHANGES]            show a package and what it is worth to you, without tabling it',
    '  envoy ENVOY PARTY [CHANGES]  send a package through an envoy, off the record (he may misreport it)',
    '  accept N | reject N          answer package #N (accept N also takes an open one you rejected)',
    '  statement ISSUE OPTION       declare in public: nothing less than OPTION (an audience cost if you back down)',
    '  clarify mN                   check with the sender what message mN (heard second-hand) really said',
    '  relay mN to P,Q [CHANGES]    pass on the package message mN carried: as you heard it, or with CHANGES',
    '  readout mN [CHANGES]         publish your account of off-the-record talks (message mN)',
    '  lever ID on|off              apply or lift pressure (sanctions, tariffs, aid)',
    '  summit PARTY                 meet a leader: trust rises, and so do expectations',
    '  walkout | return             leave the talks | come back',
    '  pass                         wait this turn',
    '  sign | refuse                when an agreement is on the table',
    '  quit                         save and leave (end of input does the same)',
    `The game is saved after every move. Ctrl+C saves too and exits with code ${interruptCode}; quit and end of input exit 0.`,
  ];
}

/** The log lines a party may see. */
export function visibleLines(lines: readonly LogLine[], self: PartyId): LogLine[] {
  return lines.filter((line) => !line.visibleTo || line.visibleTo.includes(self));
}

/**
 * What message mN told the reader, as the full-screen intel view shows it: who, through what, how sure it can be,
 * the terms it carried with their worth to the reader, and — once exposed — what was really said.
 */
export function messageText(view: PlayerView, id: number): string[] {
  const m = view.messages.find((x) => x.id === id);
  if (!m) return [`No message m${id} that you know of.`];
  const look = cableLook(m, view.self);
  const out = [
    `m${m.id}, round ${m.round}: ${cableLine(view, m)}`,
    `  ${look.symbol} ${look.word}, ${percent(m.confidence)} sure${m.disputed ? ' — another account of the same talks tells it differently' : ''}${m.foundOut ? ' — someone found out these words were distorted' : ''}.`,
  ];
  if (m.body.kind === 'proposal' || m.body.kind === 'account') {
    out.push(
      `  ${m.exposed ? 'What you had been told' : 'The terms as you heard them'}: ${worth(view.preferences, m.told ?? m.body.terms, view.batna)}`,
      ...packageLines(view, m.told ?? m.body.terms),
    );
  }
  if (m.truth) out.push(`  What was really said (found out): ${worth(view.preferences, m.truth.terms, view.batna)}`, ...packageLines(view, m.truth.terms));
  return out;
}
