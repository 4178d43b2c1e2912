// `sufficiency sensitivity --scenario S`: which assumption the answer hangs on (docs/methodology.md,
// "Which assumption matters"): the tornado, the share of the spread and the switching values.
import { DEFAULT_RUNS, parseRuns, planRuns } from '../runs.js';
import { Option, type Command } from 'commander';
import {
  dataOption,
  emit,
  loadCheckedInputs,
  makeMeta,
  outputPath,
  parseCount,
  parseYear,
  refuseWorkbookToTerminal,
  resolveFormat,
  scenariosOption,
  stdoutIsTty,
} from '../pipeline.js';
import { helpAfter } from '../help.js';
import { UsageError } from '../../errors.js';
import { isLang, label } from '../../i18n/labels.js';

interface RawSensitivityOptions {
  scenario: string;
  metric: string;
  year?: string;
  area?: string;
  threshold?: string;
  vary: string[];
  runs: string;
  seed: string;
  workers?: string;
  format?: string;
  out?: string;
  lang: string;
  data: string;
  scenarios: string;
  timestamp?: boolean;
}

const collect = (v: string, all: string[]): string[] => [...all, v];

export function registerSensitivity(program: Command): void {
  const cmd = program
    .command('sensitivity')
    .description('which assumption matters: a tornado of the uncertain parameters, their shares of the spread, and switching values')
    .addOption(new Option('--scenario <name>', 'scenario: a name in the scenarios folder or a path to a .yaml file').makeOptionMandatory())
    .addOption(new Option('--metric <name>', 'the metric looked at').default('cost_gbp'))
    .addOption(new Option('--year <year>', "the year looked at (default: the scenario's last year)"))
    .addOption(new Option('--area <name>', 'one LA (code, English or Welsh name) or region (slug or name); default: the nation'))
    .addOption(new Option('--threshold <question>', 'switching values for this question, as "sufficiency_residential>=1" (>=, <=, > or <)'))
    .addOption(new Option('--vary <PATH=LOW:HIGH>', 'vary this parameter over LOW..HIGH (repeatable); a distribution of the scenario takes this range instead of its p10..p90').argParser(collect).default([], 'none'))
    .addOption(new Option('--runs <n>', 'runs per point where the scenario is random; the shares of the spread take at least 200').default('100'))
    .addOption(new Option('--seed <n>', 'seed of the runs').default('1'))
    .addOption(new Option('--workers <n>', 'worker threads (default: one per CPU)'))
    .addOption(new Option('--format <format>', 'table, csv, json or xlsx (default: table on a terminal, CSV when piped; by --out ending)'))
    .addOption(new Option('--out <file>', 'write to FILE (and FILE.meta.json) instead of standard output'))
    .addOption(dataOption())
    .addOption(scenariosOption())
    .addOption(new Option('--timestamp', 'record the time of the run in the provenance'))
    .addOption(new Option('--lang <lang>', 'language of the table: en or cy (Welsh); CSV and JSON never change').default('en'));
  cmd.addHelpText(
    'after',
    helpAfter(`
Every distribution of the scenario is an uncertain parameter, named by its path
(transitions[2].exit, demand.rate.2026, foster_wales.net_new_places.2027). Tornado: each at the
p10 and p90 of its distribution (or LOW and HIGH of --vary), every other at its central value
(the mean of a normal or uniform, the mode of a triangular). Share of the spread: each
parameter's first-order share of the variance of the metric over the scenario's own runs (the
correlation ratio over ten quantile bins, adjusted for the bins), and the remainder left to
interactions and the model's own randomness. Switching values (--threshold): where within its
range each parameter flips the answer, the others central, by bisection to 1% of the range.
Numbers the scenario holds fixed are listed as held; --vary PATH=LOW:HIGH varies one of them.

Cost. Where the scenario is random (placement choice, whole services), each point is the mean of
--runs paired runs (run i uses the same streams at every point), else one run. With P uncertain
parameters the tornado makes (2P + 1) x runs model runs, the shares max(runs, 200), and each of up
to 7 bisection steps one point per parameter whose answer differs between its ends. central-uncertain
(15 parameters) at --runs 100 is about 3,300 runs for the tornado and shares: minutes on a laptop
(docs/performance.md). --runs 20 gives a quick first look. Progress shows on a terminal.

Examples:
  $ sufficiency sensitivity --scenario central-uncertain --metric sufficiency_residential \\
      --threshold "sufficiency_residential>=1"
  $ sufficiency sensitivity --scenario central --metric unplaced --vary turnover.residential=0.35:0.55 \\
      --vary demand.rate.2026=-0.03:0.01 --runs 20
  $ sufficiency sensitivity --scenario central-uncertain --area north-wales --out tornado.xlsx --lang cy
`),
  );
  cmd.action(async (raw: RawSensitivityOptions) => {
    await runSensitivity(raw);
  });
}

