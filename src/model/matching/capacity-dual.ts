// Placement choice's year problem as a dual for Newton's method (dual.ts), used where iterative scaling
// crawls (scaling.ts) and by the calibration (calibrate.ts), which adds its own variables.
import type { DualProblem, DualVariable } from './dual.js';
import type { ChoiceProblem } from './problem.js';

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
