#!/usr/bin/env node
// npm's `prepare`: builds dist/ unless it was built from exactly these inputs (scripts/build-inputs.mjs).
// npm runs it after `npm ci`, and again whenever `npx sufficiency` runs the package's own command:
// npm 11 installs this folder into its npx cache first, which runs `prepare` there, and a second
// full build made the README's first `npx sufficiency project --scenario central` on a machine take
// 9-14 s instead of 3-4 s (docs/performance.md §14).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildInputsHash, ROOT, STAMP } from './build-inputs.mjs';

const built = existsSync(path.join(ROOT, 'dist', 'cli', 'sufficiency.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === buildInputsHash();
if (!built) {
  // The build script itself, as `npm run build` runs it, without a second npm.
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
