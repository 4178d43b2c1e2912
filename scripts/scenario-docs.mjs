#!/usr/bin/env node
// Rewrites the parameter reference of docs/scenarios.md from the registry of scenario parameters
// (src/scenario/registry.ts, compiled: run `npm run build` first). Run: node scripts/scenario-docs.mjs
// test/scenario/docs.test.ts fails when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withReferenceTable } from '../dist/scenario/docs.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'scenarios.md');
const next = withReferenceTable(readFileSync(file, 'utf8'));
if (next === null) {
  console.error(`${file}: the markers of the parameter reference are missing`);
  process.exit(1);
}
writeFileSync(file, next);
