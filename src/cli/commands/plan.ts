// `sufficiency plan --la LA --year FY --scenario S`: the figures an annual sufficiency plan must hold
// (docs/model.md §2.3) for one LA and financial year, as a table, CSV or Markdown.
import { parseRuns, planRuns } from '../runs.js';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { makeLaResolver } from '../../common/la-names.js';
import { VERSION } from '../../version.js';
import {
  checkOutputPath,
  dataOption,
  emit,
  loadInputs,
  makeMeta,
  modelScenario,
  parseCount,
  noteDataWarnings,
  noteScenarioWarnings,
  outputPath,
  parseYear,
  pricesText,
  refuseWorkbookToTerminal,
  resolveFormat,
  scenariosOption,
  stdoutIsTty,
} from '../pipeline.js';
import { inNation, isLang, regionNameIn, type Lang } from '../../i18n/labels.js';
import { helpAfter } from '../help.js';

interface RawPlanOptions {
  lang: string;
  la: string;
  year: string;
  scenario: string;
  format?: string;
  runs?: string;
  seed: string;
  out?: string;
  excel?: boolean;
  data: string;
  scenarios: string;
  timestamp?: boolean;
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('the figures of an annual sufficiency plan (s.75A(3)) for one LA and financial year')
    .addOption(new Option('--la <la>', 'the local authority: ONS code, English or Welsh name').makeOptionMandatory())
    .addOption(new Option('--year <fy>', 'financial year: 2027 or 2027-28 (1 April 2027 to 31 March 2028)').makeOptionMandatory())
    .addOption(new Option('--scenario <name>', 'scenario: a name in the scenarios folder or a path to a .yaml file').makeOptionMandatory())
    .addOption(new Option('--format <format>', 'table, csv, md or xlsx (default: table on a terminal, CSV when piped; by --out ending .md, .csv, .xlsx)'))
    .addOption(new Option('--out <file>', 'write to FILE (and FILE.meta.json) instead of standard output'))
    .addOption(new Option('--excel', 'CSV for Excel: UTF-8 byte-order mark and CRLF line ends'))
    .addOption(new Option('--runs <n>', 'Monte Carlo runs: figures are means with their p10-p90 (default: 100 for a random scenario, else 1)'))
    .addOption(new Option('--seed <n>', 'seed of the runs').default('1'))
    .addOption(dataOption())
    .addOption(scenariosOption())
    .addOption(new Option('--lang <lang>', 'language of the labels and item texts: en or cy (Welsh); codes and CSV columns never change').default('en'))
    .addOption(new Option('--timestamp', 'record the time of the run in the provenance'))
    .addHelpText(
      'after',
      helpAfter(`
Rows follow s.75A(3): a(i) children looked after; a(ii) children unlikely to be placed with LA or
not-for-profit accommodation within or near the area; b LA places; c places against need;
d(i) supplementary placements; d(iii)/d(iv) providers likely to be named; e the LA's strategy.
The previous financial year stands beside the year asked for. A random scenario (a distribution,
placement choice or whole services) is run 100 times (--runs N): each figure is the mean, counts
of children whole, with its p10-p90 range.
CSV columns: la_code,la_name,financial_year,section,item,placement_type,value, then value_p10,
value_p90 with runs, and last previous_value (the item in the previous financial year).

Examples:
  $ sufficiency plan --la Cardiff --year 2027-28 --scenario central
  $ sufficiency plan --la "Ynys Môn" --year 2028 --scenario eliminate-act \\
      --format md --out plan.md
  $ sufficiency plan --la W06000015 --year 2027 --scenario central --format csv
  $ sufficiency plan --la Cardiff --year 2027-28 --scenario central --out plan.xlsx
`),
    )
    .action(makePlan);
}

