// Share of the spread (docs/methodology.md, "Which assumption matters"): each uncertain parameter's
// first-order share of the variance of a metric over a scenario's own Monte Carlo runs,
// Var(E[M | X]) ÷ Var(M), estimated by the correlation ratio over quantile bins of X, and one
// remainder for interactions and the model's own randomness.
//
// The plain correlation ratio η² over k bins of n runs is biased upwards: a parameter that does
// nothing still shows about (k − 1) ÷ (n − 1) of the variance (4.5% at 10 bins of 200 runs), so
// fifteen idle parameters would claim two thirds of the spread between them. Each share is therefore
// Kelley's ε² (the adjusted η², as adjusted R²): 1 − (1 − η²)(n − 1) ÷ (n − k), which has no such
// bias, floored at 0.

/** How many quantile bins each parameter's runs are grouped into. */
export const SPREAD_BINS = 10;

export interface SpreadShares {
  /** First-order share of each parameter, in the order given, each in [0, 1]. */
  shares: number[];
  /** What the first-order shares leave: interactions and the model's own randomness, in [0, 1]. */
  remainder: number;
  /** Variance of the metric over the runs (population form). */
  variance: number;
}

/**
 * The correlation ratio of `m` on `x` over `bins` bins of (nearly) equal count: runs sorted by x
 * (ties by run index, so the result never depends on the sort's stability), run j of n going to bin
 * floor(j × bins ÷ n). Returns the unadjusted η² = Σ n_b (mean_b − mean)² ÷ Σ (m_i − mean)².
 */
export function correlationRatio(x: ArrayLike<number>, m: ArrayLike<number>, bins = SPREAD_BINS): number {
  const n = m.length;
  if (x.length !== n) throw new RangeError(`correlationRatio: ${x.length} parameter values for ${n} runs`);
  if (n === 0) return 0;
  const mean = meanOf(m);
  let total = 0;
  for (let i = 0; i < n; i++) total += (m[i] - mean) ** 2;
  if (total === 0) return 0;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const sums = new Float64Array(bins);
  const counts = new Float64Array(bins);
  order.forEach((run, j) => {
    const b = Math.floor((j * bins) / n);
    sums[b] += m[run];
    counts[b] += 1;
  });
  let between = 0;
  for (let b = 0; b < bins; b++) if (counts[b] > 0) between += counts[b] * (sums[b] / counts[b] - mean) ** 2;
  return Math.min(1, between / total);
}

/** Kelley's ε²: η² adjusted for the k − 1 bin means fitted to n runs, floored at 0. */
export function adjustedShare(eta2: number, n: number, bins = SPREAD_BINS): number {
  if (n <= bins) return 0;
  return Math.max(0, 1 - ((1 - eta2) * (n - 1)) / (n - bins));
}

/**
 * Each parameter's first-order share of the metric's variance over the runs (`xs[p][i]` is
 * parameter p's draw in run i, `m[i]` the metric in run i) and the remainder, 1 less their sum
 * (floored at 0: with correlated estimates the first-order shares may sum past 1 by noise).
 * A metric that does not vary has no spread to share: every share and the remainder are 0.
 */
export function spreadShares(xs: ReadonlyArray<ArrayLike<number>>, m: ArrayLike<number>, bins = SPREAD_BINS): SpreadShares {
  const n = m.length;
  const mean = meanOf(m);
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (m[i] - mean) ** 2;
  const variance = n === 0 ? 0 : sq / n;
  // "Does not vary" means every run gives the same value. A spread whose squares underflow (runs
  // apart by 1e-300) still varies: no parameter can be seen to explain it, so it is all remainder.
  let varies = false;
  for (let i = 1; i < n && !varies; i++) varies = m[i] !== m[0];
  if (!varies) return { shares: xs.map(() => 0), remainder: 0, variance };
  const shares = xs.map((x) => adjustedShare(correlationRatio(x, m, bins), n, bins));
  const sum = shares.reduce((a, b) => a + b, 0);
  return { shares, remainder: Math.max(0, 1 - sum), variance };
}

function meanOf(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return v.length === 0 ? 0 : s / v.length;
}
