// Tier (c) of the matching is a transportation problem: place as many children as the vacancies
// allow, at the least total cost. It is solved exactly as a min-cost max-flow by successive shortest
// paths (Dijkstra with potentials). Nodes are numbered in code order and ties in the search go to
// the lower node, so the answer never depends on the order of input rows.

const INF = Number.MAX_SAFE_INTEGER;
/**
 * Networks of at most this many nodes pick the next node to settle by a scan of blocks of eight
 * nodes rather than a heap: faster up to England-sized networks (some 300 nodes), slower by some
 * 800. Either way nodes settle in the same order (a test switches it, through `scanUpTo`, to check
 * just that).
 */
const SCAN_NODES = 512;

export class MinCostFlow {
  private head: Int32Array;
  // Arcs in typed arrays from the start, grown by doubling: tier (c) solves about a hundred problems
  // of some fifteen nodes per Wales projection, so copying plain arrays into typed ones on every run
  // cost more than the searches themselves.
  private to: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;
  private next: Int32Array;
  private arcCount = 0;

  constructor(
    public nodeCount: number,
    expectedArcs = 64,
  ) {
    this.head = new Int32Array(nodeCount).fill(-1);
    const size = Math.max(4, 2 * expectedArcs);
    this.to = new Int32Array(size);
    this.cap = new Float64Array(size);
    this.cost = new Float64Array(size);
    this.next = new Int32Array(size);
  }

  /** Empties the network for a new one of `nodeCount` nodes, keeping its arrays where they are large enough. */
  reset(nodeCount: number, expectedArcs: number): void {
    this.nodeCount = nodeCount;
    if (this.head.length < nodeCount) this.head = new Int32Array(Math.max(nodeCount, 2 * this.head.length));
    this.head.fill(-1, 0, nodeCount);
    this.arcCount = 0;
    while (this.to.length < 2 * expectedArcs) this.grow();
  }

  /** Adds an arc and its residual twin; returns the arc's index (its twin is index ^ 1). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const e = this.arcCount;
    if (e + 2 > this.to.length) this.grow();
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return e;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    const e = this.arcCount++;
    this.to[e] = to;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[from];
    this.head[from] = e;
  }

  private grow(): void {
    this.to = doubled(this.to);
    this.cap = doubled(this.cap);
    this.cost = doubled(this.cost);
    this.next = doubled(this.next);
  }

  flowOn(arc: number): number {
    return this.cap[arc ^ 1];
  }

  /** Node potentials left by the last run: every residual arc has a non-negative reduced cost under them. */
  potential: Float64Array = new Float64Array(0);

  // The search's working arrays, this network's own, kept between runs (a network is reset and run
  // again for each of a projection's problems) and grown when a larger network comes along.
  private scratchDist = new Float64Array(64);
  private scratchPrevArc = new Int32Array(64);
  private scratchDone = new Uint8Array(64);
  private scratchKey = new Float64Array(64);
  private scratchBlockMin = new Float64Array(8);
  private adjStart = new Int32Array(65);
  private adjList = new Int32Array(256);
  private adjTo = new Int32Array(256);
  private adjCost = new Float64Array(256);
  private heap = new NodeHeap();

  private adjacency(n: number, arcs: number): { start: Int32Array; list: Int32Array; listTo: Int32Array; listCost: Float64Array } {
    if (this.adjStart.length < n + 1) this.adjStart = new Int32Array(Math.max(n + 1, 2 * this.adjStart.length));
    if (this.adjList.length < arcs) {
      const size = Math.max(arcs, 2 * this.adjList.length);
      this.adjList = new Int32Array(size);
      this.adjTo = new Int32Array(size);
      this.adjCost = new Float64Array(size);
    }
    return { start: this.adjStart, list: this.adjList, listTo: this.adjTo, listCost: this.adjCost };
  }

  private scratch(n: number): { dist: Float64Array; prevArc: Int32Array; done: Uint8Array; key: Float64Array; blockMin: Float64Array } {
    if (this.scratchDist.length < n) {
      this.scratchDist = new Float64Array(n);
      this.scratchPrevArc = new Int32Array(n);
      this.scratchDone = new Uint8Array(n);
      this.scratchKey = new Float64Array(n);
      this.scratchBlockMin = new Float64Array((n + 7) >> 3);
    }
    return { dist: this.scratchDist, prevArc: this.scratchPrevArc, done: this.scratchDone, key: this.scratchKey, blockMin: this.scratchBlockMin };
  }

