// The unbiased controlled rounding of placement choice's flows to whole children
// (docs/methodology.md, "Whole children: unbiased controlled rounding"): each cell the floor or the
// ceiling of its flow, each LA's total its seekers, each destination and the for-profit group the
// floor or ceiling of its total (so within capacity), and over many streams each cell's mean tends
// to its flow. On random problems with fractions in eighths (exact in binary: totals land on whole
// numbers, as a full destination's do), copied destinations, binding capacities, a for-profit cap,
// outside Wales and UNPLACED; and on the flows the gravity model gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScalingWorkspace, solveChoice, type ChoiceDestination, type ChoiceProblem } from '../../src/model/matching/choice.js';
import { roundSharesUnbiased } from '../../src/model/matching/unbiased.js';
import { SNAP, roundChoice } from '../../src/model/matching/whole.js';
import { streamFor } from '../../src/model/random.js';
import { OUTSIDE_WALES } from '../../src/model/types.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs });

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

/** A total's floor and ceiling, a total within SNAP of a whole number being that number. */
function bounds(total: number): [number, number] {
  const r = Math.round(total);
  return Math.abs(total - r) <= SNAP ? [r, r] : [Math.floor(total), Math.ceil(total)];
}

/** Each cell the floor or ceiling of its flow, each LA's total its seekers, every total and capacity kept. */
function checkRounding({ problem, flows }: Case, whole: Int32Array): void {
  const m = problem.las.length;
  const n = problem.destinations.length;
  for (let i = 0; i < m; i++) {
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
  let fpFlow = 0;
  problem.destinations.forEach((d, j) => {
    let col = 0;
    let flow = 0;
    for (let i = 0; i < m; i++) {
      col += whole[i * n + j];
      flow += flows[i * n + j];
    }
    expect(col).toBeLessThanOrEqual(d.capacity);
    const [lo, hi] = bounds(flow);
    expect(col).toBeGreaterThanOrEqual(lo);
    expect(col).toBeLessThanOrEqual(Math.min(hi, d.capacity));
    if (d.forProfit) {
      fp += col;
      fpFlow += flow;
    }
  });
  if (problem.forProfitCap !== null) {
    expect(fp).toBeLessThanOrEqual(problem.forProfitCap);
    const [lo, hi] = bounds(fpFlow);
    expect(fp).toBeGreaterThanOrEqual(lo);
    expect(fp).toBeLessThanOrEqual(hi);
  }
}

/** log of k! for k = 0 … n. */
function logFactorials(n: number): Float64Array {
  const f = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) f[k] = f[k - 1] + Math.log(k);
  return f;
}

/**
 * The exact two-sided binomial test's p-value of k successes in n trials of probability p: twice the
 * smaller tail, at most 1 (summed in the log domain: (1 − p)^3000 underflows).
 */
