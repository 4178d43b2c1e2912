// Random small datasets and scenarios for the model's property tests. Everything a validated dataset
import { geographyOf } from '../model/fixtures.js';
// can hold appears: all eight placement types (non-market ones with no sector or host), placements
// outside Wales, placements pinned to a provider or shared over a host's providers, over-full hosts
// (a validation warning only), strategies, costs for every combination; and every scenario lever.
import fc from 'fast-check';
import { WALES } from '../../src/common/wales-las.js';
import { constant } from '../../src/model/timeline.js';
import {
  MARKET_TYPES,
  OUTSIDE_WALES,
  PLACEMENT_TYPES,
  SECTORS,
  type CostRow,
  type Dataset,
  type DemandPoint,
  type ExternalPlacementRow,
  type LocalAuthority,
  type MarketType,
  type ModelScenario,
  type PlacementType,
  type PlacementRow,
  type ProviderRow,
  type RegionalHome,
  type Sector,
  type StrategyRow,
  type Timeline,
  type Transition,
} from '../../src/model/types.js';

export const B = 2024;

/** A fixed list of LAs with real centroids and areas; two regions hold several, so regions matter. */
export const ALL_LAS: LocalAuthority[] = [
  { code: 'W06000001', nameEn: 'Isle of Anglesey', nameCy: 'Ynys Môn', region: 'north-wales', lat: 53.279, lon: -4.341, areaKm2: 711 },
  { code: 'W06000002', nameEn: 'Gwynedd', nameCy: 'Gwynedd', region: 'north-wales', lat: 52.899, lon: -3.935, areaKm2: 2535 },
  { code: 'W06000003', nameEn: 'Conwy', nameCy: 'Conwy', region: 'north-wales', lat: 53.142, lon: -3.76, areaKm2: 1126 },
  { code: 'W06000011', nameEn: 'Swansea', nameCy: 'Abertawe', region: 'west-glamorgan', lat: 51.656, lon: -4.024, areaKm2: 380 },
  { code: 'W06000014', nameEn: 'Vale of Glamorgan', nameCy: 'Bro Morgannwg', region: 'cardiff-and-vale', lat: 51.436, lon: -3.397, areaKm2: 331 },
  { code: 'W06000015', nameEn: 'Cardiff', nameCy: 'Caerdydd', region: 'cardiff-and-vale', lat: 51.499, lon: -3.214, areaKm2: 141 },
  { code: 'W06000023', nameEn: 'Powys', nameCy: 'Powys', region: 'powys', lat: 52.348, lon: -3.43, areaKm2: 5181 },
];

const PROVIDER_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];

/** Shares in twentieths: exact ties in largest-remainder rounding are common this way. */
const share = (max = 1): fc.Arbitrary<number> => fc.integer({ min: 0, max: Math.round(max * 20) }).map((k) => k / 20);

/** A dated parameter: an initial value and up to two steps in the projection's years. */
export function timeline(value: fc.Arbitrary<number>, lastYear = B + 3): fc.Arbitrary<Timeline> {
  return fc
    .record({
      initial: value,
      steps: fc.uniqueArray(fc.tuple(fc.integer({ min: B, max: lastYear }), value), { maxLength: 2, selector: (s) => s[0] }),
    })
    .map(({ initial, steps }) => ({ initial, steps: [...steps].sort((a, b) => a[0] - b[0]) }));
}

const marketType = fc.constantFrom<MarketType>(...MARKET_TYPES);
/** Any of the eight types, market types three times as often. */
const anyType = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<PlacementType>(...MARKET_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom<PlacementType>(...PLACEMENT_TYPES.filter((t) => !MARKET_TYPES.includes(t as MarketType))) },
);
/** Null three times in four: a transition's optional filters. */
const mostlyNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const sector = fc.constantFrom<Sector>(...SECTORS);

export function providerRow(codes: readonly string[], sectorOf: Record<string, Sector>): fc.Arbitrary<ProviderRow> {
  return fc
    .record({
      id: fc.constantFrom(...PROVIDER_IDS),
      host: fc.constantFrom(...codes),
      type: marketType,
      places: fc.integer({ min: 0, max: 8 }),
    })
    .map(({ id, host, type, places }) => ({ providerId: id, providerName: `Provider ${id}`, sector: sectorOf[id], host, placementType: type, places }));
}

