// Summaries over runs: mean and type-7 p10, p50, p90 per area, year and metric, and the paired
// difference of two scenarios' runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedDiff, summariseRuns, toRunSet } from '../../src/model/montecarlo.js';
import { METRICS, type AreaYearRow, type MetricName } from '../../src/model/types.js';

/** A row whose metrics are all `fill` except those given. */
function row(areaCode: string, year: number, over: Partial<Record<MetricName, number | null>> = {}, fill: number | null = 0): AreaYearRow {
  const metrics = Object.fromEntries(METRICS.map((m) => [m, fill])) as Record<MetricName, number | null>;
  return { scenario: 's', level: 'region', areaCode, areaName: areaCode, year, asAt: `${year + 1}-03-31`, metrics: { ...metrics, ...over } };
}

describe('summariseRuns', () => {
  it('gives the mean and the type-7 quantiles (numpy, R, PERCENTILE.INC)', () => {
    // Ten runs with unplaced = 1 … 10 (in shuffled run order). Type 7: h = (n − 1)p.
    // p10: h = 0.9, 1 + 0.9 × (2 − 1) = 1.9; p50: h = 4.5, 5.5; p90: h = 8.1, 9.1. Mean 5.5.
    const values = [7, 3, 10, 1, 5, 8, 2, 9, 4, 6];
    const [out] = summariseRuns(values.map((v) => [row('gwent', 2025, { unplaced: v })]));
    expect(out.metrics.unplaced).toEqual({ mean: 5.5, p10: 1.9, p50: 5.5, p90: 9.1 });
    expect(out.runs).toBe(10);
    expect(out).toMatchObject({ scenario: 's', level: 'region', areaCode: 'gwent', year: 2025, asAt: '2026-03-31' });
  });

  it('leaves a metric empty if it is empty in any run', () => {
    const runs = [[row('gwent', 2025, { cost_gbp: 10 })], [row('gwent', 2025, { cost_gbp: null })], [row('gwent', 2025, { cost_gbp: 12 })]];
    const [out] = summariseRuns(runs);
    expect(out.metrics.cost_gbp).toBeNull();
    expect(out.metrics.unplaced).toEqual({ mean: 0, p10: 0, p50: 0, p90: 0 });
  });

  it('gives every statistic equal to the value itself when every run agrees', () => {
    // 0.1 summed ten times is not 1 in floating point; the mean must still be exactly 0.1.
    const runs = Array.from({ length: 10 }, () => [row('gwent', 2025, { placed_in_own_la_share: 0.1, mean_distance_km: 23.456789 })]);
    const [out] = summariseRuns(runs);
    expect(out.metrics.placed_in_own_la_share).toEqual({ mean: 0.1, p10: 0.1, p50: 0.1, p90: 0.1 });
    expect(out.metrics.mean_distance_km).toEqual({ mean: 23.456789, p10: 23.456789, p50: 23.456789, p90: 23.456789 });
  });

  it('keeps the rows in the order of the runs', () => {
    const runs = [0, 1].map(() => [row('north-wales', 2024), row('north-wales', 2025), row('gwent', 2024)]);
    expect(summariseRuns(runs).map((r) => `${r.areaCode} ${r.year}`)).toEqual(['north-wales 2024', 'north-wales 2025', 'gwent 2024']);
  });

  it('refuses runs whose rows differ', () => {
    expect(() => toRunSet([[row('gwent', 2024)], [row('powys', 2024)]])).toThrow(/different rows/);
  });

  it('always has p10 <= p50 <= p90, all within the runs’ range', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const [out] = summariseRuns(values.map((v) => [row('gwent', 2025, { cost_gbp: v })]));
        const s = out.metrics.cost_gbp!;
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        return lo <= s.p10 && s.p10 <= s.p50 && s.p50 <= s.p90 && s.p90 <= hi;
      }),
    );
  });
});

describe('pairedDiff', () => {
  it('takes B − A run by run, so what the runs share cancels', () => {
    // A's unplaced varies a lot from run to run; B always has exactly 5 more. The paired
    // difference is 5 with no spread, though A's and B's own ranges are wide.
    const a = [10, 50, 90, 130].map((v) => [row('gwent', 2025, { unplaced: v })]);
    const b = [10, 50, 90, 130].map((v) => [row('gwent', 2025, { unplaced: v + 5 })]);
    const [out] = pairedDiff(a, b);
    expect(out.metrics.unplaced.delta).toEqual({ mean: 5, p10: 5, p50: 5, p90: 5 });
    expect(out.metrics.unplaced.a).toEqual({ mean: 70, p10: 22, p50: 70, p90: 118 });
    expect(out.metrics.unplaced.b!.p90).toBe(123);
  });

  it('pairs rows by area and year, leaving out years only one scenario reaches', () => {
    const a = [[row('gwent', 2024, { unplaced: 1 }), row('gwent', 2025, { unplaced: 2 })]];
    const b = [[row('gwent', 2024, { unplaced: 4 })]];
    const out = pairedDiff(a, b);
    expect(out).toHaveLength(1);
    expect(out[0].metrics.unplaced.delta!.mean).toBe(3);
  });

  it('leaves the difference empty where either scenario is empty', () => {
    const [out] = pairedDiff([[row('gwent', 2025, { cost_gbp: null })]], [[row('gwent', 2025, { cost_gbp: 3 })]]);
    expect(out.metrics.cost_gbp).toEqual({ a: null, b: { mean: 3, p10: 3, p50: 3, p90: 3 }, delta: null });
  });

  it('needs as many runs of each scenario', () => {
    expect(() => pairedDiff([[row('gwent', 2025)]], [[row('gwent', 2025)], [row('gwent', 2025)]])).toThrow(/as many runs/);
  });
});
