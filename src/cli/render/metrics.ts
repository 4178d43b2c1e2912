// How each metric reads on screen: a two-line column header with its unit, a short label for
// sparklines and summaries, and a formatter. Files never use these: they carry plain numbers.
import { headerIn, sparkLabelIn } from '../../i18n/labels.js';
import { METRICS, type MetricName } from '../../model/types.js';

export type MetricKind = 'count' | 'share' | 'ratio' | 'km' | 'gbp';

export interface MetricDisplay {
  header: [string, string];
  label: string;
  kind: MetricKind;
}

/** How each metric's figures are formatted. */
const KIND: Record<MetricName, MetricKind> = {
  children_looked_after: 'count',
  need_foster: 'count',
  need_residential: 'count',
  need_secure: 'count',
  places_foster: 'count',
  places_residential: 'count',
  places_secure: 'count',
  places_for_profit_share: 'share',
  sufficiency_foster: 'ratio',
  sufficiency_residential: 'ratio',
  placed_in_own_la_share: 'share',
  placed_in_region_share: 'share',
  placed_outside_wales: 'count',
  unplaced: 'count',
  displaced: 'count',
  for_profit_placements: 'count',
  mean_distance_km: 'km',
  median_distance_km: 'km',
  p90_distance_km: 'km',
  new_placements: 'count',
  supplementary_placements: 'count',
  cost_gbp: 'gbp',
  usable_places_foster: 'count',
  usable_places_residential: 'count',
  usable_places_secure: 'count',
  not_local_nonprofit: 'count',
  external_children: 'count',
  cost_foster_gbp: 'gbp',
  cost_residential_gbp: 'gbp',
  cost_secure_gbp: 'gbp',
  cost_for_profit_gbp: 'gbp',
  cost_outside_wales_gbp: 'gbp',
  cost_unplaced_gbp: 'gbp',
  started_looked_after: 'count',
  ceased_looked_after: 'count',
  cost_one_off_gbp: 'gbp',
};

/** Headers and labels come from the one label table (src/i18n/labels.ts), in English here. */
export const DISPLAY: Record<MetricName, MetricDisplay> = Object.fromEntries(
  METRICS.map((m) => [m, { header: headerIn('en', m), label: sparkLabelIn('en', m), kind: KIND[m] }]),
) as Record<MetricName, MetricDisplay>;

/**
 * The key metrics of the terminal table, in column order. Files carry every metric; the screen
 * shows what an analyst scans for: how many children, whether there are places, where they go,
 * who is left without a place or has to move, and what it costs.
 */
export const KEY_METRICS: readonly MetricName[] = [
  'children_looked_after',
  'sufficiency_foster',
  'sufficiency_residential',
  'placed_in_own_la_share',
  'placed_outside_wales',
  'unplaced',
  'displaced',
  'for_profit_placements',
  'mean_distance_km',
  'supplementary_placements',
  'cost_gbp',
];

/**
 * Key metrics only where the rows have them: the flows into and out of care, which a scenario whose
 * demand comes from flows fills (after children looked after) and every other leaves empty.
 */
export const KEY_WHEN_FILLED: readonly MetricName[] = ['started_looked_after', 'ceased_looked_after'];

/** Which key metrics go first when the terminal is too narrow for all of them. */
export const KEY_PRIORITY: readonly MetricName[] = [
  'children_looked_after',
  'started_looked_after',
  'ceased_looked_after',
  'unplaced',
  'placed_outside_wales',
  'sufficiency_foster',
  'sufficiency_residential',
  'displaced',
  'placed_in_own_la_share',
  'mean_distance_km',
  'for_profit_placements',
  'cost_gbp',
  'supplementary_placements',
];

const grouped = (n: number): string => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};

