// Unbiased controlled rounding (docs/methodology.md, "Whole children: unbiased controlled rounding";
// Cox 1987, "A constructive procedure for unbiased controlled rounding", JASA 82; the dependent
// rounding of Gandhi, Khuller, Parthasarathy and Srinivasan 2006 on a flow network).
//
// The flows are the edges of a network in which every node's net flow (in less out) is a whole
// number. Each edge ends at the floor or the ceiling of its flow, so every node keeps its net flow,
// and the expected value of every edge over the random choices is exactly its flow. The method: the
// edges with a fractional part, taken in the caller's order, are added to a spanning forest; an edge
// whose ends are already joined closes a cycle, and the flow round that cycle moves by +up or −down,
// the two largest steps that keep every edge of it within its floor and ceiling, with probabilities
// down ÷ (up + down) and up ÷ (up + down): each edge's expected change is 0, and at least one edge
// of the cycle becomes whole and leaves the forest. One uniform per cycle. A node whose edges are all
// whole but one cannot exist (its net flow would not be whole), so when every edge has been added no
// fractional edge is left. Work: edges × (the forest's depth), no search per child.
import { InternalError } from '../../errors.js';
import type { RandomSource } from '../random.js';

/** A flow this near a whole number is that number (sums of a few dozen doubles). */
const WHOLE = 1e-9;

export interface RoundingNetwork {
  /** Number of nodes; edges join nodes 0 … nodes − 1. */
  nodes: number;
  tail: Int32Array;
  head: Int32Array;
  /** Each edge's flow (≥ 0), in the order the edges join the forest. */
  flow: Float64Array;
}

/**
 * Each edge's flow rounded to its floor or ceiling, every node's net flow kept, each edge's expected
 * value its flow. `random` gives one uniform per cycle, in the edges' order.
 */
export function roundUnbiased(net: RoundingNetwork, random: RandomSource): Float64Array {
  const { nodes, tail, head } = net;
  // A copy by slice: Float64Array.from walks an iterator, twice the time on the endings' many small stars.
  const x = net.flow.slice();
  const parent = new Int32Array(nodes).fill(-1);
  const parentEdge = new Int32Array(nodes).fill(-1);
  const mark = new Int32Array(nodes);
  let stamp = 0;
  // The cycle's edges (its first `length`) and, for each, +1 where the cycle runs along it, −1
  // against it. A cycle is the new edge and a path of the forest, so at most `nodes` edges.
  const cycle = new Int32Array(nodes + 1);
  const along = new Int8Array(nodes + 1);
  let length = 0;
  const reroot = (v: number): void => {
    let prev = -1;
    let prevEdge = -1;
    while (v !== -1) {
      const next = parent[v];
      const nextEdge = parentEdge[v];
      parent[v] = prev;
      parentEdge[v] = prevEdge;
      prev = v;
      prevEdge = nextEdge;
      v = next;
    }
  };
  for (let e = 0; e < x.length; e++) {
    if (isWhole(x[e])) {
      x[e] = Math.round(x[e]);
      continue;
    }
    const a = tail[e];
    const b = head[e];
    // a's path to its root marked, then b's path up to the first marked node: a and b are in one
    // tree exactly when b's path meets a's (at their meeting node, or at the shared root). One walk
    // each, where asking each end for its root and then marking walked a's path twice.
    stamp++;
    for (let v = a; v !== -1; v = parent[v]) mark[v] = stamp;
    let meet = b;
    while (meet !== -1 && mark[meet] !== stamp) meet = parent[meet];
    if (meet === -1) {
      reroot(b);
      parent[b] = a;
      parentEdge[b] = e;
      continue;
    }
    // The cycle: e from a to b, then the forest's path from b back to a (through their meeting node).
    cycle[0] = e;
    along[0] = 1;
    length = 1;
    for (let v = b; v !== meet; v = parent[v], length++) {
      // Going up from v to its parent: along the edge when the edge runs that way.
      const f = parentEdge[v];
      cycle[length] = f;
      along[length] = tail[f] === v ? 1 : -1;
    }
    for (let v = a; v !== meet; v = parent[v], length++) {
      // The path meet → a runs down from parents to children: along the edge when it runs that way.
      const f = parentEdge[v];
      cycle[length] = f;
      along[length] = head[f] === v ? 1 : -1;
    }
    const step = cycleStep(x, cycle, along, length, random);
    let eWhole = false;
    for (let k = 0; k < length; k++) {
      const f = cycle[k];
      const v = x[f] + along[k] * step;
      if (!isWhole(v)) {
        x[f] = v;
        continue;
      }
      x[f] = Math.round(v);
      if (f === e) eWhole = true;
      else cut(f);
    }
    if (!eWhole) {
      // A forest edge of the path left, so a and b are apart again: e joins them.
      reroot(b);
      parent[b] = a;
      parentEdge[b] = e;
    }
  }
  // Left fractional only if the nodes' net flows were not whole to start with.
  return rounded(x, "a node's net flow was not a whole number");

  function cut(f: number): void {
    // The forest edge f hangs its child from its parent: the child's subtree becomes a tree of its own.
    const child = parentEdge[tail[f]] === f ? tail[f] : head[f];
    parent[child] = -1;
    parentEdge[child] = -1;
  }
}

