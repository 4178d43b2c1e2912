// The gravity model of placement choice (docs/model.md §4.3) as the minimum of a convex function, its dual,
// solved by projected Newton. Both the year's problem (when iterative scaling crawls) and the
// calibration (where the outside and own-LA pulls are more of the same variables) use it.
//
// For one market type: origins i (LAs) with seekers S_i, destinations j, log K_ij the kernel with
// every factor at 1. Each variable y_k scales a set of cells (one destination's column, or any set:
// the for-profit group, outside Wales, the own-LA cells) by e^{y_k} and holds the flows into its set
// to its target T_k:
//
//   Φ(y) = Σ_i S_i log Σ_j exp(log K_ij + Σ_k y_k [ij ∈ set k]) − Σ_k T_k y_k,   lo_k ≤ y_k ≤ hi_k.
//
// Φ's gradient in y_k is the flow into set k less T_k, so at the minimum each set's flow is its
// target where y_k lies inside its bounds, at most the target where y_k is at its upper bound (a
// destination below capacity: v_j = 1), at least where at its lower bound (a pull at its limit). The
// flows are T_ij = S_i · p_ij, p_i the row's choice probabilities at y.

import { solveLinear, solveSymmetric } from './linear.js';

export interface DualVariable {
  /** The destination whose column it scales, or −1 for the set of cells in `cells`. */
  destination: number;
  /** For a set: 1 at each cell (i × n + j) it scales. */
  cells?: Uint8Array;
  lo: number;
  hi: number;
  /** The flows into the set are held to this (capacity, for-profit cap, or a calibration target). */
  target: number;
}

export interface DualProblem {
  /** Origins and destinations. */
  m: number;
  n: number;
  seekers: readonly number[];
  /** log K at i × n + j, every variable at 0. */
  logK: Float64Array;
  variables: readonly DualVariable[];
}

export interface DualSolution {
  /** T_ij at i × n + j. */
  flows: Float64Array;
  y: Float64Array;
  steps: number;
  converged: boolean;
}

/**
 * A Newton step moves no variable by more than this: where Φ is nearly flat (the drift of a
 * destination's factor towards e^−1000 when only UNPLACED is left) the step is all but unbounded,
 * and a step this long is as far as one should trust it.
 */
const NEWTON_REACH = 50;

/**
 * Minimises Φ from `start` (clamped to the bounds) by projected Newton: a variable at a bound whose
 * gradient pushes it further out stays there; the others take the Newton step (a little
 * regularised), shortened until Φ falls. Stops when every constraint is within `tolerance` of its
 * target's size, or after `maxSteps`. Null when a step cannot be computed (a singular system).
 */
export function solveDual(problem: DualProblem, start: ArrayLike<number>, maxSteps: number, tolerance: number): DualSolution | null {
  const newton = new Newton(problem, start, tolerance);
  let steps = 0;
  let converged = newton.done();
  while (!converged && steps < maxSteps) {
    steps++;
    const free = newton.freeVariables();
    if (free.length === 0) break;
    const d = newton.direction(free);
    if (d === null) return null;
    if (!newton.lineSearch(free, d)) {
      converged = newton.settle();
      break;
    }
    converged = newton.done();
  }
  return { flows: newton.flows(), y: newton.y, steps, converged };
}

/**
 * The state of one minimisation: the variables y, Φ at y (f) and its gradient, and the buffers every
 * step reuses. Plain indexed loops over typed arrays throughout: a command runs this cold, and
 * before the optimising compiler steps in, a for-of loop over an array costs an iterator object a
 * step (the Hessian's inner loop runs some 80,000 times a Newton step); and each step's work is a
 * method of its own, which the compiler optimises apart, early.
 */
class Newton {
  readonly y: Float64Array;
  private readonly vars: readonly DualVariable[];
  private readonly shape: Shape;
  private readonly grad: Float64Array;
  private readonly flowOf: Float64Array;
  private readonly destOf: Int32Array;
  private f: number;
  /** The Hessian and its Cholesky factor, q × q at most (a step uses the free variables' corner). */
  private readonly H: Float64Array;
  private readonly L: Float64Array;
  private readonly sums: HessianSums;

