// Snap and rebalance (src/model/matching/whole.ts; docs/methodology.md, "Whole children: unbiased
// controlled rounding") keeps each column's sum as the cells are scaled, where it summed every
// snapped column again, down its stride, at each pass, and works each factor out once per column,
// group or row, and scales the rows four at a time (each column's sum still adding row i before row
// i + 1). It must give the very doubles of the plain loops: the shipped scenarios' figures stay
// byte-identical (docs/performance.md). This test keeps the plain loops as the reference and checks
// the two agree bit for bit on random problems with snapped columns, columns over capacity, a
// for-profit group, and rows with no flow (up to 7 rows: a block of four with one left over, or with
// an empty row among them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChoiceDestination, ChoiceProblem } from '../../src/model/matching/choice.js';
import { SNAP, snapAndRebalance } from '../../src/model/matching/whole.js';

/** The rebalancing as plain loops: each column summed again at each pass, a division per cell. */
function referenceRebalance(problem: ChoiceProblem, flows: Float64Array): Float64Array {
  const m = problem.las.length;
  const dests = problem.destinations;
  const n = dests.length;
  const t = new Float64Array(m * n);
  for (let k = 0; k < t.length; k++) t[k] = Math.max(0, flows[k]);
  const snapped = (total: number, capacity: number): number => {
    if (total > capacity) return capacity;
    const r = Math.round(total);
    return Math.abs(total - r) <= SNAP ? r : Number.NaN;
  };
  const colTarget = new Float64Array(n).fill(Number.NaN);
  const colSum = (j: number): number => {
    let s = 0;
    for (let i = 0; i < m; i++) s += t[i * n + j];
    return s;
  };
  for (let j = 0; j < n; j++) colTarget[j] = snapped(colSum(j), dests[j].capacity);
  const fp = dests.map((d) => problem.forProfitCap !== null && d.forProfit);
  const groupSum = (): number => dests.reduce((s, _d, j) => (fp[j] ? s + colSum(j) : s), 0);
  const groupTarget = fp.some((x) => x) ? snapped(groupSum(), problem.forProfitCap ?? Infinity) : Number.NaN;
  const unp = dests.findIndex((d) => d.kind === 'unplaced');
  for (let pass = 0; pass < 50; pass++) {
    let err = 0;
    for (let j = 0; j < n; j++) {
      if (Number.isNaN(colTarget[j])) continue;
      const s = colSum(j);
      err = Math.max(err, Math.abs(s - colTarget[j]));
      if (s > 0) for (let i = 0; i < m; i++) t[i * n + j] *= colTarget[j] / s;
    }
    if (!Number.isNaN(groupTarget)) {
      const s = groupSum();
      err = Math.max(err, Math.abs(s - groupTarget));
      if (s > 0) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (fp[j]) t[i * n + j] *= groupTarget / s;
    }
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += t[i * n + j];
      const want = problem.seekers[i];
      err = Math.max(err, Math.abs(s - want) / Math.max(1, want));
      if (s > 0) for (let j = 0; j < n; j++) t[i * n + j] *= want / s;
      else if (want > 0 && unp >= 0) t[i * n + unp] = want;
    }
    if (err <= 1e-12) break;
  }
  return t;
}

/**
 * Random flows: each row near a whole number of seekers (or empty, its seekers left unplaced), each
 * Wales column's capacity free, its sum rounded (within SNAP when the sum lands near a whole number),
 * or below its sum (over capacity); some columns for-profit under a cap below or at their total.
 */
