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
import { ForestWorkspace } from './workspace.js';

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
  // A copy by slice: Float64Array.from walks an iterator, twice the time on the endings' many small stars.
  const x = net.flow.slice();
  roundForest(net.nodes, net.tail, net.head, x, x.length, random, new ForestWorkspace().fit(net.nodes));
  return x;
}

/**
 * roundUnbiased in place on the first `edges` flows of x, with the forest in the caller's buffers
 * (placement choice rounds dozens of networks a run, each of some 1,300 edges, whole.ts).
 */
export function roundForest(
  nodes: number,
  tail: Int32Array,
  head: Int32Array,
  x: Float64Array,
  edges: number,
  random: RandomSource,
  forest: ForestWorkspace,
): void {
  roundEdges(nodes, tail, head, x, edges, random, forest);
  // Left fractional only if the nodes' net flows were not whole to start with.
  rounded(x, edges, "a node's net flow was not a whole number");
}

/**
 * roundForest's walk over the edges. A function of its own that ends with its loop: V8 compiles a
 * long first call from inside the loop (on-stack replacement), and a call after it that had never
 * run made that compilation give up again at later calls.
 */
function roundEdges(
  nodes: number,
  tail: Int32Array,
  head: Int32Array,
  x: Float64Array,
  edges: number,
  random: RandomSource,
  forest: ForestWorkspace,
): void {
  const { parent, parentEdge, mark, cycle } = forest;
  parent.fill(-1, 0, nodes);
  parentEdge.fill(-1, 0, nodes);
  mark.fill(0, 0, nodes);
  let stamp = 0;
  for (let e = 0; e < edges; e++) {
    const xe = x[e];
    if (isWhole(xe)) {
      x[e] = Math.round(xe);
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
      hang(parent, parentEdge, a, b, e);
      continue;
    }
    // The cycle: e from a to b, then the forest's path from b back to a (through their meeting node),
    // each edge's room to its ceiling and floor taken into the step's up and down as it is met (an
    // edge's up is its room to the ceiling where the cycle runs along it, to the floor against it).
    // Going up from b, along an edge that runs from child to parent (its tail the lower node); then
    // up from a, along one that runs from parent to child (its head the lower node).
    let up = Math.ceil(xe) - xe;
    let down = xe - Math.floor(xe);
    cycle[0] = e;
    let length = 1;
    let lower = tail;
    for (let v = b; ; v = parent[v], length++) {
      if (v === meet) {
        if (lower === head) break;
        lower = head;
        v = a;
        if (v === meet) break;
      }
      const f = parentEdge[v];
      const w = x[f];
      const toCeil = Math.ceil(w) - w;
      const toFloor = w - Math.floor(w);
      if (lower[f] === v) {
        cycle[length] = f;
        up = Math.min(up, toCeil);
        down = Math.min(down, toFloor);
      } else {
        cycle[length] = ~f;
        up = Math.min(up, toFloor);
        down = Math.min(down, toCeil);
      }
    }
    // +up or −down, with probabilities down ÷ (up + down) and up ÷ (up + down): one uniform.
    const step = random() * (up + down) < down ? up : -down;
    let eWhole = false;
    for (let k = 0; k < length; k++) {
      const c = cycle[k];
      const f = c >= 0 ? c : ~c;
      const v = c >= 0 ? x[f] + step : x[f] - step;
      if (!isWhole(v)) {
        x[f] = v;
        continue;
      }
      x[f] = Math.round(v);
      if (f === e) eWhole = true;
      else cut(parent, parentEdge, tail, head, f);
    }
    // A forest edge of the path left, so a and b are apart again: e joins them.
    if (!eWhole) hang(parent, parentEdge, a, b, e);
  }
}

/** Edge e joins b's tree to a's: b's tree rerooted at b, b hung from a. */
function hang(parent: Int32Array, parentEdge: Int32Array, a: number, b: number, e: number): void {
  let v = b;
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
  parent[b] = a;
  parentEdge[b] = e;
}

/** The forest edge f hangs its child from its parent: the child's subtree becomes a tree of its own. */
function cut(parent: Int32Array, parentEdge: Int32Array, tail: Int32Array, head: Int32Array, f: number): void {
  const child = parentEdge[tail[f]] === f ? tail[f] : head[f];
  parent[child] = -1;
  parentEdge[child] = -1;
}

/** The first `edges` edges at their whole numbers, in place; one left fractional is a fault of the network given (`why`). */
function rounded(x: Float64Array, edges: number, why: string): void {
  for (let e = 0; e < edges; e++) {
    const r = Math.round(x[e]);
    if (Math.abs(x[e] - r) > 1e-6) throw new InternalError(`unbiased rounding: edge ${e} left at ${x[e]} (${why})`);
    x[e] = r;
  }
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
  const floors: number[] = [];
  const parts: number[] = [];
  splitShares(shares, total, floors, parts);
  return { floors, parts: new Float64Array(parts) };
}

/** sharesToTotal into two empty arrays: each share's floor, then its fractional part moved to the total. */
function splitShares(shares: readonly number[], total: number, floors: number[], parts: number[]): void {
  const n = shares.length;
  let floorSum = 0;
  let partSum = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.max(0, shares[i]);
    const whole = isWhole(s);
    const f = whole ? Math.round(s) : Math.floor(s);
    floors.push(f);
    floorSum += f;
    const part = whole ? 0 : s - f;
    parts.push(part);
    partSum += part;
  }
  const k = total - floorSum;
  let room = 0;
  for (let i = 0; i < n; i++) if (parts[i] > 0) room += 1 - parts[i];
  if (k < 0 || k > partSum + room + 1e-9) throw new InternalError(`unbiased rounding: a total of ${total} cannot be reached from shares adding up to ${floorSum + partSum}`);
  for (let i = 0; i < n; i++) {
    if (parts[i] === 0) continue;
    parts[i] = k >= partSum ? parts[i] + ((k - partSum) * (1 - parts[i])) / room : (parts[i] * k) / partSum;
  }
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
  // Plain arrays: a handful of cells, hundreds of times a run, where typed arrays cost an allocation off the heap.
  const cells: number[] = [];
  const parts: number[] = [];
  splitShares(shares, total, cells, parts);
  roundStar(parts, random);
  for (let i = 0; i < cells.length; i++) {
    const r = Math.round(parts[i]);
    if (Math.abs(parts[i] - r) > 1e-6) throw new InternalError(`unbiased rounding: edge ${i} left at ${parts[i]} (the shares' total was not a whole number)`);
    cells[i] += r;
  }
  return cells;
}

/**
 * roundUnbiased on a star of parallel edges from one node to another, in place: edge for edge and
 * draw for draw what the general forest gives, without its arrays. The forest of two nodes holds at
 * most one edge, `held`; a fractional edge beside it closes the cycle (the new edge along it, `held`
 * against it), and after the step the forest is the new edge unless that became whole, and then
 * `held` unless that became whole too. The endings round one star per LA and type each year,
 * hundreds a run, each a handful of edges.
 */
function roundStar(x: number[], random: RandomSource): void {
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
}

/** Sets x[e] to v, rounded when it is whole; true when it is. */
function settle(x: number[], e: number, v: number): boolean {
  const whole = isWhole(v);
  x[e] = whole ? Math.round(v) : v;
  return whole;
}