  constructor(
    problem: DualProblem,
    start: ArrayLike<number>,
    private readonly tolerance: number,
  ) {
    const { m, n, logK, variables: vars } = problem;
    const q = vars.length;
    this.vars = vars;
    this.y = new Float64Array(q);
    // A start at −∞ (a group barred outright) begins at e^−1000 instead: as good as nothing, and finite.
    for (let k = 0; k < q; k++) this.y[k] = clamp(Number.isFinite(start[k]) ? start[k] : -1000, vars[k].lo, vars[k].hi);
    const sets = Int32Array.from(vars.flatMap((v, k) => (v.destination >= 0 ? [] : [k])));
    const dests = Int32Array.from(vars.flatMap((v, k) => (v.destination >= 0 ? [k] : [])));
    this.destOf = Int32Array.from(vars, (v) => v.destination);
    const target = Float64Array.from(vars, (v) => v.target);
    const setCells = Array.from(sets, (k) => vars[k].cells!);
    this.shape = { m, n, S: problem.seekers, logK, P: new Float64Array(m * n), col: new Float64Array(n), dests, destOf: this.destOf, sets, setCells, target };
    this.grad = new Float64Array(q);
    this.flowOf = new Float64Array(n);
    this.H = new Float64Array(q * q);
    this.L = new Float64Array(q * q);
    const qd = dests.length;
    this.sums = {
      before: new Float64Array(n),
      after: new Float64Array(n),
      setMass: new Float64Array(q),
      setOut: new Float64Array(q),
      pf: new Float64Array(q),
      PF: new Float64Array(m * qd),
      D: new Float64Array(qd * qd),
    };
    this.f = dualValue(this.shape, this.y);
    this.gradient();
  }

  /** Φ's gradient at the point dualValue last saw. */
  private gradient(): void {
    dualGradient(this.shape, this.flowOf, this.grad);
  }

  /** How far constraint k is from holding, relative to its size (0 when it holds). */
  private excess(k: number): number {
    const g = this.grad[k];
    const v = this.vars[k];
    const y = this.y[k];
    const e = y >= v.hi ? Math.max(0, g) : y <= v.lo ? Math.max(0, -g) : Math.abs(g);
    return e / Math.max(Math.abs(v.target), 1e-300);
  }

  done(): boolean {
    for (let k = 0; k < this.y.length; k++) if (this.excess(k) > this.tolerance) return false;
    return true;
  }

  private worst(): number {
    let w = 0;
    for (let k = 0; k < this.y.length; k++) w = Math.max(w, this.excess(k));
    return w;
  }

  /**
   * Free variables: not held at a bound by a gradient pushing them beyond it. Only they move, so
   * the Hessian is built and solved over them alone (most destinations of a roomy type are held
   * at v = 1; most of a full one are free).
   */
  freeVariables(): number[] {
    const free: number[] = [];
    for (let k = 0; k < this.y.length; k++) {
      const heldHigh = this.y[k] >= this.vars[k].hi && this.grad[k] <= 0;
      const heldLow = this.y[k] <= this.vars[k].lo && this.grad[k] >= 0;
      if (!heldHigh && !heldLow) free.push(k);
    }
    return free;
  }

