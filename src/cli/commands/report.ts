// `sufficiency report --scenario S [--compare B] --out FILE.html`: one self-contained HTML report
// with charts (docs/model.md §7), in English or Welsh (--lang). The figures come from the same runs
// as `project` (a deterministic run, or --runs N Monte Carlo runs) and, with --compare, the paired
// runs that `diff` uses; src/io/report builds the document.
import { noteRuns, parseRuns, planRuns, runsNote, type RunPlan } from '../runs.js';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { inNation, isLang, nationNameIn, regionNameIn, type Lang } from '../../i18n/labels.js';
import type { RunSet } from '../../model/montecarlo.js';
import type { AreaLevel } from '../../model/types.js';
import { VERSION } from '../../version.js';
import {
  commonHorizon,
  dataOption,
  emit,
  outputPath,
  loadCheckedInputs,
  makeMeta,
  modelScenario,
  choiceFor,
  modelWarnings,
  monteCarloRuns,
  parseCount,
  runsOption,
  parseYear,
  pricesText,
  resolveYears,
  scenariosOption,
  type Inputs,
  type LoadedScenario,
  type YearRange,
} from '../pipeline.js';
import { helpAfter } from '../help.js';
import type { FigureRow } from '../../io/report/figures.js';

interface RawReportOptions {
  scenario: string;
  compare?: string;
  by: string;
  from?: string;
  to?: string;
  runs?: string;
  seed: string;
  workers?: string;
  lang: string;
  prices?: string;
  out: string;
  data: string;
  scenarios: string;
  timestamp?: boolean;
}

const LEVELS = ['wales', 'region', 'la'] as const;

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('a self-contained HTML report with charts for a scenario (and its difference from another)')
    .addOption(new Option('--scenario <name>', 'scenario: a name in the scenarios folder or a path to a .yaml file').makeOptionMandatory())
    .addOption(new Option('--compare <name>', 'a second scenario shown beside it, with the difference'))
    .addOption(new Option('--out <file>', 'the HTML file to write (and FILE.meta.json beside it)').makeOptionMandatory())
    .addOption(new Option('--by <level>', 'areas shown after Wales: region, la, or wales alone').default('region'))
    .addOption(new Option('--from <year>', 'first year shown (the base row is year B-1)'))
    .addOption(new Option('--to <year>', "last year shown (default: the scenario's horizon)"))
    .addOption(runsOption())
    .addOption(new Option('--seed <n>', 'seed of the Monte Carlo draws').default('1'))
    .addOption(new Option('--workers <n>', 'worker threads for Monte Carlo runs (default: one per CPU)'))
    .addOption(new Option('--lang <lang>', 'language of the report: en or cy (Welsh)').default('en'))
    .addOption(new Option('--prices <year>', "money in constant prices of YEAR (real terms), deflated by the scenario's deflator (default: cash)"))
    .addOption(dataOption())
    .addOption(scenariosOption())
    .addOption(new Option('--timestamp', 'record the time of the run in the provenance'))
    .addHelpText(
      'after',
      helpAfter(`
The file opens in any browser, offline, with no script, and prints on A4: headline answers for
Wales and each area, a chart and a table per question over the years, the assumptions log, the
data's estimated figures and how the model works. With --compare B, B is shown beside S with the
paired difference S - B. A random scenario's figures are the means of --runs runs (default 100)
with their p10-p90 band; --runs 1 is one draw at central values. --prices YEAR gives money in
constant YEAR prices (real terms); cash otherwise.

Examples:
  $ sufficiency report --scenario central --out report.html
  $ sufficiency report --scenario central --compare baseline --out report.html
  $ sufficiency report --scenario central --compare baseline --lang cy --out adroddiad.html
  $ sufficiency report --scenario central-uncertain --runs 200 --out report-mc.html
  $ sufficiency report --scenario central --prices 2024 --out report-real.html
`),
    )
    .action(async (raw: RawReportOptions) => {
      const opts = parseReportOptions(raw);
      const refs = raw.compare === undefined ? [raw.scenario] : [raw.scenario, raw.compare];
      const inputs = await loadCheckedInputs({ data: raw.data, scenarios: raw.scenarios, out: opts.out }, refs);
      const [loadedS, loadedB] = inputs.scenarios as [LoadedScenario, LoadedScenario | undefined];
      const years = resolveYears(opts, inputs.dataset.baseYear, loadedB ? commonHorizon(loadedS.horizon, loadedB.horizon) : loadedS.horizon);
      const levels = [...new Set<AreaLevel>(['wales', opts.by])];
      const plan = planRuns(inputs.scenarios, opts.runs, opts.seed);
      noteRuns(plan, inputs.scenarios.map((x) => x.name));
      const mc = { runs: plan.runs, seed: opts.seed, workers: opts.workers, prices: opts.prices };
      const s = await runSetOf(inputs, loadedS, levels, years, mc);
      const b = loadedB ? await runSetOf(inputs, loadedB, levels, years, mc) : null;
      const warnings = [...new Set([...s.warnings, ...(b?.warnings ?? [])])];
      for (const w of warnings) process.stderr.write(`sufficiency: warning: ${w}\n`);
      const html = await reportHtml(inputs, opts, { s: s.runs, b: b?.runs ?? null, levels, years, plan });
      const meta = await makeMeta(
        inputs,
        'report',
        { scenario: loadedS.name, compare: loadedB?.name ?? null, by: opts.by, from: years.from, to: years.to, lang: opts.lang, prices: pricesText(opts.prices) },
        plan,
        warnings,
        raw.timestamp === true,
      );
      // The report's wording names the dataset's nation (docs/model.md §3.1).
      await emit(inNation(html, opts.lang, inputs.dataset.nation), opts.out, meta);
    });
}

