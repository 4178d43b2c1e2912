// Writers and renderers on hand-made rows: plain numbers, colour conventions, sparklines, summaries.
import { describe, expect, it } from 'vitest';
import { formatNumber, longCsv, wideCsv } from '../../src/io/output.js';
import { colourLevel } from '../../src/cli/render/colour.js';
import { sparkline } from '../../src/cli/render/sparkline.js';
import { Chalk } from 'chalk';
import { diffSummary, distanceSentence, renderDiffTable } from '../../src/cli/render/diff.js';
import { displayDelta, displayDeltaRange, displayRange, displayValue } from '../../src/cli/render/metrics.js';
import { renderProjectTable } from '../../src/cli/render/table.js';
import { planTable } from '../../src/cli/render/plan.js';
import type { PlanFigures } from '../../src/cli/plan-figures.js';
import type { DiffRecord } from '../../src/io/output.js';
import { commonHorizon, parseMetrics, parseYear, resolveFormat, resolveYears } from '../../src/cli/pipeline.js';
import { METRICS, type AreaYearRow, type MetricName } from '../../src/model/types.js';

function row(over: Partial<AreaYearRow> & { m?: Partial<Record<MetricName, number | null>> }): AreaYearRow {
  const metrics = Object.fromEntries(METRICS.map((k) => [k, 0])) as Record<MetricName, number | null>;
  Object.assign(metrics, over.m ?? {});
  return { scenario: 's', level: 'wales', areaCode: 'W92000004', areaName: 'Wales', year: 2024, asAt: '2025-03-31', ...over, metrics };
}

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1234567, '1234567'],
    [0.5, '0.5'],
    [1 / 3, '0.3333'],
    [2.00004, '2'],
    [13195000.123456, '13195000.1235'],
    [-0.00001, '0'],
    [null, ''],
  ])('%s -> %s', (v, s) => expect(formatNumber(v as number | null)).toBe(s));
});

describe('CSV writers', () => {
  const rows = [row({ m: { unplaced: 3, cost_gbp: null, mean_distance_km: 12.34567 } })];
  it('wide: key columns then metrics in the order given; empty for null', () => {
    expect(wideCsv(rows, ['unplaced', 'cost_gbp', 'mean_distance_km'])).toBe(
      'scenario,level,area_code,area_name,year,financial_year,as_at,unplaced,cost_gbp,mean_distance_km,prices\ns,wales,W92000004,Wales,2024,2024-25,2025-03-31,3,,12.3457,cash\n',
    );
  });
  it('long, Excel: BOM and CRLF', () => {
    expect(longCsv(rows, ['unplaced'], { excel: true, prices: 2024 })).toBe('\uFEFFscenario,level,area_code,area_name,year,financial_year,as_at,metric,value,prices\r\ns,wales,W92000004,Wales,2024,2024-25,2025-03-31,unplaced,3,2024-25\r\n');
  });
});

describe('colour conventions', () => {
  it('off when not a terminal, on when FORCE_COLOR, off under NO_COLOR whatever else, off for files', () => {
    expect(colourLevel({}, false, false)).toBe(0);
    expect(colourLevel({}, true, false)).toBeGreaterThan(0);
    expect(colourLevel({ FORCE_COLOR: '1' }, false, false)).toBe(1);
    expect(colourLevel({ FORCE_COLOR: '0' }, true, false)).toBe(0);
    expect(colourLevel({ NO_COLOR: '1' }, true, false)).toBe(0);
    expect(colourLevel({ NO_COLOR: '1', FORCE_COLOR: '3' }, true, false)).toBe(0);
    expect(colourLevel({ NO_COLOR: '' }, true, false)).toBeGreaterThan(0);
    expect(colourLevel({ FORCE_COLOR: '1' }, true, true)).toBe(0);
  });
});

describe('sparkline', () => {
  it('scales between the series minimum and maximum; empty values are spaces', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([null, 5, 5])).toBe(' ▄▄');
    expect(sparkline([0, 0])).toBe('▁▁');
  });
});

