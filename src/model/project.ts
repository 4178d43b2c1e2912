// The projection: the base state, then each year t = B … horizon in docs/model.md §4.2's order
// (src/model/projection-year.ts); and placement choice's parameters, calibrated on one year.
// Pure: typed data in, typed results out.
import { InternalError } from '../errors.js';
import { prepareBase, type PreparedBase } from './base-state.js';
import { expectedAfterTurnover } from './continuing.js';
import { makeGeography } from './geography.js';
import { fitType, type FittedType } from './matching/calibrate.js';
import { heldOutsideCaps } from './matching/outside.js';
import { groupStatistics, ScalingWorkspace, type ChoiceParams, type ChoiceProblem, type ChoiceStatistics } from './matching/choice.js';
import { makeNeedModel } from './need.js';
import { implausibleDemandWarning } from './plausibility.js';
import { baseYearRow, projectYear, type RunContext } from './projection-year.js';
import { compareCodes } from './rounding.js';
import { streamFor } from './random.js';
import { valueAt } from './timeline.js';
import { TransportSolver } from './transport.js';
import { TallyWorkspace } from './tally.js';
import { recordHeldPlaces } from './usable.js';
import { MARKET_TYPES, type Dataset, type MarketType, type ModelScenario, type Projection, type Timeline, type YearResult } from './types.js';

export { prepareBase, type PreparedBase } from './base-state.js';

export interface ProjectionOptions {
  /**
   * Keep each year's groups and providers (plan reads them). A Monte Carlo run needs only the
   * tallies, and copying the state every year would take an eighth of its time.
   */
  keepPlacements?: boolean;
  /**
   * Money in constant prices of this financial year (`--prices`), deflated by the scenario's
   * `deflator`; null or absent = cash (the prices of each year).
   */
  pricesYear?: number | null;
  /** The dataset's base state and tables, prepared by the caller (prepareBase) when it projects the dataset many times. */
  base?: PreparedBase;
  /**
   * Placement choice's parameters as prepareChoice gave them for this dataset and scenario. When
   * absent, or fitted on other inputs, they are worked out here: a caller that projects one dataset
   * and scenario many times (Monte Carlo) prepares them once and holds them.
   */
  choice?: PreparedChoice | null;
  /** Calibration only: sees each type's choice problem in the matching (the parameters as given). */
  choiceProbe?: (problem: ChoiceProblem, continuing: ChoiceStatistics) => void;
}

/** Placement choice's parameters per market type, calibrated or as set by hand (docs/model.md §4.3). */
export interface PreparedChoice {
  /** The inputs of the calibration year, as canonical text: other inputs need another fit. */
  key: string;
  calibrated: boolean;
  params: Record<MarketType, ChoiceParams>;
  /** The fit of each type that had seekers in the calibration year. */
  fitted: Partial<Record<MarketType, FittedType>>;
  warnings: string[];
}

export function runProjection(dataset: Dataset, scenario: ModelScenario, options: ProjectionOptions = {}): Projection {
  const run = startRun(dataset, scenario, options);
  const years: YearResult[] = [baseYearRow(run)];
  for (let t = dataset.baseYear; t <= scenario.horizonTo; t++) years.push(projectYear(run, t));
  const implausible = implausibleDemandWarning(years, new Map(dataset.localAuthorities.map((l) => [l.code, l])));
  if (implausible !== null) years[years.length - 1].warnings.push(implausible);
  return { scenario: scenario.name, baseYear: dataset.baseYear, years };
}

