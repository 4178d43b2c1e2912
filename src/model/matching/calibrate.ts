// Calibration of placement choice (docs/model.md §4.3): α_k, β_k ≥ 0 and γ_k chosen so that the base state is
// a steady state. From the problem of one calibration year (the base state, no supply event, need at
// base, the scenario's year-B turnover and usable places), the three parameters are set so that at
// the year's end, before rounding, (i) the type's children outside Wales, (ii) the mean distance of
// its children placed in Wales and (iii) its children placed in their own LA equal the base state's.
//
// The three equations are solved together, in two nested parts. For a given β, α and γ are simply
// more dual variables of the gravity model (dual.ts): α scales the outside-Wales cells and holds
// their flow to target (i), γ the own-LA cells for target (iii), each within ±20, so one convex
// minimisation by Newton's method gives both at once, exactly, with the destinations' factors. Only
// β is left: the mean distance falls as β rises, so (ii) is a root in log β, bracketed and then
// found by regula falsi, each step warm-started from the last. Where a target cannot be met
// (capacity and not α sets the outside flow; nobody outside at the base date) its pull ends at its
// bound, the other targets are still met, and the caller warns.
import { LEAST_REAL_LOG_K, SOLVER_LIMITS, capacityDual, destinationKey, flowStatistics, logKernel, solveChoice, type ChoiceParams, type Duals, type ChoiceStatistics, type ChoiceProblem } from './choice.js';
import { solveDual, type DualVariable } from './dual.js';
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
  /** Warnings naming the type and each target missed by enough to matter. */
  warnings: string[];
  /** Targets missed by less than that (a child or two, under 1%): for the provenance, not the terminal. */
  notes: string[];
}

/**
 * α and γ are kept within ±20: e^20 (five hundred million) is as strong a pull or push as any count
 * of children can show, and beyond it a target the capacities put out of reach would drive them
 * without end.
 */
const PULL_LIMIT = 20;
/** α when nobody goes outside Wales: the least pull. */
const ALPHA_NONE = -PULL_LIMIT;
/** Relative error within which a target counts as met. */
const MET = 1e-4;
/**
 * A target missed by less than this share (or by half a child or less, for counts) is reported in the
 * provenance but not warned about on every run: docs/model.md §4.3's steady state allows 3%, and a miss of a
 * child or two that the base date's capacities impose is no news to the analyst running the tool.
 */
const MATERIAL = 0.01;
/** log β is kept within these bounds: β from e^-14 (no decay) to e^1 per km (the nearest place only). */
const LOG_BETA_MIN = -14;
const LOG_BETA_MAX = 1;
/** The mean distance is matched to this share of itself. */
const KM_TOLERANCE = 1e-10;
const MAX_EVALUATIONS = 60;
/** Share of a count target given up to choose the least pull where the count does not identify it. */
const TIE_BREAK = 1e-6;
/** Steps of the golden-section search where no β meets every target (the range shrinks 0.618 a step). */
const GOLDEN_STEPS = 40;

interface Stats {
  outsideWales: number;
  meanKm: number;
  ownLa: number;
}

function statsOf(t: CalibrationTarget, flows: Float64Array): Stats {
  const f = flowStatistics(t.problem, flows);
  const c = t.continuing;
  const inWales = c.placedInWales + f.placedInWales;
  return {
    outsideWales: c.outsideWales + f.outsideWales,
    meanKm: inWales > 0 ? (c.walesKm + f.walesKm) / inWales : 0,
    ownLa: c.ownLa + f.ownLa,
  };
}

function yearEnd(t: CalibrationTarget, params: ChoiceParams, rho: number, start?: Duals): Stats {
  return statsOf(t, solveChoice(t.problem, params, rho, start, SOLVER_LIMITS).flows);
}

/**
 * Fits α, β, γ of one type. `start` gives hand-set values for what cannot be fitted; `nation` names
 * the dataset's nation in the warnings (docs/model.md §3.1: Wales unless the data package says otherwise).
 */
