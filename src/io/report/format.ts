// Numbers as the report shows them: each metric's unit (and its axis), a figure in that unit, and a
// figure with its p10–p90 range as a table cell's content.
import { SHOWN, kindOf, metricEntry, shownValue, type MetricKind, type MetricUnit } from '../../model/metrics/catalogue.js';
import type { LabelKey } from '../../i18n/labels.js';
import type { MetricName } from '../../model/types.js';
import type { Fig } from './figures.js';

export interface Unit {
  key: LabelKey;
  /** The unit as an axis title writes it, short enough to stand beside a small panel. */
  axisKey: LabelKey;
  /** From the model's unit to the one shown. */
  scale: number;
  /** d3-format for chart axes. */
  axis: string;
}

/** Each unit's label, axis title and d3-format: the catalogue gives each metric its unit. */
const UNITS: Record<MetricUnit, Omit<Unit, 'scale'>> = {
  children: { key: 'unit.children', axisKey: 'axis.children', axis: ',.0f' },
  places: { key: 'unit.places', axisKey: 'axis.places', axis: ',.0f' },
  share: { key: 'unit.share', axisKey: 'axis.share', axis: '.0f' },
  share_places: { key: 'unit.share_places', axisKey: 'axis.share', axis: '.0f' },
  ratio: { key: 'unit.ratio', axisKey: 'axis.ratio', axis: '.2f' },
  km: { key: 'unit.km', axisKey: 'axis.km', axis: ',.0f' },
  gbp: { key: 'unit.gbp', axisKey: 'axis.gbp', axis: ',.0f' },
};

export function unitOf(m: MetricName): Unit {
  const { key, axisKey, axis } = UNITS[metricEntry(m).unit];
  const { times, per } = SHOWN[kindOf(m)];
  return { key, axisKey, scale: times / per, axis };
}

/** A figure in the unit shown: 1,234 · 45% · 1.07 · 12.3 · 347.5 (money in £ million). */
export function formatValue(v: number | null, kind: MetricKind, signed = false): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const digits = SHOWN[kind].decimals;
  let rounded = Number(shownValue(v, kind).toFixed(digits));
  if (Object.is(rounded, -0)) rounded = 0;
  const body = Math.abs(rounded).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const sign = rounded < 0 ? '−' : signed && rounded > 0 ? '+' : '';
  return sign + body + (kind === 'share' ? '%' : '');
}

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A figure as a table cell's content: the value, and under it its p10–p90 range when there is one. */
export function figHtml(f: Fig, kind: MetricKind, signed = false, badge = ''): string {
  const v = esc(formatValue(f.v, kind, signed)) + badge;
  if (f.lo === null || f.hi === null) return v;
  const lo = formatValue(f.lo, kind, signed);
  const hi = formatValue(f.hi, kind, signed);
  if (lo === hi) return v;
  return `${v}<span class="range">${esc(lo)} – ${esc(hi)}</span>`;
}

export const EMPTY: Fig = { v: null, lo: null, hi: null };
