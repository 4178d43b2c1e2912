// Metrics of an area (an LA, a region, Wales) are built from its LAs' tallies: sums of counts, ratios
// of sums, and distances pooled over the area's children. Nothing is computed separately per level.
import { weightedMean, weightedQuantile } from './quantile.js';
import { compareCodes, roundHalfUp } from './rounding.js';
import {
  METRICS,
  type AreaLevel,
  type AreaYearRow,
  type CostParts,
  type Dataset,
  type LaYearTally,
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
 * Areas of a level in output order: the nation (level `wales` whatever the nation, SPEC.md 3.1);
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
 * Money in whole pounds (SPEC 2.1), rounded half up once the area's total is made: each part is
 * rounded on its own, so parts may miss their total by a pound or two (within rounding).
 */
const money = (v: number | null): number | null => (v === null ? null : roundHalfUp(v));

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function areaMetrics(year: YearResult, area: Area): Record<MetricName, number | null> {
  const inArea = new Set(area.laCodes);
  const tallies = year.tallies.filter((t) => inArea.has(t.laCode));
  const total = (f: (t: LaYearTally) => number): number => tallies.reduce((s, t) => s + f(t), 0);
  const flow = (f: (t: LaYearTally) => number | null): number | null => {
    let s = 0;
    for (const t of tallies) {
      const v = f(t);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  // A part of the cost exists exactly when the cost does (every group of the area has a price).
  const part = (f: (c: CostParts) => number): number | null => flow((t) => (t.costParts === null ? null : f(t.costParts)));
  const places = { foster: 0, residential: 0, secure: 0 };
  const usable = { foster: 0, residential: 0, secure: 0 };
  let forProfitPlaces = 0;
  let externalChildren = 0;
  for (const p of year.places) {
    if (!inArea.has(p.host)) continue;
    places[p.placementType] += p.places;
    usable[p.placementType] += p.usablePlaces;
    forProfitPlaces += p.forProfitPlaces;
    externalChildren += p.externalChildren;
  }
  const unplaced = total((t) => t.unplaced.foster + t.unplaced.residential + t.unplaced.secure);
  const allPlaces = places.foster + places.residential + places.secure;
  const needFoster = total((t) => t.need.foster);
  const needResidential = total((t) => t.need.residential);
  const placed = total((t) => t.marketPlaced);
  const pooled = new Map<number, number>();
  for (const t of tallies) for (const [km, n] of t.distances) pooled.set(km, (pooled.get(km) ?? 0) + n);
  const distances = [...pooled.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);

  const m: Record<MetricName, number | null> = {
    children_looked_after: total((t) => t.childrenLookedAfter),
    need_foster: needFoster,
    need_residential: needResidential,
    need_secure: total((t) => t.need.secure),
    places_foster: places.foster,
    places_residential: places.residential,
    places_secure: places.secure,
    places_for_profit_share: ratio(forProfitPlaces, allPlaces),
    // SPEC 2.2: usable places (of the places located in the area) over the area's children needing the type.
    sufficiency_foster: ratio(usable.foster, needFoster),
    sufficiency_residential: ratio(usable.residential, needResidential),
    placed_in_own_la_share: ratio(total((t) => t.placedInOwnLa), placed),
    placed_in_region_share: ratio(total((t) => t.placedInRegion), placed),
    placed_outside_wales: total((t) => t.placedOutsideWales),
    unplaced,
    displaced: flow((t) => t.displaced),
    for_profit_placements: total((t) => t.forProfitPlacements),
    mean_distance_km: weightedMean(distances),
    median_distance_km: weightedQuantile(distances, 0.5),
    p90_distance_km: weightedQuantile(distances, 0.9),
    new_placements: flow((t) => t.newPlacements),
    supplementary_placements: flow((t) => t.supplementaryPlacements),
    cost_gbp: money(flow((t) => t.costGbp)),
    usable_places_foster: usable.foster,
    usable_places_residential: usable.residential,
    usable_places_secure: usable.secure,
    // s.75A(3)(a)(ii): unplaced, with a for-profit provider anywhere, or LA / not-for-profit outside the region; the parts never overlap.
    not_local_nonprofit: unplaced + total((t) => t.forProfitPlacements) + total((t) => t.nonprofitOutsideRegion),
    external_children: externalChildren,
    cost_foster_gbp: money(part((c) => c.foster)),
    cost_residential_gbp: money(part((c) => c.residential)),
    cost_secure_gbp: money(part((c) => c.secure)),
    cost_for_profit_gbp: money(part((c) => c.forProfit)),
    cost_outside_wales_gbp: money(part((c) => c.outsideWales)),
    cost_unplaced_gbp: money(part((c) => c.unplaced)),
    started_looked_after: flow((t) => t.startedLookedAfter),
    ceased_looked_after: flow((t) => t.ceasedLookedAfter),
  };
  return Object.fromEntries(METRICS.map((k) => [k, m[k]])) as Record<MetricName, number | null>;
}
