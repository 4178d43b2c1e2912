// Rules 4, 6, 7 and the metrics: vacancies, distance, cost, and how areas add up.
import { describe, expect, it } from 'vitest';
import { areaRows } from '../../src/model/aggregate.js';
import { haversineKm, withinLaKm } from '../../src/model/distance.js';
import { runProjection } from '../../src/model/project.js';
import type { CostRow, Timeline } from '../../src/model/types.js';
import { dataset, demand, heldBy, placed, provider, scenario, tally, tl } from './fixtures.js';

describe('distance', () => {
  it('is the haversine great-circle distance on a 6371 km sphere', () => {
    // one degree of latitude: 6371 × π / 180 = 111.19492664455873 km
    expect(haversineKm(52, -3, 53, -3)).toBeCloseTo(111.19492664455873, 9);
    // Cardiff (51.48, -3.18) to Wrexham (53.05, -2.99): about 175 km
    expect(haversineKm(51.48, -3.18, 53.05, -2.99)).toBeCloseTo(175.1, 0);
  });

  it('inside one LA is 0.9054 × √(area / π)', () => {
    expect(withinLaKm(100 * Math.PI)).toBeCloseTo(9.054, 12);
  });
});

describe('vacancies', () => {
  it('are floor(occupancy × places) less the provider\'s continuing children', () => {
    // P: 10 places, 0.57 occupancy -> floor(5.7) = 5 usable; 3 continuing -> 2 vacancies.
    // A needs 3 → 6: 2 go to P, 1 outside Wales.
    const ds = dataset({
      placements: [placed('A', 'foster', 'la', 'A', 3, 'P')],
      providers: [provider('P', 'la', 'A', 'foster', 10)],
      demandHistory: [demand('A', 3)],
    });
    const s = scenario({ demand: { method: 'change', rate: tl(1), rateByLa: {} } });
    s.occupancy.foster = tl(0.57);
    expect(heldBy(runProjection(ds, s), 2024, 'A')).toEqual(['P:5', 'OUTSIDE_WALES:1']);
  });
});

