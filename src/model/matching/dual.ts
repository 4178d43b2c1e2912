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
  const { m, n, logK, variables: vars } = problem;
  const S = problem.seekers;
  const q = vars.length;
  const flows = new Float64Array(m * n);
  const P = new Float64Array(m * n);
  const y = new Float64Array(q);
  // A start at −∞ (a group barred outright) begins at e^−1000 instead: as good as nothing, and finite.
  for (let k = 0; k < q; k++) y[k] = clamp(Number.isFinite(start[k]) ? start[k] : -1000, vars[k].lo, vars[k].hi);
  // Plain indexed loops over typed arrays throughout: a command runs this cold, and before the
  // optimising compiler steps in, a for-of loop over an array costs an iterator object a step (the
  // Hessian's inner loop runs some 80,000 times a Newton step).
  const sets = Int32Array.from(vars.flatMap((v, k) => (v.destination >= 0 ? [] : [k])));
  const dests = Int32Array.from(vars.flatMap((v, k) => (v.destination >= 0 ? [k] : [])));
  const destOf = Int32Array.from(vars, (v) => v.destination);
  const target = Float64Array.from(vars, (v) => v.target);
  const setCells = Array.from(sets, (k) => vars[k].cells!);
  const col = new Float64Array(n);
  const shape: Shape = { m, n, S, logK, P, col, dests, destOf, sets, setCells, target };
  /** Φ at v, leaving each row's choice probabilities in P. */
  const phi = (v: Float64Array): number => dualValue(shape, v);
  const flowOf = new Float64Array(n);
  const grad = new Float64Array(q);
  const gradient = (): void => dualGradient(shape, flowOf, grad);
  const sizeOf = (k: number): number => Math.max(Math.abs(vars[k].target), 1e-300);
  /** How far constraint k is from holding, relative to its size (0 when it holds). */
  const excess = (k: number): number => {
    const g = grad[k];
    const e = y[k] >= vars[k].hi ? Math.max(0, g) : y[k] <= vars[k].lo ? Math.max(0, -g) : Math.abs(g);
    return e / sizeOf(k);
  };
  const done = (): boolean => {
    for (let k = 0; k < q; k++) if (excess(k) > tolerance) return false;
    return true;
  };
  const worst = (): number => {
    let w = 0;
    for (let k = 0; k < q; k++) w = Math.max(w, excess(k));
    return w;
  };
  let f = phi(y);
  gradient();
  let steps = 0;
  let converged = done();
  const before = new Float64Array(n);
  const after = new Float64Array(n);
  const setMass = new Float64Array(q);
  const setOut = new Float64Array(q);
  while (!converged && steps < maxSteps) {
    steps++;
    // Free variables: not held at a bound by a gradient pushing them beyond it. Only they move, so
    // the Hessian is built and solved over them alone (most destinations of a roomy type are held
    // at v = 1; most of a full one are free).
    const free: number[] = [];
    for (let k = 0; k < q; k++) {
      const heldHigh = y[k] >= vars[k].hi && grad[k] <= 0;
      const heldLow = y[k] <= vars[k].lo && grad[k] >= 0;
      if (!heldHigh && !heldLow) free.push(k);
    }
    if (free.length === 0) break;
    const nf = free.length;
    // Positions in the free list of the free destinations' variables and of the free sets', with
    // each one's destination (or cells).
    const freeDests = Int32Array.from(free.flatMap((k, i) => (destOf[k] >= 0 ? [i] : [])));
    const freeSets = Int32Array.from(free.flatMap((k, i) => (destOf[k] >= 0 ? [] : [i])));
    const freeDestOf = Int32Array.from(freeDests, (i) => destOf[free[i]]);
    const freeSetCells = Array.from(freeSets, (i) => vars[free[i]].cells!);
    const H = hessian(P, S, m, n, nf, freeDests, freeDestOf, freeSets, freeSetCells, before, after, setMass, setOut);
    let scale = 0;
    for (let i = 0; i < nf; i++) scale = Math.max(scale, H[i * nf + i]);
    for (let i = 0; i < nf; i++) H[i * nf + i] += 1e-10 * scale + 1e-300;
    const rhs = free.map((a) => -grad[a]);
    // Cholesky, or where rounding leaves the regularised Hessian short of positive definite (two
    // variables on the same cells), Gaussian elimination.
    const d = solveSymmetric(H, nf, rhs) ?? solveLinear(H, nf, rhs);
    if (d === null) return null;
    const longest = d.reduce((x, v) => Math.max(x, Math.abs(v)), 0);
    let t = longest > NEWTON_REACH ? NEWTON_REACH / longest : 1;
    let moved = false;
    const trial = new Float64Array(q);
    const worstBefore = worst();
    let slope = 0;
    free.forEach((a, i) => (slope += grad[a] * d[i]));
    const saved = grad.slice();
    const yBefore = y.slice();
    for (let tries = 0; tries < 60; tries++) {
      trial.set(yBefore);
      free.forEach((a, i) => (trial[a] = clamp(yBefore[a] + t * d[i], vars[a].lo, vars[a].hi)));
      const ft = phi(trial);
      gradient();
      // Φ falls enough (Armijo), or, near the optimum where Φ's last digits are noise, stays level
      // while the constraints come nearer to holding.
      if (ft <= f + 1e-4 * t * Math.min(0, slope) && ft < f) moved = true;
      else if (Math.abs(ft - f) <= 1e-12 * Math.max(1, Math.abs(f))) {
        y.set(trial);
        moved = worst() < worstBefore;
        if (!moved) y.set(yBefore);
      }
      if (moved) {
        y.set(trial);
        f = ft;
        break;
      }
      grad.set(saved);
      t /= 2;
    }
    if (!moved) {
      phi(y);
      gradient();
      converged = done();
      break;
    }
    converged = done();
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) flows[i * n + j] = S[i] * P[i * n + j];
  return { flows, y, steps, converged };
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
 * destinations, `freeSets` with their cells). A function of its own, apart from the solver's
 * closures, so that the engine optimises this hot loop early in a cold command.
 */
