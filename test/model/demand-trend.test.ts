// Damped and reconciled trends (docs/methodology.md, "Damped and reconciled trends"), worked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dampedTrendAt, nationSeries, reconcileYear, type Series } from '../../src/model/demand-trend.js';
import { makeNeedModel } from '../../src/model/need.js';
import { dataset, demand, scenario } from './fixtures.js';

// 10, 20, 30 at 2022..2024: slope 10, the line at 2024 is 30.
const rising = [
  [2022, 10],
  [2023, 20],
  [2024, 30],
] as const;

describe('damped trend', () => {
  it('is the straight line with φ = 1', () => {
    // 30 + 10 × 3 = 60 at 2027
    expect(dampedTrendAt(rising, { years: 3, damping: 1 }, 2027)).toBeCloseTo(60, 12);
  });

  it('adds slope × φ^h in the h-th year past the last point', () => {
    // φ = 0.5: 2025: 30 + 10 × 0.5 = 35; 2026: 35 + 10 × 0.25 = 37.5; 2027: 37.5 + 1.25 = 38.75
    const at = (x: number): number => dampedTrendAt(rising, { years: 3, damping: 0.5 }, x);
    expect(at(2025)).toBeCloseTo(35, 12);
    expect(at(2026)).toBeCloseTo(37.5, 12);
    expect(at(2027)).toBeCloseTo(38.75, 12);
    // At or before the last point it is the fitted line: 20 at 2023.
    expect(at(2023)).toBeCloseTo(20, 12);
  });

  it('never moves past level + slope × φ / (1 − φ), and moves less the more it is damped', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 1, max: 40 }), (phi, h) => {
        const v = dampedTrendAt(rising, { years: 3, damping: phi }, 2024 + h);
        // The geometric sum's limit: 30 + 10 φ / (1 − φ).
        expect(v).toBeLessThanOrEqual(30 + (10 * phi) / (1 - phi) + 1e-9);
        expect(v).toBeLessThanOrEqual(dampedTrendAt(rising, { years: 3, damping: 1 }, 2024 + h) + 1e-9);
      }),
    );
  });
});

describe('the nation series for reconciliation', () => {
  it('sums the LAs at each year where every LA with history has a figure', () => {
    // 2022: A only (B missing) -> left out; 2023: 20 + 5 = 25; 2024: 30 + 6 = 36. C has no history.
    const s = nationSeries(
      new Map<string, Series>([
        ['A', rising],
        ['B', [[2023, 5], [2024, 6]] as const],
        ['C', []],
      ]),
    );
    expect(s).toEqual([
      [2023, 25],
      [2024, 36],
    ]);
  });
});

describe('reconcileYear', () => {
  it('scales the LAs to the nation rounded half up, then rounds by largest remainder', () => {
    // Nation 100.5 -> 101. A 30, B 10 unrounded: A 101 × 3/4 = 75.75, B 25.25 -> floors 75 + 25 = 100,
    // one more to A (remainder .75 > .25): 76, 25.
    const out = reconcileYear(100.5, new Map([['A', 30], ['B', 10]]), new Map([['A', 1], ['B', 1]]));
    expect([...out]).toEqual([
      ['A', 76],
      ['B', 25],
    ]);
  });

  it('gives an LA without history its base-date share, and the others the rest', () => {
    // Nation 100; bases A 40, B 40, C 20 (C no history): C 100 × 20/100 = 20; the rest 80 shared by
    // A's and B's projections 30 : 10 -> 60 and 20.
    const out = reconcileYear(100, new Map<string, number | null>([['A', 30], ['B', 10], ['C', null]]), new Map([['A', 40], ['B', 40], ['C', 20]]));
    expect(Object.fromEntries(out)).toEqual({ A: 60, B: 20, C: 20 });
  });

  it('always adds up to the nation rounded half up', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.array(fc.option(fc.double({ min: 0, max: 1e3, noNaN: true }), { nil: null }), { minLength: 1, maxLength: 6 }), (nation, xs) => {
        const codes = xs.map((_, i) => `L${i}`);
        const out = reconcileYear(nation, new Map(codes.map((c, i) => [c, xs[i]])), new Map(codes.map((c) => [c, 10])));
        expect([...out.values()].reduce((s, v) => s + v, 0)).toBe(Math.floor(nation + 0.5 + 1e-9));
      }),
    );
  });
});

describe('need: a reconciled, damped trend', () => {
  it('projects the nation from the LAs summed, then shares it by the LAs\' own lines', () => {
    // A: 10, 20, 30 (slope 10); B: 30, 30, 30 (flat); C: none (base 0: no placements).
    // Nation: 40, 50, 60 (slope 10). φ = 0.5, year t = 2024 is 31 March 2025 (h = 1):
    //   nation 60 + 10 × 0.5 = 65; A's line 30 + 5 = 35, B's 30 -> A 65 × 35/65 = 35, B 30.
    // t = 2025 (h = 2): nation 65 + 2.5 = 67.5 -> 68 (half up); A 35 + 2.5 = 37.5, B 30:
    //   A 68 × 37.5/67.5 = 37.78, B 30.22 -> floors 37 + 30 = 67, one more to A (.78 > .22): 38, 30.
    const ds = dataset({
      demandHistory: [demand('A', 10, 2022), demand('A', 20, 2023), demand('A', 30, 2024), demand('B', 30, 2022), demand('B', 30, 2023), demand('B', 30, 2024)],
    });
    const need = makeNeedModel(ds, scenario({ demand: { method: 'trend', trendYears: 3, damping: 0.5, reconcile: 'nation' } }));
    expect([need.childrenLookedAfter('A', 2024), need.childrenLookedAfter('B', 2024), need.childrenLookedAfter('C', 2024)]).toEqual([35, 30, 0]);
    expect([need.childrenLookedAfter('A', 2025), need.childrenLookedAfter('B', 2025)]).toEqual([38, 30]);
  });

  it('damps without reconciling: the LA keeps its own line, flattened', () => {
    // A at t = 2026 (31 March 2027, h = 3), φ = 0.5: 30 + 10 × (0.5 + 0.25 + 0.125) = 38.75 -> 39
    const ds = dataset({ demandHistory: [demand('A', 10, 2022), demand('A', 20, 2023), demand('A', 30, 2024)] });
    const need = makeNeedModel(ds, scenario({ demand: { method: 'trend', trendYears: 3, damping: 0.5, reconcile: 'none' } }));
    expect(need.childrenLookedAfter('A', 2026)).toBe(39);
  });
});
