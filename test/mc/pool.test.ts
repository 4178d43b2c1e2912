// The Monte Carlo run across worker threads, as built (`npm test` builds first): the worker thread
// runs the compiled dist/mc/worker.js, so these tests load the pool from dist/ too.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type Pool = typeof import('../../src/mc/worker-pool.js');
type Summary = typeof import('../../src/model/montecarlo.js');
type DatasetIo = typeof import('../../src/io/dataset.js');
type ScenarioIo = typeof import('../../src/scenario/load.js');
type ScenarioResolve = typeof import('../../src/scenario/resolve.js');
type Project = typeof import('../../src/model/project.js');
type Aggregate = typeof import('../../src/model/aggregate.js');
type Distributions = typeof import('../../src/model/distribution.js');
type Types = typeof import('../../src/model/types.js');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', rel)).href)) as T;

const DATA = path.join(ROOT, 'test/fixtures/mc/data');
const SCENARIOS = path.join(ROOT, 'test/fixtures/mc/scenarios');

let pool: Pool;
let summary: Summary;
beforeAll(async () => {
  pool = await dist<Pool>('mc/worker-pool.js');
  summary = await dist<Summary>('model/montecarlo.js');
});

const run = (scenarioRef: string, runs: number, seed: number, workers: number, level: 'wales' | 'region' | 'la' = 'la') =>
  pool.runMonteCarlo({ dataDir: DATA, scenarioRef, scenariosDir: SCENARIOS, runs, seed, workers, level });

