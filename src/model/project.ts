// The projection: the base state, then each year t = B … horizon in docs/model.md §4.2's order:
// need, supply events, displacement, turnover, endings above need, seekers, matching, metrics.
// Pure: typed data in, typed results out.
import { nonMarketAtHome } from './non-market-hosts.js';
import { InternalError } from '../errors.js';
import { continuingByLa, applyTurnover, displaceChildren, endPlacementsAboveNeed, expectedAfterTurnover } from './continuing.js';
import { haversineKm, withinLaKm } from './distance.js';
import { fitType, type FittedType } from './matching/calibrate.js';
import { heldOutsideCaps } from './matching/outside.js';
import { groupStatistics, type ChoiceParams, type ChoiceProblem, type ChoiceStatistics } from './matching/choice.js';
import { matchSeekers, type Geography, type Seekers } from './matching/tiers.js';
import { makeNeedModel, type NeedByType } from './need.js';
import { implausibleDemandWarning } from './plausibility.js';
import { NO_ONE_OFF_COSTS, chargeOneOffCosts, type OneOffEvent } from './one-off.js';
import { compareCodes, floorEps, largestRemainderInOrder, roundHalfUp } from './rounding.js';
import { streamFor } from './random.js';
import { PlacementState, unitKey } from './state.js';
import {
  applyFosterWalesNetNew,
  applyFosterWalesTransfers,
  fosterWalesNetNewByLa,
  laFosterPlacesByLa,
  applyRegionalHomes,
  applyStrategies,
  applyTransitions,
  type CutUnits,
} from './supply.js';
import { inForce, valueAt } from './timeline.js';
import { TransportSolver } from './transport.js';
import { occupancyTable, recordHeldPlaces, usablePlaces, type OccupancyTable } from './usable.js';
import {
  EXTERNAL,
  MARKET_TYPES,
  OUTSIDE_WALES,
  PLACEMENT_TYPES,
  SECTOR_RANK,
  isMarketType,
  type Dataset,
  type HostYearPlaces,
  type LaYearTally,
  type MarketType,
  type ModelScenario,
  type PlacementGroup,
  type PlacementRow,
  type ProviderPlaces,
  type Projection,
  type Sector,
  type Timeline,
  type YearResult,
  type CostParts,
} from './types.js';

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
  /** The dataset's base state, prepared by the caller (prepareBase) when it projects the dataset many times. */
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
  const keepPlacements = options.keepPlacements ?? true;
  const B = dataset.baseYear;
  const las = [...dataset.localAuthorities].sort((a, b) => compareCodes(a.code, b.code));
  const laCodes = las.map((l) => l.code);
  const laByCode = new Map(las.map((l) => [l.code, l]));
  const regionOf = (la: string): string => laByCode.get(la)?.region ?? '';
  const need = makeNeedModel(dataset, scenario);
  const atHome = nonMarketAtHome(dataset);
  // Distances, the outside-Wales one as in force in the base row; made again in a year where that
  // distance (a dated parameter) changes.
  let geo = makeGeography(dataset, scenario, B - 1);
  const ow0 = scenario.outsideWales;
  const distanceYears = new Set([...ow0.distanceKm.steps, ...Object.values(ow0.distanceKmByLa).flatMap((tl) => tl.steps)].map(([y]) => y));
  // The projection's own solver: its buffers serve every least-cost problem of every year.
  const solver = new TransportSolver();
  const warnings: string[] = [];
  const base = options.base ?? prepareBase(dataset);
  if (base.dataset !== dataset) throw new InternalError('runProjection: options.base was prepared for another dataset');
  warnings.push(...base.warnings);
  const state = base.state.copy();
  // Under `held` each provider of the base date keeps the use of the places it then held (docs/model.md §4.3).
  if (scenario.usablePlaces === 'held') recordHeldPlaces(state.providersInOrder(), (p) => state.childrenOf(p));
  const streams = scenario.orderStreams ?? { seed: 1, run: 0 };
  const transitionOptions = {
    unit: scenario.transitionUnit ?? 'places',
    stream: (path: string) => streamFor(streams.seed, streams.run, path),
  } as const;
  // Unbiased endings (docs/methodology.md): one stream per run, drawn year by year, LA by LA, type by type.
  const endingsStream = scenario.rounding === 'unbiased' ? streamFor(streams.seed, streams.run, 'turnover.rounding') : undefined;
  // England is not unlimited (docs/methodology.md): under `held` the base date's intake caps each year.
  const heldOutside = ow0.places === 'held' ? heldOutsideCaps(state.groupsInOrder(), (type) => valueAt(scenario.turnover[type], B)) : null;
  const fosterWalesByLa = scenario.fosterWales.netNewPlacesByLa ?? {};
  const matching = scenario.matching;
  const prepared =
    matching === undefined || matching.method !== 'choice'
      ? null
      : options.choiceProbe !== undefined && options.choice
        ? options.choice
        : prepareChoice(dataset, scenario, options.choice ?? undefined);
  if (prepared) warnings.push(...prepared.warnings);
  const choiceRules =
    prepared === null || matching === undefined
      ? null
      : {
          ownLaFirst: matching.ownLaFirst,
          sectorPreference: matching.sectorPreference,
          params: prepared.params,
          km: geo.km,
          warn: (m: string) => warnings.push(m),
          lastDuals: new Map(),
          // One stream per run, drawn year by year and type by type (docs/methodology.md, "Whole children").
          rounding: streamFor(streams.seed, streams.run, 'matching.rounding'),
          ...(options.choiceProbe ? { probe: options.choiceProbe } : {}),
        };

  const years: YearResult[] = [];
  let byLa = groupsByLa(state);
  const groupsOf = (la: string): PlacementGroup[] => byLa.get(la) ?? [];
  const baseNeed = new Map(laCodes.map((la) => [la, need.basePlacements(la)]));
  years.push(
    yearResult(B - 1, true, state, keepPlacements, laCodes, occupancyTable(scenario, B), null, (la) => {
      const n = baseNeed.get(la)!;
      return tallyLa(la, n, sum(n), { foster: 0, residential: 0, secure: 0 }, groupsOf(la), geo, regionOf, null, null, atHome(la, n));
    }, warnings.splice(0)),
  );

  for (let t = B; t <= scenario.horizonTo; t++) {
    if (distanceYears.has(t)) geo = makeGeography(dataset, scenario, t);
    // (1) need
    const needs = new Map<string, NeedByType>(laCodes.map((la) => [la, need.needByType(la, t)]));
    // (2) supply events, all on 1 April
    const cut: CutUnits = new Set();
    // The year's events, for their one-off costs (src/model/one-off.ts).
    const events: OneOffEvent[] = [];
    applyStrategies(
      state,
      dataset.strategies.filter((s) => s.year === t),
      inForce(scenario.policy.fpGrowthFrozenFrom, t),
      (m) => warnings.push(m),
      cut,
      events,
    );
    applyTransitions(
      state,
      scenario.transitions.map((transition, index) => ({ transition, index })).filter((x) => x.transition.year === t),
      regionOf,
      cut,
      transitionOptions,
      events,
    );
    applyFosterWalesTransfers(state, valueAt(scenario.fosterWales.transfersFromFp, t), events);
    const growthRate = scenario.fosterWales.netGrowthRate === undefined ? 0 : valueAt(scenario.fosterWales.netGrowthRate, t);
    const laFoster = growthRate !== 0 ? laFosterPlacesByLa(state) : null;
    const nationNeed = scenario.fosterWales.nationNeed;
    applyFosterWalesNetNew(
      state,
      fosterWalesNetNewByLa(
        {
          netNewPlaces: valueAt(scenario.fosterWales.netNewPlaces, t),
          byLa: new Map(Object.keys(fosterWalesByLa).map((la) => [la, valueAt(fosterWalesByLa[la], t)])),
          growthRate,
          nationNeed: nationNeed === undefined || nationNeed === null ? null : valueAt(nationNeed, t),
        },
        laCodes.map((la) => [la, needs.get(la)!.foster] as const),
        (la) => laFoster?.get(la) ?? 0,
      ),
      cut,
      events,
    );
    applyRegionalHomes(state, scenario.regionalResidential.filter((h) => h.year === t), events);
    // (3) displacement, (4) turnover, (5) endings where need has fallen
    const displaced = displaceChildren(state, cut);
    // Other authorities' children who leave a provider, by provider: their replacements arrive there.
    const externalEnded = new Map<string, number>();
    applyTurnover(
      state,
      (type) => valueAt(scenario.turnover[type], t),
      (g, n) => {
        if (g.laCode === EXTERNAL) externalEnded.set(unitKey(g.host, g.placementType, g.sector, g.providerId), n);
      },
      endingsStream,
    );
    endPlacementsAboveNeed(state, (la) => needs.get(la)!);
    const occupancy = occupancyTable(scenario, t);
    const usable = (p: ProviderPlaces): number => usablePlaces(p, occupancy);
    const externalRate = scenario.externalDemandRate === undefined ? 0 : valueAt(scenario.externalDemandRate, t);
    if (externalEnded.size > 0) externalArrivals(state, externalEnded, externalRate, usable);
    // (6) seekers: last year's unplaced, the displaced, turnover and growth all seek
    const continuing = continuingByLa(state);
    const seekers: Seekers = new Map(
      laCodes.map((la) => {
        const c = continuing.get(la) ?? { foster: 0, residential: 0, secure: 0 };
        const n = needs.get(la)!;
        return [la, { foster: n.foster - c.foster, residential: n.residential - c.residential, secure: n.secure - c.secure }];
      }),
    );
    // (7) matching
    const approval = inForce(scenario.policy.approvalRequiredFrom, t);
    const fpEnded = inForce(scenario.policy.fpNewPlacementsEnd, t);
    const exceptions = valueAt(scenario.policy.exceptionsShare, t);
    const ow = scenario.outsideWales;
    // What each LA holds with each provider just before matching: the matching only adds, so the
    // growth of a group over it is that LA's new placements there (whichever matching rule runs).
    const beforeMatching = keepPlacements ? new Map(state.groupsInOrder().map((g) => [groupKey(g), g.children])) : null;
    const outcome = matchSeekers(state, seekers, geo, {
      solver,
      usablePlaces: usable,
      forProfitCap: (_type, entering) => (fpEnded ? floorEps(exceptions * entering) : null),
      approvalRequired: approval,
      outsideWales: {
        allowed: ow.allowed,
        cap: heldOutside !== null ? heldOutside.total : ow.places === null || ow.places === 'held' ? null : valueAt(ow.places, t),
        capByType: heldOutside?.byType ?? null,
        sector: ow.sector,
      },
      choice: choiceRules,
    });
    // (8) metrics
    const costs = makeCosting(dataset, scenario, t, geo.index, options.pricesYear ?? null);
    const oneOff = chargeOneOffCosts(events, {
      costs: scenario.oneOffCosts ?? NO_ONE_OFF_COSTS,
      index: priceIndex(scenario, B, t, options.pricesYear ?? null),
      year: t,
      laCodes,
      regionOf,
      childrenLookedAfter: (la) => need.childrenLookedAfter(la, t),
    });
    byLa = groupsByLa(state);
    years.push(
      yearResult(t, false, state, keepPlacements, laCodes, occupancy, beforeMatching, (la) => {
        const n = needs.get(la)!;
        const tally = tallyLa(la, n, need.childrenLookedAfter(la, t), outcome.unplaced.get(la)!, groupsOf(la), geo, regionOf, costs, {
          displaced: displaced.get(la) ?? 0,
          newPlacements: outcome.newPlacements.get(la) ?? 0,
          inWalesFp: outcome.supplementaryInWalesFp.get(la) ?? 0,
          outsideWales: outcome.supplementaryOutsideWales.get(la) ?? 0,
          lookedAfter: need.flows(la, t),
        }, atHome(la, n));
        checkConservation(t, la, n, tally, groupsOf(la));
        tally.costOneOffGbp = oneOff.get(la) ?? 0;
        return tally;
      }, warnings.splice(0)),
    );
  }
  const implausible = implausibleDemandWarning(years, laByCode);
  if (implausible !== null) years[years.length - 1].warnings.push(implausible);
  return { scenario: scenario.name, baseYear: B, years };
}

