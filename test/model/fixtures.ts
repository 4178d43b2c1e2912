// Small hand-made datasets and scenarios for the model's tests. Numbers are chosen so that every
// expected figure can be worked out by hand in the test's comments.
import { regionsOf } from '../../src/io/dataset.js';
import { WALES } from '../../src/common/wales-las.js';
import type { Dataset, LocalAuthority, ModelScenario, Timeline } from '../../src/model/types.js';

export const tl = (initial: number, steps: Array<[number, number]> = []): Timeline => ({ initial, steps });

/** Three LAs: A and B in region r1 (A at the origin, B 1 degree of latitude north), C in r2 further north. */
export const LAS: LocalAuthority[] = [
  { code: 'A', nameEn: 'Aton', nameCy: 'Aton', region: 'north-wales', lat: 52, lon: -3, areaKm2: 100 * Math.PI },
  { code: 'B', nameEn: 'Bton', nameCy: 'Bton', region: 'north-wales', lat: 53, lon: -3, areaKm2: 400 * Math.PI },
  { code: 'C', nameEn: 'Cton', nameCy: 'Cton', region: 'powys', lat: 54, lon: -3, areaKm2: 900 * Math.PI },
];

export function dataset(over: Partial<Dataset> = {}): Dataset {
  const localAuthorities = over.localAuthorities ?? LAS;
  return {
    localAuthorities,
    placements: [],
    providers: [],
    demandHistory: [],
    strategies: [],
    costs: null,
    baseYear: 2024,
    regions: geographyOf(localAuthorities),
    nation: WALES,
    ...over,
  };
}

/** The regions of a hand-made list of LAs, each named by its slug, in the loader's order. */
export function geographyOf(las: readonly LocalAuthority[]): Dataset['regions'] {
  return regionsOf(las.map((l) => ({ code: l.code, slug: l.region, name: l.region })));
}

/** A scenario with nothing moving: no demand change, no turnover, full occupancy, no policy. */
export function scenario(over: Partial<ModelScenario> = {}): ModelScenario {
  return {
    name: 'test',
    horizonTo: 2024,
    demand: { method: 'change', rate: tl(0), rateByLa: {} },
    mixShift: [],
    turnover: { foster: tl(0), residential: tl(0), secure: tl(0) },
    occupancy: { foster: tl(1), residential: tl(1), secure: tl(1) },
    policy: { fpGrowthFrozenFrom: null, approvalRequiredFrom: null, fpNewPlacementsEnd: null, exceptionsShare: tl(0) },
    transitions: [],
    fosterWales: { netNewPlaces: tl(0), transfersFromFp: tl(0) },
    regionalResidential: [],
    outsideWales: { allowed: true, places: null, distanceKm: tl(150), distanceKmByLa: {}, sector: 'fp' },
    inflation: tl(0),
    deflator: tl(0),
    unplacedWeeklyCostGbp: null,
    ...over,
  };
}

export function demand(la: string, children: number, year = 2024): Dataset['demandHistory'][number] {
  return { laCode: la, asAt: `${year}-03-31`, year, children };
}

import type { PlacementRow, ProviderRow, Projection, Sector, MarketType } from '../../src/model/types.js';

/** A market placement row; `provider` pins the children to one provider. */
export function placed(la: string, type: MarketType, sector: Sector, host: string, children: number, provider: string | null = null): PlacementRow {
  return { laCode: la, placementType: type, sector, host, children, providerId: provider };
}

export function provider(id: string, sector: Sector, host: string, type: MarketType, places: number): ProviderRow {
  return { providerId: id, providerName: id, sector, host, placementType: type, places };
}

/** Places of a provider at the end of year t (0 if it does not exist). */
export function placesOf(p: Projection, t: number, id: string): number {
  const y = p.years.find((r) => r.year === t)!;
  return y.providers.filter((x) => x.providerId === id).reduce((s, x) => s + x.places, 0);
}

/** Children of an LA held by each provider at the end of year t, as "provider:children" strings. */
export function heldBy(p: Projection, t: number, la: string): string[] {
  const y = p.years.find((r) => r.year === t)!;
  return y.groups.filter((g) => g.laCode === la).map((g) => `${g.providerId}:${g.children}`);
}

export function tally(p: Projection, t: number, la: string) {
  return p.years.find((r) => r.year === t)!.tallies.find((x) => x.laCode === la)!;
}
