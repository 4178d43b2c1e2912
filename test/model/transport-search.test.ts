// The transport search picks its next node by a block scan in networks up to
// `scanUpTo` nodes (512 by default) and by a heap above: both must settle nodes in the same order,
// so every problem, ties between equal distances included, has the same answer either way.
import { describe, expect, it } from 'vitest';
import { solveTransport, type TransportProblem } from '../../src/model/transport.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function problem(seed: number): TransportProblem {
  const r = lcg(seed);
  const m = 3 + Math.floor(r() * 40);
  const k = 3 + Math.floor(r() * 60);
  // Few distinct distances, so that many paths tie.
  const metres = Array.from({ length: m * k }, () => 1000 * Math.floor(r() * 6));
  return {
    supply: Array.from({ length: m }, () => Math.floor(r() * 12)),
    vacancies: Array.from({ length: k }, () => [Math.floor(r() * 4), Math.floor(r() * 4), Math.floor(r() * 5)] as [number, number, number]),
    metres: (i, j) => metres[i * k + j],
    forProfitCap: r() < 0.5 ? null : Math.floor(r() * 20),
    denseUpTo: r() < 0.5 ? 40 : 1000,
  };
}

describe('transport search order', () => {
  it('gives the same flows by block scan as by heap', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const p = problem(seed);
      const byHeap = solveTransport({ ...p, scanUpTo: 0 });
      const byScan = solveTransport({ ...p, scanUpTo: Number.MAX_SAFE_INTEGER });
      expect(byScan).toEqual(byHeap);
    }
  });
});