/**
 * Where the calibration starts when the scenario sets no β, α, γ (under `calibrate` the registry
 * leaves the hand-set values out): the registry's defaults for them.
 */
const START = { beta: 0.02, alpha: 0, gamma: 0 };

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
      { alpha: m.outsidePull?.[t] ?? START.alpha, beta: m.distanceDecay?.[t] ?? START.beta, gamma: m.ownLaPull?.[t] ?? START.gamma },
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
  // Left out of the inputs: what the calibration year does not read (money; which services a
  // transition takes, with no transition in the year), so that Monte Carlo runs drawing only those
  // share one fit.
  const { name: _name, inflation: _inflation, deflator: _deflator, unplacedWeeklyCostGbp: _cost, oneOffCosts: _oneOff, orderStreams: _streams, transitionUnit: _unit, ...rest } = year;
  // Need at the base placements: without a demand history point at B, C(ℓ,B) is the LA's base placements.
  return { dataset: { ...dataset, strategies: [], demandHistory: [] }, scenario: year, inputs: atB(rest) };
}

/**
 * New children of other authorities arrive where theirs ended (docs/model.md §4.3): at each provider,
 * in key order, as many as ended there × (1 + rate), rounded half up, at most its vacancies.
 * Worked: 3 ended at a provider with 2 vacancies, rate 0.2 → round(3.6) = 4, capped at 2.
 */
