// What was said and what was heard: every message some party heard otherwise than it was said, who told it
// so, how it came out and what that cost; and how words were checked.
import { sameTerms, utility, type Game } from '../../model/game.js';
import { culprit, exposureHow, heardTerms, misled, truthOf } from '../../model/step.js';
import type { LogLine, Message, PartyId, World } from '../../model/types.js';
import { cleanText } from '../../scenario/clean-text.js';
import { termLines } from './terms.js';
import type { Distortion, DistortionListener, ExposureHow, Verification } from './types.js';

// ── what was said, and what was heard ────────────────────────────────────────────────────────────────────

function exposureKind(how: string): ExposureHow {
  if (/clarification/i.test(how)) return 'clarification';
  if (/leak/i.test(how)) return 'leak';
  if (/signing|tabled/i.test(how)) return 'signing';
  return 'other';
}

/** Every message that reached a party otherwise than it was said, from the final World and the full log. */
export function distortions(game: Game, world: World, log: readonly LogLine[]): Distortion[] {
  const name = (id: PartyId) => game.party[id]?.name ?? id;
  const exposureLines = log.map((line) => ({ line, used: false })).filter((x) => x.line.kind === 'exposure');
  const out: Distortion[] = [];
  for (const m of world.messages) {
    const truth = truthOf(world, m);
    if (!truth || m.channel === 'leak') continue;
    const speaker = truth.root.from;
    const listeners = m.to.filter((r) => r !== speaker && misled(world, m, r));
    if (listeners.length === 0) continue;
    const principal = m.channel === 'envoy' ? (m.envoyOf ?? m.from) : m.from;
    const answers = culprit(world, m);
    const envoy = m.channel === 'envoy' ? game.party[principal]?.envoys.find((e) => e.id === m.envoy)?.name : undefined;
    const tellerWord = envoy ?? name(m.from);
    const root = truth.root;
    const proposal = root.said.kind === 'proposal' ? world.proposals[root.said.proposal - 1] : undefined;
    const meetingId = root.meeting ?? proposal?.meeting;
    const meeting = meetingId === undefined ? undefined : game.scenario.meetings.find((x) => x.id === meetingId)?.title;
    const cost = game.scenario.information.exposure;
    const d: Distortion = {
      message: m.id,
      round: m.round,
      channel: m.channel,
      speaker: { party: speaker, name: cleanText(name(speaker)) },
      ...(proposal ? { proposal: proposal.id } : {}),
      ...(meeting ? { meeting: cleanText(meeting) } : {}),
      teller: { party: principal, name: cleanText(name(principal)), ...(envoy ? { envoy: cleanText(envoy) } : {}) },
      answers: { party: answers, name: cleanText(name(answers)) },
      said: termLines(game, truth.terms),
      listeners: [],
      cost: { credibility: 0, trust: [] },
    };
    if (m.said.kind === 'account') {
      // Did the teller tell it as it had heard it? Every version of these talks that reached it before.
      const told = m.said.terms;
      const source = m.via === undefined ? undefined : world.messages[m.via - 1];
      const heardBefore = world.messages.filter((x) => x.id < m.id && (x.to.includes(m.from) || x.from === m.from) && truthOf(world, x)?.root.id === root.id);
      d.asHeard = (source ? [source] : heardBefore).some((x) => {
        const t = x.from === m.from ? (x.said.kind === 'proposal' || x.said.kind === 'account' ? x.said.terms : undefined) : heardTerms(x, m.from);
        return t !== undefined && sameTerms(t, told);
      });
    }
    for (const r of listeners) {
      const heard = heardTerms(m, r)!;
      const listener: DistortionListener = {
        party: r,
        name: cleanText(name(r)),
        heard: termLines(game, heard),
        differs: game.scenario.issues.filter((_, i) => heard[i] !== truth.terms[i]).map((issue) => issue.id),
        value: { heard: utility(game.prefs[r]!, heard), said: utility(game.prefs[r]!, truth.terms) },
        contradicted: world.messages.some((x) => {
          if (x.id === m.id || !x.to.includes(r) || truthOf(world, x)?.root.id !== root.id) return false;
          const other = heardTerms(x, r);
          return other !== undefined && !sameTerms(other, heard);
        }),
      };
      if (m.said.kind === 'proposal' && proposal) {
        if (proposal.accepted.includes(r)) listener.answered = 'accepted';
        else if (proposal.rejected.includes(r)) listener.answered = 'rejected';
      }
      if (m.exposedTo.includes(r)) {
        const says =
          answers === r ? `${name(r)} learns that its own envoy's report of what ${name(speaker)} said` : `what ${tellerWord} told ${name(r)} is not what ${name(speaker)} said`;
        listener.exposure = exposureOf(world, m, r, root, exposureLines, says);
        // Misled by its own envoy alone, a party finds out in private: nobody else was told, nobody pays.
        if (answers !== r) {
          d.cost.credibility += cost.credibility;
          if (world.parties[r]?.trust[answers] !== undefined) d.cost.trust.push({ party: r, name: cleanText(name(r)), change: cost.trust });
        }
      }
      d.listeners.push(listener);
    }
    out.push(d);
  }
  return out;
}

