// The tornado (docs/methodology.md, "Which assumption matters"): each uncertain parameter at the
// low and high ends of its range (p10 and p90 of its distribution, or an analyst's --vary range),
// every other at its central value; ranked by how far the metric swings between the two.
import { centralValue, type Distribution } from '../distribution.js';

/** The quantiles a distribution's range runs between. */
export const RANGE_QUANTILES = [0.1, 0.9] as const;

/**
 * The standard normal's quantile by Acklam's rational approximation (relative error below 1.2e-9):
 * simple-statistics' probit reads a table to about 3 decimals (z(0.9) as 1.2811 for 1.2816).
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** The p-th quantile of a distribution (0 < p < 1). */
export function quantileOf(d: Distribution, p: number): number {
  if ('normal' in d) return d.normal[0] + d.normal[1] * normalQuantile(p);
  if ('uniform' in d) return d.uniform[0] + p * (d.uniform[1] - d.uniform[0]);
  const [a, c, b] = d.triangular;
  if (b <= a) return c;
  const cut = (c - a) / (b - a);
  return p < cut ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

/** An uncertain parameter: where it is drawn (its stream's path) and the range it is varied over. */
export interface VariedParameter {
  /** The draw path (`transitions[2].exit`, `demand.rate.2026`): see src/scenario/resolve.ts. */
  path: string;
  low: number;
  high: number;
  /** The value it holds while others are varied. */
  central: number;
  /** A distribution of the scenario, or an analyst's --vary. */
  from: 'distribution' | 'vary';
}

/** A distribution's range: p10 to p90, central at its central value. */
export function distributionRange(path: string, d: Distribution): VariedParameter {
  return { path, low: quantileOf(d, RANGE_QUANTILES[0]), high: quantileOf(d, RANGE_QUANTILES[1]), central: centralValue(d), from: 'distribution' };
}

export interface TornadoBar {
  parameter: VariedParameter;
  /** The metric with the parameter at its low and high end (each the mean of the point's runs). */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|. */
  swing: number;
}

/** Bars ranked by swing, largest first; equal swings keep the parameters' order (the draw order). */
export function rankBars(bars: readonly TornadoBar[]): TornadoBar[] {
  return bars
    .map((b, i) => [b, i] as const)
    .sort(([a, i], [b, j]) => b.swing - a.swing || i - j)
    .map(([b]) => b);
}

export function bar(parameter: VariedParameter, atLow: number, atHigh: number): TornadoBar {
  return { parameter, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
}

/**
 * The draw function of a point: the pinned parameters at their values, every other distribution
 * at its central value (or the value an analyst's --vary holds it at). Its signature is the
 * resolver's `draw(d, path)`.
 */
export function pinnedDraw(pins: Readonly<Record<string, number>>, held: Readonly<Record<string, number>> = {}): (d: Distribution, path: string) => number {
  return (d, path) => pins[path] ?? held[path] ?? centralValue(d);
}
