// The search of placement choice's calibration (docs/model.md §4.3, calibrate.ts): for a given β, α and γ
// are more dual variables of the gravity model (dual.ts), fitted with the destinations' factors in
// one convex minimisation; β is left, a root in log β of the mean distance's miss, bracketed and
// then found by regula falsi, each step warm-started from the solution at the nearest β; where no
// β meets every target, the β whose three statistics are nearest the targets, by golden section.
import { capacityDual } from './capacity-dual.js';
import { solveDual, type DualVariable } from './dual.js';
import { LEAST_REAL_LOG_K, flowStatistics, logKernel, type ChoiceParams, type ChoiceProblem, type ChoiceStatistics } from './problem.js';
import { SOLVER_LIMITS, solveChoice, type Duals } from './scaling.js';

export interface CalibrationTarget {
  problem: ChoiceProblem;
  /** Statistics of the children continuing (and placed in tiers (a) and (b)) before the choice. */
  continuing: ChoiceStatistics;
  /** The base state's statistics. */
  base: ChoiceStatistics;
}

/**
 * α and γ are kept within ±20: e^20 (five hundred million) is as strong a pull or push as any count
 * of children can show, and beyond it a target the capacities put out of reach would drive them
 * without end.
 */
export const PULL_LIMIT = 20;

export interface Stats {
  outsideWales: number;
  meanKm: number;
  ownLa: number;
}

export function statsOf(t: CalibrationTarget, flows: Float64Array): Stats {
  const f = flowStatistics(t.problem, flows);
  const c = t.continuing;
  const inWales = c.placedInWales + f.placedInWales;
  return {
    outsideWales: c.outsideWales + f.outsideWales,
    meanKm: inWales > 0 ? (c.walesKm + f.walesKm) / inWales : 0,
    ownLa: c.ownLa + f.ownLa,
  };
}

