// Runs one golden case of test/cli/cases/<name>/ against the built CLI, Miller-style:
//   cmd       the argument line (after `sufficiency`), with "quotes" for arguments holding spaces;
//             $TMP stands for a fresh temporary folder (for --out)
//   expout    expected standard output
//   experr    expected standard error
//   exit      expected exit code (0 when absent)
//   expfiles/ expected files written into $TMP, compared byte for byte
// The CLI runs from the repository root with NO_COLOR=1 and COLUMNS=100; the temporary folder's path
// is written back as $TMP in every output so that the expectations do not depend on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CASES = path.join(ROOT, 'test', 'cli', 'cases');

export function caseNames() {
  return readdirSync(CASES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(CASES, d.name, 'cmd')))
    .map((d) => d.name)
    .sort();
}

/** Splits an argument line: whitespace separates, "double" or 'single' quotes group. */
export function splitArgs(line) {
  const out = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m;
  while ((m = re.exec(line)) !== null) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Runs a case; returns what it printed, its exit code and the files it wrote (name -> Buffer). */
export function runCase(name) {
  const dir = path.join(CASES, name);
  const line = readFileSync(path.join(dir, 'cmd'), 'utf8').trim();
  const tmp = mkdtempSync(path.join(tmpdir(), 'sufficiency-golden-'));
  try {
    const args = splitArgs(line).map((a) => a.split('$TMP').join(tmp));
    const env = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'sufficiency.js'), ...args], { cwd: ROOT, env, encoding: 'buffer' });
    const clean = (buf) => buf.toString('utf8').split(tmp).join('$TMP');
    const files = {};
    for (const f of readdirSync(tmp).sort()) files[f] = readFileSync(path.join(tmp, f));
    return { stdout: clean(r.stdout), stderr: clean(r.stderr), exit: r.status, files };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function expected(name) {
  const dir = path.join(CASES, name);
  const read = (f) => (existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), 'utf8') : '');
  const filesDir = path.join(dir, 'expfiles');
  const files = {};
  if (existsSync(filesDir)) for (const f of readdirSync(filesDir).sort()) files[f] = readFileSync(path.join(filesDir, f));
  const exitText = read('exit').trim();
  return { stdout: read('expout'), stderr: read('experr'), exit: exitText === '' ? 0 : Number(exitText), files };
}
