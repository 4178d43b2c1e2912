// The column mapping of each resource comes from the resource table (src/io/schemas.ts): a column
// fills the field named by its camelCase name (or its `key`), and an empty cell is null, left out, or
// the value of the column it stands for (docs/model.md §3; src/io/rows.ts `rowMapper`).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fieldKey } from '../../src/io/fields.js';
import { rowMapper } from '../../src/io/rows.js';
import { RESOURCES, RESOURCE_NAMES } from '../../src/io/schemas.js';
import type { ParsedRow } from '../../src/io/cells.js';

/** The fields of each dataset row type (src/model/types.ts), in column order, written out by hand. */
const ROW_FIELDS: Record<(typeof RESOURCE_NAMES)[number], string[]> = {
  local_authorities: ['code', 'nameEn', 'nameCy', 'region', 'lat', 'lon', 'areaKm2'],
  placements: ['laCode', 'placementType', 'sector', 'host', 'children', 'providerId', 'source'],
  providers: ['providerId', 'providerName', 'sector', 'host', 'placementType', 'places', 'source'],
  // DemandPoint's `year` is derived from as_at by the reader, not a column.
  demand_history: ['laCode', 'asAt', 'children', 'source', 'status'],
  strategies: ['laCode', 'year', 'action', 'placementType', 'sector', 'places', 'host', 'note'],
  costs: ['placementType', 'sector', 'location', 'weeklyCostGbp', 'priceYear', 'laCode', 'source', 'status'],
  external_placements: ['host', 'placementType', 'sector', 'children', 'providerId', 'placingAuthority', 'source'],
  flows: ['laCode', 'year', 'started', 'ceased', 'source', 'status'],
};

/** A parsed row with every column of the resource filled with a text of its own name. */
const filled = (name: (typeof RESOURCE_NAMES)[number]): ParsedRow => Object.fromEntries(RESOURCES[name].fields.map((f) => [f.name, `v:${f.name}`]));

describe('the column mapping from the resource table', () => {
  it('names a field by its column in camelCase, local_authorities.la_code as code', () => {
    // la_code -> laCode; area_km2 -> areaKm2 (a digit after _ stays); weekly_cost_gbp -> weeklyCostGbp.
    expect(fieldKey({ ...RESOURCES.placements.fields[0] })).toBe('laCode');
    expect(RESOURCES.local_authorities.fields.map(fieldKey)).toEqual(ROW_FIELDS.local_authorities);
    expect(RESOURCES.costs.fields.map(fieldKey)).toContain('weeklyCostGbp');
  });

  it.each(RESOURCE_NAMES)('maps every column of %s, in column order, onto its row type', (name) => {
    const row = rowMapper(name)(filled(name));
    expect(Object.keys(row)).toEqual(ROW_FIELDS[name]);
    // Each value is the cell's, unchanged: the first column's text lands under the first field.
    expect(row[ROW_FIELDS[name][0]]).toBe(`v:${RESOURCES[name].fields[0].name}`);
  });

  it('leaves out an empty source, status or note, and keeps other empty optional cells as null', () => {
    const cost = rowMapper('costs')({ placement_type: 'foster', sector: 'la', location: 'in_wales', weekly_cost_gbp: 800, price_year: 2024, la_code: null, source: null, status: null });
    expect(cost).toEqual({ placementType: 'foster', sector: 'la', location: 'in_wales', weeklyCostGbp: 800, priceYear: 2024, laCode: null });
    expect('source' in cost).toBe(false);
    const external = rowMapper('external_placements')({ host: 'W06000015', placement_type: 'residential', sector: 'fp', children: 3, provider_id: null, placing_authority: null, source: 'S' });
    expect(external).toEqual({ host: 'W06000015', placementType: 'residential', sector: 'fp', children: 3, providerId: null, placingAuthority: null, source: 'S' });
  });

  it("reads a strategy's empty host as its own LA, a given host as given", () => {
    const strategy = (host: string | null): ParsedRow => ({ la_code: 'W06000015', year: 2026, action: 'open', placement_type: 'residential', sector: 'la', places: 4, host, note: null });
    expect(rowMapper('strategies')(strategy(null)).host).toBe('W06000015');
    expect(rowMapper('strategies')(strategy('W06000014')).host).toBe('W06000014');
  });

  it('property: a row holds exactly the fields of its non-empty cells and of the empty ones not left out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RESOURCE_NAMES), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (name, empties) => {
        const fields = RESOURCES[name].fields;
        const parsed: ParsedRow = Object.fromEntries(fields.map((f, i) => [f.name, empties[i] ? null : `v:${f.name}`]));
        const row = rowMapper(name)(parsed);
        for (const f of fields) {
          const own = parsed[f.name];
          const stood = own ?? (f.emptyMeans !== undefined ? parsed[f.emptyMeans] : null);
          if (stood === null && f.omitWhenEmpty) expect(fieldKey(f) in row).toBe(false);
          else expect(row[fieldKey(f)]).toBe(stood);
        }
        expect(Object.keys(row).every((k) => fields.some((f) => fieldKey(f) === k))).toBe(true);
      }),
    );
  });
});
