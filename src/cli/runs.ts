// How many runs a command makes and what its figures are (docs/methodology.md "Monte Carlo figures"):
// a random scenario is a distribution, reported as the mean of --runs runs (default 100) with its
// p10–p90; --runs 1 is one draw at central values, labelled as such; a scenario with nothing random
// is run once whatever --runs says. Every output says which, in the words of runsNote.
import { UsageError } from '../errors.js';
import { label, type Lang } from '../i18n/labels.js';
import { randomElements, type RandomElement } from '../scenario/randomness.js';
import type { LoadedScenario } from '../scenario/load.js';

/** Runs a random scenario gets when --runs is not given. */
export const DEFAULT_RUNS = 100;
/** The most runs a command makes: beyond it a run would take hours and hold gigabytes, so it is refused. */
export const MAX_RUNS = 100_000;

/** --runs as given: null when not given (the default then depends on the scenario). */
export function parseRuns(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1) throw new UsageError(`--runs: expected a whole number of at least 1, found "${text}"`);
  if (Number(t) > MAX_RUNS) throw new UsageError(`--runs: at most ${MAX_RUNS.toLocaleString('en-GB')} runs, found "${text}"`);
  return Number(t);
}

/** What a command runs: how many runs, the seed, and what is random in them. */
export interface RunPlan {
  runs: number;
  seed: number;
  /** The random elements of the scenarios run (any of them), in RandomElement order; empty = nothing random. */
  random: RandomElement[];
  /** --runs as given, null when not given. */
  asked: number | null;
}

/** The runs for these scenarios: --runs (default 100) when any is random, else one. */
export function planRuns(scenarios: ReadonlyArray<Pick<LoadedScenario, 'spec' | 'hasDistributions'>>, asked: number | null, seed: number): RunPlan {
  const found = new Set(scenarios.flatMap(randomElements));
  const random = (['distributions', 'services', 'choice', 'rounding'] as const).filter((e) => found.has(e));
  return { runs: random.length === 0 ? 1 : asked ?? DEFAULT_RUNS, seed, random, asked };
}

/** What is random, in words: "which services leave and which child takes which place". */
export function randomWords(lang: Lang, random: readonly RandomElement[]): string {
  const parts = random.map((e) => label(lang, `runs.random.${e}`));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${label(lang, 'runs.and')} ${parts[parts.length - 1]}`;
}

/** What the figures are, in a sentence every output carries (table footer, provenance, workbook, report). */
export function runsNote(lang: Lang, plan: RunPlan): string {
  if (plan.random.length === 0) return label(lang, 'runs.fixed');
  const what = randomWords(lang, plan.random);
  if (plan.runs === 1) return label(lang, 'runs.one', { what, seed: plan.seed });
  return label(lang, 'runs.mean', { runs: plan.runs.toLocaleString('en-GB'), seed: plan.seed, what });
}

/**
 * Tells the user on standard error when --runs asked for more than one run of scenarios with
 * nothing random: they run once (every run would give the same figures).
 */
export function noteRuns(plan: RunPlan, names: readonly string[]): void {
  if (plan.random.length === 0 && plan.asked !== null && plan.asked > 1) {
    process.stderr.write(`sufficiency: note: --runs ${plan.asked}: ${names.join(' and ')} ${names.length === 1 ? 'has' : 'have'} no random element, so one run is made (every run would give the same figures)\n`);
  }
}
