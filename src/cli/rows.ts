// Running the model for a command: one scenario's rows at the levels, years and areas shown, from
// its deterministic run or, with --runs N > 1, the summary of N Monte Carlo runs. Monte Carlo slots
// in at one place, `produceRows`; how many runs a command makes is runs.ts's `planRuns`.
import type { AreaLevel, AreaYearRow, Dataset, MatchingSettings, ModelScenario, Projection } from '../model/types.js';
import type { MonteCarloRow, RunSet } from '../model/montecarlo.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { AreaFilter } from './areas.js';
import type { PreparedChoice } from '../model/project.js';
import type { Inputs } from './inputs.js';
import type { YearRange } from './years.js';

export type Rows =
  | { kind: 'deterministic'; rows: AreaYearRow[]; projection: Projection; scenario: ModelScenario }
  | { kind: 'monte-carlo'; rows: MonteCarloRow[]; runs: number };

/** The deterministic scenario (distributions at their central value), run to `horizonTo`. */
export async function modelScenario(inputs: Inputs, loaded: LoadedScenario, horizonTo: number, seed = 1): Promise<ModelScenario> {
  const { deterministicScenario } = await import('../scenario/resolve.js');
  // The deterministic run is run 0 of --seed: the seed picks which whole services exit (docs/model.md §4.3).
  const scenario = deterministicScenario(loaded, inputs.dataset, seed);
  return { ...scenario, horizonTo: Math.max(horizonTo, scenario.horizonTo) };
}

/**
 * Every Monte Carlo run of one scenario at one level, spread over worker threads, with progress on
 * standard error when it is a terminal. Run i draws from streams keyed by (seed, i), so two
 * scenarios run with the same seed share their draws, which is what a paired diff needs.
 */
export async function monteCarloRuns(
  inputs: Inputs,
  loaded: LoadedScenario,
  level: AreaLevel | readonly AreaLevel[],
  years: YearRange,
  mc: { runs: number; seed: number; workers: number | null; prices?: number | null },
): Promise<{ runs: RunSet }> {
  const { runMonteCarlo } = await import('../mc/worker-pool.js');
  const { terminalProgress } = await import('../mc/progress.js');
  return runMonteCarlo({
    dataset: inputs.dataset,
    scenario: loaded,
    level,
    horizonTo: years.to,
    runs: mc.runs,
    seed: mc.seed,
    workers: mc.workers,
    pricesYear: mc.prices ?? null,
    // The deterministic run's calibration, handed to every thread once fitted (the threads prepare
    // meanwhile): a run fits again only if it draws other calibration inputs.
    choice: () => preparedChoice(inputs, loaded),
    onProgress: terminalProgress(loaded.name),
  });
}

/**
 * The rows of one scenario at the levels asked for (in that order), for the years and areas shown,
 * money in the prices asked for: the deterministic run, or with --runs N > 1 the Monte Carlo summary.
 */
export async function produceRows(
  inputs: Inputs,
  loaded: LoadedScenario,
  levels: readonly AreaLevel[],
  years: YearRange,
  mc: { runs: number; seed: number; workers: number | null; prices: number | null },
  areas: AreaFilter | null = null,
): Promise<Rows> {
  const keep = await rowFilter(inputs.dataset, years, areas);
  if (mc.runs > 1) {
    const { runs } = await monteCarloRuns(inputs, loaded, levels, years, mc);
    const { summariseRuns } = await import('../model/montecarlo.js');
    return { kind: 'monte-carlo', rows: summariseRuns(runs).filter(keep), runs: mc.runs };
  }
  const { runProjection } = await import('../model/project.js');
  const { areaRows } = await import('../model/aggregate.js');
  const scenario = await modelScenario(inputs, loaded, years.to, mc.seed);
  // Rows need only each year's tallies and places: without the year-end copies of every placement
  // group and provider (which only `plan` reads) a run allocates much less.
  const projection = runProjection(inputs.dataset, scenario, { pricesYear: mc.prices, keepPlacements: false, choice: await choiceFor(inputs, scenario) });
  const rows = levels.flatMap((l) => areaRows(projection, inputs.dataset, l)).filter(keep);
  return { kind: 'deterministic', rows, projection, scenario };
}

/** Whether a row is in the years shown and, with --area, among the areas kept (areas.ts says how). */
export async function rowFilter(dataset: Dataset, years: YearRange, areas: AreaFilter | null): Promise<(r: { year: number; level: AreaLevel; areaCode: string }) => boolean> {
  const inRange = (r: { year: number }): boolean => r.year >= years.from && r.year <= years.to;
  if (areas === null) return inRange;
  const { areasOf } = await import('../model/aggregate.js');
  const { keepArea } = await import('./areas.js');
  const regionOf = new Map(dataset.localAuthorities.map((l) => [l.code, l.region]));
  const lasOf = new Map(areasOf(dataset, 'region').map((a) => [a.code, a.laCodes]));
  return (r) => inRange(r) && keepArea(areas, r.level, r.areaCode, lasOf.get(r.areaCode) ?? [], (la) => regionOf.get(la) ?? '');
}

/** Model warnings (e.g. a for-profit opening refused under the freeze), each once, in order. */
export function modelWarnings(projection: Projection): string[] {
  return [...new Set(projection.years.flatMap((y) => y.warnings))];
}

/** Placement choice's parameters for the deterministic run of a scenario, or null when it matches by least distance. */
export async function preparedChoice(inputs: Inputs, loaded: LoadedScenario): Promise<PreparedChoice | null> {
  if ((loaded.spec.matching as MatchingSettings | undefined)?.method !== 'choice') return null;
  const { deterministicScenario } = await import('../scenario/resolve.js');
  return choiceFor(inputs, deterministicScenario(loaded, inputs.dataset));
}

/** Placement choice's parameters for one model scenario: the calibration held by the command when its inputs are the same. */
export async function choiceFor(inputs: Inputs, scenario: ModelScenario): Promise<PreparedChoice | null> {
  if (scenario.matching?.method !== 'choice') return null;
  const { prepareChoice } = await import('../model/project.js');
  const choice = prepareChoice(inputs.dataset, scenario, inputs.choice.held);
  if (choice !== null) inputs.choice.held = choice;
  return choice;
}
