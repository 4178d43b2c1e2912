// The registry of scenario parameters: what follows from each row (year maps wherever a parameter may
// be dated, refusal where it may not, the model's shape, the log).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, ScenarioError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { CHOICE_PARAMETERS, NOT_READ_BY_CALIBRATION, REGISTRY, isNumericRow, type NumericRow } from '../../src/scenario/registry.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';
import { testDataset } from './dataset.js';

const dataset = testDataset();
const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-registry-'));

/** Writes `name.yaml` with `text` and loads it. */
async function loadText(name: string, text: string) {
  writeFileSync(path.join(dir, `${name}.yaml`), text);
  return loadScenario(name, { scenariosDir: dir, dataset });
}

async function problemsOf(name: string, text: string): Promise<string[]> {
  const err = await loadText(name, text).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ScenarioError);
  return (err as ScenarioError).problems.map((p) => formatProblem(p).replace(`${dir}/`, ''));
}

/** A value in range for a row's kind. */
const sample = (row: NumericRow): number => (row.kind === 'share' || row.kind === 'rate' ? 0.05 : 12);

/** The YAML of `path: value` for a top-level dotted path (`a.b: v` as `a: { b: v }`). */
function yamlAt(dotted: string, value: string): string {
  const keys = dotted.split('.');
  return keys.reduceRight((inner, k) => `{ ${k}: ${inner} }`, value).replace(/^\{ (.*) \}$/, '$1');
}

/** `a: { b: x }` and `a: { c: y }` as `a: { b: x, c: y }` (flow maps of one top key each). */
function mergeYamlMaps(lines: string[]): string {
  const top = lines.map((l) => /^(\w+): \{ (.*) \}$/.exec(l));
  if (top.some((m) => m === null) || new Set(top.map((m) => m![1])).size !== 1) return lines.join('\n');
  return `${top[0]![1]}: { ${top.map((m) => m![2]).join(', ')} }`;
}

describe('year maps (docs/model.md §5: every numeric parameter, unless its row fixes its year)', () => {
  const dated = REGISTRY.filter((r): r is NumericRow => isNumericRow(r) && r.dated && !r.path.includes('[]'));

  it.each(dated.map((r) => [r.path, r] as const))('%s takes a year map, logged one entry a year', async (p, row) => {
    const v = sample(row);
    const years = `{ 2025: ${v}, 2027: ${v * 2} }`;
    // A map by LA holds a year map per LA (Cardiff is W06000015).
    // A parameter in force only under another key's value (`when`) is written with that value too.
    const when = Array.isArray(row.when) ? row.when : row.when ? [row.when] : [];
    const extra = when.map((w) => yamlAt(w.path, String(w.equals)));
    const text = [yamlAt(p, row.byLa === 'map' ? `{ Cardiff: ${years} }` : years), ...extra];
    // Two keys under one map (`demand: { method: flows }` and `demand: { entries_change: … }`) merge.
    const merged = text.length === 1 ? text[0] : mergeYamlMaps(text);
    const loaded = await loadText(`dated-${p.replace(/\W/g, '-')}`, `${merged}\n`);
    const at = row.byLa === 'map' ? `${p}.W06000015` : p;
    const logged = loaded.parameters.filter((x) => x.path.startsWith(`${p}.`)).map((x) => [x.path, x.value]);
    expect(logged).toEqual([
      [`${at}.2025`, v],
      [`${at}.2027`, v * 2],
    ]);
  });

  it('unplaced_weekly_cost_gbp: {2024: 900, 2027: 1200} reaches the model as a Timeline', async () => {
    const loaded = await loadText('unplaced-dated', 'unplaced_weekly_cost_gbp: { 2024: 900, 2027: 1200 }\n');
    expect(deterministicScenario(loaded, dataset).unplacedWeeklyCostGbp).toEqual({ initial: 0, steps: [[2024, 900], [2027, 1200]] });
  });

  it('a map by LA takes LAs as keys, never years', async () => {
    expect(await problemsOf('by-la-years', 'demand: { rate_by_la: { 2025: 0.01 } }\n')).toEqual(['by-la-years.yaml:1:25: demand.rate_by_la.2025: unknown local authority "2025"']);
  });

  it('outside_wales.distance_km takes a year map, and so does each LA of its map', async () => {
    const loaded = await loadText('distance-dated', 'outside_wales: { distance_km: { default: { 2027: 200 }, Cardiff: { 2025: 90 } } }\n');
    const ow = deterministicScenario(loaded, dataset).outsideWales;
    expect(ow.distanceKm).toEqual({ initial: 150, steps: [[2027, 200]] });
    expect(ow.distanceKmByLa).toEqual({ W06000015: { initial: 150, steps: [[2025, 90]] } });
  });

  it("a transition's exit is dated by its row and takes no year map", async () => {
    expect(await problemsOf('exit-dated', 'transitions:\n  - { year: 2027, exit: { 2027: 0.1 } }\n')).toEqual([
      'exit-dated.yaml:2:25: transitions[0].exit: expected one value here (this parameter is dated by its row, so it takes no year map)',
    ]);
  });
});

