// The backtest of the demand methods (SPEC.md section 4.4): hold back every published figure after
// a year, fit each method on the published figures up to it, forecast the held-back years, and score
// the forecasts by their absolute percentage error and bias, beside the naive forecast (the last
// published value carried forward). Pure: the CLI reads the data and renders the result.
//
// Only published figures are used, for fitting as well as for scoring: an estimated point (status
// `estimated`) is often built from later figures (the Wales data's 2019-2023 counts interpolate
// towards the 2024 shares, SOURCES.md E2), so fitting on it would let the future leak into the fit.
import { flowYear, flowsInYear } from './flows.js';
import { trendAt } from './need.js';
import { compareCodes, roundHalfUp } from './rounding.js';
import type { DemandPoint, FlowRow, LocalAuthority } from './types.js';

export const BACKTEST_METHODS = ['naive', 'trend_3', 'trend_5', 'trend_all', 'change', 'flows'] as const;
export type BacktestMethod = (typeof BACKTEST_METHODS)[number];

export const METHOD_LABELS: Record<BacktestMethod, string> = {
  naive: 'naive: last value',
  trend_3: 'trend, last 3 points',
  trend_5: 'trend, last 5 points',
  trend_all: 'trend, all points',
  change: 'change at mean rate',
  flows: 'flows',
};

export interface BacktestInput {
  localAuthorities: readonly Pick<LocalAuthority, 'code' | 'nameEn'>[];
  history: readonly DemandPoint[];
  /** The nation's own figures (demand_history rows for the nation), if the data has them. */
  nationHistory?: readonly DemandPoint[];
  flows: readonly FlowRow[] | null;
  /** The last year (of a 31 March) whose figures are fitted; null = the default (defaultFrom). */
  from: number | null;
  nationCode: string;
}

/** One forecast of one held-back figure, of an LA or of the nation. */
export interface BacktestPoint {
  method: BacktestMethod;
  /** An LA's code, or the nation's. */
  areaCode: string;
  /** The year of the 31 March forecast. */
  year: number;
  /** Years after `from`. */
  horizon: number;
  forecast: number;
  actual: number;
}

/** Scores of one method at one horizon, over the LAs and for the nation. */
export interface BacktestScore {
  method: BacktestMethod;
  horizon: number;
  /** LAs scored (those with a published figure at that horizon and a forecast from this method). */
  points: number;
  /** Mean absolute percentage error over the LAs, and mean signed percentage error (bias), as fractions; NaN with no LA. */
  mape: number;
  bias: number;
  /**
   * The nation: its own published figure where the data has one at that horizon, else the LAs
   * scored pooled (their forecasts summed against their figures summed). Null with neither.
   */
  nation: { forecast: number; actual: number; error: number; pooled: boolean } | null;
}

export interface Verdict {
  method: BacktestMethod;
  mape: number;
  naiveMape: number;
  beatsNaive: boolean;
}

export interface BacktestResult {
  from: number;
  /** Published points fitted (year ≤ from) and held back (year > from); estimated points left out; LAs' and the nation's together. */
  fitted: number;
  heldBack: number;
  estimatedLeftOut: { upToFrom: number; after: number };
  /** Whether the nation is scored on its own published figures (else on the LAs pooled). */
  nationSeries: boolean;
  /** LAs with no published point up to `from` (nothing to fit), left out. */
  unfitted: string[];
  /** How the flows method was fitted, or why it could not be. */
  flowsNote: string;
  points: BacktestPoint[];
  scores: BacktestScore[];
  horizons: number[];
  /** Per horizon, the method with the lowest error over the LAs and for the nation (null where none is scored). */
  best: Array<{ horizon: number; las: Verdict | null; nation: Verdict | null }>;
  /** Over every held-back figure: each method's mean absolute percentage error over LA figures and nation figures. */
  overall: {
    las: Array<{ method: BacktestMethod; points: number; mape: number; bias: number }>;
    nation: Array<{ method: BacktestMethod; points: number; mape: number; bias: number }>;
    lasBest: Verdict | null;
    nationBest: Verdict | null;
  };
}

export class BacktestError extends Error {}

const isPublished = (p: { status?: string }): boolean => p.status !== 'estimated';

/**
 * The default year to fit up to: the latest year at which every LA has a published figure and after
 * which some published figure remains to score. Null when there is none.
 */
export function defaultFrom(las: readonly Pick<LocalAuthority, 'code'>[], history: readonly DemandPoint[]): number | null {
  const published = history.filter(isPublished);
  const years = [...new Set(published.map((p) => p.year))].sort((a, b) => b - a);
  const last = years[0];
  for (const y of years) {
    if (y === last) continue;
    const at = new Set(published.filter((p) => p.year === y).map((p) => p.laCode));
    if (las.every((l) => at.has(l.code))) return y;
  }
  return null;
}

