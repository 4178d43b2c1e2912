// The Excel workbook of `project`, `diff` and `plan` (docs/model.md §7): one sheet per level asked for, with the
// columns of the CSV (docs/model.md §2.1) and every number stored as a number in the format of its metric
// (money £ in whole pounds, shares as percentages); then an `about` sheet with the scenario, the
// prices, the provenance and the assumptions log, so that the file explains itself when forwarded.
import type { Meta, ScenarioProvenance } from '../../io/provenance.js';
import { WIDE_STATS, diffValueColumns, diffValues, financialYear, jsonNumber, statValue, wideColumns, type DiffRecord } from '../../io/output.js';
import { XLSX_FORMATS, workbookBytes, type WorkbookCell, type WorkbookSheet } from '../../io/xlsx.js';
import type { MonteCarloRow } from '../../model/montecarlo.js';
import type { AreaLevel, AreaYearRow, CostRow, MetricName, RowKey } from '../../model/types.js';
import { weeklyGbpText, weeklyPrices } from '../../io/weekly-prices.js';
import { label, metricLabel, type Lang } from '../../i18n/labels.js';
import type { BudgetTable } from '../../io/budget-table.js';
import { pricesColumn } from '../../io/financial-year.js';
import type { PlanFigures } from '../plan-figures.js';
import { kindOf } from '../../model/metrics/catalogue.js';
import { differenceRows } from '../../scenario/differ.js';

const KEY_HEADER = ['scenario', 'level', 'area_code', 'area_name', 'year', 'financial_year', 'as_at'] as const;

const text = (t: string): WorkbookCell => ({ text: t });
/** A number as the CSV writes it (at most 4 decimals), so that the workbook and the CSV agree to the digit. */
const num = (n: number | null | undefined, format: string): WorkbookCell => {
  const v = jsonNumber(n);
  return v === null ? null : { number: v, format };
};

/** The Excel format of a metric's values (a statistic over runs of a count may fall between whole numbers). */
export function metricFormat(m: MetricName, stat = false): string {
  switch (kindOf(m)) {
    case 'gbp':
      return XLSX_FORMATS.gbp;
    case 'share':
      return XLSX_FORMATS.share;
    case 'ratio':
      return XLSX_FORMATS.ratio;
    case 'km':
      return XLSX_FORMATS.km;
    case 'count':
      return stat ? XLSX_FORMATS.countStat : XLSX_FORMATS.count;
  }
}

/** An area and year as cells: level, area code and name, year and financial year. */
const areaYearCells = (r: { level: AreaLevel; areaCode: string; areaName: string; year: number }): WorkbookCell[] => [
  text(r.level),
  text(r.areaCode),
  text(r.areaName),
  num(r.year, XLSX_FORMATS.year),
  text(financialYear(r.year)),
];

const keyCells = (r: RowKey): WorkbookCell[] => [text(r.scenario), ...areaYearCells(r), text(r.asAt)];

/** Sheets of one per level, in the order asked, rows as given. */
function byLevel<R extends { level: AreaLevel }>(levels: readonly AreaLevel[], rows: readonly R[], sheet: (level: AreaLevel, rows: R[]) => WorkbookSheet): WorkbookSheet[] {
  return levels.map((l) => sheet(l, rows.filter((r) => r.level === l)));
}

/** Every data sheet ends, as every CSV does, with `prices`: cash or the price year (docs/methodology.md, "Money: price bases"). */
export function projectSheets(levels: readonly AreaLevel[], rows: readonly AreaYearRow[], metrics: readonly MetricName[], prices: number | null = null): WorkbookSheet[] {
  const p = text(pricesColumn(prices));
  return byLevel(levels, rows, (level, rs) => ({
    name: level,
    header: [...KEY_HEADER, ...metrics, 'prices'],
    rows: rs.map((r) => [...keyCells(r), ...metrics.map((m) => num(r.metrics[m], metricFormat(m))), p]),
  }));
}

export function projectSheetsMonteCarlo(levels: readonly AreaLevel[], rows: readonly MonteCarloRow[], metrics: readonly MetricName[], prices: number | null = null): WorkbookSheet[] {
  const p = text(pricesColumn(prices));
  return byLevel(levels, rows, (level, rs) => ({
    name: level,
    header: [...KEY_HEADER, ...metrics.flatMap(wideColumns), 'prices'],
    rows: rs.map((r) => [...keyCells(r), ...metrics.flatMap((m) => WIDE_STATS.map((k) => num(statValue(m, k, r.metrics[m]?.[k] ?? null), metricFormat(m, k === 'mean')))), p]),
  }));
}

/**
 * The budget table (`--years-as-columns`): a sheet per level, each row one scenario, area and metric,
 * each financial year a column. Headers and the metric's label are in --lang (docs/methodology.md,
 * "Money: budget tables"); the metric's machine name stays beside its label, and the last column
 * says the prices.
 */
export function budgetSheets(levels: readonly AreaLevel[], table: BudgetTable, prices: number | null, lang: Lang): WorkbookSheet[] {
  const h = (k: Parameters<typeof label>[1]): string => label(lang, k);
  const pricesCell = text(pricesColumn(prices));
  return byLevel(levels, table.rows, (level, rs) => ({
    name: level,
    header: [h('budget.scenario'), h('budget.level'), h('budget.areaCode'), h('budget.areaName'), h('budget.metric'), h('budget.metricLabel'), ...table.years.map(financialYear), h('budget.prices')],
    rows: rs.map((r) => [text(r.scenario), text(r.level), text(r.areaCode), text(r.areaName), text(r.metric), text(metricLabel(lang, r.metric)), ...r.values.map((v) => num(v, metricFormat(r.metric, v !== null && !Number.isInteger(v)))), pricesCell]),
  }));
}

