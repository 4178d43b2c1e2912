import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, writeFile, appendFile, readdir, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeTemplate } from '../../src/cli/commands/template.js';
import { loadDataset } from '../../src/io/dataset.js';
import { parseCsvText } from '../../src/io/csv.js';
import { RESOURCE_NAMES } from '../../src/io/schemas.js';
import { UsageError } from '../../src/errors.js';

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'sufficiency-template-'));

describe('sufficiency template', () => {
  it('writes every resource with its Table Schema, a header and one commented example row', async () => {
    const dir = path.join(await tmp(), 'blank');
    await writeTemplate(dir, { from: 'test/fixtures/io/good' });
    const pkg = JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual([...RESOURCE_NAMES]);
    for (const r of pkg.resources) expect(r.schema.fields.length).toBeGreaterThan(2);
    const strategies = await readFile(path.join(dir, 'strategies.csv'), 'utf8');
    expect(strategies).toBe(
      'la_code,year,action,placement_type,sector,places,host,note\n# W06000015,2026,open,residential,la,4,W06000015,New small home (example: delete this line)\n',
    );
    const files = await readdir(dir);
    expect(files).toContain('README.md');
    expect(files).toContain('placements.schema.json');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // local_authorities is copied from the dataset named by --from.
    expect(await readFile(path.join(dir, 'local_authorities.csv'), 'utf8')).toBe(
      await readFile('test/fixtures/io/good/local_authorities.csv', 'utf8'),
    );
  });

  it('refuses a folder that is not empty unless --force', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'mine.txt'), 'keep me');
    await expect(writeTemplate(dir, { from: 'test/fixtures/io/good' })).rejects.toBeInstanceOf(UsageError);
    await writeTemplate(dir, { from: 'test/fixtures/io/good', force: true });
    expect(await readFile(path.join(dir, 'mine.txt'), 'utf8')).toBe('keep me');
  });

  it('loads with loadDataset once filled with rows', async () => {
    const dir = path.join(await tmp(), 'filled');
    await mkdir(dir);
    await writeTemplate(dir, { from: 'test/fixtures/io/good' });
    const las = parseCsvText(await readFile(path.join(dir, 'local_authorities.csv'), 'utf8'), 'la').table!.records.map((r) => r.values.la_code);
    expect(las.length).toBeGreaterThan(0);
    for (const code of las) {
      await appendFile(path.join(dir, 'demand_history.csv'), `${code},2024-03-31,12,test,published\n`);
      await appendFile(path.join(dir, 'placements.csv'), `${code},foster,la,${code},10,,test\n${code},kinship,,,2,,test\n`);
      await appendFile(path.join(dir, 'providers.csv'), `LA_${code},Carers of ${code},la,${code},foster,11,test\n`);
    }
    await appendFile(path.join(dir, 'strategies.csv'), `${las[0]},2025-26,recruit,foster,la,5,,More carers\n`);
    await appendFile(path.join(dir, 'costs.csv'), 'foster,la,in_wales,500,2024,,test,estimated\n');
    const { dataset, problems } = await loadDataset(dir);
    expect(problems).toEqual([]);
    expect(dataset!.strategies).toHaveLength(1);
    expect(dataset!.localAuthorities).toHaveLength(las.length);
  });
});