/** The plan asked for, made and written. */
async function makePlan(raw: RawPlanOptions): Promise<void> {
  const out = outputPath(raw.out);
  const format = resolveFormat(raw.format, out, raw.excel === true, stdoutIsTty(), ['table', 'csv', 'md', 'xlsx']);
  if (raw.excel && format !== 'csv') throw new UsageError(`--excel applies to CSV output, not ${format}`);
  refuseWorkbookToTerminal(format, out, stdoutIsTty());
  if (!isLang(raw.lang)) throw new UsageError(`--lang: expected en or cy, found "${raw.lang}"`);
  const lang: Lang = raw.lang;
  const year = parseYear('--year', raw.year);
  const inputs = await loadInputs(raw.data, raw.scenarios, [raw.scenario]);
  checkOutputPath(out, inputs);
  const { dataset } = inputs;
  const resolver = makeLaResolver(dataset.localAuthorities);
  const la = resolver.resolve(raw.la);
  if (la === null) {
    const hint = resolver.suggest(raw.la);
    throw new UsageError(`--la: unknown local authority "${raw.la}"${hint ? `: ${hint}` : ''}`);
  }
  const loaded = inputs.scenarios[0];
  const B = dataset.baseYear;
  const last = loaded.horizon.to;
  // The renderers (and chalk with them) are loaded only by plan itself: every command's module is
  // loaded at start-up, whatever the command.
  const { financialYear } = await import('../render/table.js');
  if (year < B || year > last) {
    throw new UsageError(
      `--year ${financialYear(year)} is outside the projection: scenario ${loaded.name} runs from ${financialYear(B)} to ${financialYear(last)} ` +
        `(the data's base date is 31 March ${B})`,
    );
  }
  noteDataWarnings(inputs);
  noteScenarioWarnings(inputs);
  const seed = parseCount('--seed', raw.seed, 0);
  const scenario = await modelScenario(inputs, loaded, last, seed);
  const { randomParts, planYears } = await import('../plan-model.js');
  // A random scenario is run --runs times (100 unless asked), any other once whatever --runs says
  // (docs/methodology.md, "The plan: runs and the previous year").
  const random = randomParts(loaded);
  const runPlan = planRuns([loaded], parseRuns(raw.runs), seed);
  const runs = runPlan.runs;
  const { estimatedBaseFigures } = await import('../plan-estimates.js');
  const base = await estimatedBaseFigures(inputs.dataDir, dataset, la.code, lang);
  const context = { scenario, assumptions: loaded.assumptions, estimated: base.lines, syntheticProviders: base.syntheticProviders };
  const { figures, warnings } = await planYears(inputs, loaded, scenario, { laCode: la.code, year, runs, seed }, context);
  for (const w of warnings) process.stderr.write(`sufficiency: warning: ${w}\n`);
  // Items may name an LA or a region: their Welsh names, for --lang cy.
  const names = {
    cy: new Map([
      ...dataset.localAuthorities.map((l) => [l.nameEn, l.nameCy] as const),
      ...dataset.regions.map((r) => [r.name, regionNameIn('cy', r.slug, r.name)] as const),
    ]),
  };
  const ctx = { scenario: loaded.name, title: loaded.title, version: VERSION, lang, names, runs, seed, random };
  const toFile = out !== null;
  const meta =
    toFile || format === 'xlsx'
      ? await makeMeta(inputs, 'plan', { la: la.code, year, format }, runPlan, warnings, raw.timestamp === true)
      : null;
  let text: string | Uint8Array;
  if (format === 'xlsx') {
    const { planSheets, workbook } = await import('../render/workbook.js');
    text = await workbook(planSheets(figures), meta!, pricesText(null));
  } else {
    const { planCsv, planMarkdown, planTable } = await import('../render/plan.js');
    const { chalkFor, terminalWidth } = await import('../render/colour.js');
    text =
      format === 'csv'
        ? planCsv(figures, { excel: raw.excel === true, lang, names, runs })
        : format === 'md'
          ? planMarkdown(figures, ctx)
          : planTable(figures, ctx, chalkFor(toFile), terminalWidth(toFile));
    // The plan's wording names the dataset's nation (docs/model.md §3.1): its items are read by people, in CSV too.
    text = inNation(text, lang, inputs.dataset.nation);
  }
  await emit(text, out, meta);
}
