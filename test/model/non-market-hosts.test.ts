// Where non-market children live each year (docs/methodology.md "Own-LA share of all children"):
// shared over the base-date hosts of their type by largest remainder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonMarketAtHome } from '../../src/model/non-market-hosts.js';
import { PLACEMENT_TYPES, type PlacementRow, type PlacementType } from '../../src/model/types.js';

const row = (la: string, type: PlacementType, host: string | null, children: number): PlacementRow => ({ laCode: la, placementType: type, sector: null, host, children, providerId: null });
const byType = (over: Partial<Record<PlacementType, number>>): Record<PlacementType, number> =>
  ({ ...Object.fromEntries(PLACEMENT_TYPES.map((t) => [t, 0])), ...over }) as Record<PlacementType, number>;

describe('non-market children at home', () => {
  it('shares each type over its base-date hosts by largest remainder', () => {
    // Base kinship of A: 3 in A, 1 in B. Next year 6 kinship children: exact 4.5 and 1.5; the tie of
    // remainders goes in host-code order, A first: 5 at home. 5 children: 3.75 and 1.25 -> 4 at home.
    const atHome = nonMarketAtHome({ placements: [row('A', 'kinship', 'A', 3), row('A', 'kinship', 'B', 1)] });
    expect(atHome('A', byType({ kinship: 6 }))).toBe(5);
    expect(atHome('A', byType({ kinship: 5 }))).toBe(4);
    // Market types are not counted here (they are matched: the tallies count them).
    expect(atHome('A', byType({ foster: 9 }))).toBe(0);
  });

  it('never puts a child whose host is not known at home, and nobody at home of a type with no base host there', () => {
    const atHome = nonMarketAtHome({ placements: [row('A', 'parents', null, 2), row('A', 'adoption', 'OUTSIDE_WALES', 1), row('A', 'parents', 'A', 2)] });
    // parents: hosts A:2, not known:2 -> 3 children: 1.5 and 1.5, the tie to A (a known host first): 2 at home.
    expect(atHome('A', byType({ parents: 3 }))).toBe(2);
    expect(atHome('A', byType({ adoption: 4 }))).toBe(0);
    // An LA with no base rows of a type has no hosts for it: none at home.
    expect(atHome('B', byType({ kinship: 4 }))).toBe(0);
  });

  it('never puts more at home than there are children, and all of them when every base row is at home', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 500 }), (home, away, n) => {
        const placements = [row('A', 'kinship', 'A', home), row('A', 'kinship', 'Z', away)].filter((r) => r.children > 0);
        const got = nonMarketAtHome({ placements })('A', byType({ kinship: n }));
        if (home + away === 0) return got === 0;
        return got >= 0 && got <= n && (away > 0 || got === n) && (home > 0 || got === 0);
      }),
    );
  });
});
