// `sufficiency report`: one self-contained HTML file (SPEC.md section 7). No script, no font, no
// image or style sheet from elsewhere: every chart is inline SVG and the style sheet is inline, so
// the file opens offline, requests nothing, and prints on A4 (print rules below: page breaks before
// each part, charts never split, table headers repeated on each page).
//
// Order, as a board reads it: the headline answers (Wales, then each area), then one section per
// question with a chart per metric over the years and the table behind it (S and B side by side with
// --compare, and their paired difference), then the assumptions log, the data's estimated figures,
// and how the model works in a page.
import { DISPLAY, type MetricKind } from '../../cli/render/metrics.js';
import { label, metricLabel, type Lang, type LabelKey } from '../../i18n/labels.js';
import type { AreaLevel, MetricName } from '../../model/types.js';
import { financialYear } from '../output.js';
import { barChartSvg, lineChartSvg, type ChartPoint } from './charts.js';
import type { DataEstimates } from './estimates.js';
import type { Cell, Fig, FigureRow } from './figures.js';
import { ACT_DATES, actDatesNote } from './act-dates.js';
import { assumptionsSection } from './assumptions.js';
import { ruleSentences, type ModelRules } from './method.js';
import { STYLE } from './style.js';
import { longDate } from '../../i18n/dates.js';

export interface ReportScenario {
  name: string;
  title: string;
  assumptions: ReadonlyArray<{ id: string; text: string; source?: string; owner?: string }>;
  parameters: ReadonlyArray<{ path: string; value: unknown; source: string | null }>;
  /** The rules its resolved scenario runs under, for the page on how the model works. */
  rules: ModelRules;
}

export interface ReportArea {
  level: AreaLevel;
  code: string;
  /** In the report's language. */
  name: string;
}

/** What the headline table shows for an area. */
export interface Headline {
  sufficiency_foster: Cell;
  sufficiency_residential: Cell;
  placed_outside_wales: Cell;
  unplaced: Cell;
  /** Total over the years shown, run by run. */
  displaced_total: Cell;
  not_local_nonprofit: Cell;
  cost_gbp: Cell;
}

export interface ReportInput {
  lang: Lang;
  version: string;
  /** The dataset as the report names it (its package name and version), never a machine's path. */
  dataLabel: string;
  scenario: ReportScenario;
  compare: ReportScenario | null;
  runs: number;
  seed: number;
  /** --prices: money in constant prices of this financial year; null = cash. */
  prices: number | null;
  baseYear: number;
  years: { from: number; to: number };
  /** Wales first, then the areas of the level asked for. */
  areas: readonly ReportArea[];
  rows: readonly FigureRow[];
  headlines: ReadonlyMap<string, Headline>;
  estimates: DataEstimates;
  /** LA code → name in the report's language. */
  laNames: ReadonlyMap<string, string>;
}

interface Question {
  key: 'enough' | 'close' | 'outside' | 'unplaced' | 'displaced' | 'notLocal' | 'cost';
  metrics: readonly MetricName[];
}

/** The questions a board asks, each with the metrics that answer it. */
export const QUESTIONS: readonly Question[] = [
  { key: 'enough', metrics: ['sufficiency_foster', 'sufficiency_residential', 'usable_places_foster', 'usable_places_residential'] },
  { key: 'close', metrics: ['mean_distance_km', 'p90_distance_km', 'placed_in_own_la_share', 'placed_in_region_share'] },
  { key: 'outside', metrics: ['placed_outside_wales'] },
  { key: 'unplaced', metrics: ['unplaced'] },
  { key: 'displaced', metrics: ['displaced'] },
  { key: 'notLocal', metrics: ['not_local_nonprofit'] },
  { key: 'cost', metrics: ['cost_gbp'] },
];

// ---------------------------------------------------------------------------------------------
// Numbers

interface Unit {
  key: LabelKey;
  /** The unit as an axis title writes it, short enough to stand beside a small panel. */
  axisKey: LabelKey;
  /** From the model's unit to the one shown. */
  scale: number;
  /** d3-format for chart axes. */
  axis: string;
}

const PLACE_METRICS: ReadonlySet<MetricName> = new Set(['places_foster', 'places_residential', 'places_secure', 'usable_places_foster', 'usable_places_residential', 'usable_places_secure']);

