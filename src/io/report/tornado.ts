// The report's tornado (docs/methodology.md, "Which assumption matters"): for each headline question
// (will there be enough usable places of each type in the last year), a chart of how far each
// uncertain parameter moves the answer between the low and high ends of its range, the others
// central; its text alternative and the table behind it; and the switching values. Rendered to
// static SVG by the same Vega-Lite path as the report's other charts (charts.ts).
import type { TopLevelSpec } from 'vega-lite';
import { render, SERIES_COLOURS } from './charts.js';
import type { TornadoBar } from '../../model/sensitivity/tornado.js';
import { label, type Lang } from '../../i18n/labels.js';

export interface TornadoPanel {
  /** Unique within the page. */
  id: string;
  /** The question's metric in words (`Usable children's home places per child needing one`). */
  metric: string;
  /** The metric with every parameter central. */
  central: number | null;
  bars: readonly TornadoBar[];
  /** The threshold's answer at central values and each parameter's switching value (null: none within its range). */
  switching: { question: string; centralAnswer: boolean; values: ReadonlyMap<string, number | null> };
}

export interface TornadoSectionInput {
  lang: Lang;
  /** The year looked at, as a financial year (2035-36). */
  year: string;
  seed: number;
  panels: readonly TornadoPanel[];
  /** A parameter's name in words. */
  name: (path: string) => string;
  /** A metric value as the report shows it. */
  format: (v: number | null) => string;
  /** A parameter's value as the report shows it. */
  value: (v: number) => string;
}

/** The most bars a chart shows; the table lists every parameter. */
const CHART_BARS = 10;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function tornadoSection(r: TornadoSectionInput): Promise<{ heading: string; html: string }> {
  const t = (k: Parameters<typeof label>[1], vars: Record<string, string | number> = {}): string => label(r.lang, k, vars);
  const heading = t('sens.report.heading');
  const out: string[] = [`<section id="sensitivity" class="question"><h2>${esc(heading)}</h2>`, `<p>${esc(t('sens.report.intro', { year: r.year, seed: r.seed }))}</p>`];
  for (const p of r.panels) out.push(await panelHtml(r, p, t));
  out.push('</section>');
  return { heading, html: out.join('\n') };
}

async function panelHtml(r: TornadoSectionInput, p: TornadoPanel, t: (k: Parameters<typeof label>[1], vars?: Record<string, string | number>) => string): Promise<string> {
  const shown = p.bars.slice(0, CHART_BARS).filter((b) => Number.isFinite(b.atLow) && Number.isFinite(b.atHigh));
  const low = t('sens.report.low');
  const high = t('sens.report.high');
  const names = shown.map((b) => `${shown.indexOf(b) + 1}. ${r.name(b.parameter.path)}`);
  const values = shown.flatMap((b, i) => [
    { parameter: names[i], end: low, from: p.central, to: b.atLow },
    { parameter: names[i], end: high, from: p.central, to: b.atHigh },
  ]);
  const spec = {
    data: { values },
    width: 360,
    height: { step: 18 },
    layer: [
      {
        mark: { type: 'bar', height: 12 },
        encoding: {
          y: { field: 'parameter', type: 'nominal', sort: names, title: null, axis: { labelLimit: 360, labelFontSize: 10 } },
          x: { field: 'from', type: 'quantitative', title: p.metric, scale: { zero: false } },
          x2: { field: 'to' },
          color: { field: 'end', type: 'nominal', title: null, scale: { domain: [low, high], range: [...SERIES_COLOURS] }, legend: { orient: 'top', direction: 'horizontal', labelLimit: 300 } },
        },
      },
      { mark: { type: 'rule', color: '#111111', strokeWidth: 1.2 }, encoding: { x: { datum: p.central } } },
    ],
    config: { font: 'Liberation Sans, Arial, Helvetica, sans-serif', aria: false, background: 'white', view: { stroke: '#bbbbbb' }, axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: 'normal' }, legend: { labelFontSize: 11 } },
  } as unknown as TopLevelSpec;
  const top = shown.slice(0, 3).map((b) => t('sens.report.descItem', { parameter: r.name(b.parameter.path), low: r.format(b.atLow), high: r.format(b.atHigh) }));
  const title = t('sens.report.chartTitle', { metric: p.metric, year: r.year });
  const desc = t('sens.report.desc', { metric: p.metric, year: r.year, central: r.format(p.central), count: p.bars.length, top: top.join('; ') || '–' });
  const svg = shown.length > 0 ? await render(spec, { id: p.id, title, desc }) : '';
  const out = [`<div class="tornado" id="${p.id}">`, `<figure><figcaption><h3>${esc(title)}</h3></figcaption>${svg}</figure>`];
  out.push(
    `<div class="scroll"><table class="figures"><caption>${esc(t('sens.report.caption', { metric: p.metric }))}</caption><thead><tr>` +
      ['#', t('sens.th.parameter'), t('sens.th.range'), t('sens.th.low'), t('sens.th.high'), t('sens.th.swing'), t('sens.th.switch')].map((h) => `<th scope="col">${esc(h)}</th>`).join('') +
      '</tr></thead><tbody>' +
      p.bars
        .map((b, i) => {
          const sv = p.switching.values.get(b.parameter.path);
          const cells = [r.value(b.parameter.low) + '–' + r.value(b.parameter.high), r.format(b.atLow), r.format(b.atHigh), r.format(b.swing), sv === null || sv === undefined ? t('sens.noSwitch') : r.value(sv)];
          return `<tr><td>${i + 1}</td><th scope="row">${esc(r.name(b.parameter.path))}</th>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
        })
        .join('') +
      '</tbody></table></div>',
  );
  const switches = p.bars.filter((b) => typeof p.switching.values.get(b.parameter.path) === 'number');
  const answer = t(p.switching.centralAnswer ? 'sens.yes' : 'sens.no');
  out.push(`<p>${esc(t('sens.switching', { question: p.switching.question, year: r.year, answer }))} ${esc(switches.length === 0 ? t('sens.allNoSwitch') : t('sens.report.switches', { list: switches.map((b) => `${r.name(b.parameter.path)}: ${r.value(p.switching.values.get(b.parameter.path) as number)}`).join('; ') }))}</p>`);
  out.push('</div>');
  return out.join('\n');
}
