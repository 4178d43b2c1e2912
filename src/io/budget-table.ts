// Budget tables (`--years-as-columns`, docs/methodology.md "Money: budget tables"): the wide form
// turned so that each financial year is a column and each row is one scenario, level, area and
// metric, the shape of a budget paper. CSV keeps machine names; the workbook may carry labels.
import type { MonteCarloRow } from '../model/montecarlo.js';
import type { AreaLevel, AreaYearRow, MetricName } from '../model/types.js';
import { financialYear, pricesColumn } from './financial-year.js';
import { formatNumber, toCsv, wholePounds, type CsvOptions } from './output.js';

export interface BudgetRow {
  scenario: string;
  level: AreaLevel;
  areaCode: string;
  areaName: string;
  metric: MetricName;
  /** One value a year, in the order of BudgetTable.years; null = empty. */
  values: Array<number | null>;
}

export interface BudgetTable {
  /** The financial years shown, ascending (each a column). */
  years: number[];
  rows: BudgetRow[];
}

type YearRow = Pick<AreaYearRow, 'scenario' | 'level' | 'areaCode' | 'areaName' | 'year'> & { metrics: Record<MetricName, number | null> };

/**
 * Rows by scenario, level and area in the order they first appear, then by metric in the order asked;
 * a year an area lacks is empty. Worked: rows (Wales 2024, Wales 2025) with cost_gbp 10 and 12 give
 * years [2024, 2025] and one row Wales cost_gbp [10, 12].
 */
export function budgetTable(rows: readonly YearRow[], metrics: readonly MetricName[]): BudgetTable {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const column = new Map(years.map((y, i) => [y, i]));
  const areas = new Map<string, { key: YearRow; byYear: Array<YearRow | undefined> }>();
  for (const r of rows) {
    const k = JSON.stringify([r.scenario, r.level, r.areaCode]);
    let a = areas.get(k);
    if (a === undefined) {
      a = { key: r, byYear: new Array<YearRow | undefined>(years.length).fill(undefined) };
      areas.set(k, a);
    }
    a.byYear[column.get(r.year)!] = r;
  }
  const out: BudgetRow[] = [];
  for (const { key, byYear } of areas.values()) {
    for (const m of metrics) {
      out.push({ scenario: key.scenario, level: key.level, areaCode: key.areaCode, areaName: key.areaName, metric: m, values: byYear.map((r) => (r === undefined ? null : r.metrics[m])) });
    }
  }
  return { years, rows: out };
}

/**
 * Monte Carlo rows as a budget table of their means: the expected value, which adds up across areas
 * and metrics as a budget line must (percentiles do not); money in whole pounds.
 */
export function budgetTableOfMeans(rows: readonly MonteCarloRow[], metrics: readonly MetricName[]): BudgetTable {
  const means = rows.map((r) => ({
    ...r,
    metrics: Object.fromEntries(metrics.map((m) => [m, wholePounds(m, r.metrics[m]?.mean ?? null)])) as Record<MetricName, number | null>,
  }));
  return budgetTable(means, metrics);
}

/** `scenario,level,area_code,area_name,metric,<2024-25>,<2025-26>,…,prices`. */
export function budgetCsv(table: BudgetTable, opts: CsvOptions = {}): string {
  const prices = pricesColumn(opts.prices ?? null);
  const records: string[][] = [['scenario', 'level', 'area_code', 'area_name', 'metric', ...table.years.map(financialYear), 'prices']];
  for (const r of table.rows) records.push([r.scenario, r.level, r.areaCode, r.areaName, r.metric, ...r.values.map(formatNumber), prices]);
  return toCsv(records, opts);
}
