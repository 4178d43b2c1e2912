// The rounding of placement choice's flows to whole children (SPEC 4.3): roundChoice, which first
// tries the row-by-row optimum and repairs it (roundChoiceByRepair), must give exactly what the
// min-cost flow from the floors gives (roundChoiceOnNetwork, the formulation it replaced and still
// falls back on). On random problems with ties by the score (fractions in eighths, destinations that
// are copies of one another, as a host's la and nfp homes with as many vacancies are), capacities
// that bind, a for-profit cap, outside Wales and UNPLACED; and on the flows the gravity model gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  roundChoice,
  roundChoiceByRepair,
  roundChoiceOnNetwork,
  solveChoice,
  type ChoiceDestination,
  type ChoiceProblem,
} from '../../src/model/matching/choice.js';
import { OUTSIDE_WALES } from '../../src/model/types.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261201 });

interface Case {
  problem: ChoiceProblem;
  flows: Float64Array;
}

/**
 * Random flows, each LA's adding up to its seekers: in eighths (exact in binary, so many cells and
 * many roundings tie exactly) or any real shares. Some destinations copy another's column (every
 * LA's flow the same, and its places). Capacities are the column's flow rounded up plus 0 (binding),
 * 1 or 3; some destinations are for-profit under a cap of their flows rounded up plus 0 or 1.
 */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    eighths: fc.boolean(),
    seekers: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
    wales: fc.integer({ min: 1, max: 7 }),
    copies: fc.array(fc.nat(), { maxLength: 3 }),
    outside: fc.constantFrom('none', 'open', 'capped'),
    unplacedShare: fc.constantFrom(0, 0, 1),
    slack: fc.array(fc.constantFrom(0, 0, 1, 3), { minLength: 12, maxLength: 12 }),
    forProfit: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    fpCap: fc.option(fc.constantFrom(0, 1), { nil: null }),
    weights: fc.array(fc.integer({ min: 0, max: 16 }), { minLength: 120, maxLength: 120 }),
    reals: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 120, maxLength: 120 }),
  })
  .map((r) => {
    const m = r.seekers.length;
    // The Wales columns: the distinct ones, each copy right after its original (as la, nfp and fp of
    // one host sit), then one more that takes what makes a row whole; outside Wales; UNPLACED.
    const origin: number[] = Array.from({ length: r.wales }, (_, j) => j);
    for (const c of r.copies) origin.splice(origin.indexOf(c % r.wales) + 1, 0, c % r.wales);
    const walesCount = origin.length + 1;
    const n = walesCount + (r.outside === 'none' ? 0 : 1) + 1;
    const out = walesCount;
    const unp = n - 1;
    // Column j's weight in row i: a copy weighs as its original.
    const weight = (i: number, j: number): number => {
      if (j === unp && r.unplacedShare === 0) return 0;
      const key = j < origin.length ? origin[j] : 40 + j;
      const k = (i * 17 + key * 5) % 120;
      return r.eighths ? r.weights[k] : r.reals[k];
    };
    const flows = new Float64Array(m * n);
    const seekers: number[] = [];
    for (let i = 0; i < m; i++) {
      if (r.eighths) {
        // Whole eighths by weight; the row made whole by its last Wales column.
        let units = 0;
        for (let j = 0; j < n; j++) if (j !== walesCount - 1) units += weight(i, j);
        const S = Math.ceil(units / 8);
        for (let j = 0; j < n; j++) flows[i * n + j] = j === walesCount - 1 ? (8 * S - units) / 8 : weight(i, j) / 8;
        seekers.push(S);
      } else {
        const S = r.seekers[i];
        let sum = 0;
        for (let j = 0; j < n; j++) sum += weight(i, j);
        for (let j = 0; j < n; j++) flows[i * n + j] = sum > 0 ? (S * weight(i, j)) / sum : j === 0 ? S : 0;
        seekers.push(S);
      }
    }
    const colSum = (j: number): number => {
      let t = 0;
      for (let i = 0; i < m; i++) t += flows[i * n + j];
      return t;
    };
    const room = (j: number, key: number): number => Math.ceil(colSum(j) - 1e-9) + r.slack[key % 12];
    const destinations: ChoiceDestination[] = [];
    for (let j = 0; j < walesCount; j++) {
      const key = j < origin.length ? origin[j] : 11;
      destinations.push({ kind: 'wales', host: `H${key}`, sector: 'la', capacity: room(j, key), forProfit: r.fpCap !== null && r.forProfit[key], providers: [] });
    }
    if (r.outside !== 'none') {
      destinations.push({ kind: 'outside', host: OUTSIDE_WALES, sector: null, capacity: r.outside === 'capped' ? room(out, 10) : Infinity, forProfit: false, providers: [] });
    }
    destinations.push({ kind: 'unplaced', host: 'UNPLACED', sector: null, capacity: Infinity, forProfit: false, providers: [] });
    let fpFlow = 0;
    destinations.forEach((d, j) => d.forProfit && (fpFlow += colSum(j)));
    const anyFp = destinations.some((d) => d.forProfit);
    const problem: ChoiceProblem = {
      type: 'residential',
      las: seekers.map((_, i) => `L${i}`),
      seekers,
      destinations,
      km: new Float64Array(m * n),
      own: new Uint8Array(m * n),
      forProfitCap: anyFp && r.fpCap !== null ? Math.ceil(fpFlow - 1e-9) + r.fpCap : null,
    };
    return { problem, flows };
  });

