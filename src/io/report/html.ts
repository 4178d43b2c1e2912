// `sufficiency report`: one self-contained HTML file (docs/model.md §7). No script, no font, no
// image or style sheet from elsewhere: every chart is inline SVG and the style sheet is inline, so
// the file opens offline, requests nothing, and prints on A4 (print rules below: page breaks before
// each part, charts never split, table headers repeated on each page).
//
// Order, as a board reads it: the headline answers (Wales, then each area), then one section per
// question with a chart per metric over the years and the table behind it (S and B side by side with
// --compare, and their paired difference), then the assumptions log, the data's estimated figures,
// and how the model works in a page.
import { REPORT_QUESTIONS, answering, kindOf, type MetricKind, type ReportQuestion } from '../../model/metrics/catalogue.js';
import { label, type Lang, type LabelKey } from '../../i18n/labels.js';
import type { AreaLevel, CostRow, MetricName } from '../../model/types.js';
import { financialYear } from '../output.js';
import type { DataEstimates } from './estimates.js';
import { pricesSection } from './prices.js';
import type { Cell, Fig, FigureRow } from './figures.js';
import { differingParametersHtml } from './differ.js';
import { actDatesNote } from './act-dates.js';
import { assumptionsSection } from './assumptions.js';
import { ruleSentences, type ModelRules } from './method.js';
import { STYLE } from './style.js';
import { EMPTY, esc, figHtml, formatValue } from './format.js';
import { metricBlock } from './metric-block.js';

export { formatValue, unitOf } from './format.js';
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
  /** What the figures are, in words (src/cli/runs.ts runsNote): the mean of how many runs, one draw, or one fixed run. */
  figures: string;
  /** --prices: money in constant prices of this financial year; null = cash. */
  prices: number | null;
  baseYear: number;
  years: { from: number; to: number };
  /** Wales first, then the areas of the level asked for. */
  areas: readonly ReportArea[];
  rows: readonly FigureRow[];
  headlines: ReadonlyMap<string, Headline>;
  estimates: DataEstimates;
  /** The data's weekly prices, for the prices table (src/io/report/prices.ts); absent or null: the data has none. */
  costs?: readonly CostRow[] | null;
  /** LA code → name in the report's language. */
  laNames: ReadonlyMap<string, string>;
  /** Which assumption matters (src/io/report/tornado.ts), when the scenario has uncertain parameters. */
  sensitivity?: { heading: string; html: string } | null;
}

interface Question {
  key: ReportQuestion;
  /** The metrics that answer it: those the metric catalogue marks with its key. */
  metrics: readonly MetricName[];
  /** Metrics of one unit drawn in one chart, with its title and each metric's short name in the legend. */
  groups?: ReadonlyArray<{ metrics: readonly MetricName[]; title: LabelKey; short: readonly LabelKey[] }>;
}

