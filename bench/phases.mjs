// Where the start-up of `project --scenario central` goes, phase by phase, in one process: wall time
// and CPU time (user + system) of each phase, so that a busy machine can be told from slow code.
//   npm run build && node bench/phases.mjs [SCENARIO]     (a name or a .yaml path; central by default)
const t0 = performance.now();
const c0 = process.cpuUsage();
const lap = (() => {
  let last = t0;
  let lastCpu = c0;
  return (name) => {
    const n = performance.now();
    const c = process.cpuUsage();
    const cpu = (c.user - lastCpu.user + c.system - lastCpu.system) / 1000;
    console.log(name.padEnd(28), `wall ${(n - last).toFixed(1).padStart(7)} ms   cpu ${cpu.toFixed(1).padStart(7)} ms`);
    last = n;
    lastCpu = c;
  };
})();
const D = new URL('../dist/', import.meta.url).pathname;
await import('commander'); lap('commander');
const ds = await import(D + 'io/dataset.js'); lap('import dataset(zod,csv)');
const sc = { ...(await import(D + 'scenario/load.js')), ...(await import(D + 'scenario/resolve.js')) }; lap('import scenario(yaml)');
const pr = await import(D + 'model/project.js'); const ag = await import(D + 'model/aggregate.js'); lap('import model');
const { dataset } = await ds.loadDatasetOrThrow(new URL('../data/wales', import.meta.url).pathname); lap('load dataset');
const loaded = await sc.loadScenario(process.argv[2] ?? 'central', { scenariosDir: new URL('../scenarios', import.meta.url).pathname, dataset }); lap('load scenario');
const m = sc.deterministicScenario(loaded, dataset); lap('resolve');
const p = pr.runProjection(dataset, m, { keepPlacements: false }); lap('projection'); // as project and diff run it
const rows = ag.areaRows(p, dataset, 'region'); lap('aggregate');
const out = await import(D + 'io/output.js'); const { METRICS } = await import(D + 'model/types.js'); lap('import output');
const csv = out.wideCsv(rows, METRICS); lap('csv');
pr.runProjection(dataset, m, { keepPlacements: false }); lap('projection (2nd)');
await ds.loadDatasetOrThrow(new URL('../data/wales', import.meta.url).pathname); lap('load dataset (2nd)');
const c = process.cpuUsage(c0);
console.log('total'.padEnd(28), `wall ${(performance.now() - t0).toFixed(1).padStart(7)} ms   cpu ${((c.user + c.system) / 1000).toFixed(1).padStart(7)} ms`);
