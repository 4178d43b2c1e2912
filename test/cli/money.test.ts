// Money as a budget analyst reads it (docs/methodology.md, "Money"): the prices column of every CSV,
// --prices refused without a deflator, budget tables with financial years as columns, the weekly
// prices in view, one-off costs apart from placement fees, and pounds that round half up.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// One run at central values: the shipped scenarios are random, and these tests read single figures.
const oneRun = (args: string[]): string[] => (['project', 'diff'].includes(args[0]) && !args.includes('--runs') ? [...args, '--runs', '1'] : args);
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/sufficiency.js', ...oneRun(args)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const lines = (text: string): string[][] => text.trim().split('\n').map((l) => l.split(','));

describe('the prices column', () => {
  it('ends every wide, long and diff CSV: cash, or the --prices year as a financial year', () => {
    const wide = lines(cli(['project', '--scenario', 'central', '--by', 'wales', '--to', '2025', '--metrics', 'cost_gbp', '--format', 'csv']).stdout);
    expect(wide[0].at(-1)).toBe('prices');
    expect(wide.slice(1).map((r) => r.at(-1))).toEqual(['cash', 'cash', 'cash']);
    const long = lines(cli(['project', '--scenario', 'central', '--by', 'wales', '--to', '2025', '--metrics', 'cost_gbp', '--long', '--prices', '2024-25']).stdout);
    expect(long[0]).toEqual(['scenario', 'level', 'area_code', 'area_name', 'year', 'financial_year', 'as_at', 'metric', 'value', 'prices']);
    expect(new Set(long.slice(1).map((r) => r.at(-1)))).toEqual(new Set(['2024-25']));
    const diff = lines(cli(['diff', 'baseline', 'central', '--by', 'wales', '--to', '2024', '--metrics', 'cost_gbp', '--format', 'csv', '--prices', '2024']).stdout);
    expect(diff[0].at(-1)).toBe('prices');
    expect(diff[1].at(-1)).toBe('2024-25');
  });
});

