// The unbiased rounding's cycle search (src/model/matching/unbiased.ts) finds each cycle with one walk
// up from each end of the new edge. It must keep the very forest, cycles and draws of the search it
// replaced (ask both ends for their root, then mark a's path): the shipped scenarios' figures were
// proved byte-identical across the change (docs/performance.md §9). This test keeps the replaced
// search as the reference and checks the two agree, edge for edge and draw for draw, on random
// networks whose nodes' net flows are whole numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundSharesUnbiased, roundUnbiased, sharesToTotal, type RoundingNetwork } from '../../src/model/matching/unbiased.js';
import { xoshiro128ss, type RandomSource } from '../../src/model/random.js';

/** The search as it was before issue 20: rootOf on both ends, then a's path marked. */
function referenceRound(net: RoundingNetwork, random: RandomSource): Float64Array {
  const { nodes, tail, head } = net;
  const x = Float64Array.from(net.flow);
  const parent = new Int32Array(nodes).fill(-1);
  const parentEdge = new Int32Array(nodes).fill(-1);
  const mark = new Int32Array(nodes);
  let stamp = 0;
  const isWhole = (v: number): boolean => Math.abs(v - Math.round(v)) <= 1e-9 * Math.max(1, Math.abs(v));
  const rootOf = (v: number): number => {
    while (parent[v] !== -1) v = parent[v];
    return v;
  };
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
    if (rootOf(a) !== rootOf(b)) {
      reroot(b);
      parent[b] = a;
      parentEdge[b] = e;
      continue;
    }
    stamp++;
    for (let v = a; v !== -1; v = parent[v]) mark[v] = stamp;
    const cycle = [e];
    const along = [1];
    let meet = b;
    while (mark[meet] !== stamp) {
      const f = parentEdge[meet];
      cycle.push(f);
      along.push(tail[f] === meet ? 1 : -1);
      meet = parent[meet];
    }
    for (let v = a; v !== meet; v = parent[v]) {
      const f = parentEdge[v];
      cycle.push(f);
      along.push(head[f] === v ? 1 : -1);
    }
    let up = Infinity;
    let down = Infinity;
    cycle.forEach((f, k) => {
      const toCeil = Math.ceil(x[f]) - x[f];
      const toFloor = x[f] - Math.floor(x[f]);
      up = Math.min(up, along[k] > 0 ? toCeil : toFloor);
      down = Math.min(down, along[k] > 0 ? toFloor : toCeil);
    });
    const step = random() * (up + down) < down ? up : -down;
    let eWhole = false;
    cycle.forEach((f, k) => {
      const v = x[f] + along[k] * step;
      if (!isWhole(v)) {
        x[f] = v;
        return;
      }
      x[f] = Math.round(v);
      if (f === e) eWhole = true;
      else {
        const child = parentEdge[tail[f]] === f ? tail[f] : head[f];
        parent[child] = -1;
        parentEdge[child] = -1;
      }
    });
    if (!eWhole) {
      reroot(b);
      parent[b] = a;
      parentEdge[b] = e;
    }
  }
  return x.map((v) => Math.round(v));
}

/**
 * A network whose nodes' net flows are whole: whole numbers on random edges, plus fractions sent
 * round random cycles (a cycle adds as much to a node as it takes away). Edges in a shuffled order.
 */
const networks = fc
  .record({
    nodes: fc.integer({ min: 2, max: 9 }),
    cycles: fc.array(fc.record({ path: fc.array(fc.nat(), { minLength: 2, maxLength: 6 }), amount: fc.double({ min: 0.01, max: 0.99, noNaN: true }) }), { minLength: 1, maxLength: 12 }),
    wholes: fc.array(fc.nat(5), { maxLength: 60 }),
    seed: fc.nat(),
  })
  .map(({ nodes, cycles, wholes, seed }) => {
    const tail: number[] = [];
    const head: number[] = [];
    const flow: number[] = [];
    for (const c of cycles) {
      // Distinct nodes round the cycle; a cycle of one node is no cycle.
      const path = [...new Set(c.path.map((v) => v % nodes))];
      if (path.length < 2) continue;
      path.forEach((v, k) => {
        tail.push(v);
        head.push(path[(k + 1) % path.length]);
        flow.push(c.amount + (wholes[tail.length % Math.max(1, wholes.length)] ?? 0));
      });
    }
    return { net: { nodes, tail: Int32Array.from(tail), head: Int32Array.from(head), flow: Float64Array.from(flow) }, seed };
  });

