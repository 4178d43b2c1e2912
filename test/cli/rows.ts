// A table row of the nation with every metric 0 (and any given), for the terminal table's tests.
import { METRICS, type AreaYearRow, type MetricName } from '../../src/model/types.js';

export function walesRow(year: number, metrics: Partial<Record<MetricName, number>> = {}): AreaYearRow {
  return {
    scenario: 's',
    level: 'wales',
    areaCode: 'W92000004',
    areaName: 'Wales',
    year,
    asAt: `${year + 1}-03-31`,
    metrics: { ...(Object.fromEntries(METRICS.map((m) => [m, 0])) as Record<MetricName, number>), ...metrics },
  };
}