describe('screen values', () => {
  it('units and signs', () => {
    expect(displayValue(7208, 'count')).toBe('7,208');
    expect(displayValue(0.873, 'share')).toBe('87%');
    expect(displayValue(412_345_678, 'gbp')).toBe('412.3');
    expect(displayValue(null, 'km')).toBe('–');
    expect(displayDelta(12, 'count')).toBe('+12');
    expect(displayDelta(-1234, 'count')).toBe('−1,234');
    expect(displayDelta(0, 'km')).toBe('·');
    expect(displayDelta(0.01, 'km')).toBe('~0');
    expect(displayDelta(-0.03, 'share')).toBe('−3pt');
  });
  it('counts in whole children, a Monte Carlo median of 1,358.5 included', () => {
    expect(displayValue(1358.5, 'count')).toBe('1,359');
    expect(displayValue(6.4, 'count')).toBe('6');
    expect(displayValue(-0.4, 'count')).toBe('0');
  });
  it('p10–p90 ranges: the unit once, at the high end; none where the ends look the same', () => {
    expect(displayRange(1339.9, 1377.3, 'count')).toEqual({ lo: '1,340', hi: '1,377' });
    expect(displayRange(0.79, 0.834, 'share')).toEqual({ lo: '79', hi: '83%' });
    expect(displayRange(67_100_000, 69_840_000, 'gbp')).toEqual({ lo: '67.1', hi: '69.8' });
    expect(displayRange(12.3, 12.34, 'km')).toBeNull();
    expect(displayRange(null, 3, 'count')).toBeNull();
    expect(displayDeltaRange(-3, 5, 'count')).toEqual({ lo: '−3', hi: '+5' });
    expect(displayDeltaRange(-0.01, 0.03, 'share')).toEqual({ lo: '−1', hi: '+3pt' });
    expect(displayDeltaRange(0, 0.03, 'ratio')).toEqual({ lo: '0.00', hi: '+0.03' });
    expect(displayDeltaRange(0, 0.2, 'count')).toBeNull();
  });
});

describe('Monte Carlo tables', () => {
  /** A paired-runs record: the mean of the run-by-run differences and their p10 and p90. */
  const rec = (year: number, p10: number, mean: number, p90: number): DiffRecord => ({ level: 'wales', areaCode: 'W92000004', areaName: 'Wales', year, metric: 'unplaced', a: 0, b: 0, delta: mean, deltaP10: p10, deltaP90: p90 });
  /** A one-metric (unplaced) Monte Carlo diff table for Wales. */
  const diffTable = (records: DiffRecord[], chalk: InstanceType<typeof Chalk>): string =>
    renderDiffTable({ nameA: 'a', nameB: 'b', levels: ['wales'], prices: null, records, metrics: ['unplaced'], summary: '', width: 80, chalk, baseYear: 2024 });

  const plain = new Chalk({ level: 0 });
  const mc = (y: number, looked: number, lo: number, hi: number, outside: number, olo: number, ohi: number) => ({
    row: row({ level: 'region', areaCode: 'gwent', areaName: 'Gwent', year: y, asAt: `${y + 1}-03-31`, m: { children_looked_after: looked, placed_outside_wales: outside } }),
    ranges: { children_looked_after: { p10: lo, p90: hi }, placed_outside_wales: { p10: olo, p90: ohi } },
  });
  const years = [mc(2023, 1400, 1400, 1400, 205, 205, 205), mc(2024, 1358.5, 1339.9, 1377.3, 9, 4, 12), mc(2025, 980, 960, 1001, 126, 118, 135)];
  const table = renderProjectTable({
    scenario: 's',
    title: '',
    levels: ['region'],
    prices: null,
    rows: years.map((y) => y.row),
    ranges: years.map((y) => y.ranges),
    baseYear: 2024,
    metrics: ['children_looked_after', 'placed_outside_wales'],
    width: 80,
    chalk: plain,
  });
  const lines = table.split('\n');
  it('puts the median under its header and the p10–p90 range beside it, ends aligned on the dash', () => {
    expect(lines.slice(lines.indexOf('Gwent gwent') + 1, lines.indexOf('Gwent gwent') + 6)).toEqual([
      '         looked                outside',
      'year      after                  Wales',
      '2023-24   1,400                    205',
      '2024-25   1,359 (1,340–1,377)        9   (4–12)',
      '2025-26     980   (960–1,001)      126 (118–135)',
    ]);
  });
  it('leaves no trailing spaces and no line wider than the terminal', () => {
    for (const l of lines) {
      expect(l).toBe(l.trimEnd());
      expect([...l].length).toBeLessThanOrEqual(80);
    }
  });
  it('diff: the mean of the run-by-run differences, then their p10 to p90 range', () => {
    const out = diffTable([rec(2024, 0, 0, 0), rec(2025, -3, 2, 12)], plain);
    expect(out).toContain('\n2024-25       ·\n2025-26      +2 (−3 to +12)\n');
  });
  it('diff: colours a direction only where the whole p10–p90 range lies on that side of 0', () => {
    const out = diffTable([rec(2025, -3, 2, 12), rec(2026, 1, 2, 12)], new Chalk({ level: 1 }));
    const line = (fy: string) => out.split('\n').find((l) => l.startsWith(fy))!;
    expect(line('2025-26')).not.toContain('\u001b[31m');
    expect(line('2026-27')).toContain('\u001b[31m+2');
  });
});