function externalArrivals(state: PlacementState, ended: ReadonlyMap<string, number>, rate: number, usable: (p: ProviderPlaces) => number): void {
  for (const p of state.providersInOrder()) {
    const n = ended.get(unitKey(p.host, p.placementType, p.sector, p.providerId));
    if (n === undefined) continue;
    const vacancies = Math.max(0, usable(p) - state.childrenOf(p));
    state.addTo(p, EXTERNAL, Math.min(vacancies, Math.max(0, roundHalfUp(n * (1 + rate)))));
  }
}

const groupKey = (g: PlacementGroup): string => `${g.laCode}|${unitKey(g.host, g.placementType, g.sector, g.providerId)}`;

function groupsByLa(state: PlacementState): Map<string, PlacementGroup[]> {
  const out = new Map<string, PlacementGroup[]>();
  for (const g of state.groupsInOrder()) {
    const list = out.get(g.laCode);
    if (list) list.push(g);
    else out.set(g.laCode, [g]);
  }
  return out;
}

const sum = (n: NeedByType): number => PLACEMENT_TYPES.reduce((s, t) => s + n[t], 0);

/**
 * A dataset's base state (docs/model.md §4.2: its placement groups and providers at 31 March B), prepared once
 * and held by the caller: a Monte Carlo run or a scenario compared with another projects the same
 * dataset again and again, and building the state takes a twentieth of a Wales run. Each projection
 * copies it. A value, not a cache: prepare it again after changing the dataset's rows.
 */