export function fitType(type: MarketType, t: CalibrationTarget, rho: number, start: ChoiceParams, nation = 'Wales'): FittedType {
  const b = t.base;
  const target: Stats = { outsideWales: b.outsideWales, meanKm: b.placedInWales > 0 ? b.walesKm / b.placedInWales : 0, ownLa: b.ownLa };
  const warnings: string[] = [];
  const notes: string[] = [];
  const problem = t.problem;
  const seekers = problem.seekers.reduce((s, n) => s + n, 0);
  const hasOutside = problem.destinations.some((d) => d.kind === 'outside');
  const hasOwn = problem.own.some((x) => x === 1);
  if (seekers === 0) {
    return { params: { ...start }, reached: yearEnd(t, start, rho), target, iterations: 0, warnings, notes };
  }
  // What the fit moves: α only if children can go outside Wales and some were there at the base
  // date; γ only if some LA seeks where it has its own vacancies; β if anybody is placed in Wales.
  const fitAlpha = hasOutside && target.outsideWales > 0;
  const fitGamma = hasOwn;
  const fitBeta = target.meanKm > 0;
  if (hasOutside && target.outsideWales === 0) {
    warnings.push(`calibration (${type}): no ${type} child was outside ${nation} at the base date, so the outside pull is set to send none (α = ${ALPHA_NONE})`);
  }
  const fixed: ChoiceParams = { alpha: hasOutside && !fitAlpha ? ALPHA_NONE : start.alpha, beta: start.beta, gamma: start.gamma };
  const m = problem.las.length;
  const n = problem.destinations.length;
  // The destinations' variables, then α over the outside-Wales cells, γ over the own-LA cells.
  const capacity = capacityDual(problem);
  const variables: DualVariable[] = [...capacity.variables];
  const cellsWhere = (hit: (i: number, j: number) => boolean): Uint8Array => {
    const cells = new Uint8Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (hit(i, j)) cells[i * n + j] = 1;
    return cells;
  };
  const alphaAt = fitAlpha ? variables.length : -1;
  if (fitAlpha) {
    const cells = cellsWhere((_, j) => problem.destinations[j].kind === 'outside');
    // The target less a millionth: where capacity alone sets the outside flow, every α below a
    // threshold gives the same year and Φ is flat in α; the millionth tips the fit to the least pull
    // (−20), not to wherever the search stopped. Elsewhere it moves the flow by a millionth.
    variables.push({ destination: -1, cells, lo: -PULL_LIMIT, hi: PULL_LIMIT, target: target.outsideWales - t.continuing.outsideWales - TIE_BREAK * Math.max(1, target.outsideWales) });
  }
  const gammaAt = fitGamma ? variables.length : -1;
  // The same for γ: where every own place is taken whatever the pull above a threshold, the least γ that does it.
  if (fitGamma) {
    variables.push({ destination: -1, cells: problem.own.slice(), lo: -PULL_LIMIT, hi: PULL_LIMIT, target: target.ownLa - t.continuing.ownLa - TIE_BREAK * Math.max(1, target.ownLa) });
  }
  let y: Float64Array = new Float64Array(variables.length);
  if (fitAlpha) y[alphaAt] = clamp(start.alpha, -PULL_LIMIT, PULL_LIMIT);
  if (fitGamma) y[gammaAt] = clamp(start.gamma, -PULL_LIMIT, PULL_LIMIT);
  let evaluations = 0;
  let unconverged = false;
  /** α and γ fitted for this log β (warm from the last), and the year-end statistics they give. */
  const solvedAt: Array<{ logBeta: number; y: Float64Array }> = [];
  // The least α at a β: α − β·d_out(ℓ) never below the least real pull (e^100 times UNPLACED's) for
  // any LA, so that the fit never pushes outside Wales down into UNPLACED's range (an unbounded step
  // once sent 85 children there; docs/methodology.md, "Calibration").
  const outKm = problem.km.filter((_, k) => problem.destinations[k % n].kind === 'outside');
  const farthestOut = outKm.length > 0 ? Math.max(...outKm) : 0;
  const alphaFloor = (beta: number): number => Math.max(-PULL_LIMIT, LEAST_REAL_LOG_K + beta * farthestOut);
  const atLogBeta = (logBeta: number): { stats: Stats; y: Float64Array } => {
    evaluations++;
    const params = { alpha: fitAlpha ? 0 : fixed.alpha, beta: Math.exp(logBeta), gamma: fitGamma ? 0 : fixed.gamma };
    if (fitAlpha) {
      // The floor wins over α's own bound of ±20 where the two cross (an outside Wales thousands of km off).
      const lo = alphaFloor(params.beta);
      variables[alphaAt] = { ...variables[alphaAt], lo, hi: Math.max(PULL_LIMIT, lo) };
    }
    const logK = logKernel(problem, params, rho);
    // From the solution at the nearest β solved so far: the search's steps shrink, and a bracket's
    // far end is a poor start for a point near its other end.
    let from = y;
    let nearest = Infinity;
    for (const e of solvedAt) {
      if (Math.abs(e.logBeta - logBeta) < nearest) {
        nearest = Math.abs(e.logBeta - logBeta);
        from = e.y;
      }
    }
    const solved = solveDual({ ...capacity.problem(logK), variables }, from, SOLVER_LIMITS.newton, SOLVER_LIMITS.tolerance);
    if (solved === null || !solved.converged) unconverged = true;
    if (solved === null) return { stats: yearEnd(t, { ...params, alpha: fitAlpha ? from[alphaAt] : params.alpha, gamma: fitGamma ? from[gammaAt] : params.gamma }, rho), y: from };
    y = solved.y;
    solvedAt.push({ logBeta, y });
    return { stats: statsOf(t, solved.flows), y: solved.y };
  };
  const kmOff = (s: Stats): number => (s.meanKm - target.meanKm) / target.meanKm;
  // How far the counts are from their targets (relative to the type's children), beyond what the fit gives up on purpose.
  const scale = Math.max(1, t.continuing.outsideWales + t.continuing.placedInWales + seekers);
  const missOf = (st: Stats): number => {
    const out = fitAlpha ? Math.abs(st.outsideWales - target.outsideWales) / scale : 0;
    const own = fitGamma ? Math.abs(st.ownLa - target.ownLa) / scale : 0;
    const slack = 2 * TIE_BREAK * Math.max(1, target.outsideWales, target.ownLa);
    return Math.max(0, out - slack / scale) + Math.max(0, own - slack / scale);
  };
  const normOf = (st: Stats): number => {
    const out = fitAlpha ? (st.outsideWales - target.outsideWales) / scale : 0;
    const own = fitGamma ? (st.ownLa - target.ownLa) / scale : 0;
    return kmOff(st) ** 2 + out ** 2 + own ** 2;
  };
  const nearestLogBeta = (at: number, stats: Stats): number => {
    const phi = (Math.sqrt(5) - 1) / 2;
    let a = LOG_BETA_MIN;
    let d = LOG_BETA_MAX;
    let b = d - phi * (d - a);
    let c = a + phi * (d - a);
    let fb = normOf(atLogBeta(b).stats);
    let fc = normOf(atLogBeta(c).stats);
    let best = { x: at, f: normOf(stats) };
    for (let k = 0; k < GOLDEN_STEPS && evaluations < MAX_EVALUATIONS + GOLDEN_STEPS; k++) {
      if (fb < best.f) best = { x: b, f: fb };
      if (fc < best.f) best = { x: c, f: fc };
      if (fb <= fc) {
        d = c;
        c = b;
        fc = fb;
        b = d - phi * (d - a);
        fb = normOf(atLogBeta(b).stats);
      } else {
        a = b;
        b = c;
        fb = fc;
        c = a + phi * (d - a);
        fc = normOf(atLogBeta(c).stats);
      }
    }
    if (fb < best.f) best = { x: b, f: fb };
    if (fc < best.f) best = { x: c, f: fc };
    return best.x;
  };

  let logBeta = clamp(Math.log(Math.max(start.beta, Math.exp(LOG_BETA_MIN))), LOG_BETA_MIN, LOG_BETA_MAX);
  if (fitBeta) {
    // Start where a place's pull falls by e over the base state's mean distance, then bracket the
    // root by doubling steps: the mean distance falls as β rises.
    logBeta = clamp(-Math.log(target.meanKm), LOG_BETA_MIN, LOG_BETA_MAX);
    let r = kmOff(atLogBeta(logBeta).stats);
    let lo = logBeta;
    let hi = logBeta;
    let rLo = r;
    let rHi = r;
    let step = 0.5;
    while (Math.abs(r) > KM_TOLERANCE && Math.sign(rLo) === Math.sign(rHi) && evaluations < MAX_EVALUATIONS) {
      // Too far: raise β; too near: lower it.
      const next = clamp((r > 0 ? hi : lo) + (r > 0 ? step : -step), LOG_BETA_MIN, LOG_BETA_MAX);
      if (next === (r > 0 ? hi : lo)) break; // at a bound: the nearest attainable
      const rn = kmOff(atLogBeta(next).stats);
      if (r > 0) {
        lo = hi;
        rLo = rHi;
        hi = next;
        rHi = rn;
      } else {
        hi = lo;
        rHi = rLo;
        lo = next;
        rLo = rn;
      }
      logBeta = next;
      r = rn;
      step *= 2;
    }
    if (Math.abs(r) > KM_TOLERANCE && Math.sign(rLo) !== Math.sign(rHi)) {
      // Regula falsi (Illinois) on [lo, hi]: rLo > 0 > rHi.
      let side = 0;
      while (evaluations < MAX_EVALUATIONS && hi - lo > 1e-13) {
        const mid = (lo * rHi - hi * rLo) / (rHi - rLo);
        const e = kmOff(atLogBeta(mid).stats);
        logBeta = mid;
        r = e;
        if (Math.abs(e) <= KM_TOLERANCE) break;
        if (e > 0) {
          lo = mid;
          rLo = e;
          if (side === -1) rHi /= 2;
          side = -1;
        } else {
          hi = mid;
          rHi = e;
          if (side === 1) rLo /= 2;
          side = 1;
        }
      }
    }
    // The last evaluation is at logBeta, but y may be from a bracket end: solve there once more.
    const last = atLogBeta(logBeta).stats;
    // An outside count short with α at its greatest: a weaker decay makes the far outside nearer,
    // so another β may meet all three. (A count missed with its pull at the other bound is set by
    // capacity, Wales's places full, and no β changes it: the Wales data's case.)
    const outsideShort = fitAlpha && y[alphaAt] >= PULL_LIMIT && missOf(last) > 0 && last.outsideWales < target.outsideWales;
    if (Math.abs(kmOff(last)) > KM_TOLERANCE || outsideShort) {
      // No β meets the distance with α and γ within their bounds (a target at the very least
      // distance the places allow, say, or an outside pull at its limit): then the β, over its
      // whole range, whose three statistics are nearest the targets together, by golden section.
      logBeta = nearestLogBeta(logBeta, last);
      atLogBeta(logBeta);
    }
  } else {
    atLogBeta(logBeta);
  }
  const params: ChoiceParams = {
    alpha: fitAlpha ? Math.max(y[alphaAt], alphaFloor(Math.exp(logBeta))) : fixed.alpha,
    beta: fitBeta ? Math.exp(logBeta) : fixed.beta,
    gamma: fitGamma ? y[gammaAt] : fixed.gamma,
  };
  // The statistics the projection will see: the year's own solver, from the fit's duals.
  const duals: Duals = { destinations: new Map(), forProfit: 0 };
  capacity.of.forEach((j, k) => (j >= 0 ? duals.destinations.set(destinationKey(problem.destinations[j]), y[k]) : (duals.forProfit = y[k])));
  const reached = yearEnd(t, params, rho, duals);
  if (unconverged) warnings.push(`calibration (${type}): the solver did not reach its tolerance on every step of the fit; the values reached are used`);
  // A target missed: a warning if the miss matters, else a note for the provenance.
  const missed = (reachedValue: number, targetValue: number, count: boolean, text: string): void => {
    const miss = Math.abs(reachedValue - targetValue);
    if (miss <= MET * Math.max(1, Math.abs(targetValue))) return;
    const material = miss > MATERIAL * Math.abs(targetValue) && (!count || miss > 0.5);
    (material ? warnings : notes).push(`calibration (${type}): ${text}`);
  };
  if (fitAlpha) {
    missed(reached.outsideWales, target.outsideWales, true, `the target of ${round2(target.outsideWales)} children outside ${nation} cannot be met (capacity, not the outside pull, sets that flow); nearest: ${round2(reached.outsideWales)}`);
  }
  if (fitBeta) missed(reached.meanKm, target.meanKm, false, `the target mean distance in ${nation} of ${round2(target.meanKm)} km cannot be met; nearest: ${round2(reached.meanKm)} km`);
  if (fitGamma) missed(reached.ownLa, target.ownLa, true, `the target of ${round2(target.ownLa)} children placed in their own LA cannot be met; nearest: ${round2(reached.ownLa)}`);
  return { params, reached, target, iterations: evaluations, warnings, notes };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round2 = (x: number): number => Math.round(x * 100) / 100;
