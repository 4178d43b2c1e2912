// `sufficiency diff A B`: runs two scenarios on the same data and shows B minus A per area and year.
import type { Command } from 'commander';
import { InternalError, UsageError } from '../../errors.js';
import { diffCsv, diffJsonRecords, jsonDocument, type DiffRecord } from '../../io/output.js';
import type { AreaFilter } from '../areas.js';
import { matchingNotes } from '../matching-notes.js';
import { METRICS, type AreaLevel, type AreaYearRow, type MetricName, type Projection } from '../../model/types.js';
import type { Meta } from '../../io/provenance.js';
import type { ParameterDifference } from '../../scenario/differ.js';
import {
  addModelOptions,
  commonHorizon,
  emitInNation,
  levelsText,
  loadAndPlanModelRun,
  makeMeta,
  modelWarnings,
  monteCarloRuns,
  needsMeta,
  parseModelOptions,
  pricesText,
  produceRows,
  resolveYears,
  rowFilter,
  stdoutIsTty,
  type Inputs,
  type ModelOptions,
  type RawModelOptions,
  type YearRange,
} from '../pipeline.js';
// Types only: the renderers themselves are loaded when the diff is shown (diffTable).
import type { SummaryInput } from '../render/diff.js';
import { helpAfter } from '../help.js';
import { runsNote, type RunPlan } from '../runs.js';
import { areaNameIn, label } from '../../i18n/labels.js';

export function registerDiff(program: Command): void {
  const cmd = program
    .command('diff')
    .description('run scenarios A and B on the same data and show B minus A per region (or LA, or Wales) and year')
    .argument('<A>', 'the scenario to compare against (a name or a path to a .yaml file)')
    .argument('<B>', 'the scenario whose changes are shown');
  addModelOptions(cmd).addHelpText(
    'after',
    helpAfter(`
The table starts with a plain-English summary for Wales; deltas are B minus A, green where B is
better for children, red where worse. The years shown default to those both scenarios cover.
CSV columns: level,area_code,area_name,year,financial_year,metric,a,b,delta. When either scenario is
random, both make --runs runs (default 100) with the same seed (paired runs): a, b and delta are
means, and delta_p10,delta_p90 (of the run-by-run differences) follow delta.

Examples:
  $ sufficiency diff baseline eliminate-act
  $ sufficiency diff baseline eliminate-act --by la --to 2030
  $ sufficiency diff central eliminate-act --format csv --out diff.csv
  $ sufficiency diff central central-uncertain --runs 500 --seed 7 --by wales
  $ sufficiency diff central england-tightens --runs 1 --by wales
  $ sufficiency diff central eliminate-act --by wales,region --prices 2024 \\
      --metrics cost_gbp,cost_for_profit_gbp --out diff.xlsx
`),
  );
  cmd.action(async (refA: string, refB: string, raw: RawModelOptions) => {
    const opts = parseModelOptions(raw, stdoutIsTty());
    if (opts.long) throw new UsageError('--long does not apply to diff: its CSV is already one row per area, year and metric');
    // Paired runs of both when either is random (run i of each from the same streams): docs/methodology.md "Monte Carlo figures".
    const { inputs, areas, plan } = await loadAndPlanModelRun(opts, [refA, refB]);
    const [loadedA, loadedB] = inputs.scenarios;
    const years = resolveYears(opts, inputs.dataset.baseYear, commonHorizon(loadedA.horizon, loadedB.horizon));
    const mc = { ...opts, runs: plan.runs };
    const compared = plan.runs > 1 ? await compareMonteCarlo(inputs, mc, years, areas) : await compareDeterministic(inputs, mc, years, areas);
    for (const w of compared.warnings) process.stderr.write(`sufficiency: warning: ${w}\n`);
    // What differs between the two scenarios as run, stated before any result (docs/methodology.md,
    // "The scenario library compares like with like").
    const { parametersThatDiffer } = await import('../../scenario/differ.js');
    const differ = parametersThatDiffer(loadedA, loadedB);
    const meta = needsMeta(opts) ? await makeMeta(inputs, 'diff', diffOptions(inputs, opts, years), plan, compared.warnings, opts.timestamp) : null;
    if (meta !== null) meta.parameters_that_differ = differ;
    const fileMetrics = opts.metrics ?? METRICS;
    let text: string | Uint8Array;
    if (opts.format === 'xlsx') {
      const { diffSheets, workbook } = await import('../render/workbook.js');
      text = await workbook(diffSheets(opts.by, compared.records(fileMetrics), opts.prices), meta!, pricesText(opts.prices), inputs.dataset.costs);
    } else if (opts.format === 'csv') {
      text = diffCsv(compared.records(fileMetrics), { excel: opts.excel, prices: opts.prices });
    } else if (opts.format === 'json') {
      text = jsonDocument(meta, diffJsonRecords(compared.records(fileMetrics)));
    } else {
      text = await diffTable(inputs, opts, compared, differ, plan);
    }
    await emitInNation(text, opts, inputs.dataset.nation, meta);
  });
}

