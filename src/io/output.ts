// Writers for the plain-data outputs of docs/model.md §2.1: wide and long CSV, JSON, the diff CSV and
// the plan CSV. Each returns the text to write; where it goes (standard output or a file, written
// atomically) is the caller's business. Numbers are always plain: no thousands separators, '.' as
// decimal point, at most 4 decimals with trailing zeros trimmed, empty (CSV) or null (JSON) for a
// metric that does not exist.
import { stringify } from 'csv-stringify/sync';
import type { MonteCarloRow, RunStats } from '../model/montecarlo.js';
import type { AreaLevel, AreaYearRow, MetricName } from '../model/types.js';
import { isCountMetric } from '../model/metric-kinds.js';
import { roundHalfUp } from '../model/rounding.js';
import { financialYear, pricesColumn } from './financial-year.js';

export interface CsvOptions {
  /** Excel mode: a UTF-8 byte-order mark and CRLF line ends. */
  excel?: boolean;
  /** `--prices`: the price year of the money, written in the last column `prices`; null or absent = cash. */
  prices?: number | null;
}

/** The last column of every CSV of rows: what the pounds are (cash or constant prices of a year). */
const PRICES = 'prices';
const pricesCell = (opts: CsvOptions): string => pricesColumn(opts.prices ?? null);

/** A number as written in every output file: at most 4 decimals, trailing zeros trimmed, "" for null. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  if (!Number.isFinite(v)) throw new RangeError(`cannot write ${v} as a plain number`);
  if (Number.isInteger(v)) return Object.is(v, -0) ? '0' : String(v);
  let s = v.toFixed(4);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** The same rounding as formatNumber, as a JSON number (null stays null). */
export function jsonNumber(v: number | null | undefined): number | null {
  const s = formatNumber(v);
  return s === '' ? null : Number(s);
}

export function toCsv(records: ReadonlyArray<ReadonlyArray<string | number>>, opts: CsvOptions = {}): string {
  const text = stringify(records as Array<Array<string | number>>, { record_delimiter: opts.excel ? '\r\n' : '\n' });
  return opts.excel ? '\uFEFF' + text : text;
}

const KEY_COLUMNS = ['scenario', 'level', 'area_code', 'area_name', 'year', 'financial_year', 'as_at'] as const;

export { financialYear } from './financial-year.js';

const keyCells = (r: { scenario: string; level: AreaLevel; areaCode: string; areaName: string; year: number; asAt: string }): string[] => [
  r.scenario,
  r.level,
  r.areaCode,
  r.areaName,
  String(r.year),
  financialYear(r.year),
  r.asAt,
];

/** Wide CSV: `scenario,level,area_code,area_name,year,financial_year,as_at,<metrics...>`, one row per area and year. */
export function wideCsv(rows: readonly AreaYearRow[], metrics: readonly MetricName[], opts: CsvOptions = {}): string {
  const records: string[][] = [[...KEY_COLUMNS, ...metrics, PRICES]];
  const prices = pricesCell(opts);
  for (const r of rows) records.push([...keyCells(r), ...metrics.map((m) => formatNumber(r.metrics[m])), prices]);
  return toCsv(records, opts);
}

/** Long CSV: `scenario,level,area_code,area_name,year,financial_year,as_at,metric,value`, one row per area, year, metric. */
export function longCsv(rows: readonly AreaYearRow[], metrics: readonly MetricName[], opts: CsvOptions = {}): string {
  const records: string[][] = [[...KEY_COLUMNS, 'metric', 'value', PRICES]];
  const prices = pricesCell(opts);
  for (const r of rows) {
    const key = keyCells(r);
    for (const m of metrics) records.push([...key, m, formatNumber(r.metrics[m]), prices]);
  }
  return toCsv(records, opts);
}

export interface LongRecord {
  scenario: string;
  level: AreaLevel;
  area_code: string;
  area_name: string;
  year: number;
  financial_year: string;
  as_at: string;
  metric: MetricName;
  stat?: Stat;
  value: number | null;
}

/** The records of the long form, as JSON holds them. */
export function longRecords(rows: readonly AreaYearRow[], metrics: readonly MetricName[]): LongRecord[] {
  const out: LongRecord[] = [];
  for (const r of rows) {
    for (const m of metrics) {
      out.push({ scenario: r.scenario, level: r.level, area_code: r.areaCode, area_name: r.areaName, year: r.year, financial_year: financialYear(r.year), as_at: r.asAt, metric: m, value: jsonNumber(r.metrics[m]) });
    }
  }
  return out;
}

// --- Monte Carlo forms (more than one run) --------------------------------------------------------

export const STATS = ['mean', 'p10', 'p50', 'p90'] as const;
export type Stat = (typeof STATS)[number];
/** The percentiles the wide form gives after each metric's mean (docs/model.md §2.1: `metric,metric_p10,metric_p50,metric_p90`). */
const WIDE_PERCENTILES = ['p10', 'p50', 'p90'] as const;

/**
 * Money is in whole pounds everywhere (docs/model.md §2.1): a deterministic run's areas are rounded by the
 * model; a statistic over runs (a mean, an interpolated quantile) and a difference are rounded here,
 * half up.
 */
export const isMoney = (m: MetricName): boolean => m.endsWith('_gbp');
export const wholePounds = (m: MetricName, v: number | null): number | null => (v !== null && Number.isFinite(v) && isMoney(m) ? roundHalfUp(v) : v);

