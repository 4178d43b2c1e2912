// Rule 3, continuing placements: displacement, turnover, endings above need (docs/model.md §4.2 steps 3 to 5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTurnover, displaceChildren, endPlacementsAboveNeed, expectedAfterTurnover } from '../../src/model/continuing.js';
import { roundSharesUnbiased } from '../../src/model/matching/unbiased.js';
import { streamFor } from '../../src/model/random.js';
import { roundHalfUp } from '../../src/model/rounding.js';
import type { PlacementGroup } from '../../src/model/types.js';
import { zeroByType } from '../../src/model/need.js';
import { runProjection } from '../../src/model/project.js';
import { PlacementState, unitKey } from '../../src/model/state.js';
import { dataset, demand, heldBy, placed, provider, scenario, tally, tl } from './fixtures.js';

const counts = (s: PlacementState) => s.groups().map((g) => `${g.laCode}@${g.providerId}:${g.children}`);

describe('displacement', () => {
  it('moves the children beyond a cut provider\'s places, shared over its groups by largest remainder', () => {
    // P holds A 3, B 2, C 1 on 6 places, cut to 3: excess 3 -> exact 1.5, 1.0, 0.5 -> floors 1, 1, 0;
    // one unit left, remainders 0.5 (A) and 0.5 (C) tie: A first. A loses 2, B 1, C 0.
    const s = new PlacementState();
    s.ensureProvider({ providerId: 'P', providerName: 'P', sector: 'fp', host: 'A', placementType: 'residential', reservedForRegion: null }).places = 3;
    s.add('A', 'residential', 'fp', 'A', 'P', 3);
    s.add('B', 'residential', 'fp', 'A', 'P', 2);
    s.add('C', 'residential', 'fp', 'A', 'P', 1);
    const displaced = displaceChildren(s, new Set([unitKey('A', 'residential', 'fp', 'P')]));
    expect(Object.fromEntries(displaced)).toEqual({ A: 2, B: 1, C: 0 });
    expect(counts(s)).toEqual(['A@P:1', 'B@P:1', 'C@P:1']);
  });

  it('displaces nobody at a provider whose places were not cut, even over capacity', () => {
    const s = new PlacementState();
    s.ensureProvider({ providerId: 'P', providerName: 'P', sector: 'fp', host: 'A', placementType: 'residential', reservedForRegion: null }).places = 1;
    s.add('A', 'residential', 'fp', 'A', 'P', 3);
    expect(displaceChildren(s, new Set()).size).toBe(0);
    expect(counts(s)).toEqual(['A@P:3']);
  });
});

describe('turnover', () => {
  it('ends a share of each group, rounded by largest remainder over the groups of one LA and type', () => {
    // A's foster groups 5 (P1), 3 (P2), 2 (outside Wales); 25%: exact 1.25, 0.75, 0.5 = 2.5 -> 3;
    // floors 1, 0, 0 leave 2 units: remainders 0.75 (P2) then 0.5 (outside Wales). Ends 1, 1, 1.
    const s = new PlacementState();
    s.add('A', 'foster', 'la', 'A', 'P1', 5);
    s.add('A', 'foster', 'la', 'A', 'P2', 3);
    s.add('A', 'foster', 'fp', 'OUTSIDE_WALES', 'OUTSIDE_WALES', 2);
    s.add('B', 'foster', 'la', 'A', 'P1', 1); // another LA's group is rounded on its own: 0.25 -> 0
    applyTurnover(s, () => 0.25);
    expect(counts(s)).toEqual(['A@P1:4', 'A@P2:2', 'A@OUTSIDE_WALES:1', 'B@P1:1']);
  });
});

describe('endings above need', () => {
  it('end one child at a time from the currently largest group, ties in key order', () => {
    // groups 5 (P1), 3 (P2), 3 (P3); need 8: 5 -> 4 (P1); 4 -> 3 (P1); then a three-way tie at 3: P1 -> 2
    const s = new PlacementState();
    s.add('A', 'foster', 'la', 'A', 'P2', 3);
    s.add('A', 'foster', 'la', 'A', 'P1', 5);
    s.add('A', 'foster', 'la', 'A', 'P3', 3);
    const need = { ...zeroByType(), foster: 8 };
    endPlacementsAboveNeed(s, () => need);
    expect(counts(s)).toEqual(['A@P1:2', 'A@P2:3', 'A@P3:3']);
  });
});

