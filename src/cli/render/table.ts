// The terminal table of `project`: one block per area, years down the rows (a dozen years read more
// easily down than across), the metrics across with their units, then a sparkline per metric across
// the years. Plain text when colour is off; with colour, children without a place and a rise in
// children placed outside Wales stand out.
import type { ChalkInstance } from 'chalk';
import type { AreaLevel, AreaYearRow, MetricName } from '../../model/types.js';
import { DISPLAY, KEY_METRICS, KEY_PRIORITY, displayValue } from './metrics.js';
import { sparkline } from './sparkline.js';
import { wrap } from './wrap.js';

export const GAP = 2;
const YEAR_WIDTH = 7;

/** Financial year t as analysts write it: 2027 -> 2027-28. */
export function financialYear(t: number): string {
  return `${t}-${String((t + 1) % 100).padStart(2, '0')}`;
}

export const LEVEL_WORDS: Record<AreaLevel, string> = { wales: 'Wales', region: 'regions', la: 'local authorities' };

/** Pads text to a width, right-aligned, counting visible characters. */
export const padLeft = (s: string, w: number): string => ' '.repeat(Math.max(0, w - [...s].length)) + s;
export const padRight = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - [...s].length));

/** The key metrics that fit in `width` columns, kept in column order, dropped by priority. */
export function fitKeyMetrics(width: number, columnWidth: (m: MetricName) => number, firstColumn = YEAR_WIDTH): { shown: MetricName[]; hidden: MetricName[] } {
  let shown = [...KEY_METRICS];
  const total = (ms: readonly MetricName[]): number => firstColumn + ms.reduce((s, m) => s + GAP + columnWidth(m), 0);
  const dropOrder = [...KEY_PRIORITY].reverse();
  while (total(shown) > width && shown.length > 1) {
    const drop = dropOrder.find((m) => shown.includes(m))!;
    shown = shown.filter((m) => m !== drop);
  }
  return { shown, hidden: KEY_METRICS.filter((m) => !shown.includes(m)) };
}

export interface ProjectTableInput {
  scenario: string;
  title: string;
  level: AreaLevel;
  rows: readonly AreaYearRow[];
  /** B: the data's base year (the base row is year B−1). */
  baseYear: number;
  /** Metrics asked for with --metrics, or null for the key metrics that fit. */
  metrics: readonly MetricName[] | null;
  width: number;
  chalk: ChalkInstance;
  /** A line under the title (e.g. that the figures are Monte Carlo medians). */
  note?: string;
}

export function renderProjectTable(input: ProjectTableInput): string {
  const { rows, chalk } = input;
  const columnWidth = (m: MetricName): number =>
    Math.max(6, ...DISPLAY[m].header.map((h) => [...h].length), ...rows.map((r) => [...displayValue(r.metrics[m], DISPLAY[m].kind)].length));
  const { shown, hidden } = input.metrics !== null ? { shown: [...input.metrics], hidden: [] as MetricName[] } : fitKeyMetrics(input.width, columnWidth);
  const widths = shown.map(columnWidth);

  const out: string[] = [];
  out.push(chalk.bold(`Scenario ${input.scenario}`) + (input.title ? `: ${input.title}` : ''));
  if (input.note) out.push(input.note);
  out.push(
    dimWrapped(chalk, input.width,
      `By ${LEVEL_WORDS[input.level]}. Each row is a financial year and the state at the 31 March it ends on; ` +
        `${financialYear(input.baseYear - 1)} is the data's base state (31 March ${input.baseYear}). ` +
        'Displaced, supplementary approvals and cost are flows over the year.',
    ),
  );

  for (const block of blocks(rows)) {
    out.push('');
    const head = block[0];
    out.push(chalk.bold(head.areaName) + chalk.dim(` ${head.areaCode}`));
    for (const line of [0, 1] as const) {
      const cells = shown.map((m, i) => padLeft(DISPLAY[m].header[line], widths[i]));
      out.push(chalk.dim(padRight(line === 1 ? 'year' : '', YEAR_WIDTH) + cells.map((c) => ' '.repeat(GAP) + c).join('')));
    }
    block.forEach((r, ri) => {
      const prev = ri > 0 ? block[ri - 1] : null;
      const isBase = r.year === input.baseYear - 1;
      const cells = shown.map((m, i) => {
        const text = padLeft(displayValue(r.metrics[m], DISPLAY[m].kind), widths[i]);
        return ' '.repeat(GAP) + styleCell(chalk, m, r.metrics[m], prev?.metrics[m] ?? null, text);
      });
      const label = padRight(financialYear(r.year), YEAR_WIDTH);
      out.push((isBase ? chalk.dim(label) : label) + cells.join(''));
    });
    out.push(...sparkGrid(shown, block, input.width, chalk));
  }
  if (hidden.length > 0) {
    out.push('');
    out.push(dimWrapped(chalk, input.width, `Not shown at this width: ${hidden.join(', ')} (widen the terminal, or choose with --metrics).`));
  }
  return out.join('\n') + '\n';
}

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
  if (m === 'unplaced' && v > 0) return chalk.red.bold(text);
  if (m === 'placed_outside_wales' && prev !== null && v > prev) return chalk.yellow(text);
  if ((m === 'sufficiency_foster' || m === 'sufficiency_residential') && v < 1) return chalk.yellow(text);
  return text;
}

/** A sparkline per metric across the block's years, laid out in as many columns as fit. */
function sparkGrid(metrics: readonly MetricName[], block: readonly AreaYearRow[], width: number, chalk: ChalkInstance): string[] {
  if (block.length < 2) return [];
  const labelW = Math.max(...metrics.map((m) => [...DISPLAY[m].label].length));
  const cellW = labelW + 1 + block.length;
  const perLine = Math.max(1, Math.floor((width + 3) / (cellW + 3)));
  const cells = metrics.map((m) => chalk.dim(padLeft(DISPLAY[m].label, labelW)) + ' ' + chalk.cyan(sparkline(block.map((r) => r.metrics[m]))));
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += perLine) lines.push(cells.slice(i, i + perLine).join('   ').trimEnd());
  return lines.length > 0 ? ['', ...lines] : [];
}