/** The options once checked, in the order they are checked (the first bad one is the error shown). */
interface ReportOptions {
  by: AreaLevel;
  lang: Lang;
  /** --runs as given; null when not given (runs.ts decides). */
  runs: number | null;
  seed: number;
  workers: number | null;
  from: number | null;
  to: number | null;
  prices: number | null;
  out: string | null;
}

function parseReportOptions(raw: RawReportOptions): ReportOptions {
  const by = raw.by as AreaLevel;
  if (!(LEVELS as readonly string[]).includes(by)) throw new UsageError(`--by: expected wales, region or la, found "${raw.by}"`);
  if (!isLang(raw.lang)) throw new UsageError(`--lang: expected en or cy, found "${raw.lang}"`);
  const lang: Lang = raw.lang;
  const runs = parseRuns(raw.runs);
  const seed = parseCount('--seed', raw.seed, 0);
  const workers = raw.workers === undefined ? null : parseCount('--workers', raw.workers, 1);
  const from = raw.from === undefined ? null : parseYear('--from', raw.from);
  const to = raw.to === undefined ? null : parseYear('--to', raw.to);
  const prices = raw.prices === undefined ? null : parseYear('--prices', raw.prices);
  // A link, pipe, device or folder is refused before anything is read; - is standard output.
  const out = outputPath(raw.out);
  return { by, lang, runs, seed, workers, from, to, prices, out };
}

/** The runs the report shows: the scenario's (s) and, with --compare, the other's (b). */
interface ReportRuns {
  s: RunSet;
  b: RunSet | null;
  levels: readonly AreaLevel[];
  years: YearRange;
  plan: RunPlan;
}

/** The report's document (src/io/report builds it) from the runs, the data's estimates, the sensitivity and the rules in force. */
async function reportHtml(inputs: Inputs, opts: ReportOptions, runs: ReportRuns): Promise<string> {
  const { figureRows } = await import('../../io/report/figures.js');
  const { buildReport } = await import('../../io/report/html.js');
  const { readEstimates } = await import('../../io/report/estimates.js');
  const [loadedS, loadedB] = inputs.scenarios as [LoadedScenario, LoadedScenario | undefined];
  const { years, plan } = runs;
  const { lang, seed } = opts;
  const baseYear = inputs.dataset.baseYear;
  const rows = figureRows(runs.s, runs.b, years);
  const areas = await reportAreas(inputs, runs.levels, lang);
  const headlines = await headlinesOf(rows, areas, runs, { from: Math.max(years.from, baseYear), to: years.to });
  const estimates = await readEstimates(inputs.dataDir, baseYear);
  const { reportSensitivity } = await import('../sensitivity/report.js');
  const sensitivity = await reportSensitivity(inputs, loadedS, { year: years.to, seed, workers: opts.workers, lang });
  const { rulesOf } = await import('../../io/report/method.js');
  const scenarioOf = async (l: LoadedScenario) => ({
    name: l.name,
    title: l.title,
    assumptions: l.assumptions,
    parameters: l.parameters,
    rules: rulesOf(await modelScenario(inputs, l, years.to, seed)),
  });
  const las = inputs.dataset.localAuthorities;
  return buildReport({
    lang,
    version: VERSION,
    dataLabel: estimates.label,
    costs: inputs.dataset.costs,
    scenario: await scenarioOf(loadedS),
    compare: loadedB ? await scenarioOf(loadedB) : null,
    runs: plan.runs,
    prices: opts.prices,
    seed,
    figures: runsNote(lang, plan),
    baseYear,
    years,
    areas,
    rows,
    headlines,
    estimates,
    laNames: new Map(las.map((l) => [l.code, lang === 'cy' ? l.nameCy : l.nameEn])),
    sensitivity,
  });
}

