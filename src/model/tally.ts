// Each LA's year-end tally (docs/model.md §2.2): its children by where they are placed, their
// distances and their cost, from the LA's placement groups; and the check that every child is counted once.
import { InternalError } from '../errors.js';
import { COST_CELLS, costCell, type Costing } from './costing.js';
import type { TallyGeography } from './geography.js';
import type { NeedByType } from './need.js';
import { noPlacements, type PlacementCounts } from './placement-counts.js';
import { MARKET_TYPES, OUTSIDE_WALES, PLACEMENT_TYPES, type CostParts, type LaYearTally, type MarketType, type PlacementGroup } from './types.js';

export interface Flows {
  displaced: number;
  newPlacements: number;
  inWalesFp: number;
  outsideWales: number;
  /** Children who started and ceased to be looked after (demand from flows only). */
  lookedAfter: { started: number; ceased: number } | null;
}

/** Children needing a placement of any type. */
export const needTotal = (n: NeedByType): number => PLACEMENT_TYPES.reduce((s, t) => s + n[t], 0);

export function tallyLa(
  la: string,
  need: NeedByType,
  childrenLookedAfter: number,
  unplaced: Record<MarketType, number>,
  groups: readonly PlacementGroup[],
  geo: TallyGeography,
  regionOf: (la: string) => string,
  costs: Costing | null,
  flows: Flows | null,
  nonMarketAtHome: number,
): LaYearTally {
  const li = geo.index.get(la)!;
  const g = groupTotals(la, li, groups, geo, regionOf, costs, costs === null || flows === null ? null : 0);
  const c = g.counts;
  let cost = g.cost;
  const unplacedTotal = unplaced.foster + unplaced.residential + unplaced.secure;
  if (cost !== null && costs !== null) {
    g.parts.unplaced = unplacedTotal * costs.unplacedAnnual;
    cost += g.parts.unplaced;
  }
  // Children at the same distance are one entry, whichever hosts they are at, nearest first.
  const distances = g.elsewhere === null && geo.kmOrdered[li] ? distancesInOrder(li, g.perHost, geo) : distancesByKm(li, g.perHost, g.elsewhere, geo);
  return {
    laCode: la,
    childrenLookedAfter,
    need: { ...need },
    unplaced: { ...unplaced },
    displaced: flows?.displaced ?? null,
    newPlacements: flows?.newPlacements ?? null,
    supplementaryPlacements: flows === null ? null : flows.inWalesFp + flows.outsideWales,
    supplementaryInWalesFp: flows?.inWalesFp ?? null,
    supplementaryOutsideWales: flows?.outsideWales ?? null,
    marketPlaced: c.marketPlaced,
    placedInOwnLa: c.placedInOwnLa,
    placedInRegion: c.placedInRegion,
    placedOutsideWales: c.placedOutsideWales,
    forProfitPlacements: c.forProfitPlacements,
    placedByType: c.placedByType,
    forProfitByType: c.forProfitByType,
    nonMarketAtHome,
    nonprofitOutsideRegion: c.nonprofitOutsideRegion,
    distances,
    costGbp: cost,
    costParts: cost === null ? null : g.parts,
    startedLookedAfter: flows?.lookedAfter?.started ?? null,
    ceasedLookedAfter: flows?.lookedAfter?.ceased ?? null,
    // Charged by the caller from the year's events; the base row has none.
    costOneOffGbp: null,
  };
}

/** What an LA's groups add up to: the counts, children per host, and their cost (null once a group has no price). */
interface GroupTotals {
  counts: PlacementCounts;
  /** Children per host by LA index; the last slot is outside Wales. */
  perHost: number[];
  /** Children by km at hosts that are no LA of the dataset (validation stops these). */
  elsewhere: Map<number, number> | null;
  cost: number | null;
  parts: CostParts;
}

/** One pass over an LA's groups, in key order. `cost`: 0 to cost them, null not to. */
function groupTotals(
  la: string,
  li: number,
  groups: readonly PlacementGroup[],
  geo: TallyGeography,
  regionOf: (la: string) => string,
  costs: Costing | null,
  cost: number | null,
): GroupTotals {
  const c = noPlacements();
  const parts: CostParts = { foster: 0, residential: 0, secure: 0, forProfit: 0, outsideWales: 0, unplaced: 0 };
  const hosts = geo.regions.length;
  const perHost = new Array<number>(hosts + 1).fill(0);
  const laRegion = geo.regions[li];
  let elsewhere: Map<number, number> | null = null;
  for (const g of groups) {
    const n = g.children;
    c.marketPlaced += n;
    const outsideWales = g.host === OUTSIDE_WALES;
    if (g.host === la) c.placedInOwnLa += n;
    // The host's LA index, looked up once (undefined outside Wales and at a host that is no LA).
    const hi = outsideWales ? undefined : geo.index.get(g.host);
    if (outsideWales) {
      c.placedOutsideWales += n;
      perHost[hosts] += n;
    } else if (hi !== undefined) {
      if (geo.regions[hi] === laRegion) c.placedInRegion += n;
      perHost[hi] += n;
    } else {
      // A host that is no LA of the dataset (validation stops this): as the general rule has it.
      if (regionOf(g.host) === regionOf(la)) c.placedInRegion += n;
      const km = geo.km(la, g.host);
      elsewhere ??= new Map();
      elsewhere.set(km, (elsewhere.get(km) ?? 0) + n);
    }
    c.placedByType[g.placementType] += n;
    if (g.sector === 'fp') c.forProfitByType[g.placementType] += n;
    if (g.sector === 'fp') c.forProfitPlacements += n;
    else if (outsideWales || (hi !== undefined ? geo.regions[hi] !== laRegion : regionOf(g.host) !== regionOf(la))) c.nonprofitOutsideRegion += n;
    if (cost !== null && costs !== null) {
      const annual = costs.annual[li * COST_CELLS + costCell(g.placementType, g.sector, outsideWales)];
      if (annual === null) cost = null;
      else {
        const v = n * annual;
        cost += v;
        parts[g.placementType] += v;
        if (g.sector === 'fp') parts.forProfit += v;
        if (outsideWales) parts.outsideWales += v;
      }
    }
  }
  return { counts: c, perHost, elsewhere, cost, parts };
}

/**
 * Children per distance, nearest first, from the LA's hosts already in km order: equal distances are
 * next to each other, and the first host of a run gives the entry its km, as the first set into a
 * map by host index does.
 */
function distancesInOrder(li: number, perHost: readonly number[], geo: TallyGeography): Array<[number, number]> {
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
function distancesByKm(li: number, perHost: readonly number[], elsewhere: Map<number, number> | null, geo: TallyGeography): Array<[number, number]> {
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

/** Every child is in exactly one of: a placement in Wales, outside Wales, non-market care, unplaced. */
export function checkConservation(t: number, la: string, need: NeedByType, tally: LaYearTally, groups: readonly PlacementGroup[]): void {
  const placed = { foster: 0, residential: 0, secure: 0 };
  for (const g of groups) placed[g.placementType] += g.children;
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
