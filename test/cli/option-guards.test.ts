// Flags at their edges, as a careless user gives them (issue 23): a single-valued option given twice,
// an empty value, an empty argument are usage errors (exit 2) that name the option, before anything
// runs; validate's --scenario collects and may repeat; a template copied from a folder that is not a
// dataset says so.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('option guards (built CLI)', () => {
  it('a single-valued option given twice, in either spelling, is refused: the last would win unseen', () => {
    expect(run('project', '--scenario', 'central', '--scenario', 'baseline')).toMatchObject({ code: 2, stdout: '', stderr: 'sufficiency: --scenario: given 2 times; give it once (only one value is used)\n' });
    expect(run('plan', '--la', 'Cardiff', '--la=Newport', '--year', '2027', '--scenario', 'central')).toMatchObject({ code: 2, stderr: 'sufficiency: --la: given 2 times; give it once (only one value is used)\n' });
    expect(run('diff', 'central', 'baseline', '--by', 'la', '--by', 'region').stderr).toBe('sufficiency: --by: given 2 times; give it once (only one value is used)\n');
  });

  it('validate --scenario collects: given twice, both scenarios are checked', () => {
    const r = run('validate', '--scenario', 'central', '--scenario', 'baseline');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; 2 scenarios valid$/m);
  });

  it('an empty value or argument is refused, naming what was expected', () => {
    expect(run('project', '--scenario', 'central', '--data', '')).toMatchObject({ code: 2, stderr: 'sufficiency: --data: expected a value, found an empty one (dataset folder (a data package))\n' });
    expect(run('backtest', '--out', '')).toMatchObject({ code: 2, stderr: 'sufficiency: --out: expected a file name, or - for standard output\n' });
    expect(run('template', '')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^sufficiency: template: expected dir, found an empty value/) });
    expect(run('diff', '', 'central').code).toBe(2);
  });

  it('template --from a folder that is not a dataset warns that the LA table is blank', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suff-guard-'));
    try {
      const r = run('template', path.join(dir, 'out'), '--from', dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`sufficiency: warning: --from ${dir}: no local_authorities file found there, so local_authorities.csv holds only a commented example row\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
