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

// The comparators below are the tie-key order of rounding.ts written out field by field.
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

/** One unit: a provider at a host for a type (a provider of the state or not), and the groups it holds. */
class Unit {
  /** Its groups by placing LA; a group emptied stays, with no children, and fills again when added to. */
  readonly groups = new Map<string, StateGroup>();
  /** Its groups in key order (placing LA), emptied ones included. */
  readonly inOrder: StateGroup[] = [];
  /** Children in all its groups, kept up to date by add and remove. */
  children = 0;
  /** The state's provider at this unit, once ensureProvider has made it. */
  provider: ProviderPlaces | null = null;

  constructor(
    /** Its place in the order units were created: an integer key for it, the same in a copy. */
    readonly id: number,
    readonly placementType: MarketType,
    readonly sector: Sector,
    readonly host: string,
    readonly providerId: string,
  ) {}
}

/**
 * A group of the state. One class, so that every group the year's steps read has one shape (and
 * the same enumerable fields in the same order as a PlacementGroup literal); the unit it belongs to
 * is private, so that a copy made with a spread or sent to another thread is a plain group.
 */
class StateGroup implements PlacementGroup {
  laCode: string;
  placementType: MarketType;
  sector: Sector;
  host: string;
  providerId: string;
  children: number;
  readonly #unit: Unit;

  constructor(unit: Unit, la: string, children: number) {
    this.laCode = la;
    this.placementType = unit.placementType;
    this.sector = unit.sector;
    this.host = unit.host;
    this.providerId = unit.providerId;
    this.children = children;
    this.#unit = unit;
  }

  /** The unit of a group of some state, or undefined for a group made elsewhere (a copy, a literal). */
  static unitOf(g: PlacementGroup): Unit | undefined {
    return g instanceof StateGroup ? g.#unit : undefined;
  }
}

