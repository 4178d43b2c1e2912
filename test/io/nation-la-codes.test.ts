// docs/model.md §3.1: datapackage.json may list the nation's LA codes, so that a dataset holding part of the
// nation knows what it leaves out (and a nation's total is not given to the few LAs it holds).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/io/dataset.js';
import { isPartOfNation, nationLaCodes } from '../../src/scenario/nation.js';

/** The small CLI dataset (4 Welsh LAs) with `nation` set as given in its datapackage.json. */
function withNation(nation: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nation-'));
  cpSync('test/fixtures/cli/small', dir, { recursive: true });
  const file = path.join(dir, 'datapackage.json');
  const descriptor = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ name: descriptor.name, nation, ...descriptor }, null, 2));
  return dir;
}

describe('the nation\'s LA codes', () => {
  it('are read from datapackage.json, and a dataset holding fewer of them is part of its nation', async () => {
    const { dataset } = await loadDataset(withNation({ code: 'X92000001', name: 'Testland', la_codes: ['W06000014', 'W06000015', 'W06000020', 'W06000022', 'X06000001'] }));
    expect(dataset!.nation).toEqual({ code: 'X92000001', name: 'Testland', laCodes: ['W06000014', 'W06000015', 'W06000020', 'W06000022', 'X06000001'] });
    expect(isPartOfNation(dataset!)).toBe(true);
  });

  it('without a list, a dataset of Welsh LAs is measured against the 22', async () => {
    const { dataset } = await loadDataset('test/fixtures/cli/small');
    expect(nationLaCodes(dataset!)).toHaveLength(22);
    expect(isPartOfNation(dataset!)).toBe(true);
  });

  it('a list that is not a list of codes is bad input, reported at datapackage.json\'s line with what was expected', async () => {
    const dir = withNation({ code: 'W92000004', name: 'Wales', la_codes: 'W06000015' });
    const { problems } = await loadDataset(dir);
    const p = problems.find((x) => x.column === 'nation.la_codes');
    expect(p).toMatchObject({ severity: 'error', line: 3 });
    expect(p!.message).toMatch(/expected "la_codes": a list of the nation's LA codes/);
  });
});
