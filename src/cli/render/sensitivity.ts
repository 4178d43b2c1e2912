// The output of `sufficiency sensitivity` (docs/methodology.md, "Which assumption matters"): a ranked
// table to paste into a brief, CSV (one row per parameter), JSON and an Excel workbook.
import { financialYear, formatNumber, toCsv, jsonNumber } from '../../io/output.js';
import type { Meta } from '../../io/provenance.js';
import { XLSX_FORMATS, type WorkbookCell, type WorkbookSheet } from '../../io/xlsx.js';
import { areaNameIn, label, metricLabel, type Lang, type LabelKey } from '../../i18n/labels.js';
import type { VariedParameter } from '../../model/sensitivity/tornado.js';
import type { Threshold } from '../../model/sensitivity/threshold.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { Dataset } from '../../model/types.js';
import type { SensitivityResult } from '../sensitivity/analysis.js';
import { DISPLAY, displayValue } from './metrics.js';
import { padLeft, padRight, trimLine } from './table.js';
import { wrap } from './wrap.js';
import { metricFormat } from './workbook.js';

/** One line of the ranked table: a parameter with its tornado bar, share and switching value. */
export interface SensitivityLine {
  rank: number;
  parameter: VariedParameter;
  atLow: number;
  atHigh: number;
  swing: number;
  share: number | null;
  /** Undefined: no threshold asked; null: does not switch within its range. */
  switchesAt: number | null | undefined;
}

export function sensitivityLines(r: SensitivityResult): SensitivityLine[] {
  return r.bars.map((b, i) => ({
    rank: i + 1,
    parameter: b.parameter,
    atLow: b.atLow,
    atHigh: b.atHigh,
    swing: b.swing,
    share: r.spread?.shares.find((s) => s.path === b.parameter.path)?.share ?? null,
    switchesAt: r.switching.length === 0 ? undefined : (r.switching[0].rows.find((s) => s.parameter.path === b.parameter.path)?.value ?? null),
  }));
}

/** A threshold as a question in words, mid-sentence: `is usable foster places per child needing one at least 1`. */
export function thresholdQuestion(lang: Lang, t: Threshold): string {
  const name = metricLabel(lang, t.metric);
  return label(lang, `sens.question.${t.op}` as LabelKey, { metric: name.charAt(0).toLowerCase() + name.slice(1), value: t.value });
}

/** A parameter's value as an analyst reads it: at most three significant figures. */
export function paramValue(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const r = Number(v.toPrecision(3));
  return String(Object.is(r, -0) ? 0 : r);
}

const LIST_ITEM = /^([a-z_]+)\[(\d+)\]\.([a-z_]+)$/;
const DATED = /^(.+)\.(\d{4})$/;

/** A parameter's name in words (`exit share, fp residential, 2030-31`), or its path when it has none. */
export function parameterName(lang: Lang, path: string, loaded: LoadedScenario): string {
  const named = (key: string): string | null => {
    const k = `sens.param.${key}` as LabelKey;
    return k in TABLE_KEYS ? label(lang, k) : null;
  };
  const item = LIST_ITEM.exec(path);
  if (item && item[1] === 'transitions') {
    const t = ((loaded.spec.transitions as Array<Record<string, unknown>>) ?? [])[Number(item[2])] ?? {};
    const what = named(`transitions.${item[3]}`) ?? path;
    const coded = (prefix: 'sector' | 'type', code: unknown): string | null => (typeof code === 'string' ? label(lang, `sens.${prefix}.${code}` as LabelKey) : null);
    const scope = [t.providerId ? label(lang, 'sens.param.provider', { id: String(t.providerId) }) : null, coded('sector', t.sector), coded('type', t.placementType), t.region, t.host]
      .filter((x) => x !== null && x !== undefined)
      .join(' ');
    return `${what}, ${scope ? `${scope}, ` : ''}${financialYear(Number(t.year))}`;
  }
  const dated = DATED.exec(path);
  if (dated) {
    const base = named(dated[1]);
    return base ? `${base}, ${label(lang, 'sens.param.from', { year: financialYear(Number(dated[2])) })}` : path;
  }
  return named(path) ?? path;
}