describe('metrics of an area', () => {
  // A (north-wales): 2 foster with own carers in A (9.054 km), 1 residential fp in B (111.195 km),
  // 1 foster outside Wales (150 km), 1 kinship. B (north-wales): 1 residential fp at C (111.195 km).
  // C (powys): nobody.
  const ds = dataset({
    placements: [
      placed('A', 'foster', 'la', 'A', 2, 'LA1'),
      placed('A', 'residential', 'fp', 'B', 1, 'H1'),
      placed('A', 'foster', 'fp', 'OUTSIDE_WALES', 1),
      { laCode: 'A', placementType: 'kinship', sector: null, host: null, children: 1, providerId: null },
      placed('B', 'residential', 'fp', 'C', 1, 'H2'),
    ],
    providers: [provider('LA1', 'la', 'A', 'foster', 4), provider('H1', 'fp', 'B', 'residential', 2), provider('H2', 'fp', 'C', 'residential', 2)],
    demandHistory: [demand('A', 5), demand('B', 1), demand('C', 0)],
    costs: [
      { placementType: 'foster', sector: 'la', location: 'in_wales', weeklyCostGbp: 500, priceYear: 2024 },
      { placementType: 'foster', sector: 'fp', location: 'outside_wales', weeklyCostGbp: 1000, priceYear: 2024 },
      { placementType: 'residential', sector: 'fp', location: 'in_wales', weeklyCostGbp: 5000, priceYear: 2023 },
    ] satisfies CostRow[],
  });
  const p = runProjection(ds, scenario({ horizonTo: 2025, inflation: tl(0.1) }));
  const rows = (level: 'la' | 'region' | 'wales') => areaRows(p, ds, level);
  const row = (level: 'la' | 'region' | 'wales', code: string, year: number) =>
    rows(level).find((r) => r.areaCode === code && r.year === year)!.metrics;

  it('the base row shows the base state, with the flow metrics empty', () => {
    const a = row('la', 'A', 2023);
    expect(a.children_looked_after).toBe(5);
    expect([a.displaced, a.new_placements, a.supplementary_placements, a.cost_gbp]).toEqual([null, null, null, null]);
    expect(rows('la').find((r) => r.areaCode === 'A' && r.year === 2023)!.asAt).toBe('2024-03-31');
  });

  it('shares are over children in market placements; distance quantiles over children (type 7)', () => {
    const a = row('la', 'A', 2024);
    // 4 children in market placements: 2 in A, 1 in B (same region), 1 outside Wales
    expect(a.placed_in_own_la_share).toBeCloseTo(2 / 4, 12);
    expect(a.placed_in_region_share).toBeCloseTo(3 / 4, 12);
    expect(a.placed_outside_wales).toBe(1);
    expect(a.for_profit_placements).toBe(2);
    // distances sorted: 9.054, 9.054, 111.195, 150. Mean 279.303 / 4 = 69.8257;
    // median: h = 3 × 0.5 = 1.5 -> (9.054 + 111.195) / 2 = 60.1245; p90: h = 2.7 -> 111.195 + 0.7 × 38.805 = 138.3584
    expect(a.mean_distance_km).toBeCloseTo((2 * 9.054 + 111.19492664455873 + 150) / 4, 9);
    expect(a.median_distance_km).toBeCloseTo((9.054 + 111.19492664455873) / 2, 9);
    expect(a.p90_distance_km).toBeCloseTo(111.19492664455873 + 0.7 * (150 - 111.19492664455873), 9);
  });

  it('cost is year-end children × weekly cost × 52, indexed from the price year by inflation', () => {
    // 2024: foster la 2 × 500 × 52 = 52,000 (price year 2024: index 1);
    // residential fp 1 × 5000 × 52 × 1.1 (2023 prices -> 2024) = 286,000; foster fp outside 1 × 1000 × 52 = 52,000
    expect(row('la', 'A', 2024).cost_gbp).toBeCloseTo(52_000 + 286_000 + 52_000, 6);
    // 2025: each indexed once more by 1.1
    expect(row('la', 'A', 2025).cost_gbp).toBeCloseTo((52_000 + 52_000) * 1.1 + 286_000 * 1.1, 6);
  });

  it('splits the cost by type, for-profit, outside Wales and unplaced, in whole pounds', () => {
    // A 2024: foster = 52,000 (la, A) + 52,000 (fp, outside) = 104,000; residential = 286,000 (fp, B);
    // for-profit = 286,000 + 52,000 = 338,000; outside Wales = 52,000; no unplaced child.
    const a = row('la', 'A', 2024);
    expect([a.cost_foster_gbp, a.cost_residential_gbp, a.cost_secure_gbp, a.cost_unplaced_gbp]).toEqual([104_000, 286_000, 0, 0]);
    expect([a.cost_for_profit_gbp, a.cost_outside_wales_gbp]).toEqual([338_000, 52_000]);
    expect(a.cost_gbp).toBe(390_000);
    // 2025: each part × 1.1 (inflation): 114,400 + 314,600 = 429,000
    const a25 = row('la', 'A', 2025);
    expect([a25.cost_foster_gbp, a25.cost_residential_gbp, a25.cost_gbp]).toEqual([114_400, 314_600, 429_000]);
    // the base row has no cost and so no parts
    expect(row('la', 'A', 2023).cost_foster_gbp).toBeNull();
  });

  it("an LA's own weekly price (costs.la_code) wins over the all-Wales row, for that LA only", () => {
    // A's own foster la price 600 (listed before the all-Wales 500: row order does not matter):
    // A 2024 foster la 2 × 600 × 52 = 62,400, so foster 62,400 + 52,000 = 114,400; B keeps the all-Wales prices.
    const own = { ...ds, costs: [{ placementType: 'foster', sector: 'la', location: 'in_wales', weeklyCostGbp: 600, priceYear: 2024, laCode: 'A' } satisfies CostRow, ...ds.costs!] };
    const q = runProjection(own, scenario({ horizonTo: 2024, inflation: tl(0.1) }));
    const at = (code: string) => areaRows(q, own, 'la').find((r) => r.areaCode === code && r.year === 2024)!.metrics;
    expect(at('A').cost_foster_gbp).toBe(114_400);
    expect(at('A').cost_gbp).toBe(390_000 + 10_400);
    expect(at('B').cost_gbp).toBe(row('la', 'B', 2024).cost_gbp);
  });

  it('--prices: money in constant prices of a year, deflated by the deflator', () => {
    // 2025 cash 429,000; in 2024 prices with a 5% deflator: 429,000 / 1.05 = 408,571.43 -> 408,571.
    // 2024 in 2025 prices: 390,000 × 1.05 = 409,500. 2024 in 2024 prices: cash, 390,000.
    const s = scenario({ horizonTo: 2025, inflation: tl(0.1), deflator: tl(0.05) });
    const at = (pricesYear: number, year: number) =>
      areaRows(runProjection(ds, s, { pricesYear }), ds, 'la').find((r) => r.areaCode === 'A' && r.year === year)!.metrics.cost_gbp;
    expect(at(2024, 2025)).toBe(408_571);
    expect(at(2025, 2024)).toBe(409_500);
    expect(at(2024, 2024)).toBe(390_000);
  });

  it('a market group with no cost row makes the area\'s cost empty', () => {
    const noRow = { ...ds, costs: ds.costs!.filter((c) => c.sector !== 'la') };
    const q = runProjection(noRow, scenario());
    expect(areaRows(q, noRow, 'la').find((r) => r.areaCode === 'A' && r.year === 2024)!.metrics.cost_gbp).toBeNull();
    expect(areaRows(q, noRow, 'la').find((r) => r.areaCode === 'B' && r.year === 2024)!.metrics.cost_gbp).toBeCloseTo(5000 * 52, 6); // no inflation here
    expect(areaRows(q, noRow, 'region').find((r) => r.areaCode === 'north-wales' && r.year === 2024)!.metrics.cost_gbp).toBeNull();
  });

  it('unplaced children are costed at unplaced_weekly_cost_gbp in base-year prices', () => {
    // B grows 1 → 2 residential with every home full and outside Wales not allowed: 1 unplaced.
    const full = { ...ds, providers: ds.providers.map((x) => (x.providerId === 'H1' ? { ...x, places: 1 } : x.providerId === 'H2' ? { ...x, places: 1 } : x)) };
    const s = scenario({ horizonTo: 2025, inflation: tl(0.1), demand: { method: 'change', rate: tl(0), rateByLa: { B: tl(1) } }, unplacedWeeklyCostGbp: tl(700) });
    s.outsideWales.allowed = false;
    const q = runProjection(full, s);
    // B 2024: 1 at H2 (C, 286,000) + 1 unplaced × 700 × 52 (base year 2024: index 1) = 36,400
    expect(tally(q, 2024, 'B').unplaced.residential).toBe(1);
    expect(tally(q, 2024, 'B').costGbp).toBeCloseTo(286_000 + 36_400, 6);
  });

  it('a dated unplaced_weekly_cost_gbp costs each year at that year\'s value, in base-year prices', () => {
    // As above, once with 700 a week throughout and once with { 2024: 700, 2025: 900 }: 2024 is the
    // same; in 2025 each unplaced child costs (900 - 700) × 52 × 1.1 (indexed once) = 11,440 more.
    const full = { ...ds, providers: ds.providers.map((x) => (x.providerId === 'H1' ? { ...x, places: 1 } : x.providerId === 'H2' ? { ...x, places: 1 } : x)) };
    const run = (unplacedWeeklyCostGbp: Timeline) => {
      const s = scenario({ horizonTo: 2025, inflation: tl(0.1), demand: { method: 'change', rate: tl(0), rateByLa: { B: tl(1) } }, unplacedWeeklyCostGbp });
      s.outsideWales.allowed = false;
      return runProjection(full, s);
    };
    const flat = run(tl(700));
    const dated = run({ initial: 0, steps: [[2024, 700], [2025, 900]] });
    expect(tally(dated, 2024, 'B').costGbp).toBeCloseTo(286_000 + 36_400, 6);
    const unplaced = tally(dated, 2025, 'B').unplaced.residential;
    expect(unplaced).toBeGreaterThan(0);
    expect(tally(dated, 2025, 'B').costGbp! - tally(flat, 2025, 'B').costGbp!).toBeCloseTo(unplaced * 11_440, 6);
  });

  it('regions and Wales are about their LAs\' children, but places are those located in the area', () => {
    const nw = row('region', 'north-wales', 2024);
    const powys = row('region', 'powys', 2024);
    expect(nw.children_looked_after).toBe(6);
    expect(powys.children_looked_after).toBe(0);
    // places located in north-wales: LA1 4 foster (A), H1 2 residential (B); in powys: H2 2 residential
    expect([nw.places_foster, nw.places_residential, powys.places_residential]).toEqual([4, 2, 2]);
    expect(nw.places_for_profit_share).toBeCloseTo(2 / 6, 12);
    expect(nw.sufficiency_foster).toBeCloseTo(4 / 3, 12); // 4 places / 3 children needing foster
    expect(powys.placed_in_own_la_share).toBeNull(); // nobody placed: an empty denominator
    const wales = row('wales', 'W92000004', 2024);
    expect(wales.children_looked_after).toBe(6);
    expect(wales.placed_in_region_share).toBeCloseTo(3 / 5, 12); // A: 3 of 4 in region; B: 0 of 1 (at C)
  });
});