/** The questions a board asks, in the report's order, and how the close-to-home one draws its metrics. */
export const QUESTIONS: readonly Question[] = REPORT_QUESTIONS.map((key) => ({
  key,
  metrics: answering(key),
  ...(key === 'close'
    ? {
        groups: [
          { metrics: ['mean_distance_km', 'p90_distance_km'], title: 'report.group.distance', short: ['report.group.distance.mean', 'report.group.distance.p90'] },
          { metrics: ['placed_in_own_la_share', 'placed_in_region_share'], title: 'report.group.local', short: ['report.group.local.la', 'report.group.local.region'] },
        ],
      }
    : {}),
}));

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
  if (r.compare) parts.push(differingParametersHtml(r.scenario, r.compare, t));
  parts.push(`<p class="lede">${esc(t('report.lede', { baseYear: r.baseYear }))}</p>`);
  const how = r.runs > 1 ? `${r.figures} ${t('report.mc')}${r.compare ? ' ' + t('report.mc.compare') : ''}` : r.figures;
  parts.push(`<p class="meta">${esc(t('report.made', { version: r.version, data: r.dataLabel }))} ${esc(how)}</p>`);
  parts.push('</header>');

  const sections: Array<{ id: string; heading: string }> = [
    { id: 'headline', heading: t('report.headline') },
    ...QUESTIONS.map((q) => ({ id: `q-${q.key}`, heading: t(`report.q.${q.key}`) })),
    ...(r.sensitivity ? [{ id: 'sensitivity', heading: r.sensitivity.heading }] : []),
    { id: 'assumptions', heading: t('report.assumptions') },
    { id: 'estimates', heading: t('report.estimates') },
    { id: 'prices', heading: t('prices.title') },
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
    const blocks = q.groups ?? q.metrics.map((m) => ({ metrics: [m], title: undefined, short: [] }));
    for (const g of blocks) body.push(await metricBlock(r, g.metrics, `c${++chartNo}`, t, names, g.title === undefined ? undefined : { key: g.title, short: g.short }));
    body.push('</section>');
    parts.push(body.join('\n'));
  }
  if (r.sensitivity) parts.push(r.sensitivity.html);
  parts.push(assumptionsSection(r.lang, [r.scenario, ...(r.compare ? [r.compare] : [])]));
  parts.push(estimatesSection(r, t));
  parts.push(pricesSection(r.costs ?? null, r.lang));
  parts.push(methodSection(r, t));
  parts.push(`<footer><p>${esc(t('report.footer', { version: r.version, scenario: r.scenario.name, compare: compareNote, data: r.dataLabel }))}${` ${esc(r.figures)}`}</p></footer>`);

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

export type T = (key: LabelKey, vars?: Record<string, string | number>) => string;

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
          foster: n(wHead.sufficiency_foster, kindOf('sufficiency_foster')),
          residential: n(wHead.sufficiency_residential, kindOf('sufficiency_residential')),
          outside: n(wHead.placed_outside_wales, kindOf('placed_outside_wales')),
          unplaced: n(wHead.unplaced, kindOf('unplaced')),
          displaced: n(wHead.displaced_total, kindOf('displaced')),
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
    { head: t('report.headline.enough.foster'), key: 'sufficiency_foster', kind: kindOf('sufficiency_foster'), enough: true },
    { head: t('report.headline.enough.residential'), key: 'sufficiency_residential', kind: kindOf('sufficiency_residential'), enough: true },
    { head: t('report.headline.outside'), key: 'placed_outside_wales', kind: kindOf('placed_outside_wales') },
    { head: t('report.headline.unplaced'), key: 'unplaced', kind: kindOf('unplaced') },
    { head: t('report.headline.displacedTotal', { from: fy(flowFrom), to: fy(r.years.to) }), key: 'displaced_total', kind: kindOf('displaced') },
    { head: t('report.headline.notLocal'), key: 'not_local_nonprofit', kind: kindOf('not_local_nonprofit') },
    { head: t('report.headline.costLast', { year: fy(r.years.to) }), key: 'cost_gbp', kind: kindOf('cost_gbp') },
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


/**
 * How the model works: the general paragraphs, then the rules each scenario shown runs under,
 * written from its resolved scenario (method.ts), so that the page describes the run it shows.
 */
function methodSection(r: ReportInput, t: T): string {
  const para = (k: LabelKey): string => `<p>${esc(t(k))}</p>`;
  const rulesOf = (s: { rules: ModelRules; name: string }): string => {
    const { heading, sentences } = ruleSentences(s.rules, r.lang);
    return `<h3>${esc(heading)}: ${esc(s.name)}</h3><ul class="rules">${sentences.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  };
  // Two scenarios under the same rules share one list, named for both.
  const same = r.compare !== null && JSON.stringify(r.compare.rules) === JSON.stringify(r.scenario.rules);
  const shown = same ? [{ rules: r.scenario.rules, name: `${r.scenario.name}, ${r.compare!.name}` }] : [r.scenario, ...(r.compare ? [r.compare] : [])];
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
