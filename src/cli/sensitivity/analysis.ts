// The sensitivity analysis of one scenario (docs/methodology.md, "Which assumption matters"): the
// tornado, the share of the spread and the switching values, each from batches of model runs on the
// Monte Carlo threads. The arithmetic is in src/model/sensitivity; this file says which runs to make.
import { randomElements } from '../../scenario/randomness.js';
import { InternalError } from '../../errors.js';
import { METRICS, type AreaLevel, type Dataset, type MetricName } from '../../model/types.js';
import { bar, distributionRange, rankBars, type TornadoBar, type VariedParameter } from '../../model/sensitivity/tornado.js';
import { spreadShares } from '../../model/sensitivity/spread.js';
import { switchingValues, type SwitchingValue } from '../../model/sensitivity/switching.js';
import { holds, type Threshold } from '../../model/sensitivity/threshold.js';
import { drawFor } from '../../model/random.js';
import type { RunSet } from '../../model/montecarlo.js';
import { drawnParameters, varyCandidates, withVaried, type Vary } from '../../scenario/vary.js';
import type { LoadedScenario } from '../../scenario/load.js';

/** The least number of a scenario's own runs the shares of the spread are taken over. */
export const SPREAD_MIN_RUNS = 200;

export interface SensitivityQuestion {
  metric: MetricName;
  year: number;
  area: { level: AreaLevel; code: string; name: string };
  /** Questions whose switching values are wanted (the command asks at most one, the report two). */
  thresholds: readonly Threshold[];
  varies: readonly Vary[];
  /** Runs per point where the scenario is random (and the least for the shares of the spread). */
  runs: number;
  /** Whether to take the shares of the spread (the report does not: it would cost 200 runs more). */
  spread: boolean;
  seed: number;
  workers: number | null;
}

export interface SwitchingRow {
  parameter: VariedParameter;
  /** Null: "does not switch within its range". */
  value: SwitchingValue;
}

export interface SensitivityResult {
  question: SensitivityQuestion;
  /** What is random in a run with every parameter held (empty: one run per point). */
  ownRandomness: OwnRandomness[];
  runsPerPoint: number;
  /** The metric with every parameter central. */
  central: number | null;
  bars: TornadoBar[];
  spread: { runs: number; shares: Array<{ path: string; share: number | null }>; remainder: number } | null;
  /** One per threshold asked, in order. */
  switching: Array<{ threshold: Threshold; centralAnswer: boolean; rows: SwitchingRow[] }>;
  /** The parameters varied, in draw order, and each point's means: [central, p0 low, p0 high, p1 low, …]. */
  parameters: VariedParameter[];
  points: Array<Record<MetricName, number | null>>;
  /** Numeric parameters in force that are neither drawn nor named by --vary. */
  held: string[];
  /** Runs made, all batches together. */
  modelRuns: number;
}

/** What is random in a run of the scenario besides its distributions (docs/methodology.md, "Monte Carlo runs"). */
export type OwnRandomness = 'choice' | 'services' | 'rounding';

/** The model's own randomness in this scenario: placement choice, whole services, unbiased rounding. */
export function ownRandomness(loaded: LoadedScenario): OwnRandomness[] {
  // From the one list of what makes a scenario random (src/scenario/randomness.ts), in this command's order.
  const elements = randomElements(loaded);
  return (['choice', 'services', 'rounding'] as const).filter((e) => elements.includes(e));
}

/** The parameters varied: each distribution (its p10 to p90, or the --vary range), then each --vary of a number. */
export function variedParameters(loaded: LoadedScenario, dataset: Dataset, varies: readonly Vary[]): VariedParameter[] {
  const byPath = new Map(varies.map((v) => [v.path, v]));
  const fromDistributions = drawnParameters(loaded, dataset).map(({ path, distribution }) => {
    const v = byPath.get(path);
    const range = distributionRange(path, distribution);
    return v ? { ...range, low: v.low, high: v.high, from: 'vary' as const } : range;
  });
  const drawn = new Set(fromDistributions.map((p) => p.path));
  const numbers = varies.filter((v) => !drawn.has(v.path)).map((v) => ({ path: v.path, low: v.low, high: v.high, central: v.central, from: 'vary' as const }));
  return [...fromDistributions, ...numbers];
}

export interface Runner {
  /** Runs the batch and returns every run's rows. */
  (batch: { label: string; scenario: LoadedScenario; runs: number; points?: { runsPerPoint: number; pins: Array<Record<string, number>>; held: Record<string, number> } }): Promise<RunSet>;
}

