// The backtest of the demand methods (docs/methodology.md, "Backtests: which demand forecast to trust") on a tiny history worked by hand.
import { describe, expect, it } from 'vitest';
import { BacktestError, VARIANTS, backtestForecasts, variantName, type BacktestInput, type BacktestPoint } from '../../src/model/backtest.js';
import { runBacktest, verdictOf } from '../../src/model/backtest-rank.js';
import { signTestP } from '../../src/model/sign-test.js';
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

describe('backtest: forecasts from one origin (--from 2017)', () => {
  const r = backtestForecasts({ ...INPUT, from: 2017 });
  const f = (area: string, year: number, m: string) => r.points.find((p) => p.areaCode === area && p.year === year && p.method === m && p.origin === 2017)?.forecast;

  it('leaves estimates out of fitting and scoring', () => {
    // published: A 4, B 4, the nation 5 (a derived figure counts as published); A's 2018 is estimated
    expect([r.published, r.estimatedLeftOut]).toEqual([13, 1]);
    expect(r.points.some((p) => p.areaCode === 'A' && p.year === 2018)).toBe(false);
  });

  it("forecasts A's 2019 (140) by each method", () => {
    expect(f('A', 2019, 'naive')).toBe(120);
    // least squares through (2015, 100), (2016, 110), (2017, 120): slope 10, 120 + 2 × 10
    expect(f('A', 2019, 'trend_3')).toBe(140);
    expect(f('A', 2019, 'trend_all')).toBe(140);
    // damped 0.8, two years on: 120 + 10 × (0.8 + 0.64) = 134.4 -> 134
    expect(f('A', 2019, 'trend_3_damped_0.8')).toBe(134);
    // mean yearly rate (120 / 100)^(1/2) − 1; two years on: 120 × 1.2 = 144
    expect(f('A', 2019, 'change')).toBe(144);
    // flows: the nation's 40 entries shared by 31 March 2017's 120 : 56 → 27.27, 12.73 → 27, 13;
    // 30 ceased → 20.45, 9.55 → 20, 10; mean time 110 (2016) / 20 = 5.5 years.
    // 2018: 120 + 27 − round(21.8) = 125; 2019: 125 + 27 − round(22.7) = 129
    expect(f('A', 2019, 'flows')).toBe(129);
  });

  it('reconciles the LAs to their summed series projected by the same method', () => {
    // Summed: 150, 160, 176 (2015-2017): slope 13, line at 2017 = 162 + 13 = 175; damped 0.8 two
    // years on: 175 + 13 × 1.44 = 193.72 -> 194. A's own 134.4; B's (50, 50, 56: slope 3, 55 at
    // 2017) 55 + 3 × 1.44 = 59.32. Scaled to 194: A 134.59, B 59.41 -> 134 + 59 = 193, one more to A.
    expect(f('A', 2019, 'trend_3_damped_0.8_reconciled')).toBe(135);
    expect(f('B', 2019, 'trend_3_damped_0.8_reconciled')).toBe(59);
    // The nation is the top: reconciled or not, its forecast is the same.
    expect(f('W92000004', 2019, 'trend_3_damped_0.8_reconciled')).toBe(f('W92000004', 2019, 'trend_3_damped_0.8'));
  });

  it("forecasts the nation's 2018 (180) and 2019 (190)", () => {
    // nation: trend slope 13 (mean 162 at 2016): 188, 201; change 176 × 1.0832 = 190.6 → 191, 206.5 → 207;
    // flows 40 in, mean time 160 / 30: 2018 176 + 40 − 33 = 183; 2019 183 + 40 − round(34.3) = 189
    expect(['naive', 'trend_3', 'change', 'flows'].map((m) => f('W92000004', 2018, m))).toEqual([176, 188, 191, 183]);
    expect(['naive', 'trend_3', 'change', 'flows'].map((m) => f('W92000004', 2019, m))).toEqual([176, 201, 207, 189]);
  });
});

