// The built binary, run as an analyst would run it (build first: `npm run build`, as `npm test` does).
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sufficiency validate (built CLI)', () => {
  it('exits 3 on a bad dataset, listing every problem as FILE:LINE:COLUMN with no stack trace', () => {
    const { code, stdout, stderr } = run('validate', '--data', 'test/fixtures/io/three-mistakes');
    expect(code).toBe(3);
    const lines = stderr.trim().split('\n');
    expect(lines).toContain('test/fixtures/io/three-mistakes/placements.csv:5:children: expected a whole number of children (0 or more), found "-40"');
    expect(lines.filter((l) => /^test\/fixtures\/io\/three-mistakes\/[a-z_]+\.csv:\d+:[a-z_]+: /.test(l))).toHaveLength(3);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toContain('3 errors');
  });

  it('exits 0 on a good dataset, with a summary line on stdout', () => {
    const { code, stdout, stderr } = run('validate', '--data', 'test/fixtures/io/good', '--scenarios', 'test/fixtures/io/no-scenarios');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^test\/fixtures\/io\/good: 3 LAs, 510 children, 0 errors, 0 warnings/);
  });

  it('exits 0 with warnings printed when the only problems are warnings', () => {
    const { code, stderr } = run('validate', '--data', 'test/fixtures/io/over-capacity', '--scenarios', 'test/fixtures/io/no-scenarios');
    expect(code).toBe(0);
    expect(stderr).toContain('test/fixtures/io/over-capacity/placements.csv:3:children: warning: ');
  });

  it('exits 0 on the shipped Wales data and every shipped scenario', () => {
    const { code, stdout, stderr } = run('validate');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^data\/wales: 22 LAs, 7,198 children, 0 errors, 0 warnings; 10 scenarios valid$/m);
  });

  it('exits 3 on a bad scenario, naming its file, line, column and key', () => {
    const { code, stdout, stderr } = run('validate', '--scenario', 'test/fixtures/cli/scenarios/broken.yaml', '--scenarios', 'test/fixtures/cli/scenarios');
    expect(code).toBe(3);
    expect(stderr).toContain('test/fixtures/cli/scenarios/broken.yaml:4:1: demnd: unknown key; did you mean "demand"?');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toContain('0 scenarios valid, 1 with errors');
  });

  it('reports scenario problems even when the data has problems, as far as a scenario can be checked on its own', () => {
    const { code, stdout, stderr } = run('validate', '--data', 'test/fixtures/io/three-mistakes', '--scenario', 'test/fixtures/cli/scenarios/broken.yaml');
    expect(code).toBe(3);
    const lines = stderr.trim().split('\n');
    expect(lines).toContain('test/fixtures/io/three-mistakes/placements.csv:5:children: expected a whole number of children (0 or more), found "-40"');
    expect(lines).toContain('test/fixtures/cli/scenarios/broken.yaml:4:1: demnd: unknown key; did you mean "demand"?');
    expect(stdout).toContain('0 scenarios valid on their own (their LAs, regions and years wait for a valid dataset), 1 with errors');
  });

  it('sufficiency template refuses a non-empty folder with exit 2', () => {
    const { code, stderr } = run('template', 'test/fixtures/io/good');
    expect(code).toBe(2);
    expect(stderr).toContain('not empty');
  });
});
