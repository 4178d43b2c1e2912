// Tier (c) of the matching is a transportation problem: place as many children as the vacancies
// allow, at the least total cost. It is solved exactly as a min-cost max-flow by successive shortest
// paths (Dijkstra with potentials). Nodes are numbered in code order and ties in the search go to
// the lower node, so the answer never depends on the order of input rows.

const INF = Number.MAX_SAFE_INTEGER;

export class MinCostFlow {
  private readonly head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private next: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds an arc and its residual twin; returns the arc's index (its twin is index ^ 1). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const e = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return e;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  flowOn(arc: number): number {
    return this.cap[arc ^ 1];
  }

  /** Sends the most flow from s to t at the least cost; arc costs must be non-negative. */
  run(s: number, t: number): { flow: number; cost: number } {
    const n = this.nodeCount;
    // Typed copies make the inner loop of the search several times faster than plain arrays.
    const to = Int32Array.from(this.to);
    const next = Int32Array.from(this.next);
    const arcCost = Float64Array.from(this.cost);
    const cap = Float64Array.from(this.cap);
    const head = this.head;
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const prevArc = new Int32Array(n);
    const done = new Uint8Array(n);
    let flow = 0;
    let cost = 0;
    const heap = new NodeHeap();
    for (;;) {
      dist.fill(Infinity);
      prevArc.fill(-1);
      done.fill(0);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      while (heap.size > 0) {
        const d = heap.topDist();
        const u = heap.pop();
        if (done[u] || d > dist[u]) continue;
        done[u] = 1;
        // Stop at the sink: nodes not yet settled are at least as far, which keeps reduced costs >= 0.
        if (u === t) break;
        const pu = potential[u];
        for (let e = head[u]; e !== -1; e = next[e]) {
          if (cap[e] <= 0) continue;
          const v = to[e];
          const nd = d + arcCost[e] + pu - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            prevArc[v] = e;
            heap.push(nd, v);
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
    for (let e = 0; e < cap.length; e++) this.cap[e] = cap[e];
    return { flow, cost };
  }
}

/** A binary min-heap of (distance, node), ties to the lower node; arrays reused between searches. */
class NodeHeap {
  private d: number[] = [];
  private v: number[] = [];
  size = 0;
  clear(): void {
    this.size = 0;
  }
  topDist(): number {
    return this.d[0];
  }
  push(dist: number, node: number): void {
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
}

/**
 * Children of each placing LA sent to each host in a least-cost maximum assignment, where placing a
 * child of LA i at host j in sector s costs 4 × metres(i, j) + rank(s). Returns flow[i][j].
 */
export function solveTransport(p: TransportProblem): number[][] {
  const m = p.supply.length;
  const k = p.vacancies.length;
  const source = 0;
  const laNode = (i: number): number => 1 + i;
  const hostNode = (j: number): number => 1 + m + j;
  const fpNode = 1 + m + k;
  const sink = fpNode + 1;
  const net = new MinCostFlow(sink + 1);
  for (let i = 0; i < m; i++) if (p.supply[i] > 0) net.addArc(source, laNode(i), p.supply[i], 0);
  const arcs: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) {
      const total = p.vacancies[j][0] + p.vacancies[j][1] + p.vacancies[j][2];
      row.push(p.supply[i] > 0 && total > 0 ? net.addArc(laNode(i), hostNode(j), INF, 4 * p.metres(i, j)) : -1);
    }
    arcs.push(row);
  }
  for (let j = 0; j < k; j++) {
    const [la, nfp, fp] = p.vacancies[j];
    if (la > 0) net.addArc(hostNode(j), sink, la, SECTOR_RANK[0]);
    if (nfp > 0) net.addArc(hostNode(j), sink, nfp, SECTOR_RANK[1]);
    if (fp > 0) net.addArc(hostNode(j), fpNode, fp, SECTOR_RANK[2]);
  }
  const cap = p.forProfitCap === null ? INF : p.forProfitCap;
  if (cap > 0) net.addArc(fpNode, sink, cap, 0);
  net.run(source, sink);
  return arcs.map((row) => row.map((a) => (a === -1 ? 0 : net.flowOn(a))));
}