describe('shares of children (docs/model.md §2.2, docs/methodology.md "Shares of children, not of placements")', () => {
  // A: 2 foster with its own carers in A, 1 residential fp in B; 3 kinship (2 living in A, 1 in B),
  // 1 with parents whose location is not known. B: 1 residential fp in C, 1 kinship living outside Wales.
  const ds = dataset({
    placements: [
      placed('A', 'foster', 'la', 'A', 2, 'LA1'),
      placed('A', 'residential', 'fp', 'B', 1, 'H1'),
      { laCode: 'A', placementType: 'kinship', sector: null, host: 'A', children: 2, providerId: null },
      { laCode: 'A', placementType: 'kinship', sector: null, host: 'B', children: 1, providerId: null },
      { laCode: 'A', placementType: 'parents', sector: null, host: null, children: 1, providerId: null },
      placed('B', 'residential', 'fp', 'C', 1, 'H2'),
      { laCode: 'B', placementType: 'kinship', sector: null, host: 'OUTSIDE_WALES', children: 1, providerId: null },
    ],
    providers: [provider('LA1', 'la', 'A', 'foster', 4), provider('H1', 'fp', 'B', 'residential', 2), provider('H2', 'fp', 'C', 'residential', 2)],
    demandHistory: [demand('A', 7), demand('B', 2), demand('C', 0)],
  });
  const p = runProjection(ds, scenario({ horizonTo: 2024 }));
  const at = (level: 'la' | 'wales', code: string) => areaRows(p, ds, level).find((r) => r.areaCode === code && r.year === 2023)!.metrics;

  it('for-profit shares by type are over the children placed in that type, in Wales or outside', () => {
    // A: foster 0 of 2 for-profit; residential 1 of 1. Wales: residential 2 of 2, foster 0 of 2.
    expect([at('la', 'A').for_profit_share_foster, at('la', 'A').for_profit_share_residential]).toEqual([0, 1]);
    expect(at('wales', 'W92000004').for_profit_share_residential).toBe(1);
    // B places nobody in foster care: no share to give.
    expect(at('la', 'B').for_profit_share_foster).toBeNull();
  });

  it('own-LA and region shares are over the children needing a market placement, the unplaced included', () => {
    // No outside Wales, and every LA's children looked after double each year: in 2025 A has 28
    // (foster 8, residential 4) and B 8 (residential 4). There are 4 foster places (LA1, in A) and 4
    // residential (H1 in B, H2 in C): A's 8 foster children get 4 places, and 8 residential children
    // share 4 places, A getting 2. So A has 6 placed (4 of them at home) and 6 unplaced:
    // own-LA 4 / (6 + 6) = 1/3, where over the placed alone it would read 4 / 6.
    const s = scenario({ horizonTo: 2025, demand: { method: 'change', rate: tl(1), rateByLa: {} } });
    s.outsideWales = { ...s.outsideWales, allowed: false };
    const q = runProjection(ds, s);
    const a = areaRows(q, ds, 'la').find((r) => r.areaCode === 'A' && r.year === 2025)!.metrics;
    expect([a.need_foster, a.need_residential, a.unplaced]).toEqual([8, 4, 6]);
    expect(a.placed_in_own_la_share).toBeCloseTo(4 / 12, 12);
    expect(a.placed_in_region_share).toBeCloseTo(tally(q, 2025, 'A').placedInRegion / 12, 12);
  });

  it('placed_in_own_la_share_all counts non-market children where the data puts them, a host not known never at home', () => {
    // A: market own-LA 2 + kinship at home 2 (of 3 over hosts A:2, B:1) = 4; parents (host not known) 0.
    // Over all 7 children looked after: 4 / 7.
    expect(at('la', 'A').placed_in_own_la_share_all).toBeCloseTo(4 / 7, 12);
    // B: the fp home in C and the kinship child outside Wales are both away: 0 / 2.
    expect(at('la', 'B').placed_in_own_la_share_all).toBe(0);
    // Wales: (4 + 0) / 9.
    expect(at('wales', 'W92000004').placed_in_own_la_share_all).toBeCloseTo(4 / 9, 12);
  });
});
