// Tier (c) of the matching is a transportation problem: place as many children as the vacancies
// allow, at the least total cost. It is solved exactly as a min-cost max-flow by successive shortest
// paths (Dijkstra with potentials). Nodes are numbered in code order and ties in the search go to
// the lower node, so the answer never depends on the order of input rows.
import { MinCostFlow } from './min-cost-flow.js';
import { SECTOR_RANK } from './types.js';

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
 * for every LA would cost a sixth of an England-sized projection.
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
  // Source arcs first, then LA to host, then host to sector: the order of each node's
  // arcs settles ties in the search, so it is part of the answer.
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
    if (la > 0) sectorArcs[3 * j] = net.addArc(host0 + j, sink, la, SECTOR_RANK.la);
    if (nfp > 0) sectorArcs[3 * j + 1] = net.addArc(host0 + j, sink, nfp, SECTOR_RANK.nfp);
    if (fp > 0) sectorArcs[3 * j + 2] = net.addArc(host0 + j, fpNode, fp, SECTOR_RANK.fp);
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