export interface PreparedBase {
  readonly dataset: Dataset;
  readonly state: PlacementState;
  readonly warnings: readonly string[];
}

export function prepareBase(dataset: Dataset): PreparedBase {
  const warnings: string[] = [];
  const state = baseState(dataset, (m) => warnings.push(m));
  return { dataset, state, warnings };
}

/** The base state: placements without a provider id are shared over that host's providers by places. */
function baseState(dataset: Dataset, warn: (m: string) => void): PlacementState {
  const state = new PlacementState();
  for (const p of dataset.providers) {
    const unit = state.ensureProvider({ ...p, reservedForRegion: null });
    unit.places += p.places;
  }
  // The providers of each host, sector and type, in key order, and of each id at a host and type:
  // England-sized data has thousands of each, so a scan per placement row would be quadratic.
  const byCell = new Map<string, ProviderPlaces[]>();
  const byId = new Map<string, ProviderPlaces>();
  for (const p of state.providerList()) {
    const cell = `${p.host}|${p.sector}|${p.placementType}`;
    const list = byCell.get(cell);
    if (list) list.push(p);
    else byCell.set(cell, [p]);
    const id = `${p.host}|${p.placementType}|${p.providerId}`;
    if (!byId.has(id)) byId.set(id, p);
  }
  // Other authorities' children are placed as the dataset's are, under the placing authority EXTERNAL.
  const externals: PlacementRow[] = (dataset.externalPlacements ?? []).map((r) => ({
    laCode: EXTERNAL,
    placementType: r.placementType,
    sector: r.sector,
    host: r.host,
    children: r.children,
    providerId: r.providerId,
  }));
  for (const row of [...dataset.placements, ...externals]) {
    if (!isMarketType(row.placementType) || row.children === 0) continue;
    const type = row.placementType;
    const sector = row.sector ?? 'fp';
    const host = row.host ?? OUTSIDE_WALES;
    if (host === OUTSIDE_WALES) {
      state.add(row.laCode, type, sector, OUTSIDE_WALES, OUTSIDE_WALES, row.children);
      continue;
    }
    if (row.providerId !== null) {
      const named = byId.get(`${host}|${type}|${row.providerId}`);
      const s = named?.sector ?? sector;
      if (!named) state.ensureProvider({ providerId: row.providerId, providerName: row.providerId, sector: s, host, placementType: type, reservedForRegion: null });
      state.add(row.laCode, type, s, host, row.providerId, row.children);
      continue;
    }
    const here = (byCell.get(`${host}|${sector}|${type}`) ?? []).filter((p) => p.places > 0);
    if (here.length === 0) {
      warn(`${row.laCode}: ${row.children} ${sector} ${type} placements at ${host} have no provider there; they sit with UNLISTED (0 places)`);
      state.ensureProvider({ providerId: 'UNLISTED', providerName: 'Unlisted provider', sector, host, placementType: type, reservedForRegion: null });
      state.add(row.laCode, type, sector, host, 'UNLISTED', row.children);
      continue;
    }
    const total = here.reduce((s, p) => s + p.places, 0);
    // The cell's providers are in key order (by id), so the shares' cells are in tie-key order.
    const shares = largestRemainderInOrder(here.map((p) => (row.children * p.places) / total));
    here.forEach((p, i) => state.addTo(p, row.laCode, shares[i]));
  }
  return state;
}

