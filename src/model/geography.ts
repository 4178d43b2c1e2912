// The geography of a projection (docs/model.md §4.2): the dataset's LAs in code order, the distance
// of every pair once, and each LA's hosts nearest first, for the matching and the year-end tallies.
// Made once a run, and again only in a year where the outside-Wales distance (a dated parameter) changes.
import { haversineKm, withinLaKm } from './distance.js';
import type { Geography } from './matching/tiers.js';
import { compareCodes, roundHalfUp } from './rounding.js';
import { valueAt } from './timeline.js';
import { OUTSIDE_WALES, type Dataset, type ModelScenario } from './types.js';

export function makeGeography(dataset: Dataset, scenario: ModelScenario, year: number): Geography & TallyGeography {
  const las = [...dataset.localAuthorities].sort((a, b) => compareCodes(a.code, b.code));
  const index = new Map(las.map((l, i) => [l.code, i]));
  const n = las.length;
  // Every pair once: the matching asks for these distances many times a year.
  const kmMatrix = new Float64Array(n * n);
  const metresMatrix = new Float64Array(n * n);
  las.forEach((a, i) =>
    las.forEach((b, j) => {
      const d = i === j ? withinLaKm(a.areaKm2) : haversineKm(a.lat, a.lon, b.lat, b.lon);
      kmMatrix[i * n + j] = d;
      metresMatrix[i * n + j] = roundHalfUp(d * 1000);
    }),
  );
  const ow = scenario.outsideWales;
  const km = (la: string, host: string): number =>
    host === OUTSIDE_WALES ? valueAt(ow.distanceKmByLa[la] ?? ow.distanceKm, year) : kmMatrix[index.get(la)! * n + index.get(host)!];
  const outsideKm = las.map((l) => km(l.code, OUTSIDE_WALES));
  // Each LA's hosts (and, last, outside Wales) nearest first, ties by index: tallies list distances
  // in that order without sorting. Rows with a NaN distance keep the general path.
  const kmOrder = new Int32Array(n * (n + 1));
  const kmOrdered = las.map((_, i) => {
    const row = (j: number): number => (j === n ? outsideKm[i] : kmMatrix[i * n + j]);
    const idx = Array.from({ length: n + 1 }, (_, j) => j);
    if (idx.some((j) => Number.isNaN(row(j)))) return false;
    idx.sort((a, b) => row(a) - row(b) || a - b);
    kmOrder.set(idx, i * (n + 1));
    return true;
  });
  return {
    laCodes: las.map((l) => l.code),
    regionOf: (la) => las[index.get(la) ?? -1]?.region ?? '',
    metres: (la, host) => metresMatrix[index.get(la)! * n + index.get(host)!],
    km,
    index,
    metresMatrix,
    regions: las.map((l) => l.region),
    kmMatrix,
    outsideKm,
    kmOrder,
    kmOrdered,
  };
}

/** What the year-end tallies read, by LA index (code order), so that no group costs a string lookup. */
export interface TallyGeography {
  /** km(la, host) for any host, OUTSIDE_WALES included. */
  km(la: string, host: string): number;
  index: ReadonlyMap<string, number>;
  regions: readonly string[];
  /** km from LA i to host LA j at i × LAs + j. */
  kmMatrix: Float64Array;
  /** km from each LA to a placement outside Wales. */
  outsideKm: readonly number[];
  /** Row i (LAs + 1 long): host indices, outside Wales as LAs, by km from LA i, then index. */
  kmOrder: Int32Array;
  /** Whether LA i's row of kmOrder is there (no distance of the row is NaN). */
  kmOrdered: readonly boolean[];
}
