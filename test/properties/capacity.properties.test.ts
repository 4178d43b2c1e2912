// Children against places (src/io/capacity.ts; docs/methodology.md, "Checks on the data"), as
// properties over random small datasets: a host, sector and type warns exactly when the dataset's own
// children and other authorities' there together exceed the places listed there (and some are
// listed), whatever the order of the rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCapacity, type Located } from '../../src/io/capacity.js';
import type { ExternalPlacementRow, PlacementRow, ProviderRow, Sector } from '../../src/model/types.js';

const HOSTS = ['A', 'B'] as const;
const SECTORS: Sector[] = ['la', 'fp'];

const providerArb = fc.record({ host: fc.constantFrom(...HOSTS), sector: fc.constantFrom(...SECTORS), places: fc.integer({ min: 0, max: 20 }) });
const holdingArb = fc.record({ host: fc.constantFrom(...HOSTS), sector: fc.constantFrom(...SECTORS), children: fc.integer({ min: 0, max: 25 }), external: fc.boolean() });

function build(providers: Array<{ host: string; sector: Sector; places: number }>, holdings: Array<{ host: string; sector: Sector; children: number; external: boolean }>) {
  const listed: ProviderRow[] = providers.map((p, i) => ({ providerId: `P${i}`, providerName: `P${i}`, sector: p.sector, host: p.host, placementType: 'residential', places: p.places }));
  const placements: Array<Located<PlacementRow>> = [];
  const external: Array<Located<ExternalPlacementRow>> = [];
  holdings.forEach((h, i) => {
    if (h.external) external.push({ row: { host: h.host, placementType: 'residential', sector: h.sector, children: h.children, providerId: null, placingAuthority: null }, file: 'e.csv', line: i + 2 });
    else placements.push({ row: { laCode: 'L', placementType: 'residential', sector: h.sector, host: h.host, children: h.children, providerId: null }, file: 'p.csv', line: i + 2 });
  });
  return { listed, placements, external };
}

describe('children against places (property)', () => {
  it('a cell warns exactly when its children exceed its listed places (> 0), in any row order', () => {
    fc.assert(
      fc.property(fc.array(providerArb, { maxLength: 5 }), fc.array(holdingArb, { maxLength: 8 }), fc.boolean(), (providers, holdings, reverse) => {
        const { listed, placements, external } = build(providers, holdings);
        const problems = checkCapacity({
          placements: reverse ? [...placements].reverse() : placements,
          external: reverse ? [...external].reverse() : external,
          providers: reverse ? [...listed].reverse() : listed,
          providersTainted: false,
          packageFile: 'datapackage.json',
          label: (c) => c,
        });
        const warned = new Set(
          problems.filter((p) => p.message.includes('but providers list only')).map((p) => /(la|fp) residential at (A|B)/.exec(p.message)!.slice(1, 3).join('|')),
        );
        const expected = new Set<string>();
        for (const host of HOSTS) {
          for (const sector of SECTORS) {
            const places = providers.filter((p) => p.host === host && p.sector === sector).reduce((s, p) => s + p.places, 0);
            const children = holdings.filter((h) => h.host === host && h.sector === sector).reduce((s, h) => s + h.children, 0);
            if (places > 0 && children > places) expected.add(`${sector}|${host}`);
          }
        }
        expect(warned).toEqual(expected);
        expect(problems.every((p) => p.severity === 'warning')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
