// What kind of quantity each metric is, read from the metric catalogue (src/model/metrics/catalogue.ts).
// The Monte Carlo summary reads it (percentiles of counts are whole children, by nearest rank:
// docs/methodology.md "Monte Carlo figures"), the writers round by it (means of counts to one
// decimal, money to whole pounds) and the table and the report format by it.
import { METRICS, kindOf, type MetricKind, type MetricName } from './metrics/catalogue.js';

export type { MetricKind } from './metrics/catalogue.js';

export const METRIC_KINDS: Readonly<Record<MetricName, MetricKind>> = Object.fromEntries(METRICS.map((m) => [m, kindOf(m)])) as Record<MetricName, MetricKind>;

export const isCountMetric = (m: MetricName): boolean => METRIC_KINDS[m] === 'count';
