// Whole children from placement choice's fractional flows (docs/methodology.md, "Whole children:
// unbiased controlled rounding"): each cell N_ℓj the floor or the ceiling of its flow T_ℓj, each
// LA's total exactly its seekers, each destination, outside Wales and the for-profit group the floor
// or the ceiling of its flow (so within its capacity), and E[N_ℓj] = T_ℓj over the rounding's draws.
import { InternalError } from '../../errors.js';
import type { RandomSource } from '../random.js';
import type { ChoiceProblem } from './choice.js';
import { roundForest } from './unbiased.js';
import { RoundingWorkspace, ScalingWorkspace } from './workspace.js';

/**
 * A total this near a whole number counts as that number: a destination the flows fill (to 1e-9
 * of its size) is full, and UNPLACED beside a vacancy holds no child. Without it a full home could
 * round to one over, or a child go unplaced beside a vacancy.
 */
export const SNAP = 1e-6;
/** Passes of the rebalancing after the snap; each brings the sums some orders of magnitude nearer. */
const REBALANCE_PASSES = 50;

/**
 * The rounding of one type's flows. The network: origins (LAs, code order), destinations (key
 * order), the for-profit group (a node between its destinations and the sink when
 * `fp_new_placements_end` caps them), the sink. Edges in key order: each destination's total, the
 * group's total, then the cells by LA and destination. `random`: the run's `matching.rounding`
 * stream, one uniform per cycle. `workspace`: the projection's buffers (one is made without it).
 */
export function roundChoice(problem: ChoiceProblem, flows: Float64Array, random: RandomSource, workspace: ScalingWorkspace = new ScalingWorkspace()): Int32Array {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const out = new Int32Array(m * n);
  if (m === 0 || n === 0) return out;
  for (let k = 0; k < flows.length; k++) {
    // A NaN flow has no floor or ceiling: rounded, it silently dropped the LA's children.
    if (!Number.isFinite(flows[k])) throw new InternalError(`placement choice (${problem.type}): the flows to round are not all finite numbers`);
  }
  const ws = workspace.rounding.fit(m, n);
  rebalance(problem, flows, ws);
  const { cells, col, tail, head, flow } = ws;
  const hasGroup = problem.forProfitCap !== null && dests.some((d) => d.forProfit);
  const group = m + n;
  const sink = m + n + 1;
  const edges = n + (hasGroup ? 1 : 0) + m * n;
  let groupFlow = 0;
  for (let j = 0; j < n; j++) {
    // The column's total is the rebalancing's last column sum: the cells added over the LAs in order.
    const total = col[j];
    tail[j] = m + j;
    head[j] = hasGroup && dests[j].forProfit ? group : sink;
    flow[j] = total;
    if (hasGroup && dests[j].forProfit) groupFlow += total;
  }
  let e = n;
  if (hasGroup) {
    tail[e] = group;
    head[e] = sink;
    flow[e] = groupFlow;
    e++;
  }
  const firstCell = e;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++, e++) {
      tail[e] = i;
      head[e] = m + j;
      flow[e] = cells[i * n + j];
    }
  }
  roundForest(sink + 1, tail, head, flow, edges, random, ws.forest);
  for (let k = 0; k < m * n; k++) out[k] = flow[firstCell + k];
  checkRounding(problem, out);
  return out;
}

/**
 * The flows made exactly consistent before rounding: each LA's cells add up to its seekers; a
 * destination or the for-profit group whose total is within SNAP of a whole number (or above its
 * capacity) adds up to that number. Iterative proportional fitting over those sums alone (the other
 * destinations take up the difference), so each cell moves by about the error it corrects.
 */
export function snapAndRebalance(problem: ChoiceProblem, flows: Float64Array): Float64Array {
  const ws = new RoundingWorkspace().fit(problem.las.length, problem.destinations.length);
  rebalance(problem, flows, ws);
  return ws.cells;
}

/**
 * snapAndRebalance into the workspace's cells; leaves in its `col` each column's sum, added up over
 * the LAs in order, as the cells end.
 */
