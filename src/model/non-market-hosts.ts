// Where non-market children (kinship, with parents, placed for adoption and the rest) live, for
// `placed_in_own_la_share_all` (docs/methodology.md "Own-LA share of all children"). They are not
// matched: each year an LA's children of each non-market type are shared over that type's base-date
// hosts in proportion to the base rows, by largest remainder (hosts in code order, a host not known
// last), and those shared to the LA itself are at home. A host not known is never at home.
import { compareCodes, largestRemainderInOrder } from './rounding.js';
import { PLACEMENT_TYPES, isMarketType, type Dataset, type PlacementType } from './types.js';

/** Counts of children by placement type (every type; market types are ignored here). */
export type ChildrenByType = Readonly<Record<PlacementType, number>>;

/** The base-date hosts of one LA's children of one non-market type: host ('' = not known) and children. */
type Hosts = ReadonlyArray<readonly [host: string, children: number]>;

/**
 * The function that gives, for an LA and its children by type in a year, how many of its
 * non-market children live in the LA itself.
 */
export function nonMarketAtHome(dataset: Pick<Dataset, 'placements'>): (la: string, children: ChildrenByType) => number {
  const hosts = new Map<string, Map<string, number>>();
  for (const row of dataset.placements) {
    if (isMarketType(row.placementType) || row.children === 0) continue;
    const key = `${row.laCode}\u0000${row.placementType}`;
    const byHost = hosts.get(key) ?? new Map<string, number>();
    const host = row.host ?? '';
    byHost.set(host, (byHost.get(host) ?? 0) + row.children);
    hosts.set(key, byHost);
  }
  // Hosts in code order, the host not known ('') last: the order ties go in.
  const ordered = new Map<string, Hosts>(
    [...hosts].map(([key, byHost]) => [key, [...byHost].sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : compareCodes(a[0], b[0])))]),
  );
  return (la, children) => {
    let atHome = 0;
    for (const type of PLACEMENT_TYPES) {
      if (isMarketType(type)) continue;
      const n = children[type];
      const list = ordered.get(`${la}\u0000${type}`);
      if (n === 0 || list === undefined) continue;
      atHome += sharedTo(la, n, list);
    }
    return atHome;
  };
}

/**
 * How many of n children go to host `la` when shared over the base-date hosts by largest remainder
 * (the list is in tie order already: hosts by code, the host not known last).
 */
function sharedTo(la: string, n: number, list: Hosts): number {
  const home = list.findIndex(([h]) => h === la);
  if (home < 0) return 0;
  if (list.length === 1) return n;
  const total = list.reduce((s, [, c]) => s + c, 0);
  return largestRemainderInOrder(list.map(([, c]) => (n * c) / total))[home];
}
