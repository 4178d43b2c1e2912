// Where non-market children (kinship, with parents, placed for adoption and the rest) live, for
// `placed_in_own_la_share_all` (docs/methodology.md "Own-LA share of all children"). They are not
// matched: each year an LA's children of each non-market type are shared over that type's base-date
// hosts in proportion to the base rows, by largest remainder (hosts in code order, a host not known
// last), and those shared to the LA itself are at home. A host not known is never at home.
import { compareCodes, largestRemainderInOrder } from './rounding.js';
import { PLACEMENT_TYPES, isMarketType, type Dataset, type PlacementType } from './types.js';

/** Counts of children by placement type (every type; market types are ignored here). */
export type ChildrenByType = Readonly<Record<PlacementType, number>>;

/**
 * One LA's base-date hosts of one non-market type, in tie order (hosts by code, the host not known
 * last): their children, the LA's own place among them and their total, worked out once.
 */
interface TypeHosts {
  type: PlacementType;
  /** The LA's own place in `counts`; -1 when none of its children of the type lived at home. */
  home: number;
  counts: number[];
  total: number;
  /** Children at home by the type's children that year: the same n always shares the same way. */
  atHomeByN: Map<number, number>;
}

/**
 * The function that gives, for an LA and its children by type in a year, how many of its
 * non-market children live in the LA itself.
 */
export function nonMarketAtHome(dataset: Pick<Dataset, 'placements'>): (la: string, children: ChildrenByType) => number {
  const hosts = new Map<string, Map<PlacementType, Map<string, number>>>();
  for (const row of dataset.placements) {
    if (isMarketType(row.placementType) || row.children === 0) continue;
    let byType = hosts.get(row.laCode);
    if (byType === undefined) {
      byType = new Map();
      hosts.set(row.laCode, byType);
    }
    const byHost = byType.get(row.placementType) ?? new Map<string, number>();
    const host = row.host ?? '';
    byHost.set(host, (byHost.get(host) ?? 0) + row.children);
    byType.set(row.placementType, byHost);
  }
  // Each LA's types in PLACEMENT_TYPES order; hosts in code order, the host not known ('') last: the order ties go in.
  const byLa = new Map<string, TypeHosts[]>();
  for (const [la, byType] of hosts) {
    const list: TypeHosts[] = [];
    for (const type of PLACEMENT_TYPES) {
      const byHost = byType.get(type);
      if (byHost === undefined) continue;
      const ordered = [...byHost].sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : compareCodes(a[0], b[0])));
      const counts = ordered.map(([, c]) => c);
      list.push({ type, home: ordered.findIndex(([h]) => h === la), counts, total: counts.reduce((s, c) => s + c, 0), atHomeByN: new Map() });
    }
    byLa.set(la, list);
  }
  return (la, children) => {
    const list = byLa.get(la);
    if (list === undefined) return 0;
    let atHome = 0;
    for (let i = 0; i < list.length; i++) {
      const h = list[i];
      const n = children[h.type];
      if (n === 0 || h.home < 0) continue;
      let shared = h.atHomeByN.get(n);
      if (shared === undefined) {
        shared = sharedTo(n, h);
        h.atHomeByN.set(n, shared);
      }
      atHome += shared;
    }
    return atHome;
  };
}

/**
 * How many of n children go to the LA itself when shared over its base-date hosts by largest
 * remainder (the counts are in tie order already: hosts by code, the host not known last).
 */
function sharedTo(n: number, h: TypeHosts): number {
  if (h.counts.length === 1) return n;
  const exact = new Array<number>(h.counts.length);
  for (let i = 0; i < exact.length; i++) exact[i] = (n * h.counts[i]) / h.total;
  return largestRemainderInOrder(exact)[h.home];
}
