// The backtest of the demand methods (docs/methodology.md, "Backtests: which demand forecast to
// trust"): for every origin year it can, fit each method and variant on the published figures up to
// it, forecast the published figures after it, and score the forecasts beside the naive forecast
// (the last published value carried forward), per LA and for the nation. Pure: the CLI reads the
// data and renders the result; the variants are ranked and judged in backtest-rank.ts.
//
// Only published figures are used, for fitting as well as for scoring: an estimated point (status
// `estimated`) is often built from later figures (the Wales data's 2019-2023 counts interpolate
// towards the 2024 shares, SOURCES.md E2), so fitting on it would let the future leak into the fit.
import { dampedTrendAt, nationSeries, reconcileYear, type Series } from './demand-trend.js';
import { flowYear, flowsInYear } from './flows.js';
import { compareCodes, roundHalfUp } from './rounding.js';
import type { DemandPoint, FlowRow, LocalAuthority } from './types.js';

/** A method with its options; `method` is its name in the output (`trend_5_damped_0.8_reconciled`). */
export interface Variant {
  method: string;
  kind: 'naive' | 'trend' | 'change' | 'flows';
  /** Points fitted by a trend (Infinity: all). */
  years: number;
  damping: number;
  reconciled: boolean;
  /** Published points a series needs up to the origin for this variant to forecast from it. */
  minPoints: number;
}

/** `trend_5`, `trend_5_damped_0.8`, `trend_all_reconciled`, … */
export function variantName(years: number, damping: number, reconciled: boolean): string {
  return `trend_${Number.isFinite(years) ? years : 'all'}${damping < 1 ? `_damped_${damping}` : ''}${reconciled ? '_reconciled' : ''}`;
}

/** The trend over all points needs three: two make a line but leave nothing to fit it to. */
const TREND_FITS = [3, 5, Infinity] as const;
const DAMPINGS = [1, 0.8, 0.9] as const;

/** Every variant scored, in the order that breaks ties in the ranking (naive first). */
export const VARIANTS: readonly Variant[] = [
  { method: 'naive', kind: 'naive', years: 1, damping: 1, reconciled: false, minPoints: 1 },
  ...TREND_FITS.flatMap((years) =>
    [false, true].flatMap((reconciled) =>
      DAMPINGS.map((damping): Variant => ({ method: variantName(years, damping, reconciled), kind: 'trend', years, damping, reconciled, minPoints: Number.isFinite(years) ? years : 3 })),
    ),
  ),
  { method: 'change', kind: 'change', years: Infinity, damping: 1, reconciled: false, minPoints: 2 },
  { method: 'flows', kind: 'flows', years: 1, damping: 1, reconciled: false, minPoints: 1 },
];

export interface BacktestInput {
  localAuthorities: readonly Pick<LocalAuthority, 'code' | 'nameEn'>[];
  history: readonly DemandPoint[];
  /** The nation's own figures (demand_history rows for the nation), if the data has them. */
  nationHistory?: readonly DemandPoint[];
  flows: readonly FlowRow[] | null;
  /** Score only forecasts from this origin year (31 March); null: from every origin year there is. */
  from: number | null;
  nationCode: string;
}

/** One forecast of one held-back figure, of an LA or of the nation. */
export interface BacktestPoint {
  method: string;
  /** An LA's code, or the nation's. */
  areaCode: string;
  /** The year (of a 31 March) the forecast is made from. */
  origin: number;
  /** The year of the 31 March forecast. */
  year: number;
  /** year − origin. */
  horizon: number;
  forecast: number;
  actual: number;
}

export interface BacktestForecasts {
  /** Published figures of the LAs and of the nation; estimated ones left out. */
  published: number;
  estimatedLeftOut: number;
  /** Whether the nation is scored on its own published figures (else on the LAs' summed). */
  nationSeries: boolean;
  /** The origin years scored, at LA level and for the nation. */
  origins: { las: number[]; nation: number[] };
  /** The origin years the flows method was scored from (none without flows in the data). */
  flows: { inData: boolean; nationOrigins: number[]; laOrigins: number[] };
  points: BacktestPoint[];
}

/** A history that cannot be backtested: `data` (the data too short, exit 3) or `usage` (--from, exit 2). */
export class BacktestError extends Error {
  constructor(
    message: string,
    readonly cause_: 'data' | 'usage',
  ) {
    super(message);
  }
}

