// What is random in a scenario (docs/methodology.md "Monte Carlo figures"): a scenario with any random
// element is a distribution, reported as the mean of --runs runs with its p10–p90; one without is run
// once. This is the one place that says which settings make a scenario random.
import type { LoadedScenario } from './load.js';

/**
 * The random elements a scenario can have, in the order the outputs name them:
 * - `distributions`: a parameter given as a distribution, drawn in each run;
 * - `services`: `transition_unit: services` (top level or on a transition): which whole services leave;
 * - `choice`: `matching: { method: choice }`: which child takes which place;
 * - `rounding`: `rounding: unbiased`: which flows and endings round up to whole children.
 */
export type RandomElement = 'distributions' | 'services' | 'choice' | 'rounding';

type Spec = LoadedScenario['spec'];

const byServices = (spec: Spec): boolean =>
  spec.transitionUnit === 'services' || (Array.isArray(spec.transitions) && spec.transitions.some((t: unknown) => (t as { unit?: unknown } | null)?.unit === 'services'));

const byChoice = (spec: Spec): boolean => (spec.matching as { method?: unknown } | undefined)?.method === 'choice';

/** `rounding: unbiased` (docs/model.md §4.3): turnover endings drawn by unbiased controlled rounding. */
const byUnbiasedRounding = (spec: Spec): boolean => spec.rounding === 'unbiased';

/** The scenario's random elements, in RandomElement order; empty when every run would be the same. */
export function randomElements(s: Pick<LoadedScenario, 'spec' | 'hasDistributions'>): RandomElement[] {
  const out: RandomElement[] = [];
  if (s.hasDistributions) out.push('distributions');
  if (byServices(s.spec)) out.push('services');
  if (byChoice(s.spec)) out.push('choice');
  if (byUnbiasedRounding(s.spec)) out.push('rounding');
  return out;
}

export const isRandomScenario = (s: Pick<LoadedScenario, 'spec' | 'hasDistributions'>): boolean => randomElements(s).length > 0;
