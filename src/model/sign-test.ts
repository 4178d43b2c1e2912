// The one-sided paired sign test of the backtest (docs/methodology.md, "Backtests: which demand
// forecast to trust"): is a method's error below the naive forecast's at more points than chance?

/**
 * P(X ≥ k) for X ~ Binomial(n, ½): the chance of k or more wins in n untied pairs when the method is
 * no better than naive. Summed in log space so that n in the thousands neither overflows nor
 * underflows. k ≤ 0 gives 1; k > n gives 0.
 */
export function signTestP(wins: number, losses: number): number {
  const n = wins + losses;
  if (wins <= 0) return 1;
  if (wins > n) return 0;
  const logHalfN = -n * Math.LN2;
  // log C(n, i) built up from log C(n, 0) = 0.
  let logC = 0;
  let p = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    if (i >= wins) p += Math.exp(logC + logHalfN);
  }
  return Math.min(1, p);
}
