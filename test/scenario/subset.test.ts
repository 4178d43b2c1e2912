// A dataset may hold only some of the 22 Welsh LAs (one LA's data, or one region's). A scenario
// written for Wales still loads against it: rows naming a Welsh LA that the dataset leaves out are
// left out with a warning, and a name that is no Welsh LA stays an error with its "did you mean".
import { regionSlug } from '../../src/common/la-names.js';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatProblem, ScenarioError } from '../../src/errors.js';
import { centralValue, type Distribution } from '../../src/model/distribution.js';
import type { Dataset } from '../../src/model/types.js';
import { loadDataset } from '../../src/io/dataset.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario, resolveScenario } from '../../src/scenario/resolve.js';
import { WALES_LAS } from '../../src/common/wales-las.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUBSET = path.join(ROOT, 'test', 'fixtures', 'scenarios', 'subset');

/** test/fixtures/io/good: Isle of Anglesey, Gwynedd and Cardiff. */
async function threeLas(): Promise<Dataset> {
  const { dataset, problems } = await loadDataset(path.join(ROOT, 'test', 'fixtures', 'io', 'good'));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return dataset!;
}

/** The same dataset with every Welsh LA in it (the scenario then leaves nothing out). */
function allOfWales(d: Dataset): Dataset {
  const have = new Set(d.localAuthorities.map((l) => l.code));
  const more = WALES_LAS.filter((l) => !have.has(l.code)).map((l) => ({ ...l, lat: 52, lon: -3.5, areaKm2: 100 }));
  return { ...d, localAuthorities: [...d.localAuthorities, ...more] };
}

const shown = (p: Parameters<typeof formatProblem>[0]) => formatProblem(p).replace(/^test\/fixtures\/scenarios\/subset\//, '');

describe('a scenario naming Welsh LAs that the dataset leaves out', () => {
  it('loads with one warning per row or key, and no error', async () => {
    const loaded = await loadScenario('outside-dataset', { scenariosDir: SUBSET, dataset: await threeLas() });
    expect(loaded.warnings.map(shown)).toEqual([
      'outside-dataset.yaml:9:5: warning: demand.rate_by_la.Conwy: Conwy is not in this dataset, so its rate is ignored',
      'outside-dataset.yaml:12:66: warning: transitions[0].host: Powys is not in this dataset, so this transition matches nothing',
      'outside-dataset.yaml:15:34: warning: regional_residential[0].host: Conwy is not in this dataset, so this home is left out',
      'outside-dataset.yaml:16:39: warning: regional_residential[1].host: Vale of Glamorgan is not in this dataset, so this home is left out',
      'outside-dataset.yaml:19:32: warning: outside_wales.distance_km.W06000023: Powys is not in this dataset, so its distance is ignored',
    ]);
  });

  it('leaves those rows and keys out of the model, and keeps the other rows as they are', async () => {
    const dataset = await threeLas();
    const loaded = await loadScenario('outside-dataset', { scenariosDir: SUBSET, dataset });
    const m = deterministicScenario(loaded, dataset);
    expect(m.regionalResidential).toEqual([
      { region: 'north-wales', host: 'W06000002', year: 2027, places: 3, sector: 'la', placementType: 'residential', reservedForRegion: true },
    ]);
    expect(m.demand.method === 'change' && Object.keys(m.demand.rateByLa)).toEqual(['W06000015']);
    expect(m.outsideWales.distanceKmByLa).toEqual({ W06000001: { initial: 120, steps: [] } });
    // The transition hosted in Powys stays, and matches nothing: no provider of the dataset is in Powys.
    expect(m.transitions.map((t) => t.host)).toEqual(['W06000023', 'W06000002']);
    expect(dataset.providers.some((p) => p.host === 'W06000023')).toBe(false);
  });

  it('keeps the parameter paths (and so the Monte Carlo streams) of the other rows', async () => {
    const dataset = await threeLas();
    const loaded = await loadScenario('outside-dataset', { scenariosDir: SUBSET, dataset });
    const paths: string[] = [];
    resolveScenario(loaded, dataset, (d: Distribution, p: string) => {
      paths.push(p);
      return centralValue(d);
    });
    expect(paths).toEqual(['demand.rate_by_la.W06000015', 'transitions[0].exit', 'regional_residential[2].places']);
    // The assumptions log holds what is in force: the Gwynedd home under its own index, not the homes left out.
    const logged = loaded.parameters.map((p) => p.path);
    expect(logged).toContain('regional_residential[2].places');
    expect(logged.filter((p) => p.startsWith('regional_residential[0]') || p.startsWith('regional_residential[1]'))).toEqual([]);
    expect(logged.filter((p) => p.includes('W06000003') || p.includes('W06000023'))).toEqual([]);
    expect(loaded.parameters.find((p) => p.path === 'regional_residential[2].places')?.source).toBe('Gwynedd plan');
  });

  it('draws the kept rows as a dataset holding every LA does', async () => {
    const three = await threeLas();
    const all = allOfWales(three);
    const [subset, full] = await Promise.all([three, all].map((dataset) => loadScenario('outside-dataset', { scenariosDir: SUBSET, dataset })));
    const draws = (loaded: typeof subset, dataset: Dataset) => {
      const out = new Map<string, number>();
      resolveScenario(loaded, dataset, (d, p) => {
        const v = centralValue(d) + 0.1 * out.size;
        out.set(p, v);
        return v;
      });
      return out;
    };
    const a = draws(subset, three);
    const b = draws(full, all);
    for (const p of a.keys()) expect(b.has(p), p).toBe(true);
    expect([...b.keys()].filter((p) => !a.has(p))).toEqual(['regional_residential[0].places']) // Conwy's rate is a number: nothing to draw;
    // With every LA present nothing is left out, and the rows are all in force.
    expect(full.warnings).toEqual([]);
    expect(deterministicScenario(full, all).regionalResidential.map((r) => r.host)).toEqual(['W06000003', 'W06000014', 'W06000002']);
  });

  it('hashes its spec deterministically, and differently from the same scenario on all of Wales', async () => {
    const three = await threeLas();
    const a = await loadScenario('outside-dataset', { scenariosDir: SUBSET, dataset: three });
    const b = await loadScenario('outside-dataset', { scenariosDir: SUBSET, dataset: await threeLas() });
    const full = await loadScenario('outside-dataset', { scenariosDir: SUBSET, dataset: allOfWales(three) });
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(full.hash);
    expect(a.hasDistributions).toBe(true);
  });

  it("still rejects a name that is no Welsh LA, suggesting the nearest of the dataset's LAs", async () => {
    const dataset = await threeLas();
    const err = await loadScenario('not-welsh', { scenariosDir: SUBSET, dataset }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).problems.map(shown)).toEqual([
      'not-welsh.yaml:5:5: demand.rate_by_la.Bristol: unknown local authority "Bristol"',
      // Conwy is not in the dataset, so "Conwey" has no suggestion.
      'not-welsh.yaml:7:25: transitions[0].host: unknown local authority "Conwey"',
      'not-welsh.yaml:9:13: regional_residential[0].host: unknown local authority "Cardif"; did you mean "Cardiff" (W06000015)?',
    ]);
  });
});

describe('the table of Welsh LAs', () => {
  it('is data/wales/local_authorities.csv', () => {
    const rows = parse(readFileSync(path.join(ROOT, 'data', 'wales', 'local_authorities.csv'), 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(WALES_LAS).toEqual(rows.map((r) => ({ code: r.la_code, nameEn: r.name_en, nameCy: r.name_cy, region: regionSlug(r.region) })));
    expect(WALES_LAS).toHaveLength(22);
  });
});
