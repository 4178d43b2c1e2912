// The metric catalogue (src/model/metrics/catalogue.ts, docs/metrics.md): one entry per metric, from
// which the names, kinds, flows, directions, decimals and labels of every output follow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FLOW_METRICS, METRICS, SHOWN, answering, goodDirection, kindOf, metricEntry, shownValue, type MetricKind } from '../../src/model/metrics/catalogue.js';
import { METRIC_KINDS } from '../../src/model/metric-kinds.js';
import { QUESTIONS, formatValue } from '../../src/io/report/html.js';
import { displayValue } from '../../src/cli/render/metrics.js';

describe('the metric catalogue', () => {
  it('names each metric once, in the order of docs/model.md §2.2, new ones appended', () => {
    expect(new Set(METRICS).size).toBe(CATALOGUE.length);
    expect(METRICS.slice(0, 3)).toEqual(['children_looked_after', 'need_foster', 'need_residential']);
    // The 22 metrics of the first round keep their positions; cost_gbp closes them.
    expect(METRICS.indexOf('cost_gbp')).toBe(21);
    expect(METRICS.indexOf('cost_one_off_gbp')).toBe(38);
  });

  it('marks as flows exactly those docs/model.md §2.2 lists: displacement, new placements, costs, flows into and out of care', () => {
    const flows = ['displaced', 'new_placements', 'supplementary_placements', 'started_looked_after', 'ceased_looked_after', ...METRICS.filter((m) => m.startsWith('cost_'))];
    expect([...FLOW_METRICS].sort()).toEqual(flows.sort());
  });

  it('gives every metric a direction, and the ones diff colours their sign', () => {
    for (const e of CATALOGUE) expect(['higher', 'lower', 'neutral'], e.name).toContain(e.better);
    expect(goodDirection('unplaced')).toBe(-1);
    expect(goodDirection('p90_distance_km')).toBe(-1);
    expect(goodDirection('sufficiency_foster')).toBe(1);
    expect(goodDirection('placed_in_region_share')).toBe(1);
    expect(goodDirection('cost_gbp')).toBe(0);
  });

  it('derives each metric\'s kind from its unit', () => {
    expect(kindOf('places_foster')).toBe('count');
    expect(kindOf('unplaced')).toBe('count');
    expect(kindOf('places_for_profit_share')).toBe('share');
    expect(kindOf('sufficiency_residential')).toBe('ratio');
    expect(kindOf('median_distance_km')).toBe('km');
    expect(kindOf('cost_one_off_gbp')).toBe('gbp');
    for (const m of METRICS) expect(METRIC_KINDS[m]).toBe(kindOf(m));
  });

  it('shows shares in % and money in £ million', () => {
    // 0.455 × 100 = 45.5 (%); £347,500,000 ÷ 1,000,000 = 347.5 (£m); 1.07 stays 1.07.
    expect(shownValue(0.455, 'share')).toBeCloseTo(45.5, 12);
    expect(shownValue(347_500_000, 'gbp')).toBe(347.5);
    expect(shownValue(1.07, 'ratio')).toBe(1.07);
  });

  it('has labels, table heads and sparkline labels in both languages', () => {
    for (const e of CATALOGUE) {
      for (const words of [e.en, e.cy]) {
        expect(words.label.trim(), e.name).not.toBe('');
        expect(words.spark.trim(), e.name).not.toBe('');
        // A head is two lines, "line 1|line 2".
        expect(words.head.split('|'), e.name).toHaveLength(2);
      }
      // The Welsh is Welsh, not the English copied over (a symbol like "p90 km" aside).
      expect(e.cy.label, e.name).not.toBe(e.en.label);
      if (e.name !== 'p90_distance_km') expect(e.cy.spark, e.name).not.toBe(e.en.spark);
      expect(e.doc, e.name).toMatch(/^docs\/(model|methodology)\.md/);
    }
  });

  it('gives each report question its metrics, and the report draws each of them', () => {
    expect(answering('enough')).toEqual(['sufficiency_foster', 'sufficiency_residential', 'usable_places_foster', 'usable_places_residential']);
    expect(answering('notLocal')).toEqual(['not_local_nonprofit']);
    for (const q of QUESTIONS) {
      expect(q.metrics.length, q.key).toBeGreaterThan(0);
      if (q.groups) expect(q.groups.flatMap((g) => g.metrics).sort(), q.key).toEqual([...q.metrics].sort());
    }
    expect(QUESTIONS.flatMap((q) => q.metrics).sort()).toEqual(METRICS.filter((m) => metricEntry(m).question !== 'none').sort());
  });
});

describe('decimals shown', () => {
  /** The digits after the point, or 0 without one. */
  const decimals = (s: string): number => (s.includes('.') ? s.split('.')[1].replace(/\D.*$/, '').length : 0);
  const kinds: MetricKind[] = ['ratio', 'km', 'gbp', 'count', 'share'];

  it('are the catalogue\'s, on the terminal and in the report alike', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (kind, v) => {
        expect(decimals(displayValue(v, kind))).toBe(SHOWN[kind].decimals);
        expect(decimals(formatValue(v, kind))).toBe(SHOWN[kind].decimals);
      }),
    );
  });
});
