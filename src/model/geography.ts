// The geography of a projection (docs/model.md §4.2): the dataset's LAs in code order, the distance
// of every pair once, and each LA's hosts nearest first, for the matching and the year-end tallies.
// The LAs' distances are made once a dataset; the outside-Wales ones once a run, and again only in a
// year where the outside-Wales distance (a dated parameter) changes.
import { haversineKm, withinLaKm } from './distance.js';
import type { Geography } from './matching/tiers.js';
import { compareCodes, roundHalfUp } from './rounding.js';
import { valueAt } from './timeline.js';
import { OUTSIDE_WALES, type Dataset, type ModelScenario } from './types.js';

/**
 * The distances between a dataset's LAs, which no scenario changes: worked out once, by prepareRuns
 * for all its runs (or by each projection), and only read after.
 */
export interface LaDistances {
  readonly dataset: Dataset;
  /** The dataset's LAs in code order. */
  readonly laCodes: readonly string[];
  readonly regions: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** km and whole metres from LA i to host LA j at i × LAs + j. */
  readonly kmMatrix: Float64Array;
  readonly metresMatrix: Float64Array;
  /** Row i (LAs long): host LA indices by km from LA i, then index. */
  readonly hostOrder: Int32Array;
  /** Whether LA i's row of hostOrder is there (no distance of the row is NaN). */
  readonly hostOrdered: readonly boolean[];
}

export function laDistances(dataset: Dataset): LaDistances {
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
  const hostOrder = new Int32Array(n * n);
  const hostOrdered = las.map((_, i) => {
    const row = (j: number): number => kmMatrix[i * n + j];
    const idx = Array.from({ length: n }, (_, j) => j);
    if (idx.some((j) => Number.isNaN(row(j)))) return false;
    idx.sort((a, b) => row(a) - row(b) || a - b);
    hostOrder.set(idx, i * n);
    return true;
  });
  return { dataset, laCodes: las.map((l) => l.code), regions: las.map((l) => l.region), index, kmMatrix, metresMatrix, hostOrder, hostOrdered };
}

/** The geography of a year: the dataset's distances (laDistances, when prepared for this dataset) and the outside-Wales ones in force. */
export function makeGeography(dataset: Dataset, scenario: ModelScenario, year: number, prepared?: LaDistances): Geography & TallyGeography {
  const d = prepared !== undefined && prepared.dataset === dataset ? prepared : laDistances(dataset);
  const { index, kmMatrix, metresMatrix, regions } = d;
  const n = d.laCodes.length;
  const ow = scenario.outsideWales;
  const outsideOf = (la: string): number => valueAt(ow.distanceKmByLa[la] ?? ow.distanceKm, year);
  const outsideKm = d.laCodes.map(outsideOf);
  // The matching asks for one LA's distances to many hosts in a row: its row and its outside-Wales
  // distance are found once for the run of calls (the geography's own, one per projection).
  let lastLa: string | null = null;
  let lastRow = 0;
  let lastOutside = 0;
  const km = (la: string, host: string): number => {
    if (la !== lastLa) {
      const i = index.get(la);
      lastRow = i === undefined ? NaN : i * n;
      lastOutside = i === undefined ? outsideOf(la) : outsideKm[i];
      lastLa = la;
    }
    return host === OUTSIDE_WALES ? lastOutside : kmMatrix[lastRow + index.get(host)!];
  };
  const { kmOrder, kmOrdered } = withOutside(d, outsideKm);
  return {
    laCodes: d.laCodes,
    regionOf: (la) => regions[index.get(la) ?? -1] ?? '',
    metres: (la, host) => metresMatrix[index.get(la)! * n + index.get(host)!],
    km,
    index,
    metresMatrix,
    regions,
    kmMatrix,
    outsideKm,
    kmOrder,
    kmOrdered,
  };
}

/**
 * Each LA's hosts (and outside Wales as host LAs) nearest first, ties by index: the hosts' order
 * with outside Wales put after every host no farther, as sorting all of them by km, then index, puts
 * it (its index is the last). Tallies list distances in that order without sorting. Rows with a NaN
 * distance keep the general path.
 */
function withOutside(d: LaDistances, outsideKm: readonly number[]): { kmOrder: Int32Array; kmOrdered: boolean[] } {
  const n = d.laCodes.length;
  const kmOrder = new Int32Array(n * (n + 1));
  const kmOrdered = d.laCodes.map((_, i) => {
    const out = outsideKm[i];
    if (!d.hostOrdered[i] || Number.isNaN(out)) return false;
    let q = 0;
    for (let k = 0; k < n; k++) {
      const j = d.hostOrder[i * n + k];
      if (q === k && !(d.kmMatrix[i * n + j] <= out)) kmOrder[i * (n + 1) + q++] = n;
      kmOrder[i * (n + 1) + q++] = j;
    }
    if (q === n) kmOrder[i * (n + 1) + n] = n;
    return true;
  });
  return { kmOrder, kmOrdered };
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
