// `sufficiency project --scenario S`: runs the projection and shows a table per area and year, or
// writes CSV or JSON (docs/model.md §2.1) with its provenance.
import { Option, type Command } from 'commander';
import type { Meta } from '../../io/provenance.js';
import {
  addModelOptions,
  emitInNation,
  levelsText,
  loadAndPlanModelRun,
  makeMeta,
  modelWarnings,
  needsMeta,
  parseModelOptions,
  pricesText,
  produceRows,
  resolveYears,
  stdoutIsTty,
  type ModelOptions,
  type RawModelOptions,
  type YearRange,
} from '../pipeline.js';
import { helpAfter } from '../help.js';

export function registerProject(program: Command): void {
  const cmd = program
    .command('project')
    .description('run the projection for a scenario and show it per region (or LA, or Wales) and year')
    .addOption(new Option('--scenario <name>', 'scenario: a name in the scenarios folder or a path to a .yaml file').makeOptionMandatory())
    .addOption(new Option('--years-as-columns', 'CSV or xlsx as a budget table: each financial year a column, each row one area and metric'));
  // Wales and its regions by default: the nation's total first, as a quick start expects.
  addModelOptions(cmd, { by: 'wales,region' }).addHelpText(
    'after',
    helpAfter(`
Standard output gets a table on a terminal and CSV when piped. Files carry every metric; the
table shows the key ones. --out FILE also writes FILE.meta.json (versions, input hashes,
assumptions). The base row (year B-1) is the data's own state.

--by takes several levels at once (wales,region,la: in that order, in one output); --area keeps
some LAs and regions. --prices YEAR gives money in constant YEAR prices (real terms); cash otherwise.
--out FILE.xlsx (or --format xlsx) writes an Excel workbook: a sheet per level and an about sheet.
--years-as-columns makes the CSV or workbook a budget table: financial years as columns. Money is
cash unless --prices; every CSV's last column, prices, says which. cost_gbp is placement fees;
cost_one_off_gbp, the transition's one-off costs, is apart.

A scenario with a random element (a distribution, whole services leaving, placement choice) is a
distribution: the figures are the means of --runs runs (default 100), with p10-p90 beside them
(CSV: metric, metric_p10, metric_p50, metric_p90). --runs 1 is one draw at central values.

Examples:
  $ sufficiency project --scenario central
  $ sufficiency project --scenario central --by la --from 2027 --to 2030
  $ sufficiency project --scenario central --metrics unplaced,displaced
  $ sufficiency project --scenario central --by wales,region --from 2027 --to 2030 \\
      --metrics cost_gbp,cost_residential_gbp --prices 2024 --out costs.xlsx
  $ sufficiency project --scenario central --by la --area "north-wales,Caerdydd"
  $ sufficiency project --scenario eliminate-act --excel --out budget.csv
  $ sufficiency project --scenario central --years-as-columns --prices 2024 \\
      --metrics cost_gbp,cost_one_off_gbp --out budget.xlsx
`),
  );
  cmd.action(async (raw: RawModelOptions & { scenario: string }) => {
    const opts = parseModelOptions(raw, stdoutIsTty());
    const { inputs, areas, plan } = await loadAndPlanModelRun(opts, [raw.scenario]);
    const loaded = inputs.scenarios[0];
    const years = resolveYears(opts, inputs.dataset.baseYear, loaded.horizon);
    const result = await produceRows(inputs, loaded, opts.by, years, { ...opts, runs: plan.runs }, areas);
    const warnings = result.kind === 'deterministic' ? modelWarnings(result.projection) : [];
    for (const w of warnings) process.stderr.write(`sufficiency: warning: ${w}\n`);
    const meta = needsMeta(opts) ? await makeMeta(inputs, 'project', projectOptions(opts, years), plan, warnings, opts.timestamp) : null;
    // The renderers (and chalk with them) are loaded only here: every command's module is loaded at
    // start-up, whatever the command.
    const { renderProjection } = await import('../render/project.js');
    const text = await renderProjection(result, opts, { loaded, baseYear: inputs.dataset.baseYear, meta, dataset: inputs.dataset, plan });
    await emitInNation(text, opts, inputs.dataset.nation, meta);
  });
}

/** The options as the provenance records them. */
function projectOptions(opts: ModelOptions, years: YearRange): Meta['options'] {
  return {
    by: levelsText(opts.by),
    from: years.from,
    to: years.to,
    metrics: opts.metrics ?? 'all',
    format: opts.format,
    long: opts.long,
    excel: opts.excel,
    area: opts.area,
    prices: pricesText(opts.prices),
    ...(opts.yearsAsColumns ? { years_as_columns: true } : {}),
  };
}