describe('seekers', () => {
  it('last year\'s unplaced, the displaced and growth all seek; a fall in need reduces seekers first', () => {
    // A: 4 foster children with its own carers (4 places), outside Wales not allowed.
    // 2024: need 4 × 1.5 = 6 -> 2 seek, no vacancy: 2 unplaced.
    // 2025: need stays 6 (rate 0 from 2025); Foster Wales adds 1 place in A: 1 of the 2 unplaced is placed.
    const ds = dataset({
      placements: [placed('A', 'foster', 'la', 'A', 4, 'P')],
      providers: [provider('P', 'la', 'A', 'foster', 4)],
      demandHistory: [demand('A', 4)],
    });
    const s = scenario({
      horizonTo: 2025,
      demand: { method: 'change', rate: tl(0, [[2024, 0.5], [2025, 0]]), rateByLa: {} },
      fosterWales: { netNewPlaces: tl(0, [[2025, 1]]), transfersFromFp: tl(0) },
    });
    s.outsideWales.allowed = false;
    const p = runProjection(ds, s);
    expect(tally(p, 2024, 'A').unplaced.foster).toBe(2);
    expect(tally(p, 2025, 'A').unplaced.foster).toBe(1);
    expect(tally(p, 2025, 'A').newPlacements).toBe(1);
    expect(heldBy(p, 2025, 'A')).toEqual(['FOSTER_WALES_A:1', 'P:4']);
  });
});

describe('unbiased endings (rounding: unbiased)', () => {
  const g = (la: string, host: string, children: number): PlacementGroup => ({ laCode: la, placementType: 'foster', sector: 'la', host, providerId: host, children });

  it('expects groups of 3 and 1 at turnover 0.3 to continue with 2.25 and 0.75 children', () => {
    // Shares 0.9 and 0.3 add up to 1.2, rounded half up to 1; the parts lowered by 1/1.2 to 0.75 and 0.25.
    const after = expectedAfterTurnover([g('A', 'A', 3), g('A', 'B', 1)], () => 0.3);
    expect(after.map((x) => +x.children.toFixed(12))).toEqual([2.25, 0.75]);
  });

  it('ends as many children per LA and type as largest remainder does, each group its floor or ceiling, the mean its expectation', () => {
    // The groups of the largest-remainder test above: A's 5, 3, 2 at 25%: exact 1.25, 0.75, 0.5 = 2.5
    // → 3 end (half up), B's 1: 0.25 → 0. The parts 0.25, 0.75, 0.5 (sum 1.5) rise by 0.5 in
    // proportion to 0.75, 0.25, 0.5 to 0.5, 0.833, 0.667 (sum 2): expected endings 1.5, 0.833, 0.667.
    // Over 3,000 streams P1's mean ending is 1.5 ± 4 sd (sd of the mean √(0.25/3000) = 0.0091: ± 0.037).
    let p1 = 0;
    for (let run = 0; run < 3000; run++) {
      const s = new PlacementState();
      s.add('A', 'foster', 'la', 'A', 'P1', 5);
      s.add('A', 'foster', 'la', 'A', 'P2', 3);
      s.add('A', 'foster', 'fp', 'OUTSIDE_WALES', 'OUTSIDE_WALES', 2);
      s.add('B', 'foster', 'la', 'A', 'P1', 1);
      applyTurnover(s, () => 0.25, undefined, streamFor(1, run, 'turnover.rounding'));
      const left = Object.fromEntries(s.groups().map((g) => [`${g.laCode}@${g.providerId}`, g.children]));
      expect(5 - left['A@P1'] + 3 - left['A@P2'] + 2 - left['A@OUTSIDE_WALES']).toBe(3);
      expect([4, 3]).toContain(left['A@P1']);
      expect(left['B@P1']).toBe(1);
      p1 += 5 - left['A@P1'];
    }
    expect(Math.abs(p1 / 3000 - 1.5)).toBeLessThan(0.037);
  });

  it('ends a group alone in its LA and type by its share rounded half up, drawing nothing, as roundSharesUnbiased gives one cell', () => {
    // A's 5 at 30%: 1.5 → 2 end; B's 3 at 30%: 0.9 → 1; C's 1 at 30%: 0.3 → 0. The stream's next
    // draw is its first: no cell drew.
    for (const [children, ends] of [[5, 2], [3, 1], [1, 0], [10, 3]] as const) {
      const s = new PlacementState();
      s.add('A', 'foster', 'la', 'A', 'P1', children);
      const stream = streamFor(1, 0, 'turnover.rounding');
      applyTurnover(s, () => 0.3, undefined, stream);
      expect(s.groups().reduce((t, g) => t + g.children, 0)).toBe(children - ends);
      expect(roundSharesUnbiased([0.3 * children], roundHalfUp(0.3 * children), streamFor(1, 0, 'turnover.rounding'))).toEqual([ends]);
      expect(stream()).toBe(streamFor(1, 0, 'turnover.rounding')());
    }
  });

  it('rounds any one cell to its total without a draw (the shortcut for a group alone is what roundSharesUnbiased gives)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0.0001, max: 1, noNaN: true }), (children, share) => {
        const x = share * children;
        const stream = streamFor(3, 0, 'turnover.rounding');
        expect(roundSharesUnbiased([x], roundHalfUp(0 + x), stream)).toEqual([roundHalfUp(x)]);
        expect(stream()).toBe(streamFor(3, 0, 'turnover.rounding')());
      }),
      { numRuns: 500 },
    );
  });
});
