// A year's row of a projection (docs/model.md §2.2): each LA's tally, the places by host and type,
// and (when asked for) the year's groups, providers and new placements.
import { InternalError } from '../errors.js';
import { compareCodes } from './rounding.js';
import { PlacementState, unitKey } from './state.js';
import { EXTERNAL, type HostYearPlaces, type LaYearTally, type MarketType, type PlacementGroup, type ProviderPlaces, type YearResult } from './types.js';
import { usablePlaces, type OccupancyTable } from './usable.js';

/** A group's identity: its placing LA and its unit. */
export const groupKey = (g: PlacementGroup): string => `${g.laCode}|${unitKey(g.host, g.placementType, g.sector, g.providerId)}`;

/**
 * Each LA's tally, in the order of laCodes, from its range of the state's groups in key order: the
 * groups run by LA code, so an LA's are next to each other and one pass finds every LA's range.
 */
function talliesInOrder(
  groups: readonly PlacementGroup[],
  laCodes: readonly string[],
  tally: (la: string, from: number, to: number) => LaYearTally,
): LaYearTally[] {
  const tallies: LaYearTally[] = [];
  let k = 0;
  for (let i = 0; i < laCodes.length; i++) {
    const la = laCodes[i];
    if (i > 0 && compareCodes(laCodes[i - 1], la) >= 0) throw new InternalError(`yearResult: LA codes out of code order at ${la}`);
    while (k < groups.length && compareCodes(groups[k].laCode, la) < 0) k++;
    const from = k;
    while (k < groups.length && groups[k].laCode === la) k++;
    tallies.push(tally(la, from, k));
  }
  return tallies;
}

/** A market type's place in MARKET_TYPES, by comparison (no keyed lookup per provider). */
const typeIndex = (t: MarketType): number => (t === 'foster' ? 0 : t === 'residential' ? 1 : 2);

/** The year's row of places at the provider's host and type, made (and listed) when the first provider there comes. */
function placesRow(byHost: Map<string, Array<HostYearPlaces | null>>, places: HostYearPlaces[], p: ProviderPlaces): HostYearPlaces {
  let atHost = byHost.get(p.host);
  if (atHost === undefined) {
    atHost = [null, null, null];
    byHost.set(p.host, atHost);
  }
  const ti = typeIndex(p.placementType);
  let row = atHost[ti];
  if (row === null) {
    row = { host: p.host, placementType: p.placementType, places: 0, forProfitPlaces: 0, usablePlaces: 0, externalChildren: 0 };
    atHost[ti] = row;
    places.push(row);
  }
  return row;
}

/**
 * The year's tallies and places. `tally(la, from, to)`: the LA's tally from the state's groups in
 * key order (state.groupsInOrder()), from index `from` up to `to`; laCodes in code order.
 */
export function yearResult(
  year: number,
  isBase: boolean,
  state: PlacementState,
  keepPlacements: boolean,
  laCodes: readonly string[],
  occupancy: OccupancyTable,
  beforeMatching: ReadonlyMap<string, number> | null,
  tally: (la: string, from: number, to: number) => LaYearTally,
  warnings: string[],
): YearResult {
  // Rows in order of first appearance in provider key order; found by host, then type (no key strings).
  const places: HostYearPlaces[] = [];
  const byHost = new Map<string, Array<HostYearPlaces | null>>();
  const providers = state.providersInOrder();
  // Providers in key order run by type, sector, then host: most follow one at the same host and type.
  let row: HostYearPlaces | null = null;
  for (const p of providers) {
    if (row === null || row.host !== p.host || row.placementType !== p.placementType) row = placesRow(byHost, places, p);
    row.places += p.places;
    if (p.sector === 'fp') row.forProfitPlaces += p.places;
    // docs/model.md §2.2: usable places less the other authorities' children held, never below 0 per provider.
    const external = state.childrenOfLa(p, EXTERNAL);
    row.usablePlaces += Math.max(0, usablePlaces(p, occupancy) - external);
    row.externalChildren += external;
  }
  return {
    year,
    asAt: `${year + 1}-03-31`,
    isBase,
    tallies: talliesInOrder(state.groupsInOrder(), laCodes, tally),
    places,
    groups: keepPlacements ? state.snapshotGroups() : [],
    providers: keepPlacements ? providers.map((p) => ({ ...p, usableForDataset: Math.max(0, usablePlaces(p, occupancy) - state.childrenOfLa(p, EXTERNAL)) })) : [],
    ...(beforeMatching !== null
      ? {
          placedInYear: state
            .groupsInOrder()
            .map((g) => ({ ...g, children: g.children - (beforeMatching.get(groupKey(g)) ?? 0) }))
            .filter((g) => g.children > 0 && g.laCode !== EXTERNAL),
        }
      : {}),
    warnings,
  };
}
