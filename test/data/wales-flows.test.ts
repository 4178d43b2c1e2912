// Demand from flows on the default Wales data (docs/model.md §4.4; data/wales/SOURCES.md D17): the
// flows are calibrated so that, with no change in entries or in time in care, the number of
// children looked after holds level, since about as many children left care in 2023-24 as started.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetOrThrow } from '../../src/io/dataset.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';
import { areaMetrics, areasOf } from '../../src/model/aggregate.js';
import { runProjection } from '../../src/model/project.js';
import type { Dataset } from '../../src/model/types.js';

const { dataset } = await loadDatasetOrThrow(path.join('data', 'wales'));
const dir = mkdtempSync(path.join(tmpdir(), 'i12-flows-'));

async function walesPath(yaml: string): Promise<Array<{ year: number; cla: number; started: number | null; ceased: number | null }>> {
  const file = path.join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  const loaded = await loadScenario(file, { scenariosDir: dir, dataset });
  const projection = runProjection(dataset, deterministicScenario(loaded, dataset), { keepPlacements: false });
  const wales = areasOf(dataset, 'wales')[0];
  return projection.years.map((y) => {
    const m = areaMetrics(y, wales);
    return { year: y.year, cla: m.children_looked_after!, started: m.started_looked_after, ceased: m.ceased_looked_after };
  });
}

describe('flows on the Wales data', () => {
  it('holds the data: about 1,990 children started and 1,980 ceased to be looked after in 2023-24 (D17)', () => {
    const d: Dataset = dataset;
    const row = d.flows?.find((r) => r.year === 2023 && r.laCode === 'W92000004');
    expect(row).toMatchObject({ started: 1990, ceased: 1980, status: 'estimated' });
    // 2018-19 is the last year published in full (S6): 2,125 started, 1,678 left.
    expect(d.flows?.find((r) => r.year === 2018)).toMatchObject({ started: 2125, ceased: 1678, status: 'published' });
    // The default mean time in care, 7,198 / 1,990 = 3.62 years, is close to E4's "about 3.7".
    expect(7198 / row!.started).toBeGreaterThan(3.5);
    expect(7198 / row!.started).toBeLessThan(3.8);
  });

  it('steady state: no change in entries or duration holds Wales level, exits balancing entries every year', async () => {
    const years = await walesPath('demand: { method: flows }\nhorizon: { to: 2035 }\n');
    expect(years).toHaveLength(13); // base row 2023 and 2024..2035
    for (const y of years.slice(1)) {
      // Each LA's mean time in care is its 31 March 2024 count ÷ its share of the 1,990 entries, so
      // its exits are its entries: every LA, and so Wales, stays at 7,198.
      expect(y).toEqual({ year: y.year, cla: 7198, started: 1990, ceased: 1990 });
    }
  });

  it('steady state with the national mean time written as a number: about level (rounding only)', async () => {
    // 7,198 / 1,990 = 3.617 years, rounded to 3.62 here: exits 7,198 / 3.62 = 1,988 a year against
    // 1,990 entries, summed over 22 LAs each rounded: Wales drifts by a few children a year at most.
    const years = await walesPath('demand: { method: flows, mean_years_in_care: 3.62 }\nhorizon: { to: 2035 }\n');
    for (const y of years.slice(1)) {
      expect(Math.abs(y.cla - 7198) / 7198).toBeLessThan(0.005);
      expect(Math.abs((y.ceased ?? 0) - 1990)).toBeLessThan(15);
    }
  });

  it('the prevention scenario: entries fall 12% over three years, time in care shortens, children looked after fall', async () => {
    const loaded = await loadScenario('prevention', { scenariosDir: 'scenarios', dataset });
    const p = runProjection(dataset, deterministicScenario(loaded, dataset), { keepPlacements: false });
    const wales = areasOf(dataset, 'wales')[0];
    const at = (t: number) => areaMetrics(p.years.find((y) => y.year === t)!, wales);
    expect(at(2024).started_looked_after).toBe(1990);
    // 2027-28 on: round(each LA's share × 0.88), summed: 1,990 × 0.88 = 1,751.2, about 1,751-1,755
    expect(Math.abs(at(2027).started_looked_after! - 1751)).toBeLessThanOrEqual(11);
    expect(at(2035).children_looked_after!).toBeLessThan(at(2024).children_looked_after!);
    // Long run: entries × mean time = 1,751 × 3.3 = 5,780 or so
    expect(Math.abs(at(2035).children_looked_after! - 5780) / 5780).toBeLessThan(0.02);
  });
});
