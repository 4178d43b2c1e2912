// Placement choice (docs/model.md §4.3, `matching: { method: choice }`): where a child is placed is not the
// nearest free place but a choice spread over every allowed place, nearer places likelier. Per market
// type, one problem over all LAs: a doubly constrained gravity model with capacities (the
// entropy-maximising spatial-interaction model of transport planning),
//
//   T_ℓj = u_ℓ · v_j · K_ℓj,   K_ℓj = V_j · exp(−β d_ℓj − ρ rank(s) + γ [h = ℓ])  (a host h, sector s in Wales)
//                              K_ℓ,OUT = exp(α − β d_out(ℓ)),  K_ℓ,UNP = exp(−1000),
//
// u_ℓ making each LA's flows add up to its seekers S_ℓ, v_j ≤ 1 keeping each destination within its
// vacancies (one more shared factor over the for-profit destinations when `fp_new_placements_end`
// caps them). Solved by iterative scaling; then rounded to whole children without bias (whole.ts).
import { compareCodes } from '../rounding.js';
import type { RandomSource } from '../random.js';
import { roundChoice } from './whole.js';
import { solveDual, type DualProblem, type DualVariable } from './dual.js';
import { EXTERNAL, OUTSIDE_WALES, SECTOR_RANK, type MarketType, type PlacementGroup, type ProviderPlaces, type Sector } from '../types.js';

/** α (outside pull), β (distance decay, per km) and γ (own-LA pull) of one market type. */
export interface ChoiceParams {
  alpha: number;
  beta: number;
  gamma: number;
}

export type DestinationKind = 'wales' | 'outside' | 'unplaced';

export interface ChoiceDestination {
  kind: DestinationKind;
  /** Host LA code (OUTSIDE_WALES / UNPLACED for the others). */
  host: string;
  /** Sector of a destination in Wales; null for the others. */
  sector: Sector | null;
  /** Vacancies, or Infinity when unlimited. */
  capacity: number;
  /** In the for-profit group that `fp_new_placements_end` caps. */
  forProfit: boolean;
  /** The providers with vacancies, in id order (destinations in Wales only). */
  providers: ProviderPlaces[];
}

/** One market type's problem: origins (LAs with seekers, code order) and destinations (key order). */
export interface ChoiceProblem {
  type: MarketType;
  las: string[];
  seekers: number[];
  destinations: ChoiceDestination[];
  /** km from origin i to destination j at i × destinations + j (0 for UNPLACED). */
  km: Float64Array;
  /** 1 where destination j is in origin i's own LA. */
  own: Uint8Array;
  /** Most children in the for-profit group, or null (no cap). */
  forProfitCap: number | null;
}

/** log K of the unplaced destination: there only when nothing else can take the child. */
const UNPLACED_LOG_K = -1000;
const FLOOR_ABOVE_UNPLACED = 100;
/** The least log K of a real destination: e^100 times UNPLACED's, so no child is unplaced beside a vacancy. */
export const LEAST_REAL_LOG_K = UNPLACED_LOG_K + FLOOR_ABOVE_UNPLACED;
const TOLERANCE = 1e-9;
/**
 * Iterative scaling converges slowly where destinations bind and the only slack is unattractive
 * (Wales full and outside Wales barred or capped: the scaling factors must drift to e^±1000, a
 * little per iteration). After this many scaling iterations the solve goes on by Newton's method on
 * the same dual, which takes that drift in a few steps; its steps are capped too.
 */
export const SOLVER_LIMITS: SolverLimits = { scaling: 300, newton: 200, tolerance: TOLERANCE };

export interface SolverLimits {
  scaling: number;
  newton: number;
  /** Largest relative error of a constraint at the end (1e-9; the calibration's first search uses less). */
  tolerance: number;
}

export interface FractionalFlows {
  /** T_ℓj at i × destinations + j. */
  flows: Float64Array;
  iterations: number;
  converged: boolean;
  /** The dual factors reached (log v_j by destination key, and the for-profit factor), to start a like problem from. */
  duals: Duals;
}

/** log v_j by destinationKey, and the shared for-profit factor's log. */
export interface Duals {
  destinations: Map<string, number>;
  forProfit: number;
}

/** A destination's key among the year's problems of one type: host, sector, kind. */
export function destinationKey(d: ChoiceDestination): string {
  return `${d.kind}|${d.host}|${d.sector ?? ''}`;
}