/** What every year of the projection shares: the state copied from the base, the streams, the choice's rules. */
function startRun(dataset: Dataset, scenario: ModelScenario, options: ProjectionOptions): RunContext {
  const B = dataset.baseYear;
  const las = [...dataset.localAuthorities].sort((a, b) => compareCodes(a.code, b.code));
  const laByCode = new Map(las.map((l) => [l.code, l]));
  const base: PreparedBase = options.base ?? prepareBase(dataset);
  if (base.dataset !== dataset) throw new InternalError('runProjection: options.base was prepared for another dataset');
  const tables = base.tables;
  const distances = tables.distances;
  // Distances, the outside-Wales one as in force in the base row; made again in a year where that
  // distance (a dated parameter) changes.
  const geo = makeGeography(dataset, scenario, B - 1, distances);
  const ow0 = scenario.outsideWales;
  const warnings: string[] = [];
  warnings.push(...base.warnings);
  const state = base.state.copy();
  // Under `held` each provider of the base date keeps the use of the places it then held (docs/model.md §4.3).
  if (scenario.usablePlaces === 'held') recordHeldPlaces(state.providersInOrder(), (p) => state.childrenOf(p));
  const streams = scenario.orderStreams ?? { seed: 1, run: 0 };
  const matching = scenario.matching;
  const prepared =
    matching === undefined || matching.method !== 'choice'
      ? null
      : options.choiceProbe !== undefined && options.choice
        ? options.choice
        : prepareChoice(dataset, scenario, options.choice ?? undefined);
  if (prepared) warnings.push(...prepared.warnings);
  return {
    dataset,
    scenario,
    keepPlacements: options.keepPlacements ?? true,
    pricesYear: options.pricesYear ?? null,
    laCodes: las.map((l) => l.code),
    regionOf: (la) => laByCode.get(la)?.region ?? '',
    need: makeNeedModel(dataset, scenario, tables.need),
    atHome: tables.atHome,
    distances,
    geo,
    distanceYears: new Set([...ow0.distanceKm.steps, ...Object.values(ow0.distanceKmByLa).flatMap((tl) => tl.steps)].map(([y]) => y)),
    solver: new TransportSolver(),
    warnings,
    state,
    transitionOptions: { unit: scenario.transitionUnit ?? 'places', stream: (path: string) => streamFor(streams.seed, streams.run, path) },
    // Unbiased endings (docs/methodology.md): one stream per run, drawn year by year, LA by LA, type by type.
    endingsStream: scenario.rounding === 'unbiased' ? streamFor(streams.seed, streams.run, 'turnover.rounding') : undefined,
    // England is not unlimited (docs/methodology.md): under `held` the base date's intake caps each year.
    heldOutside: ow0.places === 'held' ? heldOutsideCaps(state.groupsInOrder(), (type) => valueAt(scenario.turnover[type], B)) : null,
    choiceRules:
      prepared === null || matching === undefined
        ? null
        : {
            ownLaFirst: matching.ownLaFirst,
            sectorPreference: matching.sectorPreference,
            params: prepared.params,
            // The base row's distances: the choice's km stay those of its first geography all run.
            km: geo.km,
            warn: (m: string) => warnings.push(m),
            lastDuals: new Map(),
            workspace: new ScalingWorkspace(),
            // One stream per run, drawn year by year and type by type (docs/methodology.md, "Whole children").
            rounding: streamFor(streams.seed, streams.run, 'matching.rounding'),
            ...(options.choiceProbe ? { probe: options.choiceProbe } : {}),
          },
    tallyWork: new TallyWorkspace(),
  };
}

/**
 * Placement choice's parameters for this dataset and scenario: the hand-set ones, or (under
 * `calibrate`) those fitted on one calibration year so that the base state is a steady state. `held`
 * is returned as it is when it was prepared on the same calibration inputs.
 */