  residual(arc: number): number {
    return this.cap[arc];
  }

  /** Sends the most flow from s to t at the least cost; arc costs must be non-negative. */
  run(s: number, t: number, scanUpTo = SCAN_NODES): { flow: number; cost: number } {
    const n = this.nodeCount;
    const to = this.to;
    const next = this.next;
    const arcCost = this.cost;
    const cap = this.cap;
    const head = this.head;
    const potential = new Float64Array(n);
    const { dist, prevArc, done, key, blockMin } = this.scratch(n);
    const blocks = (n + 7) >> 3;
    // Each node's arcs laid out one after another, in the order of its list (head, then next): the
    // search walks them by index rather than chasing next[e], each step waiting on the last load.
    const m = this.arcCount;
    const { start, list, listTo, listCost } = this.adjacency(n, m);
    let q = 0;
    for (let u = 0; u < n; u++) {
      start[u] = q;
      for (let e = head[u]; e !== -1; e = next[e]) {
        list[q] = e;
        listTo[q] = to[e];
        listCost[q] = arcCost[e];
        q++;
      }
    }
    start[n] = q;
    let flow = 0;
    let cost = 0;
    const heap = this.heap;
    const small = n <= scanUpTo;
    for (;;) {
      dist.fill(Infinity, 0, n);
      prevArc.fill(-1, 0, n);
      done.fill(0, 0, n);
      dist[s] = 0;
      if (small) {
        key.fill(Infinity, 0, n);
        key[s] = 0;
        blockMin.fill(Infinity, 0, blocks);
        blockMin[s >> 3] = 0;
      }
      heap.clear();
      heap.push(0, s);
      for (;;) {
        // The next node to settle: the unsettled one nearest the source, ties to the lower node. A
        // scan of every node finds it faster than a heap in the small networks of Wales; both settle
        // nodes in exactly the same order.
        let u = -1;
        let d = Infinity;
        if (small) {
          // key[v] is dist[v] while v is unsettled and Infinity once settled, and blockMin[b] the
          // least key of nodes 8b … 8b+7. The first block holding the least key holds the lowest
          // node with it: the same node a scan of every node picks.
          let b = -1;
          for (let i = 0; i < blocks; i++) {
            if (blockMin[i] < d) {
              d = blockMin[i];
              b = i;
            }
          }
          if (b === -1) break;
          const lo = b << 3;
          const hi = Math.min(n, lo + 8);
          u = lo;
          while (key[u] !== d) u++;
          key[u] = Infinity;
          let least = Infinity;
          for (let v = lo; v < hi; v++) if (key[v] < least) least = key[v];
          blockMin[b] = least;
        } else {
          if (heap.size === 0) break;
          d = heap.topDist();
          u = heap.pop();
          if (done[u] || d > dist[u]) continue;
        }
        done[u] = 1;
        // Stop at the sink: nodes not yet settled are at least as far, which keeps reduced costs >= 0.
        if (u === t) break;
        const pu = potential[u];
        for (let i = start[u], end = start[u + 1]; i < end; i++) {
          const e = list[i];
          if (cap[e] <= 0) continue;
          const v = listTo[i];
          // A settled node's distance is final: a reduced cost a hair below 0 (floating-point error in
          // the potentials, −9e-16 where fractional costs were summed in another order) must not move
          // it, or its path can lead back into itself and the walk below never ends.
          if (done[v] === 1) continue;
          const nd = d + listCost[i] + pu - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            prevArc[v] = e;
            if (!small) heap.push(nd, v);
            else {
              key[v] = nd;
              if (nd < blockMin[v >> 3]) blockMin[v >> 3] = nd;
            }
          }
        }
      }
      if (!done[t]) break;
      const reach = dist[t];
      for (let v = 0; v < n; v++) potential[v] += done[v] ? dist[v] : reach;
      let push = INF;
      for (let v = t; v !== s; v = to[prevArc[v] ^ 1]) push = Math.min(push, cap[prevArc[v]]);
      for (let v = t; v !== s; v = to[prevArc[v] ^ 1]) {
        const e = prevArc[v];
        cap[e] -= push;
        cap[e ^ 1] += push;
        cost += push * arcCost[e];
      }
      flow += push;
    }
    this.potential = potential;
    return { flow, cost };
  }
}

