// The placement state: providers' places and groups of children, indexed the ways the year's steps
// need them. Keys are strings built from codes, so iteration in sorted key order is canonical.
import {
  OUTSIDE_WALES,
  type MarketType,
  type PlacementGroup,
  type ProviderPlaces,
  type Sector,
} from './types.js';
import { compareCodes, tieKey, type TieKey } from './rounding.js';
import { PLACEMENT_TYPES, SECTORS } from './types.js';

/** One provider's places at one host for one type (its sector is part of its identity). */
export function unitKey(host: string, type: MarketType, sector: Sector, providerId: string): string {
  return `${host}|${type}|${sector}|${providerId}`;
}

export function groupTieKey(g: PlacementGroup): TieKey {
  return tieKey(g.laCode, g.placementType, g.sector, g.host, g.providerId);
}

export function providerTieKey(p: ProviderPlaces): TieKey {
  return tieKey('', p.placementType, p.sector, p.host, p.providerId);
}

// The comparators below are the tie-key order of rounding.ts written out field by field: sorting is
// the model's hottest path, and building key arrays per comparison cost a fifth of a run.
const TYPE_RANK = new Map<string, number>(PLACEMENT_TYPES.map((t, i) => [t, i]));
const SECTOR_RANK = new Map<string, number>(SECTORS.map((s, i) => [s, i]));

/** Placement type, sector, host, provider: the tie order of units. */
function compareUnits(a: PlacementGroup | ProviderPlaces, b: PlacementGroup | ProviderPlaces): number {
  return (
    (a.placementType === b.placementType ? 0 : TYPE_RANK.get(a.placementType)! - TYPE_RANK.get(b.placementType)!) ||
    (a.sector === b.sector ? 0 : SECTOR_RANK.get(a.sector)! - SECTOR_RANK.get(b.sector)!) ||
    compareCodes(a.host, b.host) ||
    compareCodes(a.providerId, b.providerId)
  );
}

export function byGroupKey(a: PlacementGroup, b: PlacementGroup): number {
  return compareCodes(a.laCode, b.laCode) || compareUnits(a, b);
}

export function byProviderKey(a: ProviderPlaces, b: ProviderPlaces): number {
  return compareUnits(a, b);
}

export class PlacementState {
  private readonly providerMap = new Map<string, ProviderPlaces>();
  /** Groups of children by the unit (provider at host for type) that holds them. */
  private readonly byUnit = new Map<string, Map<string, PlacementGroup>>();
  // The sorted orders, kept until a group or provider is created or removed (a change of count
  // does not move anything in them).
  private sortedGroups: PlacementGroup[] | null = null;
  /** Groups emptied since sortedGroups was last compacted. */
  private emptied = 0;
  private sortedProviders: ProviderPlaces[] | null = null;

  clone(): PlacementState {
    const c = new PlacementState();
    for (const [k, p] of this.providerMap) c.providerMap.set(k, { ...p });
    for (const g of this.groupsInOrder()) c.add(g.laCode, g.placementType, g.sector, g.host, g.providerId, g.children);
    return c;
  }

  /** Every provider, keyed by unitKey (read only: add providers with ensureProvider). */
  get providers(): ReadonlyMap<string, ProviderPlaces> {
    return this.providerMap;
  }

  provider(key: string): ProviderPlaces | undefined {
    return this.providers.get(key);
  }

  /** The provider at a unit, created with no places if it does not exist yet. */
  ensureProvider(p: Omit<ProviderPlaces, 'places'>): ProviderPlaces {
    const key = unitKey(p.host, p.placementType, p.sector, p.providerId);
    let found = this.providerMap.get(key);
    if (!found) {
      found = { ...p, places: 0 };
      this.providerMap.set(key, found);
      this.sortedProviders = null;
    }
    return found;
  }

  /** Every provider in key order (a new array each time; the providers themselves are live). */
  providerList(): ProviderPlaces[] {
    this.sortedProviders ??= [...this.providerMap.values()].sort(byProviderKey);
    return this.sortedProviders.slice();
  }

  add(la: string, type: MarketType, sector: Sector, host: string, providerId: string, n: number): void {
    if (n <= 0) return;
    const uk = unitKey(host, type, sector, providerId);
    let unit = this.byUnit.get(uk);
    if (!unit) {
      unit = new Map();
      this.byUnit.set(uk, unit);
    }
    const g = unit.get(la);
    if (g) g.children += n;
    else {
      const created: PlacementGroup = { laCode: la, placementType: type, sector, host, providerId, children: n };
      unit.set(la, created);
      if (this.sortedGroups !== null) insertSorted(this.sortedGroups, created);
    }
  }

  remove(g: PlacementGroup, n: number): void {
    if (n <= 0) return;
    const uk = unitKey(g.host, g.placementType, g.sector, g.providerId);
    const unit = this.byUnit.get(uk);
    const held = unit?.get(g.laCode);
    if (!unit || !held || held.children < n) throw new Error(`cannot remove ${n} children from ${uk} (${g.laCode})`);
    held.children -= n;
    if (held.children === 0) {
      unit.delete(g.laCode);
      if (unit.size === 0) this.byUnit.delete(uk);
      // Left in sortedGroups with no children; groups() drops it.
      this.emptied++;
    }
  }

  /** The groups held by one unit, in key order. */
  groupsAt(uk: string): PlacementGroup[] {
    const unit = this.byUnit.get(uk);
    return unit ? [...unit.values()].sort(byGroupKey) : [];
  }

  childrenAt(uk: string): number {
    let n = 0;
    const unit = this.byUnit.get(uk);
    if (unit) for (const g of unit.values()) n += g.children;
    return n;
  }

  /** Every group, in key order (a snapshot: safe to mutate the state while iterating). */
  groups(): PlacementGroup[] {
    return this.groupsInOrder().slice();
  }

  /** Every group, in key order, without a copy: for reading only, not while adding or removing. */
  groupsInOrder(): readonly PlacementGroup[] {
    if (this.sortedGroups === null) {
      const all: PlacementGroup[] = [];
      for (const unit of this.byUnit.values()) for (const g of unit.values()) all.push(g);
      this.sortedGroups = all.sort(byGroupKey);
      this.emptied = 0;
    } else if (this.emptied > 0) {
      this.sortedGroups = this.sortedGroups.filter((g) => g.children > 0);
      this.emptied = 0;
    }
    return this.sortedGroups;
  }

  snapshotGroups(): PlacementGroup[] {
    return this.groupsInOrder().map((g) => ({ ...g }));
  }
}

/** Puts a new group at its place in a list sorted by byGroupKey (no equal key can be there: keys are unique among live groups). */
function insertSorted(list: PlacementGroup[], g: PlacementGroup): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byGroupKey(list[mid], g) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, g);
}

export function isOutsideWales(host: string): boolean {
  return host === OUTSIDE_WALES;
}
