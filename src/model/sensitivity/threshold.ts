// A threshold question (docs/methodology.md, "Which assumption matters"): "is sufficiency_foster at
// least 1 in the last year?", written `sufficiency_foster>=1`. Its answer is what a switching value
// switches.
import type { MetricName } from '../types.js';

export type Comparison = '>=' | '<=' | '>' | '<';
export const COMPARISONS: readonly Comparison[] = ['>=', '<=', '>', '<'];

export interface Threshold {
  metric: MetricName;
  op: Comparison;
  value: number;
}

/** The answer to the threshold for a value of its metric (an empty metric answers no). */
export function holds(t: Threshold, m: number | null): boolean {
  if (m === null || Number.isNaN(m)) return false;
  if (t.op === '>=') return m >= t.value;
  if (t.op === '<=') return m <= t.value;
  if (t.op === '>') return m > t.value;
  return m < t.value;
}

export const thresholdText = (t: Threshold): string => `${t.metric}${t.op}${t.value}`;
