// Properties of the projection on random small datasets and scenarios (see arbitraries.ts): what must
// hold whatever the numbers, as docs/model.md §4 states it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaRows } from '../../src/model/aggregate.js';
import { runProjection } from '../../src/model/project.js';
import {
  MARKET_TYPES,
  PLACEMENT_TYPES,
  isMarketType,
  type AreaLevel,
  type Dataset,
  type ModelScenario,
  type MetricName,
  type Projection,
  type Timeline,
} from '../../src/model/types.js';
import { valueAt } from '../../src/model/timeline.js';
import { B, modelInput, providerRow, shuffledDataset } from './arbitraries.js';

const LEVELS: AreaLevel[] = ['wales', 'region', 'la'];
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs });

const allRows = (p: Projection, ds: Dataset) => LEVELS.flatMap((l) => areaRows(p, ds, l));

const COUNTS: MetricName[] = [
  'children_looked_after',
  'need_foster',
  'need_residential',
  'need_secure',
  'places_foster',
  'places_residential',
  'places_secure',
  'placed_outside_wales',
  'unplaced',
  'displaced',
  'for_profit_placements',
  'new_placements',
  'supplementary_placements',
];
const SHARES: MetricName[] = ['places_for_profit_share', 'placed_in_own_la_share', 'placed_in_region_share', 'for_profit_share_foster', 'for_profit_share_residential', 'placed_in_own_la_share_all'];
const FLOWS: MetricName[] = ['displaced', 'new_placements', 'supplementary_placements', 'cost_gbp'];

