// `sufficiency backtest`: the scores of the demand methods as a terminal table with a plain verdict,
// or as CSV. Nothing is computed here but layout and words.
import { formatNumber, toCsv } from '../../io/output.js';
import { METHOD_LABELS, type BacktestResult, type Verdict } from '../../model/backtest.js';
import { padLeft, padRight } from './table.js';
import { wrap } from './wrap.js';

export interface BacktestContext {
  dataShown: string;
  nationCode: string;
  nationName: string;
  laNames: ReadonlyMap<string, string>;
}

const pct = (x: number, signed = false): string => {
  if (!Number.isFinite(x)) return '–';
  const v = (100 * x).toFixed(1);
  return signed && x > 0 ? `+${v}%` : v === '-0.0' ? '0.0%' : `${v}%`;
};
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const ahead = (h: number): string => `${h} year${h === 1 ? '' : 's'} ahead`;

/**
 * CSV: `level,area_code,area_name,method,horizon,year,points,forecast,actual,mape,bias`, one row per
 * method and horizon for the nation (`wales`: its own published figure, or the LAs pooled where it
 * has none, `points` then the LAs pooled) and for the mean over the LAs (`la_mean`), then one row per
 * LA and held-back figure (`la`). Errors are fractions (0.052 = 5.2%); bias is signed (a forecast
 * above the figure is positive); for a single figure `mape` is its absolute error.
 */
export function backtestCsv(r: BacktestResult, ctx: BacktestContext): string {
  const rows: Array<Array<string | number>> = [['level', 'area_code', 'area_name', 'method', 'horizon', 'year', 'points', 'forecast', 'actual', 'mape', 'bias']];
  for (const s of r.scores) {
    if (s.nation === null) continue;
    const n = s.nation;
    rows.push(['wales', ctx.nationCode, ctx.nationName, s.method, s.horizon, r.from + s.horizon, n.pooled ? s.points : 1, n.forecast, n.actual, formatNumber(Math.abs(n.error)), formatNumber(n.error)]);
  }
  for (const s of r.scores) {
    if (s.points === 0) continue;
    rows.push(['la_mean', '', 'mean over LAs', s.method, s.horizon, r.from + s.horizon, s.points, '', '', formatNumber(s.mape), formatNumber(s.bias)]);
  }
  const points = r.points
    .filter((p) => p.areaCode !== ctx.nationCode && p.actual > 0)
    .sort((a, b) => (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0) || a.horizon - b.horizon);
  for (const p of points) {
    const e = (p.forecast - p.actual) / p.actual;
    rows.push(['la', p.areaCode, ctx.laNames.get(p.areaCode) ?? p.areaCode, p.method, p.horizon, p.year, 1, p.forecast, p.actual, formatNumber(Math.abs(e)), formatNumber(e)]);
  }
  return toCsv(rows);
}

