// A year's row of a projection (docs/model.md §2.2): each LA's tally, the places by host and type,
// and (when asked for) the year's groups, providers and new placements.
import { PlacementState, unitKey } from './state.js';
import { EXTERNAL, type HostYearPlaces, type LaYearTally, type MarketType, type PlacementGroup, type YearResult } from './types.js';
import { usablePlaces, type OccupancyTable } from './usable.js';

/** A group's identity: its placing LA and its unit. */
export const groupKey = (g: PlacementGroup): string => `${g.laCode}|${unitKey(g.host, g.placementType, g.sector, g.providerId)}`;

/** The state's groups by placing LA, each list in key order. */
export function groupsByLa(state: PlacementState): Map<string, PlacementGroup[]> {
  const out = new Map<string, PlacementGroup[]>();
  for (const g of state.groupsInOrder()) {
    const list = out.get(g.laCode);
    if (list) list.push(g);
    else out.set(g.laCode, [g]);
  }
  return out;
}

export function yearResult(
  year: number,
  isBase: boolean,
  state: PlacementState,
  keepPlacements: boolean,
  laCodes: readonly string[],
  occupancy: OccupancyTable,
  beforeMatching: ReadonlyMap<string, number> | null,
  tally: (la: string) => LaYearTally,
  warnings: string[],
): YearResult {
  // Rows in order of first appearance in provider key order; found by host, then type (no key strings).
  const places: HostYearPlaces[] = [];
  const byHost = new Map<string, Partial<Record<MarketType, HostYearPlaces>>>();
  const providers = state.providersInOrder();
  for (const p of providers) {
    let atHost = byHost.get(p.host);
    if (!atHost) {
      atHost = {};
      byHost.set(p.host, atHost);
    }
    let row = atHost[p.placementType];
    if (!row) {
      row = { host: p.host, placementType: p.placementType, places: 0, forProfitPlaces: 0, usablePlaces: 0, externalChildren: 0 };
      atHost[p.placementType] = row;
      places.push(row);
    }
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
    tallies: laCodes.map(tally),
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
