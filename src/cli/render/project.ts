// The output of `project` in the form asked for: terminal table, wide or long CSV, or JSON.
import type { Meta } from '../../io/provenance.js';
import {
  jsonDocument,
  longCsv,
  longCsvMonteCarlo,
  longRecords,
  longRecordsMonteCarlo,
  wideCsv,
  wideCsvMonteCarlo,
} from '../../io/output.js';
import { METRICS, type AreaYearRow, type MetricName } from '../../model/types.js';
import { InternalError } from '../../errors.js';
import { matchingNote, pricesText, type LoadedScenario, type ModelOptions, type Rows } from '../pipeline.js';
import { areaNameIn, label } from '../../i18n/labels.js';
import { runsNote, type RunPlan } from '../runs.js';
import type { Dataset } from '../../model/types.js';

export async function renderProjection(
  result: Rows,
  opts: ModelOptions,
  ctx: { loaded: LoadedScenario; baseYear: number; meta: Meta | null; dataset?: Dataset; plan: RunPlan },
): Promise<string | Uint8Array> {
  const fileMetrics: readonly MetricName[] = opts.metrics ?? METRICS;
  const csvOpts = { excel: opts.excel, prices: opts.prices };
  if (opts.yearsAsColumns && (opts.format === 'csv' || opts.format === 'xlsx')) return budgetOutput(result, opts, fileMetrics, ctx);
  if (opts.format === 'csv') {
    if (result.kind === 'deterministic') return opts.long ? longCsv(result.rows, fileMetrics, csvOpts) : wideCsv(result.rows, fileMetrics, csvOpts);
    return opts.long ? longCsvMonteCarlo(result.rows, fileMetrics, csvOpts) : wideCsvMonteCarlo(result.rows, fileMetrics, csvOpts);
  }
  if (opts.format === 'xlsx') {
    if (ctx.meta === null) throw new InternalError('a workbook needs its provenance for the about sheet');
    const { projectSheets, projectSheetsMonteCarlo, workbook } = await import('./workbook.js');
    const sheets = result.kind === 'deterministic' ? projectSheets(opts.by, result.rows, fileMetrics, opts.prices) : projectSheetsMonteCarlo(opts.by, result.rows, fileMetrics, opts.prices);
    return workbook(sheets, ctx.meta, pricesText(opts.prices), ctx.dataset?.costs ?? null);
  }
  if (opts.format === 'json') {
    const records = result.kind === 'deterministic' ? longRecords(result.rows, fileMetrics) : longRecordsMonteCarlo(result.rows, fileMetrics);
    return jsonDocument(ctx.meta, records);
  }
  // The table's code (chalk, the Monte Carlo medians) is loaded only for a table: files do not need it.
  const [{ chalkFor, terminalWidth }, { renderProjectTable }, { meanRows }] = await Promise.all([
    import('./colour.js'),
    import('./table.js'),
    import('../../model/montecarlo.js'),
  ]);
  const toFile = opts.out !== null;
  // The table names areas in its language; files keep the data's names.
  const lang = opts.lang;
  const names = { nation: ctx.dataset?.nation ?? { code: '', name: '' }, laNamesCy: new Map(ctx.dataset?.localAuthorities.map((l) => [l.code, l.nameCy]) ?? []) };
  const named = <R extends AreaYearRow>(rows: readonly R[]): R[] => rows.map((r) => ({ ...r, areaName: areaNameIn(lang, r, names) }));
  const common = {
    lang,
    scenario: ctx.loaded.name,
    title: ctx.loaded.title,
    levels: opts.by,
    prices: opts.prices,
    baseYear: ctx.baseYear,
    metrics: opts.metrics,
    width: terminalWidth(toFile),
    chalk: chalkFor(toFile),
  };
  const matching = matchingNote(ctx.loaded, lang);
  const figures = runsNote(lang, ctx.plan);
  if (result.kind === 'deterministic') {
    return renderProjectTable({ ...common, rows: named(result.rows), footer: figures, ...(matching === null ? {} : { note: matching }) });
  }
  return renderProjectTable({
    ...common,
    rows: named(meanRows(result.rows)),
    ranges: result.rows.map((r) => r.metrics),
    note: [label(lang, 'table.mcNote'), matching].filter((x) => x !== null).join(' '),
    footer: figures,
  });
}

/** `--years-as-columns`: the budget table as CSV (machine names) or a workbook (labels in --lang). */
async function budgetOutput(result: Rows, opts: ModelOptions, metrics: readonly MetricName[], ctx: { meta: Meta | null; dataset?: Dataset }): Promise<string | Uint8Array> {
  const { budgetCsv, budgetTable, budgetTableOfMeans } = await import('../../io/budget-table.js');
  const table = result.kind === 'deterministic' ? budgetTable(result.rows, metrics) : budgetTableOfMeans(result.rows, metrics);
  if (opts.format === 'csv') return budgetCsv(table, { excel: opts.excel, prices: opts.prices });
  if (ctx.meta === null) throw new InternalError('a workbook needs its provenance for the about sheet');
  const { budgetSheets, workbook } = await import('./workbook.js');
  return workbook(budgetSheets(opts.by, table, opts.prices, opts.lang), ctx.meta, pricesText(opts.prices), ctx.dataset?.costs ?? null);
}