/** A binary min-heap of (distance, node), ties to the lower node; arrays reused between searches. */
export class NodeHeap {
  // Typed arrays, grown by doubling: a search pushes at most once per arc relaxed, plus the source.
  private d = new Float64Array(256);
  private v = new Int32Array(256);
  size = 0;
  clear(): void {
    this.size = 0;
  }
  private grow(): void {
    const d = new Float64Array(2 * this.d.length);
    d.set(this.d);
    this.d = d;
    const v = new Int32Array(2 * this.v.length);
    v.set(this.v);
    this.v = v;
  }
  topDist(): number {
    return this.d[0];
  }
  push(dist: number, node: number): void {
    if (this.size === this.d.length) this.grow();
    let i = this.size++;
    const d = this.d;
    const v = this.v;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (d[p] < dist || (d[p] === dist && v[p] < node)) break;
      d[i] = d[p];
      v[i] = v[p];
      i = p;
    }
    d[i] = dist;
    v[i] = node;
  }
  /** Removes the top and returns its node. */
  pop(): number {
    const d = this.d;
    const v = this.v;
    const top = v[0];
    const n = --this.size;
    if (n > 0) {
      const ld = d[n];
      const lv = v[n];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && (d[r] < d[l] || (d[r] === d[l] && v[r] < v[l])) ? r : l;
        if (ld < d[m] || (ld === d[m] && lv < v[m])) break;
        d[i] = d[m];
        v[i] = v[m];
        i = m;
      }
      d[i] = ld;
      v[i] = lv;
    }
    return top;
  }
}


/** A typed array twice as long, holding the same values at the start. */
function doubled<A extends Int32Array | Float64Array>(a: A): A {
  const out = new (a.constructor as new (n: number) => A)(2 * a.length);
  out.set(a);
  return out;
}

/** Sector ranks: the cost of a placement adds 0 for `la`, 1 for `nfp`, 2 for `fp`. */
export const SECTOR_RANK = [0, 1, 2] as const;

export interface TransportProblem {
  /** Seekers per placing LA, in LA code order. */
  supply: number[];
  /** Vacancies per host, in host code order, by sector rank [la, nfp, fp]. */
  vacancies: Array<[la: number, nfp: number, fp: number]>;
  /** Whole metres from placing LA i to host j. */
  metres: (i: number, j: number) => number;
  /** At most this many children in for-profit vacancies (all hosts together); null = no limit. */
  forProfitCap: number | null;
  /** Start from each LA's nearest hosts only when there are more hosts than this (default 40). */
  denseUpTo?: number;
  /** Settle nodes by a block scan up to this many nodes, by a heap above (default 512; the same answer). */
  scanUpTo?: number;
}

/** Below this many hosts every (LA, host) pair is an arc; above it the search starts from the nearest. */
const DENSE_HOSTS = 40;
const NEAREST_HOSTS = 16;

/**
 * What solves a projection's transport problems: one network, reset for each problem, so that its
 * arrays (and its search's) are allocated once rather than for each of a projection's hundred-odd
 * problems. A value its caller holds (runProjection makes one per projection), never shared state.
 */
export class TransportSolver {
  private net: MinCostFlow | null = null;

  /** The network, emptied for a problem of `nodeCount` nodes. */
  network(nodeCount: number, expectedArcs: number): MinCostFlow {
    if (this.net === null) this.net = new MinCostFlow(nodeCount, expectedArcs);
    else this.net.reset(nodeCount, expectedArcs);
    return this.net;
  }
}

/**
 * Children of each placing LA sent to each host in a least-cost maximum assignment, where placing a
 * child of LA i at host j in sector s costs 4 × metres(i, j) + rank(s). Returns flow[i][j].
 *
 * With many hosts, the problem is first solved with each LA's nearest hosts only, then checked on the
 * full problem: if some left-out pair would lower the cost (a negative reduced cost under the final
 * potentials) or open an augmenting path, those pairs are added and the problem solved again. The
 * answer is therefore exactly optimal, only found faster.
 */