function makeGeography(dataset: Dataset, scenario: ModelScenario, year: number): Geography & TallyGeography {
  const las = [...dataset.localAuthorities].sort((a, b) => compareCodes(a.code, b.code));
  const index = new Map(las.map((l, i) => [l.code, i]));
  const n = las.length;
  // Every pair once: the matching asks for these distances many times a year.
  const kmMatrix = new Float64Array(n * n);
  const metresMatrix = new Float64Array(n * n);
  las.forEach((a, i) =>
    las.forEach((b, j) => {
      const d = i === j ? withinLaKm(a.areaKm2) : haversineKm(a.lat, a.lon, b.lat, b.lon);
      kmMatrix[i * n + j] = d;
      metresMatrix[i * n + j] = roundHalfUp(d * 1000);
    }),
  );
  const ow = scenario.outsideWales;
  const km = (la: string, host: string): number =>
    host === OUTSIDE_WALES ? valueAt(ow.distanceKmByLa[la] ?? ow.distanceKm, year) : kmMatrix[index.get(la)! * n + index.get(host)!];
  const outsideKm = las.map((l) => km(l.code, OUTSIDE_WALES));
  // Each LA's hosts (and, last, outside Wales) nearest first, ties by index: tallies list distances
  // in that order without sorting. Rows with a NaN distance keep the general path.
  const kmOrder = new Int32Array(n * (n + 1));
  const kmOrdered = las.map((_, i) => {
    const row = (j: number): number => (j === n ? outsideKm[i] : kmMatrix[i * n + j]);
    const idx = Array.from({ length: n + 1 }, (_, j) => j);
    if (idx.some((j) => Number.isNaN(row(j)))) return false;
    idx.sort((a, b) => row(a) - row(b) || a - b);
    kmOrder.set(idx, i * (n + 1));
    return true;
  });
  return {
    laCodes: las.map((l) => l.code),
    regionOf: (la) => las[index.get(la) ?? -1]?.region ?? '',
    metres: (la, host) => metresMatrix[index.get(la)! * n + index.get(host)!],
    km,
    index,
    metresMatrix,
    regions: las.map((l) => l.region),
    kmMatrix,
    outsideKm,
    kmOrder,
    kmOrdered,
  };
}

/** What the year-end tallies read, by LA index (code order), so that no group costs a string lookup. */
interface TallyGeography {
  /** km(la, host) for any host, OUTSIDE_WALES included. */
  km(la: string, host: string): number;
  index: ReadonlyMap<string, number>;
  regions: readonly string[];
  /** km from LA i to host LA j at i × LAs + j. */
  kmMatrix: Float64Array;
  /** km from each LA to a placement outside Wales. */
  outsideKm: readonly number[];
  /** Row i (LAs + 1 long): host indices, outside Wales as LAs, by km from LA i, then index. */
  kmOrder: Int32Array;
  /** Whether LA i's row of kmOrder is there (no distance of the row is NaN). */
  kmOrdered: readonly boolean[];
}

