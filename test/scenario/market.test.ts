// The scenario keys of docs/model.md §4.3 and §5 (market realism, nation totals on a partial
// dataset): how they are read, checked and resolved.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, ScenarioError } from '../../src/errors.js';
import { loadDataset } from '../../src/io/dataset.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';
import { WALES_LAS } from '../../src/common/wales-las.js';
import type { Dataset } from '../../src/model/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** test/fixtures/io/good: Isle of Anglesey, Gwynedd and Cardiff (3 of the 22). */
async function threeLas(): Promise<Dataset> {
  const { dataset } = await loadDataset(path.join(ROOT, 'test', 'fixtures', 'io', 'good'));
  return dataset!;
}

function allOfWales(d: Dataset): Dataset {
  const have = new Set(d.localAuthorities.map((l) => l.code));
  const more = WALES_LAS.filter((l) => !have.has(l.code)).map((l) => ({ ...l, lat: 52, lon: -3.5, areaKm2: 100 }));
  return { ...d, localAuthorities: [...d.localAuthorities, ...more] };
}

function scenarioFile(text: string): { dir: string; name: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-market-'));
  writeFileSync(path.join(dir, 's.yaml'), text);
  return { dir, name: 's' };
}

async function load(text: string, dataset: Dataset) {
  const { dir, name } = scenarioFile(text);
  return loadScenario(name, { scenariosDir: dir, dataset });
}

async function problems(text: string, dataset: Dataset): Promise<string[]> {
  try {
    await load(text, dataset);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).problems.map((p) => formatProblem(p).replace(/^.*s\.yaml:/, 's.yaml:'));
  }
  throw new Error('loaded, but should have failed');
}

describe('market-realism keys', () => {
  it('reads occupancy by sector, held usable places, services, external demand', async () => {
    const d = allOfWales(await threeLas());
    const loaded = await load(
      [
        'occupancy: { foster: 0.9, residential: { la: 0.95, fp: 0.8 } }',
        'usable_places: held',
        'transition_unit: services',
        'external_demand: { rate: { 2026: 0.05 } }',
        'transitions:',
        '  - { year: 2027, sector: fp, exit: 0.5, unit: places }',
      ].join('\n'),
      d,
    );
    const m = deterministicScenario(loaded, d, 7);
    expect(m.occupancy.foster).toEqual({ initial: 0.9, steps: [] });
    // residential's own default (0.85) stays for nfp, the sector left out
    expect(m.occupancy.residential).toEqual({ initial: 0.85, steps: [] });
    expect(m.occupancyBySector).toEqual({ residential: { la: { initial: 0.95, steps: [] }, fp: { initial: 0.8, steps: [] } } });
    expect(m.usablePlaces).toBe('held');
    expect(m.transitionUnit).toBe('services');
    expect(m.transitions[0].unit).toBe('places');
    expect(m.externalDemandRate).toEqual({ initial: 0, steps: [[2026, 0.05]] });
    // the deterministic run is run 0 of the seed
    expect(m.orderStreams).toEqual({ seed: 7, run: 0 });
    expect(loaded.parameters.find((p) => p.path === 'occupancy.residential.la')?.value).toBe(0.95);
  });

  it('refuses a key that is no sector under occupancy, and an unknown unit', async () => {
    const d = allOfWales(await threeLas());
    expect(await problems('occupancy: { residential: { la: 0.9, pf: 0.8 } }\ntransition_unit: service\n', d)).toEqual([
      's.yaml:1:38: occupancy.residential.pf: expected a sector (la, nfp, fp), a year or a parameter, found "pf"',
      's.yaml:2:18: transition_unit: expected one of places, services, found "service"; did you mean "services"?',
    ]);
  });

  it('reads outside_wales.places: held and rounding: unbiased as words, and a number cap as ever', async () => {
    const d = allOfWales(await threeLas());
    const m = deterministicScenario(await load('rounding: unbiased\noutside_wales: { places: held }\n', d), d);
    expect([m.rounding, m.outsideWales.places]).toEqual(['unbiased', 'held']);
    const n = deterministicScenario(await load('outside_wales: { places: 40 }\n', d), d);
    expect([n.rounding, n.outsideWales.places]).toEqual(['largest_remainder', { initial: 40, steps: [] }]);
  });

  it('defaults to the rules of 4.2', async () => {
    const d = allOfWales(await threeLas());
    const m = deterministicScenario(await load('name: plain\n', d), d);
    expect([m.usablePlaces, m.transitionUnit, m.occupancyBySector]).toEqual(['occupancy', 'places', {}]);
    expect(m.fosterWales.nationNeed).toBeNull();
  });
});

describe('a nation\'s total on a partial dataset (docs/model.md §5)', () => {
  it('warns that 3 of the 22 LAs would receive all of Foster Wales\'s growth, saying what to write instead', async () => {
    const loaded = await load('foster_wales: { net_new_places: 150 }\n', await threeLas());
    expect(loaded.warnings.map((p) => formatProblem(p).replace(/^.*s\.yaml:/, 's.yaml:'))).toEqual([
      's.yaml:1:33: warning: foster_wales.net_new_places: a total for all of Wales, but this dataset holds 3 of the 22 LAs of Wales, so they would receive all of it; ' +
        'write foster_wales.net_new_places_by_la (a map by LA), foster_wales.net_growth_rate (a share of LA foster places a year), ' +
        "or give foster_wales.nation_need (Wales's children needing foster care) so that the total is shared by the dataset's share of it",
    ]);
  });

  it('says nothing when the dataset is all of Wales, or nation_need is given', async () => {
    expect((await load('foster_wales: { net_new_places: 150 }\n', allOfWales(await threeLas()))).warnings).toEqual([]);
    const d = await threeLas();
    const loaded = await load('foster_wales: { net_new_places: 150, nation_need: 5000, net_growth_rate: 0.02, net_new_places_by_la: { Cardiff: 12 } }\n', d);
    expect(loaded.warnings).toEqual([]);
    const m = deterministicScenario(loaded, d);
    expect(m.fosterWales.nationNeed).toEqual({ initial: 5000, steps: [] });
    expect(m.fosterWales.netGrowthRate).toEqual({ initial: 0.02, steps: [] });
    expect(m.fosterWales.netNewPlacesByLa).toEqual({ W06000015: { initial: 12, steps: [] } });
  });
});