export function unitOf(m: MetricName): Unit {
  const kind = DISPLAY[m].kind;
  switch (kind) {
    case 'count':
      return PLACE_METRICS.has(m) ? { key: 'unit.places', axisKey: 'axis.places', scale: 1, axis: ',.0f' } : { key: 'unit.children', axisKey: 'axis.children', scale: 1, axis: ',.0f' };
    case 'share':
      return { key: m === 'places_for_profit_share' ? 'unit.share_places' : 'unit.share', axisKey: 'axis.share', scale: 100, axis: '.0f' };
    case 'ratio':
      return { key: 'unit.ratio', axisKey: 'axis.ratio', scale: 1, axis: '.2f' };
    case 'km':
      return { key: 'unit.km', axisKey: 'axis.km', scale: 1, axis: ',.0f' };
    case 'gbp':
      return { key: 'unit.gbp', axisKey: 'axis.gbp', scale: 1e-6, axis: ',.0f' };
  }
}

const DIGITS: Record<MetricKind, number> = { count: 0, share: 0, ratio: 2, km: 1, gbp: 1 };

/** A figure in the unit shown: 1,234 · 45% · 1.07 · 12.3 · 347.5 (money in £ million). */
export function formatValue(v: number | null, kind: MetricKind, signed = false): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const scaled = kind === 'share' ? v * 100 : kind === 'gbp' ? v / 1e6 : v;
  const digits = DIGITS[kind];
  let rounded = Number(scaled.toFixed(digits));
  if (Object.is(rounded, -0)) rounded = 0;
  const body = Math.abs(rounded).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const sign = rounded < 0 ? '−' : signed && rounded > 0 ? '+' : '';
  return sign + body + (kind === 'share' ? '%' : '');
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A figure as a table cell's content: the value, and under it its p10–p90 range when there is one. */
function figHtml(f: Fig, kind: MetricKind, signed = false, badge = ''): string {
  const v = esc(formatValue(f.v, kind, signed)) + badge;
  if (f.lo === null || f.hi === null) return v;
  const lo = formatValue(f.lo, kind, signed);
  const hi = formatValue(f.hi, kind, signed);
  if (lo === hi) return v;
  return `${v}<span class="range">${esc(lo)} – ${esc(hi)}</span>`;
}

// ---------------------------------------------------------------------------------------------
// The document

export async function buildReport(r: ReportInput): Promise<string> {
  const t = (key: LabelKey, vars: Record<string, string | number> = {}): string => label(r.lang, key, vars);
  const names = { scenario: r.scenario.name, compare: r.compare?.name ?? '' };
  const title = t('report.title', { scenario: r.scenario.name });
  const parts: string[] = [];
  const compareNote = r.compare ? ` ${t('report.subtitle.compare', { compare: r.compare.name })}` : '';

  parts.push(`<header><h1>${esc(title)}${r.compare ? `<span class="sub">${esc(compareNote.trim())}</span>` : ''}</h1>`);
  const titles = [r.scenario, ...(r.compare ? [r.compare] : [])].filter((s) => s.title).map((s) => `<strong>${esc(s.name)}</strong>: ${esc(s.title)}`);
  if (titles.length > 0) parts.push(`<p class="titles">${titles.join('<br>')}</p>`);
  parts.push(`<p class="lede">${esc(t('report.lede', { baseYear: r.baseYear }))}</p>`);
  const how = r.runs > 1 ? t('report.mc', { runs: r.runs.toLocaleString('en-GB'), seed: r.seed }) + (r.compare ? ' ' + t('report.mc.compare') : '') : t('report.deterministic');
  parts.push(`<p class="meta">${esc(t('report.made', { version: r.version, data: r.dataLabel }))} ${esc(how)}</p>`);
  parts.push('</header>');

  const sections: Array<{ id: string; heading: string }> = [
    { id: 'headline', heading: t('report.headline') },
    ...QUESTIONS.map((q) => ({ id: `q-${q.key}`, heading: t(`report.q.${q.key}`) })),
    { id: 'assumptions', heading: t('report.assumptions') },
    { id: 'estimates', heading: t('report.estimates') },
    { id: 'method', heading: t('report.method') },
  ];
  parts.push(`<nav aria-label="${esc(t('report.contents'))}"><h2 class="toc">${esc(t('report.contents'))}</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${esc(s.heading)}</a></li>`).join('')}</ol></nav>`);

  parts.push(headlineSection(r, t));
  let chartNo = 0;
  for (const q of QUESTIONS) {
    const body: string[] = [
      `<section id="q-${q.key}" class="question"><h2>${esc(t(`report.q.${q.key}`))}</h2>`,
      `<p>${esc(t(`report.q.${q.key}.intro`))}${q.key === 'cost' ? ` ${esc(r.prices === null ? t('report.prices.cash') : t('report.prices.constant', { year: financialYear(r.prices) }))}` : ''}</p>`,
      `<p class="note marks">${esc(actDatesNote(r.lang))}</p>`,
    ];
    for (const m of q.metrics) body.push(await metricBlock(r, m, `c${++chartNo}`, t, names));
    body.push('</section>');
    parts.push(body.join('\n'));
  }
  parts.push(assumptionsSection(r.lang, [r.scenario, ...(r.compare ? [r.compare] : [])]));
  parts.push(estimatesSection(r, t));
  parts.push(methodSection(r, t));
  parts.push(`<footer><p>${esc(t('report.footer', { version: r.version, scenario: r.scenario.name, compare: compareNote, data: r.dataLabel }))}${r.runs > 1 ? ` ${esc(t('report.runs', { runs: r.runs }))}.` : ''}</p></footer>`);

  return (
    `<!DOCTYPE html>\n<html lang="${r.lang === 'cy' ? 'cy' : 'en-GB'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    // No script runs and nothing is fetched: the policy says so to the browser too.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="generator" content="sufficiency ${esc(r.version)}">\n<title>${esc(title + compareNote)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n` +
    parts.join('\n') +
    '\n</main>\n</body>\n</html>\n'
  );
}

