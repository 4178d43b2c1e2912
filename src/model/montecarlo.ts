// Summaries of a Monte Carlo run (docs/model.md §4.1): per area, year and metric, the mean and the
// p10, p50 and p90 over the runs. Pure: the runs come in, the summary goes out.
//
// The figure is the mean (docs/methodology.md "Monte Carlo figures"): means add up across areas and
// metrics, and a single run is one draw of the random structure, not the answer. Percentiles of
// counts are whole children, by nearest rank (the ⌈p·n⌉-th smallest run); percentiles of shares,
// ratios, distances and money are "type 7" (linear interpolation between order statistics: R's and
// numpy's default, Excel's PERCENTILE.INC), from simple-statistics' quantileSorted.
//
// Empty values. A metric that is empty (null) in a run (no children to share, a base-row flow) is
// left out of that metric's mean and percentiles; `runs` of its statistics says how many runs they
// are over, and the statistics are empty only when the metric is empty in every run. A share of
// children placed, say, exists in every run where a child is placed, and averaging over those runs
// answers the question the metric asks.
//
// Runs are held packed: one Float64Array per run, rows × metrics in METRICS order, NaN for empty.
// That keeps 1,000 runs of 152 LAs × 12 years in a few tens of megabytes, and lets worker threads
// hand their results back without copying.
import { quantileSorted } from 'simple-statistics';
import { InternalError } from '../errors.js';
import { isCountMetric } from './metric-kinds.js';
import { METRICS, type AreaLevel, type AreaYearRow, type MetricName, type RowKey } from './types.js';

export type { RowKey } from './types.js';

/** Every run's metrics, packed: `values[run][row * METRICS.length + metric]`, NaN for empty. */
export interface RunSet {
  rows: RowKey[];
  values: Float64Array[];
}

export interface RunStats {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  /** How many runs these are over: the runs where the metric is not empty. */
  runs: number;
}

export interface MonteCarloRow extends RowKey {
  /** How many runs the statistics are over. */
  runs: number;
  /** Null when the metric is empty in every run. */
  metrics: Record<MetricName, RunStats | null>;
}

export type Runs = RunSet | AreaYearRow[][];

const M = METRICS.length;
/** Whether metric m (in METRICS order) is a count of children, whose percentiles are whole. */
const COUNT = METRICS.map(isCountMetric);

export function rowKey(row: AreaYearRow): RowKey {
  const { scenario, level, areaCode, areaName, year, asAt } = row;
  return { scenario, level, areaCode, areaName, year, asAt };
}

/** One run's rows as a packed array (rows × metrics in METRICS order, NaN for empty). */
export function packRun(rows: readonly AreaYearRow[]): Float64Array {
  const out = new Float64Array(rows.length * M);
  for (let r = 0; r < rows.length; r++) {
    const metrics = rows[r].metrics;
    if (!packInOrder(metrics, out, r * M)) {
      for (let m = 0; m < M; m++) {
        const v = metrics[METRICS[m]];
        out[r * M + m] = v === null ? NaN : v;
      }
    }
  }
  return out;
}

/**
 * A row's metrics into out[at …] by walking its keys, when they run in METRICS order (as areaMetrics
 * writes them): a walk reads each value where it lies, where a lookup by name searches for it.
 * False when the keys run otherwise (the caller then looks each metric up).
 */
function packInOrder(metrics: Record<MetricName, number | null>, out: Float64Array, at: number): boolean {
  let m = 0;
  for (const k in metrics) {
    if (m >= M || k !== METRICS[m]) return false;
    const v = metrics[k as MetricName];
    out[at + m] = v === null ? NaN : v;
    m++;
  }
  return m === M;
}

export function toRunSet(runs: Runs): RunSet {
  if (!Array.isArray(runs)) return runs;
  if (runs.length === 0) return { rows: [], values: [] };
  const rows = runs[0].map(rowKey);
  for (let i = 1; i < runs.length; i++) {
    const run = runs[i];
    if (run.length !== rows.length || run.some((r, j) => !sameRow(rowKey(r), rows[j]))) {
      throw new InternalError(`Monte Carlo run ${i} has different rows from run 0: runs of one scenario must cover the same areas and years`);
    }
  }
  return { rows, values: runs.map(packRun) };
}

const sameRow = (a: RowKey, b: RowKey): boolean =>
  a.scenario === b.scenario && a.level === b.level && a.areaCode === b.areaCode && a.year === b.year && a.asAt === b.asAt;

/** Mean and p10, p50, p90 of the values that are not empty (NaN); null if none is. Counts by nearest rank. */
export function runStats(values: Float64Array, count = false): RunStats | null {
  return statsInPlace(values.slice(), count);
}

/** The nearest-rank percentile of sorted values: the ⌈p·n⌉-th smallest (the smallest for p = 0). */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const k = Math.max(1, Math.ceil(p * sorted.length - 1e-9));
  return sorted[k - 1];
}