describe('model properties', () => {
  it("cost's parts add up to cost_gbp within rounding; for-profit and outside Wales are parts of it", () => {
    fc.assert(
      fc.property(modelInput, ({ dataset, scenario }) => {
        for (const r of allRows(runProjection(dataset, scenario, { keepPlacements: false }), dataset)) {
          const m = r.metrics;
          const parts = [m.cost_foster_gbp, m.cost_residential_gbp, m.cost_secure_gbp, m.cost_unplaced_gbp];
          if (m.cost_gbp === null) {
            expect([...parts, m.cost_for_profit_gbp, m.cost_outside_wales_gbp].every((v) => v === null)).toBe(true);
            continue;
          }
          // each of the four parts and the total is rounded half up on its own: at most 4 × ½ + ½ apart
          expect(Math.abs(parts.reduce((s: number, v) => s + v!, 0) - m.cost_gbp)).toBeLessThanOrEqual(2);
          for (const v of [...parts, m.cost_for_profit_gbp!, m.cost_outside_wales_gbp!]) {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(m.cost_for_profit_gbp! + m.cost_unplaced_gbp!).toBeLessThanOrEqual(m.cost_gbp + 1);
          expect(m.cost_outside_wales_gbp! + m.cost_unplaced_gbp!).toBeLessThanOrEqual(m.cost_gbp + 1);
        }
      }),
      params(100),
    );
  });

  it('no child is lost or counted twice: every LA and year', () => {
    fc.assert(
      fc.property(modelInput, ({ dataset, scenario }) => {
        // runProjection itself throws InternalError when its own conservation check fails
        const p = runProjection(dataset, scenario);
        expect(p.years.map((y) => y.year)).toEqual(Array.from({ length: scenario.horizonTo - B + 2 }, (_, i) => B - 1 + i));
        for (const y of p.years) {
          for (const t of y.tallies) {
            const groups = y.groups.filter((g) => g.laCode === t.laCode);
            const placed = groups.reduce((s, g) => s + g.children, 0);
            const unplaced = MARKET_TYPES.reduce((s, ty) => s + t.unplaced[ty], 0);
            const nonMarket = PLACEMENT_TYPES.filter((ty) => !isMarketType(ty)).reduce((s, ty) => s + t.need[ty], 0);
            expect(placed + unplaced + nonMarket).toBe(t.childrenLookedAfter);
            expect(t.marketPlaced).toBe(placed);
            for (const ty of MARKET_TYPES) {
              const g = groups.filter((x) => x.placementType === ty).reduce((s, x) => s + x.children, 0);
              expect(g + t.unplaced[ty]).toBe(t.need[ty]);
              expect(t.unplaced[ty]).toBeGreaterThanOrEqual(0);
            }
            for (const g of groups) expect(Number.isInteger(g.children) && g.children > 0).toBe(true);
            // the distance distribution holds the same children as the groups
            expect(t.distances.reduce((s, [, n]) => s + n, 0)).toBe(placed);
          }
          // the base row is the data: children looked after = demand_history at B
          if (y.isBase) {
            for (const t of y.tallies) {
              const d = dataset.demandHistory.find((h) => h.laCode === t.laCode && h.year === B);
              expect(t.childrenLookedAfter).toBe(d?.children ?? 0);
            }
          }
          // no provider ever has negative places
          for (const pr of y.providers) expect(pr.places).toBeGreaterThanOrEqual(0);
        }
      }),
      params(),
    );
  });

  it('the output does not depend on the order of input rows', () => {
    fc.assert(
      fc.property(modelInput, fc.integer(), ({ dataset, scenario }, seed) => {
        const shuffled = shuffledDataset(dataset, seed);
        const a = runProjection(dataset, scenario);
        const b = runProjection(shuffled, scenario);
        expect(allRows(b, shuffled)).toEqual(allRows(a, dataset));
        // the year-end state too (groups and providers are listed in key order)
        expect(b.years.map((y) => [y.groups, y.providers.map(({ providerName: _, ...rest }) => rest)])).toEqual(
          a.years.map((y) => [y.groups, y.providers.map(({ providerName: _, ...rest }) => rest)]),
        );
      }),
      params(),
    );
  });

  it('the same inputs give byte-identical output', () => {
    fc.assert(
      fc.property(modelInput, ({ dataset, scenario }) => {
        const a = runProjection(dataset, scenario);
        const b = runProjection(structuredClone(dataset), structuredClone(scenario));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(allRows(b, dataset))).toBe(JSON.stringify(allRows(a, dataset)));
      }),
      params(80),
    );
  });

  it('metrics are well formed: integer counts, shares in [0, 1], ordered distances, empty flows in the base row', () => {
    fc.assert(
      fc.property(modelInput, ({ dataset, scenario }) => {
        const p = runProjection(dataset, scenario);
        for (const row of allRows(p, dataset)) {
          const m = row.metrics;
          const base = row.year === B - 1;
          for (const k of COUNTS) {
            const v = m[k];
            if (base && FLOWS.includes(k)) continue;
            expect(v, `${k} ${row.areaCode} ${row.year}`).not.toBeNull();
            expect(Number.isInteger(v) && v! >= 0, `${k} = ${v}`).toBe(true);
          }
          for (const k of SHARES) {
            const v = m[k];
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
          }
          if (base) for (const k of FLOWS) expect(m[k], k).toBeNull();
          else {
            expect(m.supplementary_placements!).toBeLessThanOrEqual(m.new_placements!);
            if (dataset.costs !== null) {
              expect(m.cost_gbp).not.toBeNull();
              expect(m.cost_gbp!).toBeGreaterThanOrEqual(0);
            } else expect(m.cost_gbp).toBeNull();
          }
          // own LA is inside own region
          if (m.placed_in_own_la_share !== null && m.placed_in_region_share !== null) {
            expect(m.placed_in_own_la_share).toBeLessThanOrEqual(m.placed_in_region_share + 1e-12);
          }
          // distances: never negative, null together, median <= p90, mean within [min, max]
          const d = [m.mean_distance_km, m.median_distance_km, m.p90_distance_km];
          expect(d.every((x) => x === null) || d.every((x) => x !== null)).toBe(true);
          // The shares are over the children needing a market placement, the unplaced included: empty only when there are none.
          expect(m.placed_in_own_la_share === null).toBe(d[0] === null && m.unplaced === 0);
          if (d[0] !== null) {
            for (const x of d) expect(x!).toBeGreaterThanOrEqual(0);
            expect(m.median_distance_km!).toBeLessThanOrEqual(m.p90_distance_km! + 1e-9);
          }
          expect(m.for_profit_placements!).toBeGreaterThanOrEqual(0);
        }
        for (const y of p.years) {
          for (const t of y.tallies) {
            if (t.distances.length === 0) continue;
            const lo = t.distances[0][0];
            const hi = t.distances[t.distances.length - 1][0];
            for (const [km] of t.distances) expect(km).toBeGreaterThanOrEqual(0);
            const mean = t.distances.reduce((s, [km, n]) => s + km * n, 0) / t.marketPlaced;
            expect(mean).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(mean).toBeLessThanOrEqual(hi + 1e-9);
            expect(t.forProfitPlacements).toBeLessThanOrEqual(t.marketPlaced);
            expect(t.placedOutsideWales).toBeLessThanOrEqual(t.marketPlaced);
          }
        }
      }),
      params(),
    );
  });

  it('nobody is displaced in a year with no exits, no closes and no fall in Foster Wales places', () => {
    fc.assert(
      fc.property(modelInput, ({ dataset, scenario }) => {
        const p = runProjection(dataset, scenario);
        for (const y of p.years) {
          if (y.isBase || !quietYear(dataset, scenario, y.year)) continue;
          for (const t of y.tallies) expect(t.displaced, `${t.laCode} in ${y.year}`).toBe(0);
        }
      }),
      params(),
    );
  });
});