interface Costing {
  /**
   * Weekly cost × 52 × the index to year t (and the deflation to constant prices), or null when no
   * cost row exists: by LA index × COST_CELLS + costCell, so that an LA's own price (a row with
   * `la_code`) stands in its own slots.
   */
  annual: ReadonlyArray<number | null>;
  unplacedAnnual: number;
}

const COST_CELLS = 18;

const MARKET_TYPE_INDEX: Record<MarketType, number> = { foster: 0, residential: 1, secure: 2 };

/** A cost cell's place in Costing.annual: type, sector, in or outside Wales. */
function costCell(type: MarketType, sector: Sector, outsideWales: boolean): number {
  return MARKET_TYPE_INDEX[type] * 6 + SECTOR_RANK[sector] * 2 + (outsideWales ? 1 : 0);
}

/** The growth of a dated rate from year `from`'s level to year t's: Π (1 + rate(u)) for u = from+1 … t (divided the other way). */
export function compoundedFrom(rate: Timeline, from: number, t: number): number {
  let f = 1;
  for (let u = from + 1; u <= t; u++) f *= 1 + valueAt(rate, u);
  for (let u = t + 1; u <= from; u++) f /= 1 + valueAt(rate, u);
  return f;
}

/**
 * Money of prices year `from` in year t's money: indexed by the scenario's inflation to t (cash), then,
 * for constant prices of pricesYear, divided by the deflator's growth from then to t.
 */
export function priceIndex(scenario: Pick<ModelScenario, 'inflation' | 'deflator'>, from: number, t: number, pricesYear: number | null): number {
  const real = pricesYear === null ? 1 : 1 / compoundedFrom(scenario.deflator, pricesYear, t);
  return compoundedFrom(scenario.inflation, from, t) * real;
}

function makeCosting(dataset: Dataset, scenario: ModelScenario, t: number, laIndex: ReadonlyMap<string, number>, pricesYear: number | null): Costing | null {
  if (dataset.costs === null) return null;
  const index = (from: number): number => priceIndex(scenario, from, t, pricesYear);
  // A scenario's extra price of placements outside Wales in year t (England's market tightening).
  const premium = scenario.outsideWales.pricePremium === undefined ? 1 : 1 + valueAt(scenario.outsideWales.pricePremium, t);
  const located = (c: { location: string }): number => (c.location === 'outside_wales' ? premium : 1);
  // Each cell's annual cost in year t prices, worked out once per LA, in a small array: tallies ask
  // for it per group. The all-Wales rows fill every LA's slots, then each LA's own rows replace
  // its slots (an LA's own price wins, whatever the row order). A later row for the same cell
  // replaces an earlier one, as a map keyed by cell would.
  const las = laIndex.size;
  const annual: Array<number | null> = new Array<number | null>(las * COST_CELLS).fill(null);
  for (const c of dataset.costs) {
    if (c.laCode !== undefined && c.laCode !== null) continue;
    const cell = costCell(c.placementType, c.sector, c.location === 'outside_wales');
    const v = c.weeklyCostGbp * 52 * index(c.priceYear) * located(c);
    for (let i = 0; i < las; i++) annual[i * COST_CELLS + cell] = v;
  }
  for (const c of dataset.costs) {
    if (c.laCode === undefined || c.laCode === null) continue;
    const i = laIndex.get(c.laCode);
    // A price for an LA the dataset does not hold costs nothing here (validation warns of it).
    if (i === undefined) continue;
    annual[i * COST_CELLS + costCell(c.placementType, c.sector, c.location === 'outside_wales')] = c.weeklyCostGbp * 52 * index(c.priceYear) * located(c);
  }
  return {
    annual,
    unplacedAnnual: scenario.unplacedWeeklyCostGbp === null ? 0 : valueAt(scenario.unplacedWeeklyCostGbp, t) * 52 * index(dataset.baseYear),
  };
}

interface Flows {
  displaced: number;
  newPlacements: number;
  inWalesFp: number;
  outsideWales: number;
  /** Children who started and ceased to be looked after (demand from flows only). */
  lookedAfter: { started: number; ceased: number } | null;
}

