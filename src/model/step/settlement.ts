// From agreement to the end of the war: every signatory accepts one package (agree), signs it or refuses,
// its veto players at home ratify it or not, and the deal is implemented round by round — or collapses.
// Public commitments are checked here too: signing (or accepting in public) what you swore you never would
// costs credibility.
import { settingWords } from '../setting.js';
import { prefsOf, utility } from '../game.js';
import type { PartyId, Terms } from '../types.js';
import { closeOpen, closeProposal } from './proposals.js';
import { applyEffect } from './apply-effect.js';
import { AMOUNTS, addTrust, addTrustAmong, clamp01, clamp100, end, nameOf } from './effects.js';
import { exposeAll } from './information.js';
import { resolution } from './rounds.js';
import type { Tx } from './tx.js';

/** The audience cost of going back on a public statement: every standing commitment `terms` breaks. */
export function checkCommitments(tx: Tx, by: PartyId, terms: Terms): void {
  const { game } = tx;
  const values = prefsOf(game, tx.w, by).values;
  const commitments = tx.w.parties[by]!.commitments;
  for (let k = 0; k < commitments.length; k++) {
    const c = commitments[k]!;
    if (c.broken) continue;
    const row = values[c.issue]!;
    if (row[terms[c.issue]!]! >= row[c.option]! - 1e-9) continue;
    const me = tx.party(by);
    me.commitments[k]!.broken = true;
    me.credibility = clamp01(me.credibility + AMOUNTS.brokenCommitment.credibility);
    me.pressure = clamp100(me.pressure + AMOUNTS.brokenCommitment.pressure);
    const issue = game.scenario.issues[c.issue]!;
    tx.log({
      kind: 'commitment',
      party: by,
      text: `${nameOf(game, by)} went back on its public word on ${issue.name} ("nothing less than ${issue.options[c.option]!.label}"): credibility falls.`,
    });
  }
}

/** Every signatory accepted one package: it goes to signing, and the text on the table exposes any envoy's distortion. */
export function agree(tx: Tx, proposal: number): void {
  const { game, w } = tx;
  closeProposal(tx, proposal, 'agreed');
  closeOpen(tx, 'superseded', { why: 'agreement', on: proposal });
  const p = w.proposals[proposal - 1]!;
  const signatories = game.public.signatories;
  tx.setAgreement({ proposal, round: w.round, terms: p.terms, signatories: [...signatories], signed: [], ratified: {}, violations: 0 });
  w.phase = 'signing';
  w.turn = game.partyIds.indexOf(signatories[0]!);
  tx.log({ kind: 'signing', text: `Every party accepted package #${proposal}: the text goes to signing.` });
  exposeAll(tx, w.messages[p.message - 1]!, 'The text tabled for signing');
}

export function sign(tx: Tx, by: PartyId): void {
  const { game, w } = tx;
  checkCommitments(tx, by, w.agreement!.terms);
  const a = tx.agreement();
  a.signed.push(by);
  tx.log({ kind: 'signing', party: by, text: `${nameOf(game, by)} signs.` });
  const next = game.partyIds.findIndex((id) => a.signatories.includes(id) && !a.signed.includes(id));
  if (next >= 0) w.turn = next;
  else resolution(tx);
}

export function refuse(tx: Tx, by: PartyId): void {
  const { game, w } = tx;
  for (const id of game.partyIds) if (id !== by) addTrust(tx.party(id), by, AMOUNTS.refuse.trust);
  const me = tx.party(by);
  me.credibility = clamp01(me.credibility + AMOUNTS.refuse.credibility);
  tx.log({ kind: 'signing', party: by, text: `${nameOf(game, by)} refuses to sign: the agreement falls apart at the table.` });
  tx.setAgreement(undefined);
  w.phase = 'diplomacy';
  resolution(tx);
}

