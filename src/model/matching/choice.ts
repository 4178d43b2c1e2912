// Placement choice (SPEC 4.3, `matching: { method: choice }`): where a child is placed is not the
// nearest free place but a choice spread over every allowed place, nearer places likelier. Per market
// type, one problem over all LAs: a doubly constrained gravity model with capacities (the
// entropy-maximising spatial-interaction model of transport planning),
//
//   T_ℓj = u_ℓ · v_j · K_ℓj,   K_ℓj = V_j · exp(−β d_ℓj − ρ rank(s) + γ [h = ℓ])  (a host h, sector s in Wales)
//                              K_ℓ,OUT = exp(α − β d_out(ℓ)),  K_ℓ,UNP = exp(−1000),
//
// u_ℓ making each LA's flows add up to its seekers S_ℓ, v_j ≤ 1 keeping each destination within its
// vacancies (one more shared factor over the for-profit destinations when `fp_new_placements_end`
// caps them). Solved by iterative scaling; then rounded to whole children by a small min-cost flow.
import { InternalError } from '../../errors.js';
import { compareCodes, floorEps } from '../rounding.js';
import { MinCostFlow, NodeHeap } from '../transport.js';
import { solveDual, type DualProblem, type DualVariable } from './dual.js';
import { EXTERNAL, OUTSIDE_WALES, type MarketType, type PlacementGroup, type ProviderPlaces, type Sector } from '../types.js';

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

export const SECTOR_RANK: Record<Sector, number> = { la: 0, nfp: 1, fp: 2 };
/** log K of the unplaced destination: there only when nothing else can take the child. */
const UNPLACED_LOG_K = -1000;
const FLOOR_ABOVE_UNPLACED = 100;
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