type T = (key: LabelKey, vars?: Record<string, string | number>) => string;

function lastYearRow(r: ReportInput, area: ReportArea): FigureRow | undefined {
  return r.rows.find((row) => row.level === area.level && row.areaCode === area.code && row.year === r.years.to);
}

function headlineSection(r: ReportInput, t: T): string {
  const fy = (y: number) => financialYear(y);
  const flowFrom = Math.max(r.years.from, r.baseYear);
  const out: string[] = [`<section id="headline"><h2>${esc(t('report.headline'))}</h2>`];
  const wales = r.areas[0];
  const wRow = lastYearRow(r, wales);
  const wHead = r.headlines.get(`${wales.level}:${wales.code}`);
  if (wRow && wHead) {
    const n = (c: Cell, kind: MetricKind) => formatValue(c.s.v, kind);
    out.push(
      `<p class="answer">${esc(
        t('report.sentence.wales', {
          year: fy(r.years.to),
          scenario: r.scenario.name,
          foster: n(wHead.sufficiency_foster, 'ratio'),
          residential: n(wHead.sufficiency_residential, 'ratio'),
          outside: n(wHead.placed_outside_wales, 'count'),
          unplaced: n(wHead.unplaced, 'count'),
          displaced: n(wHead.displaced_total, 'count'),
          from: fy(flowFrom),
        }),
      )}</p>`,
    );
    if (r.compare) {
      const part = (c: Cell, what: LabelKey): string => {
        const d = c.d?.v ?? null;
        if (d === null) return '';
        const k = Math.round(d);
        if (k === 0) return t('report.sentence.same', { what: t(what) });
        return t(k > 0 ? 'report.sentence.more' : 'report.sentence.fewer', { n: Math.abs(k).toLocaleString('en-GB'), what: t(what) });
      };
      const parts = [part(wHead.placed_outside_wales, 'report.what.outside'), part(wHead.unplaced, 'report.what.unplaced'), part(wHead.displaced_total, 'report.what.displaced')].filter((p) => p !== '');
      if (parts.length > 0) out.push(`<p class="answer">${esc(t('report.sentence.compare', { compare: r.compare.name, parts: parts.join('; ') }))}</p>`);
    }
  }
  const asAt = wRow?.asAt ?? '';
  out.push(`<p>${esc(t('report.headline.intro', { asAt: longDate(asAt, r.lang), year: fy(r.years.to), from: fy(flowFrom), to: fy(r.years.to) }))}</p>`);

  const cols: Array<{ head: string; key: keyof Headline; kind: MetricKind; enough?: boolean }> = [
    { head: t('report.headline.enough.foster'), key: 'sufficiency_foster', kind: 'ratio', enough: true },
    { head: t('report.headline.enough.residential'), key: 'sufficiency_residential', kind: 'ratio', enough: true },
    { head: t('report.headline.outside'), key: 'placed_outside_wales', kind: 'count' },
    { head: t('report.headline.unplaced'), key: 'unplaced', kind: 'count' },
    { head: t('report.headline.displacedTotal', { from: fy(flowFrom), to: fy(r.years.to) }), key: 'displaced_total', kind: 'count' },
    { head: t('report.headline.notLocal'), key: 'not_local_nonprofit', kind: 'count' },
    { head: t('report.headline.costLast', { year: fy(r.years.to) }), key: 'cost_gbp', kind: 'gbp' },
  ];
  const scenarioCol = r.compare !== null;
  out.push('<div class="scroll"><table class="headline">');
  out.push(
    `<thead><tr><th scope="col">${esc(t('report.headline.area'))}</th>${scenarioCol ? '<th scope="col"></th>' : ''}${cols.map((c) => `<th scope="col">${esc(c.head)}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const area of r.areas) {
    const h = r.headlines.get(`${area.level}:${area.code}`);
    if (!h) continue;
    const cellHtml = (f: Fig, c: (typeof cols)[number], signed = false): string => {
      if (!c.enough || signed || f.v === null) return figHtml(f, c.kind, signed);
      const yes = Number(f.v.toFixed(2)) >= 1;
      return figHtml(f, c.kind, signed, ` <span class="${yes ? 'yes' : 'no'}">${esc(t(yes ? 'report.headline.yes' : 'report.headline.no'))}</span>`);
    };
    const cls = area.level === 'wales' ? ' class="nation"' : '';
    if (!scenarioCol) {
      out.push(`<tr${cls}><th scope="row">${esc(area.name)}</th>${cols.map((c) => `<td>${cellHtml(h[c.key].s, c)}</td>`).join('')}</tr>`);
      continue;
    }
    out.push(`<tr${cls}><th scope="row" rowspan="3">${esc(area.name)}</th><td class="series s">${esc(r.scenario.name)}</td>${cols.map((c) => `<td>${cellHtml(h[c.key].s, c)}</td>`).join('')}</tr>`);
    out.push(`<tr class="b"><td class="series b">${esc(r.compare!.name)}</td>${cols.map((c) => `<td>${cellHtml(h[c.key].b ?? EMPTY, c)}</td>`).join('')}</tr>`);
    out.push(`<tr class="diff"><td class="series">${esc(t('report.table.difference'))}</td>${cols.map((c) => `<td>${cellHtml(h[c.key].d ?? EMPTY, c, true)}</td>`).join('')}</tr>`);
  }
  out.push('</tbody></table></div>');
  out.push(`<p class="note">${esc(t('report.headline.ratioNote'))} ${esc(t('report.headline.dash'))}</p>`);
  out.push('</section>');
  return out.join('\n');
}

