// Each LA's year-end tally (docs/model.md §2.2): its children by where they are placed, their
// distances and their cost, from the LA's placement groups; and the check that every child is counted once.
import { InternalError } from '../errors.js';
import { COST_CELLS, costCellAt, type Costing } from './costing.js';
import type { TallyGeography } from './geography.js';
import type { NeedByType } from './need.js';
import { MARKET_TYPES, OUTSIDE_WALES, SECTOR_RANK, type CostParts, type LaYearTally, type MarketType, type PlacementGroup } from './types.js';

export interface Flows {
  displaced: number;
  newPlacements: number;
  inWalesFp: number;
  outsideWales: number;
  /** Children who started and ceased to be looked after (demand from flows only). */
  lookedAfter: { started: number; ceased: number } | null;
}

/** Children needing a placement of any type. */
export const needTotal = (n: NeedByType): number =>
  n.foster + n.residential + n.secure + n.kinship + n.parents + n.adoption + n.independent + n.other;

/** What every LA's tally of one year shares: the year's groups in key order, the distances, the prices. */
export interface TallyYear {
  /** Every group of the state in key order: an LA's are next to each other (tallyLa reads a range). */
  groups: readonly PlacementGroup[];
  geo: TallyGeography;
  regionOf: (la: string) => string;
  costs: Costing | null;
  work: TallyWorkspace;
}

/**
 * One LA's running totals over its groups, reset for each LA: one per run, so that a tally allocates
 * only what it hands back. By type: foster, residential, secure (MARKET_TYPES order).
 */
export class TallyWorkspace {
  marketPlaced = 0;
  placedInOwnLa = 0;
  placedInRegion = 0;
  placedOutsideWales = 0;
  forProfitPlacements = 0;
  nonprofitOutsideRegion = 0;
  readonly placedByType = new Float64Array(3);
  readonly forProfitByType = new Float64Array(3);
  /** The groups' cost so far; costed false once a group has no price (or when they are not costed). */
  cost = 0;
  costed = false;
  readonly partsByType = new Float64Array(3);
  partForProfit = 0;
  partOutsideWales = 0;
  /** Children per host by LA index; the last slot is outside Wales. */
  perHost = new Float64Array(0);
  /** Children by km at hosts that are no LA of the dataset (validation stops these). */
  elsewhere: Map<number, number> | null = null;

  reset(hosts: number, costed: boolean): void {
    this.marketPlaced = 0;
    this.placedInOwnLa = 0;
    this.placedInRegion = 0;
    this.placedOutsideWales = 0;
    this.forProfitPlacements = 0;
    this.nonprofitOutsideRegion = 0;
    this.placedByType.fill(0);
    this.forProfitByType.fill(0);
    this.cost = 0;
    this.costed = costed;
    this.partsByType.fill(0);
    this.partForProfit = 0;
    this.partOutsideWales = 0;
    if (this.perHost.length !== hosts + 1) this.perHost = new Float64Array(hosts + 1);
    else this.perHost.fill(0);
    this.elsewhere = null;
  }
}

/** A market type's place in MARKET_TYPES, by comparison (no keyed lookup per group). */
const typeIndex = (t: MarketType): number => (t === 'foster' ? 0 : t === 'residential' ? 1 : 2);

/** An LA's tally from its groups, year.groups[from] up to (not including) year.groups[to]. */
export function tallyLa(
  year: TallyYear,
  la: string,
  from: number,
  to: number,
  need: NeedByType,
  childrenLookedAfter: number,
  unplaced: Record<MarketType, number>,
  flows: Flows | null,
  nonMarketAtHome: number,
): LaYearTally {
  const { geo, costs } = year;
  const li = geo.index.get(la)!;
  const w = year.work;
  w.reset(geo.regions.length, costs !== null && flows !== null);
  groupTotals(year, la, li, from, to);
  let cost: number | null = w.costed ? w.cost : null;
  let parts: CostParts | null = null;
  if (cost !== null && costs !== null) {
    const unplacedCost = (unplaced.foster + unplaced.residential + unplaced.secure) * costs.unplacedAnnual;
    cost += unplacedCost;
    const p = w.partsByType;
    parts = { foster: p[0], residential: p[1], secure: p[2], forProfit: w.partForProfit, outsideWales: w.partOutsideWales, unplaced: unplacedCost };
  }
  // Children at the same distance are one entry, whichever hosts they are at, nearest first.
  const distances = w.elsewhere === null && geo.kmOrdered[li] ? distancesInOrder(li, w.perHost, geo) : distancesByKm(li, w.perHost, w.elsewhere, geo);
  const placed = w.placedByType;
  const fp = w.forProfitByType;
  return {
    laCode: la,
    childrenLookedAfter,
    // Key order as needByType gives it (PLACEMENT_TYPES order).
    need: {
      foster: need.foster,
      residential: need.residential,
      secure: need.secure,
      kinship: need.kinship,
      parents: need.parents,
      adoption: need.adoption,
      independent: need.independent,
      other: need.other,
    },
    unplaced: { foster: unplaced.foster, residential: unplaced.residential, secure: unplaced.secure },
    displaced: flows === null ? null : flows.displaced,
    newPlacements: flows === null ? null : flows.newPlacements,
    supplementaryPlacements: flows === null ? null : flows.inWalesFp + flows.outsideWales,
    supplementaryInWalesFp: flows === null ? null : flows.inWalesFp,
    supplementaryOutsideWales: flows === null ? null : flows.outsideWales,
    marketPlaced: w.marketPlaced,
    placedInOwnLa: w.placedInOwnLa,
    placedInRegion: w.placedInRegion,
    placedOutsideWales: w.placedOutsideWales,
    forProfitPlacements: w.forProfitPlacements,
    placedByType: { foster: placed[0], residential: placed[1], secure: placed[2] },
    forProfitByType: { foster: fp[0], residential: fp[1], secure: fp[2] },
    nonMarketAtHome,
    nonprofitOutsideRegion: w.nonprofitOutsideRegion,
    distances,
    costGbp: cost,
    costParts: parts,
    startedLookedAfter: flows === null || flows.lookedAfter === null ? null : flows.lookedAfter.started,
    ceasedLookedAfter: flows === null || flows.lookedAfter === null ? null : flows.lookedAfter.ceased,
    // Charged by the caller from the year's events; the base row has none.
    costOneOffGbp: null,
  };
}

