// The report's charts: Vega-Lite specifications compiled to Vega and rendered to static SVG in Node,
// at report time, so that the HTML needs no script to show them. Vega-Lite is the grammar the field
// uses for statistical graphics (faceted small multiples, uncertainty bands, layered reference lines
// are a few lines each), and Vega renders SVG headless without the native `canvas` package (text is
// measured by estimate, which is all an SVG needs).
//
// Every chart is accessible: the SVG has role="img", a <title> and a <desc> (what the chart shows,
// in words, with its key figures), and Vega's own ARIA attributes are turned off so that a screen
// reader hears the one description. Series differ by colour (Okabe–Ito blue and orange, told apart
// by the common colour blindnesses and, dark against light, in greyscale) and also by line dash and
// point shape (one legend shows all three), so that nothing depends on colour alone. Every axis names its unit.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Okabe & Ito (2008), colour-blind safe: S dark blue, B orange (light in greyscale); a chart of two
 * metrics against two scenarios adds bluish green and vermilion. Dash and point shape differ too.
 */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00'] as const;
const SERIES_DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]];
const SERIES_SHAPES = ['circle', 'square', 'triangle-up', 'diamond'];
const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

export interface ChartPoint {
  panel: string;
  year: number;
  series: string;
  v: number | null;
  lo: number | null;
  hi: number | null;
}

export interface ChartText {
  /** Unique within the page: prefixes the SVG's ids. */
  id: string;
  title: string;
  desc: string;
}

export interface LineChartInput extends ChartText {
  panels: readonly string[];
  /** Series names in order: S first, then B. */
  series: readonly string[];
  points: readonly ChartPoint[];
  xTitle: string;
  yTitle: string;
  /** d3-format of the y axis labels (values already scaled to the unit). */
  yFormat: string;
  band: boolean;
  /** A dotted horizontal line (1.0 on a sufficiency ratio), with its meaning. */
  reference?: { y: number; label: string };
  years: { from: number; to: number };
  /** Financial years marked by a vertical dashed line (the Act's dates: docs/methodology.md, "The report"). */
  marks: readonly number[];
}

export interface BarChartInput extends ChartText {
  panels: readonly string[];
  points: readonly ChartPoint[];
  xTitle: string;
  yTitle: string;
  yFormat: string;
  band: boolean;
  years: { from: number; to: number };
  /** As on a line chart. */
  marks: readonly number[];
}

const CONFIG = {
  font: FONT,
  aria: false,
  background: 'white',
  view: { stroke: '#bbbbbb' },
  axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: 'normal', labelColor: '#222222', titleColor: '#222222', gridColor: '#e4e4e4' },
  header: { labelFontSize: 12, labelFontWeight: 'bold', labelColor: '#111111', labelFont: FONT },
  legend: { labelFontSize: 11, titleFontSize: 11, symbolStrokeWidth: 2, labelLimit: 320 },
} as const;

/** A year's tick label as a financial year: 2027 → 2027-28. */
const FY_LABEL = "format(datum.value, 'd') + '-' + slice(format(datum.value + 1, 'd'), 2)";

function xYear(title: string, years: { from: number; to: number }) {
  return {
    field: 'year',
    type: 'quantitative' as const,
    title,
    scale: { domain: [years.from, years.to], nice: false },
    axis: { labelExpr: FY_LABEL, tickMinStep: 1, tickCount: 4, labelFlush: true, labelOverlap: true, grid: false },
  };
}

/** A line per series over the years, one panel per area, with the p10–p90 band when there are runs. */
export async function lineChartSvg(c: LineChartInput): Promise<string> {
  const colour = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: [...c.series], range: SERIES_COLOURS.slice(0, c.series.length) }, legend: { orient: 'top' as const, direction: 'horizontal' as const } };
  const dash = { field: 'series', type: 'nominal' as const, scale: { domain: [...c.series], range: SERIES_DASHES.slice(0, c.series.length) } };
  const shape = { field: 'series', type: 'nominal' as const, scale: { domain: [...c.series], range: SERIES_SHAPES.slice(0, c.series.length) } };
  const x = xYear(c.xTitle, c.years);
  const y = { field: 'v', type: 'quantitative' as const, title: c.yTitle, axis: { format: c.yFormat, tickCount: 4 } };
  const layers: unknown[] = [];
  if (c.band) {
    layers.push({
      // Its own fill scale (same colours), out of the legend: the legend shows the lines' colour, dash and shape.
      mark: { type: 'area', opacity: 0.22 },
      encoding: {
        x,
        y: { field: 'lo', type: 'quantitative', title: c.yTitle, axis: { format: c.yFormat, tickCount: 4 } },
        y2: { field: 'hi' },
        fill: { field: 'series', type: 'nominal', scale: { domain: [...c.series], range: SERIES_COLOURS.slice(0, c.series.length) }, legend: null },
      },
    });
  }
  layers.push(...markLayers(c));
  if (c.reference) {
    layers.push({ mark: { type: 'rule', strokeDash: [2, 3], color: '#333333', strokeWidth: 1.2 }, encoding: { y: { datum: c.reference.y } } });
  }
  layers.push({
    mark: { type: 'line', point: { filled: true, size: 22 }, strokeWidth: 2 },
    encoding: { x, y, color: colour, strokeDash: dash, shape },
  });
  return render(facetted(c, layers, 105), c);
}

