// costs.la_code (docs/model.md §3): a row with la_code is that placing LA's own weekly price. The loader
// resolves the LA like every other LA column (code, English or Welsh name) and refuses an unknown one.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/io/dataset.js';
import { formatProblem } from '../../src/errors.js';

async function withCosts(lines: string[]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sufficiency-costs-la-'));
  await cp('test/fixtures/cli/small', dir, { recursive: true });
  await writeFile(path.join(dir, 'costs.csv'), ['placement_type,sector,location,weekly_cost_gbp,price_year,la_code', ...lines].join('\n') + '\n');
  return loadDataset(dir);
}

const ALL_WALES = [
  'foster,la,in_wales,450,2024,',
  'foster,nfp,in_wales,800,2024,',
  'foster,fp,in_wales,950,2024,',
  'foster,fp,outside_wales,1000,2024,',
  'residential,la,in_wales,4500,2024,',
  'residential,nfp,in_wales,5000,2024,',
  'residential,fp,in_wales,5800,2024,',
  'residential,fp,outside_wales,6500,2024,',
];

describe('costs.la_code', () => {
  it("reads an LA's own price by code or Welsh name beside the all-Wales rows", async () => {
    const { dataset, problems } = await withCosts([...ALL_WALES, 'foster,la,in_wales,520,2024,Caerdydd', 'residential,la,in_wales,4700,2024,W06000014']);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const own = dataset!.costs!.filter((c) => c.laCode !== null);
    expect(own.map((c) => `${c.laCode} ${c.placementType} ${c.weeklyCostGbp}`)).toEqual(['W06000015 foster 520', 'W06000014 residential 4700']);
    expect(dataset!.costs!.filter((c) => c.laCode === null)).toHaveLength(8);
  });

  it('refuses an unknown LA with the file, line and column, and a suggestion', async () => {
    const { problems } = await withCosts([...ALL_WALES, 'foster,la,in_wales,520,2024,Cardif']);
    const lines = problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/costs\.csv:10:la_code: unknown local authority "Cardif".*Cardiff/);
  });

  it("an LA's own row and the all-Wales row for the same cell are not duplicates; two own rows are", async () => {
    const { problems } = await withCosts([...ALL_WALES, 'foster,la,in_wales,520,2024,Cardiff', 'foster,la,in_wales,530,2024,W06000015']);
    const lines = problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/costs\.csv:11/);
  });
});