/** One pass over an LA's groups, in key order, into the year's workspace (costed while every group has a price). */
function groupTotals(year: TallyYear, la: string, li: number, from: number, to: number): void {
  const { groups, geo, regionOf, costs } = year;
  const w = year.work;
  const hosts = geo.regions.length;
  const perHost = w.perHost;
  const laRegion = geo.regions[li];
  for (let k = from; k < to; k++) {
    const g = groups[k];
    const n = g.children;
    const ti = typeIndex(g.placementType);
    const forProfit = g.sector === 'fp';
    w.marketPlaced += n;
    const outsideWales = g.host === OUTSIDE_WALES;
    if (g.host === la) w.placedInOwnLa += n;
    // The host's LA index, looked up once (undefined outside Wales and at a host that is no LA).
    const hi = outsideWales ? undefined : geo.index.get(g.host);
    if (outsideWales) {
      w.placedOutsideWales += n;
      perHost[hosts] += n;
    } else if (hi !== undefined) {
      if (geo.regions[hi] === laRegion) w.placedInRegion += n;
      perHost[hi] += n;
    } else {
      // A host that is no LA of the dataset (validation stops this): as the general rule has it.
      if (regionOf(g.host) === regionOf(la)) w.placedInRegion += n;
      const km = geo.km(la, g.host);
      w.elsewhere ??= new Map();
      w.elsewhere.set(km, (w.elsewhere.get(km) ?? 0) + n);
    }
    w.placedByType[ti] += n;
    if (forProfit) {
      w.forProfitByType[ti] += n;
      w.forProfitPlacements += n;
    } else if (outsideWales || (hi !== undefined ? geo.regions[hi] !== laRegion : regionOf(g.host) !== regionOf(la))) w.nonprofitOutsideRegion += n;
    if (w.costed && costs !== null) {
      const annual = costs.annual[li * COST_CELLS + costCellAt(ti, SECTOR_RANK[g.sector], outsideWales)];
      if (annual === null) w.costed = false;
      else {
        const v = n * annual;
        w.cost += v;
        w.partsByType[ti] += v;
        if (forProfit) w.partForProfit += v;
        if (outsideWales) w.partOutsideWales += v;
      }
    }
  }
}

/**
 * Children per distance, nearest first, from the LA's hosts already in km order: equal distances are
 * next to each other, and the first host of a run gives the entry its km, as the first set into a
 * map by host index does.
 */
function distancesInOrder(li: number, perHost: Float64Array, geo: TallyGeography): Array<[number, number]> {
  const hosts = geo.regions.length;
  const distances: Array<[number, number]> = [];
  let last: [number, number] | null = null;
  const row = li * (hosts + 1);
  for (let q = 0; q <= hosts; q++) {
    const j = geo.kmOrder[row + q];
    const c = perHost[j];
    if (c === 0) continue;
    const km = j === hosts ? geo.outsideKm[li] : geo.kmMatrix[li * hosts + j];
    if (last !== null && last[0] === km) last[1] += c;
    else {
      // + 0 makes -0 into 0, as a map key does.
      last = [km + 0, c];
      distances.push(last);
    }
  }
  return distances;
}

/** Children per distance, nearest first, by a map and a sort: the general path of tallyLa. */
function distancesByKm(li: number, perHost: Float64Array, elsewhere: Map<number, number> | null, geo: TallyGeography): Array<[number, number]> {
  const hosts = geo.regions.length;
  const byKm = new Map<number, number>();
  for (let j = 0; j <= hosts; j++) {
    if (perHost[j] === 0) continue;
    const km = j === hosts ? geo.outsideKm[li] : geo.kmMatrix[li * hosts + j];
    byKm.set(km, (byKm.get(km) ?? 0) + perHost[j]);
  }
  if (elsewhere !== null) for (const [km, n] of elsewhere) byKm.set(km, (byKm.get(km) ?? 0) + n);
  return [...byKm.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * Every child is in exactly one of: a placement in Wales, outside Wales, non-market care, unplaced.
 * The tally's placements by type are its groups' children by type (tallyLa counts every group).
 */
export function checkConservation(t: number, la: string, need: NeedByType, tally: LaYearTally): void {
  const placed = tally.placedByType;
  for (const type of MARKET_TYPES) {
    if (placed[type] + tally.unplaced[type] !== need[type] || tally.unplaced[type] < 0) {
      throw new InternalError(
        `year ${t}, ${la}, ${type}: ${placed[type]} placed + ${tally.unplaced[type]} unplaced != ${need[type]} needing a placement`,
      );
    }
  }
  if (needTotal(need) !== tally.childrenLookedAfter) {
    throw new InternalError(`year ${t}, ${la}: need by type sums to ${needTotal(need)}, not ${tally.childrenLookedAfter} children looked after`);
  }
}