/** log K_ℓj at ℓ × destinations + j (SPEC 4.3), as the year's parameters give it. */
export function logKernel(problem: ChoiceProblem, params: ChoiceParams, rho: number): Float64Array {
  const { alpha, beta, gamma } = params;
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const logK = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const d = dests[j];
      const km = problem.km[i * n + j];
      let lk: number;
      if (d.kind === 'wales') lk = Math.log(d.capacity) - beta * km - rho * SECTOR_RANK[d.sector!] + (problem.own[i * n + j] ? gamma : 0);
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

/**
 * Whole children: each cell the floor or the ceiling of its flow, each LA's total exactly its
 * seekers, each destination (and the for-profit group) within its capacity, the cells rounded up
 * chosen to maximise the sum of their fractional parts, once as few children as can be are rounded
 * into UNPLACED (so that rounding never leaves a child unplaced beside a vacancy) and every
 * destination takes the floor or the ceiling of its flow (as every LA does: such a rounding always
 * exists). Without the last, the cells with the largest fractions (an LA's own and nearest places)
 * took the rounding up and the places far off went short: the whole children's mean distance fell
 * some 13% below the flows' for residential care in Wales, and full places were left empty while
 * children went outside Wales. A min-cost flow:
 * a unit sent through cell (ℓ, j) rounds it up at cost 1 − its fractional part; nodes in key order
 * settle ties. A cell whose flow is within 1e-9 of a whole number is that number.
 * Solved first by repairing each LA's own best rounding (roundByRepair: a few shortest paths where
 * the floors needed one per child), whose answer is the network's wherever the optimum is unique;
 * where another rounding ties with it, the network from the floors settles the tie as it always has.
 */
export function roundChoice(problem: ChoiceProblem, flows: Float64Array): Int32Array {
  const start = floorsOf(problem, flows);
  if (start.need.reduce((t, r) => t + r, 0) === 0) return start.floors;
  return roundByRepair(problem, start) ?? roundOnNetworks(problem, start);
}

/**
 * The faster way alone: the rounding when it is sure to be the network's, else null (a tie, or a
 * child to spill into UNPLACED). What roundChoice tries first; exported for its test.
 */
export function roundChoiceByRepair(problem: ChoiceProblem, flows: Float64Array): Int32Array | null {
  const start = floorsOf(problem, flows);
  if (start.need.reduce((t, r) => t + r, 0) === 0) return start.floors;
  return roundByRepair(problem, start);
}

/**
 * The same rounding by the min-cost flow alone (one unit per augmentation from the floors): the
 * definition the faster roundChoice is checked against, and what it falls back on when a child
 * would have to be rounded into UNPLACED beyond the flows or the network cannot be repaired.
 */
export function roundChoiceOnNetwork(problem: ChoiceProblem, flows: Float64Array): Int32Array {
  const start = floorsOf(problem, flows);
  if (start.need.reduce((t, r) => t + r, 0) === 0) return start.floors;
  return roundOnNetworks(problem, start);
}

/**
 * Each cell's floor, its fractional part (0 within 1e-9 of a whole number), each LA's children left
 * to round; each destination's room left above its floors (`cap`, UNLIMITED if none), and how much of
 * it takes the destination no further than the floor of its flow (`free`); the for-profit group's room.
 */
interface Floors {
  floors: Int32Array;
  frac: Float64Array;
  need: Int32Array;
  cap: Float64Array;
  free: Float64Array;
  fpCap: number;
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

function floorsOf(problem: ChoiceProblem, flows: Float64Array): Floors {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const floors = new Int32Array(m * n);
  const frac = new Float64Array(m * n);
  const need = new Int32Array(m);
  const room = new Float64Array(n);
  const cap = new Float64Array(n);
  const free = new Float64Array(n);
  let fpRoom = problem.forProfitCap ?? Infinity;
  if (m === 0 || n === 0) return { floors, frac, need, cap, free, fpCap: 0 };
  // A NaN flow has no floor or ceiling: rounded, it silently dropped the LA's children.
  if (!allFinite(flows)) throw new InternalError(`placement choice (${problem.type}): the flows to round are not all finite numbers`);
  for (let j = 0; j < n; j++) room[j] = dests[j].capacity;
  for (let i = 0; i < m; i++) {
    let placed = 0;
    for (let j = 0; j < n; j++) {
      const t = Math.max(0, flows[i * n + j]);
      const f = floorEps(t);
      floors[i * n + j] = f;
      frac[i * n + j] = t - f > TOLERANCE ? t - f : 0;
      placed += f;
      room[j] -= f;
      if (dests[j].forProfit) fpRoom -= f;
    }
    need[i] = problem.seekers[i] - placed;
  }
  for (let j = 0; j < n; j++) {
    cap[j] = Number.isFinite(room[j]) ? Math.max(0, Math.round(room[j])) : UNLIMITED;
    let total = 0;
    let below = 0;
    for (let i = 0; i < m; i++) {
      total += Math.max(0, flows[i * n + j]);
      below += floors[i * n + j];
    }
    free[j] = Math.min(cap[j], Math.max(0, floorEps(total) - below));
  }
  return { floors, frac, need, cap, free, fpCap: Number.isFinite(fpRoom) ? Math.max(0, Math.round(fpRoom)) : UNLIMITED };
}

/** True when every flow is a finite number (NaN and ±Infinity are not). */
function allFinite(flows: Float64Array): boolean {
  for (let k = 0; k < flows.length; k++) if (!Number.isFinite(flows[k])) return false;
  return true;
}

function roundOnNetworks(problem: ChoiceProblem, s: Floors): Int32Array {
  const first = roundOnNetwork(problem, s, false);
  // Floating-point error can leave an LA with no cell to round up but UNPLACED while a destination
  // has room (all its fractions spent on full places): then any destination with room may take the
  // child, at a cost above every other rounding.
  return first.spilled ? roundOnNetwork(problem, s, true).out : first.out;
}

// The arc by which the repair's search reached a node: a cell rounded up (or back down), a spill
// into UNPLACED (or back), a destination's places up to the floor of its flow or beyond it (or
// back), the for-profit group's cap.
const CELL = 0;
const BACK_CELL = 1;
const SPILL = 2;
const BACK_SPILL = 3;
const FREE = 4;
const BACK_FREE = 5;
const EXTRA = 6;
const BACK_EXTRA = 7;
const GROUP = 8;
/** A reduced cost this near 0 counts as 0 (the potentials are sums of fractions). */
const ADMISSIBLE = 1e-12;

/**
 * The network's optimum without its hundred-odd one-child augmentations from the floors: first each
 * LA rounds up its need_ℓ cheapest cells (the largest fractional parts, ties to the lower
 * destination), which is optimal row by row, with potentials −(the dearest cell rounded up) at the
 * LAs and 0 elsewhere that keep every residual arc's reduced cost non-negative; a destination sent
 * more than the floor of its flow (or the for-profit group more than its cap) keeps the excess
 * where it is. Then successive shortest paths (Dijkstra on reduced costs, from every node with an
 * excess to the sink) move the excess on, each path an exchange of cells between LAs or a child
 * beyond a destination's floor; a few per problem where the floors needed a hundred. The same
 * network, costs and node order as roundOnNetwork, so the same optimum. Null (the caller solves the
 * network instead) where that would spill a child into UNPLACED beyond the flows.
 */
function roundByRepair(problem: ChoiceProblem, s: Floors): Int32Array | null {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const { frac, need, free, fpCap } = s;
  const unp = dests.findIndex((d) => d.kind === 'unplaced');
  const beyondFloor = m * n + 1;
  const spillCost = 4 * beyondFloor;
  // Nodes as in roundOnNetwork: LAs 1 … m, destinations m+1 … m+n, the for-profit group, the sink.
  const FP = 1 + m + n;
  const T = FP + 1;
  const N = T + 1;
  const pot = new Float64Array(N);
  const cost = new Float64Array(m * n);
  const used = new Uint8Array(m * n);
  const taken = new Float64Array(n);
  // Each LA's need_ℓ cheapest cells, kept in a short sorted list (ties to the lower destination).
  const best = new Int32Array(n);
  for (let i = 0; i < m; i++) {
    const want = need[i];
    if (want <= 0) continue;
    const row = i * n;
    let kept = 0;
    for (let j = 0; j < n; j++) {
      const f = frac[row + j];
      if (f <= 0) continue;
      const c = (j === unp ? 2 * beyondFloor : 0) + 1 - f;
      cost[row + j] = c;
      if (kept === want && c >= cost[row + best[kept - 1]]) continue;
      let at = kept === want ? kept - 1 : kept++;
      while (at > 0 && c < cost[row + best[at - 1]]) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = j;
    }
    if (kept < want) return null;
    for (let k = 0; k < want; k++) {
      used[row + best[k]] = 1;
      taken[best[k]]++;
    }
    pot[1 + i] = -cost[row + best[want - 1]];
  }
  const extra = new Float64Array(n);
  const onFree = new Float64Array(n);
  const onExtra = new Float64Array(n);
  const excess = new Float64Array(n);
  let fpIn = 0;
  for (let j = 0; j < n; j++) {
    const cap = s.cap[j];
    extra[j] = cap - free[j] > 0 ? (cap === UNLIMITED ? UNLIMITED : cap - free[j]) : 0;
    onFree[j] = Math.min(taken[j], free[j]);
    excess[j] = taken[j] - onFree[j];
    if (dests[j].forProfit) fpIn += onFree[j];
  }
  let onGroup = Math.min(fpIn, fpCap);
  let fpExcess = fpIn - onGroup;
  const spilled = new Float64Array(m);
  let left = fpExcess;
  for (let j = 0; j < n; j++) left += excess[j];
  const dist = new Float64Array(N);
  const done = new Uint8Array(N);
  const prev = new Int32Array(N);
  const via = new Uint8Array(N);
  const heap = new NodeHeap();
  const relax = (v: number, nd: number, u: number, kind: number): void => {
    // A settled node stays settled (see MinCostFlow.run: a reduced cost a hair below 0 must not move it).
    if (done[v] === 0 && nd < dist[v]) {
      dist[v] = nd;
      prev[v] = u;
      via[v] = kind;
      heap.push(nd, v);
    }
  };
  while (left > 0) {
    dist.fill(Infinity);
    done.fill(0);
    prev.fill(-1);
    heap.clear();
    for (let j = 0; j < n; j++) if (excess[j] > 0) (dist[1 + m + j] = 0), heap.push(0, 1 + m + j);
    if (fpExcess > 0) (dist[FP] = 0), heap.push(0, FP);
    for (;;) {
      if (heap.size === 0) return null;
      const d = heap.topDist();
      const u = heap.pop();
      if (done[u] === 1 || d > dist[u]) continue;
      done[u] = 1;
      if (u === T) break;
      const pu = pot[u];
      if (u <= m) {
        const i = u - 1;
        const row = i * n;
        for (let j = 0; j < n; j++) if (frac[row + j] > 0 && used[row + j] === 0) relax(1 + m + j, d + cost[row + j] + pu - pot[1 + m + j], u, CELL);
        if (unp >= 0 && spilled[i] < need[i]) relax(1 + m + unp, d + spillCost + pu - pot[1 + m + unp], u, SPILL);
      } else if (u < FP) {
        const j = u - 1 - m;
        for (let i = 0; i < m; i++) if (used[i * n + j] === 1) relax(1 + i, d - cost[i * n + j] + pu - pot[1 + i], u, BACK_CELL);
        if (j === unp) for (let i = 0; i < m; i++) if (spilled[i] > 0) relax(1 + i, d - spillCost + pu - pot[1 + i], u, BACK_SPILL);
        const to = dests[j].forProfit ? FP : T;
        if (onFree[j] < free[j]) relax(to, d + pu - pot[to], u, FREE);
        if (onExtra[j] < extra[j]) relax(to, d + beyondFloor + pu - pot[to], u, EXTRA);
      } else {
        if (onGroup < fpCap) relax(T, d + pu - pot[T], u, GROUP);
        for (let j = 0; j < n; j++) {
          if (!dests[j].forProfit) continue;
          if (onFree[j] > 0) relax(1 + m + j, d + pu - pot[1 + m + j], u, BACK_FREE);
          if (onExtra[j] > 0) relax(1 + m + j, d - beyondFloor + pu - pot[1 + m + j], u, BACK_EXTRA);
        }
      }
    }
    const reach = dist[T];
    for (let v = 1; v < N; v++) pot[v] += done[v] ? dist[v] : reach;
    // The path back from the sink, and how much it can carry.
    let push = Infinity;
    let v = T;
    let steps = 0;
    while (prev[v] !== -1) {
      if (++steps > N) return null;
      push = Math.min(push, residualInto(v));
      v = prev[v];
    }
    const source = v;
    push = Math.min(push, source === FP ? fpExcess : excess[source - 1 - m]);
    if (!(push > 0)) return null;
    for (v = T; prev[v] !== -1; v = prev[v]) carry(v, push);
    if (source === FP) fpExcess -= push;
    else excess[source - 1 - m] -= push;
    left -= push;
    // Under the new potentials every arc of reduced cost 0 lies on a shortest path: an excess that
    // can go straight on at reduced cost 0 (as every child bound beyond a floor can, once one of them
    // has set the potentials) goes now, without a search of its own.
    for (let j = 0; j < n && left > 0; j++) {
      if (excess[j] <= 0) continue;
      const u = 1 + m + j;
      const to = dests[j].forProfit ? FP : T;
      const through = to === T || (onGroup < fpCap && pot[FP] - pot[T] <= ADMISSIBLE);
      if (!through) continue;
      const upToFloor = onFree[j] < free[j] && pot[u] - pot[to] <= ADMISSIBLE;
      const beyond = !upToFloor && onExtra[j] < extra[j] && beyondFloor + pot[u] - pot[to] <= ADMISSIBLE;
      if (!upToFloor && !beyond) continue;
      let amount = Math.min(excess[j], upToFloor ? free[j] - onFree[j] : extra[j] - onExtra[j]);
      if (to === FP) amount = Math.min(amount, fpCap - onGroup);
      if (amount <= 0) continue;
      if (upToFloor) onFree[j] += amount;
      else onExtra[j] += amount;
      if (to === FP) onGroup += amount;
      excess[j] -= amount;
      left -= amount;
    }
  }
  for (let i = 0; i < m; i++) if (spilled[i] > 0) return null;
  // Only a unique optimum is sure to be the network's own: where another rounding costs within 1e-7
  // of this one (a tie, or as near as floating point can tell), the network settles it, in key order.
  if (!unique()) return null;
  const out = s.floors.slice();
  for (let k = 0; k < m * n; k++) out[k] += used[k];
  return out;

  /**
   * Whether no other rounding costs as little (within 1e-7). Another optimum differs from this one by
   * cycles of residual arcs of reduced cost 0 under the final potentials; arcs with room both ways
   * (a destination's places partly used) have reduced cost 0 and join their ends into one node,
   * and any cycle left among the other arcs of reduced cost below 1e-7 is another optimum.
   */
  function unique(): boolean {
    const tight = 1e-7;
    const parent = new Int32Array(N);
    for (let v = 0; v < N; v++) parent[v] = v;
    const root = (v: number): number => {
      while (parent[v] !== v) v = parent[v] = parent[parent[v]];
      return v;
    };
    const join = (a: number, b: number, rc: number): boolean => {
      if (Math.abs(rc) >= tight) return false;
      parent[root(a)] = root(b);
      return true;
    };
    const arcs: number[] = [];
    const arc = (a: number, b: number, rc: number): void => {
      if (rc < tight) arcs.push(a, b);
    };
    // A destination's places up to its floor, beyond it, and the for-profit group's cap.
    const twoWay = (a: number, b: number, flow: number, cap: number, c: number): boolean => {
      const rc = c + pot[a] - pot[b];
      if (flow > 0 && flow < cap) return join(a, b, rc);
      if (flow < cap) arc(a, b, rc);
      if (flow > 0) arc(b, a, -rc);
      return true;
    };
    for (let j = 0; j < n; j++) {
      const to = dests[j].forProfit ? FP : T;
      if (!twoWay(1 + m + j, to, onFree[j], free[j], 0) || !twoWay(1 + m + j, to, onExtra[j], extra[j], beyondFloor)) return false;
    }
    if (!twoWay(FP, T, onGroup, fpCap, 0)) return false;
    for (let i = 0; i < m; i++) {
      if (need[i] <= 0) continue;
      for (let j = 0; j < n; j++) {
        const k = i * n + j;
        if (frac[k] <= 0) continue;
        const rc = cost[k] + pot[1 + i] - pot[1 + m + j];
        if (used[k]) arc(1 + m + j, 1 + i, -rc);
        else arc(1 + i, 1 + m + j, rc);
      }
      if (unp >= 0) arc(1 + i, 1 + m + unp, spillCost + pot[1 + i] - pot[1 + m + unp]);
    }
    // A cycle among the joined nodes: depth-first, grey while on the path.
    const out: number[][] = Array.from({ length: N }, () => []);
    for (let k = 0; k < arcs.length; k += 2) {
      const a = root(arcs[k]);
      const b = root(arcs[k + 1]);
      if (a === b) return false;
      out[a].push(b);
    }
    const colour = new Uint8Array(N);
    const stack: number[] = [];
    const at: number[] = [];
    for (let s0 = 0; s0 < N; s0++) {
      if (colour[s0] !== 0 || out[s0].length === 0) continue;
      stack.push(s0);
      at.push(0);
      colour[s0] = 1;
      while (stack.length > 0) {
        const u = stack[stack.length - 1];
        const k = at[at.length - 1];
        if (k < out[u].length) {
          at[at.length - 1]++;
          const w = out[u][k];
          if (colour[w] === 1) return false;
          if (colour[w] === 0) {
            colour[w] = 1;
            stack.push(w);
            at.push(0);
          }
        } else {
          colour[u] = 2;
          stack.pop();
          at.pop();
        }
      }
    }
    return true;
  }

  /** What the arc by which the search reached v can still carry. */
  function residualInto(v: number): number {
    const u = prev[v];
    switch (via[v]) {
      case CELL:
      case BACK_CELL:
        return 1;
      case SPILL:
        return need[u - 1] - spilled[u - 1];
      case BACK_SPILL:
        return spilled[v - 1];
      case FREE:
        return free[u - 1 - m] - onFree[u - 1 - m];
      case EXTRA:
        return extra[u - 1 - m] - onExtra[u - 1 - m];
      case BACK_FREE:
        return onFree[v - 1 - m];
      case BACK_EXTRA:
        return onExtra[v - 1 - m];
      default:
        return fpCap - onGroup;
    }
  }

  /** Sends `amount` along the arc by which the search reached v. */
  function carry(v: number, amount: number): void {
    const u = prev[v];
    switch (via[v]) {
      case CELL:
        used[(u - 1) * n + (v - 1 - m)] = 1;
        break;
      case BACK_CELL:
        used[(v - 1) * n + (u - 1 - m)] = 0;
        break;
      case SPILL:
        spilled[u - 1] += amount;
        break;
      case BACK_SPILL:
        spilled[v - 1] -= amount;
        break;
      case FREE:
        onFree[u - 1 - m] += amount;
        break;
      case EXTRA:
        onExtra[u - 1 - m] += amount;
        break;
      case BACK_FREE:
        onFree[v - 1 - m] -= amount;
        break;
      case BACK_EXTRA:
        onExtra[v - 1 - m] -= amount;
        break;
      default:
        onGroup += amount;
    }
  }
}

function roundOnNetwork(problem: ChoiceProblem, s: Floors, anyCell: boolean): { out: Int32Array; spilled: boolean } {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const { frac, need } = s;
  const out = s.floors.slice();
  // Nodes: source, origins 1 … m, destinations m+1 … m+n, the for-profit group, the sink.
  const source = 0;
  const fpNode = 1 + m + n;
  const sink = fpNode + 1;
  const net = new MinCostFlow(sink + 1, m + m * n + n + 2);
  for (let i = 0; i < m; i++) if (need[i] > 0) net.addArc(source, 1 + i, need[i], 0);
  const cellArc = new Int32Array(m * n).fill(-1);
  const unp = dests.findIndex((d) => d.kind === 'unplaced');
  // Rounding a child up into UNPLACED costs more than any rounding elsewhere can save, so that
  // nobody is left unplaced while a destination has room; among roundings that place as many, and
  // keep every destination at the floor or ceiling of its flow, the fractional parts decide.
  const beyondFloor = m * n + 1;
  const unplacedCost = 2 * beyondFloor;
  const fallback = new Int32Array(m * n).fill(-1);
  for (let i = 0; i < m; i++) {
    if (need[i] <= 0) continue;
    for (let j = 0; j < n; j++) {
      if (frac[i * n + j] > 0) cellArc[i * n + j] = net.addArc(1 + i, 1 + m + j, 1, (j === unp ? unplacedCost : 0) + 1 - frac[i * n + j]);
      if (anyCell && j !== unp) fallback[i * n + j] = net.addArc(1 + i, 1 + m + j, need[i], 3 * beyondFloor);
    }
  }
  // Only if floating-point error left no way to round: a child more unplaced than the flows say.
  const spill = new Int32Array(m).fill(-1);
  if (unp >= 0) for (let i = 0; i < m; i++) if (need[i] > 0) spill[i] = net.addArc(1 + i, 1 + m + unp, need[i], 4 * beyondFloor);
  for (let j = 0; j < n; j++) {
    // Up to the floor of the destination's flow at no cost, beyond it at a cost above any the cells
    // can save: each destination takes the floor or the ceiling of its flow, as each LA does.
    const to = dests[j].forProfit ? fpNode : sink;
    if (s.free[j] > 0) net.addArc(1 + m + j, to, s.free[j], 0);
    if (s.cap[j] - s.free[j] > 0) net.addArc(1 + m + j, to, s.cap[j] === UNLIMITED ? UNLIMITED : s.cap[j] - s.free[j], beyondFloor);
  }
  if (s.fpCap > 0) net.addArc(fpNode, sink, s.fpCap, 0);
  net.run(source, sink);
  let spilled = false;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const a = cellArc[i * n + j];
      if (a !== -1) out[i * n + j] += net.flowOn(a);
      if (fallback[i * n + j] !== -1) out[i * n + j] += net.flowOn(fallback[i * n + j]);
    }
    if (spill[i] !== -1 && net.flowOn(spill[i]) > 0) {
      out[i * n + unp] += net.flowOn(spill[i]);
      spilled = true;
    }
  }
  return { out, spilled };
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
  // start, as the first year's is. (Rounded as they stood, NaN flows placed nobody: the LA's
  // children were all left unplaced beside a vacancy.)
  if (!allFinite(solved.flows) && rules.lastDuals?.has(type)) solved = solveChoice(problem, params, rules.sectorPreference);
  rules.lastDuals?.set(type, solved.duals);
  if (!solved.converged) {
    rules.warn(`placement choice (${type}): the iterative scaling stopped at its cap of ${solved.iterations} iterations before every constraint was within 1e-9; the flows are rounded as they stand`);
  }
  const whole = roundChoice(problem, solved.flows);
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
