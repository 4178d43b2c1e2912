// Rule 1, need: children looked after per LA and year, and their split by placement type.
import { changedEntries, flowYear, flowsInYear, shareByLa } from './flows.js';
import { largestRemainderInOrder, roundHalfUp } from './rounding.js';
import { dampedTrendAt, nationSeries, reconcileYear, type TrendOptions } from './demand-trend.js';
import { valueAt } from './timeline.js';
import { PLACEMENT_TYPES, type Dataset, type FlowsRule, type ModelScenario, type PlacementType, type Timeline, type TrendRule } from './types.js';

export type NeedByType = Record<PlacementType, number>;

/** Every type at 0, its keys in PLACEMENT_TYPES order (a literal: this runs per LA and year). */
export function zeroByType(): NeedByType {
  return { foster: 0, residential: 0, secure: 0, kinship: 0, parents: 0, adoption: 0, independent: 0, other: 0 };
}

export interface NeedModel {
  childrenLookedAfter(la: string, t: number): number;
  needByType(la: string, t: number): NeedByType;
  /** Children at the base date by type, from `placements` (the base state). */
  basePlacements(la: string): NeedByType;
  /** Children who started and ceased to be looked after in year t; null unless demand comes from flows. */
  flows(la: string, t: number): { started: number; ceased: number } | null;
}

/** What the need model reads of the dataset whatever the scenario: read only, so many models can share it. */
export interface NeedInputs {
  /** Children at the base date by LA and type (the base state's placements). */
  readonly base: ReadonlyMap<string, NeedByType>;
  /** Each LA's children looked after by year, [year, children] in year order. */
  readonly history: ReadonlyMap<string, Array<[number, number]>>;
}

export function needInputs(dataset: Dataset): NeedInputs {
  return { base: basePlacementsByLa(dataset), history: historyByLa(dataset) };
}

export function makeNeedModel(dataset: Dataset, scenario: ModelScenario, inputs: NeedInputs = needInputs(dataset)): NeedModel {
  const B = dataset.baseYear;
  const { base, history } = inputs;

  // Each LA's children at the base date, found once.
  const baseChildren = new Map<string, number>();
  const atBase = (la: string): number => {
    let c = baseChildren.get(la);
    if (c === undefined) {
      const point = history.get(la)?.find(([y]) => y === B);
      c = point ? point[1] : PLACEMENT_TYPES.reduce((s, t) => s + (base.get(la)?.[t] ?? 0), 0);
      baseChildren.set(la, c);
    }
    return c;
  };

  const changeFactor = changeGrowth(B);

  // By LA, then year from B − 1 (index t − B + 1; NaN until worked out): a key string built and
  // hashed per call costs more than the lookup saves. A year before B − 1 is worked out each time.
  const cache = new Map<string, number[]>();
  function childrenLookedAfter(la: string, t: number): number {
    let byYear = cache.get(la);
    if (byYear === undefined) {
      byYear = [];
      cache.set(la, byYear);
    }
    const at = t - B + 1;
    if (at >= 0 && at < byYear.length && !Number.isNaN(byYear[at])) return byYear[at];
    const c = childrenLookedAfterIn(la, t);
    if (at >= 0) {
      while (byYear.length <= at) byYear.push(NaN);
      byYear[at] = c;
    }
    return c;
  }

  function childrenLookedAfterIn(la: string, t: number): number {
    let c: number;
    const rule = scenario.demand;
    if (rule.method === 'flows') {
      c = flowPath(la, t).end;
    } else if (rule.method === 'change') {
      c = roundHalfUp(Math.max(0, atBase(la) * changeFactor(la, rule.rateByLa[la] ?? rule.rate, t)));
    } else if (rule.reconcile === 'nation') {
      c = reconciled!(t).get(la) ?? 0;
    } else {
      c = Math.max(0, roundHalfUp(dampedTrendAt(history.get(la) ?? [[B, atBase(la)]], trendOptions(rule), t + 1)));
    }
    return c;
  }

  const reconciled = scenario.demand.method === 'trend' ? reconciledTrend(dataset, scenario.demand, history, atBase) : null;

  // Flows: each LA's path year by year from the base date, extended as far as asked.
  const flowsRule = scenario.demand.method === 'flows' ? scenario.demand : null;
  const flowModel = flowsRule === null ? null : makeFlowModel(dataset, flowsRule, atBase);
  const paths = new Map<string, Array<{ entries: number; exits: number; end: number }>>();
  function flowPath(la: string, t: number) {
    let path = paths.get(la);
    if (path === undefined) {
      path = [];
      paths.set(la, path);
    }
    for (let u = B + path.length; u <= t; u++) {
      const start = u === B ? atBase(la) : path[u - B - 1].end;
      path.push(flowYear(start, flowModel!.entries(la, u), flowModel!.meanYears(la, u)));
    }
    return path[t - B];
  }

  const mixOf = mixByYear(base, scenario.mixShift, B);

  function needByType(la: string, t: number): NeedByType {
    const c = childrenLookedAfter(la, t);
    const w = mixOf(la, t);
    const exact = new Array<number>(w.length);
    for (let i = 0; i < w.length; i++) exact[i] = c * w[i];
    // One LA's cells listed in type order are in tie-key order already.
    const s = largestRemainderInOrder(exact);
    return { foster: s[0], residential: s[1], secure: s[2], kinship: s[3], parents: s[4], adoption: s[5], independent: s[6], other: s[7] };
  }

  return {
    childrenLookedAfter,
    needByType,
    basePlacements: (la) => ({ ...(base.get(la) ?? zeroByType()) }),
    flows: (la, t) => {
      if (flowModel === null || t < B) return null;
      const y = flowPath(la, t);
      return { started: y.entries, ceased: y.exits };
    },
  };
}