const EMPTY: Fig = { v: null, lo: null, hi: null };

/** Whether a unit already stands in a metric's name ("… per child needing one" beside its unit). */
const unitInName = (name: string, unit: string): boolean => name.toLowerCase().includes(unit.toLowerCase());

/** A chart's subtitle: its unit, unless the title already says it. */
const subtitle = (name: string, unit: string): string => (unitInName(name, unit) ? '' : `<span class="unit">${esc(unit)}</span>`);

async function metricBlock(r: ReportInput, m: MetricName, id: string, t: T, names: { scenario: string; compare: string }): Promise<string> {
  const name = metricLabel(r.lang, m);
  const unit = unitOf(m);
  const unitText = t(unit.key);
  const kind = DISPLAY[m].kind;
  const rows = r.rows.filter((row) => row.cells[m].s.v !== null);
  if (rows.length === 0) return `<p class="unavailable" id="${id}">${esc(t('report.unavailable', { metric: name }))}</p>`;

  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  const span = { from: years[0], to: years[years.length - 1] };
  const panels = r.areas.map((a) => a.name);
  const areaOf = new Map(r.areas.map((a) => [`${a.level}:${a.code}`, a.name]));
  const series = [names.scenario, ...(r.compare ? [names.compare] : [])];
  const band = r.runs > 1;
  const scaled = (v: number | null): number | null => (v === null ? null : v * unit.scale);
  const points: ChartPoint[] = [];
  const diffPoints: ChartPoint[] = [];
  for (const row of rows) {
    const panel = areaOf.get(`${row.level}:${row.areaCode}`);
    if (panel === undefined) continue;
    const c = row.cells[m];
    points.push({ panel, year: row.year, series: names.scenario, v: scaled(c.s.v), lo: scaled(c.s.lo), hi: scaled(c.s.hi) });
    if (c.b) points.push({ panel, year: row.year, series: names.compare, v: scaled(c.b.v), lo: scaled(c.b.lo), hi: scaled(c.b.hi) });
    if (c.d) diffPoints.push({ panel, year: row.year, series: 'd', v: scaled(c.d.v), lo: scaled(c.d.lo), hi: scaled(c.d.hi) });
  }

  const wales = r.areas[0];
  const walesRows = rows.filter((row) => row.level === wales.level && row.areaCode === wales.code);
  const first = walesRows[0];
  const last = walesRows[walesRows.length - 1];
  const fy = financialYear;
  const summary = !first || !last
    ? ''
    : r.compare
      ? t('report.chart.summary.compare', { area: wales.name, to: fy(last.year), scenario: names.scenario, compare: names.compare, a: formatValue(last.cells[m].s.v, kind), b: formatValue(last.cells[m].b?.v ?? null, kind) })
      : t('report.chart.summary', { area: wales.name, first: formatValue(first.cells[m].s.v, kind), from: fy(first.year), last: formatValue(last.cells[m].s.v, kind), to: fy(last.year) });
  const seriesText = (r.compare ? t('report.chart.series.two', names) : t('report.chart.series.one', names)) + (band ? ' ' + t('report.chart.series.band') : '');
  const areasText = panels.join(', ');
  const marksText = actDatesNote(r.lang);
  const desc = `${t('report.chart.desc', { kind: t('report.chart.kind.line'), metric: name, unit: unitText, from: fy(span.from), to: fy(span.to), areas: areasText, series: seriesText, summary })} ${marksText}`;
  const marks = ACT_DATES.map((d) => d.year);
  const chartTitle = r.compare ? `${name}: ${names.scenario} / ${names.compare}` : `${name}: ${names.scenario}`;
  const svg = await lineChartSvg({
    id,
    title: chartTitle,
    desc,
    panels,
    series,
    points,
    xTitle: t('report.chart.axis.year'),
    yTitle: t(unit.axisKey),
    yFormat: unit.axis,
    band,
    reference: m.startsWith('sufficiency_') ? { y: 1, label: t('report.chart.referenceLine') } : undefined,
    years: span,
    marks,
  });
  const out: string[] = [`<div class="metric" id="${id}">`, `<figure><figcaption><h3>${esc(name)}</h3>${subtitle(name, unitText)}</figcaption>${svg}</figure>`];

  if (r.compare) {
    const dTitle = t('report.chart.difference', names);
    const lastD = last?.cells[m].d ?? null;
    const dDesc = t('report.chart.difference.desc', {
      metric: name,
      unit: unitText,
      scenario: names.scenario,
      compare: names.compare,
      from: fy(span.from),
      to: fy(span.to),
      areas: areasText,
      band: band ? t('report.chart.difference.band') : '',
      area: wales.name,
      last: lastD ? formatValue(lastD.v, kind, true) : '–',
    });
    const dSvg = await barChartSvg({ id: `${id}d`, title: `${name}: ${dTitle}`, desc: `${dDesc} ${marksText}`, marks, panels, points: diffPoints, xTitle: t('report.chart.axis.year'), yTitle: t('report.chart.axis.difference', { unit: t(unit.axisKey) }), yFormat: unit.axis, band, years: span });
    out.push(`<figure class="difference"><figcaption><h4>${esc(dTitle)}</h4></figcaption>${dSvg}</figure>`);
  }
  out.push(metricTable(r, m, rows, years, t, names));
  out.push('</div>');
  return out.join('\n');
}