  /** The Newton step over the free variables, or null where the system is singular. */
  direction(free: number[]): number[] | null {
    const nf = free.length;
    const { P, S, m, n } = this.shape;
    // Positions in the free list of the free destinations' variables and of the free sets', with
    // each one's destination (or cells).
    const destOf = this.destOf;
    const freeDests = Int32Array.from(free.flatMap((k, i) => (destOf[k] >= 0 ? [i] : [])));
    const freeSets = Int32Array.from(free.flatMap((k, i) => (destOf[k] >= 0 ? [] : [i])));
    const freeDestOf = Int32Array.from(freeDests, (i) => destOf[free[i]]);
    const freeSetCells = Array.from(freeSets, (i) => this.vars[free[i]].cells!);
    const H = this.H;
    H.fill(0, 0, nf * nf);
    hessian(H, P, S, m, n, nf, freeDests, freeDestOf, freeSets, freeSetCells, this.sums);
    let scale = 0;
    for (let i = 0; i < nf; i++) scale = Math.max(scale, H[i * nf + i]);
    for (let i = 0; i < nf; i++) H[i * nf + i] += 1e-10 * scale + 1e-300;
    const rhs = free.map((a) => -this.grad[a]);
    // Cholesky, or where rounding leaves the regularised Hessian short of positive definite (two
    // variables on the same cells), Gaussian elimination.
    return solveSymmetric(H, this.L, nf, rhs) ?? solveLinear(H, nf, rhs);
  }

  /**
   * Moves along d, halving the step until Φ falls enough (Armijo), or, near the optimum where Φ's
   * last digits are noise, stays level while the constraints come nearer to holding. False when no
   * step of 60 halvings does (y and the gradient are then as before).
   */
  lineSearch(free: number[], d: number[]): boolean {
    const { y, grad, vars } = this;
    const longest = d.reduce((x, v) => Math.max(x, Math.abs(v)), 0);
    let t = longest > NEWTON_REACH ? NEWTON_REACH / longest : 1;
    let moved = false;
    const trial = new Float64Array(y.length);
    const worstBefore = this.worst();
    let slope = 0;
    free.forEach((a, i) => (slope += grad[a] * d[i]));
    const saved = grad.slice();
    const yBefore = y.slice();
    const f = this.f;
    for (let tries = 0; tries < 60; tries++) {
      trial.set(yBefore);
      free.forEach((a, i) => (trial[a] = clamp(yBefore[a] + t * d[i], vars[a].lo, vars[a].hi)));
      const ft = dualValue(this.shape, trial);
      this.gradient();
      if (ft <= f + 1e-4 * t * Math.min(0, slope) && ft < f) moved = true;
      else if (Math.abs(ft - f) <= 1e-12 * Math.max(1, Math.abs(f))) {
        y.set(trial);
        moved = this.worst() < worstBefore;
        if (!moved) y.set(yBefore);
      }
      if (moved) {
        y.set(trial);
        this.f = ft;
        return true;
      }
      grad.set(saved);
      t /= 2;
    }
    return false;
  }

  /** Φ and its gradient at y again (after a line search that found no step); whether y is the answer. */
  settle(): boolean {
    dualValue(this.shape, this.y);
    this.gradient();
    return this.done();
  }

  /** T_ij = S_i p_ij at the last point Φ was taken at. */
  flows(): Float64Array {
    const { m, n, S, P } = this.shape;
    const flows = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) flows[i * n + j] = S[i] * P[i * n + j];
    return flows;
  }
}

/** What Φ and its gradient read: the problem's arrays and the solver's working ones. */
interface Shape {
  m: number;
  n: number;
  S: readonly number[];
  logK: Float64Array;
  /** The rows' choice probabilities, written by dualValue. */
  P: Float64Array;
  col: Float64Array;
  dests: Int32Array;
  destOf: Int32Array;
  sets: Int32Array;
  setCells: readonly Uint8Array[];
  target: Float64Array;
}

