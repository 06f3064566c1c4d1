// The debrief's information section: what was said, what each party heard, how it came out and what it cost —
// built from worlds played through the real rules.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/analysis/debrief/build.js';
import { debriefMarkdown } from '../../src/analysis/debrief/markdown.js';
import type { Debrief } from '../../src/analysis/debrief/types.js';
import type { Command } from '../../src/model/types.js';
import { infoGame, MSG, palaceGame, play, type Played } from './info-fixture.js';

const debrief = (p: Played, humans: string[] = []): Debrief =>
  buildDebrief(
    p.game,
    p.world,
    p.commands.map((command) => ({ command, round: 1 })),
    p.log,
    { humans },
  );

describe('what was said, and what was heard', () => {
  const played = infoGame({ blueClarifies: true });
  const { game, world } = played;
  const d = debrief(played, ['green']);
  const cost = game.scenario.information.exposure;
  const byMessage = (id: number) => d.saidAndHeard.find((x) => x.message === id)!;

  it('lists every message some party heard otherwise than it was said, and nothing else', () => {
    // The palace report, Blue's relay of it, and Red's envoy twice; not the true readout, the record or the faithful relay.
    expect(d.saidAndHeard.map((x) => x.message)).toEqual([MSG.palace, MSG.blueRelay, MSG.redEnvoy, MSG.redEnvoyAgain]);
  });

  it("shows what the speaker said next to what the envoy's principal heard, and how it came out", () => {
    const palace = byMessage(MSG.palace);
    expect(palace).toMatchObject({
      channel: 'envoy',
      round: 1,
      proposal: 1,
      meeting: 'The palace meeting',
      speaker: { party: 'red' },
      teller: { party: 'blue', envoy: 'Blue Aide' },
    });
    expect(palace.said.map((l) => l.option)).toEqual(['split', 'lifted', 'none']);
    const blue = palace.listeners.find((l) => l.party === 'blue')!;
    // Seed 3: the aide moved two issues one notch Blue's way.
    expect(blue.heard.map((l) => l.option)).toEqual(['to-blue', 'eased', 'none']);
    expect(blue.differs).toEqual(['north-status', 'sanctions']);
    expect(blue.value.heard).toBeGreaterThan(blue.value.said);
    expect(blue.exposure).toEqual({ how: 'clarification', round: 4, text: 'A clarification call with Red' });
    // Blue's own aide misled Blue alone: Blue finds out in private, and nobody pays.
    expect(palace.answers).toEqual({ party: 'blue', name: 'Blue' });
    expect(palace.cost).toEqual({ credibility: 0, trust: [] });
  });

  it('costs the principal credibility and the deceived party trust, as the world recorded them', () => {
    const envoy = byMessage(MSG.redEnvoy);
    expect(envoy.listeners).toHaveLength(1);
    expect(envoy.listeners[0]).toMatchObject({ party: 'green', exposure: { how: 'clarification', round: 2 } });
    expect(envoy.cost).toEqual({ credibility: cost.credibility, trust: [{ party: 'green', name: 'Green', change: cost.trust }] });
    // Red was exposed once: its credibility in the final world fell by exactly that.
    expect(world.parties.red!.credibility).toBeCloseTo(game.party.red!.credibility + envoy.cost.credibility, 12);
  });

  it('tells a relay passed on as heard from one bent, and marks who never found out though it held a contradiction', () => {
    const relay = byMessage(MSG.blueRelay);
    expect(relay).toMatchObject({ channel: 'relay', teller: { party: 'blue' }, asHeard: true });
    expect(relay.listeners[0]).toMatchObject({ party: 'green', contradicted: true });
    expect(relay.listeners[0]!.exposure).toBeUndefined();
    expect(relay.cost).toEqual({ credibility: 0, trust: [] });
    const bent = debrief(play(palaceGame(), [{ type: 'begin' }, { type: 'relay', by: 'blue', message: MSG.palace, to: ['green'], terms: [2, 0, 2] }]));
    expect(bent.saidAndHeard.find((x) => x.channel === 'relay')!.asHeard).toBe(false);
  });

  it('counts how words were checked', () => {
    expect(d.information.verification).toMatchObject({
      proposals: 4,
      onRecord: 1,
      confirmed: 1,
      relays: 2,
      readouts: 1,
      leaks: 0,
      exposures: { clarification: 2, leak: 0, signing: 0, other: 0 },
      unexposed: 2,
      costs: { credibility: cost.credibility, trust: cost.trust },
    });
  });

  it('renders the section side by side in Markdown, with the concepts as they applied', () => {
    const md = debriefMarkdown(d);
    expect(md).toContain('## What was said, and what was heard');
    expect(md).toContain("### 1. Package #1 (The palace meeting), round 1: Red's words, through Blue Aide");
    expect(md).toContain('| issue | Red said | Blue heard |');
    expect(md).toContain('| North | Split on the line | **North returns to Blue** |');
    expect(md).toContain('| Guarantee | No guarantee | No guarantee |');
    expect(md).toContain('found out in round 4: a clarification call with Red');
    expect(md).toContain("Cost: Red's credibility −0.10; Green's trust in Red −0.15.");
    expect(md).toContain('never found out, though another account it held told it otherwise');
    expect(md).toContain('### Principal–agent and information problems');
    expect(md).toContain("Blue Aide, Blue's envoy, carried Red's package #1 (round 1) to Blue otherwise than it was said; Blue found out in private");
    expect(md).toContain(
      "Red Envoy, Red's envoy, carried Red's package #3 (round 2) to Green otherwise than it was said; it came out, and Red answered for its agent (credibility −0.10)",
    );
    expect(md).toContain('Cost: none — Blue found out in private that its own envoy had misled it.');
    expect(md).toContain('### Verification');
    expect(md).toContain('3 clarification calls: 1 confirmed what was heard, 2 exposed a distortion.');
    expect(md).toContain('### Audience costs');
    expect(md).toContain('A readout is a party');
  });

  it('is plain data', () => {
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

/** Every count of distortions, in the data and in the Markdown, agrees with the list itself. */
function expectCountsAgree(d: Debrief, clarifyCommands: number): void {
  const list = d.saidAndHeard;
  const listeners = list.flatMap((x) => x.listeners);
  const info = d.information;
  const v = info.verification;
  // The data.
  expect(info.distorted).toBe(list.length);
  expect(info.exposed).toBe(list.filter((x) => x.listeners.some((l) => l.exposure)).length);
  expect(info.misled).toBe(listeners.length);
  for (const how of ['clarification', 'leak', 'signing', 'other'] as const) expect(v.exposures[how]).toBe(listeners.filter((l) => l.exposure?.how === how).length);
  expect(v.unexposed).toBe(listeners.filter((l) => !l.exposure).length);
  expect(Object.values(v.exposures).reduce((a, b) => a + b, 0) + v.unexposed).toBe(info.misled);
  expect(info.clarifications).toBe(clarifyCommands);
  expect(v.confirmed + v.exposures.clarification).toBe(info.clarifications);
  // The Markdown says the same numbers: the summary, the verification and the numbered list.
  const md = debriefMarkdown(d);
  const summary = /(\d+) reached someone otherwise than they were said; (?:(\d+) of the (\d+)|all (\d+)|none of them) came out\./.exec(md);
  if (list.length > 1) {
    expect(summary).not.toBeNull();
    expect(Number(summary![1])).toBe(list.length);
    const came = summary![2] ?? summary![4] ?? '0';
    expect(Number(came)).toBe(info.exposed);
  } else if (list.length === 1) {
    expect(md).toContain(`1 reached someone otherwise than it was said, and ${info.exposed === 1 ? 'it came out' : 'it never came out'}.`);
  } else {
    expect(md).toContain('None reached anyone otherwise than it was said.');
  }
  if (list.length > 0) {
    const misled =
      /Parties misled: (\d+) \(a party counted once per message\) — found out by a clarification call: (\d+); by a leak: (\d+); by the text tabled for signing: (\d+)(?:; otherwise: (\d+))?; never found out: (\d+)\./.exec(
        md,
      );
    expect(misled).not.toBeNull();
    const [, total, call, leak, signing, other, never] = misled!.map((x) => Number(x ?? 0));
    expect([total, call, leak, signing, other, never]).toEqual([
      listeners.length,
      v.exposures.clarification,
      v.exposures.leak,
      v.exposures.signing,
      v.exposures.other,
      v.unexposed,
    ]);
    expect(call! + leak! + signing! + other! + never!).toBe(total);
  }
  if (info.clarifications > 0) {
    const calls = /(\d+) clarification calls?: (\d+) confirmed what was heard, (\d+) exposed a distortion\./.exec(md);
    expect(calls!.slice(1).map(Number)).toEqual([info.clarifications, v.confirmed, v.exposures.clarification]);
  }
  const section = md.slice(md.indexOf('## What was said, and what was heard'), md.indexOf('## Concession curves'));
  expect(section.match(/^### \d+\. /gm)?.length ?? 0).toBe(list.length);
}

describe('the counts of distortions', () => {
  const clarifies = (p: Played) => p.commands.filter((c) => c.type === 'clarify').length;

  it('agree with the list on a game with several distortions, some found out and some not', () => {
    for (const played of [infoGame({ blueClarifies: true }), infoGame()]) {
      const d = debrief(played, ['green']);
      expect(d.saidAndHeard.length).toBeGreaterThan(2);
      expect(d.information.exposed).toBeGreaterThan(0);
      expect(d.information.verification.unexposed).toBeGreaterThan(0);
      expectCountsAgree(d, clarifies(played));
    }
  });

  it('agree when a leak or the signing table exposes a distortion, and when there is none', () => {
    const leaked = play(palaceGame({ leakChance: 1 }), [{ type: 'begin' }, { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' }]);
    const signing = play(palaceGame({ signatories: ['red', 'blue'] }), [{ type: 'begin' }, { type: 'accept', by: 'blue', proposal: 1 }]);
    const recorded = play(palaceGame({ notetaker: true }), [{ type: 'begin' }, { type: 'relay', by: 'blue', message: MSG.palace, to: ['green'] }]);
    for (const played of [leaked, signing, recorded]) expectCountsAgree(debrief(played), clarifies(played));
  });
});

describe('how a distortion comes out', () => {
  it('a leak exposes it to whoever was told otherwise', () => {
    const leaked = play(palaceGame({ leakChance: 1 }), [{ type: 'begin' }, { type: 'pass', by: 'blue' }, { type: 'pass', by: 'red' }, { type: 'pass', by: 'green' }]);
    const x = debrief(leaked).saidAndHeard[0]!;
    expect(x.listeners[0]).toMatchObject({ party: 'blue', exposure: { how: 'leak', round: 1, text: 'A leak' } });
    expect(debrief(leaked).information.verification).toMatchObject({ leaks: 1, exposures: { leak: 1 } });
  });

  it('the text tabled for signing exposes it to whoever accepted what it heard', () => {
    const commands: Command[] = [{ type: 'begin' }, { type: 'accept', by: 'blue', proposal: 1 }];
    const signing = play(palaceGame({ signatories: ['red', 'blue'] }), commands);
    expect(signing.world.phase).toBe('signing');
    const x = debrief(signing).saidAndHeard[0]!;
    expect(x.listeners[0]).toMatchObject({ party: 'blue', answered: 'accepted', exposure: { how: 'signing', text: 'The text tabled for signing' } });
    expect(debriefMarkdown(debrief(signing))).toContain('accepted it on that basis; found out in round 1: the text tabled for signing');
  });

  it("a relay passed on faithfully sends the blame back down the chain, to the envoy's principal", () => {
    const commands: Command[] = [
      { type: 'begin' },
      { type: 'pass', by: 'blue' },
      { type: 'propose', by: 'red', terms: [2, 2, 0], channel: 'envoy', envoy: 'red-envoy', to: ['green'] },
      { type: 'relay', by: 'green', message: 2, to: ['blue'] },
      { type: 'clarify', by: 'blue', message: 3 },
    ];
    const played = play(palaceGame(), commands);
    const relay = debrief(played).saidAndHeard.find((x) => x.message === 3)!;
    expect(relay).toMatchObject({ channel: 'relay', teller: { party: 'green' }, asHeard: true, answers: { party: 'red' } });
    expect(relay.listeners[0]).toMatchObject({ party: 'blue', exposure: { how: 'clarification', round: 2, text: 'A clarification call with Red' } });
    const cost = played.game.scenario.information.exposure;
    expect(relay.cost).toEqual({ credibility: cost.credibility, trust: [{ party: 'blue', name: 'Blue', change: cost.trust }] });
    expect(played.world.parties.red!.credibility).toBeCloseTo(played.game.party.red!.credibility + cost.credibility, 12);
    expect(debriefMarkdown(debrief(played))).toContain("Cost: Red's credibility −0.10; Blue's trust in Red −0.15.");
  });

  it('with a notetaker there is nothing to tell', () => {
    const recorded = debrief(play(palaceGame({ notetaker: true }), [{ type: 'begin' }, { type: 'relay', by: 'blue', message: MSG.palace, to: ['green'] }]));
    expect(recorded.saidAndHeard).toEqual([]);
    expect(debriefMarkdown(recorded)).toContain('Every message arrived as it was said');
  });

  it('falls back on the world when the log has no exposure line', () => {
    const played = infoGame({ blueClarifies: true });
    const d = buildDebrief(played.game, played.world, [], []);
    expect(d.saidAndHeard.find((x) => x.message === MSG.redEnvoy)!.listeners[0]!.exposure).toEqual({ how: 'clarification', text: 'A clarification call' });
  });
});
