#!/usr/bin/env node
// `npm run build`: tsc, then the bundle (scripts/bundle.mjs), then dist/.build-inputs, the hash of
// what dist/ was made from (scripts/build-inputs.mjs). The old hash goes first and the new one is
// written only when both steps succeed, so a failed or interrupted build never passes for current.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildInputsHash, ROOT, STAMP } from './build-inputs.mjs';

const inputs = buildInputsHash();
rmSync(STAMP, { force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
for (const args of [[tsc, '-p', 'tsconfig.build.json'], [path.join(ROOT, 'scripts', 'bundle.mjs')]]) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
writeFileSync(STAMP, `${inputs}\n`);
