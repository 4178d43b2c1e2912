// `outside_wales.places: held` (docs/methodology.md, "England is not unlimited"): the cap on children
// newly placed outside the nation each year is the base date's intake, the new placements a year
// that keep the base-date number steady: each type's children placed outside at the base date × its
// year-B turnover. Under placement choice each type has its own cap; under the least-distance rule
// the types' caps, summed, cap all types together as a number would.
import { roundHalfUp } from '../rounding.js';
import { EXTERNAL, MARKET_TYPES, OUTSIDE_WALES, type MarketType, type PlacementGroup } from '../types.js';

export interface HeldOutsideCaps {
  /** Each type's cap: round half up (base outside count × turnover). */
  byType: Record<MarketType, number>;
  /** All types together: round half up of the unrounded products' sum. */
  total: number;
}

/**
 * Worked: 300 residential children outside at the base date × turnover 0.45 = 135, 11 secure × 0.9
 * = 9.9 → 10, 101 foster × 0.3 = 30.3 → 30; total round(135 + 9.9 + 30.3 = 175.2) = 175.
 */
export function heldOutsideCaps(baseGroups: Iterable<PlacementGroup>, turnoverAtB: (type: MarketType) => number): HeldOutsideCaps {
  const outside: Record<MarketType, number> = { foster: 0, residential: 0, secure: 0 };
  for (const g of baseGroups) {
    // The dataset's own children only: other authorities' children are never outside the nation.
    if (g.host === OUTSIDE_WALES && g.laCode !== EXTERNAL) outside[g.placementType] += g.children;
  }
  const exact = MARKET_TYPES.map((t) => outside[t] * turnoverAtB(t));
  const byType = Object.fromEntries(MARKET_TYPES.map((t, k) => [t, roundHalfUp(exact[k])])) as Record<MarketType, number>;
  return { byType, total: roundHalfUp(exact.reduce((s, x) => s + x, 0)) };
}
