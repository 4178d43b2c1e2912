// The terminal table of `project`: one block per area, years down the rows (a dozen years read more
// easily down than across), the metrics across with their units, then a sparkline per metric across
// the years. Plain text when colour is off; with colour, children without a place and a rise in
// children placed outside Wales stand out.
import type { ChalkInstance } from 'chalk';
import type { AreaLevel, AreaYearRow, MetricName } from '../../model/types.js';
import { headerIn, label, sparkLabelIn, type Lang } from '../../i18n/labels.js';
import { DISPLAY, KEY_METRICS, KEY_PRIORITY, KEY_WHEN_FILLED, displayRange, displayValue } from './metrics.js';
import { sparkline } from './sparkline.js';
import { wrap } from './wrap.js';
import { financialYear } from '../../io/output.js';

export const GAP = 2;
const YEAR_WIDTH = 7;

// The one definition lives with the file writers; the tables re-export it for their callers.
export { financialYear } from '../../io/output.js';

/** How the rows are split, after a comma or as a sentence: 'by regions', 'for Wales as a whole'. */
export const LEVEL_WORDS: Record<AreaLevel, string> = { wales: 'for Wales as a whole', region: 'one block per region', la: 'one block per local authority' };

/** The same for several levels: 'Wales as a whole, then one block per region'. */
export function levelsWords(levels: readonly AreaLevel[], lang: Lang = 'en'): string {
  if (levels.length === 1) return levelWords(levels[0], lang);
  if (lang !== 'en') return levels.map((l) => levelWords(l, lang)).join(', ');
  const part: Record<AreaLevel, string> = { wales: 'Wales as a whole', region: 'one block per region', la: 'one per local authority' };
  const words = levels.map((l, i) => (i > 0 && l === 'la' && levels[i - 1] !== 'region' ? 'one block per local authority' : part[l]));
  return `${words.slice(0, -1).join(', ')}, then ${words[words.length - 1]}`;
}

/** Which prices money is in, for a table's title: 'cash' or 'constant 2024-25 prices'. */
export function pricesWords(prices: number | null, lang: Lang = 'en'): string {
  return prices === null ? label(lang, 'table.cash') : label(lang, 'table.constantPrices', { year: financialYear(prices) });
}
const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Pads text to a width, right-aligned, counting visible characters. */
export const padLeft = (s: string, w: number): string => ' '.repeat(Math.max(0, w - [...s].length)) + s;
export const padRight = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - [...s].length));

/** The key metrics that fit in `width` columns, kept in column order, dropped by priority. */
export function fitKeyMetrics(
  width: number,
  columnWidth: (m: MetricName) => number,
  firstColumn = YEAR_WIDTH,
  key: readonly MetricName[] = KEY_METRICS,
): { shown: MetricName[]; hidden: MetricName[] } {
  let shown = [...key];
  const total = (ms: readonly MetricName[]): number => firstColumn + ms.reduce((s, m) => s + GAP + columnWidth(m), 0);
  const dropOrder = [...KEY_PRIORITY].reverse();
  while (total(shown) > width && shown.length > 1) {
    const drop = dropOrder.find((m) => shown.includes(m))!;
    shown = shown.filter((m) => m !== drop);
  }
  return { shown, hidden: key.filter((m) => !shown.includes(m)) };
}

/**
 * A cell of a metric column: the figure and, in a Monte Carlo table, its p10–p90 range written in
 * brackets beside it (null where the runs agree). The range's ends are aligned on the separator.
 */
export interface Cell {
  text: string;
  range: { lo: string; hi: string } | null;
}

/** Widths of a metric column: the figure (under the header), then the bracketed range if any row has one. */
export interface Column {
  valueW: number;
  loW: number;
  hiW: number;
  sep: string;
}

const len = (s: string): number => [...s].length;

export function layoutColumn(header: readonly string[], cells: readonly Cell[], sep: string): Column {
  const ranges = cells.flatMap((c) => (c.range ? [c.range] : []));
  return {
    valueW: Math.max(6, ...header.map(len), ...cells.map((c) => len(c.text))),
    loW: Math.max(0, ...ranges.map((r) => 1 + len(r.lo))),
    hiW: Math.max(0, ...ranges.map((r) => len(r.hi) + 1)),
    sep,
  };
}

/**
 * The metric columns of a table, each laid out once when first asked for, and which metrics are
 * shown: those asked for, else the key metrics that fit the width.
 */
export function metricColumns<R>(
  rows: readonly R[],
  cell: (row: R, m: MetricName) => Cell,
  sep: string,
  width: number,
  asked: readonly MetricName[] | null,
  lang: Lang = 'en',
): { column: (m: MetricName) => Column; shown: MetricName[]; hidden: MetricName[] } {
  const columns = new Map<MetricName, Column>();
  const column = (m: MetricName): Column => {
    let c = columns.get(m);
    if (c === undefined) columns.set(m, (c = layoutColumn(headerIn(lang, m), rows.map((r) => cell(r, m)), sep)));
    return c;
  };
  // The flows columns follow children looked after, where any row has them.
  const filled = KEY_WHEN_FILLED.filter((m) => rows.some((r) => cell(r, m).text !== '–'));
  const key = filled.length === 0 ? KEY_METRICS : [KEY_METRICS[0], ...filled, ...KEY_METRICS.slice(1)];
  const { shown, hidden } = asked !== null ? { shown: [...asked], hidden: [] as MetricName[] } : fitKeyMetrics(width, (m) => columnWidth(column(m)), YEAR_WIDTH, key);
  return { column, shown, hidden };
}

