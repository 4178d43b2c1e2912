// The trend method of demand and its two options (docs/methodology.md, "Damped and reconciled
// trends"): a least-squares line whose yearly change h years past its last point is the fitted
// slope × φ^h (Gardner and McKenzie's damped trend), and top-down reconciliation of the LAs'
// projections to the nation's, projected by the same method from the sum of the LAs' series.
// Shared by the projection (need.ts) and the backtest (backtest.ts), so that both forecast alike.
import { compareCodes, largestRemainder, roundHalfUp, tieKey } from './rounding.js';

export type Series = ReadonlyArray<readonly [year: number, children: number]>;

export interface TrendOptions {
  /** Points fitted: the last `years` of the series (Infinity: all of them). */
  years: number;
  /** φ in (0, 1]: 1 is the straight line. */
  damping: number;
}

/**
 * The fitted line through the last `years` points, at year x. Past the last point it is damped:
 * level at the last point + slope × (φ + φ² + … + φ^h), h = x − the last point's year, so the change
 * of the h-th year ahead is slope × φ^h. At or before the last point it is the line itself.
 */
export function dampedTrendAt(points: Series, opts: TrendOptions, x: number): number {
  const last = points.slice(-Math.max(1, Math.min(points.length, opts.years)));
  const n = last.length;
  const mx = last.reduce((s, p) => s + p[0], 0) / n;
  const my = last.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [px, py] of last) {
    sxx += (px - mx) ** 2;
    sxy += (px - mx) * (py - my);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const origin = last[n - 1][0];
  if (x <= origin || opts.damping === 1) return my + slope * (x - mx);
  let steps = 0;
  let f = 1;
  for (let h = 1; h <= x - origin; h++) {
    f *= opts.damping;
    steps += f;
  }
  return my + slope * (origin - mx) + slope * steps;
}

/**
 * The nation's series for reconciliation: the sum of the LAs' figures at each year where every LA
 * with any figure has one (a year missing an LA would read as a fall in the nation).
 */
export function nationSeries(byLa: ReadonlyMap<string, Series>): Array<[number, number]> {
  const withHistory = [...byLa.values()].filter((s) => s.length > 0);
  if (withHistory.length === 0) return [];
  const years = new Map<number, { n: number; sum: number }>();
  for (const s of withHistory) {
    for (const [y, c] of s) {
      const at = years.get(y) ?? { n: 0, sum: 0 };
      at.n += 1;
      at.sum += c;
      years.set(y, at);
    }
  }
  return [...years]
    .filter(([, v]) => v.n === withHistory.length)
    .sort((a, b) => a[0] - b[0])
    .map(([y, v]) => [y, v.sum]);
}

/**
 * Top-down reconciliation of one year. `projected` holds each LA's unrounded projection (null: the
 * LA has no history), `base` each LA's children at the base date. An LA without history takes its
 * base-date share of the nation's figure; the others share the rest in proportion to their own
 * projections (equally by base where those are all 0). The LAs' figures are then rounded by largest
 * remainder (ties by LA code) so that they add up to the nation's figure rounded half up.
 */
export function reconcileYear(nation: number, projected: ReadonlyMap<string, number | null>, base: ReadonlyMap<string, number>): Map<string, number> {
  const total = roundHalfUp(Math.max(0, nation));
  const codes = [...projected.keys()].sort(compareCodes);
  const baseAll = codes.reduce((s, c) => s + (base.get(c) ?? 0), 0);
  const exact = new Map<string, number>();
  let rest = total;
  for (const c of codes) {
    if (projected.get(c) !== null) continue;
    const share = baseAll > 0 ? (total * (base.get(c) ?? 0)) / baseAll : 0;
    exact.set(c, share);
    rest -= share;
  }
  const own = codes.filter((c) => projected.get(c) !== null);
  const ownSum = own.reduce((s, c) => s + Math.max(0, projected.get(c)!), 0);
  const ownBase = own.reduce((s, c) => s + (base.get(c) ?? 0), 0);
  for (const c of own) {
    const weight = ownSum > 0 ? Math.max(0, projected.get(c)!) / ownSum : ownBase > 0 ? (base.get(c) ?? 0) / ownBase : 1 / own.length;
    exact.set(c, Math.max(0, rest) * weight);
  }
  const values = codes.map((c) => exact.get(c)!);
  const rounded = largestRemainder(values, codes.map((c) => tieKey(c, null, null, '', '')));
  return new Map(codes.map((c, i) => [c, rounded[i]]));
}