async function runSensitivity(raw: RawSensitivityOptions): Promise<void> {
  const isTty = stdoutIsTty();
  const out = outputPath(raw.out);
  const format = resolveFormat(raw.format, out, false, isTty, ['table', 'csv', 'json', 'xlsx']);
  refuseWorkbookToTerminal(format, out, isTty);
  if (!isLang(raw.lang)) throw new UsageError(`--lang: expected en or cy, found "${raw.lang}"`);
  const lang = raw.lang;
  const runs = parseRuns(raw.runs) ?? DEFAULT_RUNS;
  const seed = parseCount('--seed', raw.seed, 0);
  const workers = raw.workers === undefined ? null : parseCount('--workers', raw.workers, 1);
  const { parseMetric, parseThreshold, parseVaries, parseOneArea } = await import('../sensitivity/options.js');
  const metric = parseMetric('--metric', raw.metric);
  const threshold = raw.threshold === undefined ? null : parseThreshold(raw.threshold);
  const yearAsked = raw.year === undefined ? null : parseYear('--year', raw.year);

  const inputs = await loadCheckedInputs({ data: raw.data, scenarios: raw.scenarios, out }, [raw.scenario]);
  const loaded = inputs.scenarios[0];
  const { dataset } = inputs;
  const year = yearAsked ?? loaded.horizon.to;
  if (year < dataset.baseYear) throw new UsageError(`--year ${year}: the first year the model projects is ${dataset.baseYear} (the data's base date is 31 March ${dataset.baseYear})`);
  const area = parseOneArea(raw.area, dataset);
  const varies = parseVaries(raw.vary, loaded);

  const { analyse, variedParameters } = await import('../sensitivity/analysis.js');
  if (variedParameters(loaded, dataset, varies).length === 0) {
    process.stdout.write(`${label(lang, 'sens.nothing', { name: loaded.name })}\n`);
    return;
  }
  const { threadRunner } = await import('../sensitivity/runner.js');
  const runner = await threadRunner(inputs, loaded, { level: area.level, year, seed, workers });
  const result = await analyse(loaded, dataset, { metric, year, area, thresholds: threshold ? [threshold] : [], varies, runs, spread: true, seed, workers }, runner);

  const { sensitivityCsv, sensitivityJson, sensitivitySheet, sensitivityTable } = await import('../render/sensitivity.js');
  const meta =
    format === 'json' || format === 'xlsx' || out !== null
      ? await makeMeta(
          inputs,
          'sensitivity',
          { metric, year, area: area.code, threshold: raw.threshold ?? null, vary: raw.vary.join(' ') || null, format, runs_per_point: result.runsPerPoint, model_runs: result.modelRuns },
          planRuns([loaded], runs, seed),
          [],
          raw.timestamp === true,
        )
      : null;
  let text: string | Uint8Array;
  if (format === 'csv') text = sensitivityCsv(result);
  else if (format === 'json') text = sensitivityJson(result, meta);
  else if (format === 'xlsx') {
    const { workbook } = await import('../render/workbook.js');
    text = await workbook([sensitivitySheet(result)], meta!, 'cash (each year in its own prices)');
  } else {
    const { terminalWidth } = await import('../render/colour.js');
    text = sensitivityTable(result, loaded, dataset, lang, Math.min(terminalWidth(out !== null), 100));
  }
  await emit(text, out, meta);
}
