// Metrics of an area (an LA, a region, Wales) are built from its LAs' tallies: sums of counts, ratios
// of sums, and distances pooled over the area's children. Nothing is computed separately per level.
import { weightedMean, weightedQuantile } from './quantile.js';
import { addPlacements, noPlacements } from './placement-counts.js';
import { compareCodes, roundHalfUp } from './rounding.js';
import {
  type AreaLevel,
  type AreaYearRow,
  type CostParts,
  type Dataset,
  type HostYearPlaces,
  type MarketType,
  type MetricName,
  type Projection,
  type YearResult,
} from './types.js';

export interface Area {
  level: AreaLevel;
  code: string;
  name: string;
  /** The LAs whose children the area's metrics are about, and whose territory holds its places. */
  laCodes: string[];
}

/** The name the dataset gives a region (its slug if the dataset does not list it). */
export function regionName(dataset: Pick<Dataset, 'regions'>, slug: string): string {
  return dataset.regions.find((r) => r.slug === slug)?.name ?? slug;
}

/**
 * Areas of a level in output order: the nation (level `wales` whatever the nation, docs/model.md §3.1);
 * regions in the dataset's order (by the least code of each region's LAs); LAs by code.
 */
export function areasOf(dataset: Dataset, level: AreaLevel): Area[] {
  const las = [...dataset.localAuthorities].sort((a, b) => compareCodes(a.code, b.code));
  if (level === 'wales') return [{ level, code: dataset.nation.code, name: dataset.nation.name, laCodes: las.map((l) => l.code) }];
  if (level === 'la') return las.map((l) => ({ level, code: l.code, name: l.nameEn, laCodes: [l.code] }));
  // Regions the dataset lists first, then any an LA names that the list leaves out (a dataset built
  // by hand), by slug.
  const listed = dataset.regions.map((r) => r.slug);
  const extra = [...new Set(las.map((l) => l.region))].filter((s) => !listed.includes(s)).sort(compareCodes);
  return [...listed, ...extra]
    .map((slug) => ({ level, code: slug, name: regionName(dataset, slug), laCodes: las.filter((l) => l.region === slug).map((l) => l.code) }))
    .filter((a) => a.laCodes.length > 0);
}

export function areaRows(projection: Projection, dataset: Dataset, level: AreaLevel): AreaYearRow[] {
  const rows: AreaYearRow[] = [];
  for (const area of areasOf(dataset, level)) {
    for (const year of projection.years) {
      rows.push({
        scenario: projection.scenario,
        level,
        areaCode: area.code,
        areaName: area.name,
        year: year.year,
        asAt: year.asAt,
        metrics: areaMetrics(year, area),
      });
    }
  }
  return rows;
}

/**
 * Money in whole pounds (docs/model.md §2.1), rounded half up once the area's total is made: each part is
 * rounded on its own, so parts may miss their total by a pound or two (within rounding).
 */
const money = (v: number | null): number | null => (v === null ? null : roundHalfUp(v));

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** The cost parts of an area with one more LA's added; null once one LA's are (it has a group without a price). */
function addCostParts(parts: CostParts | null, c: CostParts | null): CostParts | null {
  if (parts === null || c === null) return null;
  parts.foster += c.foster;
  parts.residential += c.residential;
  parts.secure += c.secure;
  parts.forProfit += c.forProfit;
  parts.outsideWales += c.outsideWales;
  parts.unplaced += c.unplaced;
  return parts;
}

/** The places located in an area (the year's rows of hosts in it), by type. */
interface PlacesInArea {
  places: Record<MarketType, number>;
  usable: Record<MarketType, number>;
  forProfitPlaces: number;
  externalChildren: number;
}

function placesIn(rows: readonly HostYearPlaces[], inArea: ReadonlySet<string>): PlacesInArea {
  const places = { foster: 0, residential: 0, secure: 0 };
  const usable = { foster: 0, residential: 0, secure: 0 };
  let forProfitPlaces = 0;
  let externalChildren = 0;
  for (const p of rows) {
    if (!inArea.has(p.host)) continue;
    places[p.placementType] += p.places;
    usable[p.placementType] += p.usablePlaces;
    forProfitPlaces += p.forProfitPlaces;
    externalChildren += p.externalChildren;
  }
  return { places, usable, forProfitPlaces, externalChildren };
}

