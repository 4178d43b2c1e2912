// What a plan keeps of each Monte Carlo run (src/mc/la-part.ts): one LA's part of three years. The
// plan made from the part must be the plan made from the whole projection, for every LA of the
// Wales data and every year a plan can ask for, so that `plan --runs N` through the worker pool
// prints the plan of each run's whole projection.
import { beforeAll, describe, expect, it } from 'vitest';
import { planFigures, type PlanContextData } from '../../src/cli/plan-figures.js';
import { modelWarnings } from '../../src/cli/pipeline.js';
import { loadDatasetOrThrow } from '../../src/io/dataset.js';
import { laPart } from '../../src/mc/la-part.js';
import { prepareChoice, runProjection } from '../../src/model/project.js';
import type { Dataset, Projection } from '../../src/model/types.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';

let dataset: Dataset;
let whole: Projection;
let context: PlanContextData;

beforeAll(async () => {
  ({ dataset } = await loadDatasetOrThrow('data/wales'));
  // central: placement choice, regional homes reserved for their region, LA strategies and for-profit exits, so every part of a plan has rows.
  const loaded = await loadScenario('central', { scenariosDir: 'scenarios', dataset });
  const scenario = deterministicScenario(loaded, dataset);
  whole = runProjection(dataset, scenario, { choice: prepareChoice(dataset, scenario) ?? undefined });
  // Every provider marked synthetic, so that (d)(iii)'s marks are compared too.
  const synthetic = new Set(dataset.providers.map((p) => p.providerId));
  context = { scenario, assumptions: loaded.assumptions, estimated: [], syntheticProviders: synthetic };
});

describe('an LA’s part of a run', () => {
  it('makes the same plan as the whole projection, for every LA, in the first, a middle and the last year', () => {
    const B = dataset.baseYear;
    const last = whole.years[whole.years.length - 1].year;
    for (const la of dataset.localAuthorities) {
      for (const year of [B, B + 1, B + 4, last]) {
        const part = laPart(whole, dataset, { laCode: la.code, years: [year - 2, year - 1, year] });
        expect(part.projection.years.map((y) => y.year)).toEqual([year - 2, year - 1, year].filter((y) => y >= B - 1));
        expect(planFigures(dataset, part.projection, la.code, year, context)).toEqual(planFigures(dataset, whole, la.code, year, context));
        if (year > B) expect(planFigures(dataset, part.projection, la.code, year - 1, context)).toEqual(planFigures(dataset, whole, la.code, year - 1, context));
      }
    }
  });

  it('holds only the LA’s own rows, and the warnings of every year of the run', () => {
    const cardiff = 'W06000015';
    const part = laPart(whole, dataset, { laCode: cardiff, years: [2027] });
    const [y] = part.projection.years;
    const full = whole.years.find((w) => w.year === 2027)!;
    expect(y.tallies.map((t) => t.laCode)).toEqual([cardiff]);
    expect(y.groups.every((g) => g.laCode === cardiff)).toBe(true);
    expect((y.placedInYear ?? []).every((g) => g.laCode === cardiff)).toBe(true);
    expect(y.places.every((p) => p.host === cardiff)).toBe(true);
    // 22 LAs share the placements: one LA's part is a small share of them, and of the providers (Cardiff's children are with many).
    expect(y.groups.length).toBeLessThan(full.groups.length / 4);
    expect(y.providers.length).toBeLessThan(full.providers.length / 2);
    expect(part.warnings).toEqual(modelWarnings(whole));
  });
});