/**
 * The step round a cycle: +up or −down, the two largest moves that keep every edge of it within its
 * floor and ceiling, with probabilities down ÷ (up + down) and up ÷ (up + down). One uniform.
 */
function cycleStep(x: Float64Array, cycle: Int32Array, along: Int8Array, length: number, random: RandomSource): number {
  let up = Infinity;
  let down = Infinity;
  for (let k = 0; k < length; k++) {
    const v = x[cycle[k]];
    const toCeil = Math.ceil(v) - v;
    const toFloor = v - Math.floor(v);
    if (along[k] > 0) {
      up = Math.min(up, toCeil);
      down = Math.min(down, toFloor);
    } else {
      up = Math.min(up, toFloor);
      down = Math.min(down, toCeil);
    }
  }
  return random() * (up + down) < down ? up : -down;
}

/** Every edge at its whole number, in place; one left fractional is a fault of the network given (`why`). */
function rounded(x: Float64Array, why: string): Float64Array {
  for (let e = 0; e < x.length; e++) {
    const r = Math.round(x[e]);
    if (Math.abs(x[e] - r) > 1e-6) throw new InternalError(`unbiased rounding: edge ${e} left at ${x[e]} (${why})`);
    x[e] = r;
  }
  return x;
}

function isWhole(v: number): boolean {
  return Math.abs(v - Math.round(v)) <= WHOLE * Math.max(1, Math.abs(v));
}

/**
 * Shares of one count moved to add up to a given total (the floor or the ceiling of their sum): the
 * fractional parts raised in proportion to what each lacks of 1, or lowered in proportion to
 * themselves. These are the expected values of roundSharesUnbiased's cells (docs/methodology.md,
 * "Unbiased endings"). Worked: shares 0.5, 0.5, 0.6 (sum 1.6), total 2: the parts rise by
 * 0.4 × (0.5, 0.5, 0.4) / 1.4 to 0.643, 0.643, 0.714 (sum 2).
 */
export function sharesToTotal(shares: readonly number[], total: number): { floors: number[]; parts: Float64Array } {
  const n = shares.length;
  const floors = new Array<number>(n);
  const parts = new Float64Array(n);
  let floorSum = 0;
  let partSum = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.max(0, shares[i]);
    const f = isWhole(s) ? Math.round(s) : Math.floor(s);
    floors[i] = f;
    floorSum += f;
    parts[i] = isWhole(s) ? 0 : s - f;
    partSum += parts[i];
  }
  const k = total - floorSum;
  let room = 0;
  for (let i = 0; i < n; i++) if (parts[i] > 0) room += 1 - parts[i];
  if (k < 0 || k > partSum + room + 1e-9) throw new InternalError(`unbiased rounding: a total of ${total} cannot be reached from shares adding up to ${floorSum + partSum}`);
  for (let i = 0; i < n; i++) {
    if (parts[i] === 0) continue;
    parts[i] = k >= partSum ? parts[i] + ((k - partSum) * (1 - parts[i])) / room : (parts[i] * k) / partSum;
  }
  return { floors, parts };
}

/**
 * Shares of one count rounded without bias to a given total (the turnover's endings of one LA and
 * type, docs/methodology.md "Unbiased endings"): each cell the floor or the ceiling of its share,
 * the cells adding up to `total` (the floor or the ceiling of the shares' sum, as the caller rounds
 * it), each cell's expected value its share moved to that total (sharesToTotal), rounded on a star
 * of parallel edges. Worked: shares 0.5, 0.5, 0.6, total 2: two of the three cells get 1, the third
 * cell in 0.714 of the draws.
 */
export function roundSharesUnbiased(shares: readonly number[], total: number, random: RandomSource): number[] {
  const { floors, parts } = sharesToTotal(shares, total);
  const rounded = roundStar(parts, random);
  return floors.map((f, i) => f + rounded[i]);
}

/**
 * roundUnbiased on a star of parallel edges from one node to another, in place: edge for edge and
 * draw for draw what the general forest gives, without its arrays. The forest of two nodes holds at
 * most one edge, `held`; a fractional edge beside it closes the cycle (the new edge along it, `held`
 * against it), and after the step the forest is the new edge unless that became whole, and then
 * `held` unless that became whole too. The endings round one star per LA and type each year,
 * hundreds a run, each a handful of edges.
 */
function roundStar(x: Float64Array, random: RandomSource): Float64Array {
  let held = -1;
  for (let e = 0; e < x.length; e++) {
    if (isWhole(x[e])) {
      x[e] = Math.round(x[e]);
      continue;
    }
    if (held === -1) {
      held = e;
      continue;
    }
    const v = x[e];
    const w = x[held];
    // The cycle's steps as roundUnbiased takes their least: the new edge along, `held` against.
    const up = Math.min(Math.ceil(v) - v, w - Math.floor(w));
    const down = Math.min(v - Math.floor(v), Math.ceil(w) - w);
    const step = random() * (up + down) < down ? up : -down;
    const eWhole = settle(x, e, v + step);
    const heldWhole = settle(x, held, w - step);
    if (!eWhole) held = e;
    else if (heldWhole) held = -1;
  }
  return rounded(x, "the shares' total was not a whole number");
}

/** Sets x[e] to v, rounded when it is whole; true when it is. */
function settle(x: Float64Array, e: number, v: number): boolean {
  const whole = isWhole(v);
  x[e] = whole ? Math.round(v) : v;
  return whole;
}
