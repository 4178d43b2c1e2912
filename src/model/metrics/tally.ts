// What the metrics of the catalogue (src/model/metrics/catalogue.ts) are made of: one LA's tally of a
// year, which src/model/aggregate.ts turns into rows of metrics for LAs, regions and the nation.
import type { MarketType, PlacementType } from '../types.js';

/**
 * Everything the metrics of one LA in one year are made of. Regions and Wales are sums of these
 * (and pooled distance distributions), never computed separately.
 */
export interface LaYearTally {
  laCode: string;
  childrenLookedAfter: number;
  need: Record<PlacementType, number>;
  unplaced: Record<MarketType, number>;
  /** Null in the base row (flow metrics are empty there). */
  displaced: number | null;
  newPlacements: number | null;
  supplementaryPlacements: number | null;
  /** Of the supplementary placements: with for-profit providers in Wales / non-LA providers outside Wales. */
  supplementaryInWalesFp: number | null;
  supplementaryOutsideWales: number | null;
  marketPlaced: number;
  placedInOwnLa: number;
  placedInRegion: number;
  placedOutsideWales: number;
  forProfitPlacements: number;
  /** Market placements (in Wales or outside) by type, and of them those with for-profit providers. */
  placedByType: Record<MarketType, number>;
  forProfitByType: Record<MarketType, number>;
  /** Non-market children living in the LA itself (docs/methodology.md "Own-LA share of all children"). */
  nonMarketAtHome: number;
  /** Children in `la` or `nfp` placements outside their own region (outside Wales counts as outside). */
  nonprofitOutsideRegion: number;
  /** Distance distribution of the LA's children in market placements: [km, children], sorted by km. */
  distances: Array<[km: number, children: number]>;
  /** Annual cost (cash, or the prices asked for); null when a group has no cost row, no costs exist, or in the base row. */
  costGbp: number | null;
  /** The parts of costGbp (docs/model.md §2.2); null exactly when costGbp is. */
  costParts: CostParts | null;
  /** Children who started / ceased to be looked after in the year: null unless demand comes from flows (and in the base row). */
  startedLookedAfter: number | null;
  ceasedLookedAfter: number | null;
  /** One-off costs of the year's supply events charged to the LA (cash, or the prices asked for); null in the base row. */
  costOneOffGbp: number | null;
}

/**
 * The parts of a year's cost. By type they add up to the cost less the unplaced children's
 * (foster + residential + secure + unplaced = cost); for-profit and outside Wales are parts of the
 * placements' cost that overlap the types (a for-profit placement outside Wales is in both).
 */
export interface CostParts {
  foster: number;
  residential: number;
  secure: number;
  forProfit: number;
  outsideWales: number;
  unplaced: number;
}
