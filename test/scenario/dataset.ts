// The scenario tests' dataset.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Dataset, LocalAuthority } from '../../src/model/types.js';
import { WALES } from '../../src/common/wales-las.js';
import { regionSlug } from '../../src/common/la-names.js';
import { geographyOf } from '../model/fixtures.js';

// A small hand-made Dataset: the 22 LAs (read from the fixture CSV), one provider, base year 2024.
// Scenarios only need LAs, providers (for provider_id) and the base year.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'scenarios');

export function testDataset(): Dataset {
  const rows = parse(readFileSync(path.join(FIXTURES, 'local_authorities.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const localAuthorities: LocalAuthority[] = rows.map((r) => ({
    code: r.la_code,
    nameEn: r.name_en,
    nameCy: r.name_cy,
    region: regionSlug(r.region),
    lat: Number(r.lat),
    lon: Number(r.lon),
    areaKm2: Number(r.area_km2),
  }));
  return {
    localAuthorities,
    placements: [],
    providers: [{ providerId: 'P0042', providerName: 'A for-profit home', sector: 'fp', host: 'W06000023', placementType: 'residential', places: 4 }],
    demandHistory: [],
    strategies: [],
    costs: null,
    // The nation's flows in 2023-24, for scenarios whose demand comes from flows.
    flows: [{ laCode: 'W92000004', year: 2023, started: 1990, ceased: 1980 }],
    baseYear: 2024,
    regions: geographyOf(localAuthorities),
    nation: WALES,
  };
}