describe('backtest: every origin year', () => {
  const r = backtestForecasts(INPUT);

  it('scores each variant from every origin with enough points up to it and one after', () => {
    // A published 2015, 2016, 2017, 2019: naive from 2015, 2016 and 2017; trend_3 only from 2017
    // (three points); trend_5 never (four points in all).
    const origins = (m: string) => [...new Set(r.points.filter((p) => p.areaCode === 'A' && p.method === m).map((p) => p.origin))];
    expect(origins('naive')).toEqual([2015, 2016, 2017]);
    expect(origins('trend_3')).toEqual([2017]);
    expect(origins('trend_5')).toEqual([]);
    // the nation: 2015-2019, trend_5 never, trend_3 from 2017 and 2018
    expect(r.origins).toEqual({ las: [2015, 2016, 2017], nation: [2015, 2016, 2017, 2018] });
  });

  it('names the variants as the output does', () => {
    expect(variantName(5, 0.8, true)).toBe('trend_5_damped_0.8_reconciled');
    expect(variantName(Infinity, 1, true)).toBe('trend_all_reconciled');
    // naive, 3 fits × 3 dampings × reconciled or not, change, flows
    expect(VARIANTS.length).toBe(1 + 18 + 2);
  });
});

describe('the sign test and the verdict', () => {
  it('gives the exact one-sided binomial tail', () => {
    // 5 of 5: (1/2)^5 = 0.03125; 4 of 4: 1/16; 7 of 10: (C(10,7) + C(10,8) + C(10,9) + C(10,10)) / 1024 = 176/1024
    expect(signTestP(5, 0)).toBeCloseTo(0.03125, 12);
    expect(signTestP(4, 0)).toBeCloseTo(0.0625, 12);
    expect(signTestP(7, 3)).toBeCloseTo(176 / 1024, 12);
    expect(signTestP(0, 3)).toBe(1);
    // large n neither overflows nor underflows: 600 of 1000 is far in the tail
    expect(signTestP(600, 400)).toBeLessThan(1e-9);
    // 500 of 1000: by symmetry ½ + P(X = 500) / 2, P(X = 500) = C(1000, 500) / 2^1000 = 0.0252250
    expect(signTestP(500, 500)).toBeCloseTo(0.5 + 0.025225 / 2, 6);
  });

  const point = (i: number, forecast: number, method = 'trend_3'): BacktestPoint => ({ method, areaCode: `L${i}`, origin: 2017, year: 2018, horizon: 1, forecast, actual: 100 });
  const naiveAt = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`L${i}|2017|2018`, point(i, 90, 'naive')]));

  it('claims a win only over at least five points with p below 5%', () => {
    // 5 points, each 1 off against naive's 10: p = 1/32 → wins
    const five = verdictOf([0, 1, 2, 3, 4].map((i) => point(i, 101)), naiveAt(5));
    expect(five).toMatchObject({ points: 5, better: 5, worse: 0, wins: true });
    expect(five.mape).toBeCloseTo(0.01, 12);
    expect(five.naiveMape).toBeCloseTo(0.1, 12);
    // 4 points all better: too few to claim anything
    expect(verdictOf([0, 1, 2, 3].map((i) => point(i, 101)), naiveAt(4)).wins).toBe(false);
    // 10 points, better at 7: p = 0.17 → no better than naive, though its MAPE is lower
    const ten = verdictOf(Array.from({ length: 10 }, (_, i) => point(i, i < 7 ? 100 : 111)), naiveAt(10));
    expect(ten).toMatchObject({ better: 7, worse: 3, wins: false });
    expect(ten.mape).toBeLessThan(ten.naiveMape);
  });

  it('chooses naive when no variant wins, and ranks naive among the variants', () => {
    const r = runBacktest(INPUT);
    expect(r.choice.method).toBe('naive');
    expect(r.naiveRank).not.toBeNull();
    expect(r.ranking.filter((x) => x.rank !== null).every((x) => x.las.points >= 5)).toBe(true);
  });
});

describe('backtest errors', () => {
  it('says --from is wrong when nothing is scored from it (a usage problem)', () => {
    expect(() => runBacktest({ ...INPUT, from: 2019 })).toThrow(BacktestError);
    try {
      runBacktest({ ...INPUT, from: 2019 });
    } catch (e) {
      expect((e as BacktestError).cause_).toBe('usage');
    }
  });

  it('says the history is too short when nothing can be scored from any origin (a data problem)', () => {
    const short = { ...INPUT, history: [pt('A', 2019, 140), pt('B', 2019, 50)], nationHistory: [], flows: null };
    try {
      runBacktest(short);
      expect.unreachable();
    } catch (e) {
      expect((e as BacktestError).cause_).toBe('data');
      expect((e as Error).message).toMatch(/at least two published figures of one series/);
    }
  });
});