/** Φ at v (a function of its own, like the Hessian, so that a cold command optimises it early), leaving each row's choice probabilities in P. */
function dualValue(sh: Shape, v: Float64Array): number {
  const { m, n, S, logK, P, col, dests, destOf, sets, setCells, target } = sh;
  const nDests = dests.length;
  const nSets = sets.length;
  col.fill(0);
  for (let d = 0; d < nDests; d++) col[destOf[dests[d]]] = v[dests[d]];
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = i * n;
    let M = -Infinity;
    for (let j = 0; j < n; j++) {
      let a = logK[row + j] + col[j];
      for (let x = 0; x < nSets; x++) if (setCells[x][row + j]) a += v[sets[x]];
      P[row + j] = a;
      if (a > M) M = a;
    }
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(P[row + j] - M);
      P[row + j] = e;
      sum += e;
    }
    for (let j = 0; j < n; j++) P[row + j] /= sum;
    total += S[i] * (M + Math.log(sum));
  }
  for (let k = 0; k < v.length; k++) if (v[k] !== 0) total -= target[k] * v[k];
  return total;
}

/** Φ's gradient from the probabilities dualValue left: each variable's flow less its target. */
function dualGradient(sh: Shape, flowOf: Float64Array, grad: Float64Array): void {
  const { m, n, S, P, dests, destOf, sets, setCells, target } = sh;
  flowOf.fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) flowOf[j] += S[i] * P[i * n + j];
  for (let d = 0; d < dests.length; d++) grad[dests[d]] = flowOf[destOf[dests[d]]] - target[dests[d]];
  for (let x = 0; x < sets.length; x++) {
    let f = 0;
    const cells = setCells[x];
    for (let c = 0; c < m * n; c++) if (cells[c]) f += S[(c / n) | 0] * P[c];
    grad[sets[x]] = f - target[sets[x]];
  }
}

/**
 * The Hessian of Φ over the free variables (positions in the free list: `freeDests` with their
 * destinations, `freeSets` with their cells), added into H (nf × nf, zero). A function of its own,
 * so that the engine optimises this hot loop early in a cold command.
 */
function hessian(
  H: Float64Array,
  P: Float64Array,
  S: readonly number[],
  m: number,
  n: number,
  nf: number,
  freeDests: Int32Array,
  freeDestOf: Int32Array,
  freeSets: Int32Array,
  freeSetCells: readonly Uint8Array[],
  sums: HessianSums,
): void {
  // Hessian of Φ: Σ_i S_i (E_p[1_a 1_b] − E_p[1_a] E_p[1_b]) over the sets a, b. Each term is
  // written as sums of non-negative masses, never as a difference of near-equal numbers: where one
  // destination holds all but e^−1000 of a row, p(1 − p) as a difference gives a negative
  // curvature from rounding, and a step the wrong way. So p(1 − p) is p × (the mass of the other
  // destinations), and for two sets a, b: m(a∩b) m(neither) − m(a∖b) m(b∖a).
  const { before, after, setMass, setOut, pf, PF } = sums;
  const nfd = freeDests.length;
  const nfs = freeSets.length;
  for (let i = 0; i < m; i++) {
    const s = S[i];
    if (s === 0) continue;
    const base = i * n;
    before[0] = 0;
    for (let j = 1; j < n; j++) before[j] = before[j - 1] + P[base + j - 1];
    after[n - 1] = 0;
    for (let j = n - 2; j >= 0; j--) after[j] = after[j + 1] + P[base + j + 1];
    for (let u = 0; u < nfs; u++) {
      const x = freeSets[u];
      const cells = freeSetCells[u];
      let inSet = 0;
      let out = 0;
      for (let j = 0; j < n; j++) {
        if (cells[base + j]) inSet += P[base + j];
        else out += P[base + j];
      }
      setMass[x] = inSet;
      setOut[x] = out;
      H[x * nf + x] += s * inSet * out;
    }
    const pr = i * nfd;
    for (let d = 0; d < nfd; d++) {
      pf[freeDests[d]] = P[base + freeDestOf[d]];
      PF[pr + d] = P[base + freeDestOf[d]];
    }
    for (let d = 0; d < nfd; d++) {
      const a = freeDests[d];
      const ja = freeDestOf[d];
      const pa = pf[a];
      if (pa === 0) continue;
      const rowA = a * nf;
      const spa = s * pa;
      H[rowA + a] += spa * (before[ja] + after[ja]);
      for (let u = 0; u < nfs; u++) {
        const x = freeSets[u];
        const cross = freeSetCells[u][base + ja] ? spa * setOut[x] : -spa * setMass[x];
        H[rowA + x] += cross;
        H[x * nf + a] += cross;
      }
    }
    for (let u = 0; u < nfs; u++) {
      for (let w = u + 1; w < nfs; w++) {
        const xa = freeSets[u];
        const xb = freeSets[w];
        const ca = freeSetCells[u];
        const cb = freeSetCells[w];
        let both = 0;
        let onlyA = 0;
        let onlyB = 0;
        let neither = 0;
        for (let j = 0; j < n; j++) {
          const p = P[base + j];
          if (ca[base + j]) {
            if (cb[base + j]) both += p;
            else onlyA += p;
          } else if (cb[base + j]) onlyB += p;
          else neither += p;
        }
        const h = s * (both * neither - onlyA * onlyB);
        H[xa * nf + xb] += h;
        H[xb * nf + xa] += h;
      }
    }
  }
  destinationPairs(H, sums, S, m, nf, freeDests);
}

