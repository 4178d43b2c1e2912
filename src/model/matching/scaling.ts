// Placement choice's solver (docs/model.md §4.3): the doubly constrained gravity model with capacities,
//
//   T_ℓj = u_ℓ · v_j · K_ℓj,
//
// u_ℓ making each LA's flows add up to its seekers S_ℓ, v_j ≤ 1 keeping each destination within its
// vacancies (one more shared factor over the for-profit destinations when `fp_new_placements_end`
// caps them), by iterative scaling, and by Newton's method on the same dual (dual.ts) where the
// scaling crawls. Exact arithmetic matters here: each flow decides whole children after the
// rounding, so every speed-up below keeps each floating-point operation and its order.
import { solveDual } from './dual.js';
import { capacityDual } from './capacity-dual.js';
import { logKernel, sameDestination, UNPLACED_LOG_K, type ChoiceDestination, type ChoiceParams, type ChoiceProblem } from './problem.js';
import { ScalingWorkspace } from './workspace.js';

const TOLERANCE = 1e-9;
/**
 * Iterative scaling converges slowly where destinations bind and the only slack is unattractive
 * (Wales full and outside Wales barred or capped: the scaling factors must drift to e^±1000, a
 * little per iteration). After this many scaling iterations the solve goes on by Newton's method on
 * the same dual, which takes that drift in a few steps; its steps are capped too.
 */
export const SOLVER_LIMITS: SolverLimits = { scaling: 300, newton: 200, tolerance: TOLERANCE };
/** Turns of Newton, then scaling again from where it stopped, after the first scaling has not converged. */
const SOLVER_ROUNDS = 3;

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
  /** The dual factors reached, to start a like problem from. */
  duals: Duals;
}

/**
 * The dual factors of a solve: log v_j of each destination (`values[j]` for `destinations[j]`, matched
 * to another problem's destinations by key, docs/model.md §4.3) and the shared for-profit factor's log.
 */
export interface Duals {
  destinations: readonly ChoiceDestination[];
  values: Float64Array;
  forProfit: number;
}

/** The factor log v held for a destination with this key (destinationKey), 0 when none is. */
export function dualOf(duals: Duals, key: { kind: string; host: string; sector: string | null }): number {
  const k = duals.destinations.findIndex((d) => d.kind === key.kind && d.host === key.host && d.sector === key.sector);
  return k < 0 ? 0 : duals.values[k];
}

/**
 * The fractional flows by iterative scaling. The scaling factors are kept as logarithms (u_ℓ runs
 * to e^1000 when only UNPLACED is left), the kernel in plain numbers relative to each row's largest
 * entry, so an iteration is multiplications, not exponentials: a row's flows are
 * x_ℓ · e^{E_j} · W_ℓj with E_j = log v_j − (the largest log v), W_ℓj = K_ℓj / max_j K_ℓj.
 * Each step is an exact block maximisation of the (concave) dual, so the iteration converges to the
 * one solution from any start; it stops when no constraint is off by more than 1e-9 of its size.
 * `start`: the duals of a like problem (last year's, of the same type), which it reaches sooner from.
 * `workspace`: buffers the caller holds for its solves (a projection's), so that a solve allocates
 * little more than its flows.
 */
export function solveChoice(
  problem: ChoiceProblem,
  params: ChoiceParams,
  rho: number,
  start?: Duals,
  limits: SolverLimits = SOLVER_LIMITS,
  workspace: ScalingWorkspace = new ScalingWorkspace(),
): FractionalFlows {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const ws = workspace.fit(m, n);
  const b = ws.b;
  if (start === undefined) b.fill(0, 0, n);
  let c = start === undefined ? 0 : startDuals(dests, start, b);
  const dualsOut = (): Duals => ({ destinations: dests, values: b.slice(0, n), forProfit: c });
  if (m === 0 || n === 0) return { flows: new Float64Array(m * n), iterations: 0, converged: true, duals: dualsOut() };
  const unp = dests.findIndex((d) => d.kind === 'unplaced');
  prepareKernel(problem, params, rho, unp, ws);
  const hasFpCap = problem.forProfitCap !== null && ws.fp.subarray(0, n).some((x) => x === 1);
  if (!hasFpCap) c = 0;
  const first = iterate(problem, unp, hasFpCap, c, limits, ws);
  let { iterations, converged } = first;
  c = first.c;
  // Newton takes the scaling's slow drift in a few steps. But where a capped destination and the
  // for-profit group both have to sink to UNPLACED's e^−1000, its joint steps can zigzag (the group's
  // factor swinging by 12 each step while outside Wales creeps by 0.2) and use up its steps; the
  // scaling, exact in one constraint at a time, then finishes from where Newton stopped in a few
  // iterations (14 in the case test/model/choice.test.ts works through). So the two take turns.
  const dual = !converged && limits.newton > 0 ? capacityDual(problem) : null;
  for (let round = 0; dual !== null && !converged && round < SOLVER_ROUNDS; round++) {
    const polished = solveDual(dual.problem(ws.logK.subarray(0, m * n)), dual.start(b, hasFpCap ? c : 0), limits.newton, limits.tolerance);
    if (polished === null) break;
    dual.of.forEach((j, k) => (j >= 0 ? (b[j] = polished.y[k]) : (c = polished.y[k])));
    iterations += polished.steps;
    if (polished.converged) return { flows: polished.flows, iterations, converged: true, duals: dualsOut() };
    const again = iterate(problem, unp, hasFpCap, c, limits, ws);
    iterations += again.iterations;
    converged = again.converged;
    c = again.c;
  }
  // The flows of the last row scaling (rows exact), with the E and x it used.
  const flows = new Float64Array(m * n);
  const { W, E, x, unpRow } = ws;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) flows[i * n + j] = j === unp ? x[i] * unpRow[i] : x[i] * E[j] * W[i * n + j];
  }
  // Flows that are not numbers are never called converged (iterate stops at a row that overflows).
  return { flows, iterations, converged: converged && allFinite(flows), duals: dualsOut() };
}

