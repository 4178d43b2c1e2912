// The options of budget-paper outputs: several levels at once, --area, --prices, xlsx by the file's
// ending; and how the table shows money, counts' sparklines and its colour legend.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { keepArea, parseAreas } from '../../src/cli/areas.js';
import { parseLevels, pricesText, refuseWorkbookToTerminal, resolveFormat } from '../../src/cli/pipeline.js';
import { displayValue } from '../../src/cli/render/metrics.js';
import { sparkline } from '../../src/cli/render/sparkline.js';
import { levelsWords, renderProjectTable } from '../../src/cli/render/table.js';
import { shownLength } from '../../src/io/xlsx.js';
import { wideCsvMonteCarlo } from '../../src/io/output.js';
import { areasOf } from '../../src/model/aggregate.js';
import { METRICS, type Dataset, type MetricName } from '../../src/model/types.js';
import { dataset } from '../model/fixtures.js';
import { walesRow } from './rows.js';
import { UsageError } from '../../src/errors.js';

// fixtures.ts: A, B in north-wales; C in powys (regions named by their slugs)
const ds: Dataset = dataset();
const regions = areasOf(ds, 'region');

describe('--by with several levels', () => {
  it('gives the levels in the order wales, region, la, each once, whatever the order typed', () => {
    expect(parseLevels('la,wales')).toEqual(['wales', 'la']);
    expect(parseLevels('region, region ,WALES')).toEqual(['wales', 'region']);
    expect(() => parseLevels('wales,regoin')).toThrow(/found "regoin": did you mean "region"\?/);
  });

  it('says in words how the table is split', () => {
    expect(levelsWords(['region'])).toBe('one block per region');
    expect(levelsWords(['wales', 'region', 'la'])).toBe('Wales as a whole, one block per region, then one per local authority');
    expect(levelsWords(['wales', 'la'])).toBe('Wales as a whole, then one block per local authority');
  });
});

describe('--area', () => {
  it('reads LAs by code, English or Welsh name and regions by slug or name', () => {
    const la = ds.localAuthorities[0];
    const f = parseAreas(`${la.nameCy}, powys`, ds, regions);
    expect([...f.las]).toEqual([la.code]);
    expect([...f.regions]).toEqual(['powys']);
    expect([...parseAreas('North Wales', ds, regions).regions]).toEqual(['north-wales']);
  });

  it('refuses an unknown name with the nearest LA or region', () => {
    expect(() => parseAreas('Powis', ds, regions)).toThrow(UsageError);
    expect(() => parseAreas('Powis', ds, regions)).toThrow(/unknown area "Powis".*did you mean "[Pp]owys" \(powys\)\?/);
    expect(() => parseAreas(' , ', ds, regions)).toThrow(/expected one or more/);
  });

  it('keeps an LA named or in a named region, a region named or holding a named LA, and Wales always', () => {
    const regionOf = (la: string) => ds.localAuthorities.find((l) => l.code === la)!.region;
    const [a, , c] = ds.localAuthorities.map((l) => l.code);
    const f = { las: new Set([a]), regions: new Set<string>(['powys']) };
    expect(keepArea(f, 'la', a, [a], regionOf)).toBe(true);
    expect(keepArea(f, 'la', c, [c], regionOf)).toBe(true); // C lies in powys
    expect(keepArea(f, 'region', 'north-wales', regions[0].laCodes, regionOf)).toBe(true); // holds A
    expect(keepArea({ las: new Set(), regions: new Set(['powys']) }, 'region', 'north-wales', regions[0].laCodes, regionOf)).toBe(false);
    expect(keepArea({ las: new Set(), regions: new Set(['powys']) }, 'wales', 'W92000004', [], regionOf)).toBe(true);
  });
});

