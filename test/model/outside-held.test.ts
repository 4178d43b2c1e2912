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

  it('gives each type its own cap under placement choice, where a number is shared by seekers', () => {
    // A: 10 foster and 10 residential children outside Wales, no place in Wales. Turnover foster 0.2
    // ends 2, residential 0.5 ends 5: held caps foster 2, residential 5 (7 in all). Need 20 × 1.2 = 24,
    // mix 1/2 : 1/2 → 12 and 12: seekers foster 12 − 8 = 4, residential 12 − 5 = 7.
    const d = dataset({
      placements: [placed('A', 'foster', 'fp', 'OUTSIDE_WALES', 10), placed('A', 'residential', 'fp', 'OUTSIDE_WALES', 10)],
      demandHistory: [demand('A', 20)],
    });
    const zero = { foster: 0, residential: 0, secure: 0 };
    const s = scenario({
      demand: { method: 'change', rate: tl(0.2), rateByLa: {} },
      turnover: { foster: tl(0.2), residential: tl(0.5), secure: tl(0) },
      matching: { method: 'choice', calibrate: false, ownLaFirst: false, sectorPreference: 0, distanceDecay: { foster: 0.02, residential: 0.02, secure: 0.02 }, outsidePull: zero, ownLaPull: zero },
    });
    // Held: foster 2 outside, 2 unplaced; residential 5 outside, 2 unplaced.
    const held = tally(runProjection(d, { ...s, outsideWales: { ...s.outsideWales, places: 'held' } }), 2024, 'A');
    expect(held.unplaced).toEqual({ foster: 2, residential: 2, secure: 0 });
    // A number 7 is shared over the types by seekers, 4 : 7: 2.545 and 4.455 → 3 and 4 (largest
    // remainder): foster 1 unplaced, residential 3.
    const number = tally(runProjection(d, { ...s, outsideWales: { ...s.outsideWales, places: tl(7) } }), 2024, 'A');
    expect(number.unplaced).toEqual({ foster: 1, residential: 3, secure: 0 });
  });
});
