// The pure pieces of money output (docs/methodology.md, "Money"): the budget table's shape, the
// prices column, the weekly prices' order and wording, and the deflator check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requireDeflator } from '../../src/cli/prices.js';
import { ScenarioError } from '../../src/errors.js';
import { budgetCsv, budgetTable } from '../../src/io/budget-table.js';
import { pricesColumn } from '../../src/io/financial-year.js';
import { weeklyPriceLines } from '../../src/io/weekly-prices.js';
import { METRICS, type AreaYearRow, type CostRow, type MetricName } from '../../src/model/types.js';
import type { LoadedScenario } from '../../src/scenario/load.js';

const row = (areaCode: string, year: number, cost: number | null): AreaYearRow => ({
  scenario: 's',
  level: 'region',
  areaCode,
  areaName: areaCode.toUpperCase(),
  year,
  asAt: `${year + 1}-03-31`,
  metrics: Object.fromEntries(METRICS.map((m) => [m, m === 'cost_gbp' ? cost : 0])) as Record<MetricName, number | null>,
});

describe('budget tables', () => {
  it('turn years into columns: one row per area and metric, a missing year empty', () => {
    // a: 2024 → 10, 2025 → 12; b: 2025 → 7 only. Years 2024, 2025; b's 2024 is empty.
    const t = budgetTable([row('a', 2024, 10), row('a', 2025, 12), row('b', 2025, 7)], ['cost_gbp']);
    expect(t.years).toEqual([2024, 2025]);
    expect(t.rows.map((r) => [r.areaCode, r.metric, r.values])).toEqual([
      ['a', 'cost_gbp', [10, 12]],
      ['b', 'cost_gbp', [null, 7]],
    ]);
    expect(budgetCsv(t, { prices: 2024 })).toBe('scenario,level,area_code,area_name,metric,2024-25,2025-26,prices\ns,region,a,A,cost_gbp,10,12,2024-25\ns,region,b,B,cost_gbp,,7,2024-25\n');
  });

  it('property: every value of the wide rows is in the table, at its area, metric and year', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 2023, max: 2035 }), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 6, maxLength: 6 }), (years, costs) => {
        const rows = years.flatMap((y, i) => [row('a', y, costs[i]), row('b', y, null)]);
        const t = budgetTable(rows, ['cost_gbp', 'unplaced']);
        for (const r of rows) {
          const line = t.rows.find((b) => b.areaCode === r.areaCode && b.metric === 'cost_gbp')!;
          expect(line.values[t.years.indexOf(r.year)]).toBe(r.metrics.cost_gbp);
        }
        expect(t.rows).toHaveLength(4);
      }),
    );
  });
});

describe('the prices column', () => {
  it('is cash, or the price year as a financial year', () => {
    expect(pricesColumn(null)).toBe('cash');
    expect(pricesColumn(2024)).toBe('2024-25');
    expect(pricesColumn(2099)).toBe('2099-00');
  });
});

describe('weekly prices', () => {
  it('go by type, sector, in Wales first, all-Wales before an LA\'s own; each line says year, estimate and source', () => {
    const costs: CostRow[] = [
      { placementType: 'residential', sector: 'fp', location: 'in_wales', weeklyCostGbp: 6500, priceYear: 2024, status: 'estimated', source: 'E8' },
      { placementType: 'foster', sector: 'la', location: 'outside_wales', weeklyCostGbp: 900, priceYear: 2023 },
      { placementType: 'foster', sector: 'la', location: 'in_wales', weeklyCostGbp: 820.5, priceYear: 2024, laCode: 'W06000015', source: 'LA' },
      { placementType: 'foster', sector: 'la', location: 'in_wales', weeklyCostGbp: 800, priceYear: 2024, status: 'published' },
    ];
    expect(weeklyPriceLines(costs)).toEqual([
      'foster, local authority, in Wales, all of Wales: £800 a week; prices of 2024-25; estimated: no',
      'foster, local authority, in Wales, W06000015: £820.5 a week; prices of 2024-25; estimated: no; source: LA',
      'foster, local authority, outside Wales, all of Wales: £900 a week; prices of 2023-24; estimated: no',
      'residential, for-profit, in Wales, all of Wales: £6,500 a week; prices of 2024-25; estimated: yes; source: E8',
    ]);
    expect(weeklyPriceLines(costs, 'cy')[0]).toBe('maeth, awdurdod lleol, yng Nghymru, Cymru gyfan: £800 yr wythnos; prisiau 2024-25; amcangyfrif: na');
  });
});

describe('the deflator check', () => {
  const scenario = (name: string, deflator: unknown): LoadedScenario => ({ name, file: `/s/${name}.yaml`, spec: deflator === undefined ? {} : { deflator } }) as unknown as LoadedScenario;
  it('passes cash, and constant prices when every scenario states a deflator; else names each one lacking it', () => {
    expect(() => requireDeflator([scenario('a', undefined)], null)).not.toThrow();
    expect(() => requireDeflator([scenario('a', 0.02)], 2024)).not.toThrow();
    try {
      requireDeflator([scenario('a', 0.02), scenario('b', undefined), scenario('c', null)], 2024);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).problems.map((p) => p.file)).toEqual(['/s/b.yaml', '/s/c.yaml']);
      expect((e as ScenarioError).problems[0].message).toMatch(/^deflator: --prices 2024-25 .* set `deflator`/);
    }
  });
});