export function solveTransport(problem: TransportProblem, solver: TransportSolver = new TransportSolver()): number[][] {
  const m = problem.supply.length;
  const k = problem.vacancies.length;
  // Flat arrays, row i holding LA i's hosts: a solve is small and frequent, so its set-up matters.
  const metres = new Float64Array(m * k);
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) metres[i * k + j] = problem.metres(i, j);
  const p: Problem = { m, k, supply: problem.supply, vacancies: problem.vacancies, metres, forProfitCap: problem.forProfitCap, scanUpTo: problem.scanUpTo };
  const dense = k <= (problem.denseUpTo ?? DENSE_HOSTS);
  const allowed = new Uint8Array(m * k).fill(dense ? 1 : 0);
  if (!dense) {
    for (let i = 0; i < m; i++) for (const j of nearestHosts(metres.subarray(i * k, (i + 1) * k), NEAREST_HOSTS)) allowed[i * k + j] = 1;
  }
  // With every pair an arc the first solution is the full problem's: nothing can be missing.
  if (dense) return solveOnArcs(p, allowed, false, solver).flow;
  for (;;) {
    const solved = solveOnArcs(p, allowed, true, solver);
    const missing = pairsToAdd(p, allowed, solved);
    if (missing.length === 0) return solved.flow;
    for (const [i, j] of missing) allowed[i * k + j] = 1;
  }
}

/**
 * The `count` hosts nearest by metres (ties to the lower index), by insertion into a short sorted
 * list: most hosts are rejected by one comparison with the list's last, where sorting every host
 * for every LA cost a sixth of an England-sized projection.
 */
export function nearestHosts(metres: ArrayLike<number>, count: number): number[] {
  const best: number[] = [];
  const closer = (a: number, b: number): boolean => metres[a] < metres[b] || (metres[a] === metres[b] && a < b);
  for (let j = 0; j < metres.length; j++) {
    if (best.length === count && !closer(j, best[count - 1])) continue;
    let at = best.length === count ? count - 1 : best.length;
    if (best.length < count) best.push(j);
    while (at > 0 && closer(j, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = j;
  }
  return best;
}

/** The problem as the solver works on it: metres[i * k + j] from LA i to host j. */
interface Problem {
  m: number;
  k: number;
  supply: readonly number[];
  vacancies: ReadonlyArray<readonly [number, number, number]>;
  metres: Float64Array;
  forProfitCap: number | null;
  scanUpTo: number | undefined;
}

interface Solved {
  flow: number[][];
  potential: Float64Array;
  /** Residual supply of each LA; residual capacity of each host's la, nfp and fp arcs; of the fp cap. */
  supplyLeft: number[];
  sectorLeft: Array<[number, number, number]>;
  fpFlow: number[];
  fpCapLeft: number;
}

const INF_CAP = Number.MAX_SAFE_INTEGER;


/** Solves on the allowed pairs; the residuals that pairsToAdd reads only if `residuals`. */
function solveOnArcs(p: Problem, allowed: Uint8Array, residuals: boolean, solver: TransportSolver): Solved {
  const { m, k, supply, vacancies, metres } = p;
  const source = 0;
  // Nodes: the source, LAs 1 … m, hosts m+1 … m+k, the shared fp node, the sink.
  const la0 = 1;
  const host0 = 1 + m;
  const fpNode = 1 + m + k;
  const sink = fpNode + 1;
  const hostOpen = new Uint8Array(k);
  let arcCount = 1;
  for (let j = 0; j < k; j++) {
    const [la, nfp, fp] = vacancies[j];
    hostOpen[j] = la + nfp + fp > 0 ? 1 : 0;
    arcCount += (la > 0 ? 1 : 0) + (nfp > 0 ? 1 : 0) + (fp > 0 ? 1 : 0);
  }
  for (let i = 0; i < m; i++) {
    if (supply[i] <= 0) continue;
    arcCount++;
    for (let j = 0; j < k; j++) if (allowed[i * k + j] && hostOpen[j]) arcCount++;
  }
  const net = solver.network(sink + 1, arcCount);
  // Arcs are added in the same order as ever: the order of each node's arcs settles ties in the search.
  const supplyArc = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) if (supply[i] > 0) supplyArc[i] = net.addArc(source, la0 + i, supply[i], 0);
  const arcs = new Int32Array(m * k).fill(-1);
  for (let i = 0; i < m; i++) {
    if (supply[i] <= 0) continue;
    for (let j = 0; j < k; j++) {
      if (allowed[i * k + j] && hostOpen[j]) arcs[i * k + j] = net.addArc(la0 + i, host0 + j, INF_CAP, 4 * metres[i * k + j]);
    }
  }
  const sectorArcs = new Int32Array(3 * k).fill(-1);
  for (let j = 0; j < k; j++) {
    const [la, nfp, fp] = vacancies[j];
    if (la > 0) sectorArcs[3 * j] = net.addArc(host0 + j, sink, la, SECTOR_RANK[0]);
    if (nfp > 0) sectorArcs[3 * j + 1] = net.addArc(host0 + j, sink, nfp, SECTOR_RANK[1]);
    if (fp > 0) sectorArcs[3 * j + 2] = net.addArc(host0 + j, fpNode, fp, SECTOR_RANK[2]);
  }
  const cap = p.forProfitCap === null ? INF_CAP : p.forProfitCap;
  const capArc = cap > 0 ? net.addArc(fpNode, sink, cap, 0) : -1;
  net.run(source, sink, p.scanUpTo);
  const left = (a: number): number => (a === -1 ? 0 : net.residual(a));
  const flow: number[][] = new Array(m);
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(k);
    for (let j = 0; j < k; j++) {
      const a = arcs[i * k + j];
      row[j] = a === -1 ? 0 : net.flowOn(a);
    }
    flow[i] = row;
  }
  if (!residuals) return { flow, potential: net.potential, supplyLeft: [], sectorLeft: [], fpFlow: [], fpCapLeft: 0 };
  const supplyLeft = new Array<number>(m);
  for (let i = 0; i < m; i++) supplyLeft[i] = left(supplyArc[i]);
  const sectorLeft = new Array<[number, number, number]>(k);
  const fpFlow = new Array<number>(k);
  for (let j = 0; j < k; j++) {
    sectorLeft[j] = [left(sectorArcs[3 * j]), left(sectorArcs[3 * j + 1]), left(sectorArcs[3 * j + 2])];
    const c = sectorArcs[3 * j + 2];
    fpFlow[j] = c === -1 ? 0 : net.flowOn(c);
  }
  return { flow, potential: net.potential, supplyLeft, sectorLeft, fpFlow, fpCapLeft: left(capArc) };
}

