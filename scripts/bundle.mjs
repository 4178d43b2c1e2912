#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/cli/sufficiency.js with esbuild, so
// that a run loads a few files instead of some 150 modules (commander, zod, yaml and our own): about
// 55 ms of CPU less per run of `project` (docs/performance.md). Commands keep loading what they need
// lazily: every dynamic import becomes its own chunk (dist/cli/bundle-*.js), loaded only when that
// command asks for it. The bundle lives in dist/cli, beside the compiled main.js, so that paths found
// from import.meta.url (the package root, data/wales, the Monte Carlo worker in dist/mc) stay the
// same. Run by `npm run build` (and so by `npm ci`, through `prepare`).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'cli');

// Chunks are named by hash: remove the last build's, so that stale ones do not pile up.
for (const f of readdirSync(OUT)) if (f.startsWith('bundle-') || f === 'sufficiency.js') rmSync(path.join(OUT, f));

await build({
  entryPoints: [path.join(OUT, 'main.js')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: OUT,
  entryNames: 'sufficiency',
  chunkNames: 'bundle-[name]-[hash]',
  logLevel: 'warning',
  // commander is CommonJS and requires Node's own modules; an ES module bundle needs a require for it.
  banner: { js: "import { createRequire as __sufficiencyRequire } from 'node:module';\nconst require = __sufficiencyRequire(import.meta.url);" },
});
