#!/usr/bin/env node
// The Monte Carlo pool's timeline: when each worker thread is ready, does its first and last run, and
// how many it does, beside when this thread has fitted placement choice's calibration, for a
// command's 100 runs on two threads (`project --scenario central`). Shows whether two threads really
// work side by side. `--order fit-first` fits before starting the threads, as the pool did before
// the threads prepared during the fit; `--worker tsc` uses tsc's unbundled dist/mc/worker.js.
//
//   npm run build && node bench/pool.mjs [--scenario central] [--runs 100] [--workers 2] [--order fit-first] [--worker tsc]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'central' },
    runs: { type: 'string', default: '100' },
    workers: { type: 'string', default: '2' },
    seed: { type: 'string', default: '7' },
    order: { type: 'string', default: 'threads-first' },
    worker: { type: 'string', default: 'bundled' },
  },
});
const dist = (f) => pathToFileURL(path.join(ROOT, 'dist', f)).href;
// The pool as the CLI's bundle holds it (so that it starts dist/cli/mc-worker.js), or tsc's.
const cli = path.join(ROOT, 'dist', 'cli');
const chunk = readdirSync(cli).find((f) => f.startsWith('bundle-') && /as runMonteCarlo\b/.test(readFileSync(path.join(cli, f), 'utf8')));
const { runMonteCarlo } = opts.worker === 'tsc' || chunk === undefined ? await import(dist('mc/worker-pool.js')) : await import(pathToFileURL(path.join(cli, chunk)).href);
const { loadInputs, preparedChoice } = await import(dist('cli/pipeline.js'));

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const inputs = await loadInputs(path.join(ROOT, 'data', 'wales'), path.join(ROOT, 'scenarios'), [opts.scenario]);
const loaded = inputs.scenarios[0];
const loadedAt = performance.now() - t0;
const events = [];
const fit = () => preparedChoice(inputs, loaded);
await runMonteCarlo({
  dataset: inputs.dataset,
  scenario: loaded,
  level: 'la',
  runs: Number(opts.runs),
  seed: Number(opts.seed),
  workers: Number(opts.workers),
  choice: opts.order === 'fit-first' ? await fit() : fit,
  onTimeline: (e) => events.push({ ...e, at: e.at - t0 }),
});
const cpu = process.cpuUsage(cpu0);
const ms = (x) => `${(x / 1000).toFixed(2)} s`;
process.stdout.write(`${opts.scenario}, ${opts.runs} runs on ${opts.workers} threads (${opts.order}, ${opts.worker} worker), from the start of loading:\n`);
process.stdout.write(`  inputs loaded ${ms(loadedAt)}; threads started ${ms(events.find((e) => e.what === 'started').at)}; fitted ${ms(events.find((e) => e.what === 'fitted')?.at ?? NaN)}\n`);
// Thread -1 is this one, which fits and then takes runs beside the worker threads.
for (let k = -1; k < Number(opts.workers) - 1; k++) {
  const mine = events.filter((e) => e.thread === k);
  if (k === -1 && !mine.some((e) => e.what === 'run')) continue;
  const runs = mine.filter((e) => e.what === 'run');
  const ready = mine.find((e) => e.what === 'ready');
  process.stdout.write(`  ${k === -1 ? 'this thread' : `thread ${k}`}: ready ${ms(ready?.at ?? NaN)}, first run back ${ms(runs[0]?.at ?? NaN)}, last ${ms(runs.at(-1)?.at ?? NaN)}, ${runs.length} runs\n`);
}
process.stdout.write(`  done ${ms(events.find((e) => e.what === 'done').at)}; CPU of every thread ${ms((cpu.user + cpu.system) / 1000)}\n`);
