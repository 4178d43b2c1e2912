// What --out may write onto, and odd flags: a hostile or careless user's attempts. The built CLI runs
// as a process; links, pipes and folders are made in a temporary folder.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const S = ['--data', 'test/fixtures/cli/small', '--scenarios', 'test/fixtures/cli/scenarios'];
const TMP = mkdtempSync(path.join(tmpdir(), 'sufficiency-out-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const project = (...more: string[]) => run('project', '--scenario', 'steady', ...S, '--by', 'wales', ...more);
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('--out refuses anything but a regular file or a new name (exit 2, nothing written)', () => {
  it('a symbolic link, even to a file the user may write: the file it points to stays as it was', () => {
    const target = path.join(TMP, 'precious.csv');
    writeFileSync(target, 'keep me\n');
    const link = path.join(TMP, 'link.csv');
    symlinkSync(target, link);
    const r = project('--out', link);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`sufficiency: refusing to write ${link}: it is a symbolic link; --out takes a regular file or a new name (use - or leave --out out for standard output)\n`);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
  });

  it('a named pipe (which would block), a device and a folder', () => {
    const fifo = path.join(TMP, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(project('--out', fifo)).toMatchObject({ code: 2, err: expect.stringContaining(`${fifo}: it is a named pipe`) });
    expect(project('--out', '/dev/null')).toMatchObject({ code: 2, err: expect.stringContaining('/dev/null: it is a device') });
    expect(project('--out', TMP)).toMatchObject({ code: 2, err: expect.stringContaining(`${TMP}: it is a folder`) });
  });

  it('a sidecar path that is a link is refused too, before the output is written', () => {
    const out = path.join(TMP, 'side.csv');
    symlinkSync(path.join(TMP, 'elsewhere.json'), `${out}.meta.json`);
    const r = project('--out', out);
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining(`${out}.meta.json: it is a symbolic link`) });
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(TMP, 'elsewhere.json'))).toBe(false);
  });

  it('the same for plan, diff and report, before anything is read', () => {
    const link = path.join(TMP, 'link2.html');
    symlinkSync(path.join(TMP, 'target2'), link);
    const refused = { code: 2, err: expect.stringContaining(`${link}: it is a symbolic link`) };
    expect(run('report', '--scenario', 'exit', ...S, '--out', link)).toMatchObject(refused);
    expect(run('plan', '--la', 'Cardiff', '--year', '2026', '--scenario', 'exit', ...S, '--out', link)).toMatchObject(refused);
    expect(run('diff', 'steady', 'exit', ...S, '--out', link)).toMatchObject(refused);
    expect(existsSync(path.join(TMP, 'target2'))).toBe(false);
  });

  it('a folder that does not exist, and an empty name', () => {
    expect(project('--out', path.join(TMP, 'no', 'such.csv'))).toMatchObject({ code: 2, err: expect.stringContaining('its folder does not exist') });
    expect(project('--out', '')).toMatchObject({ code: 2, err: 'sufficiency: --out: expected a file name, or - for standard output\n' });
  });

  it('- is standard output: the same bytes as no --out, and no sidecar', () => {
    const plain = project();
    const dash = project('--out', '-');
    expect(dash.code).toBe(0);
    expect(dash.out).toBe(plain.out);
    expect(existsSync('-')).toBe(false);
    expect(existsSync('-.meta.json')).toBe(false);
  });
});

describe('the sidecar records the SHA-256 of the file it describes (docs/model.md §6)', () => {
  it('for CSV and for plan Markdown; an edited file no longer matches', () => {
    const out = path.join(TMP, 'run.csv');
    expect(project('--out', out).code).toBe(0);
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, 'utf8'));
    expect(meta.output).toEqual({ path: 'run.csv', sha256: sha256(out) });
    writeFileSync(out, readFileSync(out, 'utf8') + 'an edit\n');
    expect(meta.output.sha256).not.toBe(sha256(out));

    const md = path.join(TMP, 'plan.md');
    expect(run('plan', '--la', 'Cardiff', '--year', '2026', '--scenario', 'exit', ...S, '--out', md).code).toBe(0);
    expect(JSON.parse(readFileSync(`${md}.meta.json`, 'utf8')).output).toEqual({ path: 'plan.md', sha256: sha256(md) });
  });

  it('keeps an existing file\'s permissions when it replaces it', () => {
    const out = path.join(TMP, 'mode.csv');
    writeFileSync(out, 'old\n', { mode: 0o640 });
    expect(project('--out', out).code).toBe(0);
    expect(execFileSync('stat', ['-c', '%a', out], { encoding: 'utf8' }).trim()).toBe('640');
  });
});

describe('years and threads on the command line are bounded', () => {
  it('--from, --to and --year from 1900 to 2200, like years in scenarios (exit 2)', () => {
    expect(project('--from', '1800')).toMatchObject({ code: 2, err: 'sufficiency: --from: expected a year from 1900 to 2200, found "1800"\n' });
    expect(project('--to', '2201')).toMatchObject({ code: 2, err: 'sufficiency: --to: expected a year from 1900 to 2200, found "2201"\n' });
    expect(project('--to', '9999-00')).toMatchObject({ code: 2, err: 'sufficiency: --to: expected a year from 1900 to 2200, found "9999-00"\n' });
    expect(run('plan', '--la', 'Cardiff', '--year', '2300-01', '--scenario', 'exit', ...S)).toMatchObject({ code: 2, err: 'sufficiency: --year: expected a year from 1900 to 2200, found "2300-01"\n' });
  });

  it('--workers far beyond the runs and the cores is capped, with the same output as one thread', () => {
    const many = run('project', '--scenario', 'exit-uncertain', ...S, '--by', 'wales', '--runs', '3', '--workers', '100000');
    const one = run('project', '--scenario', 'exit-uncertain', ...S, '--by', 'wales', '--runs', '3', '--workers', '1');
    expect(many.code).toBe(0);
    expect(many.out).toBe(one.out);
  });
});

describe('kill -9 during a write leaves the old file whole', () => {
  it('at any moment of a run, --out holds either the old bytes or the complete new ones', async () => {
    const out = path.join(TMP, 'killed.csv');
    const args = ['bin/sufficiency.js', 'project', '--scenario', 'exit-uncertain', ...S, '--by', 'la', '--runs', '40', '--workers', '1', '--out', out];
    const full = path.join(TMP, 'full.csv');
    expect(spawnSync(process.execPath, [...args.slice(0, -1), full]).status).toBe(0);
    const complete = readFileSync(full, 'utf8');
    const old = 'an old file the run must not half overwrite\n';
    let killedEarly = 0;
    // Kill the process at moments spread over its life (it takes a few hundred ms).
    for (const delay of [50, 150, 250, 350, 450, 600, 800]) {
      writeFileSync(out, old);
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      // Listen for the exit at once: a run that ends before the kill would otherwise never be heard.
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(out, 'utf8');
      expect([old, complete]).toContain(now);
      if (now === old) killedEarly++;
    }
    // At least one kill landed before the rename (else the test proves nothing).
    expect(killedEarly).toBeGreaterThan(0);
    // What a killed run can leave is a hidden temporary file beside it, never a changed --out.
    for (const f of readdirSync(TMP).filter((f) => f.startsWith('.killed.csv.'))) expect(f).toMatch(/\.tmp$/);
  }, 240_000); // seven whole CLI runs: generous, since CI machines and loaded developer machines are slow; a timeout here says nothing about safety
});
