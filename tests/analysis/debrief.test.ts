import { describe, expect, it } from 'vitest';
import { aggregateDebriefs, aggregateMarkdown, buildDebrief, debriefMarkdown } from '../../src/analysis/debrief.js';
import { nashProduct, utilities } from '../../src/analysis/frontier.js';
import { score } from '../../src/model/game.js';
import { enumerate } from './fixtures.js';
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
    expect(d.results[0]).toMatchObject({ initialBatna: 0.35, finalBatna: 0.3 });
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
    expect(nashProduct(game.partyIds.map((id) => d.nash!.utilities[id]!), d0)).toBeCloseTo(best, 12);
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
    expect(kinds).toEqual(expect.arrayContaining(['event', 'posture', 'exposure', 'walk-out', 'broken-commitment', 'statement', 'lever', 'return', 'signing', 'implementation', 'outcome']));
    // Routine lines are not moments: fronts, plain actions, implementation without a violation.
    expect(d.moments.some((m) => m.text.startsWith('The front moved'))).toBe(false);
    expect(d.moments.some((m) => m.text === 'Implementation continues.')).toBe(false);
    // The walk-out is both a command and a log line: it appears once.
    expect(d.moments.filter((m) => m.kind === 'walk-out')).toHaveLength(1);
    const rounds = d.moments.map((m) => m.round);
    expect(rounds).toEqual([...rounds].sort((x, y) => x - y));
  });

  it('counts information problems: a distorted envoy message that was exposed', () => {
    expect(d.information).toMatchObject({ viaEnvoy: 1, distorted: 1, exposed: 1, clarifications: 0 });
    expect(d.ratification).toEqual({ ukraine: true, russia: true, usa: true });
  });

  it('ranks the human’s moves by how its position changed until its next move', () => {
    const h = d.humans[0]!;
    expect(h.party).toBe('ukraine');
    expect(h.moves.map((m) => m.command.type)).toEqual(['propose', 'propose', 'walk-out', 'return', 'accept', 'sign']);
    // Opening: from its reservation (0.35) to the American compromise (0.58) that followed.
    expect(h.best[0]).toMatchObject({ round: 1, index: 1 });
    expect(h.best[0]!.before).toBeCloseTo(0.35, 12);
    expect(h.best[0]!.after).toBeCloseTo(0.58, 12);
    expect(h.best.map((m) => m.command.type)).toEqual(['propose', 'return']);
    // The walk-out: the United States hardened its offer while Ukraine was away (0.58 → 0.53 best on the table).
    expect(h.worst).toHaveLength(1);
    expect(h.worst[0]!.command.type).toBe('walk-out');
    expect(h.worst[0]!.delta).toBeCloseTo(-0.05, 12);
    expect(h.worst[0]!.scoreDelta).toBeLessThan(0);
    // The last move is judged against the outcome.
    expect(h.moves[5]!.after).toBeCloseTo(0.58, 12);
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

  it('handles an unfinished game as no deal yet', () => {
    const unfinished = { ...world, outcome: undefined, phase: 'diplomacy' as const };
    const u = buildDebrief(game, unfinished, records, log);
    expect(u.outcome.kind).toBe('unfinished');
    expect(debriefMarkdown(u)).toContain('**Unfinished**');
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
