#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/cli/sufficiency.js with esbuild, so
// that a run loads a few files instead of some 150 modules (commander, zod, yaml and our own): about
// 55 ms of CPU less per run of `project` (docs/performance.md). Commands keep loading what they need
// lazily: every dynamic import becomes its own chunk (dist/cli/bundle-*.js), loaded only when that
// command asks for it. The bundle lives in dist/cli, beside the compiled main.js, so that paths found
// from import.meta.url (the package root, data/wales, the Monte Carlo worker in dist/mc) stay the
// same. The Monte Carlo worker thread's script is a second entry (dist/cli/mc-worker.js), sharing the
// chunks: each thread then reads a few files, not the model's forty modules (src/mc/worker-pool.ts
// falls back to tsc's dist/mc/worker.js without it). Run by `npm run build` (scripts/build.mjs; and so by `npm ci`,
// through `prepare`).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'cli');

// zod's namespace (`import { z } from 'zod'`) re-exports every translation of its messages
// (`z.locales`), about 570 KB of the 750 KB zod brings, in many scripts: V8 would read all of it at
// every start of a command that checks a scenario or a data package. We use none of them (zod's
// English messages come from its locales/en.js, imported on its own), so that one re-export is
// given an empty module.
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// Chunks are named by hash: remove the last build's, so that stale ones do not pile up.
for (const f of readdirSync(OUT)) if (f.startsWith('bundle-') || f === 'sufficiency.js' || f === 'mc-worker.js') rmSync(path.join(OUT, f));

await build({
  entryPoints: { sufficiency: path.join(OUT, 'main.js'), 'mc-worker': path.join(ROOT, 'dist', 'mc', 'worker.js') },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: OUT,
  entryNames: '[name]',
  chunkNames: 'bundle-[name]-[hash]',
  logLevel: 'warning',
  plugins: [zodWithoutLocales],
  minifyWhitespace: true,
  // commander is CommonJS and requires Node's own modules; an ES module bundle needs a require for it.
  banner: { js: "import { createRequire as __sufficiencyRequire } from 'node:module';\nconst require = __sufficiencyRequire(import.meta.url);" },
});
