// Test helpers: compiled games from the fixtures and the bundled scenarios, and random legal commands.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileGame, type Game } from '../../src/model/game.js';
import { clarifiable, legalCommandTypes, acceptableProposalsFor, openProposalsFor, readable, relayable, summitPartners } from '../../src/model/rules.js';
import type { Rng } from '../../src/model/rng.js';
import { currentActor } from '../../src/model/view.js';
import type { Command, World } from '../../src/model/types.js';
import { Scenario } from '../../src/scenario/schema.js';

const cache = new Map<string, Game>();

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

export function scenarioPath(id: string): string {
  return fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url));
}

export function gameFrom(path: string): Game {
  let game = cache.get(path);
  if (!game) {
    game = compileGame(Scenario.parse(parse(readFileSync(path, 'utf8'))));
    cache.set(path, game);
  }
  return game;
}

export const mini = () => gameFrom(fixturePath('mini.yaml'));
export const alaska = () => gameFrom(scenarioPath('alaska-2025'));

/** A random command that the rules accept now (any party's, whoever's turn it is). */
export function randomLegalCommand(game: Game, world: World, rng: Rng): Command {
  if (world.phase === 'briefing') return { type: 'begin' };
  if (world.phase === 'ratification' || world.phase === 'implementation') return { type: 'continue' };
  const by = currentActor(world, game)!;
  const types = legalCommandTypes(game, world, by);
  const type = types[rng.int(types.length)]!;
  const terms = () => game.scenario.issues.map((issue) => rng.int(issue.options.length));
  switch (type) {
    case 'propose': {
      const party = game.party[by]!;
      const envoys = party.envoys;
      const others = game.partyIds.filter((id) => id !== by && world.parties[id]!.status === 'active');
      const can = (channel: string) => party.channels.includes(channel as never);
      if (can('envoy') && envoys.length > 0 && others.length > 0 && rng.next() < 0.4) {
        return { type, by, terms: terms(), channel: 'envoy', envoy: envoys[rng.int(envoys.length)]!.id, to: [others[rng.int(others.length)]!] };
      }
      if (can('direct') && others.length > 0 && rng.next() < 0.3) {
        return { type, by, terms: terms(), channel: 'direct', to: [others[rng.int(others.length)]!], notetaker: rng.next() < 0.5 };
      }
      if (can('public') && (!can('direct') || rng.next() < 0.2)) return { type, by, terms: terms(), channel: 'public' };
      if (can('direct')) return { type, by, terms: terms(), channel: 'direct' };
      return { type: 'pass', by };
    }
    case 'relay': {
      const messages = relayable(world, by);
      const others = game.partyIds.filter((id) => id !== by);
      const to = others.filter(() => rng.next() < 0.5);
      return { type, by, message: messages[rng.int(messages.length)]!.id, to: to.length ? to : [others[0]!], ...(rng.next() < 0.5 ? { terms: terms() } : {}) };
    }
    case 'readout': {
      const messages = readable(world, by);
      return { type, by, message: messages[rng.int(messages.length)]!.id, ...(rng.next() < 0.5 ? { terms: terms() } : {}) };
    }
    case 'accept':
    case 'reject': {
      // A party may accept an open offer it rejected before (it changed its mind), never reject one twice.
      const open = type === 'accept' ? acceptableProposalsFor(world, by) : openProposalsFor(world, by);
      return { type, by, proposal: open[rng.int(open.length)]!.id };
    }
    case 'statement': {
      const free = game.scenario.issues.map((_, i) => i).filter((i) => !world.parties[by]!.commitments.some((c) => c.issue === i && !c.broken));
      if (free.length === 0) return { type: 'pass', by };
      const issue = free[rng.int(free.length)]!;
      return { type, by, issue, option: rng.int(game.scenario.issues[issue]!.options.length) };
    }
    case 'clarify': {
      const messages = clarifiable(world, by);
      return { type, by, message: messages[rng.int(messages.length)]!.id };
    }
    case 'lever': {
      const levers = game.party[by]!.levers;
      const lever = levers[rng.int(levers.length)]!.id;
      return { type, by, lever, apply: !world.parties[by]!.levers.includes(lever) };
    }
    case 'summit': {
      const partners = summitPartners(game, world, by);
      return { type, by, with: partners[rng.int(partners.length)]! };
    }
    case 'walk-out':
      // Walking out ends most random games at once; keep it rare so games explore the other rules.
      return rng.next() < 0.1 ? { type, by } : { type: 'pass', by };
    case 'return':
    case 'pass':
    case 'sign':
    case 'refuse':
      return { type, by };
    default:
      return { type: 'pass', by };
  }
}
