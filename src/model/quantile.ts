// Quantiles over children, not over groups: a distribution given as (value, count) pairs behaves as
// if every child were listed, with linear interpolation between order statistics ("type 7", the
// default of R and numpy, Excel's PERCENTILE.INC).

/** `sorted` must be ordered by value ascending, counts positive. Returns null for no children. */
export function weightedQuantile(sorted: ReadonlyArray<readonly [value: number, count: number]>, p: number): number | null {
  let n = 0;
  for (const [, c] of sorted) n += c;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const vLo = orderStatistic(sorted, lo);
  if (h === lo || lo + 1 >= n) return vLo;
  const vHi = orderStatistic(sorted, lo + 1);
  return vLo + (h - lo) * (vHi - vLo);
}

/** The k-th smallest value (0-based) of the expanded list. */
function orderStatistic(sorted: ReadonlyArray<readonly [number, number]>, k: number): number {
  let seen = 0;
  for (const [v, c] of sorted) {
    seen += c;
    if (k < seen) return v;
  }
  return sorted[sorted.length - 1][0];
}

export function weightedMean(pairs: ReadonlyArray<readonly [value: number, count: number]>): number | null {
  let n = 0;
  let s = 0;
  for (const [v, c] of pairs) {
    n += c;
    s += v * c;
  }
  return n === 0 ? null : s / n;
}