/** runStats on a scratch array, which it reorders in place. */
function statsInPlace(values: Float64Array, count: boolean): RunStats | null {
  // Empty runs are moved out of the way: the first n slots hold the runs where the metric exists.
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) values[n++] = values[i];
  if (n === 0) return null;
  const present = values.subarray(0, n);
  // The mean shifted by the first value: exact when every run agrees, and summed in run order so
  // that it never depends on how runs were spread over threads.
  const x0 = present[0];
  let shifted = 0;
  for (let i = 0; i < n; i++) shifted += present[i] - x0;
  const sorted = present.sort();
  // quantileSorted only indexes its argument, so a typed array serves as well as an array.
  const q = (p: number): number => (count ? nearestRank(sorted, p) : quantileSorted(sorted as unknown as number[], p));
  return { mean: x0 + shifted / n, p10: q(0.1), p50: q(0.5), p90: q(0.9), runs: n };
}

/**
 * One row's values over the runs, metric by metric: `block[m * runs + i]` is metric m of run i.
 * Read a row at a time, so each run's array is read where it is contiguous.
 */
function rowBlock(set: RunSet, r: number, block: Float64Array): Float64Array {
  const n = set.values.length;
  const base = r * M;
  for (let i = 0; i < n; i++) {
    const run = set.values[i];
    for (let m = 0; m < M; m++) block[m * n + i] = run[base + m];
  }
  return block;
}

/** Per area, year and metric, the mean, p10, p50 and p90 over the runs, rows in the runs' order. */
export function summariseRuns(runs: Runs): MonteCarloRow[] {
  const set = toRunSet(runs);
  const n = set.values.length;
  const block = new Float64Array(M * n);
  return set.rows.map((key, r) => {
    rowBlock(set, r, block);
    const metrics = {} as Record<MetricName, RunStats | null>;
    for (let m = 0; m < M; m++) metrics[METRICS[m]] = statsInPlace(block.subarray(m * n, (m + 1) * n), COUNT[m]);
    return { ...key, runs: n, metrics };
  });
}

/** Monte Carlo rows as plain rows of their means (the figure, section 4.1), for the terminal table and the diff summary. */
export function meanRows(rows: readonly MonteCarloRow[]): AreaYearRow[] {
  return rows.map((r) => {
    const metrics = {} as Record<MetricName, number | null>;
    for (const m of METRICS) metrics[m] = r.metrics[m]?.mean ?? null;
    return { scenario: r.scenario, level: r.level, areaCode: r.areaCode, areaName: r.areaName, year: r.year, asAt: r.asAt, metrics };
  });
}

export interface DiffStats {
  a: RunStats | null;
  b: RunStats | null;
  /** Statistics of the run-by-run difference b − a, not the difference of the statistics. */
  delta: RunStats | null;
}

export interface MonteCarloDiffRow {
  level: AreaLevel;
  areaCode: string;
  areaName: string;
  year: number;
  asAt: string;
  runs: number;
  metrics: Record<MetricName, DiffStats>;
}

/**
 * `diff` with runs: run i of B minus run i of A, then summarised. Both scenarios' run i draw from
 * the same streams (same seed, same run index, same parameter paths: see random.ts), so the
 * randomness they share cancels and the range shows only what the scenarios' difference does.
 * Rows are paired by level, area and year, in A's order; a year only one scenario reaches is left
 * out. Both must have the same number of runs.
 */
export function pairedDiff(runsA: Runs, runsB: Runs): MonteCarloDiffRow[] {
  const a = toRunSet(runsA);
  const b = toRunSet(runsB);
  const n = a.values.length;
  if (b.values.length !== n) {
    throw new InternalError(`paired runs need as many runs of each scenario (found ${n} and ${b.values.length})`);
  }
  const pairKey = (k: RowKey): string => `${k.level}\u0000${k.areaCode}\u0000${k.year}`;
  const rowOfB = new Map(b.rows.map((k, r) => [pairKey(k), r]));
  const blockA = new Float64Array(M * n);
  const blockB = new Float64Array(M * n);
  const delta = new Float64Array(n);
  const out: MonteCarloDiffRow[] = [];
  a.rows.forEach((key, ra) => {
    const rb = rowOfB.get(pairKey(key));
    if (rb === undefined) return;
    rowBlock(a, ra, blockA);
    rowBlock(b, rb, blockB);
    const metrics = {} as Record<MetricName, DiffStats>;
    for (let m = 0; m < M; m++) {
      const colA = blockA.subarray(m * n, (m + 1) * n);
      const colB = blockB.subarray(m * n, (m + 1) * n);
      for (let i = 0; i < n; i++) delta[i] = colB[i] - colA[i]; // NaN when either is empty
      const d = statsInPlace(delta, COUNT[m]);
      metrics[METRICS[m]] = { a: statsInPlace(colA, COUNT[m]), b: statsInPlace(colB, COUNT[m]), delta: d };
    }
    out.push({ level: key.level, areaCode: key.areaCode, areaName: key.areaName, year: key.year, asAt: key.asAt, runs: n, metrics });
  });
  return out;
}
