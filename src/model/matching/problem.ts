// Placement choice's problem (docs/model.md §4.3): one market type's origins (the LAs still seeking),
// its destinations (each host and sector with vacancies, outside Wales, UNPLACED) and the kernel
//
//   K_ℓj = V_j · exp(−β d_ℓj − ρ rank(s) + γ [h = ℓ])  (a host h, sector s in Wales)
//   K_ℓ,OUT = exp(α − β d_out(ℓ)),  K_ℓ,UNP = exp(−1000),
//
// with the statistics the calibration matches. The solver is scaling.ts; the placing, choice.ts.
import { compareCodes } from '../rounding.js';
import { EXTERNAL, OUTSIDE_WALES, SECTOR_RANK, type MarketType, type PlacementGroup, type ProviderPlaces, type Sector } from '../types.js';

/** α (outside pull), β (distance decay, per km) and γ (own-LA pull) of one market type. */
export interface ChoiceParams {
  alpha: number;
  beta: number;
  gamma: number;
}

export type DestinationKind = 'wales' | 'outside' | 'unplaced';

export interface ChoiceDestination {
  kind: DestinationKind;
  /** Host LA code (OUTSIDE_WALES / UNPLACED for the others). */
  host: string;
  /** Sector of a destination in Wales; null for the others. */
  sector: Sector | null;
  /** Vacancies, or Infinity when unlimited. */
  capacity: number;
  /** In the for-profit group that `fp_new_placements_end` caps. */
  forProfit: boolean;
  /** The providers with vacancies, in id order (destinations in Wales only). */
  providers: ProviderPlaces[];
}

/** One market type's problem: origins (LAs with seekers, code order) and destinations (key order). */
export interface ChoiceProblem {
  type: MarketType;
  las: string[];
  seekers: number[];
  destinations: ChoiceDestination[];
  /** km from origin i to destination j at i × destinations + j (0 for UNPLACED). */
  km: Float64Array;
  /** 1 where destination j is in origin i's own LA. */
  own: Uint8Array;
  /** Most children in the for-profit group, or null (no cap). */
  forProfitCap: number | null;
}

/** log K of the unplaced destination: there only when nothing else can take the child. */
export const UNPLACED_LOG_K = -1000;
const FLOOR_ABOVE_UNPLACED = 100;
/** The least log K of a real destination: e^100 times UNPLACED's, so no child is unplaced beside a vacancy. */
export const LEAST_REAL_LOG_K = UNPLACED_LOG_K + FLOOR_ABOVE_UNPLACED;

/** A destination's key among the year's problems of one type: host, sector, kind. */
export function destinationKey(d: ChoiceDestination): string {
  return `${d.kind}|${d.host}|${d.sector ?? ''}`;
}

/** True when two destinations have the same key (destinationKey), without making the strings. */
export function sameDestination(a: ChoiceDestination, b: ChoiceDestination): boolean {
  return a.kind === b.kind && a.host === b.host && a.sector === b.sector;
}

/**
 * log K_ℓj at ℓ × destinations + j (docs/model.md §4.3), as the year's parameters give it, written
 * into `out` when given (a solver's buffer, at least m × n long).
 */
export function logKernel(problem: ChoiceProblem, params: ChoiceParams, rho: number, out?: Float64Array): Float64Array {
  const { alpha, beta, gamma } = params;
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const logK = out ?? new Float64Array(m * n);
  const { km, own } = problem;
  const cells = m * n;
  // A destination at a time: its log V_j and ρ rank(s) once, not once a cell (the same numbers, in
  // the same sum), and no per-destination arrays to allocate.
  for (let j = 0; j < n; j++) {
    const d = dests[j];
    if (d.kind === 'wales') {
      const logV = Math.log(d.capacity);
      const sectorPull = rho * SECTOR_RANK[d.sector!];
      // A real destination never weighs less than e^100 times UNPLACED, however far or unattractive:
      // else a child could be left unplaced beside a vacancy (β × 400 km passes 1000 at β = 2.5).
      for (let k = j; k < cells; k += n) logK[k] = Math.max(logV - beta * km[k] - sectorPull + (own[k] ? gamma : 0), LEAST_REAL_LOG_K);
    } else if (d.kind === 'outside') {
      for (let k = j; k < cells; k += n) logK[k] = Math.max(alpha - beta * km[k], LEAST_REAL_LOG_K);
    } else {
      for (let k = j; k < cells; k += n) logK[k] = UNPLACED_LOG_K;
    }
  }
  return logK;
}


const KIND_ORDER: Readonly<Record<DestinationKind, number>> = { wales: 0, outside: 1, unplaced: 2 };

/** Sorts destinations in key order: hosts by code, then sector rank; outside Wales, then unplaced last. */
export function byDestinationKey(a: ChoiceDestination, b: ChoiceDestination): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compareCodes(a.host, b.host) ||
    (a.sector === null || b.sector === null ? 0 : SECTOR_RANK[a.sector] - SECTOR_RANK[b.sector])
  );
}