function binomialP(k: number, n: number, p: number, lf: Float64Array): number {
  const pmf = (x: number): number => Math.exp(lf[n] - lf[x] - lf[n - x] + x * Math.log(p) + (n - x) * Math.log1p(-p));
  let lower = 0;
  let upper = 0;
  for (let x = 0; x <= k; x++) lower += pmf(x);
  for (let x = k; x <= n; x++) upper += pmf(x);
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** Gravity-model problems over five hosts, with every kind of destination and cap. */
const hosts = ['A', 'B', 'C', 'D', 'E'];
const gravityArb = fc
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
  .map((r): Case => {
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
    return { problem, flows: solveChoice(problem, { alpha: r.alpha, beta: r.beta / 100, gamma: 1 }, r.rho).flows };
  });

describe('placement choice: unbiased controlled rounding of the flows', () => {
  it('keeps floors and ceilings, LA totals, every destination\'s and the for-profit group\'s total and capacity', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, run) => checkRounding(c, roundChoice(c.problem, c.flows, streamFor(7, run, 'matching.rounding')))),
      params(),
    );
  });

  it('rounds alike with one workspace held over problems of every size as with a fresh one each', () => {
    // A projection hands one workspace to every rounding of its years: what a larger problem left in
    // its buffers (the forest, the cells, the edges) must never reach a smaller one.
    const shared = new ScalingWorkspace();
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, run) => {
        const fresh = roundChoice(c.problem, c.flows, streamFor(7, run, 'matching.rounding'));
        const held = roundChoice(c.problem, c.flows, streamFor(7, run, 'matching.rounding'), shared);
        expect(Array.from(held)).toEqual(Array.from(fresh));
      }),
      params(),
    );
  });

  it('on the gravity model\'s flows: the same, and no child unplaced while an allowed destination has a vacancy', () => {
    fc.assert(
      fc.property(gravityArb, fc.nat(), (c, run) => {
        const whole = roundChoice(c.problem, c.flows, streamFor(7, run, 'matching.rounding'));
        checkRounding(c, whole);
        const { problem } = c;
        const m = problem.las.length;
        const n = problem.destinations.length;
        const unp = n - 1;
        let unplaced = 0;
        for (let i = 0; i < m; i++) unplaced += whole[i * n + unp];
        if (unplaced === 0) return;
        let fp = 0;
        problem.destinations.forEach((d, j) => {
          if (d.kind === 'unplaced') return;
          let col = 0;
          for (let i = 0; i < m; i++) col += whole[i * n + j];
          if (d.forProfit) fp += col;
          // A destination with a vacancy beside an unplaced child is allowed only if the for-profit cap bars it.
          if (col < d.capacity && !(d.forProfit && problem.forProfitCap !== null)) expect(`${d.host} ${d.sector} ${col}/${d.capacity}`).toBe('full');
        });
        if (problem.destinations.some((d) => d.forProfit && problem.forProfitCap !== null)) {
          const fpRoom = problem.destinations.some((d, j) => d.forProfit && [...Array(m).keys()].reduce((s, i) => s + whole[i * n + j], 0) < d.capacity);
          if (fpRoom) expect(fp).toBe(problem.forProfitCap);
        }
      }),
      params(),
    );
  });

  it('each cell\'s mean over 4,000 streams is its flow (exact binomial test per cell)', () => {
    // Each cell is its floor or its floor + 1, so over independent streams the count of runs that
    // round it up is binomial(4000, its fractional part) exactly when the rounding is unbiased. The
    // exact two-sided binomial test of each fractional cell, alarm at p < 1e-6: with the ~300 cells
    // of these 8 problems the chance of a false alarm is below 300 × 1e-6 = 3e-4 (Bonferroni). A
    // bias of 0.05 in a cell of fraction 0.5 gives z = 6.3 and p ≈ 3e-10: caught.
    const runs = 4000;
    const lf = logFactorials(runs);
    const cases = [...fc.sample(caseArb, { numRuns: 4, seed: 11 }), ...fc.sample(gravityArb, { numRuns: 4, seed: 12 })];
    let tested = 0;
    for (const c of cases) {
      const size = c.flows.length;
      const up = new Int32Array(size);
      for (let run = 0; run < runs; run++) {
        const whole = roundChoice(c.problem, c.flows, streamFor(20261206, run, 'matching.rounding'));
        for (let k = 0; k < size; k++) if (whole[k] > Math.floor(c.flows[k] + 1e-9)) up[k]++;
      }
      for (let k = 0; k < size; k++) {
        const f = c.flows[k] - Math.floor(c.flows[k] + 1e-9);
        if (f <= 1e-9 || f >= 1 - 1e-9) {
          expect(up[k]).toBe(0);
          continue;
        }
        tested++;
        expect(binomialP(up[k], runs, f, lf)).toBeGreaterThan(1e-6);
      }
    }
    expect(tested).toBeGreaterThan(50);
  });
});

describe('unbiased endings: shares of a count rounded to a given total', () => {
  it('keeps each cell within its floor and ceiling and the total exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 99 }), fc.nat(), (children, pct, run) => {
        const shares = children.map((c) => (c * pct) / 100);
        const exact = shares.reduce((s, x) => s + x, 0);
        const total = Math.floor(exact + 0.5 + 1e-9);
        const out = roundSharesUnbiased(shares, total, streamFor(3, run, 'turnover.rounding'));
        expect(out.reduce((s, x) => s + x, 0)).toBe(total);
        out.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(Math.floor(shares[i] + 1e-9));
          expect(x).toBeLessThanOrEqual(Math.ceil(shares[i] - 1e-9));
        });
      }),
      params(),
    );
  });

  it('with a whole total, each cell ends on average as its share: 0.45 × (1, 1, 1, 2) = 1.8 rounds up 2.25 times in 5', () => {
    // Shares 0.45, 0.45, 0.45, 0.9 add up to 2.25, rounded half up to 2: the parts lowered in
    // proportion to 2/2.25 are 0.4, 0.4, 0.4, 0.8 (they add up to 2). Over 4,000 streams the fourth
    // group ends a child in 0.8 of them: sd √(4000 × 0.16) = 25.3, 4 sd = 101; the others in 0.4: sd 31, 4 sd = 124.
    const counts = [0, 0, 0, 0];
    for (let run = 0; run < 4000; run++) roundSharesUnbiased([0.45, 0.45, 0.45, 0.9], 2, streamFor(5, run, 'turnover.rounding')).forEach((x, i) => (counts[i] += x));
    expect(Math.abs(counts[3] - 3200)).toBeLessThan(101);
    for (let i = 0; i < 3; i++) expect(Math.abs(counts[i] - 1600)).toBeLessThan(124);
  });
});