/** Children at the base date by LA and type, from `placements` (the base state); every LA of the dataset has an entry. */
function basePlacementsByLa(dataset: Dataset): Map<string, NeedByType> {
  const base = new Map<string, NeedByType>();
  for (const la of dataset.localAuthorities) base.set(la.code, zeroByType());
  for (const row of dataset.placements) {
    const mix = base.get(row.laCode);
    if (mix) mix[row.placementType] += row.children;
  }
  return base;
}

/** Each LA's children looked after by year, [year, children] in year order. */
function historyByLa(dataset: Dataset): Map<string, Array<[number, number]>> {
  const history = new Map<string, Array<[number, number]>>();
  for (const p of dataset.demandHistory) {
    const list = history.get(p.laCode) ?? [];
    list.push([p.year, p.children]);
    history.set(p.laCode, list);
  }
  for (const list of history.values()) list.sort((a, b) => a[0] - b[0]);
  return history;
}

/**
 * Reconciled trends (demand-trend.ts): every LA's figure of a year at once, scaled to the nation's;
 * each year's figures are worked out once and kept.
 */
function reconciledTrend(
  dataset: Dataset,
  rule: TrendRule,
  history: ReadonlyMap<string, Array<[number, number]>>,
  atBase: (la: string) => number,
): (t: number) => Map<string, number> {
  const nation = nationSeries(history);
  const byYear = new Map<number, Map<string, number>>();
  return (t) => {
    let out = byYear.get(t);
    if (out !== undefined) return out;
    const opts = trendOptions(rule);
    const x = t + 1;
    const projected = new Map(dataset.localAuthorities.map((l) => {
      const h = history.get(l.code);
      return [l.code, h === undefined || h.length === 0 ? null : Math.max(0, dampedTrendAt(h, opts, x))] as const;
    }));
    const base = new Map(dataset.localAuthorities.map((l) => [l.code, atBase(l.code)]));
    // No year where every LA with history has a figure: nothing to reconcile to, each LA's own line stands.
    out =
      nation.length === 0
        ? new Map([...projected].map(([la, v]) => [la, roundHalfUp(v ?? atBase(la))]))
        : reconcileYear(dampedTrendAt(nation, opts, x), projected, base);
    byYear.set(t, out);
    return out;
  };
}

/**
 * Under `change`, each LA's growth from the base by year: at index t − B + 1, Π (1 + rate(u)) for
 * u = B … t, each year's the year before's times its own (the product in the same order, from 1).
 */
function changeGrowth(B: number): (la: string, rate: Timeline, t: number) => number {
  const growth = new Map<string, number[]>();
  return (la, rate, t) => {
    let byYear = growth.get(la);
    if (byYear === undefined) {
      byYear = [1];
      growth.set(la, byYear);
    }
    const at = Math.max(0, t - B + 1);
    while (byYear.length <= at) byYear.push(byYear[byYear.length - 1] * (1 + valueAt(rate, B + byYear.length - 1)));
    return byYear[at];
  };
}

/**
 * Each LA's type mix by year (index t − B + 1, the base shares first), in PLACEMENT_TYPES order:
 * year t's is year t − 1's moved by year t's shifts, the steps from B to t one year at a time.
 */
function mixByYear(base: ReadonlyMap<string, NeedByType>, mixShift: ModelScenario['mixShift'], B: number): (la: string, t: number) => Float64Array {
  const mixes = new Map<string, { unmoved: boolean; byYear: Float64Array[] }>();
  return (la, t) => {
    let mix = mixes.get(la);
    if (mix === undefined) {
      const counts = base.get(la) ?? zeroByType();
      // No base placements: every child is non-market "other" care, whatever the shifts.
      mix = { unmoved: baseTotal(counts) === 0, byYear: [baseMix(counts)] };
      mixes.set(la, mix);
    }
    const byYear = mix.byYear;
    if (mix.unmoved) return byYear[0];
    const at = Math.max(0, t - B + 1);
    while (byYear.length <= at) byYear.push(shiftedMix(byYear[byYear.length - 1], mixShift, B + byYear.length - 1));
    return byYear[at];
  };
}

