// The figures of an annual sufficiency plan (docs/model.md §2.3; s.75A(3) of the Social Services and
// Well-being (Wales) Act 2014) for one LA and financial year, taken from the model's year-end state.
// Pure: a dataset and a projection in, rows out. Every figure that `project --by la` also shows is
// read from the same tally, so the two always agree.
//
// Every text the plan shows is in PLAN_TEXT (src/i18n/plan-labels.ts: one table, keyed by id, with
// {placeholders}, and its Welsh keyed the same); each row carries its item's key and placeholders.
import { areaRows, regionName } from '../model/aggregate.js';
import { inForce } from '../model/timeline.js';
import {
  MARKET_TYPES,
  OUTSIDE_WALES,
  PLACEMENT_TYPES,
  type Dataset,
  type LocalAuthority,
  type MarketType,
  type MetricName,
  type ModelScenario,
  type PlacementGroup,
  type PlacementType,
  type Projection,
  type YearResult,
} from '../model/types.js';

import { planText, type PlanText } from '../i18n/plan-labels.js';

export { PLAN_TEXT, planText, type PlanText, type PlanTextKey } from '../i18n/plan-labels.js';

export const PLAN_SECTIONS = ['a(i)', 'a(ii)', 'b', 'c', 'd(i)', 'd(ii)', 'd(iii)', 'd(iv)', 'e'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export interface PlanRow {
  section: PlanSection;
  /** The item in English, as the CSV writes it. */
  item: string;
  /** The item's key and placeholders, by which a language renders it (absent: shown as `item`). */
  text?: PlanText;
  /** Empty on a row that covers all types. */
  placementType: PlacementType | '';
  /** The figure: one run's, or with Monte Carlo runs their mean (counts of children whole, half up). */
  value: number | null;
  /** The 10th and 90th percentiles over the runs; absent for one run (src/cli/plan-runs.ts). */
  lo?: number | null;
  hi?: number | null;
  /** The same item in the previous financial year; absent when the plan has none (src/cli/plan-runs.ts). */
  previous?: number | null;
}

/** The closing notes of the plan (docs/model.md §2.3): definitions, assumptions in force, the LA's estimated base figures. */
export interface PlanNotes {
  definitions: PlanText[];
  /** The scenario's words, shown as written. */
  assumptions: string[];
  /** The data's words, or the plan's own note that there are none. */
  estimated: Array<string | PlanText>;
}

/** A provider (d)(iii) names, with the children (applications, or children held) of its row. */
export interface NamedProvider {
  id: string;
  /** The row's item text: name, id, and the synthetic mark. */
  item: string;
  /** The item's key and placeholders: the provider's name and id, and the synthetic mark in the language. */
  text?: PlanText;
  type: MarketType;
  children: number;
}

export interface PlanFigures {
  la: LocalAuthority;
  year: number;
  asAt: string;
  rows: PlanRow[];
  notes: PlanNotes;
  /** How many runs the figures are the mean of (1: one run). */
  runs?: number;
  /** The providers of (d)(iii) as lists, so that several runs' lists can be joined (src/cli/plan-runs.ts). */
  named: { applications: NamedProvider[]; holding: NamedProvider[] };
}

/** What a plan is made from besides the projection: the scenario's rules, its assumptions, the data's estimates. */
export interface PlanContextData {
  scenario: ModelScenario;
  assumptions: ReadonlyArray<{ id: string; text: string; source?: string }>;
  /** The LA's base figures the dataset marks as estimated, in words with their sources. */
  estimated: readonly string[];
  /** Providers whose data row is an estimate, not a real provider: named as synthetic in (d)(iii). */
  syntheticProviders?: ReadonlySet<string>;
}

// The sections' headings, in English and Welsh, are in src/i18n/labels.ts (plan.section.*).

const providersText = (n: number): string => (n === 1 ? planText('providers.one') : planText('providers.many', { n })).en;

export function planFigures(dataset: Dataset, projection: Projection, laCode: string, year: number, context: PlanContextData): PlanFigures {
  const la = dataset.localAuthorities.find((l) => l.code === laCode);
  const yr = projection.years.find((y) => y.year === year && !y.isBase);
  const prev = projection.years.find((y) => y.year === year - 1);
  if (!la || !yr || !prev) throw new Error(`no projection for ${laCode} in ${year}`);
  const tally = yr.tallies.find((t) => t.laCode === laCode);
  if (!tally) throw new Error(`no tally for ${laCode} in ${year}`);
  // The LA's row of the `project --by la` table in this year: the cost, distance and sufficiency
  // figures below are read from it, so the plan and the table share one definition of each.
  const laRow = areaRows(projection, dataset, 'la').find((r) => r.areaCode === laCode && r.year === year);
  if (!laRow) throw new Error(`no LA row for ${laCode} in ${year}`);
  const rows: PlanRow[] = [];
  const at: PlanYear = {
    dataset,
    la,
    yr,
    tally,
    metric: laRow.metrics,
    groups: yr.groups.filter((g) => g.laCode === laCode),
    add: (section, text, placementType, value) => {
      rows.push({ section, item: text.en, text, placementType, value });
    },
  };
  addNeedAndCost(at);
  addNotLocal(at);
  const own = addLaPlaces(at);
  const shortfall = addPlacesAgainstNeed(at, own);
  const approval = addDrivers(at, shortfall, context.scenario.policy);
  const named = namedProviders(at, approval, context.syntheticProviders ?? new Set<string>());
  rows.push(...namedRows(named));
  addOutsideWales(at, approval);
  addStrategy(at, prev, own.registered);

  const notes: PlanNotes = {
    definitions: [planText('def.usable'), planText('def.a(ii)'), planText('def.b'), planText('def.c'), planText('def.c.two'), planText('def.d')],
    assumptions: context.assumptions.map((a) => `${a.id}: ${a.text}${a.source ? ` (${a.source})` : ''}`),
    estimated: context.estimated.length > 0 ? [...context.estimated] : [planText('note.noEstimated')],
  };
  return { la, year, asAt: yr.asAt, rows, notes, named };
}

/** The LA's year a plan's sections read, and where their rows go. */
interface PlanYear {
  dataset: Dataset;
  la: LocalAuthority;
  yr: YearResult;
  tally: YearResult['tallies'][number];
  /** The LA's row of the `project --by la` table in the year. */
  metric: Record<MetricName, number | null>;
  /** The LA's placements at the year's end. */
  groups: readonly PlacementGroup[];
  add: (section: PlanSection, text: PlanText, placementType: PlacementType | '', value: number | null) => void;
}

/** Children per type among the groups that `pred` takes. */
function perType(list: readonly PlacementGroup[], pred: (g: PlacementGroup) => boolean): Record<MarketType, number> {
  const out = zero();
  for (const g of list) if (pred(g)) out[g.placementType] += g.children;
  return out;
}

/** A row for all types, then one per type. */
function byType(at: PlanYear, section: PlanSection, item: PlanText, r: Record<MarketType, number>): void {
  at.add(section, item, '', sumTypes(r));
  for (const t of MARKET_TYPES) at.add(section, item, t, r[t]);
}

/** (a)(i), with what the LA's market placements cost (placement fees, as cost_gbp). */
function addNeedAndCost({ add, tally, metric }: PlanYear): void {
  add('a(i)', planText('a(i).children'), '', tally.childrenLookedAfter);
  for (const t of PLACEMENT_TYPES) add('a(i)', planText('a(i).children'), t, tally.need[t]);
  add('a(i)', planText('a(i).cost'), '', metric.cost_gbp);
  for (const t of MARKET_TYPES) add('a(i)', planText('a(i).cost'), t, metric[`cost_${t}_gbp`]);
}

/**
 * (a)(ii): not_local_nonprofit in three parts that never overlap (docs/model.md §2.2): unplaced; else
 * for-profit anywhere; else LA or not-for-profit outside the region (outside Wales included).
 */
function addNotLocal(at: PlanYear): void {
  const { dataset, la, tally, groups, metric } = at;
  const regionOf = new Map(dataset.localAuthorities.map((l) => [l.code, l.region]));
  const outsideRegion = (host: string): boolean => host === OUTSIDE_WALES || regionOf.get(host) !== la.region;
  const forProfit = perType(groups, (g) => g.sector === 'fp');
  const awayNonprofit = perType(groups, (g) => g.sector !== 'fp' && outsideRegion(g.host));
  const unplaced = { ...tally.unplaced };
  const total = zero();
  for (const t of MARKET_TYPES) total[t] = unplaced[t] + forProfit[t] + awayNonprofit[t];
  byType(at, 'a(ii)', planText('a(ii).total'), total);
  byType(at, 'a(ii)', planText('a(ii).unplaced'), unplaced);
  byType(at, 'a(ii)', planText('a(ii).forProfit'), forProfit);
  byType(at, 'a(ii)', planText('a(ii).awayNonprofit'), awayNonprofit);
  // How near: distance from home of the children placed (an unplaced child has no distance).
  at.add('a(ii)', planText('a(ii).meanDistance'), '', metric.mean_distance_km);
  at.add('a(ii)', planText('a(ii).p90Distance'), '', metric.p90_distance_km);
}

/** Places by type, registered and usable. */
interface Places {
  registered: Record<MarketType, number>;
  usable: Record<MarketType, number>;
}

/**
 * (b): the LA's own places (LA sector, in its area, not reserved) and, apart, its region's reserved
 * places: usable (what the LA can fill) beside registered. Returns both added up, the places (c) counts.
 */
function addLaPlaces({ add, dataset, la, yr }: PlanYear): { registered: Record<MarketType, number>; available: Record<MarketType, number> } {
  const own: Places = { registered: zero(), usable: zero() };
  const reserved: Places = { registered: zero(), usable: zero() };
  for (const p of yr.providers) {
    const into = p.sector === 'la' && p.host === la.code && p.reservedForRegion === null ? own : p.reservedForRegion === la.region ? reserved : null;
    if (into === null) continue;
    into.registered[p.placementType] += p.places;
    into.usable[p.placementType] += p.usableForDataset ?? p.places;
  }
  const region = regionName(dataset, la.region);
  for (const t of MARKET_TYPES) add('b', planText('b.ownUsable'), t, own.usable[t]);
  for (const t of MARKET_TYPES) add('b', planText('b.ownRegistered'), t, own.registered[t]);
  for (const t of MARKET_TYPES) add('b', planText('b.reservedUsable', { region }), t, reserved.usable[t]);
  for (const t of MARKET_TYPES) add('b', planText('b.reservedRegistered', { region }), t, reserved.registered[t]);
  const available = zero();
  for (const t of MARKET_TYPES) available[t] = own.usable[t] + reserved.usable[t];
  return { registered: own.registered, available };
}

/** (c): usable places of (b) per child needing the type, and the shortfall in children. */
function addPlacesAgainstNeed({ add, tally, metric }: PlanYear, { available }: { available: Record<MarketType, number> }): Record<MarketType, number> {
  const shortfall = zero();
  for (const t of MARKET_TYPES) shortfall[t] = Math.max(0, tally.need[t] - available[t]);
  for (const t of MARKET_TYPES) add('c', planText('c.ratio'), t, tally.need[t] === 0 ? null : available[t] / tally.need[t]);
  // Secure has no sufficiency metric in the table (docs/model.md §2.2): foster and residential only.
  add('c', planText('c.sufficiency'), 'foster', metric.sufficiency_foster);
  add('c', planText('c.sufficiency'), 'residential', metric.sufficiency_residential);
  for (const t of MARKET_TYPES) add('c', planText('c.shortfall'), t, shortfall[t]);
  return shortfall;
}

/** (d)(i), then (d)(ii): the model's drivers, for the LA to turn into its reasons. Returns whether approval is needed in the year. */
function addDrivers({ add, tally, yr }: PlanYear, shortfall: Record<MarketType, number>, policy: ModelScenario['policy']): boolean {
  const year = yr.year;
  add('d(i)', planText('d(i).total'), '', tally.supplementaryPlacements);
  add('d(i)', planText('d(i).inWalesFp'), '', tally.supplementaryInWalesFp);
  add('d(i)', planText('d(i).outsideWales'), '', tally.supplementaryOutsideWales);

  const approval = inForce(policy.approvalRequiredFrom, year);
  add('d(ii)', planText('d(ii).draft'), '', null);
  add('d(ii)', planText('d(ii).shortfall'), '', sumTypes(shortfall));
  add('d(ii)', planText('d(ii).displaced'), '', tally.displaced);
  add('d(ii)', planText('d(ii).newPlacements'), '', tally.newPlacements);
  add('d(ii)', planText('d(ii).unplaced'), '', sumTypes(tally.unplaced));
  if (approval) add('d(ii)', planText('d(ii).approval', { year: fy(policy.approvalRequiredFrom!) }), '', null);
  else add('d(ii)', planText('d(ii).noRules'), '', null);
  if (inForce(policy.fpGrowthFrozenFrom, year)) add('d(ii)', planText('d(ii).frozen', { year: fy(policy.fpGrowthFrozenFrom!) }), '', null);
  if (inForce(policy.fpNewPlacementsEnd, year)) add('d(ii)', planText('d(ii).fpEnded', { year: fy(policy.fpNewPlacementsEnd!) }), '', null);
  return approval;
}

/**
 * (d)(iii): for-profit providers in Wales the LA's applications name (its new for-profit
 * placements in Wales, when approval is needed), then those holding its children at year end.
 */
function namedProviders({ la, yr, groups }: PlanYear, approval: boolean, synthetic: ReadonlySet<string>): PlanFigures['named'] {
  const names = new Map(yr.providers.map((p) => [p.providerId, p.providerName]));
  const providerItem = (id: string): PlanText => planText(synthetic.has(id) ? 'd(iii).providerSynthetic' : 'd(iii).provider', { name: names.get(id) ?? id, id });
  const placed = (yr.placedInYear ?? []).filter((g) => g.laCode === la.code);
  const inWalesFp = (g: PlacementGroup): boolean => g.sector === 'fp' && g.host !== OUTSIDE_WALES;
  const applications = approval ? byProvider(placed.filter(inWalesFp)) : [];
  const holding = byProvider(groups.filter(inWalesFp));
  const namedProvider = (h: { id: string; type: MarketType; children: number }): NamedProvider => {
    const text = providerItem(h.id);
    return { id: h.id, item: text.en, text, type: h.type, children: h.children };
  };
  return { applications: applications.map(namedProvider), holding: holding.map(namedProvider) };
}

/** (d)(iv): outside Wales the data names no provider: the applications and the children there. */
function addOutsideWales(at: PlanYear, approval: boolean): void {
  const placed = (at.yr.placedInYear ?? []).filter((g) => g.laCode === at.la.code);
  const abroad = (g: PlacementGroup): boolean => g.host === OUTSIDE_WALES && g.sector !== 'la';
  byType(at, 'd(iv)', planText('d(iv).applications'), approval ? perType(placed, abroad) : zero());
  byType(at, 'd(iv)', planText('d(iv).holding'), perType(at.groups, abroad));
}

/**
 * (e): the strategy's rows for the year, the places its openings hold at the year's end, and the
 * change in the LA's own places over the year (all causes: strategy, Foster Wales, transfers).
 */
function addStrategy({ add, dataset, la, yr }: PlanYear, prev: YearResult, ownRegistered: Record<MarketType, number>): void {
  const laCode = la.code;
  const laName = new Map(dataset.localAuthorities.map((l) => [l.code, l.nameEn]));
  const strategies = dataset.strategies
    .filter((s) => s.laCode === laCode && s.year === yr.year)
    .sort((x, y) => ACTION_ORDER[x.action] - ACTION_ORDER[y.action] || MARKET_TYPES.indexOf(x.placementType) - MARKET_TYPES.indexOf(y.placementType) || (x.host < y.host ? -1 : 1));
  for (const s of strategies) {
    const host = s.host !== laCode ? (laName.get(s.host) ?? s.host) : '';
    add('e', planText('e.strategy', { action: s.action, sector: s.sector, where: host ? ` in ${host}` : '', host, note: s.note ? ` (${s.note})` : '' }), s.placementType, s.action === 'close' ? -s.places : s.places);
  }
  const strategyPlaces = zero();
  for (const p of yr.providers) if (p.providerId.startsWith(`STRATEGY_${laCode}_`)) strategyPlaces[p.placementType] += p.places;
  for (const t of MARKET_TYPES) add('e', planText('e.opened'), t, strategyPlaces[t]);
  const before = laPlaces(prev, laCode);
  for (const t of MARKET_TYPES) add('e', planText('e.change'), t, ownRegistered[t] - before[t]);
}

/** The rows of (d)(iii): the providers applications name, then those holding the LA's children, each list under its count of providers. */
export function namedRows(named: PlanFigures['named']): PlanRow[] {
  const rows: PlanRow[] = [];
  const list = (key: 'd(iii).applications' | 'd(iii).holding', providers: readonly NamedProvider[]): void => {
    const n = new Set(providers.map((h) => h.id)).size;
    const text = planText(key, { providers: providersText(n), n });
    rows.push({ section: 'd(iii)', item: text.en, text, placementType: '', value: null });
    for (const h of providers) rows.push({ section: 'd(iii)', item: h.item, ...(h.text ? { text: h.text } : {}), placementType: h.type, value: h.children });
  };
  list('d(iii).applications', named.applications);
  list('d(iii).holding', named.holding);
  return rows;
}

/** The LA's registered own places (LA sector, in its area, not reserved) in a year. */
function laPlaces(y: YearResult, laCode: string): Record<MarketType, number> {
  const out = zero();
  for (const p of y.providers) if (p.sector === 'la' && p.host === laCode && p.reservedForRegion === null) out[p.placementType] += p.places;
  return out;
}

/** Children per provider and type, most first (ties by id, then type). */
function byProvider(list: readonly PlacementGroup[]): Array<{ id: string; type: MarketType; children: number }> {
  const held = new Map<string, { id: string; type: MarketType; children: number }>();
  for (const g of list) {
    if (g.children === 0) continue;
    const key = `${g.providerId}\u0000${g.placementType}`;
    const h = held.get(key) ?? { id: g.providerId, type: g.placementType, children: 0 };
    h.children += g.children;
    held.set(key, h);
  }
  return [...held.values()].sort(
    (x, y) => y.children - x.children || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) || MARKET_TYPES.indexOf(x.type) - MARKET_TYPES.indexOf(y.type),
  );
}

const fy = (y: number): string => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
const zero = (): Record<MarketType, number> => ({ foster: 0, residential: 0, secure: 0 });
const ACTION_ORDER = { close: 0, open: 1, recruit: 2 } as const;
const sumTypes = (r: Record<MarketType, number>): number => r.foster + r.residential + r.secure;
