// What kind of quantity each metric is. The Monte Carlo summary reads it (percentiles of counts are
// whole children, by nearest rank: docs/methodology.md "Monte Carlo figures"), the writers round by
// it (means of counts to one decimal, money to whole pounds) and the table formats by it.
import type { MetricName } from './types.js';

export type MetricKind = 'count' | 'share' | 'ratio' | 'km' | 'gbp';

export const METRIC_KINDS: Record<MetricName, MetricKind> = {
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
  for_profit_share_foster: 'share',
  for_profit_share_residential: 'share',
  placed_in_own_la_share_all: 'share',
  cost_one_off_gbp: 'gbp',
};

export const isCountMetric = (m: MetricName): boolean => METRIC_KINDS[m] === 'count';
