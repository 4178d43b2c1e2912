#!/usr/bin/env node
// `npm run build`: tsc, then the bundle (scripts/bundle.mjs), then dist/.build-inputs, the hash of
// what dist/ was made from (scripts/build-inputs.mjs). The old hash goes first and the new one is
// written only when both steps succeed, so a failed or interrupted build never passes for current.
//
// `--if-changed` (npm's `prepare`) does nothing when dist/ was built from exactly these inputs. npm
// runs `prepare` after `npm ci`, and again whenever `npx sufficiency` runs the package's own
// command: npm 11 installs this folder into its npx cache first, which runs `prepare` there, and a
// second full build made the README's first `npx sufficiency project --scenario central` on a
// machine take 9-14 s instead of 3-4 s (docs/performance.md §14).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildInputsHash, ROOT, STAMP } from './build-inputs.mjs';

const inputs = buildInputsHash();
const current = existsSync(path.join(ROOT, 'dist', 'cli', 'sufficiency.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === inputs;
if (process.argv.includes('--if-changed') && current) process.exit(0);
rmSync(STAMP, { force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
for (const args of [[tsc, '-p', 'tsconfig.build.json'], [path.join(ROOT, 'scripts', 'bundle.mjs')]]) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
writeFileSync(STAMP, `${inputs}\n`);