function rebalance(problem: ChoiceProblem, flows: Float64Array, ws: RoundingWorkspace): void {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const { cells: t, col, colTarget, snappedCols, fpCols } = ws;
  for (let k = 0; k < m * n; k++) t[k] = Math.max(0, flows[k]);
  // Each column's sum, added up over the LAs in order, as the cells stand: summed once here, then
  // added up cell by cell as each step leaves its cells (the same additions in the same order, so
  // the same doubles as summing the column again), never by a strided sweep of its own.
  col.fill(0, 0, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) col[j] += t[i * n + j];
  let snappedCount = 0;
  let fpCount = 0;
  for (let j = 0; j < n; j++) {
    colTarget[j] = snapped(col[j], dests[j].capacity);
    if (!Number.isNaN(colTarget[j])) snappedCols[snappedCount++] = j;
    if (problem.forProfitCap !== null && dests[j].forProfit) fpCols[fpCount++] = j;
  }
  const groupTarget = fpCount > 0 ? snapped(groupSum(col, fpCols, fpCount), problem.forProfitCap ?? Infinity) : Number.NaN;
  let unp = -1;
  for (let j = 0; j < n && unp < 0; j++) if (dests[j].kind === 'unplaced') unp = j;
  // Each factor is worked out once per column, group or row, not once per cell: the same double.
  for (let pass = 0; pass < REBALANCE_PASSES; pass++) {
    let err = 0;
    for (let k = 0; k < snappedCount; k++) {
      const j = snappedCols[k];
      const s = col[j];
      err = Math.max(err, Math.abs(s - colTarget[j]));
      if (s > 0) col[j] = scaleColumn(t, m, n, j, colTarget[j] / s);
    }
    if (!Number.isNaN(groupTarget)) {
      const s = groupSum(col, fpCols, fpCount);
      err = Math.max(err, Math.abs(s - groupTarget));
      if (s > 0) {
        const f = groupTarget / s;
        for (let k = 0; k < fpCount; k++) scaleColumn(t, m, n, fpCols[k], f);
      }
    }
    err = Math.max(err, scaleRowsToSeekers(t, col, m, n, problem.seekers, unp));
    if (err <= 1e-12) break;
  }
}

/** The for-profit group's total: its columns' sums added in destination order. */
function groupSum(col: Float64Array, fpCols: Int32Array, fpCount: number): number {
  let s = 0;
  for (let k = 0; k < fpCount; k++) s += col[fpCols[k]];
  return s;
}

/**
 * Each LA's row scaled to add up to its seekers, and each column's sum added up afresh over the LAs
 * in order; returns the rows' largest relative error before the scaling. Four rows at a time (then
 * two, then one): their sums' chains of additions run side by side, and each column's sum still adds
 * row i before row i + 1 (as scaling.ts's scaleRows does).
 */
function scaleRowsToSeekers(t: Float64Array, col: Float64Array, m: number, n: number, seekers: readonly number[], unp: number): number {
  col.fill(0, 0, n);
  let err = 0;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      s0 += t[r0 + j];
      s1 += t[r1 + j];
      s2 += t[r2 + j];
      s3 += t[r3 + j];
    }
    if (!(s0 > 0 && s1 > 0 && s2 > 0 && s3 > 0)) {
      // A row with no flow: the four one at a time (the sums come out the same).
      for (let k = i; k < i + 4; k++) err = Math.max(err, scaleRow(t, col, n, k, seekers[k], unp));
      continue;
    }
    const w0 = seekers[i];
    const w1 = seekers[i + 1];
    const w2 = seekers[i + 2];
    const w3 = seekers[i + 3];
    err = Math.max(err, Math.abs(s0 - w0) / Math.max(1, w0), Math.abs(s1 - w1) / Math.max(1, w1), Math.abs(s2 - w2) / Math.max(1, w2), Math.abs(s3 - w3) / Math.max(1, w3));
    const f0 = w0 / s0;
    const f1 = w1 / s1;
    const f2 = w2 / s2;
    const f3 = w3 / s3;
    for (let j = 0; j < n; j++) {
      const a0 = (t[r0 + j] *= f0);
      const a1 = (t[r1 + j] *= f1);
      const a2 = (t[r2 + j] *= f2);
      const a3 = (t[r3 + j] *= f3);
      col[j] = col[j] + a0 + a1 + a2 + a3;
    }
  }
  if (i + 2 <= m) {
    err = Math.max(err, scaleTwoRows(t, col, n, i, seekers, unp));
    i += 2;
  }
  for (; i < m; i++) err = Math.max(err, scaleRow(t, col, n, i, seekers[i], unp));
  return err;
}

