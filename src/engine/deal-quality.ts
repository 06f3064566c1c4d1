// How good the deals of many games were, against what the scenario allowed: deals off the Pareto frontier,
// deals that leave a party below its reservation value (where it stood when the talks opened) and below its
// BATNA when it signed (what it could still get without a deal then: signing below that is a mistake, while
// ending below the first is what a war that goes on does to a side), the Nash product of each deal against the best
// possible, and games without a deal although a package better than no deal for every party was on the table in
// the last three rounds. The measures `simulate --json` reports and the opponents issue sets targets for.
import { isDominated } from '../analysis/dominance.js';
import { nashPoint } from '../analysis/bargaining-points.js';
import { nashProduct } from '../analysis/frontier.js';
import { crossesRedLine, utility, type Game } from '../model/game.js';
import type { PartyId, Terms, World } from '../model/types.js';
import type { LoggedCommand } from './advance.js';

export interface DealQuality {
  /** Share of deals that another package (crossing nobody's red line) Pareto-dominates. */
  dominatedShare: number;
  /** Per party, the share of deals that leave it below its reservation value. */
  belowReservation: Record<PartyId, number>;
  /** Per party, the share of deals it signed below its own BATNA at the moment it signed. */
  belowBatna: Record<PartyId, number>;
  /** Mean over deals of the deal's Nash product divided by the Nash point's (0 when someone gains nothing). */
  nashProductRatio: number;
  /**
   * Share of games without a deal in which a package beating every signatory's BATNA was tabled in the last three
   * rounds and nobody signed one (an agreement signed and then voted down at home was taken, not missed).
   */
  batnaBeatingPackageMissed: number;
}

/** Accumulates the measures game by game, in bounded memory. */
export class DealQualityCounter {
  private deals = 0;
  private dominated = 0;
  private below: Record<PartyId, number> = {};
  private belowAtSigning: Record<PartyId, number> = {};
  /** In the game in progress: each party's BATNA when it signed. */
  private batnaAtSigning: Record<PartyId, number> = {};
  private ratioSum = 0;
  private noDeals = 0;
  private missed = 0;
  private readonly prefs;
  private readonly reservations: number[];
  private readonly nashValue: number;
  private readonly dominanceCache = new Map<string, boolean>();
  /** Whether the game in progress saw a package that beat every BATNA tabled late. */
  private lateChance = false;

  constructor(private readonly game: Game) {
    this.prefs = game.bargainers.map((id) => game.prefs[id]!);
    this.reservations = this.prefs.map((p) => p.reservation);
    for (const id of game.bargainers) {
      this.below[id] = 0;
      this.belowAtSigning[id] = 0;
    }
    const nash = nashPoint(this.prefs, this.reservations, { excludeRedLines: true });
    this.nashValue = nash ? nash.value : 0;
  }

  /** Watch a game's moves (pass as `onMove`): a late package that beats every BATNA is remembered. */
  readonly watch = (entry: LoggedCommand, world: World): void => {
    if (entry.command.type === 'sign') this.batnaAtSigning[entry.command.by] = world.parties[entry.command.by]!.batna;
    if (entry.command.type !== 'propose' || this.lateChance) return;
    if (world.round <= this.game.scenario.calendar.rounds - 3) return;
    const p = world.proposals[world.proposals.length - 1]!;
    this.lateChance = this.beatsEveryBatna(p.terms, world);
  };

  private beatsEveryBatna(terms: Terms, world: World): boolean {
    for (const id of this.game.public.signatories) {
      const prefs = this.game.prefs[id]!;
      if (crossesRedLine(prefs, terms) || utility(prefs, terms) <= world.parties[id]!.batna + 1e-9) return false;
    }
    return true;
  }

  /** Counts a finished game. */
  add(world: World): void {
    const deal = world.outcome?.kind === 'deal' ? world.outcome.terms : world.agreement?.terms;
    const signed = world.outcome?.kind === 'deal';
    if (signed && deal) {
      this.deals++;
      const key = deal.join(',');
      let dominated = this.dominanceCache.get(key);
      if (dominated === undefined) {
        dominated = isDominated(this.prefs, deal, { excludeRedLines: true }) === true;
        if (this.dominanceCache.size < 4096) this.dominanceCache.set(key, dominated);
      }
      if (dominated) this.dominated++;
      const u = this.prefs.map((p) => utility(p, deal));
      this.game.bargainers.forEach((id, k) => {
        if (u[k]! < this.reservations[k]! - 1e-9) this.below[id]!++;
        if (u[k]! < (this.batnaAtSigning[id] ?? world.parties[id]!.batna) - 1e-9) this.belowAtSigning[id]!++;
      });
      const value = nashProduct(u, this.reservations);
      if (this.nashValue > 0 && value > 0) this.ratioSum += value / this.nashValue;
    } else {
      this.noDeals++;
      const a = world.agreement;
      const signedByAll = a !== undefined && a.signatories.every((id) => a.signed.includes(id));
      if (this.lateChance && !signedByAll) this.missed++;
    }
    this.lateChance = false;
    this.batnaAtSigning = {};
  }

  result(): DealQuality {
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    const belowReservation: Record<PartyId, number> = {};
    const belowBatna: Record<PartyId, number> = {};
    for (const id of this.game.bargainers) {
      belowReservation[id] = this.deals ? r3(this.below[id]! / this.deals) : 0;
      belowBatna[id] = this.deals ? r3(this.belowAtSigning[id]! / this.deals) : 0;
    }
    return {
      dominatedShare: this.deals ? r3(this.dominated / this.deals) : 0,
      belowReservation,
      belowBatna,
      nashProductRatio: this.deals ? r3(this.ratioSum / this.deals) : 0,
      batnaBeatingPackageMissed: this.noDeals ? r3(this.missed / this.noDeals) : 0,
    };
  }
}