/**
 * The fractional flows by iterative scaling. The scaling factors are kept as logarithms (u_ℓ runs
 * to e^1000 when only UNPLACED is left), the kernel in plain numbers relative to each row's largest
 * entry, so an iteration is multiplications, not exponentials: a row's flows are
 * x_ℓ · e^{E_j} · W_ℓj with E_j = log v_j − (the largest log v), W_ℓj = K_ℓj / max_j K_ℓj.
 * Each step is an exact block maximisation of the (concave) dual, so the iteration converges to the
 * one solution from any start; it stops when no constraint is off by more than 1e-9 of its size.
 * `start`: the duals of a like problem (last year's, of the same type), which it reaches sooner from.
 */
export function solveChoice(
  problem: ChoiceProblem,
  params: ChoiceParams,
  rho: number,
  start?: Duals,
  limits: SolverLimits = SOLVER_LIMITS,
): FractionalFlows {
  const maxIterations = limits.scaling;
  const tol = limits.tolerance;
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const flows = new Float64Array(m * n);
  const b = new Float64Array(n);
  let c = 0;
  if (start !== undefined) {
    dests.forEach((d, j) => (b[j] = Math.min(0, start.destinations.get(destinationKey(d)) ?? 0)));
    c = Number.isFinite(start.forProfit) ? Math.min(0, start.forProfit) : 0;
  }
  const dualsOut = (): Duals => ({ destinations: new Map(dests.map((d, j) => [destinationKey(d), b[j]])), forProfit: c });
  if (m === 0 || n === 0) return { flows, iterations: 0, converged: true, duals: dualsOut() };
  const unp = dests.findIndex((d) => d.kind === 'unplaced');
  // log K, then each row relative to its largest real (not UNPLACED) entry.
  const W = new Float64Array(m * n);
  const logK = logKernel(problem, params, rho);
  const rowMax = new Float64Array(m).fill(-Infinity);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (j !== unp && logK[i * n + j] > rowMax[i]) rowMax[i] = logK[i * n + j];
  const unpRow = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    if (rowMax[i] === -Infinity) rowMax[i] = UNPLACED_LOG_K;
    for (let j = 0; j < n; j++) W[i * n + j] = j === unp ? 0 : Math.exp(logK[i * n + j] - rowMax[i]);
  }
  const cap = new Float64Array(n);
  const logCap = new Float64Array(n);
  const capped = new Uint8Array(n);
  const fp = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const d = dests[j];
    cap[j] = d.capacity;
    logCap[j] = Math.log(d.capacity);
    capped[j] = d.kind !== 'unplaced' && Number.isFinite(d.capacity) ? 1 : 0;
    fp[j] = d.forProfit ? 1 : 0;
    if (!capped[j]) b[j] = 0;
  }
  const fpCap = problem.forProfitCap;
  const hasFpCap = fpCap !== null && fp.some((x) => x === 1);
  if (!hasFpCap) c = 0;
  const seekers = problem.seekers;
  // Dual variables: b_j = log v_j ≤ 0, c ≤ 0 the shared for-profit factor; B the largest b_j + c_j.
  const E = new Float64Array(n);
  const x = new Float64Array(m);
  const G = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  let B = 0;
  for (;;) {
    iterations++;
    B = -Infinity;
    for (let j = 0; j < n; j++) if (j !== unp) B = Math.max(B, b[j] + (fp[j] ? c : 0));
    if (B === -Infinity) B = 0;
    for (let j = 0; j < n; j++) E[j] = j === unp ? 0 : Math.exp(b[j] + (fp[j] ? c : 0) - B);
    if (unp >= 0) for (let i = 0; i < m; i++) unpRow[i] = Math.exp(UNPLACED_LOG_K - B - rowMax[i]);
    // Rows: each LA's flows add up to its seekers. Then the column sums without the destination's
    // own factor: a destination's flow is e^{E_j} · G_j.
    G.fill(0);
    for (let i = 0; i < m; i++) {
      let r = unpRow[i];
      const row = i * n;
      for (let j = 0; j < n; j++) r += E[j] * W[row + j];
      const xi = seekers[i] / r;
      x[i] = xi;
      for (let j = 0; j < n; j++) G[j] += xi * W[row + j];
    }
    // Off by more than the tolerance? (over capacity, or held back below a capacity not reached)
    let off = false;
    let fpFlow = 0;
    for (let j = 0; j < n; j++) {
      if (!capped[j]) continue;
      const flow = E[j] * G[j];
      if (fp[j]) fpFlow += flow;
      const v = cap[j];
      if (flow > v * (1 + tol) || (b[j] < 0 && flow < v * (1 - tol))) off = true;
    }
    if (!off && hasFpCap) {
      const fc = fpCap!;
      if (fpFlow > fc * (1 + tol) || (c < 0 && fpFlow < fc * (1 - tol))) off = true;
    }
    if (!off) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    // Columns: each capped destination within its vacancies, given the rows.
    for (let j = 0; j < n; j++) {
      if (!capped[j]) continue;
      const cj = fp[j] ? c : 0;
      b[j] = G[j] > 0 ? Math.min(0, logCap[j] - Math.log(G[j]) - cj + B) : 0;
    }
    // The for-profit group within its cap, given the rows and the destinations' own factors.
    // (The group's flow F with the new b_j and the old c; each term is within its destination's
    // vacancies, so nothing overflows however small c has become.)
    if (hasFpCap) {
      let F = 0;
      for (let j = 0; j < n; j++) if (fp[j]) F += Math.exp(b[j] + c - B) * G[j];
      c = fpCap! <= 0 ? -Infinity : F > 0 ? Math.min(0, c + Math.log(fpCap!) - Math.log(F)) : 0;
    }
  }
  if (!converged && limits.newton > 0) {
    const dual = capacityDual(problem);
    const polished = solveDual(dual.problem(logK), dual.start(b, hasFpCap ? c : 0), limits.newton, tol);
    if (polished !== null) {
      dual.of.forEach((j, k) => (j >= 0 ? (b[j] = polished.y[k]) : (c = polished.y[k])));
      return { flows: polished.flows, iterations: iterations + polished.steps, converged: polished.converged, duals: dualsOut() };
    }
  }
  // The flows of the last row scaling (rows exact), with the E and x it used.
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) flows[i * n + j] = j === unp ? x[i] * unpRow[i] : x[i] * E[j] * W[i * n + j];
  }
  // A row whose every term fell below the smallest double (a warm start from factors near e^−710)
  // gives NaN flows, which no capacity test catches: never call those converged.
  return { flows, iterations, converged: converged && allFinite(flows), duals: dualsOut() };
}

