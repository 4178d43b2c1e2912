// The plausibility warning of demand (docs/methodology.md, "Damped and reconciled trends"), by hand.
import { describe, expect, it } from 'vitest';
import { implausibleDemandWarning } from '../../src/model/plausibility.js';
import type { LaYearTally, YearResult } from '../../src/model/types.js';

const year = (t: number, isBase: boolean, children: Record<string, number>): YearResult =>
  ({
    year: t,
    asAt: `${t + 1}-03-31`,
    isBase,
    tallies: Object.entries(children).map(([laCode, c]) => ({ laCode, childrenLookedAfter: c }) as LaYearTally),
    places: [],
    groups: [],
    providers: [],
    warnings: [],
  }) as YearResult;
const names = new Map([
  ['A', { nameEn: 'Aton' }],
  ['B', { nameEn: 'Bton' }],
  ['C', { nameEn: 'Cton' }],
]);

describe('implausible demand', () => {
  it('says nothing while every LA stays within 0.5× to 2× its base figure (the bounds included)', () => {
    // A 100 -> 50 (0.5×) and B 40 -> 80 (2×): on the bounds, not outside them
    expect(implausibleDemandWarning([year(2023, true, { A: 100, B: 40 }), year(2024, false, { A: 50, B: 80 })], names)).toBeNull();
  });

  it('names each LA outside at its furthest point, in code order', () => {
    // A 100 -> 49 (0.49×) then 30 (0.30×, further); C 10 -> 21 (2.10×); B stays at 40; an LA with base 0 is skipped
    const w = implausibleDemandWarning(
      [year(2023, true, { A: 100, B: 40, C: 10, D: 0 }), year(2024, false, { A: 49, B: 40, C: 21, D: 5 }), year(2025, false, { A: 30, B: 40, C: 12, D: 9 })],
      names,
    );
    expect(w).toMatch(/in 2 LAs: Aton \(100 → 30 in 2025-26, 0\.30×\); Cton \(10 → 21 in 2024-25, 2\.10×\)\./);
  });
});
