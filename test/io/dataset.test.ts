// One bad fixture per validation rule of docs/model.md §3 (written by
// test/fixtures/io/make_fixtures.py from one tiny valid package); each test names the file, the line,
// the column and the words of the message an analyst would read.
import { describe, it, expect } from 'vitest';
import { loadDataset, loadDatasetOrThrow } from '../../src/io/dataset.js';
import { InputError, formatProblem, type Problem } from '../../src/errors.js';

const FIX = 'test/fixtures/io';

async function load(name: string) {
  const result = await loadDataset(`${FIX}/${name}`);
  return { ...result, lines: result.problems.map(formatProblem), errors: result.problems.filter((p) => p.severity === 'error') };
}

function only(problems: Problem[]): Problem {
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0];
}

describe('a good dataset', () => {
  it('loads Welsh names, a BOM, CRLF line ends, # comment lines and a multi-file resource cleanly', async () => {
    const { dataset, problems, files } = await load('good');
    expect(problems).toEqual([]);
    expect(dataset).not.toBeNull();
    const d = dataset!;
    expect(d.baseYear).toBe(2024);
    expect(d.localAuthorities.map((la) => [la.code, la.region])).toEqual([
      ['W06000001', 'north-wales'],
      ['W06000002', 'north-wales'],
      ['W06000015', 'cardiff-and-vale'],
    ]);
    expect(d.localAuthorities[0].nameCy).toBe('Ynys Môn');
    // "Ynys Môn", "ynys mon", "Caerdydd" and "CARDIFF" are resolved to codes.
    expect(d.demandHistory.map((p) => `${p.laCode} ${p.asAt} ${p.year} ${p.children}`)).toEqual([
      'W06000001 2023-03-31 2023 150',
      'W06000001 2024-03-31 2024 160',
      'W06000002 2024-03-31 2024 250',
      'W06000015 2024-03-31 2024 100',
      'W06000015 2023-03-31 2023 95',
    ]);
    expect(d.placements[0]).toMatchObject({ laCode: 'W06000001', placementType: 'foster', sector: 'la', host: 'W06000001', children: 80, providerId: null });
    expect(d.placements[2].host).toBe('OUTSIDE_WALES');
    expect(d.placements[3]).toMatchObject({ placementType: 'kinship', sector: null, host: null, children: 40 });
    expect(d.providers.find((p) => p.providerId === 'P2')).toMatchObject({ providerName: 'Synthetic homes, north', host: 'W06000002', places: 24 });
    // Two strategy files read as one table; an empty host is the LA itself; "2026-27" is 2026.
    expect(d.strategies).toEqual([
      { laCode: 'W06000015', year: 2025, action: 'open', placementType: 'residential', sector: 'la', places: 4, host: 'W06000015', note: 'New small home' },
      { laCode: 'W06000002', year: 2026, action: 'open', placementType: 'residential', sector: 'la', places: 3, host: 'W06000002', note: 'Cartref, Bangor' },
    ]);
    expect(d.costs?.find((c) => c.sector === 'fp' && c.placementType === 'foster')?.weeklyCostGbp).toBe(900.5);
    expect(files.map((f) => f.replace(/.*fixtures\/io\/good\//, ''))).toEqual([
      'datapackage.json',
      'local_authorities.csv',
      'placements.csv',
      'providers.csv',
      'demand_history.csv',
      'strategies/caerdydd.csv',
      'strategies/gwynedd.csv',
      'costs.csv',
    ]);
  });

  it('treats absent providers, strategies and costs as none', async () => {
    const { dataset } = await load('base');
    expect(dataset).not.toBeNull();
    expect(dataset!.costs).toBeNull();
  });

  it('loadDatasetOrThrow returns the dataset and its warnings, or throws InputError with every problem', async () => {
    const ok = await loadDatasetOrThrow(`${FIX}/over-capacity`);
    expect(ok.warnings).toHaveLength(1);
    await expect(loadDatasetOrThrow(`${FIX}/three-mistakes`)).rejects.toBeInstanceOf(InputError);
    await loadDatasetOrThrow(`${FIX}/three-mistakes`).catch((e: InputError) => expect(e.problems).toHaveLength(3));
  });
});

describe('validation rejects, with file, line and column', () => {
  it('a missing file', async () => {
    const p = only((await load('missing-file')).problems);
    expect(formatProblem(p)).toBe(`${FIX}/missing-file/providers.csv: file not found: the data package lists it, but there is no such file`);
  });

  it('a missing required resource', async () => {
    const p = only((await load('missing-resource')).problems);
    expect(p.file).toBe(`${FIX}/missing-resource/datapackage.json`);
    expect(p.message).toContain('missing resource "demand_history"');
  });

  it('a missing column, with a hint at the misnamed one', async () => {
    const p = only((await load('missing-column')).problems);
    expect(p).toMatchObject({ file: `${FIX}/missing-column/placements.csv`, line: 1, severity: 'error' });
    expect(p.message).toContain('missing column "children"');
    expect(p.message).toContain('"child"');
  });

  it('an unknown LA, with a did-you-mean', async () => {
    const { errors } = await load('unknown-la');
    expect(errors.map(formatProblem)).toEqual([
      `${FIX}/unknown-la/placements.csv:2:la_code: unknown local authority "Ynys Mont": expected a local authority (code, English or Welsh name); did you mean "Isle of Anglesey" (W06000001)?`,
      `${FIX}/unknown-la/placements.csv:3:host: unknown local authority "Cardif": expected a local authority (code, English or Welsh name) or OUTSIDE_WALES; did you mean "Cardiff" (W06000015)?`,
    ]);
  });

  it('text in a count', async () => {
    const { lines } = await load('non-numeric');
    expect(lines).toEqual([
      `${FIX}/non-numeric/providers.csv:4:places: expected a whole number of places, found "12 beds"`,
      `${FIX}/non-numeric/strategies.csv:2:places: expected a whole number of places, found "12 places"`,
    ]);
  });

  it('a negative count', async () => {
    expect((await load('negative')).lines).toEqual([
      `${FIX}/negative/placements.csv:5:children: expected a whole number of children (0 or more), found "-5"`,
    ]);
  });

  it('a thousands separator, suggesting the plain number', async () => {
    expect((await load('thousands')).lines).toEqual([
      `${FIX}/thousands/demand_history.csv:4:children: expected a plain number without thousands separators, found "1,234" (did you mean 1234?)`,
    ]);
  });

  it('a duplicate key, naming the first occurrence (LA names resolved before comparing)', async () => {
    expect((await load('duplicate')).lines).toEqual([
      `${FIX}/duplicate/demand_history.csv:5: duplicate row: the same la_code and as_at (W06000001, 2024-03-31) as line 3`,
    ]);
  });

  it('an as_at that is not a 31 March', async () => {
    expect((await load('not-31-march')).lines).toEqual([
      `${FIX}/not-31-march/demand_history.csv:2:as_at: expected a 31 March as an ISO date (YYYY-03-31), found "2023-04-01" (not a 31 March)`,
    ]);
  });

  it('an as_at not in ISO form, suggesting it', async () => {
    expect((await load('date-format')).lines).toEqual([
      `${FIX}/date-format/demand_history.csv:2:as_at: expected a 31 March as an ISO date (YYYY-03-31), found "31/03/2023" (did you mean 2023-03-31?)`,
    ]);
  });

  it('a strategy year before the base year', async () => {
    expect((await load('strategy-before-base')).lines).toEqual([
      `${FIX}/strategy-before-base/strategies.csv:2:year: expected a financial year from 2024 (the base year) on, found "2022"`,
    ]);
  });

  it('placements that disagree with demand_history at the base date by more than 1%, saying both numbers', async () => {
    expect((await load('demand-mismatch')).lines).toEqual([
      `${FIX}/demand-mismatch/demand_history.csv:4:children: Cardiff (W06000015) has 60 children looked after at 2024-03-31 here, but placements hold 50 (16.7% apart; at most 1% allowed)`,
    ]);
  });

  it('a provider_id not listed at that host and type', async () => {
    expect((await load('unknown-provider')).lines).toEqual([
      `${FIX}/unknown-provider/placements.csv:6:provider_id: unknown provider "P9": expected a provider_id that providers lists with residential places at Cardiff (W06000015) (did you mean "P1"?)`,
    ]);
  });

  it('a market placement without a sector', async () => {
    const p = only((await load('market-without-sector')).problems);
    expect(p).toMatchObject({ file: `${FIX}/market-without-sector/placements.csv`, line: 5, column: 'sector' });
    expect(p.message).toContain('for a foster placement, found an empty cell');
  });

  it('unknown codes, with suggestions', async () => {
    expect((await load('bad-codes')).lines).toEqual([
      `${FIX}/bad-codes/placements.csv:2:placement_type: expected a placement type (foster, residential, secure, kinship, parents, adoption, independent, other), found "fostr" (did you mean "foster"?)`,
      `${FIX}/bad-codes/placements.csv:3:sector: expected a sector (la, nfp, fp), found "profit"`,
      `${FIX}/bad-codes/providers.csv:2:host: expected a local authority of the dataset (code, English or Welsh name), found "OUTSIDE_WALES" (only placements may be outside Wales)`,
      `${FIX}/bad-codes/providers.csv:3:placement_type: expected a market placement type (foster, residential, secure), found "kinship" (only market types here: kinship is not supplied by providers)`,
    ]);
  });

  it('regions, coordinates and areas out of range', async () => {
    expect((await load('bad-la-table')).lines).toEqual([
      `${FIX}/bad-la-table/local_authorities.csv:2:region: expected a region name with at least one letter or digit, found "???"`,
      `${FIX}/bad-la-table/local_authorities.csv:2:lat: expected a latitude (decimal degrees from -90 to 90), found "95"`,
      `${FIX}/bad-la-table/local_authorities.csv:2:lon: expected a longitude (decimal degrees from -180 to 180), found "-200"`,
      `${FIX}/bad-la-table/local_authorities.csv:3:area_km2: expected an area in km² greater than 0, found "0"`,
      `${FIX}/bad-la-table/local_authorities.csv:4:la_code: expected a local authority code (letters, digits, - and _), found "OUTSIDE_WALES" (OUTSIDE_WALES is reserved for placements outside the nation)`,
      `${FIX}/bad-la-table/local_authorities.csv:5:la_code: expected a local authority code (letters, digits, - and _), found "W06 000099"`,
    ]);
  });

  it('malformed CSV records, each with its line, and nothing that follows from them', async () => {
    expect((await load('malformed-csv')).lines).toEqual([
      `${FIX}/malformed-csv/providers.csv:3: expected 6 values as in the header row, found 5 (a comma inside a value needs "double quotes" around the value)`,
      `${FIX}/malformed-csv/providers.csv:4: a quoted value must end with a double quote followed by a comma or the end of the line; to put a quote inside a quoted value, double it ("")`,
    ]);
  });

  it('every problem at once: three mistakes give three problems', async () => {
    const { dataset, lines } = await load('three-mistakes');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      `${FIX}/three-mistakes/demand_history.csv:2:as_at: expected a 31 March as an ISO date (YYYY-03-31), found "2023-04-01" (not a 31 March)`,
      `${FIX}/three-mistakes/placements.csv:5:children: expected a whole number of children (0 or more), found "-40"`,
      `${FIX}/three-mistakes/strategies.csv:2:action: expected an action (open, close, recruit), found "build"`,
    ]);
  });
});

