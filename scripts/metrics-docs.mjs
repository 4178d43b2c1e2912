#!/usr/bin/env node
// Rewrites the metric table of docs/metrics.md from the metric catalogue (src/model/metrics/catalogue.ts,
// compiled: run `npm run build` first). Run: node scripts/metrics-docs.mjs
// test/docs/metrics.test.ts fails when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { withMetricTable } from '../dist/io/metrics-docs.js';

const file = new URL('../docs/metrics.md', import.meta.url);
const next = withMetricTable(readFileSync(file, 'utf8'));
if (next === null) throw new Error(`${file.pathname}: the markers of the metric table are missing`);
writeFileSync(file, next);