/** log K_ℓj at ℓ × destinations + j (docs/model.md §4.3), as the year's parameters give it. */
export function logKernel(problem: ChoiceProblem, params: ChoiceParams, rho: number): Float64Array {
  const { alpha, beta, gamma } = params;
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const logK = new Float64Array(m * n);
  // Each destination's log V_j and ρ rank(s) once, not once a cell: the same numbers, in the same sum.
  const logV = new Float64Array(n);
  const sectorPull = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const d = dests[j];
    if (d.kind !== 'wales') continue;
    logV[j] = Math.log(d.capacity);
    sectorPull[j] = rho * SECTOR_RANK[d.sector!];
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const d = dests[j];
      const km = problem.km[i * n + j];
      let lk: number;
      if (d.kind === 'wales') lk = logV[j] - beta * km - sectorPull[j] + (problem.own[i * n + j] ? gamma : 0);
      else if (d.kind === 'outside') lk = alpha - beta * km;
      else lk = UNPLACED_LOG_K;
      // A real destination never weighs less than e^100 times UNPLACED, however far or unattractive:
      // else a child could be left unplaced beside a vacancy (β × 400 km passes 1000 at β = 2.5).
      if (d.kind !== 'unplaced') lk = Math.max(lk, UNPLACED_LOG_K + FLOOR_ABOVE_UNPLACED);
      logK[i * n + j] = lk;
    }
  }
  return logK;
}

/**
 * The year's problem as a dual for Newton's method: a variable per capped destination (log v_j ≤ 0,
 * its flow within its vacancies) and one for the for-profit group under its cap. `of[k]` is the
 * destination of variable k, or −1 for the group; `problem(logK)` the dual for a kernel.
 */
export function capacityDual(problem: ChoiceProblem): { variables: DualVariable[]; of: number[]; problem(logK: Float64Array): DualProblem; start(b: ArrayLike<number>, c: number): number[] } {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const vars: DualVariable[] = [];
  const of: number[] = [];
  dests.forEach((d, j) => {
    if (d.kind === 'unplaced' || !Number.isFinite(d.capacity)) return;
    vars.push({ destination: j, lo: -Infinity, hi: 0, target: d.capacity });
    of.push(j);
  });
  if (problem.forProfitCap !== null && dests.some((d) => d.forProfit)) {
    const cells = new Uint8Array(m * n);
    for (let i = 0; i < m; i++) dests.forEach((d, j) => d.forProfit && (cells[i * n + j] = 1));
    vars.push({ destination: -1, cells, lo: -Infinity, hi: 0, target: problem.forProfitCap });
    of.push(-1);
  }
  return {
    variables: vars,
    of,
    problem: (logK) => ({ m, n, seekers: problem.seekers, logK, variables: vars }),
    start: (b, c) => of.map((j) => (j >= 0 ? b[j] : c)),
  };
}

