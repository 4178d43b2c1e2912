// One Monte Carlo run, as a worker thread (or the main thread, with one worker) does it: the dataset
// and the scenario are loaded once, then each run draws the scenario's uncertain parameters from its
// own streams (seed, run index), runs the deterministic model and keeps the rows of the levels asked for.
import { areaRows } from '../model/aggregate.js';
import { packRun, rowKey, type RowKey } from '../model/montecarlo.js';
import { prepareBase, prepareChoice, runProjection, type PreparedChoice } from '../model/project.js';
import { drawFor } from '../model/random.js';
import { pinnedDraw } from '../model/sensitivity/tornado.js';
import type { AreaLevel, Dataset } from '../model/types.js';
import type { LoadedScenario } from '../scenario/load.js';
import { laPart, type LaPart, type LaPartAsked } from './la-part.js';

/**
 * Where the inputs come from: files each thread loads, or the inputs the caller has already loaded,
 * copied to each thread (structured clone: about 7 ms for an England-sized dataset, against about
 * 450 ms to read and check it again).
 */
export type RunInputs =
  | { dataDir: string; scenarioRef: string; scenariosDir: string }
  | { dataset: Dataset; scenario: LoadedScenario };

/** What a run needs, as plain data that can cross to a worker thread. */
export type RunSpec = RunInputs & {
  seed: number;
  /** The levels of the rows kept: one, or several (diff needs Wales and the regions for its summary). */
  level: AreaLevel | readonly AreaLevel[];
  /** Run the model at least to this year (as `--to` beyond the horizon does); default: the scenario's horizon. */
  horizonTo?: number;
  /** Money in constant prices of this year (`--prices`), each run deflated by its own draw of the deflator; default: cash. */
  pricesYear?: number;
  /** Placement choice's calibration to start from (plain data): held while the runs' calibration inputs match it. */
  choice?: PreparedChoice;
  /** Sensitivity points instead of draws (docs/methodology.md, "Which assumption matters"). */
  points?: PinnedPoints;
  /** Keep one LA's part of each run besides its rows (la-part.ts): what a plan reads. */
  keep?: LaPartAsked;
};

/**
 * Runs at pinned points: job j is run j mod `runsPerPoint` of point floor(j ÷ `runsPerPoint`), its
 * distributions answered by `pinnedDraw(pins[point], held)` rather than drawn, its own randomness
 * (which services leave, which child takes which place) from run j mod `runsPerPoint`'s streams, so
 * that run i is paired across every point.
 */
export interface PinnedPoints {
  runsPerPoint: number;
  pins: Array<Record<string, number>>;
  held: Record<string, number>;
}

export interface OneRun {
  rows: RowKey[];
  values: Float64Array;
  /** The part of the run `keep` asks for. */
  kept?: LaPart;
}

/**
 * Loads the dataset and scenario once (unless given); the function returned does run `i`. `fit`:
 * placement choice's calibration when it comes later than the spec (a worker thread prepares while
 * the main thread fits), awaited once the base state is built.
 */
export async function prepareRuns(spec: RunSpec, fit?: Promise<PreparedChoice | null>): Promise<(run: number) => OneRun> {
  const { resolveScenario } = await import('../scenario/resolve.js');
  let dataset: Dataset;
  let loaded: LoadedScenario;
  if ('dataset' in spec) {
    dataset = spec.dataset;
    loaded = spec.scenario;
  } else {
    // Loaded only on this path: a thread handed the inputs never imports the readers.
    const { loadDatasetOrThrow } = await import('../io/dataset.js');
    const { loadScenario } = await import('../scenario/load.js');
    dataset = (await loadDatasetOrThrow(spec.dataDir)).dataset;
    loaded = await loadScenario(spec.scenarioRef, { scenariosDir: spec.scenariosDir, dataset });
  }
  // The base state and what the dataset gives whatever the scenario are made once here, the state
  // copied by each run: the runner holds them, the model keeps nothing.
  const base = prepareBase(dataset);
  // Placement choice's calibration, held from run to run: fitted again only when a run draws
  // different calibration inputs (an uncertain turnover, occupancy or outside-Wales rule of year B).
  let choice: PreparedChoice | null | undefined = spec.choice ?? (fit === undefined ? undefined : await fit);
  const points = spec.points;
  return (job) => {
    const run = points ? job % points.runsPerPoint : job;
    const draw = points ? pinnedDraw(points.pins[Math.floor(job / points.runsPerPoint)], points.held) : drawFor(spec.seed, run);
    const drawn = resolveScenario(loaded, dataset, draw, { seed: spec.seed, run });
    const scenario = spec.horizonTo === undefined ? drawn : { ...drawn, horizonTo: Math.max(spec.horizonTo, drawn.horizonTo) };
    choice = prepareChoice(dataset, scenario, choice ?? undefined);
    // The placement groups and providers are copied at each year's end only when a part is kept: they are most of a run's allocations.
    const keep = spec.keep;
    const projection = runProjection(dataset, scenario, { keepPlacements: keep !== undefined, choice, base, pricesYear: spec.pricesYear ?? null });
    const rows = typeof spec.level === 'string' ? areaRows(projection, dataset, spec.level) : spec.level.flatMap((l) => areaRows(projection, dataset, l));
    const one: OneRun = { rows: rows.map(rowKey), values: packRun(rows) };
    return keep === undefined ? one : { ...one, kept: laPart(projection, dataset, keep) };
  };
}
