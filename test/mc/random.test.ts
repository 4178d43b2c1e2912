// The seeded generator and the samplers of the Monte Carlo run (docs/model.md §4.1).
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/model/distribution.js';
import { drawFor, streamFor, xoshiro128ssWords } from '../../src/model/random.js';

describe('xoshiro128**', () => {
  it('gives the reference outputs for state (1, 2, 3, 4)', () => {
    // The reference C code (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4}.
    const next = xoshiro128ssWords([1, 2, 3, 4]);
    expect([next(), next(), next(), next()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('gives the reference outputs for a random-looking state', () => {
    const next = xoshiro128ssWords([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect([next(), next(), next(), next()]).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });

  it('gives doubles in [0, 1)', () => {
    const random = streamFor(1, 0, 'x');
    for (let i = 0; i < 10_000; i++) {
      const u = random();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe('streams', () => {
  const d: Distribution = { uniform: [0, 1] };

  it('are reproducible: the same seed, run and path give the same draws', () => {
    const a = drawFor(42, 7);
    const b = drawFor(42, 7);
    expect([a(d, 'p'), a(d, 'q'), a(d, 'r')]).toEqual([b(d, 'p'), b(d, 'q'), b(d, 'r')]);
  });

  it('differ between runs, seeds and parameters', () => {
    const v = drawFor(1, 0)(d, 'p');
    expect(drawFor(1, 1)(d, 'p')).not.toBe(v);
    expect(drawFor(2, 0)(d, 'p')).not.toBe(v);
    expect(drawFor(1, 0)(d, 'q')).not.toBe(v);
  });

  it('do not depend on the order parameters are drawn in, so paired scenarios share draws', () => {
    const first = drawFor(5, 3);
    const p = first(d, 'foster_wales.net_new_places.2027');
    const q = first(d, 'demand.rate');
    const second = drawFor(5, 3);
    second(d, 'an.extra.parameter');
    expect(second(d, 'demand.rate')).toBe(q);
    expect(second(d, 'foster_wales.net_new_places.2027')).toBe(p);
  });

  it('never repeat a draw when one path is drawn twice in a run', () => {
    const draw = drawFor(1, 0);
    expect(draw(d, 'p')).not.toBe(draw(d, 'p'));
  });

  it('refuse a seed that is not a whole number', () => {
    expect(() => drawFor(1.5, 0)).toThrow(/seed/);
  });
});

describe('samplers, one draw per run as the Monte Carlo run takes them', () => {
  const N = 40_000;
  const draws = (d: Distribution): Float64Array => {
    const out = new Float64Array(N);
    for (let i = 0; i < N; i++) out[i] = drawFor(1, i)(d, 'param');
    return out;
  };
  const meanOf = (x: Float64Array): number => x.reduce((s, v) => s + v, 0) / x.length;
  const sdOf = (x: Float64Array): number => {
    const m = meanOf(x);
    return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
  };
  const triangularSd = (a: number, c: number, b: number): number => Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
  // Tolerances: 4 standard errors of the mean (a false alarm about once in 16,000 seeds, and the
  // seed is fixed) and 3% of the standard deviation.
  const cases: Array<[string, Distribution, number, number, number, number]> = [
    // name, distribution, mean, sd, min, max
    ['normal(100, 15)', { normal: [100, 15] }, 100, 15, -Infinity, Infinity],
    ['triangular(60, 120, 200)', { triangular: [60, 120, 200] }, (60 + 120 + 200) / 3, triangularSd(60, 120, 200), 60, 200],
    ['triangular(0, 0, 1), mode at the bottom', { triangular: [0, 0, 1] }, 1 / 3, triangularSd(0, 0, 1), 0, 1],
    ['triangular(-0.02, 0.01, 0.01), mode at the top', { triangular: [-0.02, 0.01, 0.01] }, 0, triangularSd(-0.02, 0.01, 0.01), -0.02, 0.01],
    ['uniform(0.1, 0.4)', { uniform: [0.1, 0.4] }, 0.25, 0.3 / Math.sqrt(12), 0.1, 0.4],
  ];
  for (const [name, d, mean, sd, min, max] of cases) {
    it(`${name} has its analytic mean and standard deviation`, () => {
      const x = draws(d);
      expect(Math.abs(meanOf(x) - mean)).toBeLessThan((4 * sd) / Math.sqrt(N));
      expect(Math.abs(sdOf(x) - sd)).toBeLessThan(0.03 * sd);
      expect(Math.min(...x)).toBeGreaterThanOrEqual(min);
      expect(Math.max(...x)).toBeLessThanOrEqual(max);
    });
  }

  it('a degenerate triangular or uniform gives its one value', () => {
    expect(drawFor(1, 0)({ triangular: [3, 3, 3] }, 'p')).toBe(3);
    expect(drawFor(1, 0)({ uniform: [3, 3] }, 'p')).toBe(3);
    expect(drawFor(1, 0)({ normal: [3, 0] }, 'p')).toBe(3);
  });
});