/** Every signatory's veto players at home decide: all ratify and implementation begins, or the deal is dead. */
export function ratify(tx: Tx): void {
  const { game, w } = tx;
  const a = tx.agreement();
  let all = true;
  for (const id of a.signatories) {
    const party = game.party[id]!;
    const u = utility(prefsOf(game, tx.w, id), a.terms);
    // Opinion at home: hawks discount the deal, pressure makes it easier to sell; a seeded swing on top.
    const mood = 0.05 * tx.normal() - 0.1 * party.domestic.hawkishness + w.parties[id]!.pressure / 1000;
    const blocker = party.domestic.vetoPlayers.find((v) => u + mood < v.threshold);
    a.ratified[id] = blocker === undefined;
    if (blocker) {
      all = false;
      tx.log({ kind: 'ratification', party: id, text: `${blocker.name} blocks ratification in ${party.name}.` });
    } else {
      tx.log({ kind: 'ratification', party: id, text: `${party.name} ratifies the agreement.` });
    }
  }
  if (all) {
    w.phase = 'implementation';
    w.round++;
    a.implementedFrom = w.round;
    w.ceasefire = true;
    game.scenario.issues.forEach((issue, i) => {
      // Ground handed over by the deal is not ground won in war: no party's BATNA moves with it.
      for (const e of issue.options[a.terms[i]!]!.effects) applyEffect(tx, e, false);
    });
    w.ceasefire = true;
    tx.log({ kind: 'implementation', text: 'The agreement enters into force: the guns fall silent, implementation begins.' });
    if (game.scenario.calendar.implementationRounds === 0) implemented(tx);
    return;
  }
  addTrustAmong(tx, a.signatories, AMOUNTS.ratificationFailed.trust);
  tx.setAgreement(undefined);
  if (w.round >= game.scenario.calendar.rounds) {
    end(tx, {
      kind: 'no-deal',
      reason: 'deadline',
      round: w.round,
      summary: `Ratification failed after the last round of talks: there is no deal, and ${settingWords(game.public.setting).goesOn}.`,
    });
    return;
  }
  tx.log({ kind: 'ratification', text: 'Ratification failed: the agreement is dead, and talks resume.' });
  w.round++;
  tx.roundPending = true;
}

function implemented(tx: Tx): void {
  end(tx, {
    kind: 'deal',
    reason: 'implemented',
    round: tx.w.round,
    terms: tx.w.agreement!.terms,
    summary: `The agreement was signed, ratified and carried out: ${settingWords(tx.game.public.setting).over}.`,
  });
}

/** A round of implementation: the ceasefire may be violated (likelier when the signatories distrust each other). */
export function implement(tx: Tx): void {
  const { game, w } = tx;
  const before = w.agreement!;
  const signatories = before.signatories;
  let trust = 0;
  let pairs = 0;
  for (const id of signatories) {
    for (const other of signatories) {
      if (id === other) continue;
      trust += w.parties[id]!.trust[other] ?? 0.5;
      pairs++;
    }
  }
  const meanTrust = pairs ? trust / pairs : 0.5;
  // Distrust makes violations likelier: at mean trust 0.5 the scenario's chance applies as written.
  if (tx.random() < game.scenario.dynamics.violationChance * (1.5 - meanTrust)) {
    const a = tx.agreement();
    a.violations++;
    addTrustAmong(tx, signatories, AMOUNTS.violation.trust);
    tx.log({ kind: 'implementation', text: `The ceasefire is violated (${a.violations} of ${AMOUNTS.violationsToCollapse} the deal can bear).` });
    if (a.violations >= AMOUNTS.violationsToCollapse) {
      w.ceasefire = false;
      end(tx, {
        kind: 'no-deal',
        reason: 'collapse',
        round: w.round,
        summary: `Repeated violations broke the ceasefire: the agreement collapsed during implementation, and ${settingWords(game.public.setting).resumed}.`,
      });
      return;
    }
  }
  if (w.round - before.implementedFrom! + 1 >= game.scenario.calendar.implementationRounds) {
    implemented(tx);
    return;
  }
  w.round++;
}
