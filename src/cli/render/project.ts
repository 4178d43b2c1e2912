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
import { matchingNote, type LoadedScenario, type ModelOptions, type Rows } from '../pipeline.js';
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
  const common = {
    scenario: ctx.loaded.name,
    title: ctx.loaded.title,
    level: opts.by,
    baseYear: ctx.baseYear,
    metrics: opts.metrics,
    width: terminalWidth(toFile),
    chalk: chalkFor(toFile),
  };
  const matching = matchingNote(ctx.loaded);
  if (result.kind === 'deterministic') return renderProjectTable({ ...common, rows: result.rows, ...(matching === null ? {} : { note: matching }) });
  return renderProjectTable({
    ...common,
    rows: medianRows(result.rows),
    ranges: result.rows.map((r) => r.metrics),
    note: [monteCarloNote(result.runs, opts.seed), matching].filter((x) => x !== null).join(' '),
  });
}

/** What the figures of a Monte Carlo table are, in words an analyst can quote. */
export function monteCarloNote(runs: number, seed: number): string {
  return (
    `Median of ${runs} Monte Carlo runs (seed ${seed}) and, in brackets, its p10–p90 range: 8 runs in 10 ` +
    'fall within it (no brackets where the runs agree). CSV and JSON give p10, p50 and p90 of every metric, unrounded.'
  );
}
