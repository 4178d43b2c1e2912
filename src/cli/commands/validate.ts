// `sufficiency validate`: checks the dataset and the scenarios, prints every problem, changes nothing.
import { Option, type Command } from 'commander';
import { InputError, formatProblem, type Problem } from '../../errors.js';
import { DEFAULT_DATA_DIR, DEFAULT_SCENARIOS_DIR } from '../../common/paths.js';
import type { Dataset } from '../../model/types.js';
import { displayPath } from '../../scenario/display-path.js';
import { helpAfter } from '../help.js';
import { langOption, parseLang } from '../lang.js';
import { commandLabel, countLabel } from '../../i18n/command-labels.js';
import type { Lang } from '../../i18n/labels.js';

interface ValidateOptions {
  data: string;
  scenario: string[];
  scenarios: string;
  lang: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the dataset and every scenario (or those named), print every problem, change nothing')
    .addOption(new Option('--data <dir>', 'dataset folder (a data package)').default(DEFAULT_DATA_DIR, 'the embedded Wales data, data/wales'))
    .addOption(
      new Option('--scenario <name>', 'check only this scenario: a name or a path to a .yaml file (repeatable)')
        .argParser(collect)
        .default([], 'every scenario in the scenarios folder'),
    )
    .addOption(new Option('--scenarios <dir>', 'folder of scenarios').default(DEFAULT_SCENARIOS_DIR, "the project's scenarios/"))
    .addOption(langOption('the summary line (problems stay in English)'))
    .addHelpText(
      'after',
      helpAfter(`
Problems are printed to standard error as FILE:LINE:COLUMN: message; warnings do not change the
exit code (0 when there is no error, 3 otherwise). A one-line summary goes to standard output.

Examples:
  $ sufficiency validate
  $ sufficiency validate --data ./my-la-strategy --scenario central
  $ sufficiency validate --scenario scenarios/eliminate-act.yaml
`),
    )
    .action(async (opts: ValidateOptions) => {
      const lang = parseLang(opts.lang);
      const { loadDataset } = await import('../../io/dataset.js');
      const shown = displayPath(opts.data);
      const { dataset, problems } = await loadDataset(opts.data);
      // With a dataset in error, each scenario is still checked as far as it can be on its own.
      const checked = await checkScenarios(opts.scenario, opts.scenarios, dataset, lang);
      problems.push(...checked.problems);
      const scenarioNote = checked.summary;
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.length - errors;
      const counts = `${countLabel(lang, 'validate.errors', errors)}, ${countLabel(lang, 'validate.warnings', warnings)}`;
      const about =
        dataset !== null
          ? `${commandLabel(lang, 'validate.las', { n: dataset.localAuthorities.length })}, ${commandLabel(lang, 'validate.children', { n: childrenAtBase(dataset).toLocaleString('en-GB') })}, `
          : '';
      process.stdout.write(`${shown}: ${about}${counts}${scenarioNote ? `; ${scenarioNote}` : ''}\n`);
      if (dataset !== null) process.stdout.write(await pricesSummary(dataset, lang));
      if (errors > 0) throw new InputError(problems);
      for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
    });
}

/** The weekly prices the runs will use (placement fees), one indented line each: what cost_gbp is made of. */
async function pricesSummary(dataset: Dataset, lang: Lang): Promise<string> {
  const { label } = await import('../../i18n/labels.js');
  if (dataset.costs === null) return `${label(lang, 'prices.none')}\n`;
  const { weeklyPriceLines } = await import('../../io/weekly-prices.js');
  return [`${label(lang, 'prices.title')}:`, ...weeklyPriceLines(dataset.costs, lang).map((l) => `  ${l}`)].join('\n') + '\n';
}

function childrenAtBase(dataset: { demandHistory: Array<{ year: number; children: number }>; baseYear: number }): number {
  return dataset.demandHistory.filter((d) => d.year === dataset.baseYear).reduce((s, d) => s + d.children, 0);
}

/**
 * Loads each scenario (all in the folder, or those named) against the dataset, collecting problems;
 * without a dataset (it has errors), checks each on its own (its LAs, regions and years wait).
 */
async function checkScenarios(named: string[], scenariosDir: string, dataset: Dataset | null, lang: Lang): Promise<{ problems: Problem[]; summary: string }> {
  const { listScenarios, loadScenario, checkScenarioAlone } = await import('../../scenario/load.js');
  const problems: Problem[] = [];
  let refs: string[] = named;
  if (named.length === 0) {
    try {
      refs = (await listScenarios(scenariosDir)).map((s) => s.file);
    } catch (err) {
      if (err instanceof InputError) {
        problems.push(...err.problems);
        return { problems, summary: commandLabel(lang, 'validate.scenarios.notChecked') };
      }
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { problems, summary: commandLabel(lang, 'validate.scenarios.noFolder', { dir: displayPath(scenariosDir) }) };
      throw err;
    }
  }
  // A problem in a file that several scenarios extend (central.yaml, under central-uncertain) is
  // listed once.
  const seen = new Set<string>();
  const note = (found: Problem[]) => {
    for (const p of found) {
      const key = `${p.severity} ${formatProblem(p)}`;
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
  };
  let valid = 0;
  for (const ref of refs) {
    if (dataset === null) {
      const found = await checkScenarioAlone(ref, scenariosDir);
      note(found);
      if (!found.some((p) => p.severity === 'error')) valid += 1;
      continue;
    }
    try {
      // Every scenario of a folder: one written for data this dataset lacks (flows) is a warning, not
      // an error; a scenario named with --scenario is checked as a run would check it.
      const loaded = await loadScenario(ref, { scenariosDir, dataset, missingData: named.length > 0 ? 'error' : 'warning' });
      note(loaded.warnings);
      valid += 1;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      note(err.problems);
    }
  }
  const bad = refs.length - valid;
  const alone = dataset === null ? commandLabel(lang, 'validate.scenarios.alone') : '';
  const summary = `${countLabel(lang, 'validate.scenarios.valid', valid)}${alone}${bad > 0 ? commandLabel(lang, 'validate.scenarios.bad', { n: bad }) : ''}`;
  return { problems, summary };
}