describe('option parsing', () => {
  it('years as 2027 or 2027-28 only', () => {
    expect(parseYear('--year', '2027')).toBe(2027);
    expect(parseYear('--year', '2027-28')).toBe(2027);
    expect(parseYear('--year', '2099-00')).toBe(2099);
    expect(() => parseYear('--year', '2027-29')).toThrow(/not a financial year/);
    expect(() => parseYear('--year', '27')).toThrow(/expected a year/);
    expect(() => parseYear('--year', '2027/28')).toThrow(/expected a year/);
  });
  it('metrics keep the order asked, once each; unknown ones get a did-you-mean', () => {
    expect(parseMetrics('unplaced, cost_gbp,unplaced')).toEqual(['unplaced', 'cost_gbp']);
    expect(() => parseMetrics('unplacd')).toThrow(/did you mean "unplaced"/);
  });
  it('format: given, else by --out ending, else CSV off a terminal', () => {
    expect(resolveFormat(undefined, null, false, true, ['table', 'csv', 'json'])).toBe('table');
    expect(resolveFormat(undefined, null, false, false, ['table', 'csv', 'json'])).toBe('csv');
    expect(resolveFormat(undefined, null, true, true, ['table', 'csv', 'json'])).toBe('csv');
    expect(resolveFormat(undefined, 'x.JSON', false, true, ['table', 'csv', 'json'])).toBe('json');
    expect(resolveFormat(undefined, 'x.md', false, true, ['table', 'csv', 'md'])).toBe('md');
    expect(() => resolveFormat('xlsx', null, false, true, ['table', 'csv', 'json'])).toThrow(/--format/);
  });
  it("years shown: --from/--to, else the scenario's horizon, else the base row to the horizon's end", () => {
    // Base date 31 March 2024: the base row is year 2023.
    expect(resolveYears({ from: null, to: null }, 2024, { from: null, to: 2030 })).toEqual({ from: 2023, to: 2030 });
    expect(resolveYears({ from: null, to: null }, 2024, { from: 2026, to: 2030 })).toEqual({ from: 2026, to: 2030 });
    expect(resolveYears({ from: 2024, to: null }, 2024, { from: 2026, to: 2030 })).toEqual({ from: 2024, to: 2030 });
    expect(resolveYears({ from: null, to: 2025 }, 2024, { from: 2026, to: 2030 })).toEqual({ from: 2023, to: 2025 });
    expect(resolveYears({ from: null, to: 2033 }, 2024, { from: null, to: 2030 })).toEqual({ from: 2023, to: 2033 });
    expect(() => resolveYears({ from: 2022, to: null }, 2024, { from: null, to: 2030 })).toThrow(/first row is year 2023/);
    expect(() => resolveYears({ from: 2029, to: 2027 }, 2024, { from: null, to: 2030 })).toThrow(/after --to/);
  });
  it('diff shows the years both scenarios cover', () => {
    expect(commonHorizon({ from: null, to: 2035 }, { from: 2026, to: 2030 })).toEqual({ from: 2026, to: 2030 });
    expect(commonHorizon({ from: 2027, to: 2035 }, { from: 2026, to: 2040 })).toEqual({ from: 2027, to: 2035 });
    expect(commonHorizon({ from: null, to: 2035 }, { from: null, to: 2035 })).toEqual({ from: null, to: 2035 });
  });
});

