// One block of a question in the report: a line chart over the years (one metric, or two metrics of
// one unit drawn together, such as mean and 90th-percentile distance), with --compare a bar chart of
// the difference per metric, and the table behind each metric (docs/methodology.md, "The report:
// distance and staying local").
import { METRIC_KINDS } from '../../model/metric-kinds.js';
import { metricLabel, type LabelKey } from '../../i18n/labels.js';
import type { MetricName } from '../../model/types.js';
import { financialYear } from '../output.js';
import { ACT_DATES, actDatesNote } from './act-dates.js';
import { barChartSvg, lineChartSvg, type ChartPoint } from './charts.js';
import type { Cell, Fig, FigureRow } from './figures.js';
import { esc, figHtml, formatValue, unitOf } from './format.js';
import type { ReportArea, ReportInput, T } from './html.js';

type Names = { scenario: string; compare: string };

/**
 * Whether a unit already stands in a metric's name: every word of the unit is a word of the name
 * ("usable places per child needing one" in "Usable foster places per child needing one").
 */
export function unitInName(name: string, unit: string): boolean {
  const words = (s: string): string[] => s.toLowerCase().split(/[\s,:;()]+/).filter((w) => w !== '');
  const inName = new Set(words(name));
  return words(unit).every((w) => inName.has(w));
}

/** A chart's subtitle: its unit, unless the title already says it. */
const subtitle = (name: string, unit: string): string => (unitInName(name, unit) ? '' : `<span class="unit">${esc(unit)}</span>`);

/**
 * A block for one metric, or for metrics of one unit drawn in one chart (`title` names them). The
 * chart's series are the scenarios for one metric; for several, each metric (and with --compare
 * each metric of each scenario), so that the legend says which line is which.
 */
export async function metricBlock(r: ReportInput, ms: readonly MetricName[], id: string, t: T, names: Names, title?: { key: LabelKey; short: readonly LabelKey[] }): Promise<string> {
  const shown = ms.filter((m) => r.rows.some((row) => row.cells[m].s.v !== null));
  const out: string[] = ms.filter((m) => !shown.includes(m)).map((m, i) => `<p class="unavailable" id="${id}u${i}">${esc(t('report.unavailable', { metric: metricLabel(r.lang, m) }))}</p>`);
  if (shown.length === 0) return out.join('\n');
  const group = shown.length > 1 && title !== undefined;
  const name = group ? t(title.key) : metricLabel(r.lang, shown[0]);
  const unit = unitOf(shown[0]);
  const unitText = t(unit.key);
  const rows = r.rows.filter((row) => shown.some((m) => row.cells[m].s.v !== null));
  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  const span = { from: years[0], to: years[years.length - 1] };
  const panels = r.areas.map((a) => a.name);
  const areaOf = new Map(r.areas.map((a) => [`${a.level}:${a.code}`, a.name]));
  const band = r.runs > 1;
  const scaled = (v: number | null): number | null => (v === null ? null : v * unit.scale);
  // A series per scenario for one metric; per metric (and scenario) for a group.
  const shortOf = (m: MetricName): string => (group ? t(title.short[ms.indexOf(m)]) : '');
  const seriesOf = (m: MetricName, scenario: string): string => (!group ? scenario : r.compare ? `${shortOf(m)}: ${scenario}` : shortOf(m));
  const series = shown.flatMap((m) => [seriesOf(m, names.scenario), ...(r.compare ? [seriesOf(m, names.compare)] : [])]);
  const points: ChartPoint[] = [];
  for (const row of rows) {
    const panel = areaOf.get(`${row.level}:${row.areaCode}`);
    if (panel === undefined) continue;
    for (const m of shown) {
      const c = row.cells[m];
      points.push({ panel, year: row.year, series: seriesOf(m, names.scenario), v: scaled(c.s.v), lo: scaled(c.s.lo), hi: scaled(c.s.hi) });
      if (c.b) points.push({ panel, year: row.year, series: seriesOf(m, names.compare), v: scaled(c.b.v), lo: scaled(c.b.lo), hi: scaled(c.b.hi) });
    }
  }

  const wales = r.areas[0];
  const walesRows = rows.filter((row) => row.level === wales.level && row.areaCode === wales.code);
  const first = walesRows[0];
  const last = walesRows[walesRows.length - 1];
  const fy = financialYear;
  const summaryOf = (m: MetricName): string => {
    const kind = METRIC_KINDS[m];
    const lead = group ? `${shortOf(m)}: ` : '';
    if (!first || !last) return '';
    return (
      lead +
      (r.compare
        ? t('report.chart.summary.compare', { area: wales.name, to: fy(last.year), scenario: names.scenario, compare: names.compare, a: formatValue(last.cells[m].s.v, kind), b: formatValue(last.cells[m].b?.v ?? null, kind) })
        : t('report.chart.summary', { area: wales.name, first: formatValue(first.cells[m].s.v, kind), from: fy(first.year), last: formatValue(last.cells[m].s.v, kind), to: fy(last.year) }))
    );
  };
  const seriesText = (group ? `${series.join('; ')}.` : r.compare ? t('report.chart.series.two', names) : t('report.chart.series.one', names)) + (band ? ' ' + t('report.chart.series.band') : '');
  const areasText = panels.join(', ');
  const marksText = actDatesNote(r.lang);
  const desc = `${t('report.chart.desc', { kind: t('report.chart.kind.line'), metric: name, unit: unitText, from: fy(span.from), to: fy(span.to), areas: areasText, series: seriesText, summary: shown.map(summaryOf).join(' ') })} ${marksText}`;
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
    reference: shown[0].startsWith('sufficiency_') ? { y: 1, label: t('report.chart.referenceLine') } : undefined,
    years: span,
    marks,
  });
  out.push(`<div class="metric" id="${id}">`, `<figure><figcaption><h3>${esc(name)}</h3>${subtitle(name, unitText)}</figcaption>${svg}</figure>`);
  for (const [i, m] of shown.entries()) {
    if (r.compare) out.push(await differenceFigure(r, m, `${id}d${i === 0 ? '' : i}`, t, names, { span, panels, rows, last, marks, marksText, named: group }));
    out.push(metricTable(r, m, rows.filter((row) => row.cells[m].s.v !== null), years, t, names));
  }
  out.push('</div>');
  return out.join('\n');
}