export const columnWidth = (c: Column): number => c.valueW + (c.loW > 0 ? 1 + c.loW + len(c.sep) + c.hiW : 0);

/**
 * A cell laid out in its column: the figure styled by `styleValue`, the range by `styleRange`; the
 * padding is never styled, so that lines can end without trailing spaces.
 */
export function layoutCell(cell: Cell, col: Column, styleValue: (s: string) => string, styleRange: (s: string) => string): string {
  const value = ' '.repeat(col.valueW - len(cell.text)) + styleValue(cell.text);
  if (col.loW === 0) return value;
  if (cell.range === null) return value + ' '.repeat(1 + col.loW + len(col.sep) + col.hiW);
  const lo = `(${cell.range.lo}`;
  const hi = `${cell.range.hi})`;
  return value + ' '.repeat(1 + col.loW - len(lo)) + styleRange(lo + col.sep + hi) + ' '.repeat(col.hiW - len(hi));
}

/** A column's two header lines, right-aligned over the figure (the range hangs to its right). */
export function headerCell(text: string, col: Column): string {
  return padLeft(text, col.valueW) + ' '.repeat(columnWidth(col) - col.valueW);
}

/** A line with its trailing spaces removed (padding of an empty last cell). */
export const trimLine = (line: string): string => line.replace(/ +$/, '');

/**
 * A title wrapped to the width (at most 100), its first part in bold and the rest styled by
 * `restStyle`: `Scenario central: Likely …`. Both parts are single-spaced text.
 */
export function titleLines(chalk: ChalkInstance, width: number, bold: string, rest: string, restStyle: (s: string) => string = (s) => s): string[] {
  let offset = 0;
  return wrap(bold + rest, Math.min(width, 100))
    .split('\n')
    .map((line) => {
      const cut = Math.max(0, Math.min(line.length, bold.length - offset));
      offset += line.length + 1;
      return (cut > 0 ? chalk.bold(line.slice(0, cut)) : '') + (cut < line.length ? restStyle(line.slice(cut)) : '');
    });
}

export interface ProjectTableInput {
  scenario: string;
  title: string;
  levels: readonly AreaLevel[];
  /** --prices: the year of constant prices, or null for cash. */
  prices: number | null;
  /** The figures shown: one run's, or the means of Monte Carlo runs. */
  rows: readonly AreaYearRow[];
  /** Monte Carlo only: each row's p10 and p90 per metric, in the order of `rows`. */
  ranges?: ReadonlyArray<Partial<Record<MetricName, { p10: number; p90: number } | null>>>;
  /** B: the data's base year (the base row is year B−1). */
  baseYear: number;
  /** Metrics asked for with --metrics, or null for the key metrics that fit. */
  metrics: readonly MetricName[] | null;
  width: number;
  chalk: ChalkInstance;
  /** A paragraph under the title (e.g. how to read the ranges of Monte Carlo figures). */
  note?: string;
  /** The last line: what the figures are (the mean of how many runs, or one draw: src/cli/runs.ts). */
  footer?: string;
  /** Language of the labels (the rows' area names are the caller's); English by default. */
  lang?: Lang;
}