function datasetFor(las: LocalAuthority[]): fc.Arbitrary<Dataset> {
  const codes = las.map((l) => l.code);
  return fc
    .record({
      sectorOf: fc.tuple(...PROVIDER_IDS.map(() => sector)).map((s) => Object.fromEntries(PROVIDER_IDS.map((id, i) => [id, s[i]])) as Record<string, Sector>),
      rawPlacements: fc.uniqueArray(
        fc.record({
          la: fc.constantFrom(...codes),
          type: anyType,
          sector,
          host: fc.constantFrom(...codes, OUTSIDE_WALES),
          children: fc.integer({ min: 0, max: 5 }),
          pin: fc.boolean(),
        }),
        { maxLength: 16, selector: (r) => `${r.la}|${r.type}|${r.sector}|${r.host}` },
      ),
      history: fc.array(fc.record({ la: fc.constantFrom(...codes), year: fc.integer({ min: B - 5, max: B - 1 }), children: fc.integer({ min: 0, max: 40 }) }), { maxLength: 10 }),
      strategies: fc.uniqueArray(
        fc.record({
          laCode: fc.constantFrom(...codes),
          year: fc.integer({ min: B, max: B + 3 }),
          action: fc.constantFrom('open' as const, 'close' as const, 'recruit' as const),
          placementType: marketType,
          sector,
          places: fc.integer({ min: 1, max: 4 }),
          host: fc.option(fc.constantFrom(...codes), { nil: null }),
        }),
        { maxLength: 4, selector: (s) => `${s.laCode}|${s.year}|${s.action}|${s.placementType}|${s.sector}|${s.host ?? s.laCode}` },
      ),
      rawExternals: fc.uniqueArray(
        fc.record({ host: fc.constantFrom(...codes), type: marketType, sector, children: fc.integer({ min: 0, max: 4 }), pin: fc.boolean() }),
        { maxLength: 4, selector: (r) => `${r.host}|${r.type}|${r.sector}` },
      ),
      costs: fc.option(
        fc.tuple(...Array.from({ length: 18 }, () => fc.record({ weekly: fc.integer({ min: 100, max: 9000 }), priceYear: fc.integer({ min: B - 2, max: B }) }))),
        { nil: null, freq: 6 },
      ),
    })
    .chain((r) =>
      fc
        .uniqueArray(providerRow(codes, r.sectorOf), { maxLength: 10, selector: (p) => `${p.providerId}|${p.host}|${p.placementType}` })
        .map((providers): Dataset => {
          const placements: PlacementRow[] = r.rawPlacements.map((p) => {
            if (!MARKET_TYPES.includes(p.type as MarketType)) {
              return { laCode: p.la, placementType: p.type, sector: null, host: null, children: p.children, providerId: null };
            }
            // Pinned rows name a provider of that host and type (taking its sector), when there is one.
            const named = p.pin && p.host !== OUTSIDE_WALES ? providers.find((q) => q.host === p.host && q.placementType === p.type) : undefined;
            return {
              laCode: p.la,
              placementType: p.type,
              sector: named ? named.sector : p.sector,
              host: p.host,
              children: p.children,
              providerId: named ? named.providerId : null,
            };
          });
          // Market rows must be unique on (la, type, sector, host, provider) once pins resolve.
          const seen = new Set<string>();
          const unique = placements.filter((p) => {
            const k = `${p.laCode}|${p.placementType}|${p.sector}|${p.host}|${p.providerId}`;
            if (seen.has(k)) return false;
            seen.add(k);
            return true;
          });
          // demand_history agrees with the base placements exactly; earlier years are random.
          const demandHistory: DemandPoint[] = codes.map((la) => ({
            laCode: la,
            asAt: `${B}-03-31`,
            year: B,
            children: unique.filter((p) => p.laCode === la).reduce((s, p) => s + p.children, 0),
          }));
          const years = new Set<string>();
          for (const h of r.history) {
            if (years.has(`${h.la}|${h.year}`)) continue;
            years.add(`${h.la}|${h.year}`);
            demandHistory.push({ laCode: h.la, asAt: `${h.year}-03-31`, year: h.year, children: h.children });
          }
          const strategies: StrategyRow[] = r.strategies.map((s) => ({ ...s, host: s.host ?? s.laCode }));
          let costs: CostRow[] | null = null;
          if (r.costs !== null) {
            const c = r.costs;
            costs = [];
            let i = 0;
            for (const placementType of MARKET_TYPES)
              for (const sec of SECTORS)
                for (const location of ['in_wales', 'outside_wales'] as const) {
                  costs.push({ placementType, sector: sec, location, weeklyCostGbp: c[i].weekly, priceYear: c[i].priceYear });
                  i++;
                }
          }
          // Other authorities' children (docs/model.md §4.3), pinned or shared like placements; unique once pins resolve.
          const externalKeys = new Set<string>();
          const externalPlacements: ExternalPlacementRow[] = r.rawExternals
            .map((e): ExternalPlacementRow => {
              const named = e.pin ? providers.find((q) => q.host === e.host && q.placementType === e.type) : undefined;
              return { host: e.host, placementType: e.type, sector: named ? named.sector : e.sector, children: e.children, providerId: named ? named.providerId : null, placingAuthority: null };
            })
            .filter((e) => {
              const k = `${e.host}|${e.placementType}|${e.sector}|${e.providerId}`;
              if (externalKeys.has(k)) return false;
              externalKeys.add(k);
              return true;
            });
          return { localAuthorities: las, placements: unique, providers, demandHistory, strategies, costs, externalPlacements, baseYear: B, regions: geographyOf(las), nation: WALES };
        }),
    );
}

