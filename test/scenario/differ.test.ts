// The parameters that differ between two scenarios (docs/methodology.md, "The scenario library
// compares like with like"), on hand-made logs.
import { describe, expect, it } from 'vitest';
import { differenceRows, parametersThatDiffer } from '../../src/scenario/differ.js';

const log = (...ps: Array<[string, unknown]>) => ({ parameters: ps.map(([path, value]) => ({ path, value, source: null })) });

describe('parametersThatDiffer', () => {
  it('lists values that differ, sources aside, in registry order, an item of a list kept together', () => {
    // inflation comes after demand and transitions in the registry; demand.rate is in force in A
    // only (B's trend); transitions[1] differs in exit only; turnover is the same in both.
    const a = log(['inflation', 0.03], ['transitions[1]', { year: 2027 }], ['transitions[1].exit', 0.1], ['transitions[1].convert', 0.2], ['demand.method', 'change'], ['demand.rate', 0], ['turnover.foster', 0.3]);
    const b = log(['demand.method', 'trend'], ['demand.trend_years', 5], ['turnover.foster', 0.3], ['transitions[1]', { year: 2027 }], ['transitions[1].exit', 0.3], ['transitions[1].convert', 0.2], ['inflation', 0.02]);
    expect(parametersThatDiffer(a, b)).toEqual([
      { path: 'demand.method', a: 'change', b: 'trend' },
      { path: 'demand.trend_years', b: 5 },
      { path: 'demand.rate', a: 0 },
      { path: 'transitions[1].exit', a: 0.1, b: 0.3 },
      { path: 'inflation', a: 0.03, b: 0.02 },
    ]);
  });

  it('shows ten, then says how many more', () => {
    // 12 differences: 10 rows and "2 more"; a side without the key is "not in force"
    const a = log(...Array.from({ length: 12 }, (_, i): [string, unknown] => [`demand.rate.${2024 + i}`, i]));
    const { rows, more } = differenceRows(parametersThatDiffer(a, log()), 'not in force');
    expect([rows.length, more]).toEqual([10, 2]);
    expect(rows[0]).toEqual({ path: 'demand.rate.2024', a: '0', b: 'not in force' });
  });
});
