// `sufficiency diff A B`: runs two scenarios on the same data and shows B minus A per area and year.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { diffCsv, diffJsonRecords, jsonDocument } from '../../io/output.js';
import { METRICS, type AreaYearRow } from '../../model/types.js';
import {
  addModelOptions,
  checkOutputPath,
  emit,
  loadInputs,
  makeMeta,
  modelWarnings,
  noteDataWarnings,
  parseModelOptions,
  produceRows,
  resolveYears,
  stdoutIsTty,
  type RawModelOptions,
} from '../pipeline.js';
import { chalkFor, terminalWidth } from '../render/colour.js';
import { diffRecords, diffSummary, renderDiffTable } from '../render/diff.js';

export function registerDiff(program: Command): void {
  const cmd = program
    .command('diff')
    .description('run scenarios A and B on the same data and show B minus A per region (or LA, or Wales) and year')
    .argument('<A>', 'the scenario to compare against (a name or a path to a .yaml file)')
    .argument('<B>', 'the scenario whose changes are shown');
  addModelOptions(cmd).addHelpText(
    'after',
    `
The table starts with a plain-English summary for Wales; deltas are B minus A, green where B is
better for children, red where worse. The years shown default to those both scenarios cover.
CSV columns: level,area_code,area_name,year,metric,a,b,delta.

Examples:
  $ sufficiency diff baseline eliminate-act
  $ sufficiency diff baseline eliminate-act --by la --to 2030
  $ sufficiency diff central eliminate-act --format csv --out diff.csv
`,
  );
  cmd.action(async (refA: string, refB: string, raw: RawModelOptions) => {
    const opts = parseModelOptions(raw, stdoutIsTty());
    if (opts.long) throw new UsageError('--long does not apply to diff: its CSV is already one row per area, year and metric');
    if (opts.runs > 1) throw new UsageError('diff with --runs above 1 (Monte Carlo) is not available in this build yet');
    const inputs = await loadInputs(opts.data, opts.scenarios, [refA, refB]);
    checkOutputPath(opts.out, inputs);
    noteDataWarnings(inputs);
    const [loadedA, loadedB] = inputs.scenarios;
    const B = inputs.dataset.baseYear;
    const years = resolveYears(opts, B, Math.min(loadedA.horizon.to, loadedB.horizon.to));
    const ra = await produceRows(inputs, loadedA, opts.by, years, opts);
    const rb = await produceRows(inputs, loadedB, opts.by, years, opts);
    if (ra.kind !== 'deterministic' || rb.kind !== 'deterministic') throw new UsageError('diff needs deterministic runs');
    const warnings = [...new Set([...modelWarnings(ra.projection), ...modelWarnings(rb.projection)])];
    for (const w of warnings) process.stderr.write(`sufficiency: warning: ${w}\n`);
    // Two scenarios with the same name (a scenario against itself) are told apart as A and B.
    const nameA = loadedA.name === loadedB.name ? `${loadedA.name} (A)` : loadedA.name;
    const nameB = loadedA.name === loadedB.name ? `${loadedB.name} (B)` : loadedB.name;

    const fileMetrics = opts.metrics ?? METRICS;
    const meta =
      opts.format === 'json' || opts.out !== null
        ? await makeMeta(
            inputs,
            'diff',
            { a: loadedA.name, b: loadedB.name, by: opts.by, from: years.from, to: years.to, metrics: opts.metrics ?? 'all', format: opts.format, excel: opts.excel },
            { runs: opts.runs, seed: opts.seed },
            warnings,
            opts.timestamp,
          )
        : null;
    let text: string;
    if (opts.format === 'csv') {
      text = diffCsv(diffRecords(ra.rows, rb.rows, fileMetrics), { excel: opts.excel });
    } else if (opts.format === 'json') {
      text = jsonDocument(meta, diffJsonRecords(diffRecords(ra.rows, rb.rows, fileMetrics)));
    } else {
      const { areaRows } = await import('../../model/aggregate.js');
      const inYears = (r: AreaYearRow): boolean => r.year >= years.from && r.year <= years.to;
      const level = (p: typeof ra.projection, l: 'wales' | 'region') => areaRows(p, inputs.dataset, l).filter(inYears);
      const summary = diffSummary({
        nameA,
        nameB,
        walesA: level(ra.projection, 'wales'),
        walesB: level(rb.projection, 'wales'),
        regionsA: level(ra.projection, 'region'),
        regionsB: level(rb.projection, 'region'),
        baseYear: B,
      });
      const toFile = opts.out !== null;
      text = renderDiffTable({
        nameA,
        nameB,
        level: opts.by,
        records: diffRecords(ra.rows, rb.rows, opts.metrics ?? METRICS),
        metrics: opts.metrics,
        summary,
        width: terminalWidth(toFile),
        chalk: chalkFor(toFile),
        baseYear: B,
      });
    }
    await emit(text, opts.out, meta);
  });
}
