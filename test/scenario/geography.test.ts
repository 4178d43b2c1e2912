// Scenarios on a dataset that is not Welsh (docs/model.md §3.1): regions and LAs are the dataset's own, named by
// slug or name; Welsh names are unknown there (the 22 Welsh LAs matter only to a dataset of Welsh LAs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, ScenarioError } from '../../src/errors.js';
import { loadDatasetOrThrow } from '../../src/io/dataset.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-geo-'));
const england = async () => (await loadDatasetOrThrow('test/fixtures/geo/england')).dataset;

async function load(name: string, text: string) {
  writeFileSync(path.join(dir, `${name}.yaml`), text);
  const dataset = await england();
  return { dataset, loaded: await loadScenario(name, { scenariosDir: dir, dataset }).catch((e: unknown) => e) };
}

describe('a scenario on an England-like dataset', () => {
  it("names the dataset's regions by slug or name, and the model sees the slug", async () => {
    const { dataset, loaded } = await load('regions', 'transitions:\n  - { year: 2025, region: South West, exit: 0.1 }\n  - { year: 2025, region: west-midlands, exit: 0.1 }\n');
    const m = deterministicScenario(loaded as Awaited<ReturnType<typeof loadScenario>>, dataset);
    expect(m.transitions.map((t) => t.region)).toEqual(['south-west', 'west-midlands']);
  });

  it("refuses Welsh regions and LAs as unknown, suggesting the dataset's own", async () => {
    const { loaded } = await load('welsh', 'transitions:\n  - { year: 2025, region: North Wales, exit: 0.1 }\nregional_residential:\n  - { host: Conwy, year: 2025, places: 3 }\n  - { host: Bristl, year: 2025, places: 3 }\n');
    expect(loaded).toBeInstanceOf(ScenarioError);
    expect((loaded as ScenarioError).problems.map((p) => formatProblem(p).replace(`${dir}/`, ''))).toEqual([
      expect.stringMatching(/^welsh\.yaml:2:27: transitions\[0\]\.region: unknown region "North Wales"; /),
      'welsh.yaml:4:13: regional_residential[0].host: unknown local authority "Conwy"',
      'welsh.yaml:5:13: regional_residential[1].host: unknown local authority "Bristl"; did you mean "Bristol, City of" (E06000023)?',
    ]);
  });
});