export function areaMetrics(year: YearResult, area: Area): Record<MetricName, number | null> {
  const inArea = new Set(area.laCodes);
  // One pass over the area's LAs (in the year's LA order), each sum added up in that order as a
  // sum per metric would: the same additions, so the same floating-point results. A flow (a count or
  // money that some rows lack) is null as soon as one LA's is.
  let childrenLookedAfter = 0;
  let needFoster = 0;
  let needResidential = 0;
  let needSecure = 0;
  let unplaced = 0;
  const placements = noPlacements();
  let nonMarketAtHome = 0;
  let displaced: number | null = 0;
  let newPlacements: number | null = 0;
  let supplementary: number | null = 0;
  let cost: number | null = 0;
  let started: number | null = 0;
  let ceased: number | null = 0;
  let oneOff: number | null = 0;
  // A part of the cost exists exactly when the cost does (every group of the area has a price).
  let parts: CostParts | null = { foster: 0, residential: 0, secure: 0, forProfit: 0, outsideWales: 0, unplaced: 0 };
  const add = (s: number | null, v: number | null): number | null => (s === null || v === null ? null : s + v);
  const pooled = new Map<number, number>();
  for (const t of year.tallies) {
    if (!inArea.has(t.laCode)) continue;
    childrenLookedAfter += t.childrenLookedAfter;
    needFoster += t.need.foster;
    needResidential += t.need.residential;
    needSecure += t.need.secure;
    unplaced += t.unplaced.foster + t.unplaced.residential + t.unplaced.secure;
    addPlacements(placements, t);
    nonMarketAtHome += t.nonMarketAtHome;
    displaced = add(displaced, t.displaced);
    newPlacements = add(newPlacements, t.newPlacements);
    supplementary = add(supplementary, t.supplementaryPlacements);
    cost = add(cost, t.costGbp);
    started = add(started, t.startedLookedAfter);
    ceased = add(ceased, t.ceasedLookedAfter);
    oneOff = add(oneOff, t.costOneOffGbp);
    parts = addCostParts(parts, t.costParts);
    for (const [km, n] of t.distances) pooled.set(km, (pooled.get(km) ?? 0) + n);
  }
  const { places, usable, forProfitPlaces, externalChildren } = placesIn(year.places, inArea);
  const allPlaces = places.foster + places.residential + places.secure;
  const distances = [...pooled.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const { marketPlaced: placed, placedInOwnLa, placedInRegion, placedOutsideWales, forProfitPlacements, placedByType, forProfitByType, nonprofitOutsideRegion } = placements;

  // Written in METRICS order, so that its keys run in that order (the columns' order) as they stand.
  const m: Record<MetricName, number | null> = {
    children_looked_after: childrenLookedAfter,
    need_foster: needFoster,
    need_residential: needResidential,
    need_secure: needSecure,
    places_foster: places.foster,
    places_residential: places.residential,
    places_secure: places.secure,
    places_for_profit_share: ratio(forProfitPlaces, allPlaces),
    // docs/model.md §2.2: usable places (of the places located in the area) over the area's children needing the type.
    sufficiency_foster: ratio(usable.foster, needFoster),
    sufficiency_residential: ratio(usable.residential, needResidential),
    // Over the children needing a market placement, the unplaced included (docs/methodology.md
    // "Shares of children, not of placements"): a shortage never raises the share placed at home.
    placed_in_own_la_share: ratio(placedInOwnLa, placed + unplaced),
    placed_in_region_share: ratio(placedInRegion, placed + unplaced),
    placed_outside_wales: placedOutsideWales,
    unplaced,
    displaced,
    for_profit_placements: forProfitPlacements,
    mean_distance_km: weightedMean(distances),
    median_distance_km: weightedQuantile(distances, 0.5),
    p90_distance_km: weightedQuantile(distances, 0.9),
    new_placements: newPlacements,
    supplementary_placements: supplementary,
    cost_gbp: money(cost),
    usable_places_foster: usable.foster,
    usable_places_residential: usable.residential,
    usable_places_secure: usable.secure,
    // s.75A(3)(a)(ii): unplaced, with a for-profit provider anywhere, or LA / not-for-profit outside the region; the parts never overlap.
    not_local_nonprofit: unplaced + forProfitPlacements + nonprofitOutsideRegion,
    external_children: externalChildren,
    cost_foster_gbp: money(parts && parts.foster),
    cost_residential_gbp: money(parts && parts.residential),
    cost_secure_gbp: money(parts && parts.secure),
    cost_for_profit_gbp: money(parts && parts.forProfit),
    cost_outside_wales_gbp: money(parts && parts.outsideWales),
    cost_unplaced_gbp: money(parts && parts.unplaced),
    started_looked_after: started,
    ceased_looked_after: ceased,
    for_profit_share_foster: ratio(forProfitByType.foster, placedByType.foster),
    for_profit_share_residential: ratio(forProfitByType.residential, placedByType.residential),
    // The published definition: market children placed in their own LA and non-market children living there, over all children looked after.
    placed_in_own_la_share_all: ratio(placedInOwnLa + nonMarketAtHome, childrenLookedAfter),
    cost_one_off_gbp: money(oneOff),
  };
  return m;
}
