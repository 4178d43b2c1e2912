// The placement state: providers' places and groups of children, indexed the ways the year's steps
// need them. Keys are strings built from codes, so iteration in sorted key order is canonical.
import {
  type MarketType,
  type PlacementGroup,
  type ProviderPlaces,
  type Sector,
} from './types.js';
import { compareCodes } from './rounding.js';
import { PLACEMENT_TYPES, SECTOR_RANK } from './types.js';

/** One provider's places at one host for one type (its sector is part of its identity). */
export function unitKey(host: string, type: MarketType, sector: Sector, providerId: string): string {
  return `${host}|${type}|${sector}|${providerId}`;
}

// The comparators below are the tie-key order of rounding.ts written out field by field: sorting is
// the model's hottest path, and building key arrays per comparison would cost a fifth of a run.
// Constant orders of the codes (never written after they are built): read-only by their type.
const TYPE_RANK: ReadonlyMap<string, number> = new Map<string, number>(PLACEMENT_TYPES.map((t, i) => [t, i]));

/** Placement type, sector, host, provider: the tie order of units. */
function compareUnits(a: PlacementGroup | ProviderPlaces, b: PlacementGroup | ProviderPlaces): number {
  return (
    (a.placementType === b.placementType ? 0 : TYPE_RANK.get(a.placementType)! - TYPE_RANK.get(b.placementType)!) ||
    (a.sector === b.sector ? 0 : SECTOR_RANK[a.sector] - SECTOR_RANK[b.sector]) ||
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

/** The groups of children one unit (a provider at a host for a type) holds, by placing LA. */
interface Unit {
  /** Its place in the order units were created: an integer key for it, the same in a copy. */
  readonly id: number;
  readonly groups: Map<string, PlacementGroup>;
  /** Children in all its groups, kept up to date by add and remove. */
  children: number;
}

export class PlacementState {
  private readonly providerMap = new Map<string, ProviderPlaces>();
  /** Units by unitKey. A unit stays once created, empty or not, so references to it stay valid. */
  private readonly byUnit = new Map<string, Unit>();
  // Each live group's and each provider's unit, found without building and hashing its key string:
  // adds and removes run tens of thousands of times a projection.
  private readonly unitOfGroup = new WeakMap<PlacementGroup, Unit>();
  private readonly unitOfProvider = new WeakMap<ProviderPlaces, Unit>();
  // The sorted orders, kept until a group or provider is created or removed (a change of count
  // does not move anything in them).
  private sortedGroups: PlacementGroup[] | null = null;
  /** Groups emptied since sortedGroups was last compacted. */
  private emptied = 0;
  private sortedProviders: ProviderPlaces[] | null = null;
  // Groups and providers created since the sorted lists were last read: merged in at the next read,
  // where putting each at its place as it comes would cost a splice of thousands of groups per new group.
  private pendingGroups: PlacementGroup[] = [];
  private pendingProviders: ProviderPlaces[] = [];
  /**
   * Each provider's converted twins (`ID~nfp`, `ID~la`), once found (supply.ts): a state never drops
   * a provider, so the twin found once is the one ensureProvider would find again, without building
   * its id, name and key strings every year. The state's own: a copy starts without.
   */
  readonly twins = new WeakMap<ProviderPlaces, { nfp?: ProviderPlaces; la?: ProviderPlaces }>();

  /**
   * A copy of the state unit by unit, without building a key per group: providers
   * and groups are new objects with the same fields in the same order, and every unit is kept.
   */
  copy(): PlacementState {
    const c = new PlacementState();
    const providerCopy = new Map<ProviderPlaces, ProviderPlaces>();
    for (const [k, p] of this.providerMap) {
      const q = { ...p };
      c.providerMap.set(k, q);
      providerCopy.set(p, q);
    }
    const unitCopy = new Map<Unit, Unit>();
    for (const [uk, unit] of this.byUnit) {
      const u: Unit = { id: unit.id, groups: new Map(), children: unit.children };
      for (const [la, g] of unit.groups) {
        const h = { ...g };
        u.groups.set(la, h);
        c.unitOfGroup.set(h, u);
      }
      c.byUnit.set(uk, u);
      unitCopy.set(unit, u);
    }
    // The sorted lists carried over (this state's, sorted once), so that the copy need not sort again.
    c.sortedProviders = this.providersInOrder().map((p) => providerCopy.get(p)!);
    c.sortedGroups = this.groupsInOrder().map((g) => unitCopy.get(this.unitOfGroup.get(g)!)!.groups.get(g.laCode)!);
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
      // Merged into the sorted list at the next read: re-sorting every provider for each new one would cost more.
      if (this.sortedProviders !== null) this.pendingProviders.push(found);
    }
    return found;
  }

  /** Every provider in key order (a new array each time; the providers themselves are live). */
  providerList(): ProviderPlaces[] {
    return this.providersInOrder().slice();
  }

  /** Every provider in key order, without a copy: for reading only, not while creating providers. */
  providersInOrder(): readonly ProviderPlaces[] {
    if (this.sortedProviders === null) {
      this.sortedProviders = [...this.providerMap.values()].sort(byProviderKey);
      this.pendingProviders = [];
    } else if (this.pendingProviders.length > 0) {
      this.sortedProviders = mergeSorted(this.sortedProviders, this.pendingProviders.sort(byProviderKey), byProviderKey, false);
      this.pendingProviders = [];
    }
    return this.sortedProviders;
  }

  private unit(uk: string): Unit {
    let unit = this.byUnit.get(uk);
    if (!unit) {
      unit = { id: this.byUnit.size, groups: new Map(), children: 0 };
      this.byUnit.set(uk, unit);
    }
    return unit;
  }

  /** A provider's unit (the provider must be the state's own object, as ensureProvider returns it). */
  private unitOf(p: ProviderPlaces): Unit {
    let unit = this.unitOfProvider.get(p);
    if (!unit) {
      unit = this.unit(unitKey(p.host, p.placementType, p.sector, p.providerId));
      this.unitOfProvider.set(p, unit);
    }
    return unit;
  }

  add(la: string, type: MarketType, sector: Sector, host: string, providerId: string, n: number): void {
    if (n <= 0) return;
    this.addIn(this.unit(unitKey(host, type, sector, providerId)), la, type, sector, host, providerId, n);
  }

  /** add, for a caller that holds the provider: children of `la` placed with it. */
  addTo(p: ProviderPlaces, la: string, n: number): void {
    if (n <= 0) return;
    this.addIn(this.unitOf(p), la, p.placementType, p.sector, p.host, p.providerId, n);
  }

  private addIn(unit: Unit, la: string, type: MarketType, sector: Sector, host: string, providerId: string, n: number): void {
    unit.children += n;
    const g = unit.groups.get(la);
    if (g) g.children += n;
    else {
      const created: PlacementGroup = { laCode: la, placementType: type, sector, host, providerId, children: n };
      unit.groups.set(la, created);
      this.unitOfGroup.set(created, unit);
      if (this.sortedGroups !== null) this.pendingGroups.push(created);
    }
  }

  /**
   * The unit of a provider as an integer, one per unitKey: a year's bookkeeping keys its maps by it
   * rather than by building the key string for every group and provider.
   */
  unitIdOf(p: ProviderPlaces): number {
    return this.unitOf(p).id;
  }

  /** unitIdOf for a group's unit (a live group of this state, or a copy of one, found by its key). */
  unitIdOfGroup(g: PlacementGroup): number {
    return (this.unitOfGroup.get(g) ?? this.unit(unitKey(g.host, g.placementType, g.sector, g.providerId))).id;
  }

  remove(g: PlacementGroup, n: number): void {
    if (n <= 0) return;
    // A live group knows its unit; a copy of one is found by its key.
    const unit = this.unitOfGroup.get(g) ?? this.byUnit.get(unitKey(g.host, g.placementType, g.sector, g.providerId));
    const held = unit?.groups.get(g.laCode);
    if (!unit || !held || held.children < n) {
      throw new Error(`cannot remove ${n} children from ${unitKey(g.host, g.placementType, g.sector, g.providerId)} (${g.laCode})`);
    }
    held.children -= n;
    unit.children -= n;
    if (held.children === 0) {
      unit.groups.delete(g.laCode);
      // Left in sortedGroups with no children; groups() drops it.
      this.emptied++;
    }
  }

  /** The groups held by one unit, in key order. */
  groupsAt(uk: string): PlacementGroup[] {
    const unit = this.byUnit.get(uk);
    return unit ? [...unit.groups.values()].sort(byGroupKey) : [];
  }

  /** The groups a provider holds, in key order. */
  groupsOf(p: ProviderPlaces): PlacementGroup[] {
    return [...this.unitOf(p).groups.values()].sort(byGroupKey);
  }

  childrenAt(uk: string): number {
    return this.byUnit.get(uk)?.children ?? 0;
  }

  /** Children placed with a provider. */
  childrenOf(p: ProviderPlaces): number {
    return this.unitOf(p).children;
  }

  /** Children of one placing authority placed with a provider. */
  childrenOfLa(p: ProviderPlaces, la: string): number {
    return this.unitOf(p).groups.get(la)?.children ?? 0;
  }

  /** Every group, in key order (a snapshot: safe to mutate the state while iterating). */
  groups(): PlacementGroup[] {
    return this.groupsInOrder().slice();
  }

  /** Every group, in key order, without a copy: for reading only, not while adding or removing. */
  groupsInOrder(): readonly PlacementGroup[] {
    if (this.sortedGroups === null) {
      const all: PlacementGroup[] = [];
      for (const unit of this.byUnit.values()) for (const g of unit.groups.values()) all.push(g);
      this.sortedGroups = all.sort(byGroupKey);
      this.emptied = 0;
      this.pendingGroups = [];
    } else if (this.pendingGroups.length > 0) {
      // Live groups have distinct keys; an emptied group may share its key with a new one, and
      // both lists drop emptied groups here, so the merge gives what inserting each in turn would.
      this.sortedGroups = mergeSorted(this.sortedGroups, this.pendingGroups.sort(byGroupKey), byGroupKey, true);
      this.pendingGroups = [];
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

/** Two lists sorted by `order` as one, optionally without items that hold no children. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number, dropEmpty: boolean): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const item = j >= b.length || (i < a.length && order(a[i], b[j]) <= 0) ? a[i++] : b[j++];
    if (!dropEmpty || (item as PlacementGroup).children !== 0) out.push(item);
  }
  return out;
}