/** Bars of the difference S − B per year, one panel per area, with p10–p90 whiskers when there are runs. */
export async function barChartSvg(c: BarChartInput): Promise<string> {
  const x = xYear(c.xTitle, c.years);
  const y = { field: 'v', type: 'quantitative' as const, title: c.yTitle, axis: { format: c.yFormat, tickCount: 4 } };
  const layers: unknown[] = [
    ...markLayers(c),
    { mark: { type: 'rule', color: '#666666' }, encoding: { y: { datum: 0 } } },
    { mark: { type: 'bar', color: '#0072B2', width: 5 }, encoding: { x, y } },
  ];
  if (c.band) {
    layers.push({ mark: { type: 'rule', color: '#111111', strokeWidth: 1 }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } });
  }
  return render(facetted(c, layers, 100), c);
}

/**
 * A vertical dashed line at each marked financial year inside the years shown, drawn first so that
 * the data lie over it. The year is the first whose figures the date governs (1 April 2026 opens
 * 2026-27), as the axis labels each point by its financial year.
 */
function markLayers(c: { marks: readonly number[]; years: { from: number; to: number } }): unknown[] {
  const inside = c.marks.filter((y) => y >= c.years.from && y <= c.years.to);
  // One row per panel under each line: otherwise the rule is drawn once per data point.
  return inside.map((year) => ({ transform: [{ aggregate: [{ op: 'count', as: 'n' }], groupby: ['panel'] }], mark: { type: 'rule', color: '#7b3294', strokeDash: [5, 3], strokeWidth: 1.2, opacity: 0.8 }, encoding: { x: { datum: year, type: 'quantitative', scale: { domain: [c.years.from, c.years.to], nice: false, zero: false } } } }));
}

/** The layers as small multiples, one panel per area (four to a row), each with its own y scale. */
function facetted(c: LineChartInput | BarChartInput, layers: unknown[], height: number): TopLevelSpec {
  const spec = {
    data: { values: c.points.filter((p) => p.v !== null) },
    facet: { field: 'panel', type: 'nominal', sort: [...c.panels], title: null },
    columns: Math.min(4, c.panels.length),
    spec: { width: 170, height, layer: layers },
    resolve: { scale: { y: 'independent' } },
    config: CONFIG,
  };
  return spec as unknown as TopLevelSpec;
}

/** A Vega-Lite spec as an accessible static SVG (also the tornado's, src/io/report/tornado.ts). */
export async function render(spec: TopLevelSpec, text: ChartText): Promise<string> {
  // The libraries' own warnings would go to the console: the report reports nothing on its own.
  const quiet = vega.logger(vega.None);
  const compiled = compile(spec, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: quiet });
  const svg = await view.toSVG();
  view.finalize();
  return accessibleSvg(svg, text);
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The SVG with role="img", a <title> and a <desc> as its first children (named by aria-labelledby
 * and aria-describedby), ids made unique within the page (several charts share one document), and
 * fixed width and height dropped so that it scales to the page and to print.
 */
export function accessibleSvg(svg: string, text: ChartText): string {
  const p = `${text.id}-`;
  const body = withoutInnerAria(svg)
    .replace(/\sid="([^"]+)"/g, (_w, id: string) => ` id="${p}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_w, id: string) => `url(#${p}${id})`)
    .replace(/href="#([^"]+)"/g, (_w, id: string) => `href="#${p}${id}"`);
  const open = /^<svg\b[^>]*>/.exec(body);
  if (!open) throw new Error('the chart library returned no SVG element');
  const attrs = open[0]
    .replace(/\swidth="([\d.]+)"/, (_w, wd: string) => ` style="width:100%;max-width:${wd}px;height:auto"`)
    .replace(/\sheight="([\d.]+)"/, '')
    .replace(/\sclass="[^"]*"/, '')
    .replace(/>$/, ` class="chart" role="img" aria-labelledby="${p}title" aria-describedby="${p}desc" focusable="false">`);
  return attrs + `<title id="${p}title">${escapeXml(text.title)}</title><desc id="${p}desc">${escapeXml(text.desc)}</desc>` + body.slice(open[0].length);
}

/**
 * The SVG without the ARIA attributes the chart library writes on its inner marks: a facet header
 * comes out as aria-label="Title text 'Cymru'" in English whatever the report's language. The
 * image's own <title> and <desc> (in the report's language) are its text alternative; inside
 * role="img" nothing else is read, so nothing else is written.
 */
export function withoutInnerAria(svg: string): string {
  return svg.replace(/\s(?:aria-label|aria-roledescription|aria-hidden)="[^"]*"/g, '').replace(/\srole="graphics-[a-z]+"/g, '');
}