describe('runMonteCarlo', () => {
  it('gives byte-identical summaries for 1, 2 and 4 worker threads', async () => {
    const texts: string[] = [];
    for (const workers of [1, 2, 4]) {
      const { runs } = await run('uncertain', 12, 7, workers);
      expect(runs.values).toHaveLength(12);
      texts.push(JSON.stringify(summary.summariseRuns(runs)));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  });

  it('gives the same runs whether threads load the inputs or are handed them', async () => {
    const { loadDatasetOrThrow } = await dist<DatasetIo>('io/dataset.js');
    const { loadScenario } = await dist<ScenarioIo>('scenario/load.js');
    const { dataset } = await loadDatasetOrThrow(DATA);
    const scenario = await loadScenario('uncertain', { scenariosDir: SCENARIOS, dataset });
    const handed = await pool.runMonteCarlo({ dataset, scenario, runs: 6, seed: 7, workers: 2, level: 'region' });
    const loaded = await run('uncertain', 6, 7, 2, 'region');
    expect(JSON.stringify(summary.summariseRuns(handed.runs))).toBe(JSON.stringify(summary.summariseRuns(loaded.runs)));
  });

  it('gives different results for different seeds, and runs that differ from each other', async () => {
    const a = await run('uncertain', 6, 1, 2, 'wales');
    const b = await run('uncertain', 6, 2, 2, 'wales');
    expect(JSON.stringify(summary.summariseRuns(a.runs))).not.toBe(JSON.stringify(summary.summariseRuns(b.runs)));
    const distinct = new Set(a.runs.values.map((v) => Array.from(v).join(',')));
    expect(distinct.size).toBe(6);
  });

  it('has p10 <= p50 <= p90 for every area, year and metric', async () => {
    const { runs } = await run('uncertain', 20, 3, 2, 'la');
    let checked = 0;
    for (const row of summary.summariseRuns(runs)) {
      for (const s of Object.values(row.metrics)) {
        if (s === null) continue;
        expect(s.p10).toBeLessThanOrEqual(s.p50);
        expect(s.p50).toBeLessThanOrEqual(s.p90);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('with every parameter fixed, gives the deterministic run as mean, p10, p50 and p90', async () => {
    const { loadDatasetOrThrow } = await dist<DatasetIo>('io/dataset.js');
    const { loadScenario } = await dist<ScenarioIo>('scenario/load.js');
    const { resolveScenario } = await dist<ScenarioResolve>('scenario/resolve.js');
    const { runProjection } = await dist<Project>('model/project.js');
    const { areaRows } = await dist<Aggregate>('model/aggregate.js');
    const { centralValue } = await dist<Distributions>('model/distribution.js');
    const { METRICS } = await dist<Types>('model/types.js');
    const { dataset } = await loadDatasetOrThrow(DATA);
    const loaded = await loadScenario('fixed', { scenariosDir: SCENARIOS, dataset });
    const deterministic = areaRows(runProjection(dataset, resolveScenario(loaded, dataset, (d) => centralValue(d))), dataset, 'region');

    const mc = summary.summariseRuns((await run('fixed', 5, 11, 2, 'region')).runs);
    expect(mc.map((r) => `${r.areaCode} ${r.year}`)).toEqual(deterministic.map((r) => `${r.areaCode} ${r.year}`));
    mc.forEach((row, i) => {
      for (const m of METRICS) {
        const v = deterministic[i].metrics[m];
        expect(row.metrics[m], `${row.areaCode} ${row.year} ${m}`).toEqual(v === null ? null : { mean: v, p10: v, p50: v, p90: v, runs: 5 });
      }
    });
  });

  it('keeps one LA’s part of each run, the same whatever the threads, each run’s as that run alone gives it', async () => {
    const keep = { laCode: 'W06000015', years: [2026, 2027] };
    const parts = async (workers: number) =>
      pool.runMonteCarlo({ dataDir: DATA, scenarioRef: 'uncertain', scenariosDir: SCENARIOS, runs: 6, seed: 5, workers, level: [], keep });
    const here = await parts(1);
    const threads = await parts(2);
    // No level asked for: no rows, only the parts.
    expect(threads.runs.rows).toEqual([]);
    expect(threads.kept).toHaveLength(6);
    expect(JSON.stringify(threads.kept)).toBe(JSON.stringify(here.kept));
    // Run 3's part is the part of run 3 made alone: drawn from the streams of (seed 5, run 3).
    const { loadDatasetOrThrow } = await dist<DatasetIo>('io/dataset.js');
    const { loadScenario } = await dist<ScenarioIo>('scenario/load.js');
    const { resolveScenario } = await dist<ScenarioResolve>('scenario/resolve.js');
    const { runProjection } = await dist<Project>('model/project.js');
    const { drawFor } = await dist<typeof import('../../src/model/random.js')>('model/random.js');
    const { laPart } = await dist<typeof import('../../src/mc/la-part.js')>('mc/la-part.js');
    const { dataset } = await loadDatasetOrThrow(DATA);
    const loaded = await loadScenario('uncertain', { scenariosDir: SCENARIOS, dataset });
    const alone = runProjection(dataset, resolveScenario(loaded, dataset, drawFor(5, 3), { seed: 5, run: 3 }));
    expect(JSON.stringify(threads.kept![3])).toBe(JSON.stringify(laPart(alone, dataset, keep)));
    // The runs differ: the part is each run's own.
    expect(new Set(threads.kept!.map((k) => JSON.stringify(k))).size).toBe(6);
  });

  it('reports each finished run', async () => {
    const seen: Array<[number, number]> = [];
    await pool.runMonteCarlo({ dataDir: DATA, scenarioRef: 'uncertain', scenariosDir: SCENARIOS, runs: 5, seed: 1, workers: 2, level: 'wales', onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([1, 2, 3, 4, 5].map((d) => [d, 5]));
  });

  describe('placement choice\'s fit, given or fitted while the threads prepare', () => {
    type Pipeline = typeof import('../../src/cli/pipeline.js');
    const WALES = path.join(ROOT, 'data/wales');
    const load = async () => {
      const { loadInputs, preparedChoice } = await dist<Pipeline>('cli/pipeline.js');
      const inputs = await loadInputs(WALES, path.join(ROOT, 'scenarios'), ['central']);
      return { inputs, scenario: inputs.scenarios[0], fit: () => preparedChoice(inputs, inputs.scenarios[0]) };
    };

    it('gives the same runs handed the fit, fitting it after starting two threads, or in this thread', async () => {
      const { inputs, scenario, fit } = await load();
      const at = { dataset: inputs.dataset, scenario, runs: 3, seed: 7, level: 'wales' as const, horizonTo: 2027 };
      const events: Array<{ thread: number; what: string }> = [];
      const later = await pool.runMonteCarlo({ ...at, workers: 2, choice: fit, onTimeline: (e) => events.push(e) });
      const handed = await pool.runMonteCarlo({ ...at, workers: 2, choice: await fit() });
      const here = await pool.runMonteCarlo({ ...at, workers: 1, choice: fit });
      const text = (r: typeof later) => JSON.stringify(summary.summariseRuns(r.runs));
      expect(text(later)).toBe(text(handed));
      expect(text(here)).toBe(text(handed));
      // The threads start before the fit; no run comes back before it; every run comes back once.
      const what = events.map((e) => e.what);
      expect(what[0]).toBe('started');
      expect(what.indexOf('fitted')).toBeLessThan(what.indexOf('run'));
      expect(what.filter((w) => w === 'run')).toHaveLength(3);
      expect(what.at(-1)).toBe('done');
    });

    it('passes an error of the fit back', async () => {
      const { inputs, scenario } = await load();
      const err = await pool
        .runMonteCarlo({ dataset: inputs.dataset, scenario, runs: 2, seed: 1, workers: 2, level: 'wales', choice: () => Promise.reject(new RangeError('no fit')) })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RangeError);
    });
  });

  it('passes an input error from a worker thread back as an input error (exit 3), not a crash', async () => {
    const err = await pool
      .runMonteCarlo({ dataDir: path.join(ROOT, 'test/fixtures/mc/no-such-data'), scenarioRef: 'uncertain', scenariosDir: SCENARIOS, runs: 4, seed: 1, workers: 2, level: 'la' })
      .catch((e: unknown) => e);
    const { InputError } = await dist<typeof import('../../src/errors.js')>('errors.js');
    expect(err).toBeInstanceOf(InputError);
    expect((err as InstanceType<typeof InputError>).problems[0].message).toMatch(/no such folder/);
  });
});