/**
 * b_j = min(0, the start's log v_j) for each destination with a key in `start` (else 0), matched by
 * walking both lists in key order (a destination new this year is looked for through the whole
 * list); returns the for-profit factor to start from.
 */
function startDuals(dests: readonly ChoiceDestination[], start: Duals, b: Float64Array): number {
  const from = start.destinations;
  let k = 0;
  for (let j = 0; j < dests.length; j++) {
    const d = dests[j];
    let at = k < from.length && sameDestination(from[k], d) ? k : -1;
    if (at < 0) at = from.findIndex((e) => sameDestination(e, d));
    b[j] = at < 0 ? 0 : Math.min(0, start.values[at]);
    if (at >= 0) k = at + 1;
  }
  return Number.isFinite(start.forProfit) ? Math.min(0, start.forProfit) : 0;
}

/**
 * log K, then W: each row relative to its largest real (not UNPLACED) entry; and each destination's
 * capacity, its log, whether it is capped and in the for-profit group (an uncapped one's b_j is 0).
 */
function prepareKernel(problem: ChoiceProblem, params: ChoiceParams, rho: number, unp: number, ws: ScalingWorkspace): void {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const { W, rowMax, cap, logCap, capped, fp, b, unpRow } = ws;
  const logK = logKernel(problem, params, rho, ws.logK);
  // Without UNPLACED a row's sum starts from 0.
  if (unp < 0) unpRow.fill(0, 0, m);
  for (let i = 0; i < m; i++) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) if (j !== unp && logK[i * n + j] > max) max = logK[i * n + j];
    rowMax[i] = max === -Infinity ? UNPLACED_LOG_K : max;
    for (let j = 0; j < n; j++) W[i * n + j] = j === unp ? 0 : Math.exp(logK[i * n + j] - rowMax[i]);
  }
  for (let j = 0; j < n; j++) {
    const d = dests[j];
    cap[j] = d.capacity;
    logCap[j] = Math.log(d.capacity);
    capped[j] = d.kind !== 'unplaced' && Number.isFinite(d.capacity) ? 1 : 0;
    fp[j] = d.forProfit ? 1 : 0;
    if (!capped[j]) b[j] = 0;
  }
}

/**
 * The scaling iterations: rows, then the test, then columns and the for-profit group, until every
 * constraint holds or the limit. Dual variables: b_j = log v_j ≤ 0, c ≤ 0 the shared for-profit
 * factor; B the largest b_j + c_j. Leaves in the workspace the E, x and unpRow of the last rows.
 */
