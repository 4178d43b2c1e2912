// What the commands that run the model (`project`, `diff`, `plan`, `report`, `sensitivity`) share,
// one file per step, re-exported here so that a command takes its pipeline from one place: the
// options, checked before anything is read (options.ts); loading the dataset then the scenario(s)
// (inputs.ts); the years shown (years.ts); running the model (rows.ts); sending the result to
// standard output or to a file written atomically (emit.ts), with the provenance (docs/model.md §6)
// this file builds beside it.
import type { PreparedChoice } from '../model/project.js';
import { buildMeta, hashInputs, type Meta, type ScenarioProvenance } from '../io/provenance.js';
import type { LoadedScenario } from '../scenario/load.js';
import { runsNote, type RunPlan } from './runs.js';
import { scenarioWarnings, type Inputs } from './inputs.js';
import { preparedChoice } from './rows.js';
import { CHOICE_PARAMETERS } from '../scenario/registry.js';

export type { LoadedScenario } from '../scenario/load.js';
export * from './options.js';
export * from './inputs.js';
export * from './years.js';
export * from './rows.js';
export * from './emit.js';
export { matchingNote } from './matching-notes.js';

// ---------------------------------------------------------------------------------------------
// Provenance

/** A scenario as the provenance records it: its name, parameter hash, assumptions log and every parameter in force. */
export function scenarioProvenance(s: LoadedScenario, choice: PreparedChoice | null = null): ScenarioProvenance {
  const out: ScenarioProvenance = {
    name: s.name,
    title: s.title,
    parameter_hash: s.hash,
    assumptions: s.assumptions as unknown[],
    parameters: s.parameters as unknown[],
  };
  if (choice !== null) out.placement_choice = choiceProvenance(choice);
  return out;
}

/**
 * Placement choice's parameters as the provenance records them: per market type β (per km), α and γ,
 * and under calibration the targets of the calibration year and the values reached.
 */
function choiceProvenance(c: PreparedChoice): Record<string, unknown> {
  // Every digit: set by hand (`calibrate: false`) the fitted values give back the same run exactly
  // (a test holds it), where values cut to a few figures could tip a near-tied rounding somewhere.
  const types = Object.fromEntries(
    Object.entries(c.params).map(([type, p]) => {
      const fit = c.fitted[type as keyof typeof c.fitted];
      // Named as the scenario names them (the registry's rows), so that a value can be copied back by hand.
      const entry: Record<string, unknown> = Object.fromEntries(CHOICE_PARAMETERS.map(({ name, param }) => [name, p[param]]));
      if (fit !== undefined) {
        entry.target = { outside_wales: fit.target.outsideWales, mean_distance_km_in_wales: fit.target.meanKm, placed_in_own_la: fit.target.ownLa };
        entry.reached = { outside_wales: fit.reached.outsideWales, mean_distance_km_in_wales: fit.reached.meanKm, placed_in_own_la: fit.reached.ownLa };
      }
      return [type, entry];
    }),
  );
  // Targets missed by a child or two (under 1%) are notes here rather than warnings on every run.
  const notes = Object.values(c.fitted).flatMap((f) => f?.notes ?? []);
  return { calibrated: c.calibrated, by_type: types, warnings: c.warnings, ...(notes.length > 0 ? { notes } : {}) };
}
/** Whether a command's output carries its provenance: JSON and the workbook hold it inside, a file gets it beside. */
export function needsMeta(opts: { format: string; out: string | null }): boolean {
  return opts.format === 'json' || opts.format === 'xlsx' || opts.out !== null;
}

/** The provenance of a command's output: its scenarios, options, runs, input files' hashes and warnings. */
export async function makeMeta(
  inputs: Inputs,
  command: string,
  options: Meta['options'],
  plan: RunPlan,
  warnings: string[],
  timestamp: boolean,
): Promise<Meta> {
  const scenarios: ScenarioProvenance[] = [];
  for (const s of inputs.scenarios) scenarios.push(scenarioProvenance(s, await preparedChoice(inputs, s)));
  return buildMeta({
    command,
    scenarios,
    options,
    runs: plan.runs,
    seed: plan.seed,
    random: plan.random,
    // In English whatever --lang: the provenance is read by the same people and tools as the CSV.
    figures: runsNote('en', plan),
    inputs: await hashInputs(inputs.files, { dataDir: inputs.dataDir, scenariosDir: inputs.scenariosDir }),
    // The provenance records why a run differs from its scenario as written (rows left out), too.
    warnings: [...scenarioWarnings(inputs), ...warnings],
    timestamp,
  });
}
