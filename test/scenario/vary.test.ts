// Which parameters a sensitivity analysis varies and holds (src/scenario/vary.ts;
// docs/methodology.md, "Which assumption matters"), on the shipped central-uncertain and central.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { checkVary, drawnParameters, varyCandidates, withVaried } from '../../src/scenario/vary.js';
import { pinnedDraw } from '../../src/model/sensitivity/tornado.js';
import { ownRandomness } from '../../src/cli/sensitivity/analysis.js';
import { ROOT, testDataset } from './dataset.js';

const dataset = testDataset();
const LIBRARY = path.join(ROOT, 'scenarios');
const load = (name: string) => loadScenario(name, { scenariosDir: LIBRARY, dataset });

describe('drawnParameters', () => {
  it('names every distribution of central-uncertain by its stream path, in draw order', async () => {
    const paths = drawnParameters(await load('central-uncertain'), dataset).map((d) => d.path);
    expect(paths).toContain('demand.rate.2026');
    expect(paths).toContain('turnover.foster.2025');
    expect(paths).toContain('transitions[2].exit');
    expect(paths).toContain('foster_wales.net_new_places.2027');
    // The registry's order: demand before turnover before transitions before Foster Wales.
    expect(paths.indexOf('demand.rate.2026')).toBeLessThan(paths.indexOf('turnover.foster.2025'));
    expect(paths.indexOf('turnover.foster.2025')).toBeLessThan(paths.indexOf('transitions[0].exit'));
    expect(paths.indexOf('transitions[3].convert')).toBeLessThan(paths.indexOf('foster_wales.net_new_places.2024'));
  });

  it('finds none in central, which is random only in its own rules', async () => {
    const central = await load('central');
    expect(drawnParameters(central, dataset)).toEqual([]);
    expect(ownRandomness(central)).toEqual(['choice', 'services', 'rounding']);
  });
});

describe('checkVary and withVaried', () => {
  it('accepts a number, a year of a year map and a list item field, and holds each at its value', async () => {
    const central = await load('central');
    expect(checkVary(central, 'turnover.residential', 0.35, 0.55)).toEqual({ path: 'turnover.residential', low: 0.35, high: 0.55, central: 0.45 });
    expect(checkVary(central, 'demand.rate.2026', -0.03, 0.01)).toMatchObject({ central: -0.01 });
    expect(checkVary(central, 'transitions[2].exit', 0.1, 0.6)).toMatchObject({ central: 0.25 });
  });

  it('explains a path it cannot vary, with a did-you-mean', async () => {
    const central = await load('central');
    expect(checkVary(central, 'turnover.residental', 0.3, 0.4)).toMatch(/unknown parameter "turnover.residental": did you mean "turnover.residential"\?/);
    expect(checkVary(central, 'demand.rate', 0, 0.1)).toMatch(/is a year map in this scenario: name one of its years \(demand.rate.2024, demand.rate.2026\)/);
    expect(checkVary(central, 'demand.rate.2025', 0, 0.1)).toMatch(/name one of its years/);
    expect(checkVary(central, 'turnover.residential', 0.6, 0.4)).toBe('LOW 0.6 is above HIGH 0.4');
    expect(checkVary(central, 'turnover.residential', 0.3, 1.4)).toMatch(/1.4 is not a value turnover.residential can take/);
  });

  it('makes a varied number drawable by its path, without changing the scenario when held', async () => {
    const central = await load('central');
    const v = checkVary(central, 'turnover.residential', 0.35, 0.55);
    if (typeof v === 'string') throw new Error(v);
    const varied = withVaried(central, [v]);
    expect(drawnParameters(varied, dataset).map((d) => d.path)).toEqual(['turnover.residential']);
    const at = (pins: Record<string, number>) => resolveScenario(varied, dataset, pinnedDraw(pins, { 'turnover.residential': 0.45 }));
    expect(at({}).turnover.residential).toEqual(resolveScenario(central, dataset, pinnedDraw({})).turnover.residential);
    expect(at({ 'turnover.residential': 0.55 }).turnover.residential).toEqual({ initial: 0.55, steps: [] });
    // The scenario itself is not changed.
    expect(varyCandidates(central)).toContain('turnover.residential');
    expect(drawnParameters(central, dataset)).toEqual([]);
  });
});