const isPublished = (p: { status?: string }): boolean => p.status !== 'estimated';

function seriesByCode(points: readonly DemandPoint[]): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  for (const p of points) {
    const list = out.get(p.laCode) ?? [];
    list.push([p.year, p.children]);
    out.set(p.laCode, list);
  }
  for (const list of out.values()) list.sort((a, b) => a[0] - b[0]);
  return out;
}

/** The unrounded forecast of a series fitted up to its last point, at year x (naive, trend, change). */
function fitted(v: Variant, fit: Series, x: number): number {
  const origin = fit[fit.length - 1];
  switch (v.kind) {
    case 'trend':
      return Math.max(0, dampedTrendAt(fit, { years: v.years, damping: v.damping }, x));
    case 'change': {
      // The mean yearly rate of change between the first and the last fitted figure.
      const first = fit[0];
      const rate = origin[0] > first[0] && first[1] > 0 ? (origin[1] / first[1]) ** (1 / (origin[0] - first[0])) - 1 : 0;
      return Math.max(0, origin[1] * (1 + rate) ** (x - origin[0]));
    }
    default:
      return origin[1];
  }
}

/** Every forecast of every variant from every origin it can (or from `from` only). */
export function backtestForecasts(input: BacktestInput): BacktestForecasts {
  const { nationCode } = input;
  const las = [...input.localAuthorities].sort((a, b) => compareCodes(a.code, b.code));
  const all = [...input.history, ...(input.nationHistory ?? [])];
  const published = all.filter(isPublished);
  const laSeries = seriesByCode(input.history.filter((p) => isPublished(p) && las.some((l) => l.code === p.laCode)));
  const ownNation = seriesByCode((input.nationHistory ?? []).filter(isPublished)).get(nationCode) ?? [];
  const laSum = nationSeries(laSeries);
  const nation = ownNation.length > 0 ? ownNation : laSum;
  const upTo = (s: Series, y: number): Series => s.filter(([x]) => x <= y);
  const origins = (s: Series): number[] => s.filter(([y]) => s.some(([x]) => x > y) && (input.from === null || y === input.from)).map(([y]) => y);

  const points: BacktestPoint[] = [];
  const push = (method: string, areaCode: string, origin: number, year: number, forecast: number, actual: number): void => {
    points.push({ method, areaCode, origin, year, horizon: year - origin, forecast, actual });
  };

  // Reconciled forecasts of one variant, origin and year: every LA's at once (demand-trend.ts).
  const reconciledCache = new Map<string, Map<string, number> | null>();
  const reconciled = (v: Variant, origin: number, x: number): Map<string, number> | null => {
    const key = `${v.method}|${origin}|${x}`;
    if (reconciledCache.has(key)) return reconciledCache.get(key)!;
    const total = upTo(laSum, origin);
    let out: Map<string, number> | null = null;
    if (total.length >= v.minPoints) {
      const projected = new Map(las.map((l) => {
        const fit = upTo(laSeries.get(l.code) ?? [], origin);
        return [l.code, fit.length === 0 ? null : fitted(v, fit, x)] as const;
      }));
      const base = new Map(las.map((l) => [l.code, upTo(laSeries.get(l.code) ?? [], origin).at(-1)?.[1] ?? 0]));
      out = reconcileYear(fitted(v, total, x), projected, base);
    }
    reconciledCache.set(key, out);
    return out;
  };

  const flows = scoreFlows(input, las, laSeries, nation, origins, push);
  for (const la of las) {
    const s = laSeries.get(la.code) ?? [];
    for (const origin of origins(s)) {
      const fit = upTo(s, origin);
      for (const [year, actual] of s.filter(([x]) => x > origin)) {
        for (const v of VARIANTS) {
          if (v.kind === 'flows' || fit.length < v.minPoints) continue;
          if (v.reconciled) {
            const r = reconciled(v, origin, year);
            if (r !== null) push(v.method, la.code, origin, year, r.get(la.code)!, actual);
          } else push(v.method, la.code, origin, year, roundHalfUp(fitted(v, fit, year)), actual);
        }
      }
    }
  }
  // The nation is the top of the hierarchy: reconciling it to itself changes nothing, so a
  // reconciled variant's forecast of the nation is its unreconciled one.
  for (const origin of origins(nation)) {
    const fit = upTo(nation, origin);
    for (const [year, actual] of nation.filter(([x]) => x > origin)) {
      for (const v of VARIANTS) if (v.kind !== 'flows' && fit.length >= v.minPoints) push(v.method, nationCode, origin, year, roundHalfUp(fitted(v, fit, year)), actual);
    }
  }
  const originsOf = (ps: BacktestPoint[]): number[] => [...new Set(ps.map((p) => p.origin))].sort((a, b) => a - b);
  return {
    published: published.length,
    estimatedLeftOut: all.length - published.length,
    nationSeries: ownNation.length > 0,
    origins: { las: originsOf(points.filter((p) => p.areaCode !== nationCode)), nation: originsOf(points.filter((p) => p.areaCode === nationCode)) },
    flows,
    points: points.filter((p) => p.actual > 0),
  };
}