/** The options as the provenance records them. */
function diffOptions(inputs: Inputs, opts: ModelOptions, years: YearRange): Meta['options'] {
  const [loadedA, loadedB] = inputs.scenarios;
  return {
    a: loadedA.name,
    b: loadedB.name,
    by: levelsText(opts.by),
    from: years.from,
    to: years.to,
    metrics: opts.metrics ?? 'all',
    format: opts.format,
    excel: opts.excel,
    area: opts.area,
    prices: pricesText(opts.prices),
  };
}

/**
 * The table on screen: the parameters that differ, the summary for Wales, then B minus A per area
 * and year. It names areas in its language; files keep the data's names. Its renderers (and chalk
 * with them) are loaded only here: every command's module is loaded at start-up, so a static import
 * would be paid by `project` too.
 */
async function diffTable(inputs: Inputs, opts: ModelOptions, compared: Compared, differ: ParameterDifference[], plan: RunPlan): Promise<string> {
  const [loadedA, loadedB] = inputs.scenarios;
  // Two scenarios with the same name (a scenario against itself) are told apart as A and B.
  const nameA = loadedA.name === loadedB.name ? `${loadedA.name} (A)` : loadedA.name;
  const nameB = loadedA.name === loadedB.name ? `${loadedB.name} (B)` : loadedB.name;
  const toFile = opts.out !== null;
  const lang = opts.lang;
  const B = inputs.dataset.baseYear;
  const names = { nation: inputs.dataset.nation, laNamesCy: new Map(inputs.dataset.localAuthorities.map((l) => [l.code, l.nameCy])) };
  const named = <R extends { level: AreaLevel; areaCode: string; areaName: string }>(rows: readonly R[]): R[] => rows.map((r) => ({ ...r, areaName: areaNameIn(lang, r, names) }));
  const sr = compared.summaryRows;
  const { renderDiffTable, diffSummary } = await import('../render/diff.js');
  const { chalkFor, terminalWidth } = await import('../render/colour.js');
  const { differenceLines } = await import('../render/differ.js');
  return renderDiffTable({
    nameA,
    nameB,
    levels: opts.by,
    prices: opts.prices,
    records: named(compared.tableRecords(opts.metrics ?? METRICS)),
    metrics: opts.metrics,
    parameters: differenceLines(differ, nameA, nameB, lang),
    summary: diffSummary({ nameA, nameB, walesA: sr.walesA, walesB: sr.walesB, regionsA: named(sr.regionsA), regionsB: named(sr.regionsB), baseYear: B, lang }),
    note: joinNotes([plan.runs > 1 ? label(lang, 'diff.mcNote') : null, matchingNotes(inputs.scenarios, lang)]),
    footer: runsNote(lang, plan),
    lang,
    width: terminalWidth(toFile),
    chalk: chalkFor(toFile),
    baseYear: B,
  });
}