const OTHER = PLACEMENT_TYPES.indexOf('other');

/** Children of every type at the base date (0 for an LA with no base placements). */
function baseTotal(counts: NeedByType): number {
  return PLACEMENT_TYPES.reduce((s, ty) => s + counts[ty], 0);
}

/** An LA's base type mix (docs/model.md §4.2, rule 1): its base placements' shares, in PLACEMENT_TYPES order. */
function baseMix(counts: NeedByType): Float64Array {
  const total = baseTotal(counts);
  const w = new Float64Array(PLACEMENT_TYPES.length);
  if (total === 0) {
    // No base placements to take a mix from: count every child as non-market "other" care.
    w[OTHER] = 1;
    return w;
  }
  for (let i = 0; i < PLACEMENT_TYPES.length; i++) w[i] = counts[PLACEMENT_TYPES[i]] / total;
  return w;
}

/** The mix of year u from year u − 1's: each of year u's shifts in turn moves its share of `from` to `to`. */
function shiftedMix(prev: Float64Array, mixShift: ModelScenario['mixShift'], u: number): Float64Array {
  // No shifts: the same mix, shared rather than copied (nothing writes a mix once made).
  if (mixShift.length === 0) return prev;
  const w = prev.slice();
  for (const shift of mixShift) {
    const from = PLACEMENT_TYPES.indexOf(shift.from);
    const moved = w[from] * valueAt(shift.share, u);
    w[from] -= moved;
    w[PLACEMENT_TYPES.indexOf(shift.to)] += moved;
  }
  return w;
}

interface FlowModel {
  entries(la: string, t: number): number;
  meanYears(la: string, t: number): number;
}

/**
 * Base entries are the flows of year B − 1, the year that ends on the base date (the last one
 * observed); an LA without a row of its own gets its share of the nation's (flows.ts). Without a
 * mean time in care, each LA's is its children at the base date ÷ its base entries, so that exits
 * balance entries at the base date (Little's law: stock = inflow × mean time in the stock).
 */
function makeFlowModel(dataset: Dataset, rule: FlowsRule, atBase: (la: string) => number): FlowModel {
  const B = dataset.baseYear;
  const stock = new Map(dataset.localAuthorities.map((l) => [l.code, atBase(l.code)]));
  // The scenario check refuses flows without a row for year B − 1; 0 entries if it is called anyway.
  const base = flowsInYear(dataset.flows ?? [], B - 1, stock, dataset.nation.code)?.entries ?? new Map<string, number>();
  // An LA with its own count takes it; the shared count goes to the others, by children looked after.
  const rest = new Map([...stock].filter(([la]) => rule.extraEntriesByLa[la] === undefined));
  const extraShares = new Map<number, Map<string, number>>();
  const extra = (la: string, t: number): number => {
    const own = rule.extraEntriesByLa[la];
    if (own !== undefined) return Math.max(0, roundHalfUp(valueAt(own, t)));
    const total = Math.max(0, roundHalfUp(valueAt(rule.extraEntries, t)));
    if (total === 0) return 0;
    let shares = extraShares.get(t);
    if (shares === undefined) {
      shares = shareByLa(total, rest);
      extraShares.set(t, shares);
    }
    return shares.get(la) ?? 0;
  };
  return {
    entries: (la, t) => changedEntries(base.get(la) ?? 0, valueAt(rule.entriesChange, t)) + extra(la, t),
    // The LA's own value, else the scenario's, else the balance; before a year map's first key a
    // parameter has its default (NaN here), so it falls through to the next.
    meanYears: (la, t) => {
      const own = rule.meanYearsInCareByLa[la];
      const v = own === undefined ? NaN : valueAt(own, t);
      if (!Number.isNaN(v)) return v;
      const all = rule.meanYearsInCare === null ? NaN : valueAt(rule.meanYearsInCare, t);
      if (!Number.isNaN(all)) return all;
      const e = base.get(la) ?? 0;
      return e > 0 ? stock.get(la)! / e : Infinity;
    },
  };
}

/** The trend rule's fitting options; a scenario that gives no damping fits a straight line. */
export function trendOptions(rule: TrendRule): TrendOptions {
  return { years: rule.trendYears, damping: rule.damping ?? 1 };
}

/** The least-squares line through the last `years` points, evaluated at year x. */
export function trendAt(points: ReadonlyArray<readonly [number, number]>, years: number, x: number): number {
  return dampedTrendAt(points, { years, damping: 1 }, x);
}