/** No close rows, no exits, and no negative Foster Wales growth in year t. */
function quietYear(dataset: Dataset, scenario: ModelScenario, t: number): boolean {
  return (
    !dataset.strategies.some((s) => s.year === t && s.action === 'close') &&
    !scenario.transitions.some((tr) => tr.year === t && tr.exit > 0) &&
    valueAt(scenario.fosterWales.netNewPlaces, t) >= 0
  );
}

// ---------------------------------------------------------------------------------------------
// More places never increase `unplaced`.

type MorePlaces = { kind: 'add'; index: number; extra: number } | { kind: 'new'; row: ReturnType<typeof providerRow> extends fc.Arbitrary<infer R> ? R : never };

function withMorePlaces(dataset: Dataset, more: MorePlaces): Dataset {
  if (more.kind === 'add' && dataset.providers.length > 0) {
    const i = more.index % dataset.providers.length;
    return { ...dataset, providers: dataset.providers.map((p, j) => (j === i ? { ...p, places: p.places + more.extra } : p)) };
  }
  if (more.kind === 'new') return { ...dataset, providers: [...dataset.providers, { ...more.row, providerId: `NEW_${more.row.providerId}` }] };
  return dataset;
}

const unplacedOfWales = (p: Projection, ds: Dataset): number[] => areaRows(p, ds, 'wales').map((r) => r.metrics.unplaced!);

const withMore = modelInput.chain(({ dataset, scenario }) =>
  fc
    .oneof(
      fc.record({ kind: fc.constant('add' as const), index: fc.nat(), extra: fc.integer({ min: 1, max: 3 }) }),
      fc.record({
        kind: fc.constant('new' as const),
        row: providerRow(
          dataset.localAuthorities.map((l) => l.code),
          { P1: 'la', P2: 'nfp', P3: 'fp', P4: 'la', P5: 'nfp', P6: 'fp' },
        ).filter((r) => r.places > 0),
      }),
    )
    .map((more) => ({ dataset, scenario, more: more as MorePlaces })),
);

/**
 * Year B without the events whose rounding moves with the number of places: closes, exits,
 * conversions, Foster Wales transfers and a fall in Foster Wales places (later years keep them).
 */
function withoutSplitsInFirstYear(dataset: Dataset, scenario: ModelScenario): { dataset: Dataset; scenario: ModelScenario } {
  const fw = scenario.fosterWales;
  // the value in year B replaced, every other year's value kept
  const atB = (t: Timeline, keep: (v: number) => number): Timeline => ({
    initial: t.initial,
    steps: [
      ...t.steps.filter(([y]) => y !== B && y !== B + 1),
      [B, keep(valueAt(t, B))] as [number, number],
      [B + 1, valueAt(t, B + 1)] as [number, number],
    ].sort((a, b) => a[0] - b[0]),
  });
  return {
    dataset: { ...dataset, strategies: dataset.strategies.filter((s) => !(s.year === B && s.action === 'close')) },
    scenario: {
      ...scenario,
      transitions: scenario.transitions.filter((t) => t.year !== B),
      fosterWales: { netNewPlaces: atB(fw.netNewPlaces, (v) => Math.max(0, v)), transfersFromFp: atB(fw.transfersFromFp, () => 0) },
    },
  };
}