function tallyLa(
  la: string,
  need: NeedByType,
  childrenLookedAfter: number,
  unplaced: Record<MarketType, number>,
  groups: readonly PlacementGroup[],
  geo: TallyGeography,
  regionOf: (la: string) => string,
  costs: Costing | null,
  flows: Flows | null,
  nonMarketAtHome: number,
): LaYearTally {
  let marketPlaced = 0;
  let own = 0;
  let region = 0;
  let outside = 0;
  let fp = 0;
  const placedByType = { foster: 0, residential: 0, secure: 0 };
  const forProfitByType = { foster: 0, residential: 0, secure: 0 };
  let nonprofitAway = 0;
  let cost: number | null = costs === null || flows === null ? null : 0;
  const parts: CostParts = { foster: 0, residential: 0, secure: 0, forProfit: 0, outsideWales: 0, unplaced: 0 };
  // Children per host (by LA index; the last slot is outside Wales), turned into distances after.
  const li = geo.index.get(la)!;
  const hosts = geo.regions.length;
  const perHost = new Array<number>(hosts + 1).fill(0);
  const laRegion = geo.regions[li];
  let elsewhere: Map<number, number> | null = null;
  for (const g of groups) {
    const n = g.children;
    marketPlaced += n;
    const outsideWales = g.host === OUTSIDE_WALES;
    if (g.host === la) own += n;
    if (outsideWales) {
      outside += n;
      perHost[hosts] += n;
    } else {
      const hi = geo.index.get(g.host);
      if (hi !== undefined) {
        if (geo.regions[hi] === laRegion) region += n;
        perHost[hi] += n;
      } else {
        // A host that is no LA of the dataset (validation stops this): as the general rule has it.
        if (regionOf(g.host) === regionOf(la)) region += n;
        const km = geo.km(la, g.host);
        elsewhere ??= new Map();
        elsewhere.set(km, (elsewhere.get(km) ?? 0) + n);
      }
    }
    placedByType[g.placementType] += n;
    if (g.sector === 'fp') forProfitByType[g.placementType] += n;
    if (g.sector === 'fp') fp += n;
    else if (outsideWales || (geo.index.has(g.host) ? geo.regions[geo.index.get(g.host)!] !== laRegion : regionOf(g.host) !== regionOf(la))) nonprofitAway += n;
    if (cost !== null && costs !== null) {
      const annual = costs.annual[li * COST_CELLS + costCell(g.placementType, g.sector, outsideWales)];
      if (annual === null) cost = null;
      else {
        const c = n * annual;
        cost += c;
        parts[g.placementType] += c;
        if (g.sector === 'fp') parts.forProfit += c;
        if (outsideWales) parts.outsideWales += c;
      }
    }
  }
  const unplacedTotal = unplaced.foster + unplaced.residential + unplaced.secure;
  if (cost !== null && costs !== null) {
    parts.unplaced = unplacedTotal * costs.unplacedAnnual;
    cost += parts.unplaced;
  }
  // Children at the same distance are one entry, whichever hosts they are at, nearest first.
  let distances: Array<[number, number]>;
  if (elsewhere === null && geo.kmOrdered[li]) {
    // Hosts already nearest first: equal distances are next to each other, and the first host of a
    // run gives the entry its km, as a map by host index keeping the first one set would.
    distances = [];
    let last: [number, number] | null = null;
    const row = li * (hosts + 1);
    for (let q = 0; q <= hosts; q++) {
      const j = geo.kmOrder[row + q];
      const c = perHost[j];
      if (c === 0) continue;
      const km = j === hosts ? geo.outsideKm[li] : geo.kmMatrix[li * hosts + j];
      if (last !== null && last[0] === km) last[1] += c;
      else {
        // + 0 makes -0 into 0, as a map key does.
        last = [km + 0, c];
        distances.push(last);
      }
    }
  } else distances = distancesByKm(li, perHost, elsewhere, geo);
  return {
    laCode: la,
    childrenLookedAfter,
    need: { ...need },
    unplaced: { ...unplaced },
    displaced: flows?.displaced ?? null,
    newPlacements: flows?.newPlacements ?? null,
    supplementaryPlacements: flows === null ? null : flows.inWalesFp + flows.outsideWales,
    supplementaryInWalesFp: flows?.inWalesFp ?? null,
    supplementaryOutsideWales: flows?.outsideWales ?? null,
    marketPlaced,
    placedInOwnLa: own,
    placedInRegion: region,
    placedOutsideWales: outside,
    forProfitPlacements: fp,
    placedByType,
    forProfitByType,
    nonMarketAtHome,
    nonprofitOutsideRegion: nonprofitAway,
    distances,
    costGbp: cost,
    costParts: cost === null ? null : parts,
    startedLookedAfter: flows?.lookedAfter?.started ?? null,
    ceasedLookedAfter: flows?.lookedAfter?.ceased ?? null,
    // Charged by the caller from the year's events; the base row has none.
    costOneOffGbp: null,
  };
}

