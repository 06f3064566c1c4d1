import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/engine/advance.js';
import { playSession } from '../../src/engine/headless.js';
import { makeSave, parseSave, replaySave, serializeSave, SaveError } from '../../src/engine/save.js';
import { simulate } from '../../src/engine/simulate.js';
import { hashWorld } from '../../src/model/hash.js';
import { alaska, fixturePath, mini } from '../helpers/games.js';

const game = mini();
const scenarioHash = 'mini-test-hash';

describe('headless games', () => {
  it('the session machine and the plain fold play the same game for every seed', () => {
    for (let seed = 0; seed < 40; seed++) {
      expect(hashWorld(playSession(game, seed).world), `seed ${seed}`).toBe(hashWorld(playGame(game, seed).world));
    }
  });

  it('so do they on 200 seeds of the flagship, move for move', { timeout: 60_000 }, () => {
    const flagship = alaska();
    for (let seed = 0; seed < 200; seed++) {
      const a = playSession(flagship, seed);
      const b = playGame(flagship, seed);
      expect(hashWorld(a.world), `seed ${seed}`).toBe(hashWorld(b.world));
      expect(a.entries.length).toBe(b.entries.length);
    }
  });

  it('every game ends, some with a deal and some without', () => {
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const { world } = playSession(game, seed);
      expect(world.phase).toBe('ended');
      outcomes.add(world.outcome!.kind);
    }
    expect(outcomes).toEqual(new Set(['deal', 'no-deal']));
  });
});

describe('saves', () => {
  it('a save replays to the same hash without asking the AI', () => {
    const { world, entries: log } = playGame(game, 21);
    const save = makeSave(game, scenarioHash, 21, [], log, world);
    const replay = replaySave(game, scenarioHash, parseSave(serializeSave(save)));
    expect(replay.matches).toBe(true);
    expect(replay.hash).toBe(hashWorld(world));
  });

  it('refuses a save of another scenario, of a changed scenario, or with an illegal command', () => {
    const { world, entries: log } = playGame(game, 3);
    const save = makeSave(game, scenarioHash, 3, [], log, world);
    expect(() => replaySave(game, 'other-hash', save)).toThrow(/has changed since this game was saved/);
    expect(() => replaySave(game, scenarioHash, { ...save, scenario: { id: 'elsewhere', hash: scenarioHash } })).toThrow(/scenario "elsewhere"/);
    const edited = structuredClone(save);
    edited.commands[1] = { command: { type: 'pass', by: 'nobody' }, round: 1 };
    expect(() => replaySave(game, scenarioHash, edited)).toThrow(SaveError);
    expect(() => replaySave(game, scenarioHash, edited)).toThrow(/command 2 \(pass\) is not legal/);
  });

  it('parseSave explains what is wrong with a file that is not a save', () => {
    expect(() => parseSave('{"format":"backchannel-save","version":1,')).toThrow(/not JSON/);
    expect(() => parseSave('{"hello":1}')).toThrow(/no "backchannel-save" format marker/);
    expect(() => parseSave('{"format":"backchannel-save","version":9}')).toThrow(/version 9/);
    // The first field that is wrong is named, where it is.
    const save = (fields: string) => `{"format":"backchannel-save","version":3,"scenario":{"id":"alaska-2025","hash":"ab"},${fields}}`;
    expect(() => parseSave(save('"seed":1.5'))).toThrow('corrupt save: seed: expected a whole number');
    expect(() => parseSave(save('"seed":1,"humans":["ukraine",2]'))).toThrow('corrupt save: humans.1: expected text, not a number');
    expect(() => parseSave(save('"seed":1,"humans":[],"commands":[{"command":{"by":"ukraine"},"round":1}]'))).toThrow(
      'corrupt save: commands.0.command.type: expected text, not nothing',
    );
    expect(() => parseSave(save('"seed":1,"humans":[],"commands":[],"hash":"h","player":{"name":"Ana"}'))).toThrow('corrupt save: player.table: expected text, not nothing');
    // Unknown fields are dropped; a command keeps its own, its type first.
    expect(parseSave(save('"seed":1,"humans":[],"commands":[{"command":{"by":"ukraine","type":"pass"},"round":1,"x":0}],"hash":"h","extra":true'))).toEqual({
      format: 'backchannel-save',
      version: 3,
      scenario: { id: 'alaska-2025', hash: 'ab' },
      seed: 1,
      humans: [],
      commands: [{ command: { type: 'pass', by: 'ukraine' }, round: 1 }],
      hash: 'h',
    });
  });

  it('golden replay: a recorded game still replays to its recorded hash', () => {
    const save = parseSave(readFileSync(fixturePath('golden-mini.save.json'), 'utf8'));
    const replay = replaySave(game, save.scenario.hash, save);
    expect(replay.hash).toBe(save.hash);
    expect(replay.world.outcome?.kind).toBeDefined();
  });

  it('golden replay: a version-2 save that ends on an exposure replays to its hash, though version 3 names the garbled issues', () => {
    const save = parseSave(readFileSync(fixturePath('golden-mini-exposure-v2.save.json'), 'utf8'));
    const replay = replaySave(game, save.scenario.hash, save);
    expect(replay.hash).toBe(save.hash);
    expect(replay.world.recent.find((l) => l.kind === 'exposure')?.text).toMatch(/\(Where it differs: .+ — told ".+", said ".+"\.\)$/);
  });

  it('golden replay: a version-2 save replays to its hash although version 3 logs proposals leaving the table', () => {
    const save = parseSave(readFileSync(fixturePath('golden-alaska-v2.save.json'), 'utf8'));
    expect(save.version).toBe(2);
    const replay = replaySave(alaska(), save.scenario.hash, save);
    expect(replay.hash).toBe(save.hash);
    const statuses = new Set(replay.world.proposals.map((p) => p.status));
    for (const s of ['superseded', 'expired', 'rejected'] as const) expect(statuses).toContain(s);
  });
});

describe('simulate', () => {
  it('gives the same summary for the same arguments', () => {
    expect(JSON.stringify(simulate(game, 30, 9))).toBe(JSON.stringify(simulate(game, 30, 9)));
    expect(JSON.stringify(simulate(game, 30, 9))).not.toBe(JSON.stringify(simulate(game, 30, 10)));
  });

  it('counts deals, rounds and scores', () => {
    const s = simulate(game, 40, 1);
    expect(s.runs).toBe(40);
    expect(s.deals + Object.values(s.failures).reduce((a, b) => a + b, 0)).toBe(40);
    expect(s.dealRate).toBeCloseTo(s.deals / 40, 3);
    expect(Object.keys(s.parties)).toEqual(['blue', 'red', 'green']);
    if (s.deals > 0) expect(s.topDeals[0]!.count).toBeGreaterThan(0);
  });
});

describe('simulate: how information travelled', () => {
  it('counts messages by channel, distortions and exposures, and splits deals by notetaker', () => {
    const s = simulate(game, 40, 4);
    const info = s.information;
    const total = Object.values(info.total.messages).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(info.total.messages.direct).toBeGreaterThan(0);
    expect(info.perRun.distorted).toBeCloseTo(info.total.distorted / 40, 2);
    expect(info.total.exposed).toBeLessThanOrEqual(total);
    expect(info.withNotetaker.runs + info.withoutNotetaker.runs).toBeLessThanOrEqual(40);
    expect(info.withNotetaker.deals).toBeLessThanOrEqual(info.withNotetaker.runs);
  });
});
