// `outside_wales.places: held` (docs/methodology.md, "England is not unlimited"): the cap is the base
// date's intake, each type's base-date children outside Wales × its year-B turnover, half up.
import { describe, expect, it } from 'vitest';
import { heldOutsideCaps } from '../../src/model/matching/outside.js';
import { runProjection } from '../../src/model/project.js';
import type { PlacementGroup } from '../../src/model/types.js';
import { dataset, demand, placed, scenario, tally, tl } from './fixtures.js';

const outside = (la: string, type: PlacementGroup['placementType'], children: number): PlacementGroup => ({ laCode: la, placementType: type, sector: 'fp', host: 'OUTSIDE_WALES', providerId: 'OUTSIDE_WALES', children });

describe('the held outside-Wales cap', () => {
  it('is each type\'s base count × its turnover, half up, and their unrounded sum half up', () => {
    // residential 200 + 100 = 300 × 0.45 = 135; secure 11 × 0.9 = 9.9 → 10; foster 101 × 0.3 = 30.3 → 30.
    // All types: 135 + 9.9 + 30.3 = 175.2 → 175 (not 135 + 10 + 30 = 175 by luck: 9.9 and 30.3 round opposite ways).
    // Other authorities' children (EXTERNAL) are never outside: not counted.
    const caps = heldOutsideCaps(
      [outside('A', 'residential', 200), outside('B', 'residential', 100), outside('A', 'secure', 11), outside('C', 'foster', 101), outside('EXTERNAL', 'foster', 50)],
      (t) => ({ foster: 0.3, residential: 0.45, secure: 0.9 })[t],
    );
    expect(caps.byType).toEqual({ foster: 30, residential: 135, secure: 10 });
    expect(caps.total).toBe(175);
  });

  it('leaves children unplaced once England\'s intake is taken: 10 outside, turnover 0.5, need up 4', () => {
    // A has 10 residential children outside Wales at the base date and no place in Wales. Turnover 0.5
    // ends 5; need rises from 10 to 14 (rate 0.4), so 9 seek. The held cap is 10 × 0.5 = 5: 5 go
    // outside Wales, 4 are unplaced. Without the cap all 9 go outside.
    const d = dataset({ placements: [placed('A', 'residential', 'fp', 'OUTSIDE_WALES', 10)], demandHistory: [demand('A', 10)] });
    const s = scenario({
      horizonTo: 2024,
      demand: { method: 'change', rate: tl(0.4), rateByLa: {} },
      turnover: { foster: tl(0), residential: tl(0.5), secure: tl(0) },
    });
    const held = runProjection(d, { ...s, outsideWales: { ...s.outsideWales, places: 'held' } });
    expect(tally(held, 2024, 'A').unplaced.residential).toBe(4);
    const open = runProjection(d, s);
    expect(tally(open, 2024, 'A').unplaced.residential).toBe(0);
  });
});
