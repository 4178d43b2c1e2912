#!/usr/bin/env node
// Regenerates the expectations of the golden CLI cases from the built binary, on purpose:
//   npm run build && node test/cli/update-golden.mjs [case ...]
// Review the diff (git diff test/cli/cases) before committing: every change is a change of behaviour.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CASES, caseNames, runCase } from './golden-runner.mjs';

const only = process.argv.slice(2);
for (const name of only.length > 0 ? only : caseNames()) {
  const dir = path.join(CASES, name);
  const got = runCase(name);
  writeFileSync(path.join(dir, 'expout'), got.stdout);
  writeFileSync(path.join(dir, 'experr'), got.stderr);
  if (got.exit === 0) rmSync(path.join(dir, 'exit'), { force: true });
  else writeFileSync(path.join(dir, 'exit'), `${got.exit}\n`);
  const filesDir = path.join(dir, 'expfiles');
  rmSync(filesDir, { recursive: true, force: true });
  if (Object.keys(got.files).length > 0) {
    mkdirSync(filesDir);
    for (const [f, data] of Object.entries(got.files)) writeFileSync(path.join(filesDir, f), data);
  }
  process.stdout.write(`${name}: exit ${got.exit}\n`);
}