/** How `listener` found out that `m` was distorted: from its exposure line in the log, or from the world. */
function exposureOf(world: World, m: Message, listener: PartyId, root: Message, lines: { line: LogLine; used: boolean }[], says: string): DistortionListener['exposure'] {
  const found = lines.find((x) => !x.used && x.line.party === listener && x.line.text.includes(says));
  if (found) {
    found.used = true;
    const how = exposureHow(found.line.text);
    return { how: exposureKind(how), round: found.line.round, text: cleanText(how || found.line.text) };
  }
  if (m.clarified.includes(listener)) return { how: 'clarification', text: 'A clarification call' };
  if (world.messages.some((x) => x.channel === 'leak' && x.said.kind === 'account' && x.said.of === root.id)) return { how: 'leak', text: 'A leak' };
  if (root.said.kind === 'proposal' && world.proposals[root.said.proposal - 1]?.status === 'agreed') return { how: 'signing', text: 'The text tabled for signing' };
  return { how: 'other', text: 'It came out' };
}

/** The counts of distortions, all from the one list: messages, parties misled, and how each party found out. */
export function distortionCounts(found: readonly Distortion[]): { distorted: number; exposed: number; misled: number; exposures: Record<ExposureHow, number>; unexposed: number } {
  const exposures: Record<ExposureHow, number> = { clarification: 0, leak: 0, signing: 0, other: 0 };
  let unexposed = 0;
  let misled = 0;
  for (const d of found) {
    for (const l of d.listeners) {
      misled++;
      if (l.exposure) exposures[l.exposure.how]++;
      else unexposed++;
    }
  }
  return { distorted: found.length, exposed: found.filter((d) => d.listeners.some((l) => l.exposure)).length, misled, exposures, unexposed };
}

export function verification(game: Game, world: World, found: readonly Distortion[]): Verification {
  const { exposures, unexposed } = distortionCounts(found);
  const proposals = world.messages.filter((m) => m.said.kind === 'proposal');
  const info = game.scenario.information;
  return {
    proposals: proposals.length,
    onRecord: proposals.filter((m) => m.record).length,
    // A call confirms what its caller heard when what it heard was what was said.
    confirmed: world.messages.reduce((n, m) => n + m.clarified.filter((p) => !misled(world, m, p)).length, 0),
    relays: world.messages.filter((m) => m.channel === 'relay').length,
    readouts: world.messages.filter((m) => m.channel === 'readout').length,
    leaks: world.messages.filter((m) => m.channel === 'leak').length,
    exposures,
    unexposed,
    costs: { credibility: info.exposure.credibility, trust: info.exposure.trust, notetaker: info.notetaker.trust, confirmed: info.clarification.confirmed },
  };
}

/**
 * A scenario's text in paragraphs: split at blank lines when it has any (a literal YAML block), else at each
 * newline (a folded block keeps only its paragraph breaks, as single newlines).
 */
