// The Excel workbook (docs/model.md §7), read back by an independent reader (exceljs, a different library from
// the writer) and, where LibreOffice is installed, opened by LibreOffice headless and exported to CSV:
// the cells must be the very figures of the CSV output of the same command, numbers stored as
// numbers with £ and % formats, a frozen header row, widths that fit, and an `about` sheet.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = (args: string[]) => spawnSync(process.execPath, ['bin/sufficiency.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

// The budget analyst's command (README), as a workbook and as Excel CSV.
const BUDGET = ['project', '--scenario', 'central', '--by', 'wales,region', '--from', '2027', '--to', '2030', '--metrics', 'cost_gbp,cost_residential_gbp,placed_in_own_la_share,unplaced', '--prices', '2024', '--runs', '1'];

let dir: string;
let csvRows: string[][];
let book: ExcelJS.Workbook;

/** CSV text (no quoted commas in these outputs but area names with none) as rows of cells. */
const parseCsv = (text: string): string[][] =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => [...l.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, l.split(',').length));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sufficiency-xlsx-'));
  const x = cli([...BUDGET, '--out', path.join(dir, 'costs.xlsx')]);
  expect(x.status, x.stderr).toBe(0);
  const c = cli([...BUDGET, '--excel', '--out', path.join(dir, 'costs.csv')]);
  expect(c.status, c.stderr).toBe(0);
  csvRows = parseCsv(await readFile(path.join(dir, 'costs.csv'), 'utf8'));
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, 'costs.xlsx'));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A sheet's rows as plain values (row 1 the header). */
const values = (name: string): unknown[][] => {
  const ws = book.getWorksheet(name)!;
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe('project --out FILE.xlsx', () => {
  it('has a sheet per level asked for, in order, then about', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['wales', 'region', 'about']);
  });

  it('holds the same figures as the CSV of the same command, numbers as numbers', () => {
    const header = csvRows[0];
    const wales = values('wales');
    const region = values('region');
    expect(wales[0]).toEqual(header);
    expect(region[0]).toEqual(header);
    const cells = [...wales.slice(1), ...region.slice(1)];
    expect(cells).toHaveLength(csvRows.length - 1);
    cells.forEach((row, i) => {
      const csv = csvRows[i + 1];
      header.forEach((col, j) => {
        const v = row[j];
        if (col === 'year' || col.endsWith('_gbp') || col.endsWith('_share') || col === 'unplaced') {
          expect(typeof v, `${col} row ${i + 2}`).toBe('number');
          expect(v).toBe(Number(csv[j]));
        } else {
          expect(v).toBe(csv[j]);
        }
      });
    });
    // Wales 2027-28 in 2024-25 prices: whole pounds
    expect(wales[1].slice(4, 6)).toEqual([2027, '2027-28']);
    expect(Number.isInteger(wales[1][7])).toBe(true);
  });

  it('formats money in £, shares as %, counts whole; freezes the header; fits the columns', () => {
    const ws = book.getWorksheet('region')!;
    const col = (name: string): number => (ws.getRow(1).values as unknown[]).indexOf(name);
    const cell = ws.getRow(2);
    expect(cell.getCell(col('cost_gbp')).numFmt).toContain('£');
    expect(cell.getCell(col('cost_gbp')).numFmt).toContain('#,##0');
    expect(cell.getCell(col('placed_in_own_la_share')).numFmt).toMatch(/%$/);
    expect(cell.getCell(col('unplaced')).numFmt).toBe('#,##0');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // area_name fits "Cwm Taf Morgannwg" (17 characters); cost fits "£70,357,414" (11: ten-million pounds and more)
    expect(ws.getColumn(col('area_name')).width).toBeGreaterThanOrEqual(17);
    expect(ws.getColumn(col('cost_gbp')).width).toBeGreaterThanOrEqual(11);
  });

  it('has an about sheet with the scenario, the prices, the input hashes and the assumptions', () => {
    const about = values('about');
    const item = (k: string) => about.find((r) => r[0] === k)?.[1];
    expect(item('scenario')).toBe('central');
    // What the figures are: here one draw of a random scenario (docs/methodology.md "Monte Carlo figures").
    expect(item('figures')).toBe('One run at central values: one draw of which services leave, which child takes which place and which flows round up to whole children (seed 1); --runs N shows the range.');
    expect(item('prices')).toMatch(/^constant 2024-25 prices/);
    expect(item('data/costs.csv')).toMatch(/^[0-9a-f]{64}$/);
    expect(about.some((r) => r[0] === 'B6' && String(r[1]).includes('deflate'))).toBe(true);
    expect(about.some((r) => r[0] === 'deflator' && r[1] === '0.02')).toBe(true);
  });

  it('is refused on a terminal, and a CSV-only flag with it is a usage error', () => {
    const r = cli([...BUDGET, '--format', 'xlsx', '--long']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--long applies to CSV output, not xlsx/);
  });
});

// LibreOffice, where installed: open the workbook and export every sheet to CSV; the data sheets
// must read back as the tool's own CSV. CI does not install LibreOffice (it is large); this runs
// wherever soffice is on the PATH.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!soffice)('the workbook opened by LibreOffice', () => {
  it('exports the same figures as the CSV output', async () => {
    const out = path.join(dir, 'lo');
    // CSV filter options: comma, double quote, UTF-8, from line 1, …, cell contents not as shown, every sheet (-1)
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, path.join(dir, 'costs.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['costs-about.csv', 'costs-region.csv', 'costs-wales.csv']);
    const wales = parseCsv(await readFile(path.join(out, 'costs-wales.csv'), 'utf8'));
    const region = parseCsv(await readFile(path.join(out, 'costs-region.csv'), 'utf8'));
    const rows = [wales[0], ...wales.slice(1), ...region.slice(1)];
    expect(rows.length).toBe(csvRows.length);
    rows.forEach((row, i) => row.forEach((v, j) => {
      const want = csvRows[i][j];
      // LibreOffice writes a percentage with its % sign even when not "as shown": 80.35% is 0.8035
      const n = v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : Number(v);
      if (/^-?[0-9.]+$/.test(want) && i > 0) expect(n).toBeCloseTo(Number(want), 6);
      else expect(v).toBe(want);
    }));
  }, 150_000);
});
