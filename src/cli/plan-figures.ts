// The figures of an annual sufficiency plan (SPEC.md section 2.3; s.75A(3) of the Social Services and
// Well-being (Wales) Act 2014) for one LA and financial year, taken from the model's year-end state.
// Pure: a dataset and a projection in, rows out. Every figure that `project --by la` also shows is
// read from the same tally, so the two always agree.
import { regionName } from '../model/aggregate.js';
import {
  MARKET_TYPES,
  OUTSIDE_WALES,
  PLACEMENT_TYPES,
  type Dataset,
  type LocalAuthority,
  type MarketType,
  type PlacementType,
  type Projection,
  type YearResult,
} from '../model/types.js';

export const PLAN_SECTIONS = ['a(i)', 'a(ii)', 'b', 'c', 'd(i)', 'd(iii)', 'd(iv)', 'e'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export interface PlanRow {
  section: PlanSection;
  item: string;
  /** Empty on a row that covers all types. */
  placementType: PlacementType | '';
  value: number | null;
}

export interface PlanFigures {
  la: LocalAuthority;
  year: number;
  asAt: string;
  rows: PlanRow[];
}

// The sections' headings, in English and Welsh, are in src/i18n/labels.ts (plan.section.*).

export function planFigures(dataset: Dataset, projection: Projection, laCode: string, year: number): PlanFigures {
  const la = dataset.localAuthorities.find((l) => l.code === laCode);
  const yr = projection.years.find((y) => y.year === year && !y.isBase);
  const prev = projection.years.find((y) => y.year === year - 1);
  if (!la || !yr || !prev) throw new Error(`no projection for ${laCode} in ${year}`);
  const tally = yr.tallies.find((t) => t.laCode === laCode);
  if (!tally) throw new Error(`no tally for ${laCode} in ${year}`);
  const regionOf = new Map(dataset.localAuthorities.map((l) => [l.code, l.region]));
  const rows: PlanRow[] = [];
  const add = (section: PlanSection, item: string, placementType: PlacementType | '', value: number | null): void => {
    rows.push({ section, item, placementType, value });
  };
  const groups = yr.groups.filter((g) => g.laCode === laCode);

  // (a)(i)
  add('a(i)', 'children looked after', '', tally.childrenLookedAfter);
  for (const t of PLACEMENT_TYPES) add('a(i)', 'children looked after', t, tally.need[t]);

  // (a)(ii): placed outside their region (outside Wales included), with for-profit providers, or unplaced.
  const outsideRegion = (host: string): boolean => host === OUTSIDE_WALES || regionOf.get(host) !== la.region;
  const perType = (pred: (g: (typeof groups)[number]) => boolean): Record<MarketType, number> => {
    const out = { foster: 0, residential: 0, secure: 0 };
    for (const g of groups) if (pred(g)) out[g.placementType] += g.children;
    return out;
  };
  const unlikely = perType((g) => outsideRegion(g.host) || g.sector === 'fp');
  const unlikelyItem = 'unlikely to be placed with LA or not-for-profit within or near the area';
  add('a(ii)', unlikelyItem, '', sumTypes(unlikely) + sumTypes(tally.unplaced));
  for (const t of MARKET_TYPES) add('a(ii)', unlikelyItem, t, unlikely[t] + tally.unplaced[t]);
  add('a(ii)', 'of whom placed outside their region (outside Wales included)', '', sumTypes(perType((g) => outsideRegion(g.host))));
  add('a(ii)', 'of whom placed with for-profit providers', '', sumTypes(perType((g) => g.sector === 'fp')));
  add('a(ii)', 'of whom without a place (unplaced)', '', sumTypes(tally.unplaced));

  // (b): the LA's own places (LA sector, in its area, not reserved) and, apart, its region's reserved places.
  const laPlaces = (y: YearResult): Record<MarketType, number> => {
    const out = { foster: 0, residential: 0, secure: 0 };
    for (const p of y.providers) if (p.sector === 'la' && p.host === laCode && p.reservedForRegion === null) out[p.placementType] += p.places;
    return out;
  };
  const own = laPlaces(yr);
  const reserved = { foster: 0, residential: 0, secure: 0 };
  for (const p of yr.providers) if (p.reservedForRegion === la.region) reserved[p.placementType] += p.places;
  for (const t of MARKET_TYPES) add('b', 'LA places in the LA', t, own[t]);
  for (const t of MARKET_TYPES) add('b', `places reserved for ${regionName(dataset, la.region)} (regional homes)`, t, reserved[t]);

  // (c)
  for (const t of MARKET_TYPES) add('c', 'LA places per child needing that type', t, tally.need[t] === 0 ? null : own[t] / tally.need[t]);
  for (const t of MARKET_TYPES) add('c', 'shortfall: children without a place', t, tally.unplaced[t]);

  // (d)(i)
  add('d(i)', 'supplementary placements', '', tally.supplementaryPlacements);
  add('d(i)', 'of which with for-profit providers in Wales', '', tally.supplementaryInWalesFp);
  add('d(i)', 'of which with private providers outside Wales', '', tally.supplementaryOutsideWales);

  // (d)(iii): for-profit providers in Wales holding the LA's children at the year's end.
  const names = new Map(yr.providers.map((p) => [p.providerId, p.providerName]));
  const held = new Map<string, { id: string; type: MarketType; children: number }>();
  for (const g of groups) {
    if (g.sector !== 'fp' || g.host === OUTSIDE_WALES || g.children === 0) continue;
    const key = `${g.providerId}\u0000${g.placementType}`;
    const h = held.get(key) ?? { id: g.providerId, type: g.placementType, children: 0 };
    h.children += g.children;
    held.set(key, h);
  }
  const heldRows = [...held.values()].sort(
    (x, y) => y.children - x.children || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) || MARKET_TYPES.indexOf(x.type) - MARKET_TYPES.indexOf(y.type),
  );
  add('d(iii)', 'for-profit providers in Wales holding the LA’s children', '', new Set(heldRows.map((h) => h.id)).size);
  for (const h of heldRows) add('d(iii)', `${names.get(h.id) ?? h.id} (${h.id})`, h.type, h.children);

  // (d)(iv): private (non-LA) providers outside Wales.
  const abroad = perType((g) => g.host === OUTSIDE_WALES && g.sector !== 'la');
  add('d(iv)', 'children with private providers outside Wales', '', sumTypes(abroad));
  for (const t of MARKET_TYPES) add('d(iv)', 'children with private providers outside Wales', t, abroad[t]);

  // (e): the strategy's rows for the year, the places its openings hold at the year's end, and the
  // change in the LA's own places over the year (all causes: strategy, Foster Wales, transfers).
  const laName = new Map(dataset.localAuthorities.map((l) => [l.code, l.nameEn]));
  const strategies = dataset.strategies
    .filter((s) => s.laCode === laCode && s.year === year)
    .sort((x, y) => ACTION_ORDER[x.action] - ACTION_ORDER[y.action] || MARKET_TYPES.indexOf(x.placementType) - MARKET_TYPES.indexOf(y.placementType) || (x.host < y.host ? -1 : 1));
  for (const s of strategies) {
    const where = s.host !== laCode ? ` in ${laName.get(s.host) ?? s.host}` : '';
    const item = `strategy: ${s.action} ${s.sector} places${where}${s.note ? ` (${s.note})` : ''}`;
    add('e', item, s.placementType, s.action === 'close' ? -s.places : s.places);
  }
  const strategyPlaces = { foster: 0, residential: 0, secure: 0 };
  for (const p of yr.providers) if (p.providerId.startsWith(`STRATEGY_${laCode}_`)) strategyPlaces[p.placementType] += p.places;
  for (const t of MARKET_TYPES) add('e', 'places opened under the strategy, at the year’s end', t, strategyPlaces[t]);
  const before = laPlaces(prev);
  for (const t of MARKET_TYPES) add('e', 'change in LA places in the LA over the year', t, own[t] - before[t]);

  return { la, year, asAt: yr.asAt, rows };
}

const ACTION_ORDER = { close: 0, open: 1, recruit: 2 } as const;

const sumTypes = (r: Record<MarketType, number>): number => r.foster + r.residential + r.secure;