export function yearEnd(t: CalibrationTarget, params: ChoiceParams, rho: number, start?: Duals): Stats {
  return statsOf(t, solveChoice(t.problem, params, rho, start, SOLVER_LIMITS).flows);
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** log β is kept within these bounds: β from e^-14 (no decay) to e^1 per km (the nearest place only). */
export const LOG_BETA_MIN = -14;
export const LOG_BETA_MAX = 1;
/** The mean distance is matched to this share of itself. */
const KM_TOLERANCE = 1e-10;
const MAX_EVALUATIONS = 60;
/** Share of a count target given up to choose the least pull where the count does not identify it. */
const TIE_BREAK = 1e-6;
/** Steps of the golden-section search where no β meets every target (the range shrinks 0.618 a step). */
const GOLDEN_STEPS = 40;

/** One type's fit in progress: the dual's variables, the last solution y, the solutions at each β tried. */
export class BetaSearch {
  /** α and γ fitted at the last β solved (warm from the one before), with the destinations' factors. */
  y: Float64Array;
  readonly alphaAt: number;
  readonly gammaAt: number;
  evaluations = 0;
  unconverged = false;
  private readonly variables: DualVariable[];
  private readonly capacity: ReturnType<typeof capacityDual>;
  private readonly solvedAt: Array<{ logBeta: number; y: Float64Array }> = [];
  private readonly farthestOut: number;
  /** The type's children: the counts' misses are shares of it. */
  private readonly scale: number;

  constructor(
    private readonly t: CalibrationTarget,
    private readonly rho: number,
    private readonly target: Stats,
    private readonly fit: { alpha: boolean; gamma: boolean },
    private readonly fixed: ChoiceParams,
    seekers: number,
    start: ChoiceParams,
  ) {
    const problem = t.problem;
    const m = problem.las.length;
    const n = problem.destinations.length;
    // The destinations' variables, then α over the outside-Wales cells, γ over the own-LA cells.
    this.capacity = capacityDual(problem);
    this.variables = [...this.capacity.variables];
    this.alphaAt = fit.alpha ? this.variables.length : -1;
    if (fit.alpha) {
      const cells = new Uint8Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (problem.destinations[j].kind === 'outside') cells[i * n + j] = 1;
      // The target less a millionth: where capacity alone sets the outside flow, every α below a
      // threshold gives the same year and Φ is flat in α; the millionth tips the fit to the least pull
      // (−20), not to wherever the search stopped. Elsewhere it moves the flow by a millionth.
      this.variables.push({ destination: -1, cells, lo: -PULL_LIMIT, hi: PULL_LIMIT, target: target.outsideWales - t.continuing.outsideWales - TIE_BREAK * Math.max(1, target.outsideWales) });
    }
    this.gammaAt = fit.gamma ? this.variables.length : -1;
    // The same for γ: where every own place is taken whatever the pull above a threshold, the least γ that does it.
    if (fit.gamma) {
      this.variables.push({ destination: -1, cells: problem.own.slice(), lo: -PULL_LIMIT, hi: PULL_LIMIT, target: target.ownLa - t.continuing.ownLa - TIE_BREAK * Math.max(1, target.ownLa) });
    }
    this.y = new Float64Array(this.variables.length);
    if (fit.alpha) this.y[this.alphaAt] = clamp(start.alpha, -PULL_LIMIT, PULL_LIMIT);
    if (fit.gamma) this.y[this.gammaAt] = clamp(start.gamma, -PULL_LIMIT, PULL_LIMIT);
    const outKm = problem.km.filter((_, k) => problem.destinations[k % n].kind === 'outside');
    this.farthestOut = outKm.length > 0 ? Math.max(...outKm) : 0;
    this.scale = Math.max(1, t.continuing.outsideWales + t.continuing.placedInWales + seekers);
  }

  /**
   * The least α at a β: α − β·d_out(ℓ) never below the least real pull (e^100 times UNPLACED's) for
   * any LA, so that the fit never pushes outside Wales down into UNPLACED's range (an unbounded step
   * once sent 85 children there; docs/methodology.md, "Calibration").
   */
  alphaFloor(beta: number): number {
    return Math.max(-PULL_LIMIT, LEAST_REAL_LOG_K + beta * this.farthestOut);
  }

  /** α and γ fitted for this log β (warm from the solution at the nearest β solved so far), and the year-end statistics they give. */
  at(logBeta: number): Stats {
    this.evaluations++;
    const { fit, fixed, variables, alphaAt, gammaAt } = this;
    const params = { alpha: fit.alpha ? 0 : fixed.alpha, beta: Math.exp(logBeta), gamma: fit.gamma ? 0 : fixed.gamma };
    if (fit.alpha) {
      // The floor wins over α's own bound of ±20 where the two cross (an outside Wales thousands of km off).
      const lo = this.alphaFloor(params.beta);
      variables[alphaAt] = { ...variables[alphaAt], lo, hi: Math.max(PULL_LIMIT, lo) };
    }
    const logK = logKernel(this.t.problem, params, this.rho);
    // From the solution at the nearest β solved so far: the search's steps shrink, and a bracket's
    // far end is a poor start for a point near its other end.
    let from = this.y;
    let nearest = Infinity;
    for (const e of this.solvedAt) {
      if (Math.abs(e.logBeta - logBeta) < nearest) {
        nearest = Math.abs(e.logBeta - logBeta);
        from = e.y;
      }
    }
    const solved = solveDual({ ...this.capacity.problem(logK), variables }, from, SOLVER_LIMITS.newton, SOLVER_LIMITS.tolerance);
    if (solved === null || !solved.converged) this.unconverged = true;
    if (solved === null) return yearEnd(this.t, { ...params, alpha: fit.alpha ? from[alphaAt] : params.alpha, gamma: fit.gamma ? from[gammaAt] : params.gamma }, this.rho);
    this.y = solved.y;
    this.solvedAt.push({ logBeta, y: solved.y });
    return statsOf(this.t, solved.flows);
  }

  /** The mean distance's miss, a share of its target: positive when the children sit too far. */
  private kmOff(s: Stats): number {
    return (s.meanKm - this.target.meanKm) / this.target.meanKm;
  }

  /** How far the counts are from their targets (relative to the type's children), beyond what the fit gives up on purpose. */
  private missOf(st: Stats): number {
    const { target, scale } = this;
    const out = this.fit.alpha ? Math.abs(st.outsideWales - target.outsideWales) / scale : 0;
    const own = this.fit.gamma ? Math.abs(st.ownLa - target.ownLa) / scale : 0;
    const slack = 2 * TIE_BREAK * Math.max(1, target.outsideWales, target.ownLa);
    return Math.max(0, out - slack / scale) + Math.max(0, own - slack / scale);
  }

  private normOf(st: Stats): number {
    const { target, scale } = this;
    const out = this.fit.alpha ? (st.outsideWales - target.outsideWales) / scale : 0;
    const own = this.fit.gamma ? (st.ownLa - target.ownLa) / scale : 0;
    return this.kmOff(st) ** 2 + out ** 2 + own ** 2;
  }

  /**
   * log β where the mean distance meets its target: start where a place's pull falls by e over the
   * base state's mean distance, bracket the root by doubling steps (the mean distance falls as β
   * rises), then regula falsi (Illinois). Where no β meets it with α and γ within their bounds, or
   * the outside count falls short with α at its greatest, the nearest β by golden section. Ends
   * with y solved at the log β returned.
   */
  solve(): number {
    let logBeta = clamp(-Math.log(this.target.meanKm), LOG_BETA_MIN, LOG_BETA_MAX);
    let r = this.kmOff(this.at(logBeta));
    let lo = logBeta;
    let hi = logBeta;
    let rLo = r;
    let rHi = r;
    let step = 0.5;
    while (Math.abs(r) > KM_TOLERANCE && Math.sign(rLo) === Math.sign(rHi) && this.evaluations < MAX_EVALUATIONS) {
      // Too far: raise β; too near: lower it.
      const next = clamp((r > 0 ? hi : lo) + (r > 0 ? step : -step), LOG_BETA_MIN, LOG_BETA_MAX);
      if (next === (r > 0 ? hi : lo)) break; // at a bound: the nearest attainable
      const rn = this.kmOff(this.at(next));
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
    if (Math.abs(r) > KM_TOLERANCE && Math.sign(rLo) !== Math.sign(rHi)) logBeta = this.falsePosition(lo, hi, rLo, rHi, logBeta);
    // The last evaluation is at logBeta, but y may be from a bracket end: solve there once more.
    const last = this.at(logBeta);
    // An outside count short with α at its greatest: a weaker decay makes the far outside nearer,
    // so another β may meet all three. (A count missed with its pull at the other bound is set by
    // capacity, Wales's places full, and no β changes it: the Wales data's case.)
    const outsideShort = this.fit.alpha && this.y[this.alphaAt] >= PULL_LIMIT && this.missOf(last) > 0 && last.outsideWales < this.target.outsideWales;
    if (Math.abs(this.kmOff(last)) > KM_TOLERANCE || outsideShort) {
      // No β meets the distance with α and γ within their bounds (a target at the very least
      // distance the places allow, say, or an outside pull at its limit): then the β, over its
      // whole range, whose three statistics are nearest the targets together, by golden section.
      logBeta = this.nearestLogBeta(logBeta, last);
      this.at(logBeta);
    }
    return logBeta;
  }

  /** Regula falsi (Illinois) on [lo, hi], rLo > 0 > rHi: the last log β tried (the root, to KM_TOLERANCE, or where the evaluations ran out). */
  private falsePosition(lo: number, hi: number, rLo: number, rHi: number, logBeta: number): number {
    let side = 0;
    let at = logBeta;
    while (this.evaluations < MAX_EVALUATIONS && hi - lo > 1e-13) {
      const mid = (lo * rHi - hi * rLo) / (rHi - rLo);
      const e = this.kmOff(this.at(mid));
      at = mid;
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
    return at;
  }

  /** The log β over its whole range whose statistics are nearest the targets together (golden section), or `at` if none is nearer than its own. */
  private nearestLogBeta(at: number, stats: Stats): number {
    const phi = (Math.sqrt(5) - 1) / 2;
    let a = LOG_BETA_MIN;
    let d = LOG_BETA_MAX;
    let b = d - phi * (d - a);
    let c = a + phi * (d - a);
    let fb = this.normOf(this.at(b));
    let fc = this.normOf(this.at(c));
    let best = { x: at, f: this.normOf(stats) };
    for (let k = 0; k < GOLDEN_STEPS && this.evaluations < MAX_EVALUATIONS + GOLDEN_STEPS; k++) {
      if (fb < best.f) best = { x: b, f: fb };
      if (fc < best.f) best = { x: c, f: fc };
      if (fb <= fc) {
        d = c;
        c = b;
        fc = fb;
        b = d - phi * (d - a);
        fb = this.normOf(this.at(b));
      } else {
        a = b;
        b = c;
        fb = fc;
        c = a + phi * (d - a);
        fc = this.normOf(this.at(c));
      }
    }
    if (fb < best.f) best = { x: b, f: fb };
    if (fc < best.f) best = { x: c, f: fc };
    return best.x;
  }

  /** The destinations' factors of y, for the projection's own solver to start from. */
  duals(): Duals {
    const problem = this.t.problem;
    const duals: Duals = { destinations: problem.destinations, values: new Float64Array(problem.destinations.length), forProfit: 0 };
    this.capacity.of.forEach((j, k) => (j >= 0 ? (duals.values[j] = this.y[k]) : (duals.forProfit = this.y[k])));
    return duals;
  }
}
