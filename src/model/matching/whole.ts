// Whole children from placement choice's fractional flows (docs/methodology.md, "Whole children:
// unbiased controlled rounding"): each cell N_ℓj the floor or the ceiling of its flow T_ℓj, each
// LA's total exactly its seekers, each destination, outside Wales and the for-profit group the floor
// or the ceiling of its flow (so within its capacity), and E[N_ℓj] = T_ℓj over the rounding's draws.
import { InternalError } from '../../errors.js';
import type { RandomSource } from '../random.js';
import type { ChoiceProblem } from './choice.js';
import { roundUnbiased } from './unbiased.js';

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
 * stream, one uniform per cycle.
 */
export function roundChoice(problem: ChoiceProblem, flows: Float64Array, random: RandomSource): Int32Array {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const out = new Int32Array(m * n);
  if (m === 0 || n === 0) return out;
  for (let k = 0; k < flows.length; k++) {
    // A NaN flow has no floor or ceiling: rounded, it silently dropped the LA's children.
    if (!Number.isFinite(flows[k])) throw new InternalError(`placement choice (${problem.type}): the flows to round are not all finite numbers`);
  }
  const cells = snapAndRebalance(problem, flows);
  const hasGroup = problem.forProfitCap !== null && dests.some((d) => d.forProfit);
  const group = m + n;
  const sink = m + n + 1;
  const edges = n + (hasGroup ? 1 : 0) + m * n;
  const tail = new Int32Array(edges);
  const head = new Int32Array(edges);
  const flow = new Float64Array(edges);
  let groupFlow = 0;
  for (let j = 0; j < n; j++) {
    let total = 0;
    for (let i = 0; i < m; i++) total += cells[i * n + j];
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
  const whole = roundUnbiased({ nodes: sink + 1, tail, head, flow }, random);
  for (let k = 0; k < m * n; k++) out[k] = whole[firstCell + k];
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
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const t = new Float64Array(m * n);
  for (let k = 0; k < t.length; k++) t[k] = Math.max(0, flows[k]);
  // Each column's sum, added up over the LAs in order, as the cells stand: summed once here, then
  // added up cell by cell as each step leaves its cells (the same additions in the same order, so
  // the same doubles as summing the column again), never by a strided sweep of its own.
  const col = new Float64Array(n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) col[j] += t[i * n + j];
  const colTarget = new Float64Array(n).fill(Number.NaN);
  for (let j = 0; j < n; j++) colTarget[j] = snapped(col[j], dests[j].capacity);
  // The for-profit group's columns, in destination order.
  const fp: number[] = [];
  for (let j = 0; j < n; j++) if (problem.forProfitCap !== null && dests[j].forProfit) fp.push(j);
  const groupSum = (): number => {
    let s = 0;
    for (const j of fp) s += col[j];
    return s;
  };
  const groupTarget = fp.length > 0 ? snapped(groupSum(), problem.forProfitCap ?? Infinity) : Number.NaN;
  const unp = dests.findIndex((d) => d.kind === 'unplaced');
  // Each factor is worked out once per column, group or row, not once per cell: the same double.
  for (let pass = 0; pass < REBALANCE_PASSES; pass++) {
    let err = 0;
    for (let j = 0; j < n; j++) {
      if (Number.isNaN(colTarget[j])) continue;
      const s = col[j];
      err = Math.max(err, Math.abs(s - colTarget[j]));
      if (s > 0) col[j] = scaleColumn(t, m, n, j, colTarget[j] / s);
    }
    if (!Number.isNaN(groupTarget)) {
      const s = groupSum();
      err = Math.max(err, Math.abs(s - groupTarget));
      if (s > 0) {
        const f = groupTarget / s;
        for (const j of fp) scaleColumn(t, m, n, j, f);
      }
    }
    col.fill(0);
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += t[i * n + j];
      const want = problem.seekers[i];
      err = Math.max(err, Math.abs(s - want) / Math.max(1, want));
      if (s > 0) {
        const f = want / s;
        for (let j = 0; j < n; j++) col[j] += t[i * n + j] *= f;
        continue;
      }
      // An LA with seekers and no flow anywhere: they are unplaced (the flows never give this).
      if (want > 0 && unp >= 0) t[i * n + unp] = want;
      for (let j = 0; j < n; j++) col[j] += t[i * n + j];
    }
    if (err <= 1e-12) break;
  }
  return t;
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