/**
 * The flows method: from an origin Y, the flows of the year to 31 March Y (row year Y − 1), each
 * LA's own row or its share of the nation's by children looked after at Y, which is known only when
 * every LA has a published figure at Y; the mean time in care is the figure a year before Y ÷ those
 * who ceased (the exits of that year came from that stock), or the figure at Y where that is missing.
 */
function scoreFlows(
  input: BacktestInput,
  las: ReadonlyArray<{ code: string }>,
  laSeries: ReadonlyMap<string, Series>,
  nation: Series,
  origins: (s: Series) => number[],
  push: (method: string, area: string, origin: number, year: number, forecast: number, actual: number) => void,
): BacktestForecasts['flows'] {
  const rows = input.flows ?? [];
  if (rows.length === 0) return { inData: false, nationOrigins: [], laOrigins: [] };
  const used = new Set<number>();
  const laUsed = new Set<number>();
  for (const origin of origins(nation)) {
    const row = rows.find((r) => r.laCode === input.nationCode && r.year === origin - 1);
    if (row === undefined) continue;
    used.add(origin);
    forecastFlows(nation, origin, row.started, row.ceased, (year, f, actual) => push('flows', input.nationCode, origin, year, f, actual));
  }
  const laOrigins = new Set([...laSeries.values()].flatMap((s) => origins(s)));
  for (const origin of [...laOrigins].sort((a, b) => a - b)) {
    const atOrigin = new Map(las.flatMap((l) => {
      const v = laSeries.get(l.code)?.find(([x]) => x === origin);
      return v === undefined ? [] : [[l.code, v[1]] as const];
    }));
    const own = new Set(rows.filter((r) => r.year === origin - 1 && r.laCode !== input.nationCode).map((r) => r.laCode));
    const sharedOver = atOrigin.size === las.length ? atOrigin : new Map([...atOrigin].filter(([la]) => own.has(la)));
    const flows = sharedOver.size > 0 ? flowsInYear(rows, origin - 1, sharedOver, input.nationCode) : null;
    if (flows === null) continue;
    laUsed.add(origin);
    for (const [la] of sharedOver) {
      const s = laSeries.get(la)!;
      if (!origins(s).includes(origin)) continue;
      forecastFlows(s, origin, flows.entries.get(la) ?? 0, flows.ceased.get(la) ?? 0, (year, f, actual) => push('flows', la, origin, year, f, actual));
    }
  }
  const sorted = (ys: Set<number>): number[] => [...ys].sort((a, b) => a - b);
  return { inData: true, nationOrigins: sorted(used), laOrigins: sorted(laUsed) };
}

/** Steps a series from its figure at `origin` by constant entries and a constant mean time in care. */
function forecastFlows(s: Series, origin: number, entries: number, ceased: number, out: (year: number, forecast: number, actual: number) => void): void {
  const fit = s.filter(([x]) => x <= origin);
  const start = fit[fit.length - 1][1];
  const before = fit.find(([x]) => x === origin - 1)?.[1] ?? start;
  const meanYears = ceased > 0 ? before / ceased : Infinity;
  let c = start;
  let at = origin;
  for (const [year, actual] of s.filter(([x]) => x > origin)) {
    for (; at < year; at++) c = flowYear(c, entries, meanYears).end;
    out(year, c, actual);
  }
}