/**
 * A statistic over runs as every output writes it (docs/methodology.md "Monte Carlo figures"):
 * money in whole pounds; a mean of a count of children to one decimal (half up), so that it does not
 * pass for more precise than the runs make it; percentiles of counts are whole already.
 */
export function statValue(m: MetricName, k: Stat, v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return v;
  if (isMoney(m)) return roundHalfUp(v);
  if (k === 'mean' && isCountMetric(m)) return roundHalfUp(v * 10) / 10;
  return v;
}

const stat = (s: RunStats | null, k: Stat, m: MetricName): number | null => statValue(m, k, s === null ? null : s[k]);

/** The wide form's column names of a metric: its mean under its own name, then its percentiles. */
export const wideColumns = (m: MetricName): string[] => [m, ...WIDE_PERCENTILES.map((k) => `${m}_${k}`)];
/** The statistics in the order of wideColumns. */
export const WIDE_STATS: readonly Stat[] = ['mean', ...WIDE_PERCENTILES];

export function wideCsvMonteCarlo(rows: readonly MonteCarloRow[], metrics: readonly MetricName[], opts: CsvOptions = {}): string {
  const records: string[][] = [[...KEY_COLUMNS, ...metrics.flatMap(wideColumns), PRICES]];
  const prices = pricesCell(opts);
  for (const r of rows) records.push([...keyCells(r), ...metrics.flatMap((m) => WIDE_STATS.map((k) => formatNumber(stat(r.metrics[m], k, m)))), prices]);
  return toCsv(records, opts);
}

export function longCsvMonteCarlo(rows: readonly MonteCarloRow[], metrics: readonly MetricName[], opts: CsvOptions = {}): string {
  const records: string[][] = [[...KEY_COLUMNS, 'metric', 'stat', 'value', PRICES]];
  const prices = pricesCell(opts);
  for (const r of rows) {
    const key = keyCells(r);
    for (const m of metrics) for (const k of STATS) records.push([...key, m, k, formatNumber(stat(r.metrics[m], k, m)), prices]);
  }
  return toCsv(records, opts);
}

export function longRecordsMonteCarlo(rows: readonly MonteCarloRow[], metrics: readonly MetricName[]): LongRecord[] {
  const out: LongRecord[] = [];
  for (const r of rows) {
    for (const m of metrics) {
      for (const k of STATS) {
        out.push({ scenario: r.scenario, level: r.level, area_code: r.areaCode, area_name: r.areaName, year: r.year, financial_year: financialYear(r.year), as_at: r.asAt, metric: m, stat: k, value: jsonNumber(stat(r.metrics[m], k, m)) });
      }
    }
  }
  return out;
}

// --- diff ------------------------------------------------------------------------------------------

/**
 * One metric of one area and year in two scenarios: `delta` = b − a (null when either is empty).
 * With runs, a, b and delta are means (delta the mean of the paired run-by-run differences) and
 * the p10 and p90 of those differences follow.
 */
export interface DiffRecord {
  level: AreaLevel;
  areaCode: string;
  areaName: string;
  year: number;
  metric: MetricName;
  a: number | null;
  b: number | null;
  delta: number | null;
  /** With runs only. */
  deltaP10?: number | null;
  deltaP90?: number | null;
}

const withRange = (records: readonly DiffRecord[]): boolean => records.some((d) => d.deltaP10 !== undefined);

/** The diff form's columns: `a,b,delta`, and with runs `delta_p10,delta_p90` after them (docs/model.md §2.1). */
export function diffValueColumns(records: readonly DiffRecord[]): string[] {
  return ['a', 'b', 'delta', ...(withRange(records) ? ['delta_p10', 'delta_p90'] : [])];
}

/** A record's values in the order of diffValueColumns, rounded as the outputs write them. */
export function diffValues(d: DiffRecord, range: boolean): Array<number | null> {
  const r = (k: Stat, v: number | null | undefined): number | null => statValue(d.metric, k, v ?? null);
  return [r('mean', d.a), r('mean', d.b), r('mean', d.delta), ...(range ? [r('p10', d.deltaP10), r('p90', d.deltaP90)] : [])];
}

/** `level,area_code,area_name,year,financial_year,metric,a,b,delta`; with runs `delta_p10,delta_p90` follow. */
export function diffCsv(records: readonly DiffRecord[], opts: CsvOptions = {}): string {
  const range = withRange(records);
  const out: string[][] = [['level', 'area_code', 'area_name', 'year', 'financial_year', 'metric', ...diffValueColumns(records), PRICES]];
  const prices = pricesCell(opts);
  for (const d of records) {
    out.push([d.level, d.areaCode, d.areaName, String(d.year), financialYear(d.year), d.metric, ...diffValues(d, range).map(formatNumber), prices]);
  }
  return toCsv(out, opts);
}

export function diffJsonRecords(records: readonly DiffRecord[]): Array<Record<string, string | number | null>> {
  const range = withRange(records);
  const columns = diffValueColumns(records);
  return records.map((d) => {
    const values = diffValues(d, range);
    return {
      level: d.level,
      area_code: d.areaCode,
      area_name: d.areaName,
      year: d.year,
      financial_year: financialYear(d.year),
      metric: d.metric,
      ...Object.fromEntries(columns.map((c, i) => [c, jsonNumber(values[i])])),
    };
  });
}

/** A JSON document with `meta` first, then the records; two-space indent and a final newline. */
export function jsonDocument(meta: unknown, records: unknown[]): string {
  return JSON.stringify({ meta, records }, null, 2) + '\n';
}