/** Each cell the floor or ceiling of its flow, each LA's total its seekers, every capacity kept. */
function checkRounding({ problem, flows }: Case, whole: Int32Array): void {
  const n = problem.destinations.length;
  for (let i = 0; i < problem.las.length; i++) {
    let total = 0;
    for (let j = 0; j < n; j++) {
      const t = flows[i * n + j];
      expect(whole[i * n + j]).toBeGreaterThanOrEqual(Math.floor(t + 1e-9));
      expect(whole[i * n + j]).toBeLessThanOrEqual(Math.ceil(t - 1e-9));
      total += whole[i * n + j];
    }
    expect(total).toBe(problem.seekers[i]);
  }
  let fp = 0;
  problem.destinations.forEach((d, j) => {
    let col = 0;
    for (let i = 0; i < problem.las.length; i++) col += whole[i * n + j];
    expect(col).toBeLessThanOrEqual(d.capacity);
    if (d.forProfit) fp += col;
  });
  if (problem.forProfitCap !== null) expect(fp).toBeLessThanOrEqual(problem.forProfitCap);
}

describe('placement choice: the rounding by repair is the min-cost flow\'s', () => {
  it('gives exactly the network\'s rounding, ties and binding capacities included', () => {
    let repaired = 0;
    let cases = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const network = roundChoiceOnNetwork(c.problem, c.flows);
        const byRepair = roundChoiceByRepair(c.problem, c.flows);
        cases++;
        if (byRepair !== null) {
          repaired++;
          expect(Array.from(byRepair)).toEqual(Array.from(network));
        }
        expect(Array.from(roundChoice(c.problem, c.flows))).toEqual(Array.from(network));
        checkRounding(c, network);
      }),
      params(),
    );
    // The repair must answer many cases itself, else this property would compare the network with
    // itself: ties are common here by design (half the cases in eighths, copied destinations), and
    // the network settles those; 184 of the 400 cases of the fixed seed are the repair's own.
    expect(repaired).toBeGreaterThan(cases / 4);
  });

  it('gives exactly the network\'s rounding of the gravity model\'s flows', () => {
    const hosts = ['A', 'B', 'C', 'D', 'E'];
    const problemArb = fc
      .record({
        seekers: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 5 }),
        dests: fc.uniqueArray(
          fc.record({ host: fc.constantFrom(...hosts), sector: fc.constantFrom('la' as const, 'nfp' as const, 'fp' as const), capacity: fc.integer({ min: 1, max: 8 }) }),
          { minLength: 1, maxLength: 10, selector: (d) => `${d.host}|${d.sector}` },
        ),
        outside: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
        outsideAllowed: fc.boolean(),
        // A cap of 0 bars the sector: buildChoiceProblem then leaves its destinations out.
        fpCap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
        km: fc.array(fc.integer({ min: 5, max: 200 }), { minLength: 50, maxLength: 50 }),
        beta: fc.integer({ min: 0, max: 30 }),
        alpha: fc.integer({ min: -5, max: 3 }),
        rho: fc.constantFrom(0, 0, 0.5),
      })
      .map((r) => {
        const las = hosts.slice(0, r.seekers.length);
        const sorted = [...r.dests].sort((a, b) => a.host.localeCompare(b.host) || a.sector.localeCompare(b.sector));
        const destinations: ChoiceDestination[] = sorted.map((d) => ({ kind: 'wales', host: d.host, sector: d.sector, capacity: d.capacity, forProfit: d.sector === 'fp' && r.fpCap !== null, providers: [] }));
        if (r.outsideAllowed) destinations.push({ kind: 'outside', host: OUTSIDE_WALES, sector: null, capacity: r.outside ?? Infinity, forProfit: false, providers: [] });
        destinations.push({ kind: 'unplaced', host: 'UNPLACED', sector: null, capacity: Infinity, forProfit: false, providers: [] });
        const n = destinations.length;
        const km = new Float64Array(las.length * n);
        const own = new Uint8Array(las.length * n);
        // Distances by host (so a host's la, nfp and fp places are equally far: ties under ρ = 0).
        for (let i = 0; i < las.length; i++)
          destinations.forEach((d, j) => {
            if (d.kind === 'unplaced') return;
            const h = hosts.indexOf(d.host);
            km[i * n + j] = d.kind === 'outside' ? 150 : d.host === las[i] ? 8 : r.km[(i * 7 + h) % 50];
            own[i * n + j] = d.host === las[i] ? 1 : 0;
          });
        const problem: ChoiceProblem = { type: 'residential', las, seekers: r.seekers, destinations, km, own, forProfitCap: destinations.some((d) => d.forProfit) ? r.fpCap : null };
        return { problem, beta: r.beta / 100, alpha: r.alpha, rho: r.rho };
      });
    fc.assert(
      fc.property(problemArb, ({ problem, beta, alpha, rho }) => {
        const { flows } = solveChoice(problem, { alpha, beta, gamma: 1 }, rho);
        const network = roundChoiceOnNetwork(problem, flows);
        const byRepair = roundChoiceByRepair(problem, flows);
        if (byRepair !== null) expect(Array.from(byRepair)).toEqual(Array.from(network));
        expect(Array.from(roundChoice(problem, flows))).toEqual(Array.from(network));
      }),
      params(),
    );
  });
});
