// The backtest's scores, ranking and verdicts (docs/methodology.md, "Backtests: which demand
// forecast to trust"): each variant's mean absolute percentage error per horizon, its rank by LA-level
// error over horizons 1 to 6, and a "win" only where, over at least five scored points, its error is
// below the naive forecast's at significantly more points than not (a one-sided paired sign test at
// 5%). The shipped baseline's demand is the variant this chooses.
import { backtestForecasts, BacktestError, VARIANTS, type BacktestForecasts, type BacktestInput, type BacktestPoint, type Variant } from './backtest.js';
import { signTestP } from './sign-test.js';

export { BacktestError } from './backtest.js';

export interface Score {
  points: number;
  /** Mean absolute percentage error and mean signed percentage error (bias), as fractions; NaN with no point. */
  mape: number;
  bias: number;
}

/** One variant at one level over horizons 1 to 6, beside the naive forecast at the same points. */
export interface LevelVerdict extends Score {
  /** The naive forecast's MAPE at this variant's points. */
  naiveMape: number;
  /** Points where this variant's absolute error is below / above naive's (ties are neither). */
  better: number;
  worse: number;
  /** One-sided sign test: P(better or more wins of better + worse | no difference). */
  p: number;
  wins: boolean;
}

export interface RankedVariant {
  method: string;
  /** 1 = the lowest LA-level error over horizons 1 to 6; null when no LA point is scored. */
  rank: number | null;
  las: LevelVerdict;
  nation: LevelVerdict;
}

export interface HorizonScore extends Score {
  method: string;
  level: 'la' | 'nation';
  horizon: number;
}

export interface BacktestResult extends BacktestForecasts {
  ranking: RankedVariant[];
  byHorizon: HorizonScore[];
  /** The naive forecast's place in the ranking. */
  naiveRank: number | null;
  /** What a scenario built on this data should use: the best-ranked variant where it wins, else naive. */
  choice: { method: string; variant: Variant; ranked: RankedVariant };
}

/** Horizons the ranking and the verdicts cover: a scenario's first six years. */
export const RANK_HORIZONS = 6;
/** Fewest paired points (area × origin × horizon) on which a win may be claimed. */
export const MIN_POINTS = 5;
/** The sign test's one-sided level: a win needs p below it. */
export const SIGNIFICANCE = 0.05;

const ape = (p: BacktestPoint): number => Math.abs(p.forecast - p.actual) / p.actual;
const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
const score = (ps: readonly BacktestPoint[]): Score => ({ points: ps.length, mape: mean(ps.map(ape)), bias: mean(ps.map((p) => (p.forecast - p.actual) / p.actual)) });
const key = (p: BacktestPoint): string => `${p.areaCode}|${p.origin}|${p.year}`;

/** A variant's points against naive's at the same area, origin and year. */
export function verdictOf(points: readonly BacktestPoint[], naive: ReadonlyMap<string, BacktestPoint>): LevelVerdict {
  const paired = points.filter((p) => naive.has(key(p)));
  let better = 0;
  let worse = 0;
  for (const p of paired) {
    const own = Math.abs(p.forecast - p.actual);
    const theirs = Math.abs(naive.get(key(p))!.forecast - p.actual);
    if (own < theirs) better++;
    else if (own > theirs) worse++;
  }
  const p = signTestP(better, worse);
  return {
    ...score(points),
    naiveMape: mean(paired.map((q) => ape(naive.get(key(q))!))),
    better,
    worse,
    p,
    wins: paired.length >= MIN_POINTS && p < SIGNIFICANCE && better > worse,
  };
}

export function runBacktest(input: BacktestInput): BacktestResult {
  const forecasts = backtestForecasts(input);
  const { points } = forecasts;
  if (points.length === 0) {
    if (input.from !== null) throw new BacktestError(`no series has a published figure at 31 March ${input.from} and one after it to score: give --from a year with published figures on both sides, or leave it out to score every origin year`, 'usage');
    throw new BacktestError('expected at least two published figures of one series (an LA or the nation), one to fit and a later one to score; the trends need 3 or 5 points up to the origin year and one after it', 'data');
  }
  const isNation = (p: BacktestPoint): boolean => p.areaCode === input.nationCode;
  const level = (p: BacktestPoint, l: 'la' | 'nation'): boolean => (l === 'nation') === isNation(p);
  const byHorizon: HorizonScore[] = [];
  const horizons = [...new Set(points.map((p) => p.horizon))].sort((a, b) => a - b);
  for (const l of ['nation', 'la'] as const) {
    for (const h of horizons) {
      for (const v of VARIANTS) {
        const ps = points.filter((p) => p.method === v.method && p.horizon === h && level(p, l));
        if (ps.length > 0) byHorizon.push({ method: v.method, level: l, horizon: h, ...score(ps) });
      }
    }
  }
  const within = points.filter((p) => p.horizon <= RANK_HORIZONS);
  const naiveAt = (l: 'la' | 'nation') => new Map(within.filter((p) => p.method === 'naive' && level(p, l)).map((p) => [key(p), p]));
  const naive = { la: naiveAt('la'), nation: naiveAt('nation') };
  const unranked = VARIANTS.map((v) => ({
    method: v.method,
    rank: null as number | null,
    las: verdictOf(within.filter((p) => p.method === v.method && !isNation(p)), naive.la),
    nation: verdictOf(within.filter((p) => p.method === v.method && isNation(p)), naive.nation),
  })).filter((r) => r.las.points > 0 || r.nation.points > 0);
  // Lowest LA-level error first; a tie (within 1e-12) keeps the variants' order, naive first. A
  // variant scored at fewer than MIN_POINTS LA points is listed unranked: its error on one or two
  // points says nothing (it once topped the ranking on a single point).
  const ranked = (r: RankedVariant): boolean => r.las.points >= MIN_POINTS;
  const ranking = [...unranked].sort((a, b) => {
    if (ranked(a) !== ranked(b)) return ranked(a) ? -1 : 1;
    const x = Number.isNaN(a.las.mape) ? Infinity : a.las.mape;
    const y = Number.isNaN(b.las.mape) ? Infinity : b.las.mape;
    return Math.abs(x - y) <= 1e-12 ? 0 : x - y;
  });
  ranking.forEach((r, i) => (r.rank = ranked(r) ? i + 1 : null));
  const naiveRanked = ranking.find((r) => r.method === 'naive')!;
  const best = ranking.find((r) => r.method !== 'naive' && r.rank !== null);
  const chosen = best !== undefined && naiveRanked.rank !== null && best.rank! < naiveRanked.rank && best.las.wins ? best : naiveRanked;
  return {
    ...forecasts,
    ranking,
    byHorizon,
    naiveRank: naiveRanked.rank,
    choice: { method: chosen.method, variant: VARIANTS.find((v) => v.method === chosen.method)!, ranked: chosen },
  };
}