function metricTable(r: ReportInput, m: MetricName, rows: readonly FigureRow[], years: readonly number[], t: T, names: { scenario: string; compare: string }): string {
  const kind = DISPLAY[m].kind;
  const unitText = t(unitOf(m).key);
  const byKey = new Map(rows.map((row) => [`${row.level}:${row.areaCode}:${row.year}`, row]));
  const cell = (area: ReportArea, year: number, pick: (c: Cell) => Fig | null, signed = false): string => {
    const row = byKey.get(`${area.level}:${area.code}:${year}`);
    const f = row ? pick(row.cells[m]) : null;
    return `<td>${f ? figHtml(f, kind, signed) : '–'}</td>`;
  };
  const name = metricLabel(r.lang, m);
  const caption = unitInName(name, unitText) ? t('report.table.caption.noUnit', { metric: name }) : t('report.table.caption', { metric: name, unit: unitText });
  const out: string[] = [`<div class="scroll"><table class="figures"><caption>${esc(caption)}</caption>`];
  out.push(`<thead><tr><th scope="col">${esc(t('report.table.year'))}</th>${r.compare ? '<th scope="col"></th>' : ''}${r.areas.map((a) => `<th scope="col">${esc(a.name)}</th>`).join('')}</tr></thead><tbody>`);
  for (const y of years) {
    const yearHead = `${financialYear(y)}${y === r.baseYear - 1 ? `<span class="range">${esc(t('report.table.base'))}</span>` : ''}`;
    if (!r.compare) {
      out.push(`<tr><th scope="row">${yearHead}</th>${r.areas.map((a) => cell(a, y, (c) => c.s)).join('')}</tr>`);
      continue;
    }
    out.push(`<tr class="s"><th scope="row" rowspan="3">${yearHead}</th><td class="series s">${esc(names.scenario)}</td>${r.areas.map((a) => cell(a, y, (c) => c.s)).join('')}</tr>`);
    out.push(`<tr class="b"><td class="series b">${esc(names.compare)}</td>${r.areas.map((a) => cell(a, y, (c) => c.b)).join('')}</tr>`);
    out.push(`<tr class="diff"><td class="series">${esc(t('report.table.difference'))}</td>${r.areas.map((a) => cell(a, y, (c) => c.d, true)).join('')}</tr>`);
  }
  out.push('</tbody></table></div>');
  return out.join('\n');
}

