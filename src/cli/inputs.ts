// Loading what a command reads, the dataset then its scenario(s) against it, and saying on standard
// error what in them, or in the options against them, needs the user's eye.
import { formatProblem, type Problem } from '../errors.js';
import { dataWarningLines } from './data-warnings.js';
import { refuseToOverwriteInputs } from '../io/atomic.js';
import type { Dataset } from '../model/types.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { PreparedChoice } from '../model/project.js';
import type { AreaFilter } from './areas.js';
import { metaPath } from './emit.js';
import type { ModelOptions } from './options.js';
import { checkPrices } from './prices.js';
import { noteRuns, planRuns, type RunPlan } from './runs.js';

// Loaded on first use, so that `--help` and `--version` do not pay for the YAML and schema libraries.
const scenarioModule = () => import('../scenario/load.js');

export interface Inputs {
  dataset: Dataset;
  dataWarnings: Problem[];
  /** Every file read: the dataset's and the scenarios' (absolute paths). */
  files: string[];
  scenarios: LoadedScenario[];
  dataDir: string;
  scenariosDir: string;
  /**
   * Placement choice's last calibration in this command (docs/model.md §4.3: once per dataset and scenario):
   * the table, the provenance, the Monte Carlo threads and the second scenario of a diff whose
   * calibration inputs are the same all use it rather than fitting again (each fit is ~0.3-0.5 s).
   */
  choice: { held?: PreparedChoice };
}

/** Loads the dataset, then each scenario against it. Invalid input throws InputError (exit 3). */
export async function loadInputs(dataDir: string, scenariosDir: string, refs: readonly string[]): Promise<Inputs> {
  const { loadDatasetOrThrow } = await import('../io/dataset.js');
  const { loadScenario } = await scenarioModule();
  const { dataset, warnings, files } = await loadDatasetOrThrow(dataDir);
  const scenarios: LoadedScenario[] = [];
  for (const ref of refs) scenarios.push(await loadScenario(ref, { scenariosDir, dataset }));
  return {
    dataset,
    dataWarnings: warnings,
    files: [...files, ...scenarios.flatMap((s) => s.files)],
    scenarios,
    dataDir,
    scenariosDir,
    choice: {},
  };
}

/**
 * A command's first steps once its options are checked: load the dataset and the scenarios, refuse
 * an --out that would overwrite one of them, then name their warnings on standard error.
 */
export async function loadCheckedInputs(given: { data: string; scenarios: string; out: string | null }, refs: readonly string[]): Promise<Inputs> {
  const inputs = await loadInputs(given.data, given.scenarios, refs);
  checkOutputPath(given.out, inputs);
  noteDataWarnings(inputs);
  noteScenarioWarnings(inputs);
  return inputs;
}

/** Refuses, before any work is done, an --out that would overwrite an input file. */
export function checkOutputPath(out: string | null, inputs: Inputs): void {
  if (out === null) return;
  refuseToOverwriteInputs([out, metaPath(out)], inputs.files);
}

/** Names the data's warnings on standard error (the first few; validate lists them all). */
export function noteDataWarnings(inputs: Inputs): void {
  for (const line of dataWarningLines(inputs.dataWarnings)) process.stderr.write(`${line}\n`);
}

/**
 * Prints each scenario warning on standard error, one line each, as
 * `sufficiency: warning: FILE:LINE:COLUMN: path: message` (e.g. a regional home whose host the
 * dataset leaves out). A warning two scenarios share (both extend the file that wrote it) is
 * printed once.
 */
export function noteScenarioWarnings(inputs: Inputs): void {
  for (const line of scenarioWarnings(inputs)) process.stderr.write(`sufficiency: warning: ${line}\n`);
}

/** The scenarios' warnings as FILE:LINE:COLUMN lines, each once (a file that several extend warns once). */
export function scenarioWarnings(inputs: Inputs): string[] {
  return [...new Set(inputs.scenarios.flatMap((s) => s.warnings.map((p) => formatProblem({ ...p, severity: 'error' }))))];
}

/**
 * Tells the user on standard error what the options will not do as they might expect: --to past the
 * scenario's horizon (the years beyond it repeat each parameter's last value). What --runs does for a
 * scenario with nothing random is runs.ts's noteRuns.
 */
export function noteOptionWarnings(loaded: readonly LoadedScenario[], opts: { to: number | null }): void {
  for (const s of loaded) {
    if (opts.to !== null && opts.to > s.horizon.to) {
      process.stderr.write(
        `sufficiency: warning: --to ${opts.to} runs past scenario ${s.name}'s horizon (${s.horizon.to}): the years after it keep each parameter's last value\n`,
      );
    }
  }
}

/** Resolves --area against the dataset's LAs and regions (null when not given). */
export async function resolveAreas(area: string | null, dataset: Dataset): Promise<AreaFilter | null> {
  if (area === null) return null;
  const { areasOf } = await import('../model/aggregate.js');
  const { parseAreas } = await import('./areas.js');
  return parseAreas(area, dataset, areasOf(dataset, 'region'));
}

/**
 * The first steps of `project` and `diff` once their options are checked: the inputs loaded
 * (loadCheckedInputs), then what the options ask of them checked before anything runs: the areas
 * --area names, --to past a horizon, how many runs (said on standard error), and under --prices a
 * deflator in every scenario.
 */
export async function loadAndPlanModelRun(opts: ModelOptions, refs: readonly string[]): Promise<{ inputs: Inputs; areas: AreaFilter | null; plan: RunPlan }> {
  const inputs = await loadCheckedInputs(opts, refs);
  const areas = await resolveAreas(opts.area, inputs.dataset);
  noteOptionWarnings(inputs.scenarios, opts);
  const plan = planRuns(inputs.scenarios, opts.runs, opts.seed);
  noteRuns(plan, inputs.scenarios.map((s) => s.name));
  await checkPrices(inputs.scenarios, inputs.dataset, opts.prices);
  return { inputs, areas, plan };
}
