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
import { medianRows } from '../../model/montecarlo.js';
import { METRICS, type MetricName } from '../../model/types.js';
import type { LoadedScenario, ModelOptions, Rows } from '../pipeline.js';
import { chalkFor, terminalWidth } from './colour.js';
import { renderProjectTable } from './table.js';

export function renderProjection(result: Rows, opts: ModelOptions, ctx: { loaded: LoadedScenario; baseYear: number; meta: Meta | null }): string {
  const fileMetrics: readonly MetricName[] = opts.metrics ?? METRICS;
  const csvOpts = { excel: opts.excel };
  if (opts.format === 'csv') {
    if (result.kind === 'deterministic') return opts.long ? longCsv(result.rows, fileMetrics, csvOpts) : wideCsv(result.rows, fileMetrics, csvOpts);
    return opts.long ? longCsvMonteCarlo(result.rows, fileMetrics, csvOpts) : wideCsvMonteCarlo(result.rows, fileMetrics, csvOpts);
  }
  if (opts.format === 'json') {
    const records = result.kind === 'deterministic' ? longRecords(result.rows, fileMetrics) : longRecordsMonteCarlo(result.rows, fileMetrics);
    return jsonDocument(ctx.meta, records);
  }
  const toFile = opts.out !== null;
  const rows = result.kind === 'deterministic' ? result.rows : medianRows(result.rows);
  return renderProjectTable({
    scenario: ctx.loaded.name,
    title: ctx.loaded.title,
    level: opts.by,
    rows,
    baseYear: ctx.baseYear,
    metrics: opts.metrics,
    width: terminalWidth(toFile),
    chalk: chalkFor(toFile),
    note: result.kind === 'monte-carlo' ? `Medians (p50) of ${result.runs} Monte Carlo runs, seed ${opts.seed}; p10 and p90 are in the CSV and JSON forms.` : undefined,
  });
}

