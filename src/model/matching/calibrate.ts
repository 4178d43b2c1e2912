// Calibration of placement choice (SPEC 4.3): α_k, β_k ≥ 0 and γ_k chosen so that the base state is
// a steady state. From the problem of one calibration year (the base state, no supply event, need at
// base, the scenario's year-B turnover and usable places), the three parameters are set so that at
// the year's end, before rounding, (i) the type's children outside Wales, (ii) the mean distance of
// its children placed in Wales and (iii) its children placed in their own LA equal the base state's.
//
// The three equations are solved together: one-at-a-time bisections cycle, since each parameter
// moves all three statistics. A damped Gauss-Newton (Levenberg-Marquardt) step on the residuals,
// with the parameters as (α, log β, γ) and a finite-difference Jacobian, from a start bracketed by a
// coarse search over β. Least squares rather than a plain Newton step, so that where a target cannot
// be met (capacity and not α sets the outside flow; nobody outside at the base date) the fit ends at
// the nearest attainable values, and the caller warns.
import { SOLVER_LIMITS, flowStatistics, solveChoice, type ChoiceParams, type Duals, type SolverLimits, type ChoiceProblem, type ChoiceStatistics } from './choice.js';
import type { MarketType } from '../types.js';

export interface CalibrationTarget {
  problem: ChoiceProblem;
  /** Statistics of the children continuing (and placed in tiers (a) and (b)) before the choice. */
  continuing: ChoiceStatistics;
  /** The base state's statistics. */
  base: ChoiceStatistics;
}

export interface FittedType {
  params: ChoiceParams;
  /** The three statistics reached: outside Wales, mean km in Wales, own LA. */
  reached: { outsideWales: number; meanKm: number; ownLa: number };
  target: { outsideWales: number; meanKm: number; ownLa: number };
  iterations: number;
  /** Warnings naming the type and each target not met. */
  warnings: string[];
}

/**
 * α and γ are kept within ±20: e^20 (five hundred million) is as strong a pull or push as any count
 * of children can show, and beyond it a target the capacities put out of reach would drive them
 * without end (and the scaling converges slowly where a pull is extreme).
 */
const PULL_LIMIT = 20;
/** α when nobody goes outside Wales: the least pull. */
const ALPHA_NONE = -PULL_LIMIT;
/** Relative error within which a target counts as met. */
const MET = 1e-4;
const MAX_STEPS = 60;
/** log β is kept within these bounds: β from e^-14 (no decay) to e^1 per km (the nearest place only). */
const LOG_BETA_MIN = -14;
const LOG_BETA_MAX = 1;
/** The start's grid of log β: β from e^-7 (0.0009 per km: a place's pull halves over 760 km) up. */
const LOG_BETA_GRID_MIN = -7;
const BISECTIONS = 8;

interface Stats {
  outsideWales: number;
  meanKm: number;
  ownLa: number;
}

function yearEnd(t: CalibrationTarget, params: ChoiceParams, rho: number, memory?: { duals?: Duals }, limits: SolverLimits = SOLVER_LIMITS): Stats {
  const solved = solveChoice(t.problem, params, rho, memory?.duals, limits);
  if (memory) memory.duals = solved.duals;
  const flows = solved.flows;
  const f = flowStatistics(t.problem, flows);
  const c = t.continuing;
  const inWales = c.placedInWales + f.placedInWales;
  return {
    outsideWales: c.outsideWales + f.outsideWales,
    meanKm: inWales > 0 ? (c.walesKm + f.walesKm) / inWales : 0,
    ownLa: c.ownLa + f.ownLa,
  };
}

/**
 * Fits α, β, γ of one type. `start` gives hand-set values for what cannot be fitted (and the start).
 */