/** A value as the table shows it, with thousands separators and the metric's unit scale. */
export function displayValue(v: number | null, kind: MetricKind): string {
  if (v === null || !Number.isFinite(v)) return '–';
  switch (kind) {
    case 'count':
      // Whole children, as in a deterministic run: a Monte Carlo median or quantile of a count (1,358.5)
      // is rounded half up on screen; files keep it exact.
      return grouped(Math.round(v) || 0);
    case 'share':
      return `${Math.round(v * 100)}%`;
    case 'ratio':
      return v.toFixed(2);
    case 'km':
      return v.toFixed(1);
    case 'gbp':
      // £m with one decimal and thousands separators: 1,234.5
      return millions(v);
  }
}

const millions = (v: number): string => {
  const [whole, dec] = (v / 1e6).toFixed(1).split('.');
  const n = Number(whole);
  return `${whole.startsWith('-') && n === 0 ? '-' : ''}${grouped(n)}.${dec}`;
};

/**
 * The p10–p90 range of a Monte Carlo figure as its two ends on screen, the unit written once at the
 * high end (`79`, `83%`); null where the ends look the same (every run agrees, to the digit shown).
 */
export function displayRange(p10: number | null, p90: number | null, kind: MetricKind): { lo: string; hi: string } | null {
  if (p10 === null || p90 === null || !Number.isFinite(p10) || !Number.isFinite(p90)) return null;
  const lo = displayValue(p10, kind);
  const hi = displayValue(p90, kind);
  if (lo === hi) return null;
  return { lo: kind === 'share' ? lo.replace(/%$/, '') : lo, hi };
}

/** One end of a range of differences: signed, 0 for nothing, the share unit left to the caller. */
function deltaEnd(d: number, kind: MetricKind): string {
  const scaled = kind === 'share' ? d * 100 : kind === 'gbp' ? d / 1e6 : d;
  const digits = kind === 'count' || kind === 'share' ? 0 : kind === 'ratio' ? 2 : 1;
  const rounded = Number(scaled.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  const body = kind === 'count' ? grouped(Math.abs(rounded)) : Math.abs(rounded).toFixed(digits);
  return (rounded > 0 ? '+' : '−') + body;
}

/** The p10–p90 range of run-by-run differences (`−3`, `+5pt`); null where the ends look the same. */
export function displayDeltaRange(p10: number | null, p90: number | null, kind: MetricKind): { lo: string; hi: string } | null {
  if (p10 === null || p90 === null || !Number.isFinite(p10) || !Number.isFinite(p90)) return null;
  const lo = deltaEnd(p10, kind);
  const hi = deltaEnd(p90, kind);
  if (lo === hi) return null;
  return { lo, hi: hi + (kind === 'share' ? 'pt' : '') };
}

/** A signed difference as the diff table shows it: +12, −3, · for no change. */
export function displayDelta(d: number | null, kind: MetricKind): string {
  if (d === null || !Number.isFinite(d)) return '–';
  const scaled = kind === 'share' ? d * 100 : kind === 'gbp' ? d / 1e6 : d;
  const digits = kind === 'count' ? 0 : kind === 'share' ? 0 : kind === 'ratio' ? 2 : 1;
  const rounded = Number(scaled.toFixed(digits));
  if (rounded === 0) return d === 0 ? '·' : '~0';
  const body = kind === 'count' ? grouped(Math.abs(rounded)) : Math.abs(rounded).toFixed(digits);
  return (rounded > 0 ? '+' : '−') + body + (kind === 'share' ? 'pt' : '');
}

/** Whether a rise in the metric is better (+1) or worse (−1) for children, or neither (0). */
export function goodDirection(m: MetricName): -1 | 0 | 1 {
  switch (m) {
    case 'unplaced':
    case 'displaced':
    case 'placed_outside_wales':
    case 'mean_distance_km':
    case 'median_distance_km':
    case 'p90_distance_km':
      return -1;
    case 'placed_in_own_la_share':
    case 'placed_in_region_share':
    case 'sufficiency_foster':
    case 'sufficiency_residential':
      return 1;
    default:
      return 0;
  }
}
