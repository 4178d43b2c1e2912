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
  /** Node potentials left by the last run: every residual arc has a non-negative reduced cost under them. */
  potential: Float64Array = new Float64Array(0);

  residual(arc: number): number {
    return this.cap[arc];
  }

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
    this.potential = potential;
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
  /** Start from each LA's nearest hosts only when there are more hosts than this (default 40). */
  denseUpTo?: number;
}

/** Below this many hosts every (LA, host) pair is an arc; above it the search starts from the nearest. */
const DENSE_HOSTS = 40;
const NEAREST_HOSTS = 16;

/**
 * Children of each placing LA sent to each host in a least-cost maximum assignment, where placing a
 * child of LA i at host j in sector s costs 4 × metres(i, j) + rank(s). Returns flow[i][j].
 *
 * With many hosts, the problem is first solved with each LA's nearest hosts only, then checked on the
 * full problem: if some left-out pair would lower the cost (a negative reduced cost under the final
 * potentials) or open an augmenting path, those pairs are added and the problem solved again. The
 * answer is therefore exactly optimal, only found faster.
 */
export function solveTransport(problem: TransportProblem): number[][] {
  const m = problem.supply.length;
  const k = problem.vacancies.length;
  const metres = Array.from({ length: m }, (_, i) => Array.from({ length: k }, (_, j) => problem.metres(i, j)));
  const p: TransportProblem = { ...problem, metres: (i, j) => metres[i][j] };
  const dense = k <= (problem.denseUpTo ?? DENSE_HOSTS);
  const allowed: boolean[][] = p.supply.map(() => new Array<boolean>(k).fill(dense));
  if (!dense) {
    for (let i = 0; i < m; i++) for (const j of nearestHosts(metres[i], NEAREST_HOSTS)) allowed[i][j] = true;
  }
  // With every pair an arc the first solution is the full problem's: nothing can be missing.
  if (dense) return solveOnArcs(p, allowed).flow;
  for (;;) {
    const solved = solveOnArcs(p, allowed);
    const missing = pairsToAdd(p, allowed, solved);
    if (missing.length === 0) return solved.flow;
    for (const [i, j] of missing) allowed[i][j] = true;
  }
}

/**
 * The `count` hosts nearest by metres (ties to the lower index), by insertion into a short sorted
 * list: most hosts are rejected by one comparison with the list's last, where sorting every host
 * for every LA cost a sixth of an England-sized projection.
 */
export function nearestHosts(metres: readonly number[], count: number): number[] {
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

function solveOnArcs(p: TransportProblem, allowed: boolean[][]): Solved {
  const m = p.supply.length;
  const k = p.vacancies.length;
  const source = 0;
  const laNode = (i: number): number => 1 + i;
  const hostNode = (j: number): number => 1 + m + j;
  const fpNode = 1 + m + k;
  const sink = fpNode + 1;
  const net = new MinCostFlow(sink + 1);
  const supplyArc = p.supply.map((s, i) => (s > 0 ? net.addArc(source, laNode(i), s, 0) : -1));
  const arcs: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) {
      const total = p.vacancies[j][0] + p.vacancies[j][1] + p.vacancies[j][2];
      row.push(allowed[i][j] && p.supply[i] > 0 && total > 0 ? net.addArc(laNode(i), hostNode(j), INF_CAP, 4 * p.metres(i, j)) : -1);
    }
    arcs.push(row);
  }
  const sectorArcs = p.vacancies.map(([la, nfp, fp], j) => [
    la > 0 ? net.addArc(hostNode(j), sink, la, SECTOR_RANK[0]) : -1,
    nfp > 0 ? net.addArc(hostNode(j), sink, nfp, SECTOR_RANK[1]) : -1,
    fp > 0 ? net.addArc(hostNode(j), fpNode, fp, SECTOR_RANK[2]) : -1,
  ]);
  const cap = p.forProfitCap === null ? INF_CAP : p.forProfitCap;
  const capArc = cap > 0 ? net.addArc(fpNode, sink, cap, 0) : -1;
  net.run(source, sink);
  const left = (a: number): number => (a === -1 ? 0 : net.residual(a));
  return {
    flow: arcs.map((row) => row.map((a) => (a === -1 ? 0 : net.flowOn(a)))),
    potential: net.potential,
    supplyLeft: supplyArc.map(left),
    sectorLeft: sectorArcs.map(([a, b, c]) => [left(a), left(b), left(c)]),
    fpFlow: sectorArcs.map(([, , c]) => (c === -1 ? 0 : net.flowOn(c))),
    fpCapLeft: left(capArc),
  };
}

/**
 * Left-out pairs that the full problem needs: those with a negative reduced cost, and, if the full
 * residual network still has an augmenting path, every left-out pair of the LAs it reaches.
 */
function pairsToAdd(p: TransportProblem, allowed: boolean[][], s: Solved): Array<[number, number]> {
  const m = p.supply.length;
  const k = p.vacancies.length;
  const pot = s.potential;
  const laNode = (i: number): number => 1 + i;
  const hostNode = (j: number): number => 1 + m + j;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < m; i++) {
    if (p.supply[i] <= 0) continue;
    for (let j = 0; j < k; j++) {
      if (allowed[i][j]) continue;
      if (4 * p.metres(i, j) + pot[laNode(i)] - pot[hostNode(j)] < 0) out.push([i, j]);
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
        for (const i of reached) for (let jj = 0; jj < k; jj++) if (!allowed[i][jj]) out.push([i, jj]);
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
