// `--lang en|cy` on every command (issue 23): each accepts it, refuses anything else with exit 2, and
// shows its own lines in Welsh; problems stay in English (docs/methodology.md, "Flags and languages").
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--lang on every command (built CLI)', () => {
  it('validate gives its summary in Welsh, its problems in English', () => {
    const good = run('validate', '--lang', 'cy');
    expect(good.code).toBe(0);
    const [summary, pricesTitle] = good.stdout.split('\n');
    expect(summary).toBe('data/wales: 22 awdurdod lleol, 7,198 o blant, 0 gwall, 0 rhybudd; 10 senario yn ddilys');
    // The weekly prices it lists follow in Welsh too.
    expect(pricesTitle).toBe('Prisiau wythnosol a ddefnyddiwyd (ffioedd lleoli):');
    const bad = run('validate', '--lang', 'cy', '--data', 'test/fixtures/io/three-mistakes', '--scenarios', 'test/fixtures/io/no-scenarios');
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/^test\/fixtures\/io\/three-mistakes: 3 gwall, 0 rhybudd; /);
    expect(bad.stderr).toContain('expected a whole number of children (0 or more), found "-40"');
  });

  it('scenarios lists the same lines, with a Welsh note when the folder holds none', () => {
    expect(run('scenarios', '--lang', 'cy').stdout).toBe(run('scenarios').stdout);
    const dir = mkdtempSync(path.join(tmpdir(), 'suff-lang-'));
    try {
      const empty = run('scenarios', '--lang', 'cy', '--scenarios', dir);
      expect(empty.code).toBe(0);
      expect(empty.stdout).toBe('');
      expect(empty.stderr).toBe(`${dir}: dim senarios (ffeiliau *.yaml) yn y ffolder hon\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('template says what it wrote in Welsh, and writes the same files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suff-lang-'));
    try {
      const r = run('template', path.join(dir, 'cy'), '--lang', 'cy');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/: ysgrifennwyd local_authorities\.csv, local_authorities\.schema\.json, /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('backtest accepts it: the CSV keeps its machine names', () => {
    const r = run('backtest', '--lang', 'cy', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(run('backtest', '--format', 'csv').stdout.split('\n')[0]);
    expect(r.stdout.split('\n')[0]).toBe('level,area_code,area_name,method,horizon,origin,year,points,forecast,actual,mape,bias,rank,better,worse,p_value,verdict');
  });

  it('every command refuses a language it does not know with exit 2', () => {
    for (const cmd of [['validate'], ['scenarios'], ['template', path.join(tmpdir(), 'suff-never-written')], ['backtest'], ['project', '--scenario', 'central'], ['plan', '--la', 'Cardiff', '--year', '2027', '--scenario', 'central']]) {
      const r = run(...cmd, '--lang', 'fr');
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(r.stderr, cmd.join(' ')).toContain('--lang: expected en or cy, found "fr"');
    }
  });
});
