// How each metric reads on screen: a two-line column header with its unit, a short label for
// sparklines and summaries, and a formatter. Files never use these: they carry plain numbers.
import { headerIn, sparkLabelIn } from '../../i18n/labels.js';
import { METRICS, type MetricName } from '../../model/types.js';
import { METRIC_KINDS, type MetricKind } from '../../model/metric-kinds.js';
import { SHOWN, shownValue } from '../../model/metrics/catalogue.js';

export type { MetricKind } from '../../model/metric-kinds.js';
export { goodDirection } from '../../model/metrics/catalogue.js';

export interface MetricDisplay {
  header: [string, string];
  label: string;
  kind: MetricKind;
}

/** Headers and labels come from the one label table (src/i18n/labels.ts), in English here. */
export const DISPLAY: Record<MetricName, MetricDisplay> = Object.fromEntries(
  METRICS.map((m) => [m, { header: headerIn('en', m), label: sparkLabelIn('en', m), kind: METRIC_KINDS[m] }]),
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
  // Cost before the rest: a budget reader's first figure, kept when a Monte Carlo table's ranges
  // leave room for few columns (issue 19: it fell off the 120-column table).
  'cost_gbp',
  'sufficiency_foster',
  'sufficiency_residential',
  'displaced',
  'placed_in_own_la_share',
  'mean_distance_km',
  'for_profit_placements',
  'supplementary_placements',
];

const grouped = (n: number): string => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};

/** A value as the table shows it, with thousands separators and the metric's unit scale. */
export function displayValue(v: number | null, kind: MetricKind): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const x = shownValue(v, kind);
  switch (kind) {
    case 'count':
      // Whole children, as in a deterministic run: a Monte Carlo median or quantile of a count (1,358.5)
      // is rounded half up on screen; files keep it exact.
      return grouped(Math.round(x) || 0);
    case 'share':
      return `${Math.round(x)}%`;
    case 'gbp':
      // £m with one decimal and thousands separators: 1,234.5
      return millions(x);
    default:
      return x.toFixed(SHOWN[kind].decimals);
  }
}

const millions = (m: number): string => {
  const [whole, dec] = m.toFixed(SHOWN.gbp.decimals).split('.');
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
  const digits = SHOWN[kind].decimals;
  const rounded = Number(shownValue(d, kind).toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  return signedBody(rounded, kind);
}

/** A rounded difference, not 0, with its sign and the thousands separators of counts. */
const signedBody = (rounded: number, kind: MetricKind): string =>
  (rounded > 0 ? '+' : '−') + (kind === 'count' ? grouped(Math.abs(rounded)) : Math.abs(rounded).toFixed(SHOWN[kind].decimals));

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
  const rounded = Number(shownValue(d, kind).toFixed(SHOWN[kind].decimals));
  if (rounded === 0) return d === 0 ? '·' : '~0';
  return signedBody(rounded, kind) + (kind === 'share' ? 'pt' : '');
}
