// `sufficiency backtest`: the variants ranked by LA-level error with the naive forecast's place and a
// plain verdict, as a terminal table (English or Welsh) or as CSV. Nothing is computed here but
// layout and words.
import { label, type Lang, type LabelKey } from '../../i18n/labels.js';
import { formatNumber, toCsv } from '../../io/output.js';
import { MIN_POINTS, RANK_HORIZONS, SIGNIFICANCE, type BacktestResult, type LevelVerdict, type RankedVariant } from '../../model/backtest-rank.js';
import { padLeft, padRight } from './table.js';
import { wrap } from './wrap.js';

export interface BacktestContext {
  dataShown: string;
  nationCode: string;
  nationName: string;
  laNames: ReadonlyMap<string, string>;
  lang: Lang;
}

const pct = (x: number, signed = false): string => {
  if (!Number.isFinite(x)) return '–';
  const v = (100 * x).toFixed(1);
  return signed && x > 0 ? `+${v}%` : v === '-0.0' ? '0.0%' : `${v}%`;
};
const pValue = (p: number): string => (p < 0.001 ? '<0.001' : p.toFixed(3));
const pSentence = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const years = (ys: readonly number[]): string => (ys.length === 0 ? '–' : ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`);
const verdictCode = (v: LevelVerdict): string => (v.points === 0 ? '' : v.wins ? 'wins' : 'no_better');

/**
 * CSV: `level,area_code,area_name,method,horizon,origin,year,points,forecast,actual,mape,bias,rank,better,worse,p_value,verdict`.
 * `ranking` rows (one per variant, horizon `1-6`): LA-level MAPE and bias, rank, the points where it
 * beats (`better`) or loses to (`worse`) the naive forecast, the sign test's p and the verdict
 * (`wins` or `no_better`); `wales_ranking` the same for the nation. `la_mean` and `wales` rows: each
 * variant's MAPE and bias per horizon. `la` and `wales_point` rows: every forecast scored, with its
 * origin. Errors are fractions (0.052 = 5.2%); bias is signed (a forecast above the figure is positive).
 */
export function backtestCsv(r: BacktestResult, ctx: BacktestContext): string {
  const rows: Array<Array<string | number>> = [['level', 'area_code', 'area_name', 'method', 'horizon', 'origin', 'year', 'points', 'forecast', 'actual', 'mape', 'bias', 'rank', 'better', 'worse', 'p_value', 'verdict']];
  const span = `1-${RANK_HORIZONS}`;
  const verdictRow = (level: string, code: string, name: string, x: RankedVariant, v: LevelVerdict): void => {
    if (v.points === 0) return;
    rows.push([level, code, name, x.method, span, '', '', v.points, '', '', formatNumber(v.mape), formatNumber(v.bias), level === 'ranking' ? (x.rank ?? '') : '', v.better, v.worse, formatNumber(v.p), verdictCode(v)]);
  };
  for (const x of r.ranking) verdictRow('ranking', '', 'LAs', x, x.las);
  for (const x of r.ranking) verdictRow('wales_ranking', ctx.nationCode, ctx.nationName, x, x.nation);
  for (const level of ['nation', 'la'] as const) {
    for (const s of r.byHorizon.filter((h) => h.level === level)) {
      rows.push([level === 'la' ? 'la_mean' : 'wales', level === 'la' ? '' : ctx.nationCode, level === 'la' ? 'mean over LAs' : ctx.nationName, s.method, s.horizon, '', '', s.points, '', '', formatNumber(s.mape), formatNumber(s.bias), '', '', '', '', '']);
    }
  }
  const points = [...r.points].sort((a, b) => (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0) || a.origin - b.origin || a.year - b.year);
  for (const p of points) {
    const e = (p.forecast - p.actual) / p.actual;
    const nation = p.areaCode === ctx.nationCode;
    rows.push([nation ? 'wales_point' : 'la', p.areaCode, nation ? ctx.nationName : (ctx.laNames.get(p.areaCode) ?? p.areaCode), p.method, p.horizon, p.origin, p.year, 1, p.forecast, p.actual, formatNumber(Math.abs(e)), formatNumber(e), '', '', '', '', '']);
  }
  return toCsv(rows);
}

/** The ranking table, then the verdicts in words. */
export function backtestTable(r: BacktestResult, ctx: BacktestContext, width: number): string {
  const t = (key: LabelKey, vars: Record<string, string | number> = {}): string => label(ctx.lang, key, vars);
  const out: string[] = [];
  const w = Math.max(40, width - 1);
  const para = (s: string): void => {
    out.push(wrap(s, w));
  };
  const nation = ctx.nationName;
  para(t('backtest.intro', { data: ctx.dataShown, laOrigins: years(r.origins.las), nation, nationOrigins: years(r.origins.nation) }));
  para(t('backtest.figures', { published: r.published, estimated: r.estimatedLeftOut }));
  para(t(r.nationSeries ? 'backtest.nationOwn' : 'backtest.nationSum', { nation }));
  const list = (ys: readonly number[]): string => (ys.length === 0 ? '–' : ys.join(', '));
  para(r.flows.inData ? t('backtest.flows', { nation, nationOrigins: list(r.flows.nationOrigins), laOrigins: list(r.flows.laOrigins) }) : t('backtest.flowsNone'));
  out.push('');
  para(t('backtest.key', { h: RANK_HORIZONS, min: MIN_POINTS, alpha: SIGNIFICANCE }));
  out.push('');
  const heads = [t('backtest.th.rank'), t('backtest.th.method'), t('backtest.th.points'), t('backtest.th.mape'), t('backtest.th.bias'), t('backtest.th.naive'), t('backtest.th.better'), t('backtest.th.worse'), t('backtest.th.p'), t('backtest.th.nation', { nation }), t('backtest.th.verdict')];
  const cells = r.ranking.map((x) => [
    x.rank === null ? '–' : String(x.rank),
    x.method,
    String(x.las.points),
    pct(x.las.mape),
    pct(x.las.bias, true),
    x.method === 'naive' ? '' : pct(x.las.naiveMape),
    x.method === 'naive' ? '' : String(x.las.better),
    x.method === 'naive' ? '' : String(x.las.worse),
    x.method === 'naive' || x.las.points === 0 ? '' : pValue(x.las.p),
    pct(x.nation.mape),
    x.method === 'naive' ? `(${t('backtest.naive')})` : x.las.points === 0 ? '' : x.las.wins ? t('backtest.wins') : t('backtest.noBetter'),
  ]);
  const widths = heads.map((h, i) => Math.max([...h].length, ...cells.map((c) => [...c[i]].length)));
  const line = (c: string[]): string =>
    c
      .map((v, i) => (i === 1 || i === c.length - 1 ? padRight(v, i === c.length - 1 ? 0 : widths[i]) : padLeft(v, widths[i])))
      .join('  ')
      .trimEnd();
  out.push(line(heads));
  for (const c of cells) out.push(line(c));
  out.push('');
  const naive = r.ranking.find((x) => x.method === 'naive');
  if (naive !== undefined && naive.rank !== null) para(t('backtest.naiveRank', { rank: naive.rank, n: r.ranking.filter((x) => x.rank !== null).length, mape: pct(naive.las.mape) }));
  const best = r.ranking.find((x) => x.method !== 'naive' && x.rank !== null);
  if (best === undefined || (naive?.rank ?? Infinity) < best.rank!) para(t('backtest.choiceOnlyNaive'));
  else {
    const v = best.las;
    para(t(r.choice.method === best.method ? 'backtest.choiceWins' : 'backtest.choiceNaive', { method: best.method, mape: pct(v.mape), naive: pct(v.naiveMape), points: v.points, better: v.better, worse: v.worse, p: pSentence(v.p) }));
  }
  const nationBest = [...r.ranking].filter((x) => x.method !== 'naive' && x.nation.points > 0).sort((a, b) => a.nation.mape - b.nation.mape)[0];
  if (nationBest !== undefined) {
    const v = nationBest.nation;
    para(t('backtest.nationBest', { nation, method: nationBest.method, mape: pct(v.mape), naive: pct(v.naiveMape), verdict: `${v.wins ? t('backtest.wins') : t('backtest.noBetter')}, ${pSentence(v.p)}` }));
  }
  out.push('');
  return out.join('\n');
}