/** 2–5 of the fixed LAs, then a dataset over them. */
export const datasetArb: fc.Arbitrary<Dataset> = fc.subarray(ALL_LAS, { minLength: 2, maxLength: 5 }).chain(datasetFor);

function transition(codes: readonly string[], regions: readonly string[], horizon: number): fc.Arbitrary<Transition> {
  return fc
    .record({
      year: fc.integer({ min: B, max: horizon }),
      sector: fc.option(sector, { nil: null }),
      placementType: fc.option(marketType, { nil: null }),
      region: mostlyNull(fc.constantFrom(...regions)),
      host: mostlyNull(fc.constantFrom(...codes)),
      providerId: mostlyNull(fc.constantFrom(...PROVIDER_IDS)),
      exit: share(),
      convertPart: share(),
    })
    .map(({ convertPart, ...t }) => {
      // exit + convert <= 1; only for-profit places convert, so convert only with sector fp or none
      const convertible = t.sector === null || t.sector === 'fp';
      const convert = convertible ? Math.round(convertPart * (1 - t.exit) * 20) / 20 : 0;
      return { ...t, convert: Math.min(convert, 1 - t.exit) };
    });
}

export function scenarioFor(dataset: Dataset): fc.Arbitrary<ModelScenario> {
  const las = dataset.localAuthorities;
  const codes = las.map((l) => l.code);
  const regions = [...new Set(las.map((l) => l.region))];
  return fc.integer({ min: B, max: B + 3 }).chain((horizon) =>
    fc
      .record({
        demand: fc.oneof(
          fc.record({
            method: fc.constant('change' as const),
            rate: timeline(fc.integer({ min: -15, max: 30 }).map((k) => k / 100), horizon),
            rateByLa: fc.dictionary(fc.constantFrom(...codes), timeline(fc.integer({ min: -20, max: 40 }).map((k) => k / 100), horizon), { maxKeys: 2 }),
          }),
          fc.record({ method: fc.constant('trend' as const), trendYears: fc.integer({ min: 1, max: 5 }), damping: fc.constantFrom(1, 0.9, 0.8), reconcile: fc.constantFrom('none' as const, 'nation' as const) }),
        ),
        mixShift: fc.array(
          fc.record({
            from: fc.constantFrom('residential' as const, 'foster' as const, 'kinship' as const),
            to: fc.constantFrom('foster' as const, 'secure' as const, 'other' as const),
            share: timeline(share(0.3), horizon),
          }),
          { maxLength: 1 },
        ),
        turnover: fc.record({ foster: timeline(share(0.6), horizon), residential: timeline(share(0.6), horizon), secure: timeline(share(1), horizon) }),
        occupancy: fc.record({
          foster: timeline(fc.integer({ min: 10, max: 20 }).map((k) => k / 20), horizon),
          residential: timeline(fc.integer({ min: 10, max: 20 }).map((k) => k / 20), horizon),
          secure: timeline(fc.integer({ min: 10, max: 20 }).map((k) => k / 20), horizon),
        }),
        policy: fc.record({
          fpGrowthFrozenFrom: fc.option(fc.integer({ min: B, max: B + 3 }), { nil: null }),
          approvalRequiredFrom: fc.option(fc.integer({ min: B, max: B + 3 }), { nil: null }),
          fpNewPlacementsEnd: fc.option(fc.integer({ min: B, max: B + 3 }), { nil: null }),
          exceptionsShare: timeline(share(0.5), horizon),
        }),
        transitions: fc.array(transition(codes, regions, horizon), { maxLength: 4 }),
        fosterWales: fc.record({
          netNewPlaces: timeline(fc.integer({ min: -6, max: 8 }), horizon),
          transfersFromFp: timeline(share(0.5), horizon),
        }),
        regionalResidential: fc.array(
          fc.record({ la: fc.constantFrom(...las), year: fc.integer({ min: B, max: horizon }), places: fc.integer({ min: 1, max: 4 }), reserved: fc.boolean(), type: marketType, sector }),
          { maxLength: 2 },
        ),
        outsideWales: fc.record({
          allowed: fc.boolean(),
          places: fc.option(timeline(fc.integer({ min: 0, max: 5 }), horizon), { nil: null }),
          distanceKm: fc.integer({ min: 0, max: 300 }).map(constant),
          distanceKmByLa: fc.dictionary(fc.constantFrom(...codes), fc.integer({ min: 20, max: 400 }).map(constant), { maxKeys: 2 }),
          sector,
        }),
        inflation: timeline(fc.integer({ min: 0, max: 10 }).map((k) => k / 100), horizon),
        // docs/model.md §4.3's options, each on half the time
        occupancyBySector: fc.option(
          fc.dictionary(marketType, fc.dictionary(sector, timeline(fc.integer({ min: 10, max: 20 }).map((k) => k / 20), horizon), { maxKeys: 2 }), { maxKeys: 2 }),
          { nil: undefined },
        ),
        usablePlaces: fc.constantFrom('occupancy' as const, 'held' as const),
        transitionUnit: fc.constantFrom('places' as const, 'services' as const),
        unitOverride: fc.array(fc.constantFrom(null, 'places' as const, 'services' as const), { minLength: 4, maxLength: 4 }),
        externalDemandRate: timeline(fc.integer({ min: -20, max: 40 }).map((k) => k / 100), horizon),
        orderSeed: fc.integer({ min: 1, max: 1000 }),
        unplacedWeeklyCostGbp: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
      })
      .map(
        (r): ModelScenario => ({
          name: 'prop',
          horizonTo: horizon,
          demand: r.demand,
          mixShift: r.mixShift,
          turnover: r.turnover,
          occupancy: r.occupancy,
          policy: r.policy,
          transitions: r.transitions.map((t, i) => ({ ...t, unit: r.unitOverride[i] })),
          occupancyBySector: r.occupancyBySector as ModelScenario['occupancyBySector'],
          usablePlaces: r.usablePlaces,
          transitionUnit: r.transitionUnit,
          externalDemandRate: r.externalDemandRate,
          orderStreams: { seed: r.orderSeed, run: 0 },
          fosterWales: r.fosterWales,
          // one home per region and host and year: the regional provider's id is per region and host
          regionalResidential: r.regionalResidential.map(
            (h): RegionalHome => ({ region: h.la.region, host: h.la.code, year: h.year, places: h.places, sector: h.sector, placementType: h.type, reservedForRegion: h.reserved }),
          ),
          outsideWales: r.outsideWales,
          inflation: r.inflation,
          deflator: r.inflation,
          unplacedWeeklyCostGbp: r.unplacedWeeklyCostGbp === null ? null : constant(r.unplacedWeeklyCostGbp),
        }),
      ),
  );
}

/** A dataset and a scenario made for it. */
export const modelInput: fc.Arbitrary<{ dataset: Dataset; scenario: ModelScenario }> = datasetArb.chain((dataset) =>
  scenarioFor(dataset).map((scenario) => ({ dataset, scenario })),
);

/** A seeded Fisher–Yates shuffle (mulberry32), so a failing permutation can be replayed. */
export function shuffle<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const r = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The same dataset with every table's rows in a seeded random order (the row-order property). */
export function shuffledDataset(dataset: Dataset, seed: number): Dataset {
  return {
    ...dataset,
    localAuthorities: shuffle(dataset.localAuthorities, seed),
    placements: shuffle(dataset.placements, seed + 1),
    providers: shuffle(dataset.providers, seed + 2),
    demandHistory: shuffle(dataset.demandHistory, seed + 3),
    strategies: shuffle(dataset.strategies, seed + 4),
    costs: dataset.costs === null ? null : shuffle(dataset.costs, seed + 5),
    externalPlacements: shuffle(dataset.externalPlacements ?? [], seed + 6),
  };
}