export function diffSheets(levels: readonly AreaLevel[], records: readonly DiffRecord[], prices: number | null = null): WorkbookSheet[] {
  const columns = diffValueColumns(records);
  const range = columns.length > 3;
  const p = text(pricesColumn(prices));
  return byLevel(levels, records, (level, rs) => ({
    name: level,
    header: ['level', 'area_code', 'area_name', 'year', 'financial_year', 'metric', ...columns, 'prices'],
    rows: rs.map((d) => {
      const f = metricFormat(d.metric, range);
      return [...areaYearCells(d), text(d.metric), ...diffValues(d, range).map((v) => num(v, f)), p];
    }),
  }));
}

export function planSheets(f: PlanFigures): WorkbookSheet[] {
  const fy = financialYear(f.year);
  // Counts are whole; the fractions are usable places ÷ need (section c) and distances.
  const cell = (v: number | null | undefined) => num(v ?? null, v !== null && v !== undefined && !Number.isInteger(v) ? XLSX_FORMATS.ratio : XLSX_FORMATS.count);
  // The same columns as the plan's CSV: p10 and p90 with runs, and the previous year's figure last.
  const ranges = (f.runs ?? 1) > 1;
  return [
    {
      name: 'plan',
      header: ['la_code', 'la_name', 'financial_year', 'section', 'item', 'placement_type', 'value', ...(ranges ? ['value_p10', 'value_p90'] : []), 'previous_value'],
      maxWidth: 90,
      rows: f.rows.map((r) => [
        text(f.la.code),
        text(f.la.nameEn),
        text(fy),
        text(r.section),
        text(r.item),
        text(r.placementType),
        cell(r.value),
        ...(ranges ? [cell(r.lo), cell(r.hi)] : []),
        cell(r.previous),
      ]),
    },
  ];
}

/**
 * The `about` sheet: what the figures are (scenario, prices, years, levels, areas, runs), where they
 * come from (the tool's version, every input file's SHA-256), the assumptions log and every
 * parameter in force with its source. Four columns: item, value, source, owner.
 */
export function aboutSheet(meta: Meta, prices: string, costs: readonly CostRow[] | null = null): WorkbookSheet {
  const rows: WorkbookCell[][] = [];
  const line = (...cells: Array<string | null>): void => {
    rows.push(cells.map((c) => (c === null ? null : text(c))));
  };
  line('tool', `sufficiency ${meta.version}`);
  line('command', meta.command);
  for (const s of meta.scenarios) scenarioLines(s, line);
  line('prices', prices);
  for (const [k, v] of Object.entries(meta.options)) {
    if (k === 'prices' || v === null) continue;
    line(`option ${k}`, Array.isArray(v) ? v.join(',') : String(v));
  }
  line('runs', String(meta.runs));
  line('seed', String(meta.seed));
  line('figures', meta.figures);
  if (meta.generated_at !== undefined) line('generated at', meta.generated_at);
  line('note', 'Money in whole pounds. Years are financial years (2027-28 is 1 April 2027 to 31 March 2028); as_at is the state at its end.');
  line('note', label('en', 'prices.note'));
  for (const w of meta.warnings) line('warning', w);
  if (meta.parameters_that_differ !== undefined) differenceSheetLines(meta, line);
  line(null);
  line('input file', 'sha256');
  for (const i of meta.inputs) line(i.path, i.sha256);
  if (costs !== null) {
    line(null);
    line(label('en', 'prices.title'), 'price', 'source');
    for (const p of weeklyPrices(costs)) {
      line(`${p.type}, ${p.sector}, ${p.location}, ${p.la}`, `${weeklyGbpText(p.weeklyGbp)} a week, prices of ${p.priceYear}, estimated: ${p.estimated}`, p.source);
    }
  }
  for (const s of meta.scenarios) {
    line(null);
    line(`assumptions of ${s.name}`, 'text', 'source', 'owner');
    for (const a of s.assumptions as Array<{ id: string; text: string; source?: string; owner?: string }>) line(a.id, a.text, a.source ?? '', a.owner ?? '');
    line(null);
    line(`parameters of ${s.name}`, 'value', 'source');
    for (const p of s.parameters as Array<{ path: string; value: unknown; source: string | null }>) line(p.path, paramText(p.value), p.source ?? '');
  }
  return { name: 'about', header: ['item', 'value', 'source', 'owner'], rows, maxWidth: 80 };
}

function scenarioLines(s: ScenarioProvenance, line: (...cells: Array<string | null>) => void): void {
  line('scenario', s.name);
  if (s.title) line('scenario title', s.title);
  line('scenario parameter hash', s.parameter_hash);
}

/** diff's parameters that differ (render/differ.ts): path, A's value, B's value; ten, then "and N more". */
function differenceSheetLines(meta: Meta, line: (...cells: Array<string | null>) => void): void {
  const list = meta.parameters_that_differ!;
  const [a, b] = [String(meta.options.a ?? 'A'), String(meta.options.b ?? 'B')];
  line(null);
  if (list.length === 0) {
    line(label('en', 'differ.none', { a, b }));
    return;
  }
  line(label('en', 'differ.title', { a, b, n: list.length }), a, b);
  const { rows, more } = differenceRows(list, label('en', 'differ.notInForce'));
  for (const r of rows) line(r.path, r.a, r.b);
  if (more > 0) line(label('en', 'differ.more', { n: more }));
}

const paramText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

export async function workbook(sheets: readonly WorkbookSheet[], meta: Meta, prices: string, costs: readonly CostRow[] | null = null): Promise<Uint8Array> {
  return workbookBytes([...sheets, aboutSheet(meta, prices, costs)]);
}
