// The base state is built once per dataset and copied for each projection: a projection run again
// must give exactly what a first run gives, and a change to the dataset's rows must be seen.
import { describe, expect, it } from 'vitest';
import { loadDatasetOrThrow } from '../../src/io/dataset.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';
import { runProjection } from '../../src/model/project.js';

const load = async () => {
  const { dataset } = await loadDatasetOrThrow('data/wales');
  const loaded = await loadScenario('central', { scenariosDir: 'scenarios', dataset });
  return { dataset, scenario: deterministicScenario(loaded, dataset) };
};

describe('base state cache', () => {
  it('gives the same projection, placements and warnings included, on every run of a dataset', async () => {
    const { dataset, scenario } = await load();
    const first = runProjection(dataset, scenario);
    const again = runProjection(dataset, scenario);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const fresh = await load();
    expect(JSON.stringify(runProjection(fresh.dataset, fresh.scenario))).toBe(JSON.stringify(first));
  });

  it('sees a row changed in place, or rows replaced, after a run', async () => {
    const { dataset, scenario } = await load();
    runProjection(dataset, scenario);
    const row = dataset.placements.find((r) => r.placementType === 'residential' && r.children > 0)!;
    row.children += 5;
    const changed = runProjection(dataset, scenario);
    const fresh = await load();
    fresh.dataset.placements.find((r) => r.placementType === 'residential' && r.children > 0)!.children += 5;
    expect(JSON.stringify(changed)).toBe(JSON.stringify(runProjection(fresh.dataset, fresh.scenario)));
    dataset.providers = dataset.providers.map((p) => ({ ...p, places: p.places + 1 }));
    fresh.dataset.providers = fresh.dataset.providers.map((p) => ({ ...p, places: p.places + 1 }));
    expect(JSON.stringify(runProjection(dataset, scenario))).toBe(JSON.stringify(runProjection(fresh.dataset, fresh.scenario)));
  });
});