/** A series' forecasts of a year by each method, fitted on its points up to `from` (sorted by year). */
function forecaster(fit: readonly DemandPoint[], from: number, flows: { entries: number; ceased: number } | null): (m: BacktestMethod, year: number) => number | null {
  const origin = fit[fit.length - 1];
  const first = fit[0];
  // The mean yearly rate of change between the first and the last fitted figure.
  const rate = origin.year > first.year && first.children > 0 ? (origin.children / first.children) ** (1 / (origin.year - first.year)) - 1 : 0;
  const xy = fit.map((p) => [p.year, p.children] as const);
  // Flows only from a series whose last figure is at `from`, the end of the flows' year: its mean
  // time in care is the children looked after a year before ÷ those who ceased (the exits of that
  // year were taken from that stock), or the origin's count when that figure is not published.
  let flowsAt: ((year: number) => number) | null = null;
  if (flows !== null && origin.year === from) {
    const before = fit.find((p) => p.year === from - 1)?.children ?? origin.children;
    const meanYears = flows.ceased > 0 ? before / flows.ceased : Infinity;
    flowsAt = (year) => {
      let c = origin.children;
      for (let y = origin.year + 1; y <= year; y++) c = flowYear(c, flows.entries, meanYears).end;
      return c;
    };
  }
  return (m, year) => {
    switch (m) {
      case 'naive':
        return origin.children;
      case 'trend_3':
      case 'trend_5':
      case 'trend_all':
        return Math.max(0, roundHalfUp(trendAt(xy, m === 'trend_3' ? 3 : m === 'trend_5' ? 5 : xy.length, year)));
      case 'change':
        return roundHalfUp(Math.max(0, origin.children * (1 + rate) ** (year - origin.year)));
      case 'flows':
        return flowsAt === null ? null : flowsAt(year);
    }
  };
}

