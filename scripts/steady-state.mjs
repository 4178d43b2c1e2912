#!/usr/bin/env node
// The steady state of docs/methodology.md ("The steady state, per market type"): a scenario with no
// supply event, no demand change and no policy year (`baseline` with `demand: { method: change,
// rate: 0 }` on the data without its `strategies` resource), run --runs times (each run its own
// streams, as a Monte Carlo run has them), and per market type and year the mean over the runs of:
// children outside the nation, the own-LA share (of children needing a market placement, unplaced
// included) and the mean distance of children placed in the nation; beside the last, the p10-p90
// of single runs' values. Prints a markdown table.
//
//   npm run build && node scripts/steady-state.mjs [--runs 100] [--scenario baseline] [--data data/wales] [--extra 'yaml line']
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadInputs, modelScenario } from '../dist/cli/pipeline.js';
import { haversineKm, withinLaKm } from '../dist/model/distance.js';
import { prepareChoice, runProjection } from '../dist/model/project.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    scenario: { type: 'string', default: 'baseline' },
    data: { type: 'string', default: path.join(ROOT, 'data', 'wales') },
    // One more line of the scenario, e.g. "outside_wales: { places: null }" or "rounding: largest_remainder".
    extra: { type: 'string', default: '' },
  },
});
const RUNS = Number(opts.runs);
const TYPES = ['foster', 'residential', 'secure'];

// The data without its strategies; the scenario with demand flat.
const tmp = mkdtempSync(path.join(tmpdir(), 'steady-'));
const data = path.join(tmp, 'data');
cpSync(opts.data, data, { recursive: true });
const pkg = JSON.parse(readFileSync(path.join(data, 'datapackage.json'), 'utf8'));
pkg.resources = pkg.resources.filter((r) => r.name !== 'strategies');
writeFileSync(path.join(data, 'datapackage.json'), JSON.stringify(pkg, null, 2));
const scenarios = path.join(tmp, 'scenarios');
cpSync(path.join(ROOT, 'scenarios'), scenarios, { recursive: true });
writeFileSync(path.join(scenarios, 'steady.yaml'), `name: steady\nextends: ${opts.scenario}\ndemand: { method: change, rate: 0 }\n${opts.extra}\n`);

const inputs = await loadInputs(data, scenarios, ['steady']);
const loaded = inputs.scenarios[0];
const deterministic = await modelScenario(inputs, loaded, loaded.horizon.to);
const choice = deterministic.matching?.method === 'choice' ? prepareChoice(inputs.dataset, deterministic, undefined) : null;
const las = new Map(inputs.dataset.localAuthorities.map((l) => [l.code, l]));
const km = (a, b) => {
  const x = las.get(a);
  const y = las.get(b);
  return a === b ? withinLaKm(x.areaKm2) : haversineKm(x.lat, x.lon, y.lat, y.lon);
};

/** Per year and type: [outside, own share, mean km in Wales] of one run. */
function statsOf(projection) {
  return projection.years.map((y) => {
    const out = {};
    for (const type of TYPES) {
      let outside = 0;
      let own = 0;
      let inWales = 0;
      let kmSum = 0;
      for (const g of y.groups) {
        if (g.placementType !== type || g.laCode === 'EXTERNAL' || g.children === 0) continue;
        if (g.host === 'OUTSIDE_WALES') {
          outside += g.children;
          continue;
        }
        inWales += g.children;
        kmSum += g.children * km(g.laCode, g.host);
        if (g.host === g.laCode) own += g.children;
      }
      const unplaced = y.tallies.reduce((s, t) => s + (t.unplaced?.[type] ?? 0), 0);
      const needing = outside + inWales + unplaced;
      out[type] = { outside, unplaced, own: needing > 0 ? own / needing : 0, km: inWales > 0 ? kmSum / inWales : 0 };
    }
    return { year: y.year, ...out };
  });
}

const runs = [];
for (let run = 0; run < RUNS; run++) {
  const scenario = { ...deterministic, orderStreams: { seed: 1, run } };
  runs.push(statsOf(runProjection(inputs.dataset, scenario, { keepPlacements: true, choice, pricesYear: null })));
}
if (choice) process.stdout.write(`fitted: ${TYPES.map((t) => `${t} α ${choice.params[t].alpha.toFixed(2)} β ${choice.params[t].beta.toFixed(4)} γ ${choice.params[t].gamma.toFixed(2)}`).join('; ')}\n`);
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
const f1 = (x) => x.toFixed(1);
const cols = TYPES.flatMap((t) => [`${t} out`, `${t} own LA`, `${t} km (one run p10-p90)`]);
process.stdout.write(`mean of ${RUNS} runs\n\n| year | ${cols.join(' | ')} | unplaced |\n|${'---|'.repeat(cols.length + 2)}\n`);
const base = runs[0][0];
for (let k = 0; k < runs[0].length; k++) {
  const at = runs.map((r) => r[k]);
  const cells = TYPES.flatMap((t) => {
    const o = mean(at.map((x) => x[t].outside));
    const own = mean(at.map((x) => x[t].own));
    const d = mean(at.map((x) => x[t].km));
    const dev = (v, b) => (b > 0 ? ` (${v >= b ? '+' : ''}${(((v - b) / b) * 100).toFixed(1)}%)` : '');
    return [
      `${f1(o)}${k > 0 ? dev(o, base[t].outside) : ''}`,
      `${(own * 100).toFixed(1)}%${k > 0 ? ` (${own >= base[t].own ? '+' : ''}${((own - base[t].own) * 100).toFixed(1)})` : ''}`,
      `${d.toFixed(2)}${k > 0 ? `${dev(d, base[t].km)} [${pct(at.map((x) => x[t].km), 0.1).toFixed(1)}-${pct(at.map((x) => x[t].km), 0.9).toFixed(1)}]` : ''}`,
    ];
  });
  const unplaced = mean(at.map((x) => TYPES.reduce((s, t) => s + x[t].unplaced, 0)));
  process.stdout.write(`| ${at[0].year} | ${cells.join(' | ')} | ${f1(unplaced)} |\n`);
}
