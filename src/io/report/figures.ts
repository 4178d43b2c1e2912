// The report's figures, read from the runs of scenario S (and of the comparison B): for each area,
// year and metric the value shown (a deterministic run's value, or the mean of Monte Carlo runs)
// with its p10–p90 range, and with --compare B's figure and the paired difference S − B (run i of S
// minus run i of B, both drawn from the same streams, then summarised). A deterministic run is a run set of one run, so both cases go through the same code.
// Pure: run sets in, figures out.
import { runStats, type RunSet } from '../../model/montecarlo.js';
import { METRICS, type AreaLevel, type MetricName } from '../../model/types.js';
import { isCountMetric } from '../../model/metric-kinds.js';

/** A figure as the report shows it: value, and its p10–p90 range when there are several runs. */
export interface Fig {
  v: number | null;
  lo: number | null;
  hi: number | null;
}

/** S's figure, and with --compare B's figure and the paired difference S − B. */
export interface Cell {
  s: Fig;
  b: Fig | null;
  d: Fig | null;
}

export interface FigureRow {
  level: AreaLevel;
  areaCode: string;
  areaName: string;
  year: number;
  asAt: string;
  cells: Record<MetricName, Cell>;
}

const M = METRICS.length;
const EMPTY: Fig = { v: null, lo: null, hi: null };

/** The mean over the runs with its p10–p90 (docs/methodology.md "Monte Carlo figures"). */
function fig(values: Float64Array, runs: number, count: boolean): Fig {
  const s = runStats(values, count);
  if (s === null) return EMPTY;
  return runs > 1 ? { v: s.mean, lo: s.p10, hi: s.p90 } : { v: s.mean, lo: null, hi: null };
}

const rowKey = (level: string, code: string, year: number): string => `${level}\u0000${code}\u0000${year}`;

/** One metric of one row over the runs. */
function column(set: RunSet, row: number, m: number): Float64Array {
  const out = new Float64Array(set.values.length);
  for (let i = 0; i < out.length; i++) out[i] = set.values[i][row * M + m];
  return out;
}

function cellOf(s: Float64Array, b: Float64Array | null, count: boolean): Cell {
  const runs = s.length;
  if (b === null) return { s: fig(s, runs, count), b: null, d: null };
  const d = new Float64Array(runs);
  for (let i = 0; i < runs; i++) d[i] = s[i] - b[i]; // NaN (empty) when either is
  return { s: fig(s, runs, count), b: fig(b, runs, count), d: fig(d, runs, count) };
}

function checkPaired(s: RunSet, b: RunSet | null): void {
  if (b !== null && b.values.length !== s.values.length) {
    throw new Error(`paired runs need as many runs of each scenario (found ${s.values.length} and ${b.values.length})`);
  }
}

/** Every row of S within the years, with B's row of the same level, area and year beside it. */
export function figureRows(s: RunSet, b: RunSet | null, years: { from: number; to: number }): FigureRow[] {
  checkPaired(s, b);
  const rowOfB = new Map(b?.rows.map((k, r) => [rowKey(k.level, k.areaCode, k.year), r]) ?? []);
  const out: FigureRow[] = [];
  s.rows.forEach((k, r) => {
    if (k.year < years.from || k.year > years.to) return;
    const rb = b === null ? undefined : rowOfB.get(rowKey(k.level, k.areaCode, k.year));
    if (b !== null && rb === undefined) return;
    const cells = {} as Record<MetricName, Cell>;
    for (let m = 0; m < M; m++) cells[METRICS[m]] = cellOf(column(s, r, m), b === null ? null : column(b, rb!, m), isCountMetric(METRICS[m]));
    out.push({ level: k.level, areaCode: k.areaCode, areaName: k.areaName, year: k.year, asAt: k.asAt, cells });
  });
  return out;
}

/**
 * A flow metric summed over the years `from`..`to` for one area, run by run (so that the range is
 * the range of the totals, not a sum of ranges). Empty if any year is empty.
 */
export function totalCell(s: RunSet, b: RunSet | null, level: AreaLevel, areaCode: string, years: { from: number; to: number }, metric: MetricName): Cell {
  checkPaired(s, b);
  const m = METRICS.indexOf(metric);
  const sum = (set: RunSet): Float64Array => {
    const out = new Float64Array(set.values.length);
    set.rows.forEach((k, r) => {
      if (k.level !== level || k.areaCode !== areaCode || k.year < years.from || k.year > years.to) return;
      for (let i = 0; i < out.length; i++) out[i] += set.values[i][r * M + m];
    });
    return out;
  };
  return cellOf(sum(s), b === null ? null : sum(b), isCountMetric(metric));
}
