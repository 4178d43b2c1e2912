#!/usr/bin/env node
// The model of one command alone, warm: a scenario's calibration (placement choice, docs/model.md §4.3) and its
// deterministic projection, run again and again in one process on one loaded dataset, and the median
// of the second half of the runs printed in ms (one line: "calibration projection"). Nothing is read
// or parsed inside the timing. What the optimising compiler makes of the model: a cold command can
// only be slower than this. bench/run.mjs sets it beside the floor (bench/floor.mjs).
//
//   npm run build && node bench/warm.mjs [--scenario central] [--runs 40]
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadInputs, modelScenario } from '../dist/cli/pipeline.js';
import { prepareChoice, runProjection } from '../dist/model/project.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'central' },
    runs: { type: 'string', default: '40' },
    data: { type: 'string', default: path.join(ROOT, 'data', 'wales') },
    scenarios: { type: 'string', default: path.join(ROOT, 'scenarios') },
  },
});
const RUNS = Number(opts.runs);

const inputs = await loadInputs(opts.data, opts.scenarios, [opts.scenario]);
const loaded = inputs.scenarios[0];
const scenario = await modelScenario(inputs, loaded, loaded.horizon.to);
const fits = [];
const projections = [];
for (let i = 0; i < RUNS; i++) {
  const a = performance.now();
  // A fresh fit each time (nothing held), as a command does once.
  const choice = scenario.matching?.method === 'choice' ? prepareChoice(inputs.dataset, scenario, undefined) : null;
  const b = performance.now();
  runProjection(inputs.dataset, scenario, { pricesYear: null, keepPlacements: false, choice });
  const c = performance.now();
  fits.push(b - a);
  projections.push(c - b);
}
const median = (xs) => {
  const s = xs.slice(xs.length >> 1).sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
process.stdout.write(`${median(fits).toFixed(1)} ${median(projections).toFixed(1)}\n`);
