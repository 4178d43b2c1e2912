// Summaries over runs: the mean and p10, p50, p90 per area, year and metric (nearest rank for counts
// of children, type 7 for the rest), and the paired difference of two scenarios' runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, pairedDiff, summariseRuns, toRunSet } from '../../src/model/montecarlo.js';
import { METRICS, type AreaYearRow, type MetricName } from '../../src/model/types.js';

/** A row whose metrics are all `fill` except those given. */
function row(areaCode: string, year: number, over: Partial<Record<MetricName, number | null>> = {}, fill: number | null = 0): AreaYearRow {
  const metrics = Object.fromEntries(METRICS.map((m) => [m, fill])) as Record<MetricName, number | null>;
  return { scenario: 's', level: 'region', areaCode, areaName: areaCode, year, asAt: `${year + 1}-03-31`, metrics: { ...metrics, ...over } };
}

describe('summariseRuns', () => {
  it('gives the mean and, for a count of children, nearest-rank percentiles: whole children', () => {
    // Ten runs with unplaced = 1 … 10 (in shuffled run order). Nearest rank: the ⌈p·n⌉-th smallest.
    // p10: ⌈1⌉ = 1st = 1; p50: ⌈5⌉ = 5th = 5; p90: ⌈9⌉ = 9th = 9. Mean 55 / 10 = 5.5.
    const values = [7, 3, 10, 1, 5, 8, 2, 9, 4, 6];
    const [out] = summariseRuns(values.map((v) => [row('gwent', 2025, { unplaced: v })]));
    expect(out.metrics.unplaced).toEqual({ mean: 5.5, p10: 1, p50: 5, p90: 9, runs: 10 });
    expect(out.runs).toBe(10);
    expect(out).toMatchObject({ scenario: 's', level: 'region', areaCode: 'gwent', year: 2025, asAt: '2026-03-31' });
  });

  it('gives the mean and type-7 percentiles (numpy, R, PERCENTILE.INC) of a distance', () => {
    // Ten runs of 1 … 10 km. Type 7: h = (n − 1)p. p10: h = 0.9, 1 + 0.9 × (2 − 1) = 1.9;
    // p50: h = 4.5, 5.5; p90: h = 8.1, 9.1. Mean 5.5.
    const values = [7, 3, 10, 1, 5, 8, 2, 9, 4, 6];
    const [out] = summariseRuns(values.map((v) => [row('gwent', 2025, { mean_distance_km: v })]));
    expect(out.metrics.mean_distance_km).toEqual({ mean: 5.5, p10: 1.9, p50: 5.5, p90: 9.1, runs: 10 });
  });

  it('leaves a run where a metric is empty out of its mean and percentiles, and counts the runs used', () => {
    // Costs 10, empty, 12: mean (10 + 12) / 2 = 11 over 2 runs; type 7 over [10, 12]: p10 = 10.2, p90 = 11.8.
    const runs = [[row('gwent', 2025, { cost_gbp: 10 })], [row('gwent', 2025, { cost_gbp: null })], [row('gwent', 2025, { cost_gbp: 12 })]];
    const [out] = summariseRuns(runs);
    expect(out.metrics.cost_gbp).toEqual({ mean: 11, p10: 10.2, p50: 11, p90: 11.8, runs: 2 });
    expect(out.metrics.unplaced).toEqual({ mean: 0, p10: 0, p50: 0, p90: 0, runs: 3 });
  });

  it('leaves a metric empty only when it is empty in every run', () => {
    const [out] = summariseRuns([[row('gwent', 2025, { cost_gbp: null })], [row('gwent', 2025, { cost_gbp: null })]]);
    expect(out.metrics.cost_gbp).toBeNull();
  });

  it('takes the nearest rank as the ⌈p·n⌉-th smallest', () => {
    // n = 4: p10 → ⌈0.4⌉ = 1st; p50 → ⌈2⌉ = 2nd; p90 → ⌈3.6⌉ = 4th. n = 1: every p is the one value.
    expect([0.1, 0.5, 0.9].map((p) => nearestRank([10, 20, 30, 40], p))).toEqual([10, 20, 40]);
    expect(nearestRank([7], 0.9)).toBe(7);
  });

  it('gives whole percentiles of counts, among the runs’ own values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const [out] = summariseRuns(values.map((v) => [row('gwent', 2025, { displaced: v })]));
        const s = out.metrics.displaced!;
        return [s.p10, s.p50, s.p90].every((q) => values.includes(q)) && s.p10 <= s.p50 && s.p50 <= s.p90;
      }),
    );
  });

  it('gives every statistic equal to the value itself when every run agrees', () => {
    // 0.1 summed ten times is not 1 in floating point; the mean must still be exactly 0.1.
    const runs = Array.from({ length: 10 }, () => [row('gwent', 2025, { placed_in_own_la_share: 0.1, mean_distance_km: 23.456789 })]);
    const [out] = summariseRuns(runs);
    expect(out.metrics.placed_in_own_la_share).toEqual({ mean: 0.1, p10: 0.1, p50: 0.1, p90: 0.1, runs: 10 });
    expect(out.metrics.mean_distance_km).toEqual({ mean: 23.456789, p10: 23.456789, p50: 23.456789, p90: 23.456789, runs: 10 });
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
    // Counts by nearest rank over 4 runs: p10 = 1st, p50 = 2nd, p90 = 4th smallest.
    expect(out.metrics.unplaced.delta).toEqual({ mean: 5, p10: 5, p50: 5, p90: 5, runs: 4 });
    expect(out.metrics.unplaced.a).toEqual({ mean: 70, p10: 10, p50: 50, p90: 130, runs: 4 });
    expect(out.metrics.unplaced.b!.p90).toBe(135);
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
    expect(out.metrics.cost_gbp).toEqual({ a: null, b: { mean: 3, p10: 3, p50: 3, p90: 3, runs: 1 }, delta: null });
  });

  it('leaves out of the paired differences a run where either is empty', () => {
    // Run 0: 4 − 1 = 3; run 1: A empty, left out; run 2: 9 − 2 = 7. Mean (3 + 7) / 2 = 5 over 2 runs.
    const a = [1, null, 2].map((v) => [row('gwent', 2025, { mean_distance_km: v })]);
    const b = [4, 6, 9].map((v) => [row('gwent', 2025, { mean_distance_km: v })]);
    const [out] = pairedDiff(a, b);
    expect(out.metrics.mean_distance_km.delta).toMatchObject({ mean: 5, runs: 2 });
    expect(out.metrics.mean_distance_km.b!.mean).toBeCloseTo(19 / 3, 12);
    expect(out.metrics.mean_distance_km.b!.runs).toBe(3);
  });

  it('needs as many runs of each scenario', () => {
    expect(() => pairedDiff([[row('gwent', 2025)]], [[row('gwent', 2025)], [row('gwent', 2025)]])).toThrow(/as many runs/);
  });
});