describe('unbiased rounding: the one-walk cycle search', () => {
  it('rounds every network exactly as the search it replaced, drawing the same uniforms', () => {
    let cycles = 0;
    fc.assert(
      fc.property(networks, ({ net, seed }) => {
        let drawsNew = 0;
        let drawsOld = 0;
        const a = xoshiro128ss(BigInt(seed));
        const b = xoshiro128ss(BigInt(seed));
        const got = roundUnbiased(net, () => (drawsNew++, a()));
        const want = referenceRound(net, () => (drawsOld++, b()));
        expect(Array.from(got)).toEqual(Array.from(want));
        expect(drawsNew).toBe(drawsOld);
        cycles += drawsNew;
      }),
      { numRuns: 500 },
    );
    // The networks close cycles (one draw each), so the searches were compared where they differ.
    expect(cycles).toBeGreaterThan(500);
  });

  it('rounds a triangle worked by hand: 0.5 round the cycle 0 → 1 → 2 → 0 becomes 0 or 1 on every edge together', () => {
    // Edges 0→1, 1→2 join the forest; 2→0 closes the cycle, along all three: up = 0.5, down = 0.5.
    // A draw u with u × (up + down) < down, here u < 0.5, moves all three up to 1; else down to 0.
    const net = { nodes: 3, tail: Int32Array.of(0, 1, 2), head: Int32Array.of(1, 2, 0), flow: Float64Array.of(0.5, 0.5, 0.5) };
    expect(Array.from(roundUnbiased(net, () => 0.25))).toEqual([1, 1, 1]);
    expect(Array.from(roundUnbiased(net, () => 0.75))).toEqual([0, 0, 0]);
  });
});

describe('unbiased rounding of shares: the star without a forest', () => {
  /** The endings as they are rounded on the general forest: a star of parallel edges, node 0 to node 1. */
  function referenceShares(shares: readonly number[], total: number, random: RandomSource): number[] {
    const { floors, parts } = sharesToTotal(shares, total);
    const n = shares.length;
    const rounded = roundUnbiased({ nodes: 2, tail: new Int32Array(n), head: new Int32Array(n).fill(1), flow: parts }, random);
    return floors.map((f, i) => f + rounded[i]);
  }

  it('rounds every set of shares exactly as the general forest, drawing the same uniforms', () => {
    let cycles = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 14 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.boolean(),
        fc.nat(),
        (children, share, up, seed) => {
          const exact = children.map((c) => c * share);
          const sum = exact.reduce((t, x) => t + x, 0);
          // The caller's total: the floor or the ceiling of the shares' sum.
          const total = up ? Math.ceil(sum - 1e-9) : Math.floor(sum + 1e-9);
          let drawsNew = 0;
          let drawsOld = 0;
          const a = xoshiro128ss(BigInt(seed));
          const b = xoshiro128ss(BigInt(seed));
          const got = roundSharesUnbiased(exact, total, () => (drawsNew++, a()));
          const want = referenceShares(exact, total, () => (drawsOld++, b()));
          expect(got).toEqual(want);
          expect(drawsNew).toBe(drawsOld);
          cycles += drawsNew;
        },
      ),
      { numRuns: 2000 },
    );
    expect(cycles).toBeGreaterThan(2000);
  });

  it('rounds shares worked by hand: 0.5, 0.5, 0.6 to a total of 2', () => {
    // sharesToTotal raises the parts to 0.643, 0.643, 0.714 (sum 2). Edge 0 joins the forest; edge 1
    // closes a cycle, along it, edge 0 against: up = min(1 − 0.643, 0.643 − 0) = 0.357, down =
    // min(0.643, 0.357) = 0.357; a draw of 0 (below down ÷ (up + down)) moves edge 1 up to 1 and
    // edge 0 down to 0.286. Edge 2 closes a cycle with edge 0: up = min(1 − 0.714, 0.286) = 0.286,
    // and a draw of 0 again moves edge 2 up to 1 and edge 0 down to 0: cells 0, 1, 1.
    expect(roundSharesUnbiased([0.5, 0.5, 0.6], 2, () => 0)).toEqual([0, 1, 1]);
    expect(roundSharesUnbiased([0.5, 0.5, 0.6], 2, () => 0.999).reduce((t, x) => t + x, 0)).toBe(2);
  });
});