const cases = fc
  .record({
    rows: fc.array(fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 7 }),
    empty: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    wales: fc.integer({ min: 1, max: 4 }),
    capacity: fc.array(fc.constantFrom('free', 'near', 'over'), { minLength: 4, maxLength: 4 }),
    nudge: fc.array(fc.double({ min: -5e-7, max: 5e-7, noNaN: true }), { minLength: 4, maxLength: 4 }),
    forProfit: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fpCap: fc.option(fc.constantFrom(0, 1, 2), { nil: null }),
  })
  .map((r) => {
    // Columns: `wales` Wales destinations, outside Wales, UNPLACED.
    const n = r.wales + 2;
    const m = r.rows.length;
    const flows = new Float64Array(m * n);
    const seekers: number[] = [];
    r.rows.forEach((row, i) => {
      if (r.empty[i]) {
        seekers.push(1 + (i % 3));
        return;
      }
      let sum = 0;
      for (let j = 0; j < n; j++) sum += flows[i * n + j] = row[j];
      seekers.push(Math.max(0, Math.round(sum)));
    });
    const colSum = (j: number): number => {
      let s = 0;
      for (let i = 0; i < m; i++) s += flows[i * n + j];
      return s;
    };
    const destinations: ChoiceDestination[] = [];
    let fpTotal = 0;
    for (let j = 0; j < r.wales; j++) {
      const sum = colSum(j);
      const how = r.capacity[j];
      // 'near': the column's first cell moved so that its sum sits within SNAP of a whole number.
      if (how === 'near' && m > 0 && !r.empty[0]) flows[j] += Math.max(-flows[j], Math.round(sum) - sum + r.nudge[j]);
      const now = colSum(j);
      const capacity = how === 'free' ? Math.ceil(now) + 2 : how === 'near' ? Math.round(now) + 1 : Math.max(0, Math.floor(now) - 1);
      const forProfit = r.fpCap !== null && r.forProfit[j];
      if (forProfit) fpTotal += now;
      destinations.push({ kind: 'wales', host: `W${j}`, sector: forProfit ? 'fp' : 'nfp', capacity, forProfit, providers: [] });
    }
    destinations.push({ kind: 'outside', host: 'OUTSIDE_WALES', sector: null, capacity: Infinity, forProfit: false, providers: [] });
    destinations.push({ kind: 'unplaced', host: 'UNPLACED', sector: null, capacity: Infinity, forProfit: false, providers: [] });
    const forProfitCap = r.fpCap === null ? null : Math.max(0, Math.floor(fpTotal) - r.fpCap);
    const problem: ChoiceProblem = {
      type: 'residential',
      las: r.rows.map((_, i) => `L${i}`),
      seekers,
      destinations,
      km: new Float64Array(m * n),
      own: new Uint8Array(m * n),
      forProfitCap,
    };
    return { problem, flows };
  });

describe('snap and rebalance: column sums kept as the cells are scaled', () => {
  it('gives the very doubles of the plain loops', () => {
    let snappedColumns = 0;
    fc.assert(
      fc.property(cases, ({ problem, flows }) => {
        const got = snapAndRebalance(problem, flows);
        const want = referenceRebalance(problem, flows);
        expect(Array.from(got, (v) => Object.is(v, -0) ? '-0' : v)).toEqual(Array.from(want, (v) => Object.is(v, -0) ? '-0' : v));
        if (got.some((v, k) => v !== flows[k])) snappedColumns++;
      }),
      { numRuns: 800 },
    );
    // The cases move cells (a snap, a cap or a row made whole), so the two were compared where they work.
    expect(snappedColumns).toBeGreaterThan(400);
  });

  it('rebalances a problem worked by hand: a column over its capacity gives its excess to the others', () => {
    // One LA, 2 seekers, flows 1.5 to W0 (capacity 1) and 0.5 to UNPLACED. Pass 1: W0 scaled by
    // 1 / 1.5 to 1; the row then sums 1.5, scaled by 2 / 1.5: W0 1.333…, UNPLACED 0.666…; the passes
    // go on until W0 holds 1 and UNPLACED 1, within 1e-12.
    const problem: ChoiceProblem = {
      type: 'foster',
      las: ['L0'],
      seekers: [2],
      destinations: [
        { kind: 'wales', host: 'W0', sector: 'la', capacity: 1, forProfit: false, providers: [] },
        { kind: 'unplaced', host: 'UNPLACED', sector: null, capacity: Infinity, forProfit: false, providers: [] },
      ],
      km: new Float64Array(2),
      own: new Uint8Array(2),
      forProfitCap: null,
    };
    const t = snapAndRebalance(problem, Float64Array.of(1.5, 0.5));
    expect(t[0]).toBeCloseTo(1, 11);
    expect(t[1]).toBeCloseTo(1, 11);
  });
});