export class PlacementState {
  private readonly providerMap = new Map<string, ProviderPlaces>();
  /** Units by unitKey. A unit stays once created, empty or not, so references to it stay valid. */
  private readonly byUnit = new Map<string, Unit>();
  /** Units by id. */
  private readonly units: Unit[] = [];
  // Each provider's unit, found without building and hashing its key string: adds run tens of
  // thousands of times a projection.
  private readonly unitOfProvider = new WeakMap<ProviderPlaces, Unit>();
  /**
   * Every group the state has held, emptied ones included, in key order: a group is put in its place
   * once, when first created, and an emptied one that fills again keeps its place.
   */
  private readonly allGroups: StateGroup[] = [];
  /** The groups with children, in key order: made again after a group empties or fills. */
  private liveGroups: StateGroup[] | null = null;
  /** The providers in key order, once read: a provider created later is put in its place in a new list. */
  private sortedProviders: ProviderPlaces[] | null = null;
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
    for (const [uk, unit] of this.byUnit) {
      const u = new Unit(unit.id, unit.placementType, unit.sector, unit.host, unit.providerId);
      u.children = unit.children;
      c.byUnit.set(uk, u);
      c.units.push(u);
    }
    for (const [k, p] of this.providerMap) {
      const q = { ...p };
      c.providerMap.set(k, q);
      const u = c.units[this.unitOf(p).id];
      u.provider = q;
      c.unitOfProvider.set(q, u);
    }
    // Groups in key order, so the copy's lists are in key order as they are built.
    for (const g of this.allGroups) {
      if (g.children === 0) continue;
      const u = c.units[StateGroup.unitOf(g)!.id];
      const h = new StateGroup(u, g.laCode, g.children);
      u.groups.set(g.laCode, h);
      u.inOrder.push(h);
      c.allGroups.push(h);
    }
    // The sorted providers carried over (this state's, sorted once), so that the copy need not sort again.
    const sorted = this.providersInOrder();
    const providers = new Array<ProviderPlaces>(sorted.length);
    for (let i = 0; i < sorted.length; i++) providers[i] = c.units[this.unitOf(sorted[i]).id].provider!;
    c.sortedProviders = providers;
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
      const unit = this.unit(key, p.placementType, p.sector, p.host, p.providerId);
      unit.provider = found;
      this.unitOfProvider.set(found, unit);
      // Put in its place in a new list: a caller may be reading the one it was given.
      if (this.sortedProviders !== null) this.sortedProviders = withInserted(this.sortedProviders, found, byProviderKey);
    }
    return found;
  }

  /** Every provider in key order (a new array each time; the providers themselves are live). */
  providerList(): ProviderPlaces[] {
    return this.providersInOrder().slice();
  }

  /** Every provider in key order, without a copy: for reading only, not while creating providers. */
  providersInOrder(): readonly ProviderPlaces[] {
    if (this.sortedProviders === null) this.sortedProviders = [...this.providerMap.values()].sort(byProviderKey);
    return this.sortedProviders;
  }

  private unit(uk: string, type: MarketType, sector: Sector, host: string, providerId: string): Unit {
    let unit = this.byUnit.get(uk);
    if (!unit) {
      unit = new Unit(this.units.length, type, sector, host, providerId);
      this.byUnit.set(uk, unit);
      this.units.push(unit);
    }
    return unit;
  }

  /** A provider's unit (the state's own provider, as ensureProvider returns it, is found without its key). */
  private unitOf(p: ProviderPlaces): Unit {
    let unit = this.unitOfProvider.get(p);
    if (!unit) {
      unit = this.unit(unitKey(p.host, p.placementType, p.sector, p.providerId), p.placementType, p.sector, p.host, p.providerId);
      this.unitOfProvider.set(p, unit);
    }
    return unit;
  }

  /** A group's unit: its own when it is a group of this state, else the unit of its key (created if need be). */
  private unitOfGroup(g: PlacementGroup): Unit {
    const own = StateGroup.unitOf(g);
    if (own !== undefined && this.units[own.id] === own) return own;
    return this.unit(unitKey(g.host, g.placementType, g.sector, g.providerId), g.placementType, g.sector, g.host, g.providerId);
  }

  add(la: string, type: MarketType, sector: Sector, host: string, providerId: string, n: number): void {
    if (n <= 0) return;
    this.addIn(this.unit(unitKey(host, type, sector, providerId), type, sector, host, providerId), la, n);
  }

  /** add, for a caller that holds the provider: children of `la` placed with it. */
  addTo(p: ProviderPlaces, la: string, n: number): void {
    if (n <= 0) return;
    this.addIn(this.unitOf(p), la, n);
  }

  private addIn(unit: Unit, la: string, n: number): void {
    unit.children += n;
    let g = unit.groups.get(la);
    if (g === undefined) {
      g = new StateGroup(unit, la, 0);
      unit.groups.set(la, g);
      insertInOrder(unit.inOrder, g, byGroupKey);
      insertInOrder(this.allGroups, g, byGroupKey);
    }
    if (g.children === 0) this.liveGroups = null;
    g.children += n;
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
    return this.unitOfGroup(g).id;
  }

  remove(g: PlacementGroup, n: number): void {
    if (n <= 0) return;
    // A group of this state knows its unit; a copy of one is found by its key.
    const own = StateGroup.unitOf(g);
    const unit = own !== undefined && this.units[own.id] === own ? own : this.byUnit.get(unitKey(g.host, g.placementType, g.sector, g.providerId));
    const held = unit?.groups.get(g.laCode);
    if (!unit || !held || held.children < n) {
      throw new Error(`cannot remove ${n} children from ${unitKey(g.host, g.placementType, g.sector, g.providerId)} (${g.laCode})`);
    }
    held.children -= n;
    unit.children -= n;
    // Kept with no children (its place in the lists stays); the live list leaves it out.
    if (held.children === 0) this.liveGroups = null;
  }

  /** The groups held by one unit, in key order. */
  groupsAt(uk: string): PlacementGroup[] {
    const unit = this.byUnit.get(uk);
    return unit ? withChildren(unit.inOrder) : [];
  }

  /** The groups a provider holds, in key order. */
  groupsOf(p: ProviderPlaces): PlacementGroup[] {
    return withChildren(this.unitOf(p).inOrder);
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

  /**
   * Every group, in key order, without a copy: for reading only. Adding and removing leave the list
   * given as it was (a change that empties or fills a group makes a new list at the next read).
   */
  groupsInOrder(): readonly PlacementGroup[] {
    if (this.liveGroups === null) this.liveGroups = withChildren(this.allGroups);
    return this.liveGroups;
  }

  snapshotGroups(): PlacementGroup[] {
    const live = this.groupsInOrder();
    const out = new Array<PlacementGroup>(live.length);
    for (let i = 0; i < live.length; i++) {
      const g = live[i];
      out[i] = { laCode: g.laCode, placementType: g.placementType, sector: g.sector, host: g.host, providerId: g.providerId, children: g.children };
    }
    return out;
  }
}

/** The groups of a list that hold children, in the list's order. */
function withChildren(groups: readonly StateGroup[]): StateGroup[] {
  const out: StateGroup[] = [];
  for (let i = 0; i < groups.length; i++) if (groups[i].children > 0) out.push(groups[i]);
  return out;
}

/** Where `item` goes in a list sorted by `order`: after every item not above it. */
function placeOf<T>(list: readonly T[], item: T, order: (x: T, y: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Puts `item` in its place in a list sorted by `order`, in place. */
function insertInOrder<T>(list: T[], item: T, order: (x: T, y: T) => number): void {
  list.splice(placeOf(list, item, order), 0, item);
}

/** A new list: `list` (sorted by `order`) with `item` in its place. */
function withInserted<T>(list: readonly T[], item: T, order: (x: T, y: T) => number): T[] {
  const at = placeOf(list, item, order);
  const out = list.slice(0, at);
  out.push(item);
  for (let i = at; i < list.length; i++) out.push(list[i]);
  return out;
}
