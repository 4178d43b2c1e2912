// The scenario loader (docs/model.md §5): one bad fixture per failure mode, each asserting the file,
// the line and column, the path and the message; extends; year maps; sources; the draw order; and
// every scenario of the project's library.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, ScenarioError } from '../../src/errors.js';
import { centralValue, type Distribution } from '../../src/model/distribution.js';
import { listScenarios, loadScenario, type LoadedScenario } from '../../src/scenario/load.js';
import { deterministicScenario, resolveScenario } from '../../src/scenario/resolve.js';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FIXTURES, ROOT, testDataset } from './dataset.js';

const dataset = testDataset();
const BAD = path.join(FIXTURES, 'bad');
const GOOD = path.join(FIXTURES, 'good');
const LIBRARY = path.join(ROOT, 'scenarios');

const load = (ref: string, dir = GOOD): Promise<LoadedScenario> => loadScenario(ref, { scenariosDir: dir, dataset });

/** The formatted problems of a scenario that must fail to load. */
async function problems(ref: string, dir = BAD): Promise<string[]> {
  try {
    await load(ref, dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).problems.map((p) => formatProblem(p).replace(/^test\/fixtures\/scenarios\//, ''));
  }
  throw new Error(`${ref} loaded, but should have failed`);
}

describe('one bad fixture per failure mode: file, line, column, path and message', () => {
  it('unknown keys, at the key, with a suggestion', async () => {
    expect(await problems('unknown-key')).toEqual([
      'bad/unknown-key.yaml:3:1: demnd: unknown key; did you mean "demand"?',
      'bad/unknown-key.yaml:6:3: turnover.residental: unknown key; did you mean "residential"?',
    ]);
  });

  it('a misspelt keyword of a numeric parameter and of the rounding, with a suggestion', async () => {
    expect(await problems('outside-helld')).toEqual([
      'bad/outside-helld.yaml:3:11: rounding: expected one of largest_remainder, unbiased, found "unbaised"; did you mean "unbiased"?',
      'bad/outside-helld.yaml:4:26: outside_wales.places: expected a number, a distribution, null or held, found "helld"; did you mean "held"?',
    ]);
  });

  it('a share above 1, at the value', async () => {
    // line 5 is the second transition; column 66 is where `1.4` starts.
    expect(await problems('bad-share')).toEqual(['bad/bad-share.yaml:5:66: transitions[1].exit: expected a share from 0 to 1, found 1.4: a share is a fraction; did you mean 0.014?']);
  });

  it('exit + convert above 1 (central values: 0.6 + the triangular mode 0.5)', async () => {
    expect(await problems('exit-convert')).toEqual(['bad/exit-convert.yaml:7:14: transitions[0].convert: expected exit + convert of at most 1, found 0.6 + 0.5 = 1.1']);
  });

  it('convert on a not-for-profit transition', async () => {
    expect(await problems('convert-nfp')).toEqual(['bad/convert-nfp.yaml:4:65: transitions[0].convert: only for-profit places convert, but this transition is for sector nfp']);
  });

  it('distributions with impossible parameters, every one of them', async () => {
    expect(await problems('bad-distribution')).toEqual([
      'bad/bad-distribution.yaml:4:19: demand.rate.normal: expected a standard deviation of at least 0, found -0.02',
      'bad/bad-distribution.yaml:6:41: foster_wales.net_new_places.2026.triangular: expected min <= mode <= max, found [60, 200, 120]',
      'bad/bad-distribution.yaml:7:33: foster_wales.transfers_from_fp.uniform: expected bounds that are each a share from 0 to 1, found [0.2, 1.5]',
      expect.stringMatching(/^bad\/bad-distribution\.yaml:8:12: inflation: expected a rate of change a year, above -1 and at most 1 or a distribution .*found a map with keys gaussian$/),
    ]);
  });

  it('an unknown LA in rate_by_la, with did-you-mean; Welsh names without accents resolve', async () => {
    expect(await problems('unknown-la')).toEqual(['bad/unknown-la.yaml:7:5: demand.rate_by_la.Cardif: unknown local authority "Cardif"; did you mean "Cardiff" (W06000015)?']);
  });

  it("unknown regions, with the nearest of the dataset's regions suggested; a region's name stands for its slug (docs/model.md §3.1)", async () => {
    // regional_residential[0].region is "Cardiff and Vale": the name of the dataset's cardiff-and-vale.
    expect(await problems('unknown-region')).toEqual([
      'bad/unknown-region.yaml:4:27: transitions[0].region: unknown region "north-walse"; did you mean "north-wales"?',
    ]);
  });

  it('a value the parameter cannot mean: an error suggesting the fraction (docs/model.md §5)', async () => {
    // rate 2 (2%, written as a percentage), turnover 30 (30%), inflation -1 (everything gone in a year).
    expect(await problems('percent-rate')).toEqual([
      'bad/percent-rate.yaml:2:17: demand.rate: expected a rate of change a year, above -1 and at most 1, found 2: a rate is a fraction a year; did you mean 0.02?',
      'bad/percent-rate.yaml:3:21: turnover.foster: expected a share from 0 to 1, found 30: a share is a fraction; did you mean 0.3?',
      'bad/percent-rate.yaml:4:12: inflation: expected a rate of change a year, above -1 and at most 1, found -1: a rate is a fraction a year; did you mean -0.01?',
    ]);
  });

  it('a yearly rate of change beyond 0.2 either way loads, with a warning', async () => {
    const loaded = await load('steep-rate');
    expect(loaded.warnings.map((p) => formatProblem(p).replace(/^test\/fixtures\/scenarios\//, ''))).toEqual([
      'good/steep-rate.yaml:2:17: warning: demand.rate: found 0.5, a change of 50% a year: more than 20% either way is unusual; check that it is meant (a rate is a fraction a year)',
    ]);
  });

  it('covers: only the paths of scenario parameters, with did-you-mean', async () => {
    expect(await problems('covers-unknown')).toEqual([
      'bad/covers-unknown.yaml:2:61: assumptions[0].covers[0]: expected the path of a scenario parameter, found "transitons"; did you mean "transitions"?',
    ]);
  });

  it('a YAML syntax error, with its line and column', async () => {
    const found = await problems('syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^bad\/syntax\.yaml:4:1: YAML syntax: /);
  });

  it('extends of a missing file, at the extends line', async () => {
    expect(await problems('extends-missing')).toEqual(['bad/extends-missing.yaml:3:10: extends: no scenario "no-such-scenario" (looked for test/fixtures/scenarios/bad/no-such-scenario.yaml, scenarios/no-such-scenario.yaml)']);
  });

  it('an extends cycle', async () => {
    expect(await problems('cycle-a')).toEqual([
      'bad/cycle-b.yaml:3:10: extends: a cycle: test/fixtures/scenarios/bad/cycle-a.yaml -> test/fixtures/scenarios/bad/cycle-b.yaml -> test/fixtures/scenarios/bad/cycle-a.yaml',
    ]);
  });

  it('years before the base year, fractional years and negative places', async () => {
    expect(await problems('early-year')).toEqual([
      "bad/early-year.yaml:3:16: horizon.to: expected a year from 2024 (the data's base year), found 2020",
      "bad/early-year.yaml:5:13: transitions[0].year: expected a year from 2024 (the data's base year), found 2022",
      'bad/early-year.yaml:7:26: regional_residential[0].year: expected a year such as 2027, found 2026.5',
      'bad/early-year.yaml:7:42: regional_residential[0].places: expected a number of at least 0, found -2',
    ]);
  });

  it('missing required keys, at their row', async () => {
    expect(await problems('missing-required')).toEqual([
      'bad/missing-required.yaml:4:5: transitions[0].year: missing: this key is required',
      'bad/missing-required.yaml:6:5: regional_residential[0].host: missing: this key is required',
    ]);
  });

  it('a scenario name that does not exist, with a suggestion', async () => {
    expect(await problems('chld', GOOD)).toEqual([expect.stringMatching(/no scenario named "chld" in .*; did you mean "child"\?$/)]);
  });
});

describe('hostile or careless files: file, line, message, and nothing else read or echoed', () => {
  it('extends may only name a .yaml or .yml scenario: another file is refused unread', async () => {
    expect(await problems('extends-other-file')).toEqual([
      'bad/extends-other-file.yaml:2:10: extends: expected the name of a scenario or a path to a .yaml or .yml file, found "private-notes.txt"',
    ]);
  });

  it('--scenario may only name a .yaml or .yml file', async () => {
    const found = await problems(path.join(BAD, 'private-notes.txt'));
    expect(found).toEqual([expect.stringMatching(/private-notes\.txt: expected a scenario name or a path to a \.yaml or \.yml file, found ".*private-notes\.txt"$/)]);
  });

  it("a file that is no map of keys: what it is, never what it says", async () => {
    const found = await problems('extends-plain-text');
    expect(found).toEqual(['bad/plain-text.yml:1:1: expected a map of scenario keys (name, title, demand, ...), found text']);
    expect(found.join('\n')).not.toContain('SECRET');
  });

  it('a YAML bomb is refused at its first alias, before it expands', async () => {
    expect(await problems('bomb')).toEqual(['bad/bomb.yaml:3:8: YAML: aliases expand to more than 100 copies (a YAML bomb?); write the values out instead']);
  });

  it('nesting deeper than the parser goes is reported, not a crash', async () => {
    expect(await problems('deep')).toEqual([expect.stringMatching(/^bad\/deep\.yaml:2:\d+: YAML: nested too deeply for the parser$/)]);
  });

  it('a file that is not UTF-8: the encoding or the first line that is not', async () => {
    expect(await problems('latin1')).toEqual(['bad/latin1.yaml:3: not UTF-8 text from this line (Latin-1 or Windows-1252?); save the file as UTF-8']);
    expect(await problems('utf16')).toEqual(['bad/utf16.yaml: the file is UTF-16 text; save it as UTF-8']);
  });

  it('a file over the size limit is refused unread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-big-'));
    writeFileSync(path.join(dir, 'big.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    expect(await problems('big', dir)).toEqual([expect.stringMatching(/big\.yaml: the file is 1\.0 MB; a scenario file may be at most 1 MB$/)]);
  });
});

describe('extends', () => {
  it('merges maps deeply, replaces lists and year maps, and does not inherit the name', async () => {
    const child = await load('child');
    expect(child.name).toBe('child'); // parent.yaml says `name: parent`; child.yaml has no name
    expect(child.title).toBe('The child');
    expect(child.files.map((f) => path.basename(f))).toEqual(['child.yaml', 'parent.yaml']);
    // The spec is shaped by the registry: each parameter at the camelCase of its path.
    const s = child.spec as { demand: Record<string, unknown>; policy: Record<string, unknown>; [k: string]: unknown };
    // demand: method and rate from the parent; rate_by_la merged (Cardiff from parent, Newport from child)
    expect(s.demand.method).toBe('change');
    expect(s.demand.rate).toBe(0.02);
    expect(s.demand.rateByLa).toEqual({ W06000015: 0.03, W06000022: -0.01 });
    expect(s.turnover).toEqual({ foster: 0.25, residential: 0.5, secure: 0.9 });
    expect(s.policy.fpGrowthFrozenFrom).toBe(2027);
    // the child's one transition replaces the parent's two
    expect(s.transitions).toEqual([{ year: 2029, sector: null, placementType: null, region: 'gwent', host: null, providerId: null, exit: 0.2, convert: 0, unit: null }]);
    // the year map replaces the parent's, while transfers_from_fp (a sibling key) is inherited
    expect(s.fosterWales).toEqual({ netNewPlaces: { years: [[2026, 10]] }, transfersFromFp: 0.05, netGrowthRate: 0, netNewPlacesByLa: {}, nationNeed: null });
    expect(s.horizon).toEqual({ from: null, to: 2030 });
  });

  it('keeps the parent assumptions, a child entry replacing the same id', async () => {
    const child = await load('child');
    expect(child.assumptions).toEqual([
      { id: 'P1', text: "Parent's first assumption", source: 'parent source' },
      { id: 'P2', text: "Child's version of P2" },
      { id: 'C1', text: "Child's own", owner: 'tests' },
    ]);
  });

  it('holds only the assumptions in force: inherited by id, replaced by id, dropped when their covers are all set again (docs/model.md §5)', async () => {
    // covers-parent: K1 [transitions], K2 [net_new_places, transfers_from_fp], K3, K4 [].
    // covers-child sets transitions (K1 goes) and net_new_places only (K2 stays); its K3 replaces the
    // parent's in place; K5 is its own.
    expect((await load('covers-child')).assumptions.map((a) => `${a.id} ${a.text}`)).toEqual([
      'K2 Foster Wales grows and takes carers',
      "K3 The child's K3",
      'K4 About the data',
      'K5 Half exit in 2028',
    ]);
  });

  it('names a scenario without `name` by its file stem', async () => {
    expect((await load('no-name')).name).toBe('no-name');
  });

  describe('extends: NAME looks beside the file, then in --scenarios, then in the shipped library, never at the file itself', () => {
    const EXT = path.join(FIXTURES, 'extends');
    const OWN = path.join(EXT, 'own');
    const LIB = path.join(EXT, 'lib');
    const byPath = (file: string, scenariosDir: string): Promise<LoadedScenario> => loadScenario(path.join(OWN, file), { scenariosDir, dataset });
    const chainOf = (s: LoadedScenario): string[] => s.files.map((f) => path.relative(ROOT, f));

    it('NAME.yaml beside the extending file comes first (lib/ also holds a sibling.yaml, not used)', async () => {
      const s = await byPath('from-sibling.yaml', LIB);
      expect(chainOf(s)).toEqual(['test/fixtures/scenarios/extends/own/from-sibling.yaml', 'test/fixtures/scenarios/extends/own/sibling.yaml']);
      expect((s.spec as { inflation: number }).inflation).toBe(0.01); // own/sibling's, not lib/sibling's 0.09
    });

    it('else the scenario NAME of the --scenarios folder', async () => {
      const s = await byPath('from-library.yaml', LIB);
      expect(chainOf(s)).toEqual(['test/fixtures/scenarios/extends/own/from-library.yaml', 'test/fixtures/scenarios/extends/lib/lib-parent.yaml']);
      expect((s.spec as { inflation: number }).inflation).toBe(0.025);
    });

    it("else the shipped scenario: an analyst's own central.yaml extends the shipped central, never itself", async () => {
      // --scenarios is the analyst's folder, so its central.yaml is the extending file itself: skipped.
      const s = await byPath('central.yaml', OWN);
      expect(chainOf(s).slice(0, 3)).toEqual(['test/fixtures/scenarios/extends/own/central.yaml', 'scenarios/central.yaml', 'scenarios/eliminate-act.yaml']);
      expect(s.title).toBe('My central');
      expect((s.spec as { inflation: number }).inflation).toBe(0.04);
      expect((s.spec as { horizon: { to: number } }).horizon.to).toBe(2035); // the shipped central's horizon
    });

    it('a value with a / is a path relative to the extending file', async () => {
      const s = await byPath('by-path.yaml', OWN);
      expect(chainOf(s)).toEqual(['test/fixtures/scenarios/extends/own/by-path.yaml', 'test/fixtures/scenarios/extends/lib/lib-parent.yaml']);
    });

    it('a name found nowhere says where it looked, at the extends line', async () => {
      await expect(byPath('nowhere.yaml', LIB)).rejects.toThrow(ScenarioError);
      const found = await byPath('nowhere.yaml', LIB).catch((e: ScenarioError) => e.problems.map(formatProblem));
      expect(found).toEqual([
        'test/fixtures/scenarios/extends/own/nowhere.yaml:2:10: extends: no scenario "no-such-scenario" (looked for test/fixtures/scenarios/extends/own/no-such-scenario.yaml, ' +
          'test/fixtures/scenarios/extends/lib/no-such-scenario.yaml, scenarios/no-such-scenario.yaml)',
      ]);
    });
  });

  it('loads by path as well as by name', async () => {
    const byPath = await loadScenario(path.join(GOOD, 'child.yaml'), { scenariosDir: '/nowhere', dataset });
    expect(byPath.hash).toBe((await load('child')).hash);
  });
});

describe('financial-year keys and dates past the horizon (docs/methodology.md, "Writing a scenario")', () => {
  const warningsOf = async (ref: string): Promise<string[]> => (await load(ref)).warnings.map((p) => formatProblem(p).replace(/^test\/fixtures\/scenarios\//, ''));

  it('reads a year key written 2027-28 as 2027, the same as a scenario written with plain years', async () => {
    const fy = deterministicScenario(await load('financial-years'), dataset);
    // rate: { 2024-25: 0.0, 2027-28: -0.02 } is { 2024: 0, 2027: -0.02 }
    expect((fy.demand as { rate: unknown }).rate).toEqual({ initial: 0, steps: [[2024, 0], [2027, -0.02]] });
    expect((await load('financial-years')).parameters.filter((p) => p.path.startsWith('foster_wales.net_new_places.')).map((p) => p.path)).toEqual([
      'foster_wales.net_new_places.2026',
      'foster_wales.net_new_places.2027',
    ]);
  });

  it('reads a year value written 2027-28 (a transition, the horizon) as 2027', async () => {
    const s = (await load('financial-years')).spec as { horizon: { to: number }; transitions: Array<{ year: number }> };
    expect(s.horizon.to).toBe(2030); // 2030-31
    expect(s.transitions.map((t) => t.year)).toEqual([2027]); // 2027-28
  });

  it('refuses a year value 2027-29, at the value', async () => {
    expect(await problems('financial-year-value')).toEqual([
      'bad/financial-year-value.yaml:4:13: transitions[0].year: "2027-29" is not a financial year: a financial year runs from one April to the next, so the one starting in 2027 is 2027-28',
    ]);
  });

  it('refuses 2027-29 (not one year and the next) and a year written twice, at the key', async () => {
    expect(await problems('financial-year-key')).toEqual([
      'bad/financial-year-key.yaml:4:22: "2027-29" is not a financial year: a financial year runs from one April to the next, so the one starting in 2027 is 2027-28',
      'bad/financial-year-key.yaml:6:32: "2026-27" is the year 2026, which this map already has a key for',
    ]);
  });

  it('warns of each dated value after horizon.to (2035): year keys, list years, policy years, by-LA year maps', async () => {
    // 2035 itself is in the horizon; 2036, 2040 and 2045 are not.
    const late = (y: number): string => `${y} is after the horizon (horizon.to 2035): it never takes effect; extend horizon.to or correct the year`;
    expect(await warningsOf('past-horizon')).toEqual([
      // 2040-41 is reported as 2040, at its key (line 5, column 22)
      `good/past-horizon.yaml:5:22: warning: demand.rate.2040: ${late(2040)}`,
      `good/past-horizon.yaml:6:34: warning: policy.fp_new_placements_end: ${late(2036)}`,
      `good/past-horizon.yaml:9:13: warning: transitions[1].year: ${late(2045)}`,
      `good/past-horizon.yaml:11:41: warning: regional_residential[0].year: ${late(2045)}`,
      `good/past-horizon.yaml:13:54: warning: outside_wales.distance_km.Cardiff.2036: ${late(2036)}`,
    ]);
  });

  it('takes the default horizon (base year 2024 + 10 = 2034) when none is written', async () => {
    expect(await warningsOf('past-default-horizon')).toEqual([
      'good/past-default-horizon.yaml:5:26: warning: regional_residential[1].year: 2035 is after the horizon (horizon.to 2034): it never takes effect; extend horizon.to or correct the year',
    ]);
  });
});

describe('year maps, sources and distributions', () => {
  it('turns year maps into Timelines whose initial value is the default', async () => {
    const m = deterministicScenario(await load('dated'), dataset);
    expect(m.demand).toEqual({
      method: 'change',
      rate: { initial: 0, steps: [[2024, 0], [2027, -0.02]] },
      rateByLa: { W06000001: { initial: 0.01, steps: [] }, W06000015: { initial: 0, steps: [[2025, 0.01]] } },
      trendYears: 5, // passed as the spec holds it; the model reads it only under the trend method
      reconcile: 'none', // likewise
    });
    expect(m.mixShift).toEqual([{ from: 'residential', to: 'foster', share: { initial: 0.05, steps: [] } }]);
    expect(m.turnover.foster).toEqual({ initial: 0.3, steps: [] });
    expect(m.turnover.residential).toEqual({ initial: 0.45, steps: [] }); // default
    expect(m.occupancy).toEqual({ foster: { initial: 0.9, steps: [] }, residential: { initial: 0.85, steps: [] }, secure: { initial: 0.9, steps: [] } });
    expect(m.policy.exceptionsShare).toEqual({ initial: 0, steps: [[2030, 0.1]] });
    // uniform [0.1, 0.3] -> mean 0.2; triangular [0.2, 0.4, 0.6] -> mode 0.4
    expect(m.transitions[0]).toMatchObject({ exit: 0.2, convert: 0.4 });
    expect(m.transitions[1]).toMatchObject({ providerId: 'P0042', exit: 1, convert: 0 });
    expect(m.fosterWales).toEqual({
      netNewPlaces: { initial: 0, steps: [[2026, 120], [2027, 120]] },
      transfersFromFp: { initial: 0.5, steps: [] },
      netGrowthRate: { initial: 0, steps: [] },
      netNewPlacesByLa: {},
      nationNeed: null,
    });
    expect(m.regionalResidential).toEqual([{ region: 'powys', host: 'W06000023', year: 2027, places: 4, sector: 'la', placementType: 'residential', reservedForRegion: true }]);
    // before the year map's first key there is no cap (Infinity), not a cap of 0
    expect(m.outsideWales).toEqual({
      allowed: true,
      places: { initial: Number.POSITIVE_INFINITY, steps: [[2026, 200]] },
      distanceKm: { initial: 160, steps: [] },
      distanceKmByLa: { W06000001: { initial: 200, steps: [] }, W06000015: { initial: 120, steps: [] } },
      sector: 'fp',
      pricePremium: { initial: 0, steps: [] },
    });
    expect(m.inflation).toEqual({ initial: 0.03, steps: [] });
    expect(m.unplacedWeeklyCostGbp).toEqual({ initial: 12000, steps: [] });
    expect(m.horizonTo).toBe(2034); // base year 2024 + 10
  });

  it('records every parameter in force with its source, defaults marked', async () => {
    const loaded = await load('dated');
    const byPath = new Map(loaded.parameters.map((p) => [p.path, p]));
    expect(byPath.get('turnover.foster')).toEqual({ path: 'turnover.foster', value: 0.3, source: 'CMA market study 2022' });
    expect(byPath.get('turnover.residential')).toEqual({ path: 'turnover.residential', value: 0.45, source: 'default' });
    expect(byPath.get('demand.rate_by_la.W06000015.2025')).toEqual({ path: 'demand.rate_by_la.W06000015.2025', value: 0.01, source: 'Cardiff strategy' });
    expect(byPath.get('transitions[1].exit')).toEqual({ path: 'transitions[1].exit', value: 1, source: 'closure notice' });
    expect(byPath.get('transitions[0].exit')).toEqual({ path: 'transitions[0].exit', value: { uniform: [0.1, 0.3] }, source: null });
    expect(byPath.get('regional_residential[0].places')).toEqual({ path: 'regional_residential[0].places', value: 4, source: 'Powys plan' });
    expect(byPath.get('demand.rate.2027')?.value).toBe(-0.02);
    expect(loaded.hasDistributions).toBe(true);
    // a transition row's own source is the source of its shares
    const child = await load('child');
    expect(child.parameters.find((p) => p.path === 'transitions[0].exit')?.source).toBe('child transition source');
  });

  it('hashes the resolved parameters, not the words around them', async () => {
    const a = await load('dated');
    const b = await load('dated');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe((await load('child')).hash);
  });
});

describe('resolveScenario', () => {
  it('draws in the canonical order, with clamping and whole places', async () => {
    const loaded = await load('dated');
    const calls: Array<[string, Distribution]> = [];
    const m = resolveScenario(loaded, dataset, (d, p) => {
      calls.push([p, d]);
      return 'normal' in d ? d.normal[0] + 10 * d.normal[1] : centralValue(d) + 0.337; // push normals out of range
    });
    expect(calls.map(([p]) => p)).toEqual([
      'demand.rate_by_la.W06000001',
      'transitions[0].exit',
      'transitions[0].convert',
      'foster_wales.net_new_places.2027',
      'foster_wales.transfers_from_fp',
      'outside_wales.distance_km.W06000001',
      'unplaced_weekly_cost_gbp',
    ]);
    expect(m.demand.method === 'change' && m.demand.rateByLa.W06000001.initial).toBeCloseTo(0.06); // 0.01 + 10 x 0.005
    // exit 0.2 + 0.337 = 0.537; convert 0.4 + 0.337 = 0.737 (the model cuts it to 1 - 0.537: supply.test.ts)
    expect(m.transitions[0].exit).toBeCloseTo(0.537);
    expect(m.transitions[0].convert).toBeCloseTo(0.737);
    expect(m.fosterWales.netNewPlaces.steps).toEqual([[2026, 120], [2027, 120]]); // 120.337 rounds to 120 places
    expect(m.fosterWales.transfersFromFp.initial).toBe(1); // 0.5 + 10 x 0.5 clamped to a share
    expect(m.outsideWales.distanceKmByLa.W06000001.initial).toBe(400);
  });

  it('demand from flows: its keys, LAs as codes, the draw order and a mean time in care before its first key', async () => {
    const loaded = await load('flows');
    const calls: string[] = [];
    const m = resolveScenario(loaded, dataset, (d, p) => {
      calls.push(p);
      return centralValue(d);
    });
    expect(calls).toEqual(['demand.entries_change.2025', 'demand.mean_years_in_care.2025', 'demand.extra_entries.W06000015']);
    if (m.demand.method !== 'flows') throw new Error('expected flows');
    expect(m.demand.entriesChange).toEqual({ initial: 0, steps: [[2025, -0.05], [2027, -0.1]] });
    // Before 2025 the mean time in care is the default (NaN: each LA's balance, need.ts).
    expect(m.demand.meanYearsInCare!.initial).toBeNaN();
    expect(m.demand.meanYearsInCare!.steps).toEqual([[2025, 3.2]]);
    expect(m.demand.meanYearsInCareByLa.W06000001).toEqual({ initial: 2.5, steps: [] });
    expect(m.demand.extraEntriesByLa).toEqual({ W06000015: { initial: 10, steps: [] }, W06000023: { initial: 3, steps: [] } });
    expect(m.demand.extraEntries).toEqual({ initial: 0, steps: [] });
    expect(loaded.parameters.find((p) => p.path === 'demand.mean_years_in_care.2025')?.source).toBe('analyst range');
  });

  it('demand from flows: bad values, and a dataset without flows', async () => {
    expect(await problems('flows-bad')).toEqual([
      'bad/flows-bad.yaml:3:19: demand.entries_change: expected a rate of change a year, above -1 and at most 1, found -1.5: a rate is a fraction a year; did you mean -0.015?',
      'bad/flows-bad.yaml:4:31: demand.mean_years_in_care.2026: expected a mean time in care of more than 0 years, found 0',
      'bad/flows-bad.yaml:5:31: demand.mean_years_in_care_by_la.Cardif: unknown local authority "Cardif"; did you mean "Cardiff" (W06000015)?',
      // A negative time in care is one problem, from the range check, not two (issue 23).
      'bad/flows-bad.yaml:5:53: demand.mean_years_in_care_by_la.W06000023: expected a time in years of more than 0, found -2',
      'bad/flows-bad.yaml:6:29: demand.extra_entries.Newport: expected a number of at least 0, found -2',
    ]);
    const noFlows = { ...dataset, flows: undefined };
    const refused = await loadScenario('flows', { scenariosDir: GOOD, dataset: noFlows }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ScenarioError);
    expect((refused as ScenarioError).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^demand\.method: flows: needs the dataset's flows resource/)]);
    // validate, checking every scenario of a folder, warns instead
    const warned = await loadScenario('flows', { scenariosDir: GOOD, dataset: noFlows, missingData: 'warning' });
    expect(warned.warnings.map((p) => p.message)).toEqual([expect.stringMatching(/^demand\.method: flows: needs .* refuse this scenario on this data$/)]);
  });

  it('gives the deterministic scenario when the draw is the central value', async () => {
    const loaded = await load('dated');
    expect(resolveScenario(loaded, dataset, (d) => centralValue(d))).toEqual(deterministicScenario(loaded, dataset));
  });
});

describe('the scenario library', () => {
  const files = readdirSync(LIBRARY).filter((f) => f.endsWith('.yaml'));

  it('has the scenarios docs/model.md and the engine issue ask for', async () => {
    const list = await listScenarios(LIBRARY);
    expect(list.map((s) => s.name)).toEqual([
      'baseline',
      'central',
      'central-uncertain',
      'eliminate-act',
      'eliminate-fast-exit',
      'england-tightens',
      'foster-wales-growth',
      'prevention',
      'regional-homes',
      'regional-homes-delayed',
    ]);
    for (const s of list) expect(s.title.length).toBeGreaterThan(10);
  });

  it.each(files)('%s loads, cites sources and resolves', async (file) => {
    const loaded = await loadScenario(path.join(LIBRARY, file), { scenariosDir: LIBRARY, dataset });
    expect(loaded.warnings.map(formatProblem)).toEqual([]);
    expect(loaded.assumptions.length).toBeGreaterThan(0);
    for (const a of loaded.assumptions) expect(a.source, a.id).toBeTruthy();
    const m = deterministicScenario(loaded, dataset);
    expect(m.name).toBe(path.basename(file, '.yaml'));
    expect(m.horizonTo).toBe(2035);
    let draws = 0;
    resolveScenario(loaded, dataset, (d) => {
      draws++;
      return centralValue(d);
    });
    expect(draws > 0).toBe(loaded.hasDistributions);
  });

  it('puts the Act in force in eliminate-act and central, and not in baseline', async () => {
    const [baseline, act, central] = await Promise.all(['baseline', 'eliminate-act', 'central'].map((n) => load(n, LIBRARY)));
    expect(deterministicScenario(baseline, dataset).policy).toMatchObject({ fpGrowthFrozenFrom: null, approvalRequiredFrom: null, fpNewPlacementsEnd: null });
    for (const s of [act, central]) {
      expect(deterministicScenario(s, dataset).policy).toMatchObject({ fpGrowthFrozenFrom: 2027, approvalRequiredFrom: 2027, fpNewPlacementsEnd: 2030 });
    }
    // baseline's demand is the naive forecast the backtest chooses (docs/methodology.md, "Backtests"): change at rate 0
    expect(deterministicScenario(baseline, dataset).demand).toMatchObject({ method: 'change', rate: { initial: 0, steps: [] } });
  });

  it('opens the regional homes of regional-homes-delayed a year after those of regional-homes', async () => {
    const [onTime, late] = await Promise.all(['regional-homes', 'regional-homes-delayed'].map((n) => load(n, LIBRARY)));
    const a = deterministicScenario(onTime, dataset).regionalResidential;
    const b = deterministicScenario(late, dataset).regionalResidential;
    expect(b).toEqual(a.map((r) => ({ ...r, year: r.year + 1 })));
    expect(new Set(a.map((r) => r.region)).size).toBe(7);
  });

  it("central's assumptions log holds no baseline assumption it replaces (no exits, trend demand, Foster Wales net 0)", async () => {
    const central = await load('central', LIBRARY);
    // B1 (trend) goes with demand.method, B2 (no exits) with eliminate-act's transitions, B3 (net 0)
    // with central's net_new_places; B4 (the data), B5, B6 (costs, distance, deflator) and B7-B9 (usable
    // places, external demand, transition unit), B10 (placement choice), B11 (one-off costs), B13
    // (England's intake held) and B12 (unbiased rounding) stay.
    expect(central.assumptions.map((a) => a.id)).toEqual(['B4', 'B5', 'B7', 'B8', 'B10', 'B9', 'B6', 'B11', 'B13', 'B12', 'A1', 'A2', 'A3', 'A4', 'A5', 'C1', 'W1', 'R1']);
  });

  it('gives every shipped assumption its covers', async () => {
    for (const file of files) {
      const { assumptions } = await loadScenario(path.join(LIBRARY, file), { scenariosDir: LIBRARY, dataset });
      for (const a of assumptions) expect(a.covers, `${file} ${a.id}`).toBeDefined();
    }
  });

  it("central-uncertain at its central values gives central's figures", async () => {
    // Its turnover ranges start in 2025 and it keeps central's held intake outside Wales, so the
    // scenarios differ in how they are written (year keys) but not in any figure.
    const [central, uncertain] = await Promise.all(['central', 'central-uncertain'].map((n) => load(n, LIBRARY)));
    expect(uncertain.hasDistributions).toBe(true);
    const { runProjection } = await import('../../src/model/project.js');
    const { areaRows } = await import('../../src/model/aggregate.js');
    const rows = (s: typeof central) => areaRows(runProjection(dataset, { ...deterministicScenario(s, dataset), name: 'central' }, { keepPlacements: false }), dataset, 'la');
    expect(rows(uncertain)).toEqual(rows(central));
  });
});

describe('sufficiency scenarios', () => {
  it('prints one line per scenario, name first, titles aligned', async () => {
    const { formatScenarioList } = await import('../../src/cli/commands/scenarios.js');
    const text = formatScenarioList(await listScenarios(LIBRARY));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("baseline                Today's market, demand held; no policy change");
    expect(new Set(lines.map((l) => l.indexOf(l.trim().split(/\s{2,}/)[1])))).toEqual(new Set([24]));
  });

  it('cuts titles with … to fit a terminal 80 columns wide, keeping one line each', async () => {
    const { formatScenarioList } = await import('../../src/cli/commands/scenarios.js');
    const lines = formatScenarioList(await listScenarios(LIBRARY), 80).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(79);
    expect(lines.find((l) => l.startsWith('central-uncertain '))).toMatch(/…$/);
    expect(lines[0]).toBe("baseline                Today's market, demand held; no policy change");
  });
});