describe('workbooks and prices', () => {
  it('.xlsx chooses a workbook; a command without one says so; never to a terminal', () => {
    expect(resolveFormat(undefined, 'costs.XLSX', false, true, ['table', 'csv', 'json', 'xlsx'])).toBe('xlsx');
    expect(() => resolveFormat(undefined, 'x.xlsx', false, true, ['table', 'csv'])).toThrow(/writes no Excel workbook/);
    expect(() => refuseWorkbookToTerminal('xlsx', null, true)).toThrow(/add --out FILE\.xlsx/);
    expect(() => refuseWorkbookToTerminal('xlsx', null, false)).not.toThrow();
  });

  it('names the prices: cash, or constant prices of a financial year', () => {
    expect(pricesText(null)).toMatch(/^cash/);
    expect(pricesText(2024)).toMatch(/^constant 2024-25 prices/);
  });

  it('estimates how wide Excel shows a number: £1,234,567 is 10 characters, 42.5% is 5', () => {
    expect(shownLength({ number: 1234567, format: '"£"#,##0' })).toBe(10);
    expect(shownLength({ number: 0.425, format: '0.0%' })).toBe(5);
    expect(shownLength({ text: 'Cwm Taf Morgannwg' })).toBe(17);
  });

  it('rounds money statistics over runs to whole pounds, half up (12.5 -> 13), and a mean of a count to one decimal', () => {
    const stats = (v: number) => ({ mean: v, p10: v, p50: v, p90: v, runs: 3 });
    const metrics = Object.fromEntries(METRICS.map((m) => [m, null])) as Record<MetricName, ReturnType<typeof stats> | null>;
    metrics.cost_gbp = stats(1000012.5);
    // A mean of 1358.46 children is written 1358.5 (one decimal, half up); the percentiles are as given.
    metrics.children_looked_after = { mean: 1358.46, p10: 1340, p50: 1358, p90: 1377, runs: 3 };
    const csv = wideCsvMonteCarlo([{ scenario: 's', level: 'wales', areaCode: 'W', areaName: 'Wales', year: 2027, asAt: '2028-03-31', runs: 3, metrics }], ['children_looked_after', 'cost_gbp']);
    expect(csv.split('\n')[0]).toContain('children_looked_after,children_looked_after_p10,children_looked_after_p50,children_looked_after_p90,cost_gbp,cost_gbp_p10');
    expect(csv.split('\n')[1]).toBe('s,wales,W,Wales,2027,2027-28,2028-03-31,1358.5,1340,1358,1377,1000013,1000013,1000013,1000013,cash');
  });
});

describe('the table', () => {
  it('shows cost in £m with thousands separators', () => {
    expect(displayValue(1_234_567_890, 'gbp')).toBe('1,234.6');
    expect(displayValue(347_503_000, 'gbp')).toBe('347.5');
    expect(displayValue(-40_000, 'gbp')).toBe('-0.0');
  });

  it('draws counts from zero (1,000 to 1,010 children is flat), other figures between their own ends', () => {
    expect(sparkline([1000, 1005, 1010], { fromZero: true })).toBe('███');
    expect(sparkline([1000, 1005, 1010])).toBe('▁▅█');
    expect(sparkline([0, 4, 8], { fromZero: true })).toBe('▁▅█');
  });

  it('has a one-line legend for its colours when coloured, none when plain', () => {
    const row = (year: number, unplaced: number) => walesRow(year, { unplaced });
    const table = (level: 0 | 1) =>
      renderProjectTable({ scenario: 's', title: '', levels: ['wales'], prices: null, rows: [row(2023, 0), row(2024, 3)], baseYear: 2024, metrics: ['unplaced', 'cost_gbp'], width: 100, chalk: new Chalk({ level }) });
    const legend = table(1).split('\n').filter((l) => l.includes('children without a place'));
    expect(legend).toHaveLength(1);
    expect(legend[0]).toContain('\u001b[31m');
    expect(table(0)).not.toContain('children without a place');
    expect(table(0).split('\n')[0]).toBe('Scenario s (money in cash)');
  });
});
