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
  MARKET_TYPES,
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
  const areas = areasOf(dataset, level);
  const inAreas = areas.map((a) => new Set(a.laCodes));
  // Each year's places by host, added up once for all the areas.
  const places = projection.years.map((y) => placesByHost(y.places));
  for (let a = 0; a < areas.length; a++) {
    const area = areas[a];
    for (let y = 0; y < projection.years.length; y++) {
      const year = projection.years[y];
      rows.push({
        scenario: projection.scenario,
        level,
        areaCode: area.code,
        areaName: area.name,
        year: year.year,
        asAt: year.asAt,
        metrics: metricsIn(year, inAreas[a], placesIn(places[y], inAreas[a])),
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

const noPlaces = (): PlacesInArea => ({ places: { foster: 0, residential: 0, secure: 0 }, usable: { foster: 0, residential: 0, secure: 0 }, forProfitPlaces: 0, externalChildren: 0 });

/** The year's places by host (every figure a whole count, so any order of adding gives the same sums). */
function placesByHost(rows: readonly HostYearPlaces[]): Map<string, PlacesInArea> {
  const byHost = new Map<string, PlacesInArea>();
  for (const p of rows) {
    let at = byHost.get(p.host);
    if (at === undefined) {
      at = noPlaces();
      byHost.set(p.host, at);
    }
    at.places[p.placementType] += p.places;
    at.usable[p.placementType] += p.usablePlaces;
    at.forProfitPlaces += p.forProfitPlaces;
    at.externalChildren += p.externalChildren;
  }
  return byHost;
}

/** The places at the area's hosts. */
function placesIn(byHost: ReadonlyMap<string, PlacesInArea>, inArea: ReadonlySet<string>): PlacesInArea {
  const sum = noPlaces();
  for (const host of inArea) {
    const at = byHost.get(host);
    if (at === undefined) continue;
    for (const type of MARKET_TYPES) {
      sum.places[type] += at.places[type];
      sum.usable[type] += at.usable[type];
    }
    sum.forProfitPlaces += at.forProfitPlaces;
    sum.externalChildren += at.externalChildren;
  }
  return sum;
}

/**
 * The children of the area's LAs by distance, nearest first, each distance once: what pooling them in
 * a map by km and sorting its entries gives. Each LA's own list is in that order already (tallyLa
 * pools and orders it), so when each rises strictly one LA's is the answer and several are merged.
 */
function pooledDistances(year: YearResult, inArea: ReadonlySet<string>): Array<readonly [number, number]> {
  const lists: Array<ReadonlyArray<readonly [number, number]>> = [];
  let rising = true;
  for (const t of year.tallies) {
    if (!inArea.has(t.laCode)) continue;
    lists.push(t.distances);
    if (!strictlyRising(t.distances)) rising = false;
  }
  if (rising) return lists.length === 1 ? lists[0].filter(([, n]) => n > 0) : mergeRising(lists);
  const pooled = new Map<number, number>();
  for (const d of lists) for (const [km, n] of d) pooled.set(km, (pooled.get(km) ?? 0) + n);
  return [...pooled.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
}

/**
 * Lists each rising strictly by km merged into one, nearest first: children at the same km (any
 * list) added up in the lists' order, a distance with none left out. Worked: [[2, 1], [5, 3]] and
 * [[2, 2], [4, 1]] → [[2, 3], [4, 1], [5, 3]].
 */
export function mergeRising(lists: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Array<[number, number]> {
  const at = new Int32Array(lists.length);
  const out: Array<[number, number]> = [];
  for (;;) {
    let km = 0;
    let found = false;
    for (let i = 0; i < lists.length; i++) {
      if (at[i] < lists[i].length && (!found || lists[i][at[i]][0] < km)) {
        km = lists[i][at[i]][0];
        found = true;
      }
    }
    if (!found) return out;
    let n = 0;
    for (let i = 0; i < lists.length; i++) {
      if (at[i] < lists[i].length && lists[i][at[i]][0] === km) n += lists[i][at[i]++][1];
    }
    if (n > 0) out.push([km, n]);
  }
}

/** Whether each distance is greater than the one before (no NaN, no repeat): what sorting a map's entries gives. */
function strictlyRising(d: ReadonlyArray<readonly [number, number]>): boolean {
  for (let i = 1; i < d.length; i++) if (!(d[i][0] > d[i - 1][0])) return false;
  return d.length === 0 || !Number.isNaN(d[0][0]);
}

export function areaMetrics(year: YearResult, area: Area): Record<MetricName, number | null> {
  const inArea = new Set(area.laCodes);
  return metricsIn(year, inArea, placesIn(placesByHost(year.places), inArea));
}

function metricsIn(year: YearResult, inArea: ReadonlySet<string>, inPlaces: PlacesInArea): Record<MetricName, number | null> {
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
  }
  const { places, usable, forProfitPlaces, externalChildren } = inPlaces;
  const allPlaces = places.foster + places.residential + places.secure;
  const distances = pooledDistances(year, inArea);
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