export function runBacktest(input: BacktestInput): BacktestResult {
  const nationCode = input.nationCode;
  const las = [...input.localAuthorities].sort((a, b) => compareCodes(a.code, b.code));
  const from = input.from ?? defaultFrom(las, input.history);
  if (from === null) throw new BacktestError('no year at which every LA has a published figure with published figures after it: give --from YEAR');
  const all = [...input.history, ...(input.nationHistory ?? [])];
  const published = all.filter(isPublished);
  const estimated = all.filter((p) => !isPublished(p));
  const heldBackAll = published.filter((p) => p.year > from);
  if (heldBackAll.length === 0) {
    const lastYear = Math.max(...published.map((p) => p.year));
    throw new BacktestError(`no published figure after ${from} to score (the last is ${lastYear}): give --from a year before ${lastYear}`);
  }

  const series = new Map<string, DemandPoint[]>();
  for (const p of published) {
    const list = series.get(p.laCode) ?? [];
    list.push(p);
    series.set(p.laCode, list);
  }
  for (const list of series.values()) list.sort((a, b) => a.year - b.year);
  const fitOf = (code: string): DemandPoint[] => (series.get(code) ?? []).filter((p) => p.year <= from);

  const unfitted = las.filter((la) => fitOf(la.code).length === 0).map((la) => la.code);
  // Flows of the year that ends on 31 March `from`: each LA's own row, or its share of the nation's
  // by its children looked after then (among the LAs whose last fitted figure is at `from`).
  const atFrom = new Map(las.flatMap((la) => {
    const fit = fitOf(la.code);
    return fit.length > 0 && fit[fit.length - 1].year === from ? [[la.code, fit[fit.length - 1].children] as const] : [];
  }));
  const flowRows = input.flows ?? [];
  // The nation's flows are shared by each LA's share of the children looked after, which is known
  // only when every LA has its figure at `from`; otherwise only LAs with rows of their own get flows.
  const everyLa = atFrom.size === las.length;
  const ownRows = new Set(flowRows.filter((r) => r.year === from - 1 && r.laCode !== nationCode).map((r) => r.laCode));
  const sharedOver = everyLa ? atFrom : new Map([...atFrom].filter(([la]) => ownRows.has(la)));
  const laFlows = flowRows.length > 0 && sharedOver.size > 0 ? flowsInYear(flowRows, from - 1, sharedOver, nationCode) : null;
  const nationRow = flowRows.find((r) => r.laCode === nationCode && r.year === from - 1) ?? null;
  const fy = `${from - 1}-${String(from % 100).padStart(2, '0')}`;
  let flowsNote: string;
  if (flowRows.length === 0) flowsNote = 'no flows in the data: the flows method is not scored';
  else if (laFlows === null && nationRow === null) flowsNote = `no flows for ${fy} (the year to 31 March ${from}): the flows method is not scored`;
  else {
    const used = flowRows.filter((r) => r.year === from - 1);
    const status = [...new Set(used.map((r) => r.status ?? 'published'))].sort().join(', ');
    const how =
      laFlows === null
        ? `for the nation only${everyLa ? '' : ` (not every LA has a published figure at 31 March ${from}, so the LAs' shares of the nation's flows are unknown)`}`
        : laFlows.shared.length === 0
          ? "each LA's own"
          : laFlows.shared.length === sharedOver.size
            ? "the nation's, shared over the LAs by children looked after"
            : `own rows for ${sharedOver.size - laFlows.shared.length} LAs, the nation's rest shared over ${laFlows.shared.length}`;
    flowsNote = `the flows of ${fy} (${status}), ${how}; mean time in care = children looked after a year earlier ÷ those who ceased`;
  }

  const points: BacktestPoint[] = [];
  const score = (code: string, flows: { entries: number; ceased: number } | null): void => {
    const fit = fitOf(code);
    if (fit.length === 0) return;
    const forecast = forecaster(fit, from, flows);
    for (const p of (series.get(code) ?? []).filter((q) => q.year > from)) {
      for (const m of BACKTEST_METHODS) {
        const f = forecast(m, p.year);
        if (f !== null) points.push({ method: m, areaCode: code, year: p.year, horizon: p.year - from, forecast: f, actual: p.children });
      }
    }
  };
  for (const la of las) {
    const e = laFlows?.entries.get(la.code);
    score(la.code, e === undefined ? null : { entries: e, ceased: laFlows!.ceased.get(la.code) ?? 0 });
  }
  const nationSeries = (input.nationHistory ?? []).some(isPublished);
  if (nationSeries) score(nationCode, nationRow === null ? null : { entries: nationRow.started, ceased: nationRow.ceased });

  const laPoints = points.filter((p) => p.areaCode !== nationCode && p.actual > 0);
  const nationPoints = points.filter((p) => p.areaCode === nationCode && p.actual > 0);
  const horizons = [...new Set(points.map((p) => p.horizon))].sort((a, b) => a - b);
  const methods = BACKTEST_METHODS.filter((m) => points.some((p) => p.method === m));
  const scores: BacktestScore[] = [];
  for (const h of horizons) {
    for (const m of methods) {
      const ps = laPoints.filter((p) => p.method === m && p.horizon === h);
      const own = nationPoints.find((p) => p.method === m && p.horizon === h);
      let nation: BacktestScore['nation'] = null;
      if (own) nation = { forecast: own.forecast, actual: own.actual, error: (own.forecast - own.actual) / own.actual, pooled: false };
      else if (ps.length > 0) {
        const forecast = ps.reduce((s, p) => s + p.forecast, 0);
        const actual = ps.reduce((s, p) => s + p.actual, 0);
        nation = { forecast, actual, error: (forecast - actual) / actual, pooled: true };
      }
      if (ps.length === 0 && nation === null) continue;
      scores.push({ method: m, horizon: h, points: ps.length, mape: meanApe(ps), bias: meanPe(ps), nation });
    }
  }
  const verdict = (xs: ReadonlyArray<{ method: BacktestMethod; mape: number }>): Verdict | null => {
    const scored = xs.filter((x) => Number.isFinite(x.mape));
    const naive = scored.find((x) => x.method === 'naive');
    if (!naive) return null;
    const winner = lowest(scored);
    return { method: winner.method, mape: winner.mape, naiveMape: naive.mape, beatsNaive: winner.method !== 'naive' && winner.mape < naive.mape };
  };
  const best = horizons.map((h) => {
    const at = scores.filter((s) => s.horizon === h);
    return {
      horizon: h,
      las: verdict(at.map((s) => ({ method: s.method, mape: s.mape }))),
      nation: verdict(at.map((s) => ({ method: s.method, mape: s.nation === null ? NaN : Math.abs(s.nation.error) }))),
    };
  });
  const overallOf = (ps: readonly BacktestPoint[]) =>
    methods
      .map((m) => ps.filter((p) => p.method === m))
      .filter((mp) => mp.length > 0)
      .map((mp) => ({ method: mp[0].method, points: mp.length, mape: meanApe(mp), bias: meanPe(mp) }));
  const overallLas = overallOf(laPoints);
  const overallNation = overallOf(nationPoints);

  return {
    from,
    fitted: published.filter((p) => p.year <= from).length,
    heldBack: heldBackAll.length,
    estimatedLeftOut: { upToFrom: estimated.filter((p) => p.year <= from).length, after: estimated.filter((p) => p.year > from).length },
    nationSeries,
    unfitted,
    flowsNote,
    points,
    scores,
    horizons,
    best,
    overall: { las: overallLas, nation: overallNation, lasBest: verdict(overallLas), nationBest: verdict(overallNation) },
  };
}

const meanApe = (ps: readonly BacktestPoint[]): number => mean(ps.map((p) => Math.abs(p.forecast - p.actual) / p.actual));
const meanPe = (ps: readonly BacktestPoint[]): number => mean(ps.map((p) => (p.forecast - p.actual) / p.actual));

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** The lowest mean absolute percentage error; a tie (within 1e-12) goes to the earlier method, naive first. */
function lowest<T extends { method: BacktestMethod; mape: number }>(xs: readonly T[]): T {
  let best = xs[0];
  for (const x of xs) if (x.mape < best.mape - 1e-12) best = x;
  return best;
}