export function renderProjectTable(input: ProjectTableInput): string {
  const { chalk } = input;
  const rows = input.rows.map((r, i) => ({ ...r, ranges: input.ranges?.[i] }));
  const cell = (r: (typeof rows)[number], m: MetricName): Cell => {
    const s = r.ranges?.[m];
    return { text: displayValue(r.metrics[m], DISPLAY[m].kind), range: s ? displayRange(s.p10, s.p90, DISPLAY[m].kind) : null };
  };
  const lang = input.lang ?? 'en';
  const { column, shown, hidden } = metricColumns(rows, cell, '–', input.width, input.metrics, lang);
  const money = shown.some((m) => DISPLAY[m].kind === 'gbp');

  const out: string[] = [];
  out.push(...titleLines(chalk, input.width, label(lang, 'table.scenario', { scenario: input.scenario }), (input.title ? `: ${input.title}` : '') + (money ? ` (${pricesWords(input.prices, lang)})` : '')));
  if (input.note) out.push(wrap(input.note, Math.min(input.width, 100)));
  out.push(
    dimWrapped(chalk, input.width,
      label(lang, 'table.intro', { level: sentence(levelsWords(input.levels, lang)), baseRow: financialYear(input.baseYear - 1), baseYear: input.baseYear }),
    ),
  );
  // Colour carries meaning only when there is colour: the legend says what it means, wrapped at
  // spaces like every paragraph (a terminal would otherwise break it mid-word).
  if (chalk.level > 0) {
    out.push(
      wrap(
        label(lang, 'table.legend', {
          red: chalk.red.bold(label(lang, 'table.legendRed')),
          yellow: chalk.yellow(label(lang, 'table.legendYellow')),
          dim: chalk.dim(label(lang, 'table.legendDim')),
        }),
        Math.min(input.width, 100),
      ),
    );
  }

  for (const block of blocks(rows)) {
    out.push('');
    const head = block[0];
    out.push(chalk.bold(head.areaName) + chalk.dim(` ${head.areaCode}`));
    for (const line of [0, 1] as const) {
      const cells = shown.map((m) => headerCell(headerIn(lang, m)[line], column(m)));
      out.push(chalk.dim(trimLine(padRight(line === 1 ? label(lang, 'table.year') : '', YEAR_WIDTH) + cells.map((c) => ' '.repeat(GAP) + c).join(''))));
    }
    block.forEach((r, ri) => {
      const prev = ri > 0 ? block[ri - 1] : null;
      const isBase = r.year === input.baseYear - 1;
      const cells = shown.map((m) => {
        const v = r.metrics[m];
        const c = cell(r, m);
        const rangeStyle = m === 'unplaced' && (r.ranges?.[m]?.p90 ?? 0) >= 0.5 ? chalk.red : chalk.dim;
        return ' '.repeat(GAP) + layoutCell(c, column(m), (t) => styleCell(chalk, m, v, prev?.metrics[m] ?? null, t), rangeStyle);
      });
      const label = padRight(financialYear(r.year), YEAR_WIDTH);
      out.push(trimLine((isBase ? chalk.dim(label) : label) + cells.join('')));
    });
    out.push(...sparkGrid(shown, block, input.width, chalk, lang));
  }
  if (rows.length > blocks(rows).length) {
    out.push('');
    out.push(dimWrapped(chalk, input.width, label(lang, 'table.sparkNote')));
  }
  if (hidden.length > 0) {
    out.push('');
    out.push(dimWrapped(chalk, input.width, label(lang, 'table.hidden', { metrics: hidden.join(', ') })));
  }
  pushFooter(out, chalk, input.width, input.footer);
  return out.join('\n') + '\n';
}

/** The table's last paragraph, when there is one: what its figures are. */
export function pushFooter(out: string[], chalk: ChalkInstance, width: number, footer: string | undefined): void {
  if (footer === undefined) return;
  out.push('');
  out.push(wrap(footer, Math.min(width, 100)).split('\n').map((l) => chalk.bold(l)).join('\n'));
}

/** How the rows are split, in the language. */
export const levelWords = (level: AreaLevel, lang: Lang): string => (lang === 'en' ? LEVEL_WORDS[level] : label(lang, `table.level.${level}`));

/** A dim paragraph wrapped to the width (at most 100 columns: longer lines are hard to read). */
export function dimWrapped(chalk: ChalkInstance, width: number, text: string): string {
  return wrap(text, Math.min(width, 100))
    .split('\n')
    .map((l) => chalk.dim(l))
    .join('\n');
}

/** Rows grouped by area, in the order given. */
export function blocks<R extends { level: AreaLevel; areaCode: string }>(rows: readonly R[]): R[][] {
  const out: R[][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0].areaCode === r.areaCode && last[0].level === r.level) last.push(r);
    else out.push([r]);
  }
  return out;
}

function styleCell(chalk: ChalkInstance, m: MetricName, v: number | null, prev: number | null, text: string): string {
  if (v === null) return chalk.dim(text);
  if (m === 'unplaced' && v >= 0.5) return chalk.red.bold(text);
  if (m === 'placed_outside_wales' && prev !== null && v > prev) return chalk.yellow(text);
  if ((m === 'sufficiency_foster' || m === 'sufficiency_residential') && v < 1) return chalk.yellow(text);
  return text;
}

/** A sparkline per metric across the block's years, laid out in as many columns as fit. */
function sparkGrid(metrics: readonly MetricName[], block: readonly AreaYearRow[], width: number, chalk: ChalkInstance, lang: Lang): string[] {
  if (block.length < 2) return [];
  const labelW = Math.max(...metrics.map((m) => [...sparkLabelIn(lang, m)].length));
  const cellW = labelW + 1 + block.length;
  const perLine = Math.max(1, Math.floor((width + 3) / (cellW + 3)));
  // Counts from zero, so that a small change in many children does not look like a collapse.
  // Drawn from the figures as printed, so that a line of equal figures is flat.
  const cells = metrics.map(
    (m) => chalk.dim(padLeft(sparkLabelIn(lang, m), labelW)) + ' ' + chalk.cyan(sparkline(block.map((r) => r.metrics[m]), { fromZero: DISPLAY[m].kind === 'count', printed: (v) => displayValue(v, DISPLAY[m].kind) })),
  );
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += perLine) lines.push(cells.slice(i, i + perLine).join('   ').trimEnd());
  return lines.length > 0 ? ['', ...lines] : [];
}
