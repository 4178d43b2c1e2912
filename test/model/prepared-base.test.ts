// The base state is a value the caller prepares once and passes to each projection (the Monte Carlo
// runner keeps one per dataset): a projection with it gives exactly what one without gives, however
// often it is reused, and the model keeps nothing between projections.
import { describe, expect, it } from 'vitest';
import { loadDatasetOrThrow } from '../../src/io/dataset.js';
import { prepareBase, runProjection } from '../../src/model/project.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';

const load = async () => {
  const { dataset } = await loadDatasetOrThrow('data/wales');
  const loaded = await loadScenario('central', { scenariosDir: 'scenarios', dataset });
  return { dataset, scenario: deterministicScenario(loaded, dataset) };
};

describe('a prepared base state', () => {
  it('gives the same projection, placements and warnings included, as a projection without it, run after run', async () => {
    const { dataset, scenario } = await load();
    const alone = JSON.stringify(runProjection(dataset, scenario));
    const base = prepareBase(dataset);
    expect(JSON.stringify(runProjection(dataset, scenario, { base }))).toBe(alone);
    // The base is copied, never changed, by a projection: a second one gives the same again.
    expect(JSON.stringify(runProjection(dataset, scenario, { base }))).toBe(alone);
  });

  it('leaves nothing behind: a changed row is seen by the next projection without a base', async () => {
    const { dataset, scenario } = await load();
    runProjection(dataset, scenario);
    dataset.placements.find((r) => r.placementType === 'residential' && r.children > 0)!.children += 5;
    const fresh = await load();
    fresh.dataset.placements.find((r) => r.placementType === 'residential' && r.children > 0)!.children += 5;
    expect(JSON.stringify(runProjection(dataset, scenario))).toBe(JSON.stringify(runProjection(fresh.dataset, fresh.scenario)));
  });

  it('is refused for another dataset', async () => {
    const a = await load();
    const b = await load();
    expect(() => runProjection(a.dataset, a.scenario, { base: prepareBase(b.dataset) })).toThrow(/prepared for another dataset/);
  });
});