export function fitType(type: MarketType, t: CalibrationTarget, rho: number, start: ChoiceParams): FittedType {
  const b = t.base;
  const target: Stats = { outsideWales: b.outsideWales, meanKm: b.placedInWales > 0 ? b.walesKm / b.placedInWales : 0, ownLa: b.ownLa };
  const warnings: string[] = [];
  const seekers = t.problem.seekers.reduce((s, n) => s + n, 0);
  const hasOutside = t.problem.destinations.some((d) => d.kind === 'outside');
  const hasOwn = t.problem.own.some((x) => x === 1);
  if (seekers === 0) {
    return { params: { ...start }, reached: yearEnd(t, start, rho), target, iterations: 0, warnings };
  }
  // What the fit moves: α only if children can go outside Wales and some were there at the base
  // date; γ only if some LA seeks where it has its own vacancies.
  const fitAlpha = hasOutside && target.outsideWales > 0;
  const fitGamma = hasOwn;
  if (hasOutside && target.outsideWales === 0) {
    warnings.push(`calibration (${type}): no ${type} child was outside Wales at the base date, so the outside pull is set to send none (α = ${ALPHA_NONE})`);
  }
  let x = [
    fitAlpha ? clamp(start.alpha, -PULL_LIMIT, PULL_LIMIT) : hasOutside ? ALPHA_NONE : start.alpha,
    clamp(Math.log(Math.max(start.beta, Math.exp(LOG_BETA_MIN))), LOG_BETA_MIN, LOG_BETA_MAX),
    clamp(start.gamma, -PULL_LIMIT, PULL_LIMIT),
  ];
  const toParams = (v: readonly number[]): ChoiceParams => ({ alpha: v[0], beta: Math.exp(v[1]), gamma: v[2] });
  // Residuals on comparable scales: counts relative to the type's children, the distance relative to itself.
  const scale = Math.max(1, t.continuing.outsideWales + t.continuing.placedInWales + seekers);
  // Each solve starts from the last one's duals: the fit's steps are small.
  const memory: { duals?: Duals } = {};
  // The first search needs the statistics to a few digits, not to 1e-9.
  let limits: SolverLimits = { ...SOLVER_LIMITS, tolerance: 1e-6 };
  const residual = (v: readonly number[]): number[] => {
    const s = yearEnd(t, toParams(v), rho, memory, limits);
    return [
      fitAlpha ? (s.outsideWales - target.outsideWales) / scale : 0,
      target.meanKm > 0 ? (s.meanKm - target.meanKm) / target.meanKm : 0,
      fitGamma ? (s.ownLa - target.ownLa) / scale : 0,
    ];
  };
  const norm = (r: readonly number[]): number => r.reduce((s, e) => s + e * e, 0);
  const free = [fitAlpha, target.meanKm > 0, fitGamma];

  // A bracketing start: for each log β on a coarse grid, α and then γ found on [−20, 20] so that
  // the outside-Wales and own-LA counts hold (each is monotone in its own parameter); the grid point
  // whose residuals are least is where the joint steps start. Started anywhere else, the steps can
  // stall where a pull is at its limit and the other two fight over the distance.
  const bisect = (v: number[], k: 0 | 2): void => {
    // Regula falsi (Illinois) on [−20, 20]: the residual rises with the parameter.
    let lo = -PULL_LIMIT;
    let hi = PULL_LIMIT;
    v[k] = lo;
    let flo = residual(v)[k];
    v[k] = hi;
    let fhi = residual(v)[k];
    if (flo >= 0) return void (v[k] = lo);
    if (fhi <= 0) return void (v[k] = hi);
    let side = 0;
    for (let step = 0; step < BISECTIONS; step++) {
      const mid = (lo * fhi - hi * flo) / (fhi - flo);
      v[k] = mid;
      const e = residual(v)[k];
      if (Math.abs(e) < 1e-6) return;
      if (e > 0) {
        hi = mid;
        fhi = e;
        if (side === 1) flo /= 2;
        side = 1;
      } else {
        lo = mid;
        flo = e;
        if (side === -1) fhi /= 2;
        side = -1;
      }
    }
  };
  let r = residual(x);
  for (let lb = LOG_BETA_GRID_MIN; lb <= LOG_BETA_MAX; lb += 1) {
    const y = [x[0], lb, x[2]];
    if (fitAlpha) bisect(y, 0);
    if (fitGamma) bisect(y, 2);
    const ry = residual(y);
    if (norm(ry) < norm(r)) {
      x = y;
      r = ry;
    }
  }
  limits = SOLVER_LIMITS;
  r = residual(x);
  let lambda = 1e-3;
  let iterations = 0;
  for (; iterations < MAX_STEPS; iterations++) {
    if (r.every((e, i) => !free[i] || Math.abs(e) < MET * 1e-2)) break;
    // Jacobian by forward differences.
    const J: number[][] = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (let k = 0; k < 3; k++) {
      if (!free[k]) continue;
      const h = 1e-5 * Math.max(1, Math.abs(x[k]));
      const y = [...x];
      y[k] += h;
      const ry = residual(y);
      for (let i = 0; i < 3; i++) J[i][k] = (ry[i] - r[i]) / h;
    }
    // (JᵀJ + λ diag(JᵀJ) + λI) δ = −Jᵀr, over the free parameters only.
    let improved = false;
    for (let tries = 0; tries < 30; tries++) {
      const A: number[][] = [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ];
      const g = [0, 0, 0];
      for (let a = 0; a < 3; a++) {
        for (let c = 0; c < 3; c++) for (let i = 0; i < 3; i++) A[a][c] += J[i][a] * J[i][c];
        for (let i = 0; i < 3; i++) g[a] -= J[i][a] * r[i];
      }
      for (let a = 0; a < 3; a++) {
        if (!free[a]) {
          A[a] = [0, 0, 0];
          A[a][a] = 1;
          g[a] = 0;
          for (let c = 0; c < 3; c++) if (c !== a) A[c][a] = 0;
        } else A[a][a] += lambda * A[a][a] + lambda * 1e-6;
      }
      const d = solve3(A, g);
      const y = [clamp(x[0] + d[0], -PULL_LIMIT, PULL_LIMIT), clamp(x[1] + d[1], LOG_BETA_MIN, LOG_BETA_MAX), clamp(x[2] + d[2], -PULL_LIMIT, PULL_LIMIT)];
      const ry = residual(y);
      if (norm(ry) < norm(r)) {
        x = y;
        r = ry;
        lambda = Math.max(1e-9, lambda / 4);
        improved = true;
        break;
      }
      lambda *= 8;
    }
    if (!improved) break;
  }
  const params = toParams(x);
  const reached = yearEnd(t, params, rho);
  const off = (a: number, b: number): boolean => Math.abs(a - b) > MET * Math.max(1, Math.abs(b));
  if (fitAlpha && off(reached.outsideWales, target.outsideWales)) {
    warnings.push(
      `calibration (${type}): the target of ${round2(target.outsideWales)} children outside Wales cannot be met (capacity, not the outside pull, sets that flow); nearest: ${round2(reached.outsideWales)}`,
    );
  }
  if (target.meanKm > 0 && off(reached.meanKm, target.meanKm)) {
    warnings.push(`calibration (${type}): the target mean distance in Wales of ${round2(target.meanKm)} km cannot be met; nearest: ${round2(reached.meanKm)} km`);
  }
  if (fitGamma && off(reached.ownLa, target.ownLa)) {
    warnings.push(`calibration (${type}): the target of ${round2(target.ownLa)} children placed in their own LA cannot be met; nearest: ${round2(reached.ownLa)}`);
  }
  return { params, reached, target, iterations, warnings };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Solves a 3 × 3 system by Gaussian elimination with partial pivoting (0 where singular). */
function solve3(A: number[][], b: number[]): number[] {
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let i = c + 1; i < 3; i++) if (Math.abs(M[i][c]) > Math.abs(M[p][c])) p = i;
    [M[c], M[p]] = [M[p], M[c]];
    if (Math.abs(M[c][c]) < 1e-300) continue;
    for (let i = 0; i < 3; i++) {
      if (i === c) continue;
      const f = M[i][c] / M[c][c];
      for (let k = c; k < 4; k++) M[i][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => (Math.abs(row[i]) < 1e-300 ? 0 : row[3] / row[i]));
}