const TABLE_KEYS: Record<string, true> = Object.fromEntries(
  ['demand.rate', 'turnover.foster', 'turnover.residential', 'turnover.secure', 'foster_wales.net_new_places', 'foster_wales.net_growth_rate', 'outside_wales.places', 'external_demand.rate', 'occupancy.foster', 'occupancy.residential', 'transitions.exit', 'transitions.convert'].map((k) => [
    `sens.param.${k}`,
    true,
  ]),
);

const percent = (v: number | null): string => (v === null || !Number.isFinite(v) ? '–' : `${Math.round(v * 100)}%`);

/** The terminal table, in the language asked. */
export function sensitivityTable(r: SensitivityResult, loaded: LoadedScenario, dataset: Dataset, lang: Lang, width: number): string {
  const q = r.question;
  const kind = DISPLAY[q.metric].kind;
  const value = (v: number | null): string => displayValue(v, kind);
  const area = areaNameIn(lang, { level: q.area.level, areaCode: q.area.code, areaName: q.area.name }, { nation: dataset.nation, laNamesCy: new Map(dataset.localAuthorities.map((l) => [l.code, l.nameCy])) });
  const out: string[] = [];
  const para = (text: string): void => {
    out.push(wrap(text, width));
  };
  para(label(lang, 'sens.title', { metric: metricLabel(lang, q.metric), area, year: financialYear(q.year) }));
  para(label(lang, 'sens.scenario', { name: loaded.name, title: loaded.title }));
  para(r.runsPerPoint > 1 ? label(lang, 'sens.runs', { runs: r.runsPerPoint, seed: q.seed, random: r.ownRandomness.map((k) => label(lang, `sens.random.${k}`)).join('; ') }) : label(lang, 'sens.oneRun'));
  para(label(lang, 'sens.central', { value: value(r.central) }));
  out.push('');
  para(label(lang, 'sens.tornado'));
  const lines = sensitivityLines(r);
  const h = (k: LabelKey): string => label(lang, k);
  const header = ['#', h('sens.th.parameter'), h('sens.th.range'), h('sens.th.low'), h('sens.th.high'), h('sens.th.swing'), ...(r.spread ? [h('sens.th.share')] : []), ...(r.switching.length > 0 ? [h('sens.th.switch')] : []), h('sens.th.path')];
  const rows = lines.map((l) => [
    String(l.rank),
    parameterName(lang, l.parameter.path, loaded),
    `${paramValue(l.parameter.low)}–${paramValue(l.parameter.high)}${l.parameter.from === 'vary' ? ' (--vary)' : ''}`,
    value(l.atLow),
    value(l.atHigh),
    value(l.swing),
    ...(r.spread ? [percent(l.share)] : []),
    ...(r.switching.length > 0 ? [l.switchesAt === null || l.switchesAt === undefined ? '–' : paramValue(l.switchesAt)] : []),
    l.parameter.path,
  ]);
  const numeric = new Set([0, 3, 4, 5, ...(r.spread ? [6] : [])]);
  const widths = header.map((t, c) => Math.max([...t].length, ...rows.map((row) => [...row[c]].length)));
  const line = (cells: string[]): string => trimLine(cells.map((t, c) => (numeric.has(c) ? padLeft(t, widths[c]) : padRight(t, widths[c]))).join('  '));
  out.push(line(header), ...rows.map(line));
  out.push('');
  if (r.spread) para(label(lang, 'sens.remainder', { share: percent(r.spread.remainder), runs: r.spread.runs }));
  else para(label(lang, 'sens.noSpread'));
  const sw = r.switching[0];
  if (sw) {
    const t = sw.threshold;
    const question = thresholdQuestion(lang, t);
    para(label(lang, 'sens.switching', { question, year: financialYear(q.year), answer: h(sw.centralAnswer ? 'sens.yes' : 'sens.no') }));
    const none = lines.filter((l) => l.switchesAt === null).map((l) => l.parameter.path);
    if (none.length === lines.length) para(h('sens.allNoSwitch'));
    else if (none.length > 0) para(`${h('sens.noSwitch')}: ${none.join(', ')}.`);
  }
  para(label(lang, 'sens.held', { count: r.held.length, list: r.held.join(', ') || '–' }));
  return `${out.join('\n')}\n`;
}

const CSV_HEADER = ['rank', 'path', 'from', 'low', 'high', 'central', 'metric', 'year', 'area_code', 'metric_central', 'metric_at_low', 'metric_at_high', 'swing', 'share_of_spread', 'switching_value'];