/** Rows i and i + 1 as a block of four takes its rows (with a row with no flow, one at a time); returns their largest relative error. */
function scaleTwoRows(t: Float64Array, col: Float64Array, n: number, i: number, seekers: readonly number[], unp: number): number {
  const r0 = i * n;
  const r1 = r0 + n;
  let s0 = 0;
  let s1 = 0;
  for (let j = 0; j < n; j++) {
    s0 += t[r0 + j];
    s1 += t[r1 + j];
  }
  if (!(s0 > 0 && s1 > 0)) return Math.max(scaleRow(t, col, n, i, seekers[i], unp), scaleRow(t, col, n, i + 1, seekers[i + 1], unp));
  const w0 = seekers[i];
  const w1 = seekers[i + 1];
  const f0 = w0 / s0;
  const f1 = w1 / s1;
  for (let j = 0; j < n; j++) {
    const a0 = (t[r0 + j] *= f0);
    const a1 = (t[r1 + j] *= f1);
    col[j] = col[j] + a0 + a1;
  }
  return Math.max(Math.abs(s0 - w0) / Math.max(1, w0), Math.abs(s1 - w1) / Math.max(1, w1));
}

/** Row i scaled to add up to `want`, its cells added to the column sums; returns its relative error before. */
function scaleRow(t: Float64Array, col: Float64Array, n: number, i: number, want: number, unp: number): number {
  const row = i * n;
  let s = 0;
  for (let j = 0; j < n; j++) s += t[row + j];
  const err = Math.abs(s - want) / Math.max(1, want);
  if (s > 0) {
    const f = want / s;
    for (let j = 0; j < n; j++) col[j] += t[row + j] *= f;
    return err;
  }
  // An LA with seekers and no flow anywhere: they are unplaced (the flows never give this).
  if (want > 0 && unp >= 0) t[row + unp] = want;
  for (let j = 0; j < n; j++) col[j] += t[row + j];
  return err;
}

/** Column j's cells times f; returns the column's new sum (added up over the LAs in order). */
function scaleColumn(t: Float64Array, m: number, n: number, j: number, f: number): number {
  let s = 0;
  for (let i = 0; i < m; i++) s += t[i * n + j] *= f;
  return s;
}

/** The whole number a total counts as (its capacity if above it, a whole number within SNAP), else NaN (left free). */
function snapped(total: number, capacity: number): number {
  if (total > capacity) return capacity;
  const r = Math.round(total);
  return Math.abs(total - r) <= SNAP ? r : Number.NaN;
}

/** The rounding's guarantees, checked: a broken one is a fault in the model, never a result. */
function checkRounding(problem: ChoiceProblem, out: Int32Array): void {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  let fp = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += out[i * n + j];
    if (s !== problem.seekers[i]) throw new InternalError(`placement choice (${problem.type}): ${problem.las[i]} rounded to ${s} children, not its ${problem.seekers[i]} seekers`);
  }
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += out[i * n + j];
    if (s > dests[j].capacity) throw new InternalError(`placement choice (${problem.type}): ${dests[j].host} ${dests[j].sector ?? ''} rounded to ${s} children, above its ${dests[j].capacity} places`);
    if (dests[j].forProfit) fp += s;
  }
  if (problem.forProfitCap !== null && fp > problem.forProfitCap) throw new InternalError(`placement choice (${problem.type}): the for-profit group rounded to ${fp} children, above its cap of ${problem.forProfitCap}`);
}
