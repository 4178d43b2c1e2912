// The model runs behind a plan (docs/methodology.md, "The plan: runs and the previous year"): one
// deterministic run, or N Monte Carlo runs made by the worker pool exactly as `project --runs N` makes
// them (run i from the streams of (seed, i)), each handing back its LA's part of the year asked for and
// the years before it, from which the plan of each year is made.
import type { LaPart } from '../mc/la-part.js';
import { runProjection } from '../model/project.js';
import type { ModelScenario } from '../model/types.js';
import type { LoadedScenario } from '../scenario/load.js';
import { randomElements } from '../scenario/randomness.js';
import { choiceFor, modelWarnings, type Inputs } from './pipeline.js';
import { planFigures, type PlanContextData, type PlanFigures } from './plan-figures.js';
import { planOverRuns, withPrevious } from './plan-runs.js';

/** What is random in a scenario's runs. */
export type RandomPart = 'services' | 'choice' | 'draws';

/**
 * What makes a scenario random: whole services leaving (a transition's own `unit: services`
 * included), placement choice, a distribution. A scenario with any of them is a distribution of outcomes.
 */
export function randomParts(loaded: LoadedScenario): RandomPart[] {
  // What the plan's note names, from the one list of what makes a scenario random (src/scenario/randomness.ts).
  return randomElements(loaded).flatMap((e): RandomPart[] => (e === 'distributions' ? ['draws'] : e === 'rounding' ? [] : [e]));
}

export async function planYears(
  inputs: Inputs,
  loaded: LoadedScenario,
  scenario: ModelScenario,
  ask: { laCode: string; year: number; runs: number; seed: number },
  context: PlanContextData,
): Promise<{ figures: PlanFigures; warnings: string[] }> {
  const { dataset } = inputs;
  // The previous year has a plan when it is a projected year (not the base row).
  const hasPrevious = ask.year - 1 >= dataset.baseYear;
  const current: PlanFigures[] = [];
  const previous: PlanFigures[] = [];
  const warnings = new Set<string>();
  // The scenario's policy years (all a plan reads of a run's scenario) are never drawn: every run has the deterministic run's.
  const ctx = { ...context, scenario };
  for (const part of await planParts(inputs, loaded, scenario, ask)) {
    for (const w of part.warnings) warnings.add(w);
    current.push(planFigures(dataset, part.projection, ask.laCode, ask.year, ctx));
    if (hasPrevious) previous.push(planFigures(dataset, part.projection, ask.laCode, ask.year - 1, ctx));
  }
  const figures = withPrevious(planOverRuns(current), hasPrevious ? planOverRuns(previous) : null);
  return { figures: { ...figures, runs: ask.runs }, warnings: [...warnings] };
}

/** What each run hands the plan: the whole deterministic run, or each Monte Carlo run's part for the LA, by run index. */
async function planParts(
  inputs: Inputs,
  loaded: LoadedScenario,
  scenario: ModelScenario,
  ask: { laCode: string; year: number; runs: number; seed: number },
): Promise<LaPart[]> {
  const { dataset } = inputs;
  if (ask.runs === 1) {
    const projection = runProjection(dataset, scenario, { choice: await choiceFor(inputs, scenario) });
    return [{ projection, warnings: modelWarnings(projection) }];
  }
  const { runMonteCarlo } = await import('../mc/worker-pool.js');
  const { terminalProgress } = await import('../mc/progress.js');
  // The plan of a year reads that year and the one before (the change in the LA's places); the previous year's plan, one more.
  const years = [ask.year - 2, ask.year - 1, ask.year];
  const { kept } = await runMonteCarlo({
    dataset,
    scenario: loaded,
    level: [],
    horizonTo: scenario.horizonTo,
    runs: ask.runs,
    seed: ask.seed,
    // The deterministic run's calibration, handed to every thread: a run fits again only if it draws other calibration inputs.
    choice: await choiceFor(inputs, scenario),
    keep: { laCode: ask.laCode, years },
    onProgress: terminalProgress(loaded.name),
  });
  return kept!;
}