/** What diff shows, however it was computed: records for files, records for the table, and the rows the summary reads. */
interface Compared {
  records(metrics: readonly MetricName[]): DiffRecord[];
  tableRecords(metrics: readonly MetricName[]): DiffRecord[];
  summaryRows: Pick<SummaryInput, 'walesA' | 'walesB' | 'regionsA' | 'regionsB'>;
  warnings: string[];
}

/** The options with the runs decided (planRuns). */
type RunOptions = Omit<ModelOptions, 'runs'> & { runs: number };

async function compareDeterministic(inputs: Inputs, opts: RunOptions, years: YearRange, areas: AreaFilter | null): Promise<Compared> {
  const [loadedA, loadedB] = inputs.scenarios;
  const ra = await produceRows(inputs, loadedA, opts.by, years, opts, areas);
  const rb = await produceRows(inputs, loadedB, opts.by, years, opts, areas);
  if (ra.kind !== 'deterministic' || rb.kind !== 'deterministic') throw new InternalError('diff expected deterministic runs');
  const { areaRows } = await import('../../model/aggregate.js');
  const { diffRecords } = await import('../render/diff.js');
  const inYears = (r: AreaYearRow): boolean => r.year >= years.from && r.year <= years.to;
  const level = (p: Projection, l: 'wales' | 'region') => areaRows(p, inputs.dataset, l).filter(inYears);
  return {
    records: (metrics) => diffRecords(ra.rows, rb.rows, metrics),
    tableRecords: (metrics) => diffRecords(ra.rows, rb.rows, metrics),
    summaryRows: {
      walesA: level(ra.projection, 'wales'),
      walesB: level(rb.projection, 'wales'),
      regionsA: level(ra.projection, 'region'),
      regionsB: level(rb.projection, 'region'),
    },
    warnings: [...new Set([...modelWarnings(ra.projection), ...modelWarnings(rb.projection)])],
  };
}

/**
 * Both scenarios with the same seed, so run i of each draws the same values for the parameters they
 * share, and the paired differences show what the scenarios' difference does, not sampling noise.
 * Wales and the regions ride along in every run for the summary.
 */
async function compareMonteCarlo(inputs: Inputs, opts: RunOptions, years: YearRange, areas: AreaFilter | null): Promise<Compared> {
  const [loadedA, loadedB] = inputs.scenarios;
  const levels = [...new Set<AreaLevel>([...opts.by, 'wales', 'region'])];
  const { runs: runsA } = await monteCarloRuns(inputs, loadedA, levels, years, opts);
  const { runs: runsB } = await monteCarloRuns(inputs, loadedB, levels, years, opts);
  const { meanRows, pairedDiff, summariseRuns } = await import('../../model/montecarlo.js');
  const { monteCarloDiffRecords } = await import('../render/diff.js');
  const inYears = (r: { year: number }): boolean => r.year >= years.from && r.year <= years.to;
  const keep = await rowFilter(inputs.dataset, years, areas);
  // Rows in the order of the levels asked for (the runs hold them in `levels` order).
  const paired = opts.by.flatMap((l) => pairedDiff(runsA, runsB).filter((r) => r.level === l && keep(r)));
  const meansA = meanRows(summariseRuns(runsA).filter(inYears));
  const meansB = meanRows(summariseRuns(runsB).filter(inYears));
  const at = (rows: AreaYearRow[], l: AreaLevel) => rows.filter((r) => r.level === l);
  return {
    records: (metrics) => monteCarloDiffRecords(paired, metrics),
    tableRecords: (metrics) => monteCarloDiffRecords(paired, metrics),
    summaryRows: { walesA: at(meansA, 'wales'), walesB: at(meansB, 'wales'), regionsA: at(meansA, 'region'), regionsB: at(meansB, 'region') },
    warnings: [],
  };
}

/** The notes that apply, as one paragraph, or undefined when none does. */
function joinNotes(notes: ReadonlyArray<string | null>): string | undefined {
  const given = notes.filter((n): n is string => n !== null);
  return given.length > 0 ? given.join(' ') : undefined;
}