describe('the model scenario', () => {
  it('has every key of ModelScenario, filled from the registry with its defaults', async () => {
    const m = deterministicScenario(await loadText('empty', '{}\n'), dataset);
    // Base year 2024: horizon 2034; every default of the registry, as the model's Timelines.
    const tl = (initial: number) => ({ initial, steps: [] });
    expect(m).toEqual({
      name: 'empty',
      horizonTo: 2034,
      demand: { method: 'change', rate: tl(0), rateByLa: {}, trendYears: 5, reconcile: 'none' },
      mixShift: [],
      turnover: { foster: tl(0.3), residential: tl(0.45), secure: tl(0.9) },
      occupancy: { foster: tl(0.9), residential: tl(0.85), secure: tl(0.9) },
      occupancyBySector: {},
      usablePlaces: 'occupancy',
      transitionUnit: 'places',
      rounding: 'largest_remainder',
      externalDemandRate: tl(0),
      orderStreams: { seed: 1, run: 0 },
      policy: { fpGrowthFrozenFrom: null, approvalRequiredFrom: null, fpNewPlacementsEnd: null, exceptionsShare: tl(0) },
      transitions: [],
      fosterWales: { netNewPlaces: tl(0), transfersFromFp: tl(0), netGrowthRate: tl(0), netNewPlacesByLa: {}, nationNeed: null },
      regionalResidential: [],
      outsideWales: { allowed: true, places: null, distanceKm: tl(150), distanceKmByLa: {}, sector: 'fp', pricePremium: tl(0) },
      inflation: tl(0),
      unplacedWeeklyCostGbp: null,
      deflator: tl(0), // the scenario's inflation, standing in
      // The registry's rows marked as not read by placement choice's calibration year.
      notReadByCalibration: ['transitionUnit', 'inflation', 'unplacedWeeklyCostGbp', 'deflator', 'oneOffCosts'],
    });
  });

  it('damping and reconcile reach the trend rule; damping takes a distribution at its central value', async () => {
    const loaded = await loadText('damped', 'demand: { method: trend, trend_years: 3, damping: { triangular: [0.7, 0.8, 0.9] }, reconcile: nation }\n');
    expect(deterministicScenario(loaded, dataset).demand).toEqual({ method: 'trend', trendYears: 3, damping: 0.8, reconcile: 'nation' });
    expect(loaded.hasDistributions).toBe(true);
  });

  it('refuses a damping above 1, a dated damping and an unknown reconcile, each with its line', async () => {
    // One bad fixture per rule: φ is a share of the slope kept each year (at most 1); it takes no year map.
    expect(await problemsOf('damping-high', 'demand: { method: trend, damping: 1.5 }\n')).toEqual([expect.stringMatching(/^damping-high\.yaml:1:\d+: demand\.damping: expected a share from 0 to 1, found 1\.5/)]);
    expect((await problemsOf('damping-dated', 'demand: { method: trend, damping: { 2026: 0.8 } }\n')).join('\n')).toMatch(/demand\.damping/);
    expect((await problemsOf('reconcile-bad', 'demand: { method: trend, reconcile: region }\n')).join('\n')).toMatch(/demand\.reconcile.*none.*nation/);
  });

  it('under the trend method, rate is not in force: not in the model, not in the log', async () => {
    const loaded = await loadText('trend', 'demand: { method: trend, rate: { normal: [0, 0.1] } }\n');
    expect(deterministicScenario(loaded, dataset).demand).toEqual({ method: 'trend', trendYears: 5, damping: 1, reconcile: 'none' });
    expect(loaded.parameters.map((p) => p.path)).not.toContain('demand.rate');
    expect(loaded.parameters.find((p) => p.path === 'demand.trend_years')).toEqual({ path: 'demand.trend_years', value: 5, source: 'default' });
    expect(loaded.hasDistributions).toBe(false);
  });

  it('deflator: absent, the scenario\'s inflation stands in (logged as such, nothing of its own in the spec); given, its own', async () => {
    const without = await loadText('no-deflator', 'inflation: { 2025: 0.03 }\n');
    expect(deterministicScenario(without, dataset).deflator).toEqual({ initial: 0, steps: [[2025, 0.03]] });
    expect(without.parameters.find((p) => p.path === 'deflator')).toEqual({ path: 'deflator', value: 'inflation', source: 'default' });
    expect(without.spec).not.toHaveProperty('deflator');
    const own = await loadText('own-deflator', 'inflation: 0.03\ndeflator: { 2024: 0.02 }\n');
    expect(deterministicScenario(own, dataset).deflator).toEqual({ initial: 0, steps: [[2024, 0.02]] });
  });

  it('placement choice, calibrated: the model receives the registry\'s β, α, γ as where the fit starts', async () => {
    // The registry is the one place of these defaults: β 0.02 per km, α 0, γ 0 for every market type.
    const m = deterministicScenario(await loadText('calibrated', 'matching: { method: choice }\n'), dataset).matching!;
    expect(m.calibrate).toBe(true);
    expect(m.distanceDecay).toEqual({ foster: 0.02, residential: 0.02, secure: 0.02 });
    expect(m.outsidePull).toEqual({ foster: 0, residential: 0, secure: 0 });
    expect(m.ownLaPull).toEqual({ foster: 0, residential: 0, secure: 0 });
  });

  it('a region may be named by its name as well as its slug (docs/model.md §3.1); the model sees the slug', async () => {
    const loaded = await loadText('region-name', 'transitions:\n  - { year: 2027, region: Cardiff and Vale, exit: 0.1 }\n');
    expect(deterministicScenario(loaded, dataset).transitions[0].region).toBe('cardiff-and-vale');
  });
});

