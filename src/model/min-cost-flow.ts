// The min-cost max-flow solver under tier (c) of the matching (transport.ts): successive shortest
// paths, Dijkstra with potentials (docs/model.md §4.2). Nodes are numbered by the caller and ties in
// the search go to the lower node, so the answer depends only on the numbering.

const INF = Number.MAX_SAFE_INTEGER;
/**
 * Networks of at most this many nodes pick the next node to settle by a scan of blocks of eight
 * nodes rather than a heap: faster up to England-sized networks (some 300 nodes), slower by some
 * 800. Either way nodes settle in the same order (a test switches it, through `scanUpTo`, to check
 * just that).
 */
const SCAN_NODES = 512;

/** A search's working arrays, by node (blockMin by block of eight nodes). */
interface Scratch {
  dist: Float64Array;
  prevArc: Int32Array;
  done: Uint8Array;
  key: Float64Array;
  blockMin: Float64Array;
}

export class MinCostFlow {
  private head: Int32Array;
  // Arcs in typed arrays from the start, grown by doubling: tier (c) solves about a hundred problems
  // of some fifteen nodes per Wales projection, so copying plain arrays into typed ones on every run
  // would cost more than the searches themselves.
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

  private scratch(n: number): Scratch {
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
    const potential = new Float64Array(n);
    this.layOutArcs(n);
    const small = n <= scanUpTo;
    const work = this.scratch(n);
    const { dist, prevArc, done } = work;
    const to = this.to;
    const cap = this.cap;
    const arcCost = this.cost;
    let flow = 0;
    let cost = 0;
    while (this.shortestPaths(s, t, potential, small, work)) {
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

  /**
   * Each node's arcs laid out one after another, in the order of its list (head, then next): the
   * search walks them by index rather than chasing next[e], each step waiting on the last load.
   */
  private layOutArcs(n: number): void {
    const { to, next, head } = this;
    const arcCost = this.cost;
    const { start, list, listTo, listCost } = this.adjacency(n, this.arcCount);
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
  }

  /**
   * Dijkstra from s over residual arcs, with reduced costs under `potential`, stopping at t; leaves
   * each node's distance, the arc it is reached by and whether it settled in `work`.
   * Returns whether t is reached.
   */
  private shortestPaths(s: number, t: number, potential: Float64Array, small: boolean, work: Scratch): boolean {
    const n = this.nodeCount;
    const cap = this.cap;
    const { dist, prevArc, done, key, blockMin } = work;
    const { adjStart: start, adjList: list, adjTo: listTo, adjCost: listCost } = this;
    const blocks = (n + 7) >> 3;
    const heap = this.heap;
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
        // the potentials, −9e-16 where fractional costs are summed in another order) must not move
        // it, or its path can lead back into itself and run's walk back from t never ends.
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
    return done[t] === 1;
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
