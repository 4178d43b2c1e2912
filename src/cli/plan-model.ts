import { randomElements } from '../scenario/randomness.js';
// The model runs behind a plan (docs/methodology.md, "The plan: runs and the previous year"): one
// deterministic run, or N Monte Carlo runs drawn exactly as `project --runs N` draws them (run i from
// the streams of (seed, i)), each giving the plan of the year asked for and of the year before it.
// The runs are made in this thread: a plan needs each run's placements and providers, which the
// worker pool does not hand back (it returns the area rows only).
import { prepareBase, prepareChoice, runProjection, type PreparedChoice } from '../model/project.js';
import { drawFor } from '../model/random.js';
import type { ModelScenario } from '../model/types.js';
import type { LoadedScenario } from '../scenario/load.js';
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
  const keep = (s: ModelScenario, projection: ReturnType<typeof runProjection>): void => {
    for (const w of modelWarnings(projection)) warnings.add(w);
    const ctx = { ...context, scenario: s };
    current.push(planFigures(dataset, projection, ask.laCode, ask.year, ctx));
    if (hasPrevious) previous.push(planFigures(dataset, projection, ask.laCode, ask.year - 1, ctx));
  };
  if (ask.runs === 1) {
    keep(scenario, runProjection(dataset, scenario, { choice: await choiceFor(inputs, scenario) }));
  } else {
    const { resolveScenario } = await import('../scenario/resolve.js');
    const { terminalProgress } = await import('../mc/progress.js');
    const progress = terminalProgress(loaded.name);
    const base = prepareBase(dataset);
    let choice: PreparedChoice | null | undefined = await choiceFor(inputs, scenario);
    for (let i = 0; i < ask.runs; i++) {
      const drawn = resolveScenario(loaded, dataset, drawFor(ask.seed, i), { seed: ask.seed, run: i });
      const s = { ...drawn, horizonTo: Math.max(scenario.horizonTo, drawn.horizonTo) };
      // Placement choice's calibration is fitted again only when a run draws other calibration inputs.
      choice = prepareChoice(dataset, s, choice ?? undefined);
      keep(s, runProjection(dataset, s, { choice, base }));
      progress?.(i + 1, ask.runs);
    }
  }
  const figures = withPrevious(planOverRuns(current), hasPrevious ? planOverRuns(previous) : null);
  return { figures: { ...figures, runs: ask.runs }, warnings: [...warnings] };
}