describe('--prices', () => {
  it('refuses a scenario without a deflator (exit 3), naming the key to set', () => {
    const r = cli(['project', '--scenario', 'test/fixtures/scenarios/bad/no-deflator.yaml', '--prices', '2024', '--format', 'csv']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no-deflator\.yaml: deflator: --prices 2024-25 .*set `deflator`/);
    // Cash needs no deflator.
    expect(cli(['project', '--scenario', 'test/fixtures/scenarios/bad/no-deflator.yaml', '--to', '2024', '--format', 'csv']).status).toBe(0);
  });

  it('warns, and still runs, for a price year before the data\'s (2024-25)', () => {
    const r = cli(['project', '--scenario', 'central', '--by', 'wales', '--to', '2024', '--metrics', 'cost_gbp', '--prices', '2020', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: --prices 2020-21 is before the data's earliest price year \(2024-25\)/);
    // 2024-25 cash £413,072,400 (one run at central values) deflated four years at 2%: ÷ 1.02⁴ =
    // 1.08243216 gives £381,615,047.4; the tool deflates each LA's unrounded cash and rounds the sum
    // once, which lands on £381,615,048 (within a pound of the hand figure, as it must be).
    expect(lines(r.stdout)[2].slice(7)).toEqual(['381615048', '2020-21']);
  });
});

describe('one-off costs', () => {
  it('are their own metric, never in placement fees: baseline 2024-25 opens 35 children\'s home places at £448,000', () => {
    const r = cli(['project', '--scenario', 'baseline', '--by', 'wales', '--to', '2024', '--metrics', 'cost_gbp,cost_one_off_gbp', '--format', 'csv']);
    const rows = lines(r.stdout);
    expect(rows[0].slice(7)).toEqual(['cost_gbp', 'cost_one_off_gbp', 'prices']);
    expect(rows[1].slice(7, 9)).toEqual(['', '']); // the base row leaves flows empty
    // 35 places × £448,000 = £15,680,000 (the LAs' own strategies in data/wales open 35 places in 2024)
    expect(rows[2][8]).toBe('15680000');
  });

  it('are checked as registry parameters: money of at least 0, known keys only (exit 3)', () => {
    const r = cli(['validate', '--scenario', 'test/fixtures/scenarios/bad/one-off-negative.yaml']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/one_off_costs\.recruit\.foster: expected a number of at least 0, found -12000/);
    expect(r.stderr).toMatch(/one_off_costs\.convert\.secure: unknown key \(expected one of residential, foster\)/);
  });
});

describe('the weekly prices in view', () => {
  it("validate's summary lists each weekly price with its year, whether estimated, and its source", () => {
    const r = cli(['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Weekly prices used \(placement fees\):/);
    expect(r.stdout).toMatch(/ {2}residential, for-profit, in Wales, all of Wales: £6,500 a week; prices of 2024-25; estimated: yes; source: E8/);
  });
});

describe('project defaults', () => {
  it('--by wales,region: the nation first, then its regions', () => {
    const rows = lines(cli(['project', '--scenario', 'central', '--to', '2024', '--metrics', 'unplaced', '--format', 'csv']).stdout);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['wales', 'wales', ...new Array(14).fill('region')]);
  });
});

describe('--years-as-columns', () => {
  it('gives a CSV budget table: one row per area and metric, each financial year a column, prices last', () => {
    const rows = lines(cli(['project', '--scenario', 'central', '--by', 'wales', '--from', '2027', '--to', '2029', '--metrics', 'cost_gbp,cost_one_off_gbp', '--years-as-columns', '--prices', '2024']).stdout);
    expect(rows[0]).toEqual(['scenario', 'level', 'area_code', 'area_name', 'metric', '2027-28', '2028-29', '2029-30', 'prices']);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['cost_gbp', 'cost_one_off_gbp']);
    expect(rows.slice(1).map((r) => r.at(-1))).toEqual(['2024-25', '2024-25']);
  });

  it('is refused with --long or for JSON (exit 2)', () => {
    expect(cli(['project', '--scenario', 'central', '--years-as-columns', '--long']).status).toBe(2);
    const r = cli(['project', '--scenario', 'central', '--years-as-columns', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--years-as-columns applies to CSV and xlsx output, not json/);
  });
});

// The budget analyst's one command (issue 19): a workbook with financial years as columns, constant
// prices named in every sheet, placement fees and one-off costs apart.
describe('the budget workbook', () => {
  let dir: string;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sufficiency-budget-'));
    const r = cli(['project', '--scenario', 'central', '--years-as-columns', '--prices', '2024', '--metrics', 'cost_gbp,cost_one_off_gbp', '--lang', 'cy', '--out', path.join(dir, 'budget.xlsx')]);
    expect(r.status, r.stderr).toBe(0);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'budget.xlsx'));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const values = (name: string): unknown[][] => {
    const out: unknown[][] = [];
    book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };

  it('has Wales and its regions, years as columns, Welsh headers and labels, prices in the last column', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['wales', 'region', 'about']);
    const wales = values('wales');
    expect(wales[0].slice(0, 6)).toEqual(['Senario', 'Lefel', 'Cod yr ardal', 'Ardal', 'Mesur', 'Beth ydyw']);
    expect(wales[0].slice(6, 8)).toEqual(['2023-24', '2024-25']);
    expect(wales[0].at(-1)).toBe('Prisiau');
    expect(wales.slice(1).map((r) => [r[4], r[5]])).toEqual([
      ['cost_gbp', 'Ffioedd lleoli (cost lleoliadau)'],
      ['cost_one_off_gbp', 'Costau untro’r newid (nid yn y ffioedd lleoli)'],
    ]);
    expect(wales.slice(1).map((r) => r.at(-1))).toEqual(['2024-25', '2024-25']);
    // Money stored as numbers with a £ format.
    const cell = book.getWorksheet('wales')!.getRow(2).getCell(8);
    expect(typeof cell.value).toBe('number');
    expect(cell.numFmt).toContain('£');
  });

  it('names the prices and lists the weekly prices used in the about sheet', () => {
    const about = values('about');
    expect(about.find((r) => r[0] === 'prices')?.[1]).toMatch(/^constant 2024-25 prices/);
    expect(about.some((r) => String(r[1]).includes('cost_one_off_gbp'))).toBe(true);
    const row = about.find((r) => r[0] === 'residential, not-for-profit, in Wales, all of Wales');
    expect(row?.[1]).toBe('£5,750 a week, prices of 2024-25, estimated: yes');
  });
});
