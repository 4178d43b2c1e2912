// Quantiles over children (docs/model.md §4, rule 6): type 7, numpy's default. With n values sorted,
// h = (n − 1) × p, and the quantile is x[floor h] + (h − floor h) × (x[floor h + 1] − x[floor h]).
// Every expected number below was worked by hand and agrees with numpy.quantile(list, p).
import { describe, expect, it } from 'vitest';
import { weightedMean, weightedQuantile } from '../../src/model/quantile.js';

/** Type 7 on a plain sorted list, written independently of the model's code. */
function type7(xs: readonly number[], p: number): number {
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo] + (h - lo) * (xs[hi] - xs[lo]);
}

const expand = (groups: ReadonlyArray<readonly [number, number]>): number[] => groups.flatMap(([v, c]) => new Array<number>(c).fill(v));

describe('weightedQuantile, type 7', () => {
  it('[1, 2, 3, 4], one child each', () => {
    const g = [[1, 1], [2, 1], [3, 1], [4, 1]] as const;
    // p = 0.5: h = 3 × 0.5 = 1.5 → 2 + 0.5 × (3 − 2) = 2.5
    expect(weightedQuantile(g, 0.5)).toBeCloseTo(2.5, 12);
    // p = 0.9: h = 2.7 → 3 + 0.7 × 1 = 3.7
    expect(weightedQuantile(g, 0.9)).toBeCloseTo(3.7, 12);
    // p = 0.1: h = 0.3 → 1 + 0.3 = 1.3
    expect(weightedQuantile(g, 0.1)).toBeCloseTo(1.3, 12);
    // p = 0.25: h = 0.75 → 1.75
    expect(weightedQuantile(g, 0.25)).toBeCloseTo(1.75, 12);
    // p = 0 and 1 are the least and the greatest
    expect(weightedQuantile(g, 0)).toBe(1);
    expect(weightedQuantile(g, 1)).toBe(4);
  });

  it('groups (10 km × 1, 20 km × 3, 40 km × 1) = [10, 20, 20, 20, 40]', () => {
    const g = [[10, 1], [20, 3], [40, 1]] as const;
    // n = 5. p = 0.5: h = 2 exactly → x[2] = 20 (not the mean of the groups' values, 23.3)
    expect(weightedQuantile(g, 0.5)).toBe(20);
    // p = 0.9: h = 3.6 → 20 + 0.6 × (40 − 20) = 32
    expect(weightedQuantile(g, 0.9)).toBeCloseTo(32, 12);
    // p = 0.1: h = 0.4 → 10 + 0.4 × 10 = 14
    expect(weightedQuantile(g, 0.1)).toBeCloseTo(14, 12);
    // mean = (10 + 60 + 40) / 5 = 22
    expect(weightedMean(g)).toBeCloseTo(22, 12);
  });

  it('groups (0 × 2, 5 × 2) = [0, 0, 5, 5]: the median falls between two groups', () => {
    const g = [[0, 2], [5, 2]] as const;
    // p = 0.5: h = 1.5 → x[1] + 0.5 × (x[2] − x[1]) = 0 + 0.5 × 5 = 2.5
    expect(weightedQuantile(g, 0.5)).toBeCloseTo(2.5, 12);
    // p = 0.9: h = 2.7 → x[2] + 0.7 × (x[3] − x[2]) = 5 + 0 = 5
    expect(weightedQuantile(g, 0.9)).toBe(5);
    // p = 0.3: h = 0.9 → 0 + 0.9 × 0 = 0
    expect(weightedQuantile(g, 0.3)).toBe(0);
  });

  it('groups (1.5 × 1, 2.5 × 1, 10 × 2) = [1.5, 2.5, 10, 10]', () => {
    const g = [[1.5, 1], [2.5, 1], [10, 2]] as const;
    // p = 0.5: h = 1.5 → 2.5 + 0.5 × 7.5 = 6.25
    expect(weightedQuantile(g, 0.5)).toBeCloseTo(6.25, 12);
    // p = 0.3: h = 0.9 → 1.5 + 0.9 × 1 = 2.4
    expect(weightedQuantile(g, 0.3)).toBeCloseTo(2.4, 12);
    // p = 0.9: h = 2.7 → 10 + 0.7 × 0 = 10
    expect(weightedQuantile(g, 0.9)).toBe(10);
  });

  it('one group: every quantile is its value; no children: null', () => {
    expect(weightedQuantile([[7, 3]], 0.5)).toBe(7);
    expect(weightedQuantile([[7, 3]], 0.9)).toBe(7);
    expect(weightedQuantile([[7, 1]], 0.9)).toBe(7);
    expect(weightedQuantile([], 0.5)).toBeNull();
    expect(weightedMean([])).toBeNull();
  });

  it('equals type 7 on the expanded list, for random groups', () => {
    let s = 12345;
    const r = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 500; trial++) {
      const k = 1 + Math.floor(r() * 6);
      const values = [...new Set(Array.from({ length: k }, () => Math.round(r() * 3000) / 10))].sort((a, b) => a - b);
      const groups = values.map((v) => [v, 1 + Math.floor(r() * 5)] as const);
      const xs = expand(groups);
      for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, r()]) {
        expect(weightedQuantile(groups, p)).toBeCloseTo(type7(xs, p), 9);
      }
      expect(weightedMean(groups)).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
    }
  });
});
