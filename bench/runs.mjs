#!/usr/bin/env node
// The Monte Carlo runs alone, in one process, as one worker thread does them: the runner of
// src/mc/runs.ts on a dataset and scenario loaded once, `process.cpuUsage` around each run. Prints
// the calibration's CPU (the first run, which fits) and the median CPU of the second half of the
// runs, in ms. Run it on two builds in turn to compare them under a busy machine's noise.
//
//   npm run build && node bench/runs.mjs [--root DIR] [--scenario central] [--runs 40] [--seed 7]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    root: { type: 'string', default: HERE },
    scenario: { type: 'string', default: 'central' },
    runs: { type: 'string', default: '40' },
    seed: { type: 'string', default: '7' },
  },
});
const root = path.resolve(opts.root);
const dist = (f) => pathToFileURL(path.join(root, 'dist', f)).href;
const { loadInputs, preparedChoice } = await import(dist('cli/pipeline.js'));
const { prepareRuns } = await import(dist('mc/runs.js'));
const inputs = await loadInputs(path.join(root, 'data', 'wales'), path.join(root, 'scenarios'), [opts.scenario]);
const loaded = inputs.scenarios[0];
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const c0 = cpu();
const choice = await preparedChoice(inputs, loaded);
const fit = cpu() - c0;
const runOne = await prepareRuns({ dataset: inputs.dataset, scenario: loaded, seed: Number(opts.seed), level: 'la', ...(choice ? { choice } : {}) });
const times = [];
for (let i = 0; i < Number(opts.runs); i++) {
  const a = cpu();
  runOne(i);
  times.push(cpu() - a);
}
const half = times.slice(times.length >> 1).sort((x, y) => x - y);
const med = half.length % 2 ? half[half.length >> 1] : (half[half.length / 2 - 1] + half[half.length / 2]) / 2;
const first10 = times.slice(0, 10).reduce((a, b) => a + b, 0);
const all = times.reduce((a, b) => a + b, 0);
process.stdout.write(
  `calibration ${fit.toFixed(1)} ms CPU; a run ${med.toFixed(1)} ms CPU (median of the last ${half.length}); first run ${times[0].toFixed(1)} ms; ` +
    `first ten runs ${first10.toFixed(0)} ms; all ${times.length} runs ${all.toFixed(0)} ms\n`,
);