describe('diff summary', () => {
  const wales = (y: number, m: Partial<Record<MetricName, number | null>>) => row({ year: y, asAt: `${y + 1}-03-31`, m });
  const region = (code: string, name: string, y: number, m: Partial<Record<MetricName, number | null>>) =>
    row({ level: 'region', areaCode: code, areaName: name, year: y, asAt: `${y + 1}-03-31`, m });
  it('names the change at the last year and the regions that make most of it', () => {
    const text = diffSummary({
      nameA: 'baseline',
      nameB: 'eliminate-act',
      walesA: [wales(2029, { placed_outside_wales: 225, mean_distance_km: 20 })],
      walesB: [wales(2029, { placed_outside_wales: 310, mean_distance_km: 20 })],
      regionsA: [region('gwent', 'Gwent', 2029, { placed_outside_wales: 100 }), region('cardiff-and-vale', 'Cardiff and Vale', 2029, { placed_outside_wales: 100 }), region('powys', 'Powys', 2029, { placed_outside_wales: 25 })],
      regionsB: [region('gwent', 'Gwent', 2029, { placed_outside_wales: 140 }), region('cardiff-and-vale', 'Cardiff and Vale', 2029, { placed_outside_wales: 130 }), region('powys', 'Powys', 2029, { placed_outside_wales: 40 })],
      baseYear: 2024,
    });
    expect(text).toContain('By March 2030, eliminate-act places 85 more children outside Wales than baseline (310 against 225), mostly from Gwent (+40) and Cardiff and Vale (+30).');
    expect(text).toContain('Neither scenario leaves a child without a place in 2029-30.');
  });
});

describe('plan table', () => {
  it('wraps long headings and items to the width, never cutting a provider id', () => {
    const f = {
      la: { code: 'W06000015', nameEn: 'Cardiff' },
      year: 2027,
      asAt: '2028-03-31',
      rows: [
        { section: 'a(ii)', item: 'of whom placed with for-profit providers', placementType: '', value: 133 },
        { section: 'd(iii)', item: 'Synthetic for-profit fostering agency carers, Vale of Glamorgan (1) (FP-FOS-W06000014-01)', placementType: 'foster', value: 2 },
        { section: 'd(iii)', item: 'Synthetic for-profit fostering agency carers, Vale of Glamorgan (2) (FP-FOS-W06000014-02)', placementType: 'foster', value: 1 },
      ],
      notes: { definitions: ['Usable places: what a provider can fill.'], assumptions: ['B1: demand follows the trend.'], estimated: [] },
    } as unknown as PlanFigures;
    const out = planTable(f, { scenario: 's', title: '', version: '0' }, new Chalk({ level: 0 }), 60);
    for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(60);
    expect(out).toContain('a(ii) Children unlikely to be placed with LA or\n      not-for-profit accommodation within or near the area\n');
    expect(out).toContain('(FP-FOS-W06000014-01)');
    expect(out).toContain('(FP-FOS-W06000014-02)');
    expect(out).not.toContain('…');
    // the plan ends with its definitions and the assumptions in force (docs/model.md §2.3)
    expect(out).toMatch(/Definitions\n- Usable places: what a provider can fill\.\n\nAssumptions in force \(scenario s\)\n- B1: demand follows the trend\.\n/);
  });
});

describe('distance in the diff when a shortage grows (docs/model.md §2.2)', () => {
  it('never calls a shorter distance nearer home in a year when more children have no place', () => {
    // england-tightens against central in 2027-28: 24.9 km against 26.8 km, 59 more unplaced.
    expect(distanceSentence(26.8, 24.9, 59, false)).toBe('The children placed live 24.9 km from home on average against 26.8 km, but that is no improvement: 59 more children have no place at all, and no distance.');
    expect(distanceSentence(26.8, 24.9, 0, false)).toBe('The children placed live 1.9 km nearer home on average (24.9 against 26.8 km).');
    // Further from home with a shortage is said as it is: worse either way.
    expect(distanceSentence(24.9, 26.8, 3, false)).toMatch(/1\.9 km further from home/);
    expect(distanceSentence(26.8, 26.82, 5, false)).toBeNull();
  });

  it('colours a shorter distance neither green nor red in a year when unplaced rose', () => {
    const chalk = new Chalk({ level: 1 });
    const r = (year: number, metric: MetricName, delta: number): DiffRecord => ({ level: 'wales', areaCode: 'W92000004', areaName: 'Wales', year, metric, a: 0, b: 0, delta });
    const out = renderDiffTable({
      nameA: 'a', nameB: 'b', levels: ['wales'], prices: null, metrics: ['unplaced', 'mean_distance_km'], summary: '', width: 80, chalk, baseYear: 2024,
      // 2025: 59 more unplaced and 1.9 km shorter; 2026: none unplaced more and 1.9 km shorter.
      records: [r(2025, 'unplaced', 59), r(2025, 'mean_distance_km', -1.9), r(2026, 'unplaced', 0), r(2026, 'mean_distance_km', -1.9)],
    });
    const line = (fy: string) => out.split('\n').find((l) => l.startsWith(fy))!;
    expect(line('2025-26')).toContain('\u001b[31m+59');
    expect(line('2025-26')).not.toContain('\u001b[32m');
    expect(line('2026-27')).toContain('\u001b[32m−1.9');
  });
});
