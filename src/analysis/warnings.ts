// What a valid scenario may still get wrong: parts that can never matter or that make a deal impossible. Each
// warning points into the data (a path), so `validate` can say file:line:col; a scenario with warnings still
// loads and plays (`validate --strict` makes them errors).
//   • a posture floor above the most its party can get in any package the others could sign: it never deals;
//   • a posture floor below its party's reservation value: it has no effect (the AI never goes below its
//     reservation value unless pressed, aspiration.ts);
//   • a combination of postures the parties can be in before the last third of the talks in which no package
//     clears every floor: while they last, nobody can agree;
//   • an event that quotes someone and cites no source, unless it is marked as fiction;
//   • a red line on the option its party values most, or of a party that signs nothing (it never stops a deal),
//     and a transition from a posture to itself;
//   • a posture or an event that can never happen (no transition leads to it, or not before the talks end);
//   • a posture harder than another of its party's that, once entered, can never be left (a party stuck in its
//     softest posture is a story; stuck in a harder one, it can never come round).
import type { Game } from '../model/game.js';
import type { DataPath } from '../scenario/load.js';
import { clearFloors, postureCombinations } from './floors.js';
import { deadEnds, reach } from './posture-reach.js';

export interface Warning {
  path: DataPath;
  message: string;
}