/**
 * How the model works: the general paragraphs, then the rules each scenario shown runs under,
 * written from its resolved scenario (method.ts), so that the page describes the run it shows.
 */
function methodSection(r: ReportInput, t: T): string {
  const para = (k: LabelKey): string => `<p>${esc(t(k))}</p>`;
  const rulesOf = (s: ReportScenario): string => {
    const { heading, sentences } = ruleSentences(s.rules, r.lang);
    return `<h3>${esc(heading)}: ${esc(s.name)}</h3><ul class="rules">${sentences.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  };
  const same = r.compare !== null && JSON.stringify(r.compare.rules) === JSON.stringify(r.scenario.rules);
  const shown = [r.scenario, ...(r.compare && !same ? [r.compare] : [])];
  return (
    `<section id="method" class="method"><h2>${esc(t('report.method'))}</h2>` +
    [para('method.p1'), para('method.p2'), ...shown.map(rulesOf), para('method.p4'), para('method.p5'), para('method.p6')].join('\n') +
    `<p class="pointer">${esc(t('report.method.pointer'))}</p></section>`
  );
}

function estimatesSection(r: ReportInput, t: T): string {
  const out: string[] = [`<section id="estimates"><h2>${esc(t('report.estimates'))}</h2>`];
  const e = r.estimates;
  if (e.resources.length === 0) {
    out.push(`<p>${esc(t('report.estimates.noStatus'))}</p></section>`);
    return out.join('\n');
  }
  out.push(`<p>${esc(t('report.estimates.intro'))}</p>`);
  out.push(
    `<table class="text narrow"><thead><tr><th scope="col">${esc(t('report.estimates.resource'))}</th><th scope="col">${esc(t('report.estimates.rows'))}</th><th scope="col">${esc(t('report.estimates.estimated'))}</th></tr></thead><tbody>` +
      e.resources.map((x) => `<tr><td><code>${esc(x.resource)}</code></td><td class="num">${x.rows.toLocaleString('en-GB')}</td><td class="num">${x.estimated.toLocaleString('en-GB')}</td></tr>`).join('') +
      '</tbody></table>',
  );
  out.push(`<h3>${esc(t('report.estimates.base'))} (${esc(longDate(`${r.baseYear}-03-31`, r.lang))})</h3>`);
  if (e.base.length === 0) out.push(`<p>${esc(t('report.estimates.none'))}</p>`);
  else {
    out.push(
      `<table class="text narrow"><thead><tr><th scope="col">${esc(t('report.estimates.la'))}</th><th scope="col">${esc(t('report.estimates.children'))}</th><th scope="col">${esc(t('report.estimates.source'))}</th></tr></thead><tbody>` +
        e.base.map((b) => `<tr><td>${esc(r.laNames.get(b.laCode) ?? b.laCode)} <span class="code">${esc(b.laCode)}</span></td><td class="num">${b.children.toLocaleString('en-GB')}</td><td>${esc(b.source)}</td></tr>`).join('') +
        '</tbody></table>',
    );
  }
  out.push('</section>');
  return out.join('\n');
}
