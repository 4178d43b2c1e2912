// The placement state: providers' places and groups of children, indexed the ways the year's steps
// need them. Keys are strings built from codes, so iteration in sorted key order is canonical.
import {
  OUTSIDE_WALES,
  type MarketType,
  type PlacementGroup,
  type ProviderPlaces,
  type Sector,
} from './types.js';
import { compareTieKeys, tieKey, type TieKey } from './rounding.js';

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

export function byGroupKey(a: PlacementGroup, b: PlacementGroup): number {
  return compareTieKeys(groupTieKey(a), groupTieKey(b));
}

export function byProviderKey(a: ProviderPlaces, b: ProviderPlaces): number {
  return compareTieKeys(providerTieKey(a), providerTieKey(b));
}

export class PlacementState {
  readonly providers = new Map<string, ProviderPlaces>();
  /** Groups of children by the unit (provider at host for type) that holds them. */
  private readonly byUnit = new Map<string, Map<string, PlacementGroup>>();

  clone(): PlacementState {
    const c = new PlacementState();
    for (const [k, p] of this.providers) c.providers.set(k, { ...p });
    for (const g of this.groups()) c.add(g.laCode, g.placementType, g.sector, g.host, g.providerId, g.children);
    return c;
  }

  provider(key: string): ProviderPlaces | undefined {
    return this.providers.get(key);
  }

  /** The provider at a unit, created with no places if it does not exist yet. */
  ensureProvider(p: Omit<ProviderPlaces, 'places'>): ProviderPlaces {
    const key = unitKey(p.host, p.placementType, p.sector, p.providerId);
    let found = this.providers.get(key);
    if (!found) {
      found = { ...p, places: 0 };
      this.providers.set(key, found);
    }
    return found;
  }

  providerList(): ProviderPlaces[] {
    return [...this.providers.values()].sort(byProviderKey);
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
    else unit.set(la, { laCode: la, placementType: type, sector, host, providerId, children: n });
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
    const all: PlacementGroup[] = [];
    for (const unit of this.byUnit.values()) for (const g of unit.values()) all.push(g);
    return all.sort(byGroupKey);
  }

  snapshotGroups(): PlacementGroup[] {
    return this.groups().map((g) => ({ ...g }));
  }
}

export function isOutsideWales(host: string): boolean {
  return host === OUTSIDE_WALES;
}