/** True when every flow is a finite number (NaN and ±Infinity are not). */
function allFinite(flows: Float64Array): boolean {
  for (let k = 0; k < flows.length; k++) if (!Number.isFinite(flows[k])) return false;
  return true;
}

/** Sorts destinations in key order: hosts by code, then sector rank; outside Wales, then unplaced last. */
export function byDestinationKey(a: ChoiceDestination, b: ChoiceDestination): number {
  const order = { wales: 0, outside: 1, unplaced: 2 } as const;
  return (
    order[a.kind] - order[b.kind] ||
    compareCodes(a.host, b.host) ||
    (a.sector === null || b.sector === null ? 0 : SECTOR_RANK[a.sector] - SECTOR_RANK[b.sector])
  );
}

/** The three statistics the calibration matches, of one type's children at the year's end. */
export interface ChoiceStatistics {
  outsideWales: number;
  placedInWales: number;
  /** Sum of km of the children placed in Wales. */
  walesKm: number;
  ownLa: number;
}

/** The statistics of the fractional flows alone (the calibration adds the continuing children's). */
export function flowStatistics(problem: ChoiceProblem, flows: Float64Array): ChoiceStatistics {
  const m = problem.las.length;
  const n = problem.destinations.length;
  const s: ChoiceStatistics = { outsideWales: 0, placedInWales: 0, walesKm: 0, ownLa: 0 };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const t = flows[i * n + j];
      const kind = problem.destinations[j].kind;
      if (kind === 'outside') s.outsideWales += t;
      else if (kind === 'wales') {
        s.placedInWales += t;
        s.walesKm += t * problem.km[i * n + j];
        if (problem.own[i * n + j]) s.ownLa += t;
      }
    }
  }
  return s;
}

/** What the matching hands the choice: the scenario's settings and, per type, the year's parameters. */
export interface ChoiceRules {
  ownLaFirst: boolean;
  /** ρ: the pull lost per sector rank (`la` 0, `nfp` 1, `fp` 2). */
  sectorPreference: number;
  params: Record<MarketType, ChoiceParams>;
  /** km from a placing LA to a host (OUTSIDE_WALES included), as the metrics measure it. */
  km(la: string, host: string): number;
  warn(message: string): void;
  /**
   * The run's stream `matching.rounding`: the draws of the unbiased rounding of each year's flows,
   * year by year and within a year type by type (docs/methodology.md, "Whole children").
   */
  rounding: RandomSource;
  /**
   * Each type's duals from its last problem in this projection: this year's problem, much like last
   * year's, converges from them in a fraction of the iterations. Held by the projection, never shared.
   */
  lastDuals?: Map<MarketType, Duals>;
  /**
   * Calibration only: sees each type's problem, which is then left unsolved (the calibration year's
   * end is never read; the fit solves the problem itself).
   */
  probe?: (problem: ChoiceProblem, continuing: ChoiceStatistics) => void;
}

export interface ChoicePlacing {
  seeking(la: string, type: MarketType): number;
  vacancyOf(p: ProviderPlaces): number;
  place(la: string, p: ProviderPlaces, n: number): void;
  placeOutside(la: string, n: number): void;
  /** The state's groups (read only by a probe). */
  groups(): Iterable<PlacementGroup>;
}

