// The backtest of the demand methods (SPEC.md section 4.4) on a tiny history worked by hand.
import { describe, expect, it } from 'vitest';
import { BacktestError, defaultFrom, runBacktest, type BacktestInput, type BacktestMethod } from '../../src/model/backtest.js';
import type { DemandPoint, FigureStatus } from '../../src/model/types.js';

const pt = (la: string, year: number, children: number, status?: FigureStatus): DemandPoint => ({
  laCode: la,
  asAt: `${year}-03-31`,
  year,
  children,
  ...(status ? { status } : {}),
});

const LAS = [
  { code: 'A', nameEn: 'Aton' },
  { code: 'B', nameEn: 'Bton' },
];
// A: 100, 110, 120 published 2015-2017; 125 in 2018 is an estimate; 140 published in 2019.
// B: 50, 50, 56 published 2015-2017; 50 in 2019. The nation: 150, 160, 176, 180, 190 (2015-2019).
// Flows of 2016-17 (the year to 31 March 2017) for the nation: 40 started, 30 ceased.
const INPUT: BacktestInput = {
  localAuthorities: LAS,
  history: [pt('A', 2015, 100), pt('A', 2016, 110), pt('A', 2017, 120), pt('A', 2018, 125, 'estimated'), pt('A', 2019, 140), pt('B', 2015, 50), pt('B', 2016, 50), pt('B', 2017, 56, 'derived'), pt('B', 2019, 50)],
  nationHistory: [pt('W92000004', 2015, 150), pt('W92000004', 2016, 160), pt('W92000004', 2017, 176), pt('W92000004', 2018, 180), pt('W92000004', 2019, 190)],
  flows: [{ laCode: 'W92000004', year: 2016, started: 40, ceased: 30 }],
  from: null,
  nationCode: 'W92000004',
};