export async function analyse(loaded: LoadedScenario, dataset: Dataset, q: SensitivityQuestion, run: Runner): Promise<SensitivityResult> {
  const params = variedParameters(loaded, dataset, q.varies);
  const random = ownRandomness(loaded);
  const runsPerPoint = random.length > 0 ? q.runs : 1;
  const scenario = withVaried(loaded, q.varies);
  // A varied number holds its own value while others move (a distribution holds its central value by itself).
  const held = Object.fromEntries(params.filter((p) => p.from === 'vary').map((p) => [p.path, p.central]));
  let modelRuns = 0;
  /** The mean of each point's runs, for the metrics asked (null: empty in some run). */
  const pointMeans = async (label: string, pins: Array<Record<string, number>>): Promise<Array<Record<MetricName, number | null>>> => {
    const set = await run({ label, scenario, runs: pins.length * runsPerPoint, points: { runsPerPoint, pins, held } });
    modelRuns += pins.length * runsPerPoint;
    const cell = cellOf(set, q);
    return pins.map((_, p) => meansOver(set, cell, p * runsPerPoint, runsPerPoint, wanted(q)));
  };

  const pins = [{}, ...params.flatMap((p) => [{ [p.path]: p.low }, { [p.path]: p.high }])];
  const points = await pointMeans('tornado', pins);
  const bars = barsOf(params, points, q.metric);

  const spread = q.spread && loaded.hasDistributions ? await shareOfSpread(loaded, dataset, q, params, run) : null;
  if (spread) modelRuns += spread.runs;

  const switching: SensitivityResult['switching'] = [];
  for (const t of q.thresholds) {
    const answer = (i: number): boolean => holds(t, points[i][t.metric]);
    const ranges = params.map((p, i) => ({ low: p.low, high: p.high, answerLow: answer(1 + 2 * i), answerHigh: answer(2 + 2 * i) }));
    let step = 0;
    const values = await switchingValues(ranges, async (at) => {
      step += 1;
      const means = await pointMeans(`switching values, step ${step}`, at.map(([i, v]) => ({ [params[i].path]: v })));
      return means.map((r) => holds(t, r[t.metric]));
    });
    switching.push({ threshold: t, centralAnswer: answer(0), rows: params.map((p, i) => ({ parameter: p, value: values[i] })) });
  }
  const variedPaths = new Set(params.map((p) => p.path));
  return {
    question: q,
    ownRandomness: random,
    runsPerPoint,
    central: points[0][q.metric],
    bars,
    spread,
    switching,
    parameters: params,
    points,
    held: varyCandidates(loaded).filter((p) => !variedPaths.has(p)),
    modelRuns,
  };
}

/** The shares of the spread, from the scenario's own runs (its draws, not the points). */
async function shareOfSpread(loaded: LoadedScenario, dataset: Dataset, q: SensitivityQuestion, params: readonly VariedParameter[], run: Runner): Promise<NonNullable<SensitivityResult['spread']>> {
  const n = Math.max(q.runs, SPREAD_MIN_RUNS);
  const set = await run({ label: 'share of the spread', scenario: loaded, runs: n });
  const cell = cellOf(set, q);
  const metric = Float64Array.from(set.values, (v) => v[cell.row + cell.metric[q.metric]]);
  // Each run's draws, replayed here from the same streams as the run's own (src/model/random.ts):
  // each parameter's stream is keyed by its path, so the order of the replay does not matter.
  const drawn = drawnParameters(loaded, dataset);
  const xs = drawn.map(() => new Float64Array(n));
  const index = new Map(drawn.map((p, j) => [p.path, j]));
  for (let i = 0; i < n; i++) {
    const draw = drawFor(q.seed, i);
    drawn.forEach(({ path, distribution }, j) => (xs[j][i] = draw(distribution, path)));
  }
  if (metric.some(Number.isNaN)) return { runs: n, shares: params.map((p) => ({ path: p.path, share: null })), remainder: Number.NaN };
  const { shares, remainder } = spreadShares(xs, metric);
  return { runs: n, shares: params.map((p) => ({ path: p.path, share: index.has(p.path) ? shares[index.get(p.path)!] : null })), remainder };
}

/** The tornado's bars for a metric of the points' runs, ranked by swing. */
export function barsOf(params: readonly VariedParameter[], points: ReadonlyArray<Record<string, number | null>>, metric: MetricName): TornadoBar[] {
  const m = (i: number): number => points[i][metric] ?? Number.NaN;
  return rankBars(params.map((p, i) => bar(p, m(1 + 2 * i), m(2 + 2 * i))));
}

const wanted = (q: SensitivityQuestion): MetricName[] => [...new Set([q.metric, ...q.thresholds.map((t) => t.metric)])];

interface Cell {
  /** Offset of the area's row in a run's packed values. */
  row: number;
  metric: Record<MetricName, number>;
}

function cellOf(set: RunSet, q: SensitivityQuestion): Cell {
  const r = set.rows.findIndex((k) => k.level === q.area.level && k.areaCode === q.area.code && k.year === q.year);
  if (r < 0) throw new InternalError(`the runs hold no row for ${q.area.name} in ${q.year}`);
  return { row: r * METRICS.length, metric: Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<MetricName, number> };
}

function meansOver(set: RunSet, cell: Cell, from: number, count: number, metrics: readonly MetricName[]): Record<MetricName, number | null> {
  const out = {} as Record<MetricName, number | null>;
  for (const m of metrics) {
    let sum = 0;
    for (let i = from; i < from + count; i++) sum += set.values[i][cell.row + cell.metric[m]];
    out[m] = Number.isNaN(sum) ? null : sum / count;
  }
  return out;
}