/**
 * Left-out pairs that the full problem needs: those with a negative reduced cost, and, if the full
 * residual network still has an augmenting path, every left-out pair of the LAs it reaches.
 */
function pairsToAdd(p: Problem, allowed: Uint8Array, s: Solved): Array<[number, number]> {
  const { m, k } = p;
  const pot = s.potential;
  const laNode = (i: number): number => 1 + i;
  const hostNode = (j: number): number => 1 + m + j;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < m; i++) {
    if (p.supply[i] <= 0) continue;
    for (let j = 0; j < k; j++) {
      if (allowed[i * k + j]) continue;
      if (4 * p.metres[i * k + j] + pot[laNode(i)] - pot[hostNode(j)] < 0) out.push([i, j]);
    }
  }
  if (out.length > 0) return out;
  // Reachability from the source in the full residual network, missing pairs included.
  const laSeen = new Array<boolean>(m).fill(false);
  const hostSeen = new Array<boolean>(k).fill(false);
  let fpSeen = false;
  const laQueue: number[] = [];
  for (let i = 0; i < m; i++) if (s.supplyLeft[i] > 0) (laSeen[i] = true), laQueue.push(i);
  while (laQueue.length > 0) {
    laQueue.pop();
    // Any reached LA reaches every host (forward arcs have unlimited capacity).
    const newHosts: number[] = [];
    for (let j = 0; j < k; j++) if (!hostSeen[j] && p.vacancies[j][0] + p.vacancies[j][1] + p.vacancies[j][2] > 0) (hostSeen[j] = true), newHosts.push(j);
    const hosts = [...newHosts];
    while (hosts.length > 0) {
      const j = hosts.pop()!;
      if (s.sectorLeft[j][0] > 0 || s.sectorLeft[j][1] > 0 || (s.sectorLeft[j][2] > 0 && s.fpCapLeft > 0)) {
        const reached = laSeen.map((seen, i) => (seen ? i : -1)).filter((i) => i >= 0);
        for (const i of reached) for (let jj = 0; jj < k; jj++) if (!allowed[i * k + jj]) out.push([i, jj]);
        return out;
      }
      if (s.sectorLeft[j][2] > 0 && !fpSeen) {
        fpSeen = true;
        // Through the shared fp node back to hosts whose fp arcs carry flow.
        for (let jj = 0; jj < k; jj++) if (!hostSeen[jj] && s.fpFlow[jj] > 0) (hostSeen[jj] = true), hosts.push(jj);
      }
      for (let i = 0; i < m; i++) if (!laSeen[i] && s.flow[i][j] > 0) (laSeen[i] = true), laQueue.push(i);
    }
  }
  return out;
}