describe('backtest', () => {
  const r = runBacktest(INPUT);
  const f = (area: string, year: number, m: BacktestMethod) => r.points.find((p) => p.areaCode === area && p.year === year && p.method === m)?.forecast;

  it('fits up to the latest year every LA has published (2017) and leaves estimates out of fitting and scoring', () => {
    expect(defaultFrom(LAS, INPUT.history)).toBe(2017);
    expect(r.from).toBe(2017);
    // fitted: A, B and the nation 2015-2017 (a derived figure counts as published); held back:
    // A 2019, B 2019, the nation 2018 and 2019; A's estimated 2018 is neither fitted nor scored.
    expect([r.fitted, r.heldBack, r.estimatedLeftOut]).toEqual([9, 4, { upToFrom: 0, after: 1 }]);
    expect(r.points.some((p) => p.areaCode === 'A' && p.year === 2018)).toBe(false);
    expect(r.horizons).toEqual([1, 2]);
  });

  it("forecasts A's 2019 (140) by each method", () => {
    expect(f('A', 2019, 'naive')).toBe(120);
    // least squares through (2015, 100), (2016, 110), (2017, 120): slope 10, 120 + 2 × 10
    expect(f('A', 2019, 'trend_3')).toBe(140);
    expect(f('A', 2019, 'trend_all')).toBe(140);
    // mean yearly rate (120 / 100)^(1/2) − 1; two years on: 120 × 1.2 = 144
    expect(f('A', 2019, 'change')).toBe(144);
    // flows: the nation's 40 entries shared by 31 March 2017's 120 : 56 → 27.27, 12.73 → 27, 13;
    // 30 ceased → 20.45, 9.55 → 20, 10; mean time 110 (2016) / 20 = 5.5 years.
    // 2018: 120 + 27 − round(21.8) = 125; 2019: 125 + 27 − round(22.7) = 129
    expect(f('A', 2019, 'flows')).toBe(129);
  });

  it("forecasts B's 2019 (50) and the nation's 2018 (180) and 2019 (190)", () => {
    // B: trend slope 3 through 50, 50, 56 (mean 52 at 2016): 52 + 3 × 3 = 61; change 56 × 56/50 = 62.7 → 63;
    // flows 13 in, mean time 50 / 10 = 5: 2018 56 + 13 − 11 = 58; 2019 58 + 13 − 12 = 59
    expect(['naive', 'trend_3', 'change', 'flows'].map((m) => f('B', 2019, m as BacktestMethod))).toEqual([56, 61, 63, 59]);
    // nation: trend slope 13 (mean 162 at 2016): 188, 201; change 176 × 1.0832 = 190.6 → 191, 206.5 → 207;
    // flows 40 in, mean time 160 / 30: 2018 176 + 40 − 33 = 183; 2019 183 + 40 − round(34.3) = 189
    expect(['naive', 'trend_3', 'change', 'flows'].map((m) => f('W92000004', 2018, m as BacktestMethod))).toEqual([176, 188, 191, 183]);
    expect(['naive', 'trend_3', 'change', 'flows'].map((m) => f('W92000004', 2019, m as BacktestMethod))).toEqual([176, 201, 207, 189]);
  });

  it('scores mean absolute percentage error and bias over LAs, and the nation on its own figure', () => {
    const s = (m: BacktestMethod, h: number) => r.scores.find((x) => x.method === m && x.horizon === h)!;
    // 2 years ahead, LAs: naive A −20/140, B +6/50 → MAPE (0.142857 + 0.12) / 2, bias (−0.142857 + 0.12) / 2
    expect(s('naive', 2).points).toBe(2);
    expect(s('naive', 2).mape).toBeCloseTo(0.131429, 6);
    expect(s('naive', 2).bias).toBeCloseTo(-0.011429, 6);
    // trend: A 0, B +11/50 → 0.11 both; flows: A −11/140, B +9/50
    expect(s('trend_3', 2).mape).toBeCloseTo(0.11, 6);
    expect(s('flows', 2).mape).toBeCloseTo((11 / 140 + 9 / 50) / 2, 9);
    expect(s('flows', 2).bias).toBeCloseTo((-11 / 140 + 9 / 50) / 2, 9);
    // the nation, 1 year ahead: flows 183 against 180 = +1.67%, its own figure (not pooled)
    expect(s('flows', 1).nation).toEqual({ forecast: 183, actual: 180, error: 3 / 180, pooled: false });
    // no LA has a published 2018: nothing over LAs at 1 year ahead
    expect(s('flows', 1).points).toBe(0);
    expect(s('flows', 1).mape).toBeNaN();
  });

  it('says which method wins, per horizon and overall, and whether it beats naive', () => {
    // LAs at 2 years: trend 0.11 < flows 0.1293 < naive 0.1314 < change 0.1443; three trends tie, the first listed wins
    expect(r.best.find((b) => b.horizon === 2)!.las).toMatchObject({ method: 'trend_3', beatsNaive: true });
    // the nation: flows at both horizons (|+3/180| and |−1/190|)
    expect(r.best.map((b) => b.nation?.method)).toEqual(['flows', 'flows']);
    expect(r.overall.nationBest).toMatchObject({ method: 'flows', beatsNaive: true });
    expect(r.overall.nationBest!.mape).toBeCloseTo((3 / 180 + 1 / 190) / 2, 9);
    expect(r.overall.nationBest!.naiveMape).toBeCloseTo((4 / 180 + 14 / 190) / 2, 9);
  });

  it('reports when no method beats naive', () => {
    // A flat LA whose figure then stays flat: naive is exact, every fitted line drifts.
    const flat = runBacktest({ localAuthorities: [{ code: 'A', nameEn: 'Aton' }], history: [pt('A', 2015, 10), pt('A', 2016, 12), pt('A', 2017, 12), pt('A', 2018, 12)], flows: null, from: 2017, nationCode: 'W92000004' });
    expect(flat.overall.lasBest).toMatchObject({ method: 'naive', beatsNaive: false, mape: 0 });
    expect(flat.flowsNote).toMatch(/no flows in the data/);
  });

  it('pools the LAs for the nation when the data has no figures of its own', () => {
    const pooled = runBacktest({ ...INPUT, nationHistory: [] });
    const s = pooled.scores.find((x) => x.method === 'naive' && x.horizon === 2)!;
    // 120 + 56 against 140 + 50
    expect(s.nation).toEqual({ forecast: 176, actual: 190, error: -14 / 190, pooled: true });
    expect(pooled.horizons).toEqual([2]);
  });

  it("shares the nation's flows over the LAs only when every LA has its figure at the fit year", () => {
    // From 2016 every LA has a figure; add C's 2018 only: from 2018 only C would be at the origin, and
    // the nation's flows cannot be shared by one LA's share of an unknown total.
    const r2 = runBacktest({
      ...INPUT,
      localAuthorities: [...LAS, { code: 'C', nameEn: 'Cton' }],
      history: [...INPUT.history, pt('C', 2015, 5), pt('C', 2018, 6), pt('C', 2019, 7)],
      flows: [{ laCode: 'W92000004', year: 2017, started: 40, ceased: 30 }],
      from: 2018,
    });
    expect(r2.points.some((p) => p.method === 'flows' && p.areaCode !== 'W92000004')).toBe(false);
    expect(r2.flowsNote).toMatch(/for the nation only \(not every LA has a published figure at 31 March 2018/);
    expect(r2.points.some((p) => p.method === 'flows' && p.areaCode === 'W92000004')).toBe(true);
  });

  it('refuses a year after which nothing published is left to score', () => {
    expect(() => runBacktest({ ...INPUT, from: 2019 })).toThrow(BacktestError);
    expect(() => runBacktest({ ...INPUT, from: 2019 })).toThrow(/no published figure after 2019 to score/);
  });
});
