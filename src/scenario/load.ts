// Scenarios (docs/model.md §5): YAML files of dated parameters, checked whole before anything runs.
//
//   listScenarios(dir)                      the scenarios of a folder, by name
//   loadScenario(ref, {scenariosDir, dataset})
//                                           reads the file and everything it `extends`, merges, checks
//                                           against the dataset (schema.ts), and throws a ScenarioError
//                                           listing every problem as FILE:LINE:COLUMN: path: message
//
// What each parameter is, its default and its range are in registry.ts (and docs/scenarios.md);
// read.ts reads and checks the files, normalise.ts fills the defaults and writes the assumptions log,
// resolve.ts turns a loaded scenario into the ModelScenario of one run.
import { ScenarioError, type Problem } from '../errors.js';
import type { Dataset } from '../model/types.js';
import { scenarioHash } from './hash.js';
import { normaliseScenario, type ParameterInForce, type ScenarioSpec } from './normalise.js';
import { readAndCheck, stem, type Assumption } from './read.js';

export type { ParamSpec, Value, YearMap } from './params.js';
export type { ParameterInForce, ScenarioSpec } from './normalise.js';
export type { Assumption } from './read.js';
export { listScenarios } from './read.js';

export interface LoadedScenario {
  /** Its own `name`, else the file's stem (never inherited). */
  name: string;
  title: string;
  description: string | null;
  /** Absolute path of the scenario file. */
  file: string;
  /** It and every file it extends, child first (for provenance hashes). */
  files: string[];
  /** `from` null = the base row and every year; `to` filled with base year + 10 when not given. */
  horizon: { from: number | null; to: number };
  assumptions: Assumption[];
  spec: ScenarioSpec;
  hasDistributions: boolean;
  parameters: ParameterInForce[];
  /** The parameter hash (hash.ts): sha256 (hex) of the canonical JSON of the hash's version and `spec`. */
  hash: string;
  /** Non-fatal problems (e.g. a transition naming a provider the dataset lacks). */
  warnings: Problem[];
}

/** `ref` is a name (scenariosDir/<ref>.yaml) or a path to a .yaml file (it contains a `/` or ends in .yaml). */
export async function loadScenario(
  ref: string,
  opts: {
    scenariosDir: string;
    dataset: Dataset;
    /**
     * How to report what the scenario needs but the dataset lacks (flows for `demand: { method:
     * flows }`): an error (the default, before a run) or a warning (`validate` checking every scenario
     * of a folder against data that some of them were not written for).
     */
    missingData?: 'error' | 'warning';
  },
): Promise<LoadedScenario> {
  const checked = await readAndCheck(ref, opts.scenariosDir, opts.dataset, opts.missingData ?? 'error');
  const { file, chain, merged, byId, found } = checked;
  const own = chain[0].data as Record<string, unknown>;
  const name = typeof own.name === 'string' && own.name !== '' ? own.name : stem(file);
  const { spec, parameters, hasDistributions } = normaliseScenario(merged, opts.dataset);
  return {
    name,
    title: typeof merged.title === 'string' ? merged.title : name,
    description: typeof merged.description === 'string' ? merged.description : null,
    file,
    files: chain.map((c) => c.file),
    horizon: spec.horizon as { from: number | null; to: number },
    assumptions: [...byId.values()],
    spec,
    hasDistributions,
    parameters,
    hash: scenarioHash(spec),
    warnings: found.filter((p) => p.severity === 'warning'),
  };
}

/**
 * The problems a scenario has on its own, without a dataset: syntax, `extends`, unknown keys, types,
 * ranges and the rules between keys; not its LAs, regions or years, which need the data. For
 * `validate` when the dataset itself has errors. Never throws a ScenarioError: returns its problems.
 */
export async function checkScenarioAlone(ref: string, scenariosDir: string): Promise<Problem[]> {
  try {
    return (await readAndCheck(ref, scenariosDir, null)).found;
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems;
    throw err;
  }
}
