// The share of the spread (docs/methodology.md, "Which assumption matters") on functions whose
// first-order shares are known exactly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustedShare, correlationRatio, spreadShares } from '../../../src/model/sensitivity/spread.js';
import { streamFor } from '../../../src/model/random.js';

/** n independent uniform draws on [lo, hi) from their own seeded stream. */
function uniforms(n: number, key: string, lo = 0, hi = 1): Float64Array {
  const random = streamFor(7, 0, key);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * random());
}

// Tolerance. With n = 20,000 runs and ten bins the estimate of a share s differs from s by
// (a) the variance of E[M | X] within each bin, which binning loses: for a uniform X a bin of a tenth
// of its range keeps 1 − 1/100 of Var X, so a share of 0.8 reads about 0.792 (0.008 low); and
// (b) sampling error, of standard error about 2·sqrt(s(1 − s)/n) ≈ 0.006 at s = 0.8.
// 0.02 covers (a) plus three standard errors of (b).
const TOL = 0.02;
const N = 20_000;

describe('correlationRatio', () => {
  it('is 1 when the bins split the metric exactly, 0 when every bin has the same mean (worked by hand)', () => {
    // x = 1, 2, 3, 4 in two bins {1, 2}, {3, 4}. m = 1, 1, 3, 3: bin means 1 and 3, overall mean 2;
    // between = 2·(1 − 2)² + 2·(3 − 2)² = 4; total = 4·1 = 4; η² = 1.
    expect(correlationRatio([1, 2, 3, 4], [1, 1, 3, 3], 2)).toBe(1);
    // m = 1, 3, 1, 3: both bin means 2, between = 0.
    expect(correlationRatio([1, 2, 3, 4], [1, 3, 1, 3], 2)).toBe(0);
    // m = 0, 2, 2, 4: bin means 1 and 3; between = 2·1 + 2·1 = 4; total = 4 + 0 + 0 + 4 = 8; η² = 0.5.
    expect(correlationRatio([4, 3, 2, 1], [4, 2, 2, 0], 2)).toBe(0.5);
  });

  it('bins runs by the rank of x, not by their order', () => {
    expect(correlationRatio([3, 1, 4, 2], [3, 1, 3, 1], 2)).toBe(1);
  });
});

describe('adjustedShare', () => {
  it("takes away the (k − 1) ÷ (n − 1) that a parameter doing nothing shows (worked by hand)", () => {
    // η² = 9/199 is what an idle parameter shows on average over 10 bins of 200 runs:
    // 1 − (1 − 9/199)·199/190 = 1 − (190/199)·(199/190) = 0.
    expect(adjustedShare(9 / 199, 200, 10)).toBeCloseTo(0, 12);
    // η² = 0.5 over 10 bins of 100 runs: 1 − 0.5·99/90 = 0.45.
    expect(adjustedShare(0.5, 100, 10)).toBeCloseTo(0.45, 12);
    expect(adjustedShare(0.01, 100, 10)).toBe(0);
    expect(adjustedShare(1, 100, 10)).toBe(1);
  });
});

describe('spreadShares', () => {
  it('M = a·X + b·Y, X and Y independent: shares a²VarX/(a²VarX + b²VarY) and b²VarY/(…)', () => {
    // X ~ U(0, 1): Var X = 1/12. Y ~ U(0, 3): Var Y = 9/12. a = 3, b = 1:
    // a²VarX = 9/12, b²VarY = 9/12: shares 0.5 and 0.5, nothing left.
    const x = uniforms(N, 'x');
    const y = uniforms(N, 'y', 0, 3);
    const m = x.map((xi, i) => 3 * xi + y[i]);
    const { shares, remainder } = spreadShares([x, y], m);
    expect(shares[0]).toBeCloseTo(0.5, 1);
    expect(Math.abs(shares[0] - 0.5)).toBeLessThan(TOL);
    expect(Math.abs(shares[1] - 0.5)).toBeLessThan(TOL);
    expect(remainder).toBeLessThan(TOL);
  });

  it('unequal weights: a = 2, b = 1 on two U(0, 1): shares 4/5 and 1/5', () => {
    const x = uniforms(N, 'x2');
    const y = uniforms(N, 'y2');
    const m = x.map((xi, i) => 2 * xi + y[i]);
    const { shares } = spreadShares([x, y], m);
    expect(Math.abs(shares[0] - 0.8)).toBeLessThan(TOL);
    expect(Math.abs(shares[1] - 0.2)).toBeLessThan(TOL);
  });

  it('an interaction goes to the remainder: M = X + X·Y on U(−1, 1) gives X 3/4, Y 0, remainder 1/4', () => {
    // Var X = 1/3; Var XY = E[X²]E[Y²] = 1/9; Cov(X, XY) = E[X²]E[Y] = 0: Var M = 4/9.
    // E[M | X] = X (E[Y] = 0): share 1/3 ÷ 4/9 = 3/4. E[M | Y] = E[X](1 + Y) = 0: share 0.
    // The rest, 1/4, is the interaction X·Y, which no first-order share holds.
    const x = uniforms(N, 'x3', -1, 1);
    const y = uniforms(N, 'y3', -1, 1);
    const m = x.map((xi, i) => xi + xi * y[i]);
    const { shares, remainder } = spreadShares([x, y], m);
    expect(Math.abs(shares[0] - 0.75)).toBeLessThan(TOL);
    expect(shares[1]).toBeLessThan(TOL);
    expect(Math.abs(remainder - 0.25)).toBeLessThan(TOL);
  });

  it('a pure interaction M = X·Y leaves everything to the remainder', () => {
    const x = uniforms(N, 'x4', -1, 1);
    const y = uniforms(N, 'y4', -1, 1);
    const { shares, remainder } = spreadShares([x, y], x.map((xi, i) => xi * y[i]));
    expect(shares[0]).toBeLessThan(TOL);
    expect(shares[1]).toBeLessThan(TOL);
    expect(remainder).toBeGreaterThan(1 - 2 * TOL);
  });

  it('a metric that does not move has no spread to share', () => {
    expect(spreadShares([[1, 2, 3]], [5, 5, 5])).toEqual({ shares: [0], remainder: 0, variance: 0 });
  });

  it('a spread too small to square in doubles is all remainder (found by fast-check, seed -180506569)', () => {
    // Eleven runs give 0 and one gives 5e-324, the smallest double: its square underflows to 0, so
    // the variance and every correlation ratio read 0. The metric still varies, so the shares (0) and
    // the remainder (1) sum to 1 as for any spread.
    const m = [...Array(11).fill(0), 5e-324];
    const x = m.map((_, i) => i);
    expect(spreadShares([x, x], m)).toEqual({ shares: [0, 0], remainder: 1, variance: 0 });
  });

  it('shares and remainder are each in [0, 1], and with the remainder sum to at least 1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })), { minLength: 12, maxLength: 80 }), (rows) => {
        const { shares, remainder } = spreadShares([rows.map((r) => r[0]), rows.map((r) => r[1])], rows.map((r) => r[2]));
        for (const s of [...shares, remainder]) expect(s >= 0 && s <= 1).toBe(true);
        const spread = rows.some((r) => r[2] !== rows[0][2]);
        if (spread) expect(shares[0] + shares[1] + remainder).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
    );
  });
});