/** Rows of the destination pairs' block summed at a time: 16 × some 450 destinations is about 58 KB, within a core's cache. */
const PAIR_BLOCK = 16;

/**
 * The Hessian's entries between two different free destinations a ≠ c: Σ_i −S_i p_ia p_ic, each
 * entry's terms taken in row order i from 0 as a row at a time would, and nothing else adds to
 * them. Summed in a block of its own (`sums.D`, the free destinations in their order), a few of
 * its rows at a time over every origin, so that the rows being summed stay in the cache while
 * the origins pass (England's 450 destinations make a block of 1.6 MB, which a row at a time swept
 * once an origin), then put in their places in H.
 */
function destinationPairs(H: Float64Array, sums: HessianSums, S: readonly number[], m: number, nf: number, freeDests: Int32Array): void {
  const { PF, D } = sums;
  const nfd = freeDests.length;
  pairBlock(D, PF, S, m, nfd);
  for (let a = 0; a < nfd; a++) {
    const rowH = freeDests[a] * nf;
    for (let e = 0; e < nfd; e++) if (e !== a) H[rowH + freeDests[e]] = D[a * nfd + e];
  }
}

/**
 * The destination pairs' block D, its rows PAIR_BLOCK at a time. A function of its own that ends
 * with its loops: V8 compiles a long first call from inside them (on-stack replacement), and code
 * after them that had never run made that compilation give up at every later call (a deopt a
 * Newton step through the calibration).
 */
function pairBlock(D: Float64Array, PF: Float64Array, S: readonly number[], m: number, nfd: number): void {
  D.fill(0, 0, nfd * nfd);
  for (let a0 = 0; a0 < nfd; a0 += PAIR_BLOCK) {
    const a1 = Math.min(nfd, a0 + PAIR_BLOCK);
    for (let i = 0; i < m; i++) {
      const s = S[i];
      if (s === 0) continue;
      const pr = i * nfd;
      for (let a = a0; a < a1; a++) {
        const pa = PF[pr + a];
        if (pa === 0) continue;
        const spa = s * pa;
        const rowA = a * nfd;
        for (let e = 0; e < a; e++) D[rowA + e] -= spa * PF[pr + e];
        for (let e = a + 1; e < nfd; e++) D[rowA + e] -= spa * PF[pr + e];
      }
    }
  }
}

/**
 * The Hessian's working arrays, reused from step to step: per row, the masses before and after each
 * destination, each set's mass in and out, the free variables' probabilities (pf, by position in the
 * free list); for every row, the free destinations' probabilities (PF, m × free destinations); and
 * the destination pairs' block (D).
 */
interface HessianSums {
  before: Float64Array;
  after: Float64Array;
  setMass: Float64Array;
  setOut: Float64Array;
  pf: Float64Array;
  PF: Float64Array;
  D: Float64Array;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
