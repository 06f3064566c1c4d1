import { describe, expect, it } from 'vitest';
import { aggregateDebriefs, aggregateMarkdown } from '../../src/analysis/debrief/aggregate.js';
import { buildDebrief } from '../../src/analysis/debrief/build.js';
import { keyMoments } from '../../src/analysis/debrief/moments.js';
import { debriefMarkdown } from '../../src/analysis/debrief/markdown.js';
import { fmt, informationSummary, MOVE_RULE, pct } from '../../src/analysis/debrief/text.js';
import { util2 } from '../../src/ui/format.js';
import type { Debrief } from '../../src/analysis/debrief/types.js';
import { nashProduct, utilities } from '../../src/analysis/frontier.js';
import { score } from '../../src/model/game.js';
import { enumerate } from './fixtures.js';
import type { Game } from '../../src/model/game.js';
import { dealGame, noDealGame, testGame } from './game-fixture.js';

describe('buildDebrief: a deal', () => {
  const { game, world, records, log } = dealGame();
  const d = buildDebrief(game, world, records, log, { humans: ['ukraine'] });
  const prefs = game.partyIds.map((id) => game.prefs[id]!);

  it('reports the outcome with its terms in words', () => {
    expect(d.outcome).toMatchObject({ kind: 'deal', reason: 'implemented', round: 6, terms: [1, 1, 1] });
    expect(d.outcome.lines!.map((l) => `${l.issueName}: ${l.optionLabel}`)).toEqual([
      'Donetsk: freeze on the contact line',
      'Security guarantees: European guarantees',
      'Sanctions: eased',
    ]);
    expect(d.parties.find((p) => p.id === 'ukraine')!.human).toBe(true);
  });

  it('scores each party against its initial BATNA (the reservation value)', () => {
    const u = utilities(prefs, [1, 1, 1]);
    d.results.forEach((r, p) => {
      expect(r.utility).toBeCloseTo(u[p]!, 12);
      expect(r.baseline).toBe(prefs[p]!.reservation);
      expect(r.score).toBe(score(u[p]!, prefs[p]!.reservation));
    });
    expect(d.results[0]!.utility).toBeCloseTo(0.58, 12);
    expect(d.results[0]).toMatchObject({ initialBatna: 0.35, endBatna: 0.3 });
    expect(d.results[1]).toMatchObject({ commitments: { made: 1, broken: 1 }, credibility: { start: 0.6, end: 0.45 } });
  });

  it('scores against the final BATNA when the scenario says so', () => {
    const g = dealGame(testGame('final-batna'));
    const f = buildDebrief(g.game, g.world, g.records, g.log);
    expect(f.baseline).toBe('final-batna');
    expect(f.results[0]!.baseline).toBe(0.3);
    expect(f.results[0]!.score).toBe(score(f.results[0]!.utility, 0.3));
    expect(f.disagreement).toEqual({ ukraine: 0.3, russia: 0.4, usa: 0.4 });
  });

  it('computes the Nash point over signable packages (brute force agrees)', () => {
    const d0 = prefs.map((p) => p.reservation);
    const best = Math.max(...enumerate(prefs, true).map((x) => nashProduct(x.u, d0)));
    expect(d.nash).toBeDefined();
    expect(d.nash!.exact).toBe(true);
    expect(
      nashProduct(
        game.partyIds.map((id) => d.nash!.utilities[id]!),
        d0,
      ),
    ).toBeCloseTo(best, 12);
    for (const id of game.partyIds) {
      expect(d.nash!.versusOutcome[id]).toBeCloseTo(d.nash!.utilities[id]! - d.results.find((r) => r.party === id)!.utility, 12);
    }
    expect(d.kalai).toBeDefined();
  });

  it('measures the distance to the frontier', () => {
    // Brute force: the largest gain every party could have had at once over the deal.
    const dealU = utilities(prefs, [1, 1, 1]);
    const best = Math.max(...enumerate(prefs, true).map((x) => Math.min(...x.u.map((u, p) => u - dealU[p]!))));
    if (best > 1e-9) {
      expect(d.frontier.paretoOptimal).toBe(false);
      expect(Math.min(...Object.values(d.frontier.improvement!.versusOutcome))).toBeCloseTo(best, 12);
    } else {
      expect(d.frontier.improvement).toBeUndefined();
    }
    // On the frontier exactly when no package is as good for everyone and better for someone.
    const dominated = enumerate(prefs, true).some((x) => x.u.every((u, p) => u >= dealU[p]! - 1e-12) && x.u.some((u, p) => u > dealU[p]! + 1e-9));
    expect(d.frontier.paretoOptimal).toBe(!dominated);
    expect(d.frontier.size).toBeGreaterThan(0);
    expect(d.frontier.welfare.gap).toBeCloseTo(d.frontier.welfare.max - d.frontier.welfare.outcome, 12);
  });

  it('has a ZOPA at the start and at the end, measured over all 27 packages', () => {
    expect(d.zopa.start.exists).toBe(true);
    expect(d.zopa.start.size).toMatchObject({ sampled: 27, exhaustive: true });
    expect(d.zopa.end.batnas).toEqual({ ukraine: 0.3, russia: 0.4, usa: 0.4 });
  });

  it('draws each party’s concession curve from its own offers', () => {
    const russia = d.concessions.find((c) => c.party === 'russia')!;
    expect(russia.curve.map((x) => x.round)).toEqual([1, 2, 4]);
    expect(russia.curve[0]!.utility).toBeCloseTo(1, 12);
    expect(russia.summary.conceded).toBeGreaterThan(0);
  });

  it('picks key moments by kind, in round order', () => {
    const kinds = d.moments.map((m) => m.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['event', 'posture', 'exposure', 'walk-out', 'broken-commitment', 'statement', 'lever', 'return', 'signing', 'implementation', 'outcome']),
    );
    // Routine lines are not moments: fronts, plain actions, implementation without a violation.
    expect(d.moments.some((m) => m.text.startsWith('The front moved'))).toBe(false);
    expect(d.moments.some((m) => m.text === 'Implementation continues.')).toBe(false);
    // The walk-out is both a command and a log line: it appears once.
    expect(d.moments.filter((m) => m.kind === 'walk-out')).toHaveLength(1);
    const rounds = d.moments.map((m) => m.round);
    expect(rounds).toEqual([...rounds].sort((x, y) => x - y));
  });

  it('marks a change of mind: an offer accepted after it was rejected, or countered with a reason', () => {
    const changes = (records: Parameters<typeof keyMoments>[2]) => keyMoments(game, world, records, []).filter((m) => m.kind === 'change-of-mind');
    expect(
      changes([
        { round: 5, command: { type: 'reject', by: 'russia', proposal: 3 } },
        { round: 7, command: { type: 'accept', by: 'russia', proposal: 3 } },
      ]),
    ).toEqual([{ round: 7, kind: 'change-of-mind', party: 'russia', text: 'Russia accepted package #3 after all, having rejected it in round 5.' }]);
    expect(
      changes([
        { round: 6, command: { type: 'propose', by: 'russia', terms: [2, 0, 2], channel: 'direct', replyTo: 3, reason: { issue: 0, why: 'target' } } },
        { round: 6, command: { type: 'accept', by: 'russia', proposal: 3 } },
      ]).map((m) => m.text),
    ).toEqual(['Russia accepted package #3 after all, having rejected it earlier in the round.']);
    // A counter without a reason rejects nothing, and a plain acceptance is no change of mind.
    expect(
      changes([
        { round: 6, command: { type: 'propose', by: 'russia', terms: [2, 0, 2], channel: 'direct', replyTo: 3 } },
        { round: 7, command: { type: 'accept', by: 'russia', proposal: 3 } },
        { round: 7, command: { type: 'accept', by: 'ukraine', proposal: 3 } },
      ]),
    ).toEqual([]);
  });

  it('counts information problems: a distorted envoy message that was exposed', () => {
    expect(d.information).toMatchObject({ viaEnvoy: 1, distorted: 1, exposed: 1, misled: 1, clarifications: 1 });
    expect(d.saidAndHeard).toHaveLength(1);
    expect(d.ratification).toEqual({ ukraine: true, russia: true, usa: true });
  });

  it('measures the talks up to the signature, apart from implementation', () => {
    // Signed in round 4 of 8; ratified and carried out until round 6.
    expect(d).toMatchObject({ rounds: 4, maxRounds: 8, signedIn: 4, afterSigning: 2 });
    const md = debriefMarkdown(d);
    expect(md).toContain('seed 42; signed in round 4 of 8; carried out over 2 more rounds.');
    expect(md).toContain('**Deal** (signed in round 4 of 8; carried out over 2 more rounds).');
    expect(md).not.toMatch(/\b6 of 8 rounds/);
  });

  it('reports each BATNA when the talks ended, and says the scores are against the BATNA at the start', () => {
    const md = debriefMarkdown(d);
    expect(md).toContain("against each party's BATNA at the start — its reservation value (the scenario's scoring baseline, 'initial-batna')");
    expect(md).toContain('| party | utility | score | scored against (BATNA at the start) | BATNA at the start → when the talks ended |');
    expect(md).toContain('- Ukraine: 0.35 → 0.30 (weaker when the talks ended).');
    expect(md).toContain('The scores above are against the BATNA at the start, not the one when the talks ended: Ukraine was worse off');
    expect(md).toContain('- When the talks ended: ');
    expect(md).not.toContain('BATNA at the end');
  });

  it('leaves the human’s moves not rated when no impacts were computed', () => {
    const h = d.humans[0]!;
    expect(h.party).toBe('ukraine');
    expect(h.moves.map((m) => m.command.type)).toEqual(['propose', 'propose', 'walk-out', 'return', 'accept', 'sign']);
    expect(h.moves.every((m) => m.value === null)).toBe(true);
    expect(h).toMatchObject({ best: [], worst: [], rated: 0, waits: 0 });
    const md = debriefMarkdown(d);
    expect(md).toContain('Your moves were not rated in this report');
    expect(md).toContain('- Round 3: walks out of the talks: not rated.');
  });

  it('ranks the human’s moves by their counterfactual value, as given', () => {
    // Indices in the command log: 1 propose, 4 propose, 8 walk-out, 11 return, 13 accept, 15 sign (not rated).
    const impacts = {
      ukraine: [
        { index: 1, value: 2.5 },
        { index: 4, value: 0 },
        { index: 8, value: -12.34 },
        { index: 11, value: 30 },
        { index: 13, value: 45.1 },
      ],
    };
    const r = buildDebrief(game, world, records, log, { humans: ['ukraine'], impacts });
    const h = r.humans[0]!;
    expect(h.moves.map((m) => m.value)).toEqual([2.5, 0, -12.34, 30, 45.1, null]);
    expect(h.best.map((m) => [m.index, m.command.type])).toEqual([
      [13, 'accept'],
      [11, 'return'],
      [1, 'propose'],
    ]);
    expect(h.worst.map((m) => m.command.type)).toEqual(['walk-out']);
    expect(h).toMatchObject({ rated: 5, waits: 0 });
    const md = debriefMarkdown(r);
    expect(md).toContain(MOVE_RULE);
    expect(md).toContain('what the game would have been had you waited instead, everything else played by the AI');
    expect(md).toContain('- Round 4: accepts package #7: +45.1 points against waiting.');
    expect(md).toContain('- Round 3: walks out of the talks: −12.3 points against waiting.');
    expect(md).toContain('- Round 4: signs the agreement: not rated.');
    expect(md).toContain('- Round 2: proposes a package in direct talks: no different from waiting.');
    expect(md).not.toContain('not rated in this report');
  });

  it('reveals hidden preferences', () => {
    const ukraine = d.revealed.find((r) => r.party === 'ukraine')!;
    expect(ukraine.reservation).toBe(0.35);
    expect(ukraine.issues.map((i) => i.issue)).toEqual(['donetsk', 'guarantees', 'sanctions']);
    expect(ukraine.issues[0]!.options[0]).toMatchObject({ option: 'withdraw', value: 1 });
    expect(ukraine.redLines).toEqual([{ issue: 'donetsk', issueName: 'Donetsk', option: 'cede', optionLabel: 'ceded to Russia' }]);
    expect(ukraine.ideal.map((l) => l.option)).toEqual(['withdraw', 'nato', 'keep']);
  });

  it('is plain data', () => {
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('renders Markdown with the outcome and every concept named', () => {
    const md = debriefMarkdown(d);
    expect(md).toContain('# Debrief: Test talks');
    expect(md).toContain('**Deal**');
    expect(md).toContain('- Donetsk: freeze on the contact line');
    for (const concept of ['BATNA', 'Reservation value', 'ZOPA', 'Pareto frontier', 'Nash bargaining point', 'Audience costs', 'Principal–agent', 'Logrolling']) {
      expect(md).toContain(concept);
    }
    expect(md).toContain('## Ukraine: your moves');
    expect(md).toContain('walks out of the talks');
    expect(md).toContain('## Hidden preferences revealed');
    expect(md).toContain('Red lines: Donetsk: ceded to Russia.');
  });
});

describe('buildDebrief: no deal', () => {
  const { game, world, records, log } = noDealGame();
  const d = buildDebrief(game, world, records, log);

  it('says why talks failed and gives everyone its final BATNA', () => {
    expect(d.outcome).toMatchObject({ kind: 'no-deal', reason: 'walk-out' });
    expect(d.outcome.terms).toBeUndefined();
    expect(d.results.map((r) => r.utility)).toEqual([0.3, 0.45, 0.38]);
    expect(d.results[1]!.walkedOut).toBe(true);
    // Everyone could have done better together: the ZOPA at the end was not empty.
    expect(d.zopa.end.exists).toBe(true);
    expect(d.frontier.improvement).toBeDefined();
    expect(d.frontier.paretoOptimal).toBeUndefined();
    expect(d.humans).toEqual([]);
  });

  it('renders the failure', () => {
    const md = debriefMarkdown(d);
    expect(md).toContain('**No deal** — walk-out');
    expect(md).toContain('Russia stayed away');
    expect(md).toContain('every party was played by the AI');
  });

  it('never rates a wait, even when given a value for it', () => {
    const u = buildDebrief(game, world, records, log, { humans: ['usa'], impacts: { usa: [{ index: 3, value: 5 }] } });
    expect(u.humans[0]!.moves).toEqual([expect.objectContaining({ index: 3, value: null })]);
    expect(u.humans[0]).toMatchObject({ rated: 0, waits: 1, best: [], worst: [] });
    expect(debriefMarkdown(u)).toContain('- Round 1: waits: not rated (waiting is the yardstick).');
  });

  it('measures the talks without a signature: until they ended', () => {
    expect(d).toMatchObject({ rounds: 5, maxRounds: 8 });
    expect(d.signedIn).toBeUndefined();
    expect(debriefMarkdown(d)).toContain('**No deal** — walk-out (the talks ended in round 5 of 8 without a signed agreement).');
  });

  it('handles an unfinished game as no deal yet', () => {
    const unfinished = { ...world, outcome: undefined, phase: 'diplomacy' as const };
    const u = buildDebrief(game, unfinished, records, log);
    expect(u.outcome.kind).toBe('unfinished');
    expect(debriefMarkdown(u)).toContain('**Unfinished**');
  });
});

describe('the scenario’s notes for teachers and its sources', () => {
  const { game, world, records, log } = dealGame();
  const withNotes: Game = {
    ...game,
    scenario: {
      ...game.scenario,
      meta: {
        ...game.scenario.meta,
        teacherNotes: 'What this scenario teaches: BATNAs move.\nA second paragraph, about ZOPAs.',
        sources: [
          { title: 'Reuters, 28 Aug 2025 — the envoy misreport', url: 'https://example.org/reuters', note: 'The basis of the envoy fidelity.', standing: 'record' },
          { title: 'BILD, 9 Aug 2025', standing: 'contested' },
        ],
      },
    },
  };

  it('are part of the debrief data, paragraph by paragraph', () => {
    const d = buildDebrief(withNotes, world, records, log);
    expect(d.teacherNotes).toEqual(['What this scenario teaches: BATNAs move.', 'A second paragraph, about ZOPAs.']);
    expect(d.sources).toEqual([
      { title: 'Reuters, 28 Aug 2025 — the envoy misreport', url: 'https://example.org/reuters', note: 'The basis of the envoy fidelity.', standing: 'record' },
      { title: 'BILD, 9 Aug 2025', standing: 'contested' },
    ]);
  });

  it('are rendered in the Markdown: a Teacher notes section and a Sources list', () => {
    const md = debriefMarkdown(buildDebrief(withNotes, world, records, log));
    expect(md).toContain('## Teacher notes\n\nWhat this scenario teaches: BATNAs move.\n\nA second paragraph, about ZOPAs.\n');
    expect(md).toContain(
      '## Sources\n\n- Reuters, 28 Aug 2025 — the envoy misreport — <https://example.org/reuters>: The basis of the envoy fidelity.\n- BILD, 9 Aug 2025 (contested)\n',
    );
  });

  it('are left out when the scenario has none', () => {
    const md = debriefMarkdown(buildDebrief(game, world, records, log));
    expect(md).not.toContain('## Teacher notes');
    expect(md).not.toContain('## Sources');
  });
});

describe('the benchmark packages', () => {
  const { game, world, records, log } = dealGame();
  const d = buildDebrief(game, world, records, log);

  it('are printed once when they coincide', () => {
    const same: Debrief = { ...d, kalai: d.nash, frontier: { ...d.frontier, improvement: undefined } };
    const md = debriefMarkdown(same);
    expect(md).toContain('Kalai–Smorodinsky point: the same package as the Nash point above — the Nash and Kalai–Smorodinsky points coincide here.');
    expect(md.match(/\| party \| utility \| score \| vs outcome \|/g)).toHaveLength(1);
    const all: Debrief = { ...d, nash: d.frontier.improvement ?? d.nash, kalai: d.frontier.improvement ?? d.nash };
    const three = debriefMarkdown(all);
    expect(three.match(/\| party \| utility \| score \| vs outcome \|/g)).toHaveLength(1);
    expect(three).toContain('the Nash and Kalai–Smorodinsky points coincide here');
  });

  it('are each printed with their terms when they differ', () => {
    const md = debriefMarkdown(d);
    const distinct = new Set([d.frontier.improvement, d.nash, d.kalai].filter((x) => x !== undefined).map((x) => JSON.stringify(x.terms))).size;
    expect(md.match(/\| party \| utility \| score \| vs outcome \|/g)).toHaveLength(distinct);
  });
});

describe('aggregateDebriefs', () => {
  it('compares a class’s games: deal rate, mean scores, the most common terms', () => {
    const deal = dealGame();
    const noDeal = noDealGame();
    const a = buildDebrief(deal.game, deal.world, deal.records, deal.log, { humans: ['ukraine'] });
    const b = buildDebrief(deal.game, { ...deal.world, seed: 43 }, deal.records, deal.log, { humans: ['russia'] });
    const c = buildDebrief(noDeal.game, noDeal.world, noDeal.records, noDeal.log);
    const agg = aggregateDebriefs([a, b, c]);
    expect(agg).toMatchObject({ games: 3, deals: 2, scenarios: ['test-talks'], reasons: { implemented: 2, 'walk-out': 1 } });
    expect(agg.dealRate).toBeCloseTo(2 / 3, 12);
    // The length of the talks: signed in round 4 twice, the walk-out ended them in round 5.
    expect(agg.meanRounds).toBeCloseTo(13 / 3, 12);
    expect(agg.rows.map((r) => r.rounds)).toEqual([4, 4, 5]);
    const ukraine = agg.parties.find((p) => p.party === 'ukraine')!;
    expect(ukraine.games).toBe(3);
    expect(ukraine.humanGames).toBe(1);
    expect(ukraine.meanScore).toBeCloseTo((a.results[0]!.score * 2 + c.results[0]!.score) / 3, 1);
    expect(agg.commonTerms.map((t) => [t.issue, t.option, t.count])).toEqual([
      ['donetsk', 'freeze', 2],
      ['guarantees', 'europe', 2],
      ['sanctions', 'ease', 2],
    ]);
    expect(agg.commonPackages[0]!.count).toBe(2);
    expect(agg.rows.map((r) => r.seed)).toEqual([42, 43, 42]);
    const md = aggregateMarkdown(agg);
    expect(md).toContain('Deals: 2 of 3');
    expect(md).toContain('| Donetsk | freeze on the contact line | 100.0 % |');
  });

  it('copes with no games', () => {
    expect(aggregateDebriefs([])).toMatchObject({ games: 0, deals: 0, dealRate: 0, parties: [], commonTerms: [] });
  });
});

describe('the debrief on signatures and on what the AIs believed', () => {
  it('flags a player who signed across their own red line, and below their reservation value', () => {
    const { game, world, records, log } = dealGame();
    world.agreement = { ...world.agreement!, terms: [2, 1, 1] }; // Donetsk ceded: Ukraine's red line; 0.33 to it
    const d = buildDebrief(game, world, records, log, { humans: ['ukraine'] });
    expect(d.signatures.map((n) => n.party)).toEqual(['ukraine']);
    expect(d.signatures[0]).toMatchObject({ human: true, crossed: ['Donetsk'], below: { reservation: 0.35, batna: 0.3 } });
    expect(debriefMarkdown(d)).toContain(
      '- **Ukraine (player) signed across its own red line on Donetsk and for 0.33, below its reservation value of 0.35. You signed for less than your reservation value, but more than fighting on was then worth to you (BATNA 0.30).**',
    );
  });

  it('says an AI signed below its reservation value because pressure made it', () => {
    const { game, world, records, log } = dealGame();
    world.agreement = { ...world.agreement!, terms: [0, 1, 0] }; // 0.15 to Russia against its 0.35
    world.parties.russia!.pressure = 95;
    world.parties.russia!.batna = 0.1;
    const note = buildDebrief(game, world, records, log, { humans: ['ukraine'] }).signatures.find((n) => n.party === 'russia');
    expect(note?.below?.why).toBe('Pressure 95/100 slid its walk-away point from its reservation value toward its BATNA (0.10): the deal still beat fighting on.');
    expect(note?.crossed).toEqual([]);
  });

  it('has no signature notes for a deal every signatory could sign', () => {
    const { game, world, records, log } = dealGame();
    expect(buildDebrief(game, world, records, log, { humans: ['ukraine'] }).signatures).toEqual([]);
  });

  it('shows what each AI believed about each other party against the truth, and nothing for a player', () => {
    const { game, world, records, log } = dealGame();
    const d = buildDebrief(game, world, records, log, { humans: ['ukraine'] });
    expect(d.beliefs.map((b) => `${b.party}→${b.about}`)).toEqual(['russia→ukraine', 'russia→usa', 'usa→ukraine', 'usa→russia']);
    const aboutUkraine = d.beliefs.find((b) => b.party === 'russia' && b.about === 'ukraine')!;
    expect(aboutUkraine.trueTop).toEqual(['Donetsk', 'Security guarantees', 'Sanctions']);
    expect(aboutUkraine.informed).toBe(true);
    expect(aboutUkraine.ordered).toBeGreaterThanOrEqual(0);
    expect(aboutUkraine.ordered).toBeLessThanOrEqual(1);
    expect(aboutUkraine.redLines.total).toBe(1);
    expect(debriefMarkdown(d)).toContain('## What the AIs believed at the end');
    expect(debriefMarkdown(d)).toMatch(/- Russia about Ukraine: ordered \d+ % of the packages tabled as Ukraine does; /);
  });
});

describe('the debrief in plain English', () => {
  it('says "both" and "neither" of two distorted messages, and counts the rest', () => {
    const { game, world, records, log } = dealGame();
    const d = buildDebrief(game, world, records, log, { humans: ['ukraine'] });
    const told = (distorted: number, exposed: number) => informationSummary({ ...d, information: { ...d.information, distorted, exposed } }).distorted;
    expect(told(2, 2)).toBe('2 reached someone otherwise than they were said; both came out.');
    expect(told(2, 0)).toBe('2 reached someone otherwise than they were said; neither came out.');
    expect(told(3, 3)).toBe('3 reached someone otherwise than they were said; all 3 came out.');
    expect(told(1, 1)).toBe('1 reached someone otherwise than it was said, and it came out.');
  });

  it('never rounds a small share of packages away, and rounds a utility the same way on screen and on paper', () => {
    expect(pct(0.00035)).toBe('0.035 %');
    expect(pct(0)).toBe('0 %');
    expect(pct(0.256)).toBe('25.6 %');
    // 0.7849 was 0.79 in the transcript (rounded to 0.785 first) and 0.78 on screen.
    expect(fmt(0.7849)).toBe('0.78');
    expect(util2(0.7849)).toBe('0.78');
    expect(fmt(-0.001)).toBe('0.00');
  });
});

describe('the Markdown report is inert', () => {
  it('escapes HTML from scenario text and links only web addresses', () => {
    const { game, world, records, log } = dealGame();
    const hostile: Game = {
      ...game,
      scenario: {
        ...game.scenario,
        meta: {
          ...game.scenario.meta,
          teacherNotes: 'Notes <img src=x onerror=alert(1)> and <script>alert(2)</script>.',
          sources: [
            { title: 'Good', url: 'https://example.org/a', standing: 'record' },
            { title: 'Bad <b>bold</b>', url: 'javascript:alert(3)', standing: 'record' },
          ],
        },
      },
    };
    const md = debriefMarkdown(buildDebrief(hostile, world, records, log));
    expect(md).not.toMatch(/<img|<script|<b>|<javascript:/i);
    expect(md).toContain('Notes &lt;img src=x onerror=alert(1)> and &lt;script>alert(2)&lt;/script>.');
    expect(md).toContain('Good — <https://example.org/a>');
    expect(md).toContain('Bad &lt;b>bold&lt;/b> — javascript:alert(3)');
  });
});
