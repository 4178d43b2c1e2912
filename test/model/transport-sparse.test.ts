// The nearest-hosts start of the transport solver must give exactly the optimum of the full problem.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestHosts, solveTransport, type TransportProblem } from '../../src/model/transport.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Total placed and total cost of a solution, filling each host's sectors in rank order. */
function score(p: TransportProblem, flow: number[][]): [number, number] {
  let placed = 0;
  let cost = 0;
  p.vacancies.forEach((v, j) => {
    let atHost = 0;
    flow.forEach((row, i) => {
      atHost += row[j];
      cost += 4 * p.metres(i, j) * row[j];
    });
    placed += atHost;
    for (let s = 0; s < 3 && atHost > 0; s++) {
      const take = Math.min(atHost, v[s]);
      cost += s * take;
      atHost -= take;
    }
  });
  return [placed, cost];
}

describe('transport solver with many hosts', () => {
  it('finds the same optimum from the nearest hosts as from every pair', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = lcg(seed);
      const m = 20 + Math.floor(r() * 40);
      const k = 45 + Math.floor(r() * 40);
      const xy = Array.from({ length: Math.max(m, k) }, () => [r() * 300_000, r() * 300_000]);
      const p: TransportProblem = {
        // Some LAs need more places than their 16 nearest hosts hold, so the search must widen.
        supply: Array.from({ length: m }, (_, i) => (i % 7 === 0 ? 40 + Math.floor(r() * 40) : Math.floor(r() * 12))),
        vacancies: Array.from({ length: k }, () => [Math.floor(r() * 3), Math.floor(r() * 3), Math.floor(r() * 4)] as [number, number, number]),
        metres: (i, j) => Math.round(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1])),
        forProfitCap: seed % 3 === 0 ? Math.floor(r() * 30) : null,
      };
      const sparse = solveTransport(p);
      const full = solveTransport({ ...p, denseUpTo: Infinity });
      expect(score(p, sparse)).toEqual(score(p, full));
      sparse.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(p.supply[i]));
    }
  });
});

describe('nearestHosts', () => {
  it('equals sorting every host by metres (ties to the lower index) and taking the first few', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), fc.integer({ min: 1, max: 20 }), (metres, count) => {
        const sorted = metres.map((_, j) => j).sort((a, b) => metres[a] - metres[b] || a - b).slice(0, count);
        expect(nearestHosts(metres, count)).toEqual(sorted);
      }),
    );
  });
});
