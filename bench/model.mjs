#!/usr/bin/env node
// The model alone, in one process: the time of one deterministic 10-year projection (runProjection
// then areaRows) on synthetic datasets of 22, 50, 100 and 152 LAs, children per LA held about
// constant, and the fitted growth exponent. No start-up, no file reading, no scenario parsing: what a
// Monte Carlo run costs per run, and how it grows. Run under `node --cpu-prof` for a profile.
//
//   npm run build && node bench/model.mjs [--reps 5] [--las 22,50,100,152]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDatasetOrThrow } from '../dist/io/dataset.js';
import { areaRows } from '../dist/model/aggregate.js';
import { runProjection } from '../dist/model/project.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { reps: { type: 'string', default: '5' }, las: { type: 'string', default: '22,50,100,152' } } });
const REPS = Number(opts.reps);

const tl = (initial, steps = []) => ({ initial, steps });
/** bench/scenarios/synth-central.yaml, as the model sees it once resolved. */
const scenario = {
  name: 'synth-central',
  horizonTo: 2034,
  demand: { method: 'trend', trendYears: 5 },
  mixShift: [],
  turnover: { foster: tl(0.3), residential: tl(0.45), secure: tl(0.9) },
  occupancy: { foster: tl(0.9), residential: tl(0.85), secure: tl(0.9) },
  policy: { fpGrowthFrozenFrom: 2027, approvalRequiredFrom: 2027, fpNewPlacementsEnd: 2030, exceptionsShare: tl(0.1) },
  transitions: [
    { year: 2027, sector: 'fp', placementType: 'residential', region: null, host: null, providerId: null, exit: 0.1, convert: 0.3 },
    { year: 2030, sector: 'fp', placementType: 'residential', region: null, host: null, providerId: null, exit: 0.25, convert: 0.75 },
    { year: 2030, sector: 'fp', placementType: 'foster', region: null, host: null, providerId: null, exit: 0.2, convert: 0.8 },
  ],
  fosterWales: { netNewPlaces: tl(0, [[2026, 600], [2027, 600], [2028, 600], [2029, 0]]), transfersFromFp: tl(0, [[2027, 0.1], [2028, 0]]) },
  regionalResidential: [],
  outsideWales: { allowed: true, places: null, distanceKm: 150, distanceKmByLa: {}, sector: 'fp' },
  inflation: tl(0.03),
  unplacedWeeklyCostGbp: null,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const work = mkdtempSync(path.join(os.tmpdir(), 'sufficiency-model-'));
const points = [];
try {
  process.stdout.write(`model alone: median of ${REPS} projections (10 years) after one warm-up, node ${process.version}\n`);
  for (const las of opts.las.split(',').map(Number)) {
    const dir = path.join(work, String(las));
    const made = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'synth.mjs'), '--las', String(las), '--out', dir], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(made.stderr);
    const t0 = performance.now();
    const { dataset } = await loadDatasetOrThrow(dir);
    const load = performance.now() - t0;
    areaRows(runProjection(dataset, scenario), dataset, 'la');
    const times = [];
    for (let i = 0; i < REPS; i++) {
      const a = performance.now();
      areaRows(runProjection(dataset, scenario), dataset, 'la');
      times.push(performance.now() - a);
    }
    const ms = median(times);
    points.push([las, ms]);
    process.stdout.write(`  ${String(las).padStart(3)} LAs: ${ms.toFixed(1).padStart(7)} ms per projection; loading the data ${load.toFixed(0)} ms   (${made.stdout.trim().replace(/^.*?: /, '')})\n`);
  }
  if (points.length > 1) {
    const xs = points.map(([x]) => Math.log(x));
    const ys = points.map(([, y]) => Math.log(y));
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
    const my = ys.reduce((s, y) => s + y, 0) / ys.length;
    const k = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    process.stdout.write(`  fitted growth exponent: time ∝ LAs^${k.toFixed(2)}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