/** A quotation: words in straight or curly double quotes. */
const QUOTATION = /["“][^"”]{3,}["”]/;

/** How many blocked posture combinations to name before summing up the rest. */
const COMBINATIONS_SHOWN = 3;

export function scenarioWarnings(game: Game): Warning[] {
  const out: Warning[] = [];
  const { scenario } = game;
  const prefs = game.partyIds.map((id) => game.prefs[id]!);
  const f2 = (x: number) => x.toFixed(2);

  // The most each party can get in a package that crosses nobody's red line.
  const never = new Set<string>(); // party/posture pairs already warned about as never dealing
  const best = game.partyIds.map(
    (_, k) =>
      clearFloors(
        prefs,
        prefs.map((__, j) => (j === k ? 0 : -1)),
      ).margin,
  );
  scenario.parties.forEach((party, k) => {
    for (const [id, posture] of Object.entries(party.postures.states)) {
      const floor = posture.strategy.floor;
      if (floor === undefined) continue;
      const path: DataPath = ['parties', k, 'postures', 'states', id, 'strategy', 'floor'];
      if (best[k]! > -Infinity && floor > best[k]! + 1e-9) {
        never.add(`${party.id}/${id}`);
        out.push({
          path,
          message: `${party.name}'s floor in "${posture.label}" (${f2(floor)}) is above the most it can get in any package the others could sign (${f2(best[k]!)}): in this posture it never makes a deal`,
        });
      } else if (floor < prefs[k]!.reservation - 1e-9) {
        out.push({
          path,
          message: `${party.name}'s floor in "${posture.label}" (${f2(floor)}) is below its reservation value (${f2(prefs[k]!.reservation)}) and has no effect: an AI never goes below its reservation value unless pressure makes it`,
        });
      }
    }
  });

  // Combinations blocked by a posture that can never deal at all are already explained by its own warning.
  const blocked = postureCombinations(game).filter((c) => c.check.margin < 0 && !game.bargainers.some((id) => never.has(`${id}/${c.postures[id]}`)));
  if (blocked.length > 0) {
    // Point at the floor to look at: a posture in every blocked combination if there is one (the one whose floor
    // overshoots its party's reservation value most), else the biggest overshoot in the first combination.
    const first = blocked[0]!;
    const overshoot = (k: number) => first.floors[game.bargainers[k]!]! - game.prefs[game.bargainers[k]!]!.reservation;
    const common = game.bargainers.map((id, k) => (blocked.every((c) => c.postures[id] === first.postures[id]) ? k : -1)).filter((k) => k >= 0);
    const candidates = common.length > 0 ? common : game.bargainers.map((_, k) => k);
    let worst = candidates[0]!;
    for (const k of candidates) if (overshoot(k) > overshoot(worst)) worst = k;
    const party = game.party[game.bargainers[worst]!]!;
    const named = blocked.slice(0, COMBINATIONS_SHOWN).map((c) => game.bargainers.map((id) => `${game.party[id]!.name} ${label(game, id, c.postures[id]!)}`).join(', '));
    const more = blocked.length > COMBINATIONS_SHOWN ? ` and ${blocked.length - COMBINATIONS_SHOWN} more` : '';
    out.push({
      path: ['parties', game.partyIds.indexOf(party.id), 'postures', 'states', first.postures[party.id]!, 'strategy', 'floor'],
      message: `no package clears every party's floor when they are in these postures, which they can reach before the last third of the talks: ${named.join('; ')}${more}. Lower a floor or the postures cannot agree`,
    });
  }

  scenario.parties.forEach((party, k) => {
    party.preferences?.redLines.forEach((line, j) => {
      const i = scenario.issues.findIndex((x) => x.id === line.issue);
      const issue = scenario.issues[i];
      if (!issue) return;
      const path: DataPath = ['parties', k, 'preferences', 'redLines', j];
      const values = party.preferences?.values[issue.id] ?? {};
      const top = Math.max(...issue.options.map((o) => values[o.id] ?? 0));
      if (line.with === undefined && (values[line.option] ?? 0) >= top && top > 0) {
        out.push({ path, message: `${party.name}'s red line on ${issue.name} is the option it values most ("${line.option}"): it would refuse its own best outcome there` });
      }
      if (!game.public.signatories.includes(party.id)) {
        out.push({ path, message: `${party.name} signs no issue, so its red lines never stop a deal: make it a signatory of an issue, or drop the red line` });
      }
    });
    party.postures.transitions.forEach((t, j) => {
      if (t.from === t.to) out.push({ path: ['parties', k, 'postures', 'transitions', j], message: `a transition from "${t.from}" to itself does nothing` });
    });
  });

  scenario.events.forEach((e, k) => {
    if (e.fiction || e.source !== undefined) return;
    const quote = QUOTATION.exec(`${e.title} ${e.text}`);
    if (quote)
      out.push({ path: ['events', k], message: `event "${e.id}" quotes ${quote[0]} but cites no source: add source: (an id from meta.sources), or mark it fiction: true` });
  });

  const r = reach(game);
  scenario.parties.forEach((party, k) => {
    for (const [id, at] of r.postures.get(party.id) ?? []) {
      if (at !== Infinity) continue;
      out.push({
        path: ['parties', k, 'postures', 'states', id],
        message: `${party.name} can never enter "${label(game, party.id, id)}": no transition leads there before the talks end`,
      });
    }
  });
  scenario.events.forEach((e, k) => {
    if (r.events.get(e.id) === Infinity) out.push({ path: ['events', k, 'when'], message: `event "${e.id}" can never happen: its condition cannot hold before the talks end` });
  });

  for (const { party, posture } of deadEnds(game, r)) {
    const k = game.partyIds.indexOf(party);
    const states = scenario.parties[k]!.postures.states;
    const hardness = (id: string) => {
      const s = states[id]!.strategy;
      return { floor: Math.max(s.floor ?? 0, prefs[k]!.reservation), moves: s.policy !== 'hardline' };
    };
    const here = hardness(posture);
    const softer = Object.keys(states)
      .filter((id) => id !== posture)
      .map(hardness)
      .filter((h) => h.floor < here.floor - 1e-9 || (h.moves && !here.moves));
    if (softer.length === 0) continue;
    const softest = Math.min(...softer.map((h) => h.floor));
    out.push({
      path: ['parties', k, 'postures', 'states', posture],
      message: `${game.party[party]!.name} can enter "${label(game, party, posture)}" but no transition can ever take it out again, so it can never come back to a softer posture (floor ${f2(here.floor)}, softest ${f2(softest)}${here.moves ? '' : '; it does not move at all there'})`,
    });
  }
  return out;
}

function label(game: Game, party: string, posture: string): string {
  return game.party[party]!.postures.states[posture]?.label ?? posture;
}