export function prepareChoice(dataset: Dataset, scenario: ModelScenario, held?: PreparedChoice): PreparedChoice | null {
  const m = scenario.matching;
  if (m === undefined || m.method !== 'choice') return null;
  const year = calibrationYear(dataset, scenario);
  const key = JSON.stringify(year.inputs);
  if (held !== undefined && held.key === key) return held;
  const hand = Object.fromEntries(
    MARKET_TYPES.map((t) => [
      t,
      { alpha: m.outsidePull[t], beta: m.distanceDecay[t], gamma: m.ownLaPull[t] },
    ]),
  ) as Record<MarketType, ChoiceParams>;
  if (!m.calibrate) return { key, calibrated: false, params: hand, fitted: {}, warnings: [] };
  const problems = new Map<MarketType, { problem: ChoiceProblem; continuing: ChoiceStatistics }>();
  const run = runProjection(year.dataset, year.scenario, {
    keepPlacements: true,
    choice: { key, calibrated: false, params: hand, fitted: {}, warnings: [] },
    choiceProbe: (problem, continuing) => problems.set(problem.type, { problem, continuing }),
  });
  // The calibration year is the base year: the distances in force then.
  const geo = makeGeography(dataset, scenario, dataset.baseYear);
  const params = { ...hand };
  const fitted: Partial<Record<MarketType, FittedType>> = {};
  const warnings: string[] = [];
  for (const type of MARKET_TYPES) {
    const p = problems.get(type);
    if (p === undefined) continue;
    const base = groupStatistics(run.years[0].groups, type, geo.km);
    // Under unbiased endings the year's continuing children are one draw: the fit takes their expectation.
    const continuing = scenario.rounding === 'unbiased' ? groupStatistics(expectedAfterTurnover(run.years[0].groups, (k) => valueAt(scenario.turnover[k], dataset.baseYear)), type, geo.km) : p.continuing;
    const fit = fitType(type, { ...p, continuing, base }, m.sectorPreference, hand[type], dataset.nation.name);
    params[type] = fit.params;
    fitted[type] = fit;
    warnings.push(...fit.warnings);
  }
  return { key, calibrated: true, params, fitted, warnings };
}

/**
 * The calibration year (docs/model.md §4.3): from the base state, no supply event (no strategies,
 * transitions, Foster Wales or regional homes), need held at the base placements, no policy year;
 * the scenario's turnover, usable places and outside-Wales rules of year B. `inputs`: what of the
 * scenario the year depends on, every dated value read at B.
 */
function calibrationYear(dataset: Dataset, scenario: ModelScenario): { dataset: Dataset; scenario: ModelScenario; inputs: unknown } {
  const B = dataset.baseYear;
  const zero = { initial: 0, steps: [] };
  const year: ModelScenario = {
    ...scenario,
    name: `${scenario.name} (calibration year)`,
    // Under unbiased endings the calibration year's turnover is one draw: always run 0 of seed 1, so
    // that the fit is the same for every run and every --seed (docs/methodology.md, "Unbiased endings").
    orderStreams: { seed: 1, run: 0 },
    horizonTo: B,
    demand: { method: 'change', rate: zero, rateByLa: {} },
    mixShift: [],
    transitions: [],
    fosterWales: { netNewPlaces: zero, transfersFromFp: zero, netNewPlacesByLa: {} },
    regionalResidential: [],
    policy: { fpGrowthFrozenFrom: null, approvalRequiredFrom: null, fpNewPlacementsEnd: null, exceptionsShare: zero },
  };
  const atB = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(atB);
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('initial' in o && 'steps' in o && Object.keys(o).length === 2) return valueAt(o as unknown as Timeline, B);
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, atB(o[k])]));
    }
    return v;
  };
  // Left out of the inputs: the name, the run's streams and what the scenario says the calibration
  // year does not read, so that Monte Carlo runs drawing only those share one fit.
  const { name: _name, orderStreams: _streams, notReadByCalibration: unread = [], ...read } = year;
  const rest = Object.fromEntries(Object.entries(read).filter(([k]) => !unread.includes(k)));
  // Need at the base placements: without a demand history point at B, C(ℓ,B) is the LA's base placements.
  return { dataset: { ...dataset, strategies: [], demandHistory: [] }, scenario: year, inputs: atB(rest) };
}