type ReportArea = { level: AreaLevel; code: string; name: string };

/** The areas shown, Wales first, each named in the report's language. */
async function reportAreas(inputs: Inputs, levels: readonly AreaLevel[], lang: Lang): Promise<ReportArea[]> {
  const { areasOf } = await import('../../model/aggregate.js');
  const las = inputs.dataset.localAuthorities;
  const laName = (code: string): string => {
    const la = las.find((l) => l.code === code);
    return la ? (lang === 'cy' ? la.nameCy : la.nameEn) : code;
  };
  return levels.flatMap((level) =>
    areasOf(inputs.dataset, level).map((a) => ({
      level,
      code: a.code,
      name: level === 'wales' ? nationNameIn(lang, inputs.dataset.nation) : level === 'region' ? regionNameIn(lang, a.code, a.name) : laName(a.code),
    })),
  );
}

/** Each area's headline answers: the last year's figures, and the children displaced over the years of flows. */
async function headlinesOf(rows: readonly FigureRow[], areas: readonly ReportArea[], runs: ReportRuns, flowYears: YearRange) {
  const { totalCell } = await import('../../io/report/figures.js');
  const { s, b, years } = runs;
  return new Map(
    areas.map((a) => {
      const last = rows.find((r) => r.level === a.level && r.areaCode === a.code && r.year === years.to);
      const at = (m: 'sufficiency_foster' | 'sufficiency_residential' | 'placed_outside_wales' | 'unplaced' | 'not_local_nonprofit' | 'cost_gbp') =>
        last?.cells[m] ?? { s: { v: null, lo: null, hi: null }, b: null, d: null };
      return [
        `${a.level}:${a.code}`,
        {
          sufficiency_foster: at('sufficiency_foster'),
          sufficiency_residential: at('sufficiency_residential'),
          placed_outside_wales: at('placed_outside_wales'),
          unplaced: at('unplaced'),
          displaced_total: totalCell(s, b, a.level, a.code, flowYears, 'displaced'),
          not_local_nonprofit: at('not_local_nonprofit'),
          cost_gbp: at('cost_gbp'),
        },
      ] as const;
    }),
  );
}

/** One scenario's runs at the levels shown: its deterministic run as a set of one, or N Monte Carlo runs. */
async function runSetOf(
  inputs: Inputs,
  loaded: LoadedScenario,
  levels: readonly AreaLevel[],
  years: YearRange,
  mc: { runs: number; seed: number; workers: number | null; prices: number | null },
): Promise<{ runs: RunSet; warnings: string[] }> {
  if (mc.runs > 1) return { runs: (await monteCarloRuns(inputs, loaded, levels, years, mc)).runs, warnings: [] };
  const { runProjection } = await import('../../model/project.js');
  const { areaRows } = await import('../../model/aggregate.js');
  const { toRunSet } = await import('../../model/montecarlo.js');
  const scenario = await modelScenario(inputs, loaded, years.to, mc.seed);
  const projection = runProjection(inputs.dataset, scenario, { pricesYear: mc.prices, choice: await choiceFor(inputs, scenario) });
  return { runs: toRunSet([levels.flatMap((l) => areaRows(projection, inputs.dataset, l))]), warnings: modelWarnings(projection) };
}
