// Rule 1, need, with every figure worked by hand.
import { describe, expect, it } from 'vitest';
import { makeNeedModel, trendAt } from '../../src/model/need.js';
import type { PlacementRow } from '../../src/model/types.js';
import { dataset, demand, scenario, tl } from './fixtures.js';

const kids = (la: string, placementType: PlacementRow['placementType'], children: number): PlacementRow =>
  ['foster', 'residential', 'secure'].includes(placementType)
    ? { laCode: la, placementType, sector: 'la', host: la, children, providerId: null }
    : { laCode: la, placementType, sector: null, host: null, children, providerId: null };

describe('need: change', () => {
  const ds = dataset({ placements: [kids('A', 'foster', 100)], demandHistory: [demand('A', 100), demand('B', 50)] });

  it('compounds the rate from the base year, rounding only the result', () => {
    // 100 × 1.1 = 110; × 1.1 = 121; × 1.1 = 133.1 -> 133
    const need = makeNeedModel(ds, scenario({ demand: { method: 'change', rate: tl(0.1), rateByLa: {} } }));
    expect([2024, 2025, 2026].map((t) => need.childrenLookedAfter('A', t))).toEqual([110, 121, 133]);
  });

  it('takes a year map value from its year until the next key, and rounds half up', () => {
    // 2024: 100 × 1.1 = 110; 2025: × 1.1 = 121; 2026: × 0.5 = 60.5 -> 61 (half up)
    const need = makeNeedModel(ds, scenario({ demand: { method: 'change', rate: tl(0, [[2024, 0.1], [2026, -0.5]]), rateByLa: {} } }));
    expect([2024, 2025, 2026].map((t) => need.childrenLookedAfter('A', t))).toEqual([110, 121, 61]);
  });

  it('uses an LA\'s own rate in place of the Wales-wide one', () => {
    // A: 100 × 1.0 = 100; B: 50 × 1.2 = 60
    const need = makeNeedModel(ds, scenario({ demand: { method: 'change', rate: tl(0), rateByLa: { B: tl(0.2) } } }));
    expect(need.childrenLookedAfter('A', 2024)).toBe(100);
    expect(need.childrenLookedAfter('B', 2024)).toBe(60);
  });
});

describe('need: trend', () => {
  const history = [
    [2020, 10],
    [2021, 10],
    [2022, 10],
    [2023, 20],
    [2024, 30],
  ] as const;

  it('fits a least-squares line through the last trend_years points, evaluated at t + 1', () => {
    // 5 points: x̄ = 2022, ȳ = 16; Sxx = 4+1+0+1+4 = 10; Sxy = 12+6+0+4+28 = 50; slope 5
    // year t = 2024 is the state at 31 March 2025: 16 + 5 × (2025 − 2022) = 31
    expect(trendAt(history, 5, 2025)).toBeCloseTo(31, 12);
    // 2 points (2023: 20, 2024: 30): slope 10 -> 40 at 2025
    expect(trendAt(history, 2, 2025)).toBeCloseTo(40, 12);
  });

  it('never goes below zero', () => {
    // 30, 20, 10 at 2022..2024: slope −10 -> 0 at 2025, −10 at 2026 -> 0
    const ds = dataset({
      placements: [kids('A', 'foster', 10)],
      demandHistory: [demand('A', 30, 2022), demand('A', 20, 2023), demand('A', 10, 2024)],
    });
    const need = makeNeedModel(ds, scenario({ demand: { method: 'trend', trendYears: 5, damping: 1, reconcile: 'none' } }));
    expect(need.childrenLookedAfter('A', 2024)).toBe(0);
    expect(need.childrenLookedAfter('A', 2025)).toBe(0);
  });

  it('rounds the line half up', () => {
    // 10 at 2022 and 11 at 2024 (no 2023 point): slope 0.5 -> 11.5 at 2025 -> 12
    const ds = dataset({
      placements: [kids('A', 'foster', 11)],
      demandHistory: [demand('A', 10, 2022), demand('A', 11, 2024)],
    });
    const need = makeNeedModel(ds, scenario({ demand: { method: 'trend', trendYears: 2, damping: 1, reconcile: 'none' } }));
    expect(need.childrenLookedAfter('A', 2024)).toBe(12);
  });
});

describe('need: the mix of types', () => {
  it('splits children by the base mix over all eight types, by largest remainder in type order', () => {
    // base mix: foster 3, residential 1, kinship 1 of 5. C = 5 × 1.4 = 7.
    // exact: foster 4.2, residential 1.4, kinship 1.4 -> floors 4, 1, 1 = 6; one unit left;
    // remainders 0.2, 0.4, 0.4 tie between residential and kinship: residential comes first in type order
    const ds = dataset({
      placements: [kids('A', 'foster', 3), kids('A', 'residential', 1), kids('A', 'kinship', 1)],
      demandHistory: [demand('A', 5)],
    });
    const need = makeNeedModel(ds, scenario({ demand: { method: 'change', rate: tl(0.4), rateByLa: {} } }));
    const n = need.needByType('A', 2024);
    expect([n.foster, n.residential, n.kinship, n.secure]).toEqual([4, 2, 1, 0]);
  });

  it('moves a share of one type\'s weight to another each year from the base year, compounding', () => {
    // base weights: foster 0.6, residential 0.2, kinship 0.2 (of 10).
    // 2024: half the residential weight moves: residential 0.1, foster 0.7 -> 7, 1, 2
    // 2025: residential 0.05, foster 0.75 -> exact 7.5, 0.5, 2 -> floors 7, 0, 2; one unit; 0.5 ties: foster first
    const ds = dataset({
      placements: [kids('A', 'foster', 6), kids('A', 'residential', 2), kids('A', 'kinship', 2)],
      demandHistory: [demand('A', 10)],
    });
    const need = makeNeedModel(ds, scenario({ mixShift: [{ from: 'residential', to: 'foster', share: tl(0.5) }] }));
    const y1 = need.needByType('A', 2024);
    const y2 = need.needByType('A', 2025);
    expect([y1.foster, y1.residential, y1.kinship]).toEqual([7, 1, 2]);
    expect([y2.foster, y2.residential, y2.kinship]).toEqual([8, 0, 2]);
  });
});