describe('more places never increase unplaced', () => {
  // What holds: in the first projected year, when that year has no closes, exits, conversions,
  // Foster Wales transfers or fall in Foster Wales places, and the extra places leave the base date's
  // children with the providers they were with, more places never leave more children unplaced.
  //
  // What does not hold, by docs/model.md's own rules (section 4.2), so it is not tested:
  // 1. Exits are rounded by largest remainder over all matching providers. Powys (W06000023) has one
  //    secure child, placed fp at Powys with no listed provider (UNLISTED, 0 places); providers: P3 nfp
  //    residential at Vale of Glamorgan, 8 places; P3 nfp secure at Powys, 2 places. Year B: a
  //    transition exits 0.2 of every provider's places; secure turnover 1, occupancy 0.55; no outside
  //    Wales. Exact cuts 1.6 and 0.4 round to 2 and 0: the secure home keeps 2 places (1 usable) and
  //    the child is placed. Give the Vale home 3 more places: 2.2 and 0.4 round to 2 and 1, the secure
  //    home keeps 1 place (0 usable) and the child is unplaced.
  // 2. A close takes places where there are some. One secure child of Anglesey sits at an unlisted nfp
  //    provider in Anglesey (0 places, never cut); Anglesey closes 4 nfp secure places in year B and
  //    nothing happens. Add a 1-place nfp secure provider there: the base child is shared onto it, the
  //    close removes its place, and the child is displaced and unplaced.
  // 3. Foster Wales transfers are rounded Wales-wide, and occupancy floors each provider separately.
  //    Vale of Glamorgan has one foster child, at an unlisted la provider in Anglesey; P5 (fp foster,
  //    Cardiff) has 2 places; transfers 0.2, turnover 0.5, occupancy 0.85. Alone, P5's 0.4 rounds to
  //    no transfer: the child's placement ends and they take P5's one usable place (floor 1.7). Add a
  //    1-place fp foster provider anywhere: 0.4 + 0.2 rounds to 1 transfer, taken from P5, which
  //    becomes P5 (1 place) and P5~la (1 place), floor(0.85) + floor(0.85) = 0 usable: unplaced.
  //    The same split, met in a later year, breaks the property there even without new events in
  //    the first year; so do the tie orders of turnover and transfers.
  // 4. More places at a host can move the base date's children between its providers, and turnover's
  //    endings are rounded over the groups as they then stand. Gwynedd has 10 foster children: 4 at
  //    P6 (la, Vale), 3 at P2 (nfp, Gwynedd, 8 places), 1 at P5 (nfp, Gwynedd, 3 places), 1 nfp and
  //    1 fp outside Wales. Usable places are held at the base date's children (P2 3, P5 1); outside
  //    Wales takes 5 new children a year, used up by foster and secure seekers either way. Turnover
  //    0.55: exact endings 2.2, 1.65, 0.55, 0.55, 0.55, total 5.5 rounded to 6: floors 2, 1, 0, 0, 0,
  //    then P2 (0.65) and the first two 0.55s in key order (nfp outside Wales, P5). Continuing: P6 2,
  //    P2 1, fp outside Wales 1; free in Gwynedd P2 2 + P5 1 = 3. Give P5 2 more places: the base
  //    split of Gwynedd's 4 nfp children by places (8 and 5) becomes 2 and 2, held usable 2 and 2;
  //    exact endings 2.2, 1.1, 1.1, 0.55, 0.55, floors 2, 1, 1, 0, 0, then both outside-Wales groups.
  //    Continuing: P6 2, P2 1, P5 1; free in Gwynedd 1 + 1 = 2. The same 6 endings now leave one
  //    more child in a Welsh place and one fewer outside Wales, where continuing children take no
  //    share of the year's intake: one fewer new place, and 7 children unplaced instead of 6.
  //    (Found by CI, seed 90481190, path 207:608:0:14:10:3.) So the property is checked only where
  //    the extra places leave the base date's placements as they were.
  it('in the first projected year, when no places are cut, converted or transferred in it and the base split is unchanged', () => {
    fc.assert(
      fc.property(withMore, ({ dataset: d0, scenario: s0, more }) => {
        const { dataset, scenario } = withoutSplitsInFirstYear(d0, s0);
        const bigger = withMorePlaces(dataset, more);
        const [p0, p1] = [runProjection(dataset, scenario), runProjection(bigger, scenario)];
        // the extra places leave the base date's children where they were (case 4 above)
        fc.pre(JSON.stringify(p0.years[0]!.groups) === JSON.stringify(p1.years[0]!.groups));
        expect(unplacedOfWales(p1, bigger)[1]).toBeLessThanOrEqual(unplacedOfWales(p0, dataset)[1]);
      }),
      params(400),
    );
  });
});
