// Usable places (docs/model.md sections 4.2 Vacancies and 4.3): how many of a provider's registered places
// can take a child. Under 4.2 it is floor(occupancy × places), occupancy by type or by type and
// sector; under `usable_places: held` a provider of the base date uses as many places as it then
// held children, and only places it gains later are usable at occupancy.
import { floorEps, roundHalfUp } from './rounding.js';
import { valueAt } from './timeline.js';
import type { MarketType, ModelScenario, ProviderPlaces, Sector } from './types.js';

/** The occupancy of a type and sector in year t: the sector's own value where the scenario gives one, else the type's. */
export function occupancyAt(scenario: ModelScenario, type: MarketType, sector: Sector, t: number): number {
  const own = scenario.occupancyBySector?.[type]?.[sector];
  return valueAt(own ?? scenario.occupancy[type], t);
}

/** The year's occupancy of every type and sector, read once: usable places are asked for per provider. */
export type OccupancyTable = Record<MarketType, Record<Sector, number>>;

export function occupancyTable(scenario: ModelScenario, t: number): OccupancyTable {
  const row = (type: MarketType): Record<Sector, number> => ({
    la: occupancyAt(scenario, type, 'la', t),
    nfp: occupancyAt(scenario, type, 'nfp', t),
    fp: occupancyAt(scenario, type, 'fp', t),
  });
  return { foster: row('foster'), residential: row('residential'), secure: row('secure') };
}

/**
 * A provider's usable places. With held figures (a provider of the base date under `held`): the
 * places it held, never more than its places now, plus floor(occupancy × the places gained since).
 * Worked: 10 places held 6 at the base date; now 12 places at occupancy 0.9 → 6 + floor(1.8) = 7;
 * now 5 places → min(5, 6) = 5.
 */
export function usablePlaces(p: ProviderPlaces, occupancy: OccupancyTable): number {
  const occ = occupancy[p.placementType][p.sector];
  if (p.heldBasePlaces === undefined || p.heldUsable === undefined) return floorEps(occ * p.places);
  const gained = Math.max(0, p.places - p.heldBasePlaces);
  return Math.min(p.places, p.heldUsable) + floorEps(occ * gained);
}

/**
 * Records, on each provider of the base state, its places and the children it holds (all placing
 * authorities, at most its places): what `held` lets it use.
 */
export function recordHeldPlaces(providers: Iterable<ProviderPlaces>, childrenOf: (p: ProviderPlaces) => number): void {
  for (const p of providers) {
    p.heldBasePlaces = p.places;
    p.heldUsable = Math.min(p.places, childrenOf(p));
  }
}

/**
 * When `moved` of `basePlaces` places pass from a provider to its converted twin, the held figures
 * go with them in the same proportion (rounded half up), so a conversion neither frees nor loses
 * usable places. Worked: 10 places held 6, 4 move → the twin holds 4 base places and 2 usable
 * (6 × 0.4 = 2.4), the provider keeps 6 and 4.
 */
export function moveHeldPlaces(from: ProviderPlaces, to: ProviderPlaces, moved: number, basePlaces: number): void {
  if (from.heldBasePlaces === undefined || from.heldUsable === undefined || basePlaces <= 0) return;
  const f = Math.min(1, moved / basePlaces);
  const base = Math.min(from.heldBasePlaces, roundHalfUp(from.heldBasePlaces * f));
  const used = Math.min(from.heldUsable, roundHalfUp(from.heldUsable * f));
  from.heldBasePlaces -= base;
  from.heldUsable -= used;
  to.heldBasePlaces = (to.heldBasePlaces ?? 0) + base;
  to.heldUsable = (to.heldUsable ?? 0) + used;
}