function iterate(
  problem: ChoiceProblem,
  unp: number,
  hasFpCap: boolean,
  cStart: number,
  limits: SolverLimits,
  ws: ScalingWorkspace,
): { iterations: number; converged: boolean; c: number } {
  const m = problem.las.length;
  const n = problem.destinations.length;
  const tol = limits.tolerance;
  const fpCap = problem.forProfitCap ?? 0;
  const { b, E, G, cap, logCap, capped, fp, unpRow, rowMax, arg } = ws;
  let c = cStart;
  let iterations = 0;
  // exp() of an argument the last iteration already took is that iteration's value: a destination
  // below capacity keeps b_j = 0 (and B, c stay put) for many iterations.
  arg.fill(NaN, 0, n);
  let lastB = NaN;
  for (;;) {
    iterations++;
    let B = -Infinity;
    for (let j = 0; j < n; j++) if (j !== unp) B = Math.max(B, b[j] + (fp[j] ? c : 0));
    if (B === -Infinity) B = 0;
    for (let j = 0; j < n; j++) {
      if (j === unp) {
        E[j] = 0;
        continue;
      }
      const a = b[j] + (fp[j] ? c : 0) - B;
      if (a !== arg[j]) {
        arg[j] = a;
        E[j] = Math.exp(a);
      }
    }
    if (unp >= 0 && B !== lastB) for (let i = 0; i < m; i++) unpRow[i] = Math.exp(UNPLACED_LOG_K - B - rowMax[i]);
    lastB = B;
    // Rows: each LA's flows add up to its seekers. Then the column sums without the destination's
    // own factor: a destination's flow is e^{E_j} · G_j.
    scaleRows(m, n, unp === n - 1 ? n - 1 : n, problem.seekers, ws);
    // A row whose every term is below the smallest double, relative to its largest kernel entry (a
    // full home near the LA pushed to e^−710 while outside Wales is e^−708 behind it), gives x = ∞
    // and NaN flows, which no capacity test catches: not converged, and Newton, which shifts each
    // row by its largest term, takes over.
    if (!allFinite(ws.x, m)) return { iterations, converged: false, c };
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
    if (!off && hasFpCap && (fpFlow > fpCap * (1 + tol) || (c < 0 && fpFlow < fpCap * (1 - tol)))) off = true;
    if (!off) return { iterations, converged: true, c };
    if (iterations >= limits.scaling) return { iterations, converged: false, c };
    // Columns: each capped destination within its vacancies, given the rows. A destination outside
    // the for-profit group whose flow e^{-B}·G_j falls short of its vacancies by more than a part in
    // 10^9 has log v_j − log G_j + B above 1e-9 (its logs and sums err by under 1e-12 while
    // |B| < 690), so b_j is 0 without its logarithm: about two in three of the columns a run.
    const slack = B > -690 ? Math.exp(B) * (1 - 1e-9) : 0;
    for (let j = 0; j < n; j++) {
      if (!capped[j]) continue;
      if (!fp[j] && G[j] < cap[j] * slack) {
        b[j] = 0;
        continue;
      }
      const cj = fp[j] ? c : 0;
      b[j] = G[j] > 0 ? Math.min(0, logCap[j] - Math.log(G[j]) - cj + B) : 0;
    }
    // The for-profit group within its cap, given the rows and the destinations' own factors.
    // (The group's flow F with the new b_j and the old c; each term is within its destination's
    // vacancies, so nothing overflows however small c has become.)
    if (hasFpCap) {
      let F = 0;
      for (let j = 0; j < n; j++) if (fp[j]) F += Math.exp(b[j] + c - B) * G[j];
      c = fpCap <= 0 ? -Infinity : F > 0 ? Math.min(0, c + Math.log(fpCap) - Math.log(F)) : 0;
    }
  }
}

/**
 * One row scaling: x_ℓ = S_ℓ / (unpRow_ℓ + Σ_j E_j W_ℓj), then G_j = Σ_ℓ x_ℓ W_ℓj. Four rows at a
 * time, each row's sum and each column's sum still added in the order of a row at a time (j
 * ascending from unpRow_ℓ; ℓ ascending from 0), so the four sums' chains of dependent additions run
 * side by side. Columns from `nReal` on (UNPLACED, last, where W and E are 0) add nothing and are
 * left out: G_UNP is never read.
 */
function scaleRows(m: number, n: number, nReal: number, seekers: readonly number[], ws: ScalingWorkspace): void {
  const { W, E, G, x, unpRow } = ws;
  G.fill(0, 0, n);
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = unpRow[i];
    let s1 = unpRow[i + 1];
    let s2 = unpRow[i + 2];
    let s3 = unpRow[i + 3];
    for (let j = 0; j < nReal; j++) {
      const e = E[j];
      s0 += e * W[r0 + j];
      s1 += e * W[r1 + j];
      s2 += e * W[r2 + j];
      s3 += e * W[r3 + j];
    }
    const x0 = seekers[i] / s0;
    const x1 = seekers[i + 1] / s1;
    const x2 = seekers[i + 2] / s2;
    const x3 = seekers[i + 3] / s3;
    x[i] = x0;
    x[i + 1] = x1;
    x[i + 2] = x2;
    x[i + 3] = x3;
    for (let j = 0; j < nReal; j++) G[j] = G[j] + x0 * W[r0 + j] + x1 * W[r1 + j] + x2 * W[r2 + j] + x3 * W[r3 + j];
  }
  for (; i < m; i++) {
    const row = i * n;
    let r = unpRow[i];
    for (let j = 0; j < nReal; j++) r += E[j] * W[row + j];
    const xi = seekers[i] / r;
    x[i] = xi;
    for (let j = 0; j < nReal; j++) G[j] += xi * W[row + j];
  }
}

/** True when each of the first `count` values (all by default) is a finite number (NaN and ±Infinity are not). */
export function allFinite(values: Float64Array, count = values.length): boolean {
  for (let k = 0; k < count; k++) if (!Number.isFinite(values[k])) return false;
  return true;
}