/** The type's problem from the LAs still seeking and the providers with vacancies (any order). */
export function buildChoiceProblem(
  type: MarketType,
  las: readonly string[],
  seekers: readonly number[],
  providers: readonly ProviderPlaces[],
  vacancyOf: (p: ProviderPlaces) => number,
  forProfitCap: number | null,
  outside: { allowed: boolean; cap: number | null },
  km: (la: string, host: string) => number,
): ChoiceProblem {
  // Each host's destinations by sector rank: no key strings made a provider.
  const cells = new Map<string, Array<ChoiceDestination | undefined>>();
  for (const p of providers) {
    const v = vacancyOf(p);
    if (v <= 0) continue;
    // A for-profit cap of 0 bars the sector: no destination rather than one held at 0.
    if (p.sector === 'fp' && forProfitCap !== null && forProfitCap <= 0) continue;
    let bySector = cells.get(p.host);
    if (!bySector) {
      bySector = [undefined, undefined, undefined];
      cells.set(p.host, bySector);
    }
    let d = bySector[SECTOR_RANK[p.sector]];
    if (!d) {
      d = { kind: 'wales', host: p.host, sector: p.sector, capacity: 0, forProfit: p.sector === 'fp' && forProfitCap !== null, providers: [] };
      bySector[SECTOR_RANK[p.sector]] = d;
    }
    d.capacity += v;
    d.providers.push(p);
  }
  // Key order (byDestinationKey) without a sort of the destinations: the hosts by code, each host's
  // sectors by rank, then outside Wales and unplaced.
  const hosts = [...cells.keys()].sort(compareCodes);
  const destinations: ChoiceDestination[] = [];
  for (const host of hosts) {
    for (const d of cells.get(host)!) {
      if (d === undefined) continue;
      // The state lists providers in key order (type, sector, host, id), so a destination's arrive
      // in id order: checked, and sorted only when they do not (a sort copies its array each call).
      if (!inIdOrder(d.providers)) d.providers.sort(byProviderId);
      destinations.push(d);
    }
  }
  if (outside.allowed && (outside.cap === null || outside.cap > 0)) {
    destinations.push({ kind: 'outside', host: 'OUTSIDE_WALES', sector: null, capacity: outside.cap ?? Infinity, forProfit: false, providers: [] });
  }
  destinations.push({ kind: 'unplaced', host: 'UNPLACED', sector: null, capacity: Infinity, forProfit: false, providers: [] });
  const m = las.length;
  const n = destinations.length;
  const kmArr = new Float64Array(m * n);
  const own = new Uint8Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const d = destinations[j];
      if (d.kind === 'unplaced') continue;
      // A host's sectors sit side by side in key order: the distance is asked once a host, not once a sector.
      const before = j > 0 ? destinations[j - 1] : null;
      kmArr[i * n + j] = before !== null && before.kind === d.kind && before.host === d.host ? kmArr[i * n + j - 1] : km(las[i], d.host);
      if (d.kind === 'wales' && d.host === las[i]) own[i * n + j] = 1;
    }
  }
  return { type, las: [...las], seekers: [...seekers], destinations, km: kmArr, own, forProfitCap: destinations.some((d) => d.forProfit) ? forProfitCap : null };
}

function byProviderId(a: ProviderPlaces, b: ProviderPlaces): number {
  return compareCodes(a.providerId, b.providerId);
}

/** True when no provider comes before the one ahead of it by id (so a stable sort by id keeps the order). */
function inIdOrder(providers: readonly ProviderPlaces[]): boolean {
  for (let k = 1; k < providers.length; k++) if (byProviderId(providers[k - 1], providers[k]) > 0) return false;
  return true;
}

/** The three statistics the calibration matches, of one type's children at the year's end. */
export interface ChoiceStatistics {
  outsideWales: number;
  placedInWales: number;
  /** Sum of km of the children placed in Wales. */
  walesKm: number;
  ownLa: number;
}

/** The statistics of the fractional flows alone (the calibration adds the continuing children's). */
export function flowStatistics(problem: ChoiceProblem, flows: Float64Array): ChoiceStatistics {
  const m = problem.las.length;
  const n = problem.destinations.length;
  const s: ChoiceStatistics = { outsideWales: 0, placedInWales: 0, walesKm: 0, ownLa: 0 };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const t = flows[i * n + j];
      const kind = problem.destinations[j].kind;
      if (kind === 'outside') s.outsideWales += t;
      else if (kind === 'wales') {
        s.placedInWales += t;
        s.walesKm += t * problem.km[i * n + j];
        if (problem.own[i * n + j]) s.ownLa += t;
      }
    }
  }
  return s;
}

/** The statistics of one type's children in placement groups (the base state's, or those continuing), the dataset's LAs only. */
export function groupStatistics(groups: Iterable<PlacementGroup>, type: MarketType, km: (la: string, host: string) => number): ChoiceStatistics {
  const s: ChoiceStatistics = { outsideWales: 0, placedInWales: 0, walesKm: 0, ownLa: 0 };
  for (const g of groups) {
    // Other authorities' children (EXTERNAL) hold places but are in no LA's statistics.
    if (g.placementType !== type || g.children === 0 || g.laCode === EXTERNAL) continue;
    if (g.host === OUTSIDE_WALES) {
      s.outsideWales += g.children;
      continue;
    }
    s.placedInWales += g.children;
    s.walesKm += g.children * km(g.laCode, g.host);
    if (g.host === g.laCode) s.ownLa += g.children;
  }
  return s;
}
