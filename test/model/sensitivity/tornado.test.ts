// The tornado's ranges and ranking, the point's draw, and switching values by bisection
// (docs/methodology.md, "Which assumption matters").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bar, distributionRange, pinnedDraw, quantileOf, rankBars } from '../../../src/model/sensitivity/tornado.js';
import { BISECTION_STEPS, switchingValues } from '../../../src/model/sensitivity/switching.js';
import { holds } from '../../../src/model/sensitivity/threshold.js';
import { sample, streamFor } from '../../../src/model/random.js';

describe('quantileOf (the p10 and p90 of a range)', () => {
  it('matches quantiles worked by hand', () => {
    // uniform(0, 10): p10 = 0 + 0.1·10 = 1.
    expect(quantileOf({ uniform: [0, 10] }, 0.1)).toBeCloseTo(1, 12);
    // normal(0, 1): p90 = z(0.9) = 1.2815516 (tables); normal(2, 0.5): p10 = 2 − 0.5·1.2815516 = 1.3592242.
    expect(quantileOf({ normal: [0, 1] }, 0.9)).toBeCloseTo(1.2815516, 6);
    expect(quantileOf({ normal: [2, 0.5] }, 0.1)).toBeCloseTo(1.3592242, 6);
    // triangular(0, 1, 2): F(x) = x²/2 below the mode, so p10 = sqrt(0.2) = 0.4472; by symmetry p90 = 2 − 0.4472.
    expect(quantileOf({ triangular: [0, 1, 2] }, 0.1)).toBeCloseTo(Math.sqrt(0.2), 12);
    expect(quantileOf({ triangular: [0, 1, 2] }, 0.9)).toBeCloseTo(2 - Math.sqrt(0.2), 12);
    // triangular(150, 400, 450): cut at (400 − 150)/300 = 5/6; p90 above it: 450 − sqrt(0.1·300·50) = 411.27.
    expect(quantileOf({ triangular: [150, 400, 450] }, 0.9)).toBeCloseTo(450 - Math.sqrt(1500), 9);
  });

  it('is the inverse of the sampler: a tenth of draws fall below p10', () => {
    const d = { triangular: [0.1, 0.25, 0.85] as [number, number, number] };
    const random = streamFor(1, 0, 'q');
    const n = 20_000;
    let below = 0;
    for (let i = 0; i < n; i++) if (sample(d, random) < quantileOf(d, 0.1)) below++;
    // Binomial(20,000, 0.1): standard error 0.0021; four of them is 0.0085.
    expect(Math.abs(below / n - 0.1)).toBeLessThan(0.0085);
  });

  it('ranges run from p10 to p90 around the central value', () => {
    const r = distributionRange('turnover.foster.2025', { triangular: [0.25, 0.3, 0.35] });
    expect(r.central).toBe(0.3);
    expect(r.low).toBeLessThan(0.3);
    expect(r.high).toBeGreaterThan(0.3);
    expect(r.from).toBe('distribution');
  });
});

describe('rankBars', () => {
  const p = (path: string) => ({ path, low: 0, high: 1, central: 0.5, from: 'distribution' as const });
  it('ranks by swing, largest first, equal swings in the given order', () => {
    const bars = [bar(p('a'), 1, 2), bar(p('b'), 5, 1), bar(p('c'), 3, 4), bar(p('d'), 0, 0)];
    expect(rankBars(bars).map((b) => [b.parameter.path, b.swing])).toEqual([
      ['b', 4],
      ['a', 1],
      ['c', 1],
      ['d', 0],
    ]);
  });
});

describe('pinnedDraw', () => {
  it('answers the pinned path with its value, a held path with its value, any other with its central value', () => {
    const draw = pinnedDraw({ 'transitions[0].exit': 0.7 }, { 'turnover.foster': 0.3 });
    expect(draw({ uniform: [0, 1] }, 'transitions[0].exit')).toBe(0.7);
    expect(draw({ uniform: [0, 1] }, 'turnover.foster')).toBe(0.3);
    expect(draw({ triangular: [0, 4, 12] }, 'foster_wales.net_new_places.2025')).toBe(4);
    expect(draw({ normal: [-0.01, 0.02] }, 'demand.rate')).toBe(-0.01);
  });
});

describe('switchingValues', () => {
  it('finds where the answer flips to within half of 1% of the range, all parameters in one batch per step', async () => {
    // Parameter 0 on [0, 1] flips at 0.37 (answer: x >= 0.37); parameter 1 on [10, 30] flips down at 17.2
    // (answer: x < 17.2); parameter 2's ends agree, so it does not switch.
    const flips = [(x: number) => x >= 0.37, (x: number) => x < 17.2, () => true];
    const calls: number[] = [];
    const values = await switchingValues(
      [
        { low: 0, high: 1, answerLow: false, answerHigh: true },
        { low: 10, high: 30, answerLow: true, answerHigh: false },
        { low: 0, high: 5, answerLow: true, answerHigh: true },
      ],
      async (points) => {
        calls.push(points.length);
        return points.map(([i, v]) => flips[i](v));
      },
    );
    // 7 steps halve the bracket to 1/128 of the range (< 1%); its middle is within 1/256 of the flip.
    expect(BISECTION_STEPS).toBe(7);
    expect(calls).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(Math.abs(values[0]! - 0.37)).toBeLessThanOrEqual(1 / 256);
    expect(Math.abs(values[1]! - 17.2)).toBeLessThanOrEqual(20 / 256);
    expect(values[2]).toBeNull();
  });

  it('for any flip inside the range, lands within half of 1% of it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.001, max: 50, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), async (low, width, at) => {
        const flip = low + at * width;
        const [v] = await switchingValues([{ low, high: low + width, answerLow: false, answerHigh: true }], async (ps) => ps.map(([, x]) => x >= flip));
        expect(Math.abs(v! - flip)).toBeLessThanOrEqual(0.005 * width + 1e-9);
      }),
    );
  });
});

describe('holds', () => {
  it('reads each comparison, and an empty metric answers no', () => {
    expect(holds({ metric: 'sufficiency_foster', op: '>=', value: 1 }, 1)).toBe(true);
    expect(holds({ metric: 'sufficiency_foster', op: '>', value: 1 }, 1)).toBe(false);
    expect(holds({ metric: 'unplaced', op: '<=', value: 0 }, 0)).toBe(true);
    expect(holds({ metric: 'unplaced', op: '<', value: 0 }, 0)).toBe(false);
    expect(holds({ metric: 'sufficiency_foster', op: '>=', value: 1 }, null)).toBe(false);
  });
});
