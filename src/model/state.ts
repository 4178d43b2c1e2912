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

/** What a unit is: a provider's placement type, sector, host and id. */
type UnitFields = Pick<PlacementGroup, 'placementType' | 'sector' | 'host' | 'providerId'>;

/** Placement type, sector, host, provider: the tie order of units. */
function compareUnits(a: UnitFields, b: UnitFields): number {
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
  /** Its place among the state's units in key order (compareUnits), renumbered when a unit comes before it. */
  rank = -1;

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

  /** Its unit's place in unit key order. */
  static rankOf(g: StateGroup): number {
    return g.#unit.rank;
  }
}

/**
 * The groups of one placing LA, emptied ones included, in unit key order: a group is put in its
 * place once, when first created, and an emptied one that fills again keeps its place.
 */
class LaRow {
  readonly groups: StateGroup[] = [];
  constructor(readonly laCode: string) {}

  insert(g: StateGroup): void {
    const rank = StateGroup.rankOf(g);
    const list = this.groups;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (StateGroup.rankOf(list[mid]) < rank) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, g);
  }
}

// Each provider of a state knows its unit, found without building and hashing its key string: adds
// run tens of thousands of times a projection. A property keyed by a symbol and not enumerable, so
// that a spread, JSON and a structured clone of a provider leave it out, as they leave out the unit
// of a group.
const UNIT = Symbol('unit');
type LinkedProvider = ProviderPlaces & { readonly [UNIT]?: Unit };

function linkUnit(p: ProviderPlaces, unit: Unit): void {
  Object.defineProperty(p, UNIT, { value: unit, enumerable: false, writable: false, configurable: false });
}

export class PlacementState {
  private readonly providerMap = new Map<string, ProviderPlaces>();
  /** Units by unitKey. A unit stays once created, empty or not, so references to it stay valid. */
  private readonly byUnit = new Map<string, Unit>();
  /** Units by id. */
  private readonly units: Unit[] = [];
  /** Units in key order; each one's rank is its index here. */
  private readonly unitsInOrder: Unit[] = [];
  /** The placing LAs' rows, by code and in code order: a group's key order is its LA's, then its unit's. */
  private readonly rows = new Map<string, LaRow>();
  private readonly rowsInOrder: LaRow[] = [];
  /** The groups with children, in key order: made again after a group empties or fills. */
  private liveGroups: StateGroup[] | null = null;
  /** The providers in key order, made again after a provider is created. */
  private sortedProviders: ProviderPlaces[] | null = null;
  /**
   * Each provider's converted twins (`ID~nfp`, `ID~la`), once found (supply.ts): a state never drops
   * a provider, so the twin found once is the one ensureProvider would find again, without building
   * its id, name and key strings every year. The state's own: a copy starts without.
   */
  readonly twins = new WeakMap<ProviderPlaces, { nfp?: ProviderPlaces; la?: ProviderPlaces }>();
  /** Each LA's own Foster Wales provider (`FOSTER_WALES_<la>`), once found (supply.ts), as twins. */
  readonly fosterWales = new Map<string, ProviderPlaces>();

  /**
   * A copy of the state unit by unit, without building a key per group: providers
   * and groups are new objects with the same fields in the same order, and every unit is kept.
   */
  copy(): PlacementState {
    const c = new PlacementState();
    for (const [uk, unit] of this.byUnit) {
      const u = new Unit(unit.id, unit.placementType, unit.sector, unit.host, unit.providerId);
      u.children = unit.children;
      u.rank = unit.rank;
      c.byUnit.set(uk, u);
      c.units.push(u);
    }
    for (const unit of this.unitsInOrder) c.unitsInOrder.push(c.units[unit.id]);
    for (const [k, p] of this.providerMap) {
      const q = { ...p };
      c.providerMap.set(k, q);
      const u = c.units[this.unitOf(p).id];
      u.provider = q;
      linkUnit(q, u);
    }
    // Rows and groups in key order, so the copy's lists are in key order as they are built.
    for (const row of this.rowsInOrder) {
      const r = new LaRow(row.laCode);
      c.rows.set(row.laCode, r);
      c.rowsInOrder.push(r);
      for (const g of row.groups) {
        if (g.children === 0) continue;
        const u = c.units[StateGroup.unitOf(g)!.id];
        const h = new StateGroup(u, g.laCode, g.children);
        u.groups.set(g.laCode, h);
        u.inOrder.push(h);
        r.groups.push(h);
      }
    }
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
      linkUnit(found, unit);
      // A new list at the next read: a caller may be reading the one it was given.
      this.sortedProviders = null;
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
      const out: ProviderPlaces[] = [];
      for (const unit of this.unitsInOrder) if (unit.provider !== null) out.push(unit.provider);
      this.sortedProviders = out;
    }
    return this.sortedProviders;
  }

  private unit(uk: string, type: MarketType, sector: Sector, host: string, providerId: string): Unit {
    let unit = this.byUnit.get(uk);
    if (!unit) {
      unit = new Unit(this.units.length, type, sector, host, providerId);
      this.byUnit.set(uk, unit);
      this.units.push(unit);
      // Its place in key order; the units after it move one place down.
      const list = this.unitsInOrder;
      const at = placeOf(list, unit, compareUnits);
      list.splice(at, 0, unit);
      for (let i = at; i < list.length; i++) list[i].rank = i;
    }
    return unit;
  }

  /** A provider's unit (the state's own provider, as ensureProvider returns it, is found without its key). */
  private unitOf(p: ProviderPlaces): Unit {
    const own = (p as LinkedProvider)[UNIT];
    if (own !== undefined && this.units[own.id] === own) return own;
    return this.unit(unitKey(p.host, p.placementType, p.sector, p.providerId), p.placementType, p.sector, p.host, p.providerId);
  }

  /** A group's unit: its own when it is a group of this state, else the unit of its key (created if need be). */
  private unitOfGroup(g: PlacementGroup): Unit {
    const own = StateGroup.unitOf(g);
    if (own !== undefined && this.units[own.id] === own) return own;
    return this.unit(unitKey(g.host, g.placementType, g.sector, g.providerId), g.placementType, g.sector, g.host, g.providerId);
  }

  private row(la: string): LaRow {
    let row = this.rows.get(la);
    if (row === undefined) {
      row = new LaRow(la);
      this.rows.set(la, row);
      const list = this.rowsInOrder;
      list.splice(placeOf(list, row, (a, b) => compareCodes(a.laCode, b.laCode)), 0, row);
    }
    return row;
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
      const inUnit = unit.inOrder;
      inUnit.splice(placeOf(inUnit, g, byGroupKey), 0, g);
      this.row(la).insert(g);
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
    let unit: Unit | undefined;
    let held: StateGroup | undefined;
    if (own !== undefined && this.units[own.id] === own) {
      // A unit keeps the one group it made for each LA, so the group is the one it holds.
      unit = own;
      held = g as StateGroup;
    } else {
      unit = this.byUnit.get(unitKey(g.host, g.placementType, g.sector, g.providerId));
      held = unit?.groups.get(g.laCode);
    }
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
    if (this.liveGroups === null) {
      const out: StateGroup[] = [];
      for (const row of this.rowsInOrder) {
        const groups = row.groups;
        for (let i = 0; i < groups.length; i++) if (groups[i].children > 0) out.push(groups[i]);
      }
      this.liveGroups = out;
    }
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