/** The type's problem from the LAs still seeking and the providers with vacancies (any order). */
export function buildChoiceProblem(
  type: MarketType,
  las: readonly string[],
  seekers: readonly number[],
  providers: readonly ProviderPlaces[],
  vacancyOf: (p: ProviderPlaces) => number,
  forProfitCap: number | null,
  outside: { allowed: boolean; cap: number | null },
  km: (la: string, host: string) => number,
): ChoiceProblem {
  const cells = new Map<string, ChoiceDestination>();
  for (const p of providers) {
    const v = vacancyOf(p);
    if (v <= 0) continue;
    // A for-profit cap of 0 bars the sector: no destination rather than one held at 0.
    if (p.sector === 'fp' && forProfitCap !== null && forProfitCap <= 0) continue;
    const key = `${p.host}|${p.sector}`;
    let d = cells.get(key);
    if (!d) {
      d = { kind: 'wales', host: p.host, sector: p.sector, capacity: 0, forProfit: p.sector === 'fp' && forProfitCap !== null, providers: [] };
      cells.set(key, d);
    }
    d.capacity += v;
    d.providers.push(p);
  }
  const destinations = [...cells.values()];
  for (const d of destinations) d.providers.sort((a, b) => compareCodes(a.providerId, b.providerId));
  if (outside.allowed && (outside.cap === null || outside.cap > 0)) {
    destinations.push({ kind: 'outside', host: 'OUTSIDE_WALES', sector: null, capacity: outside.cap ?? Infinity, forProfit: false, providers: [] });
  }
  destinations.push({ kind: 'unplaced', host: 'UNPLACED', sector: null, capacity: Infinity, forProfit: false, providers: [] });
  destinations.sort(byDestinationKey);
  const m = las.length;
  const n = destinations.length;
  const kmArr = new Float64Array(m * n);
  const own = new Uint8Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const d = destinations[j];
      if (d.kind === 'unplaced') continue;
      kmArr[i * n + j] = km(las[i], d.host);
      if (d.kind === 'wales' && d.host === las[i]) own[i * n + j] = 1;
    }
  }
  return { type, las: [...las], seekers: [...seekers], destinations, km: kmArr, own, forProfitCap: destinations.some((d) => d.forProfit) ? forProfitCap : null };
}

/** Tiers (c) to (e) of one market type by placement choice: solve, round, fill providers. */
export function chooseAndPlace(
  type: MarketType,
  las: readonly string[],
  providers: readonly ProviderPlaces[],
  forProfitCap: number | null,
  outsideCap: number | null,
  outsideAllowed: boolean,
  rules: ChoiceRules,
  placing: ChoicePlacing,
): void {
  const problem = buildChoiceProblem(
    type,
    las,
    las.map((la) => placing.seeking(la, type)),
    providers,
    placing.vacancyOf,
    forProfitCap,
    { allowed: outsideAllowed, cap: outsideCap },
    rules.km,
  );
  if (rules.probe) {
    // The calibration year wants the problem, not its answer: the year's end is never read.
    rules.probe(problem, groupStatistics(placing.groups(), type, rules.km));
    return;
  }
  const params = rules.params[type];
  let solved = solveChoice(problem, params, rules.sectorPreference, rules.lastDuals?.get(type));
  // Last year's duals are only a head start. Where a full destination's factor sits near e^−710 (a
  // pull as weak as outside Wales at α = −20, β = e), the scaling's first row sums from them fall
  // below the smallest double and the flows come back NaN; then the problem is solved from the
  // start, as the first year's is. (Rounded as they stand, NaN flows would place nobody: the LA's
  // children would all be left unplaced beside a vacancy.)
  if (!allFinite(solved.flows) && rules.lastDuals?.has(type)) solved = solveChoice(problem, params, rules.sectorPreference);
  rules.lastDuals?.set(type, solved.duals);
  if (!solved.converged) {
    rules.warn(`placement choice (${type}): the iterative scaling stopped at its cap of ${solved.iterations} iterations before every constraint was within 1e-9; the flows are rounded as they stand`);
  }
  const whole = roundChoice(problem, solved.flows, rules.rounding);
  const n = problem.destinations.length;
  problem.destinations.forEach((d, j) => {
    if (d.kind === 'unplaced') return;
    let slot = 0;
    problem.las.forEach((la, i) => {
      let k = whole[i * n + j];
      if (d.kind === 'outside') {
        placing.placeOutside(la, k);
        return;
      }
      while (k > 0) {
        const p = d.providers[slot];
        const take = Math.min(k, placing.vacancyOf(p));
        placing.place(la, p, take);
        k -= take;
        if (placing.vacancyOf(p) === 0) slot++;
      }
    });
  });
}

/** The statistics of one type's children in placement groups (the base state's, or those continuing), the dataset's LAs only. */
export function groupStatistics(groups: Iterable<PlacementGroup>, type: MarketType, km: (la: string, host: string) => number): ChoiceStatistics {
  const s: ChoiceStatistics = { outsideWales: 0, placedInWales: 0, walesKm: 0, ownLa: 0 };
  for (const g of groups) {
    // Other authorities' children (EXTERNAL) hold places but are in no LA's statistics.
    if (g.placementType !== type || g.children === 0 || g.laCode === EXTERNAL) continue;
    if (g.host === OUTSIDE_WALES) {
      s.outsideWales += g.children;
      continue;
    }
    s.placedInWales += g.children;
    s.walesKm += g.children * km(g.laCode, g.host);
    if (g.host === g.laCode) s.ownLa += g.children;
  }
  return s;
}
