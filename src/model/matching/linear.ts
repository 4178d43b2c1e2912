// The two linear solves of the dual's Newton step (dual.ts): Cholesky's method for the regularised
// Hessian, Gaussian elimination where rounding leaves it short of positive definite.

/**
 * Solves H x = r for the symmetric positive definite H (n × n, row-major; the Hessian, regularised)
 * by Cholesky's method, its factor into L (n × n at least; each entry written before it is read);
 * null if H is not positive definite (a step cannot be trusted).
 */
export function solveSymmetric(H: Float64Array, L: Float64Array, n: number, r: number[]): number[] | null {
  if (!cholesky(H, L, n)) return null;
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

/**
 * H's Cholesky factor into L; false if H is not positive definite. A function of its own that ends
 * with its loops: V8 compiles a long first call from inside them (on-stack replacement), and code
 * after them that had never run made that compilation give up at every later call (a deopt a
 * Newton step through the calibration).
 */
function cholesky(H: Float64Array, L: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = H[i * n + j];
      for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return false;
        L[i * n + i] = Math.sqrt(sum);
      } else L[i * n + j] = sum / L[j * n + j];
    }
  }
  return true;
}

/** Solves H x = r by Gaussian elimination with partial pivoting; null if H is singular. */
export function solveLinear(H: Float64Array, n: number, r: number[]): number[] | null {
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