function hessian(
  P: Float64Array,
  S: readonly number[],
  m: number,
  n: number,
  nf: number,
  freeDests: Int32Array,
  freeDestOf: Int32Array,
  freeSets: Int32Array,
  freeSetCells: readonly Uint8Array[],
  before: Float64Array,
  after: Float64Array,
  setMass: Float64Array,
  setOut: Float64Array,
): Float64Array {
  // Hessian of Φ: Σ_i S_i (E_p[1_a 1_b] − E_p[1_a] E_p[1_b]) over the sets a, b. Each term is
  // written as sums of non-negative masses, never as a difference of near-equal numbers: where one
  // destination holds all but e^−1000 of a row, p(1 − p) as a difference gives a negative
  // curvature from rounding, and a step the wrong way. So p(1 − p) is p × (the mass of the other
  // destinations), and for two sets a, b: m(a∩b) m(neither) − m(a∖b) m(b∖a).
  const H = new Float64Array(nf * nf);
  const pf = new Float64Array(nf);
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
    for (let d = 0; d < nfd; d++) pf[freeDests[d]] = P[base + freeDestOf[d]];
    for (let d = 0; d < nfd; d++) {
      const a = freeDests[d];
      const ja = freeDestOf[d];
      const pa = pf[a];
      if (pa === 0) continue;
      const rowA = a * nf;
      const spa = s * pa;
      H[rowA + a] += spa * (before[ja] + after[ja]);
      for (let e = 0; e < nfd; e++) {
        const c = freeDests[e];
        if (c !== a) H[rowA + c] -= spa * pf[c];
      }
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
  return H;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * Solves H x = r for the symmetric positive definite H (n × n, row-major; the Hessian, regularised)
 * by Cholesky's method; null if H is not positive definite (a step cannot be trusted).
 */
function solveSymmetric(H: Float64Array, n: number, r: number[]): number[] | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = H[i * n + j];
      for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return null;
        L[i * n + i] = Math.sqrt(sum);
      } else L[i * n + j] = sum / L[j * n + j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = r[i];
    for (let k = 0; k < i; k++) sum -= L[i * n + k] * x[k];
    x[i] = sum / L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= L[k * n + i] * x[k];
    x[i] = sum / L[i * n + i];
  }
  return x;
}

/** Solves H x = r by Gaussian elimination with partial pivoting; null if H is singular. */
function solveLinear(H: Float64Array, n: number, r: number[]): number[] | null {
  const M = Array.from({ length: n }, (_, i) => [...H.subarray(i * n, i * n + n), r[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i][c]) > Math.abs(M[p][c])) p = i;
    if (M[p][c] === 0 || !Number.isFinite(M[p][c])) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let i = c + 1; i < n; i++) {
      const f = M[i][c] / M[c][c];
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[i][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let k = i + 1; k < n; k++) s -= M[i][k] * x[k];
    x[i] = s / M[i][i];
  }
  return x;
}
