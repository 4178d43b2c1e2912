// The year's money (docs/model.md §2.1): each placement's annual cost by LA, type, sector and place,
// indexed to year t (and deflated to constant prices), and the price index that gets it there.
import { valueAt } from './timeline.js';
import { SECTOR_RANK, type Dataset, type MarketType, type ModelScenario, type Sector, type Timeline } from './types.js';

export interface Costing {
  /**
   * Weekly cost × 52 × the index to year t (and the deflation to constant prices), or null when no
   * cost row exists: by LA index × COST_CELLS + costCell, so that an LA's own price (a row with
   * `la_code`) stands in its own slots.
   */
  annual: ReadonlyArray<number | null>;
  unplacedAnnual: number;
}

export const COST_CELLS = 18;

const MARKET_TYPE_INDEX: Record<MarketType, number> = { foster: 0, residential: 1, secure: 2 };

/** A cost cell's place in Costing.annual: type, sector, in or outside Wales. */
export function costCell(type: MarketType, sector: Sector, outsideWales: boolean): number {
  return costCellAt(MARKET_TYPE_INDEX[type], SECTOR_RANK[sector], outsideWales);
}

/** costCell from the type's place in MARKET_TYPES and the sector's rank, for a caller that has them already. */
export function costCellAt(typeIndex: number, sectorRank: number, outsideWales: boolean): number {
  return typeIndex * 6 + sectorRank * 2 + (outsideWales ? 1 : 0);
}

/** The growth of a dated rate from year `from`'s level to year t's: Π (1 + rate(u)) for u = from+1 … t (divided the other way). */
export function compoundedFrom(rate: Timeline, from: number, t: number): number {
  let f = 1;
  for (let u = from + 1; u <= t; u++) f *= 1 + valueAt(rate, u);
  for (let u = t + 1; u <= from; u++) f /= 1 + valueAt(rate, u);
  return f;
}

/**
 * Money of prices year `from` in year t's money: indexed by the scenario's inflation to t (cash), then,
 * for constant prices of pricesYear, divided by the deflator's growth from then to t.
 */
export function priceIndex(scenario: Pick<ModelScenario, 'inflation' | 'deflator'>, from: number, t: number, pricesYear: number | null): number {
  const real = pricesYear === null ? 1 : 1 / compoundedFrom(scenario.deflator, pricesYear, t);
  return compoundedFrom(scenario.inflation, from, t) * real;
}

export function makeCosting(dataset: Dataset, scenario: ModelScenario, t: number, laIndex: ReadonlyMap<string, number>, pricesYear: number | null): Costing | null {
  if (dataset.costs === null) return null;
  const index = (from: number): number => priceIndex(scenario, from, t, pricesYear);
  // A scenario's extra price of placements outside Wales in year t (England's market tightening).
  const premium = scenario.outsideWales.pricePremium === undefined ? 1 : 1 + valueAt(scenario.outsideWales.pricePremium, t);
  const located = (c: { location: string }): number => (c.location === 'outside_wales' ? premium : 1);
  // Each cell's annual cost in year t prices, worked out once per LA, in a small array: tallies ask
  // for it per group. The all-Wales rows fill every LA's slots, then each LA's own rows replace
  // its slots (an LA's own price wins, whatever the row order). A later row for the same cell
  // replaces an earlier one, as a map keyed by cell would.
  const las = laIndex.size;
  const annual: Array<number | null> = new Array<number | null>(las * COST_CELLS).fill(null);
  for (const c of dataset.costs) {
    if (c.laCode !== undefined && c.laCode !== null) continue;
    const cell = costCell(c.placementType, c.sector, c.location === 'outside_wales');
    const v = c.weeklyCostGbp * 52 * index(c.priceYear) * located(c);
    for (let i = 0; i < las; i++) annual[i * COST_CELLS + cell] = v;
  }
  for (const c of dataset.costs) {
    if (c.laCode === undefined || c.laCode === null) continue;
    const i = laIndex.get(c.laCode);
    // A price for an LA the dataset does not hold costs nothing here (validation warns of it).
    if (i === undefined) continue;
    annual[i * COST_CELLS + costCell(c.placementType, c.sector, c.location === 'outside_wales')] = c.weeklyCostGbp * 52 * index(c.priceYear) * located(c);
  }
  return {
    annual,
    unplacedAnnual: scenario.unplacedWeeklyCostGbp === null ? 0 : valueAt(scenario.unplacedWeeklyCostGbp, t) * 52 * index(dataset.baseYear),
  };
}
