// Numbers as the report shows them: each metric's unit (and its axis), a figure in that unit, and a
// figure with its p10–p90 range as a table cell's content.
import { METRIC_KINDS, type MetricKind } from '../../model/metric-kinds.js';
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

const PLACE_METRICS: ReadonlySet<MetricName> = new Set(['places_foster', 'places_residential', 'places_secure', 'usable_places_foster', 'usable_places_residential', 'usable_places_secure']);

export function unitOf(m: MetricName): Unit {
  const kind = METRIC_KINDS[m];
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