/** With --compare: bars of the paired difference S − B in one metric, per year and area. */
async function differenceFigure(
  r: ReportInput,
  m: MetricName,
  id: string,
  t: T,
  names: Names,
  c: { span: { from: number; to: number }; panels: string[]; rows: readonly FigureRow[]; last: FigureRow | undefined; marks: number[]; marksText: string; named: boolean },
): Promise<string> {
  const name = metricLabel(r.lang, m);
  const unit = unitOf(m);
  const kind = METRIC_KINDS[m];
  const areaOf = new Map(r.areas.map((a) => [`${a.level}:${a.code}`, a.name]));
  const scaled = (v: number | null): number | null => (v === null ? null : v * unit.scale);
  const points: ChartPoint[] = [];
  for (const row of c.rows) {
    const panel = areaOf.get(`${row.level}:${row.areaCode}`);
    const d = row.cells[m].d;
    if (panel !== undefined && d) points.push({ panel, year: row.year, series: 'd', v: scaled(d.v), lo: scaled(d.lo), hi: scaled(d.hi) });
  }
  const band = r.runs > 1;
  const dTitle = t('report.chart.difference', names);
  const lastD = c.last?.cells[m].d ?? null;
  const dDesc = t('report.chart.difference.desc', {
    metric: name,
    unit: t(unit.key),
    scenario: names.scenario,
    compare: names.compare,
    from: financialYear(c.span.from),
    to: financialYear(c.span.to),
    areas: c.panels.join(', '),
    band: band ? t('report.chart.difference.band') : '',
    area: r.areas[0].name,
    last: lastD ? formatValue(lastD.v, kind, true) : '–',
  });
  const svg = await barChartSvg({ id, title: `${name}: ${dTitle}`, desc: `${dDesc} ${c.marksText}`, marks: c.marks, panels: c.panels, points, xTitle: t('report.chart.axis.year'), yTitle: t('report.chart.axis.difference', { unit: t(unit.axisKey) }), yFormat: unit.axis, band, years: c.span });
  // Under a chart of one metric the heading need not repeat the metric; under a group it says which.
  return `<figure class="difference"><figcaption><h4>${esc(c.named ? `${name}: ${dTitle}` : dTitle)}</h4></figcaption>${svg}</figure>`;
}

export function metricTable(r: ReportInput, m: MetricName, rows: readonly FigureRow[], years: readonly number[], t: T, names: { scenario: string; compare: string }): string {
  const kind = METRIC_KINDS[m];
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