/** The table per horizon, then the verdict in words. */
export function backtestTable(r: BacktestResult, ctx: BacktestContext, width: number): string {
  const out: string[] = [];
  const w = Math.max(40, width - 1);
  const para = (s: string): void => {
    out.push(wrap(s, w));
  };
  const nation = ctx.nationName;
  para(
    `Backtest of the demand methods on ${ctx.dataShown}: each method is fitted on the published figures up to 31 March ${r.from} ` +
      `and forecasts the published figures after it, beside the naive forecast (the last published figure carried forward).`,
  );
  const left = r.estimatedLeftOut.upToFrom + r.estimatedLeftOut.after;
  para(
    `Figures: ${r.fitted} published fitted, ${r.heldBack} published held back and scored` +
      (left > 0 ? `; ${left} marked estimated left out (${r.estimatedLeftOut.upToFrom} up to ${r.from}, ${r.estimatedLeftOut.after} after).` : '; none is marked estimated.') +
      (r.unfitted.length > 0 ? ` ${plural(r.unfitted.length, 'LA')} with no published figure up to ${r.from} left out: ${r.unfitted.map((c) => ctx.laNames.get(c) ?? c).join(', ')}.` : ''),
  );
  para(`Flows: ${r.flowsNote}.`);
  out.push('');
  para(
    `LA MAPE: mean absolute percentage error over the LAs with a published figure; LA bias: their mean signed error (+ = forecast too high). ` +
      `${nation} error: ` +
      (r.nationSeries ? `the error of the forecast of ${nation}'s own published figure (where it has none, the LAs pooled).` : `the LAs scored pooled, their forecasts summed against their figures summed.`),
  );
  const methodW = Math.max(...Object.values(METHOD_LABELS).map((l) => l.length), 6);
  const cols = ['LA MAPE', 'LA bias', `${nation} error`];
  const colW = Math.max(...cols.map((c) => c.length), 8);
  for (const h of r.horizons) {
    const at = r.scores.filter((s) => s.horizon === h);
    const laList = [...new Set(r.points.filter((p) => p.horizon === h && p.areaCode !== ctx.nationCode).map((p) => p.areaCode))];
    const who = laList.length === 0 ? 'no LA' : laList.length <= 3 ? laList.map((c) => ctx.laNames.get(c) ?? c).join(', ') : plural(laList.length, 'LA');
    const best = r.best.find((b) => b.horizon === h)!;
    out.push('');
    out.push(`${ahead(h)} (31 March ${r.from + h}; ${who})`);
    out.push(`${padRight('method', methodW)}  ${cols.map((c) => padLeft(c, colW)).join('  ')}`);
    for (const s of at) {
      const marks = [best.las?.method === s.method ? 'LAs' : '', best.nation?.method === s.method ? nation : ''].filter((x) => x !== '');
      const n = s.nation === null ? '–' : `${pct(s.nation.error, true)}${s.nation.pooled && r.nationSeries ? '*' : ''}`;
      out.push(
        `${padRight(METHOD_LABELS[s.method], methodW)}  ${[pct(s.mape), pct(s.bias, true), n].map((c) => padLeft(c, colW)).join('  ')}` +
          (marks.length > 0 ? `  <- best for ${marks.join(' and ')}` : ''),
      );
    }
    if (r.nationSeries && at.some((s) => s.nation?.pooled)) para(`* no published ${nation} figure at this date: the LAs pooled.`);
    para(verdicts(best.las, best.nation, nation));
  }
  out.push('');
  out.push('Overall');
  const overall = (label: string, scores: BacktestResult['overall']['las'], v: Verdict | null): void => {
    if (v === null) return;
    const naive = scores.find((s) => s.method === 'naive')!;
    const worst = [...scores].sort((a, b) => b.mape - a.mape)[0];
    para(
      `${label} (${plural(naive.points, 'held-back figure')}): ` +
        (v.beatsNaive
          ? `${METHOD_LABELS[v.method]} wins, MAPE ${pct(v.mape)} against the naive ${pct(v.naiveMape)}.`
          : `no method beats the naive forecast (MAPE ${pct(v.naiveMape)}): carrying the last published figure forward did as well as any fitted method.`) +
        ` Worst: ${METHOD_LABELS[worst.method]}, MAPE ${pct(worst.mape)}, bias ${pct(worst.bias, true)}.`,
    );
  };
  overall(`For ${nation}`, r.overall.nation, r.overall.nationBest);
  overall('For the LAs', r.overall.las, r.overall.lasBest);
  if (!(r.overall.nationBest?.beatsNaive ?? true) || !(r.overall.lasBest?.beatsNaive ?? true)) {
    para('Where no method beats the naive forecast, state demand as an explicit scenario (demand: change, or flows with their levers) rather than trusting a fitted line.');
  }
  out.push('');
  return out.join('\n');
}

function verdicts(las: Verdict | null, nation: Verdict | null, nationName: string): string {
  const one = (who: string, v: Verdict): string =>
    v.beatsNaive ? `${who}: ${METHOD_LABELS[v.method]} wins (MAPE ${pct(v.mape)} against the naive ${pct(v.naiveMape)})` : `${who}: no method beats the naive forecast (${pct(v.naiveMape)})`;
  const parts: string[] = [];
  if (nation !== null) parts.push(one(nationName, nation));
  if (las !== null) parts.push(one('LAs', las));
  return `${parts.join('; ')}.`;
}