describe('warnings do not stop a load', () => {
  it('placements beyond the places listed at a host', async () => {
    const { dataset, lines } = await load('over-capacity');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual([
      `${FIX}/over-capacity/placements.csv:3:children: warning: 20 children are placed in fp residential at Cardiff (W06000015) (rows at lines 3, 6), but providers list only 15 places there`,
    ]);
  });

  it('a market placement at a host with no provider of that sector and type', async () => {
    const { dataset, lines } = await load('unlisted');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual([
      `${FIX}/unlisted/placements.csv:5:host: warning: no provider in providers has nfp foster at Cardiff (W06000015): these 40 children will sit with an UNLISTED provider of 0 places`,
    ]);
  });

  it('an unknown resource', async () => {
    const { dataset, problems } = await load('unknown-resource');
    expect(dataset).not.toBeNull();
    const p = only(problems);
    expect(p).toMatchObject({ severity: 'warning', file: `${FIX}/unknown-resource/datapackage.json` });
    expect(p.message).toContain('unknown resource "budgets"');
  });

  it('the flows resource: thousands, unknown LA, a year not yet observed, negative counts, bad status, duplicates', async () => {
    // Line 2 is good ("2023-24" is the financial year 2023); line 3 names the nation by name.
    expect((await load('bad-flows')).lines).toEqual([
      `${FIX}/bad-flows/flows.csv:3:started: expected a plain number without thousands separators, found "1,990" (did you mean 1990?)`,
      `${FIX}/bad-flows/flows.csv:4:la_code: unknown local authority "Cardif": expected a local authority (code, English or Welsh name) or the nation's code (W92000004 for Wales); did you mean "Cardiff" (W06000015)?`,
      `${FIX}/bad-flows/flows.csv:5:year: expected a financial year before 2024 (flows are observed: the year 2023-24 ends on the base date 2024-03-31), found "2024"`,
      `${FIX}/bad-flows/flows.csv:6:ceased: expected a whole number of children (0 or more), found "-1"`,
      `${FIX}/bad-flows/flows.csv:6:status: expected a status (published, derived, estimated), found "guessed"`,
      `${FIX}/bad-flows/flows.csv:7: duplicate row: the same la_code and year (W06000001, 2023) as line 2`,
    ]);
  });
});