/** CSV: one row per parameter, ranked; then a row `remainder` with the share left to interactions and the model's randomness. */
export function sensitivityCsv(r: SensitivityResult): string {
  const q = r.question;
  const common = [q.metric, String(q.year), q.area.code, formatNumber(r.central)];
  const rows = sensitivityLines(r).map((l) => [
    String(l.rank),
    l.parameter.path,
    l.parameter.from,
    formatNumber(l.parameter.low),
    formatNumber(l.parameter.high),
    formatNumber(l.parameter.central),
    ...common,
    formatNumber(l.atLow),
    formatNumber(l.atHigh),
    formatNumber(l.swing),
    formatNumber(l.share),
    l.switchesAt === undefined ? '' : l.switchesAt === null ? 'none' : formatNumber(l.switchesAt),
  ]);
  if (r.spread) rows.push(['', 'remainder', '', '', '', '', ...common, '', '', '', formatNumber(r.spread.remainder), '']);
  return toCsv([CSV_HEADER, ...rows]);
}

/** The result as plain data, for JSON and the provenance. */
export function sensitivityRecord(r: SensitivityResult): Record<string, unknown> {
  const q = r.question;
  return {
    metric: q.metric,
    year: q.year,
    financial_year: financialYear(q.year),
    area: { level: q.area.level, code: q.area.code, name: q.area.name },
    runs_per_point: r.runsPerPoint,
    own_randomness: r.ownRandomness,
    metric_central: jsonNumber(r.central),
    parameters: sensitivityLines(r).map((l) => ({
      rank: l.rank,
      path: l.parameter.path,
      from: l.parameter.from,
      low: jsonNumber(l.parameter.low),
      high: jsonNumber(l.parameter.high),
      central: jsonNumber(l.parameter.central),
      metric_at_low: jsonNumber(l.atLow),
      metric_at_high: jsonNumber(l.atHigh),
      swing: jsonNumber(l.swing),
      share_of_spread: jsonNumber(l.share),
      ...(l.switchesAt === undefined ? {} : { switching_value: l.switchesAt === null ? null : jsonNumber(l.switchesAt) }),
    })),
    spread: r.spread ? { runs: r.spread.runs, bins: 10, remainder: jsonNumber(r.spread.remainder) } : null,
    threshold: r.switching[0] ? { metric: r.switching[0].threshold.metric, op: r.switching[0].threshold.op, value: r.switching[0].threshold.value, answer_at_central: r.switching[0].centralAnswer } : null,
    held: r.held,
    model_runs: r.modelRuns,
  };
}

/** JSON: the provenance in `meta` (docs/model.md §6), the result in `sensitivity`. */
export function sensitivityJson(r: SensitivityResult, meta: Meta | null): string {
  return JSON.stringify({ meta, sensitivity: sensitivityRecord(r) }, null, 2) + '\n';
}

/** The workbook's sheet: the CSV's columns, numbers as numbers. */
export function sensitivitySheet(r: SensitivityResult): WorkbookSheet {
  const q = r.question;
  const fmt = metricFormat(q.metric, true);
  const num = (v: number | null | undefined, f: string): WorkbookCell => (v === null || v === undefined || !Number.isFinite(v) ? null : { number: jsonNumber(v)!, format: f });
  const t = (s: string): WorkbookCell => ({ text: s });
  const rows = sensitivityLines(r).map((l) => [
    num(l.rank, XLSX_FORMATS.year),
    t(l.parameter.path),
    t(l.parameter.from),
    num(l.parameter.low, 'General'),
    num(l.parameter.high, 'General'),
    num(l.parameter.central, 'General'),
    t(q.metric),
    num(q.year, XLSX_FORMATS.year),
    t(q.area.code),
    num(r.central, fmt),
    num(l.atLow, fmt),
    num(l.atHigh, fmt),
    num(l.swing, fmt),
    num(l.share, XLSX_FORMATS.share),
    l.switchesAt === undefined ? null : l.switchesAt === null ? t('none') : num(l.switchesAt, 'General'),
  ]);
  if (r.spread) rows.push([null, t('remainder'), null, null, null, null, t(q.metric), num(q.year, XLSX_FORMATS.year), t(q.area.code), num(r.central, fmt), null, null, null, num(r.spread.remainder, XLSX_FORMATS.share), null]);
  return { name: 'sensitivity', header: CSV_HEADER, rows };
}