/** Children per distance, nearest first, by a map and a sort: the general path of tallyLa. */
function distancesByKm(li: number, perHost: readonly number[], elsewhere: Map<number, number> | null, geo: TallyGeography): Array<[number, number]> {
  const hosts = geo.regions.length;
  const byKm = new Map<number, number>();
  for (let j = 0; j <= hosts; j++) {
    if (perHost[j] === 0) continue;
    const km = j === hosts ? geo.outsideKm[li] : geo.kmMatrix[li * hosts + j];
    byKm.set(km, (byKm.get(km) ?? 0) + perHost[j]);
  }
  if (elsewhere !== null) for (const [km, n] of elsewhere) byKm.set(km, (byKm.get(km) ?? 0) + n);
  return [...byKm.entries()].sort((a, b) => a[0] - b[0]);
}

function yearResult(
  year: number,
  isBase: boolean,
  state: PlacementState,
  keepPlacements: boolean,
  laCodes: readonly string[],
  occupancy: OccupancyTable,
  beforeMatching: ReadonlyMap<string, number> | null,
  tally: (la: string) => LaYearTally,
  warnings: string[],
): YearResult {
  // Rows in order of first appearance in provider key order; found by host, then type (no key strings).
  const places: HostYearPlaces[] = [];
  const byHost = new Map<string, Partial<Record<MarketType, HostYearPlaces>>>();
  const providers = state.providersInOrder();
  for (const p of providers) {
    let atHost = byHost.get(p.host);
    if (!atHost) {
      atHost = {};
      byHost.set(p.host, atHost);
    }
    let row = atHost[p.placementType];
    if (!row) {
      row = { host: p.host, placementType: p.placementType, places: 0, forProfitPlaces: 0, usablePlaces: 0, externalChildren: 0 };
      atHost[p.placementType] = row;
      places.push(row);
    }
    row.places += p.places;
    if (p.sector === 'fp') row.forProfitPlaces += p.places;
    // docs/model.md §2.2: usable places less the other authorities' children held, never below 0 per provider.
    const external = state.childrenOfLa(p, EXTERNAL);
    row.usablePlaces += Math.max(0, usablePlaces(p, occupancy) - external);
    row.externalChildren += external;
  }
  return {
    year,
    asAt: `${year + 1}-03-31`,
    isBase,
    tallies: laCodes.map(tally),
    places,
    groups: keepPlacements ? state.snapshotGroups() : [],
    providers: keepPlacements ? providers.map((p) => ({ ...p, usableForDataset: Math.max(0, usablePlaces(p, occupancy) - state.childrenOfLa(p, EXTERNAL)) })) : [],
    ...(beforeMatching !== null
      ? {
          placedInYear: state
            .groupsInOrder()
            .map((g) => ({ ...g, children: g.children - (beforeMatching.get(groupKey(g)) ?? 0) }))
            .filter((g) => g.children > 0 && g.laCode !== EXTERNAL),
        }
      : {}),
    warnings,
  };
}

/** Every child is in exactly one of: a placement in Wales, outside Wales, non-market care, unplaced. */
function checkConservation(t: number, la: string, need: NeedByType, tally: LaYearTally, groups: readonly PlacementGroup[]): void {
  const placed = { foster: 0, residential: 0, secure: 0 };
  for (const g of groups) placed[g.placementType] += g.children;
  for (const type of MARKET_TYPES) {
    if (placed[type] + tally.unplaced[type] !== need[type] || tally.unplaced[type] < 0) {
      throw new InternalError(
        `year ${t}, ${la}, ${type}: ${placed[type]} placed + ${tally.unplaced[type]} unplaced != ${need[type]} needing a placement`,
      );
    }
  }
  if (sum(need) !== tally.childrenLookedAfter) {
    throw new InternalError(`year ${t}, ${la}: need by type sums to ${sum(need)}, not ${tally.childrenLookedAfter} children looked after`);
  }
}