describe('columns that other places read', () => {
  it('CHOICE_PARAMETERS: the provenance names β, α and γ as a scenario sets them by hand', () => {
    expect(CHOICE_PARAMETERS).toEqual([
      { name: 'distance_decay', param: 'beta' },
      { name: 'outside_pull', param: 'alpha' },
      { name: 'own_la_pull', param: 'gamma' },
    ]);
  });

  it('NOT_READ_BY_CALIBRATION: money and the transition unit, once each, as the model holds them', () => {
    // The seven one_off_costs rows share one model key; transition_unit because the year has no transition.
    expect(NOT_READ_BY_CALIBRATION).toEqual(['transitionUnit', 'inflation', 'unplacedWeeklyCostGbp', 'deflator', 'oneOffCosts']);
  });

  it('a duration of 0 is refused wherever the kind is: a mean time in care by LA too', async () => {
    // exits = children ÷ mean years in care: 0 cannot divide; the range of the kind allows it (at least 0).
    expect(await problemsOf('zero-years', 'demand: { method: flows, mean_years_in_care_by_la: { Cardiff: 0 } }\n')).toEqual([
      expect.stringMatching(/^zero-years\.yaml:1:\d+: demand\.mean_years_in_care_by_la\.Cardiff: expected a mean time in care of more than 0 years, found 0$/),
    ]);
  });

  it('sharesOfOneWhole: a transition\'s exit and convert together at most 1, the message naming both', async () => {
    expect(REGISTRY.find((r) => r.path === 'transitions')).toMatchObject({ sharesOfOneWhole: ['exit', 'convert'] });
    // 0.7 + 0.4 = 1.1 > 1; 0.5 + 0.5 = 1 is allowed.
    expect(await problemsOf('over-one', 'transitions:\n  - { year: 2027, sector: fp, exit: 0.7, convert: 0.4 }\n')).toEqual([
      expect.stringMatching(/^over-one\.yaml:2:\d+: transitions\[0\]\.convert: expected exit \+ convert of at most 1, found 0\.7 \+ 0\.4 = 1\.1$/),
    ]);
    await expect(loadText('one', 'transitions:\n  - { year: 2027, sector: fp, exit: 0.5, convert: 0.5 }\n')).resolves.toBeDefined();
  });

  it('every by-LA map and every list dropping items says what becomes of an LA the dataset leaves out', () => {
    const byLa = REGISTRY.filter((r) => isNumericRow(r) && r.byLa !== undefined);
    expect(byLa.map((r) => r.path)).toHaveLength(5);
    for (const r of byLa) expect((r as NumericRow).leftOut, r.path).toMatch(/^its .* (ignored|left out)$/);
    for (const r of REGISTRY) if (r.kind === 'list' && r.dropOutsideDataset) expect(r.leftOut, r.path).toBeDefined();
  });
});
