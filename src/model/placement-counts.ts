// The counts of children in market placements that an LA's year-end tally holds and an area's metrics
// add up (docs/model.md §2.2): one shape for both, so that a count is added the same way at each level.
import type { LaYearTally } from './types.js';

/** The tally's counts of children placed (their meanings are documented on LaYearTally). */
export type PlacementCounts = Pick<
  LaYearTally,
  'marketPlaced' | 'placedInOwnLa' | 'placedInRegion' | 'placedOutsideWales' | 'forProfitPlacements' | 'placedByType' | 'forProfitByType' | 'nonprofitOutsideRegion'
>;

export function noPlacements(): PlacementCounts {
  return {
    marketPlaced: 0,
    placedInOwnLa: 0,
    placedInRegion: 0,
    placedOutsideWales: 0,
    forProfitPlacements: 0,
    placedByType: { foster: 0, residential: 0, secure: 0 },
    forProfitByType: { foster: 0, residential: 0, secure: 0 },
    nonprofitOutsideRegion: 0,
  };
}

/** Adds `from`'s counts into `into`, field by field (an area's LAs, in the year's LA order). */
export function addPlacements(into: PlacementCounts, from: PlacementCounts): void {
  into.marketPlaced += from.marketPlaced;
  into.placedInOwnLa += from.placedInOwnLa;
  into.placedInRegion += from.placedInRegion;
  into.placedOutsideWales += from.placedOutsideWales;
  into.forProfitPlacements += from.forProfitPlacements;
  into.placedByType.foster += from.placedByType.foster;
  into.placedByType.residential += from.placedByType.residential;
  into.placedByType.secure += from.placedByType.secure;
  into.forProfitByType.foster += from.forProfitByType.foster;
  into.forProfitByType.residential += from.forProfitByType.residential;
  into.forProfitByType.secure += from.forProfitByType.secure;
  into.nonprofitOutsideRegion += from.nonprofitOutsideRegion;
}
